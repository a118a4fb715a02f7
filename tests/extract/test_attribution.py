"""Who said what, on sentences written for these tests: the patterns of real news that the
attribution modules must read, each with a negative where a wrong speaker would be tempting.

Speakers are checked by a word of their name (see `check`), so the tests hold whichever full
name the actor table settles on.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData

Expected = list[tuple[str, str | None]]


def found(doc: Doc, lang: LangData) -> Expected:
    """(quote text, speaker name or None) for each quote of a parsed text."""
    return [(q.text, q.speaker_name) for q in extract_quotes(doc, lang, extract_actors(doc, lang))[0]]


def check(got: Expected, expected: Expected) -> None:
    assert [t for t, _ in got] == [t for t, _ in expected]
    for (text, name), (_, want) in zip(got, expected):
        if want is None:
            assert name is None, (text, name)
        else:
            assert name is not None and want in name, (text, name)


def test_a_document_named_again_by_a_pronoun_subject_does_not_crash(
        parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """The document owner is a pronoun: once an AttributeError that lost the whole brief."""
    doc = parse_fr("Il a publié un communiqué. « Nous refusons tout compromis sur ce point », "
                   "explique le communiqué.")
    assert [t for t, _ in found(doc, fr)] == ["Nous refusons tout compromis sur ce point"]


def test_attribution_modules_have_no_import_cycle() -> None:
    """Each module of generator/extract imports only modules that do not import it back."""
    folder = Path(__file__).resolve().parents[2] / "generator" / "extract"
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {
            (node.module or "").split(".")[0] or alias.name
            for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1
            for alias in node.names
        } & {p.stem for p in folder.glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or nxt not in seen and reaches(nxt, goal, seen | {nxt}):
                return True
        return False

    cycles = sorted(m for m in graph if reaches(m, m, {m}))
    assert not cycles, f"import cycle through {cycles}"
