"""Language knowledge is data: loaded per language, and never written into the code."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.errors import ConfigError
from generator.langdata import LANG_DIR, load_lang, supported_languages

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def test_supported_languages() -> None:
    assert supported_languages() == ["en", "fr"]


def test_unsupported_language_lists_the_supported_ones() -> None:
    with pytest.raises(ConfigError, match="supported: en, fr"):
        load_lang("de")


@pytest.mark.parametrize("code", ["fr", "en"])
def test_every_language_has_the_same_data(code: str) -> None:
    lang = load_lang(code)
    assert lang.speech_verbs and lang.quote_pairs and lang.titles and lang.nationalities
    assert set(load_lang("fr").labels) == set(lang.labels), "label tables must have the same keys"


@pytest.mark.parametrize(("code", "word"), [("fr", "Vénézuéliens"), ("fr", "turc"), ("en", "Turks")])
def test_nationalities(code: str, word: str) -> None:
    assert load_lang(code).is_nationality(word)


def test_no_language_words_in_python_code() -> None:
    """Speech verbs, titles and nationality words live in generator/lang/, not in .py files."""
    words: set[str] = set()
    for code in supported_languages():
        lang = load_lang(code)
        words |= {w for w in lang.speech_verbs | lang.titles if len(w) > 4}
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for literal in re.findall(r"[\"']([^\"'\n]{3,40})[\"']", path.read_text(encoding="utf-8")):
            if literal.lower() in words:
                offenders.append(f"{path.relative_to(PACKAGE)}: {literal!r}")
    assert not offenders, "language words belong in generator/lang/: " + ", ".join(offenders)
    assert LANG_DIR.is_dir()


# The modules that read the parse to find speakers: every dependency label they test comes from
# the language data (`dependency_labels`, `speaker_deps`), so a new parser scheme is a data change.
ATTRIBUTION_MODULES = (
    "docindex",
    "verbs",
    "nominal",
    "antecedents",
    "speakers",
    "quote_window",
    "incises",
    "introductions",
    "continuations",
    "quote_filter",
    "quotes",
    "statements",
)


def test_attribution_modules_spell_no_dependency_label() -> None:
    labels: set[str] = set()
    for code in supported_languages():
        lang = load_lang(code)
        labels |= set(lang.speaker_deps) | {label for group in lang.deps.values() for label in group}
    offenders = []
    for name in ATTRIBUTION_MODULES:
        path = PACKAGE / "extract" / f"{name}.py"
        for literal in re.findall(r"[\"']([a-zA-Z:]{2,12})[\"']", path.read_text(encoding="utf-8")):
            if literal in labels:
                offenders.append(f"{path.name}: {literal!r}")
    assert not offenders, "dependency labels belong in lang.yml (dependency_labels): " + ", ".join(offenders)


def test_every_language_names_the_same_dependency_roles() -> None:
    roles = {code: set(load_lang(code).deps) for code in supported_languages()}
    assert all(r == roles["fr"] for r in roles.values()), roles
    assert {"chain", "object", "apposition", "auxiliary", "complement"} <= roles["fr"]


def test_dependency_labels_are_read_only() -> None:
    deps = load_lang("fr").deps
    with pytest.raises(TypeError):
        deps["chain"] = frozenset()  # type: ignore[index]


# --- Parser schemes, tags, morphology and quote marks are data too ------------------------------

# Every label of the two parser schemes spaCy's models use (Universal Dependencies for French,
# ClearNLP for English), the Penn Treebank tags of the English tagger and the Universal Features
# values: none of them may be spelled in a .py file; the code reads them from lang.yml by role.
# ("list" and "ROOT" are left out: the one is an ordinary word in code, the other is both schemes'.)
UD_LABELS = {
    "acl",
    "acl:relcl",
    "advcl",
    "advmod",
    "amod",
    "appos",
    "aux",
    "aux:pass",
    "aux:tense",
    "case",
    "cc",
    "ccomp",
    "clf",
    "compound",
    "conj",
    "cop",
    "csubj",
    "csubj:pass",
    "dep",
    "det",
    "discourse",
    "dislocated",
    "expl",
    "expl:comp",
    "expl:pass",
    "expl:subj",
    "fixed",
    "flat",
    "flat:foreign",
    "flat:name",
    "goeswith",
    "iobj",
    "mark",
    "nmod",
    "nsubj",
    "nsubj:pass",
    "nummod",
    "obj",
    "obl",
    "obl:agent",
    "obl:arg",
    "obl:mod",
    "orphan",
    "parataxis",
    "punct",
    "reparandum",
    "vocative",
    "xcomp",
}
CLEARNLP_LABELS = {
    "acomp",
    "agent",
    "attr",
    "auxpass",
    "csubjpass",
    "dative",
    "dobj",
    "intj",
    "meta",
    "neg",
    "npadvmod",
    "nsubjpass",
    "oprd",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "quantmod",
    "relcl",
}
PENN_TAGS = {
    "CC",
    "CD",
    "DT",
    "EX",
    "FW",
    "IN",
    "JJ",
    "JJR",
    "JJS",
    "LS",
    "MD",
    "NN",
    "NNS",
    "NNP",
    "NNPS",
    "PDT",
    "POS",
    "PRP",
    "PRP$",
    "RB",
    "RBR",
    "RBS",
    "RP",
    "TO",
    "UH",
    "VB",
    "VBD",
    "VBG",
    "VBN",
    "VBP",
    "VBZ",
    "WDT",
    "WP",
    "WP$",
    "WRB",
    "HYPH",
    "NFP",
    "ADD",
    "AFX",
    "XX",
}
MORPH_VALUES = {
    "Plur",
    "Sing",
    "Part",
    "Ind",
    "Def",
    "Dem",
    "Art",
    "Yes",
    "Fin",
    "Inf",
    "Ger",
    "Pres",
    "Past",
    "Fut",
    "Imp",
    "Pass",
    "Masc",
    "Fem",
    "Neut",
    "Cnd",
    "Sub",
    "Number",
    "Gender",
    "Definite",
    "PronType",
    "VerbForm",
    "Tense",
    "Mood",
    "Person",
    "Poss",
    "Voice",
    "Reflex",
    "Polarity",
}
# Literals not moved yet (issue 13): each is data waiting for its key in lang.yml. The list may
# only shrink; a new literal of the kinds above fails the test.
NOT_YET_MOVED = {
    ("extract/names.py", "'s"),
    ("extract/names.py", "’"),
    ("extract/names.py", "(?![\\w'’])"),
    ("extract/names.py", "'’"),
    ("extract/merge.py", "[\\s'’\\-]+"),
    ("extract/roles.py", "[\\s'’,]+"),
    ("extract/rescue.py", "’"),
    ("extract/dates.py", "’"),
    ("extract/date_patterns.py", "['’]"),
    ("extract/continuations.py", "([A-Z][A-Z'’.\\-]+(?: [A-Z][A-Z'’.\\-]+){0,2}):[ \\t]+"),
    ("langdata.py", "’"),
    # Outside extraction (parse.py splits sentences; text.py normalises typography).
    ("parse.py", "[.!?…](?:\\s*[\\\"'»”’)\\]])*\\s+"),
    ("text.py", "’"),
    ("text.py", "‘"),
}


def _code_literals(path: Path) -> list[str]:
    """The string literals of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _language_words() -> set[str]:
    """Words of the language data that a regex in code would be spelling out."""
    words: set[str] = set()
    for code in supported_languages():
        lang = load_lang(code)
        words |= set(lang.months) | set(lang.weekdays) | lang.leading_function_words | lang.complementizers
        words |= {
            w for w in (*lang.dates.day_suffixes, *lang.ordinal_suffixes, *lang.possessive_endings) if w.isalpha()
        }
    return {w for w in words if len(w) >= 2 and w.isalpha()}


def parser_and_mark_offenders(package: Path) -> list[str]:
    """(file: literal) for every dependency label, tag, morphology value, quote mark or word regex
    spelled in a .py file under `package`."""
    labels = UD_LABELS | CLEARNLP_LABELS
    for code in supported_languages():
        lang = load_lang(code)
        labels |= {label for group in (*lang.deps.values(), *lang.tags.values()) for label in group if label != "ROOT"}
    marks = {m for code in supported_languages() for pair in load_lang(code).quote_pairs for m in pair} - {"'", '"'}
    words = _language_words()
    offenders = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        for literal in _code_literals(path):
            if (name, literal) in NOT_YET_MOVED:
                continue
            regex_words = set(re.findall(r"[^\W\d_]{2,}", re.sub(r"\(\?P<\w+>|\\[a-zA-Z]", " ", literal)))
            if (
                literal in labels
                or literal in PENN_TAGS
                or literal in MORPH_VALUES
                or any(m in literal for m in marks)
                or (("|" in literal or "(?" in literal) and {w.lower() for w in regex_words} & words)
            ):
                offenders.append(f"{name}: {literal!r}")
    return offenders


def test_no_parser_scheme_tags_morphology_or_quote_marks_in_python_code() -> None:
    offenders = parser_and_mark_offenders(PACKAGE)
    assert not offenders, (
        "these belong in generator/lang/<code>/ (dependency_labels, tags, morphology, "
        "quote_pairs …): " + ", ".join(offenders)
    )


@pytest.mark.parametrize(
    "planted",
    [
        'dep == "obl:arg"',
        'dep in ("pobj", "dative")',
        'tok.tag_ == "NNPS"',
        '"Plur" in tok.morph.get("Number")',
        'text.endswith("»")',
        're.compile(r"(?:janvier|février)")',
        're.compile(r"\\d+(?:st|nd|rd|th)")',
    ],
)
def test_the_guard_catches_a_planted_literal(tmp_path: Path, planted: str) -> None:
    (tmp_path / "extract").mkdir()
    (tmp_path / "extract" / "planted.py").write_text(f'"""A module."""\n\nX = {planted}\n', encoding="utf-8")
    assert parser_and_mark_offenders(tmp_path)
    (tmp_path / "extract" / "planted.py").write_text(
        '"""A module about "obl:arg" and «»."""\n\nX = "NOUN"\n', encoding="utf-8"
    )
    assert not parser_and_mark_offenders(tmp_path)


# --- Misspelled keys are errors; the loaded data is read-only ------------------------------------


@pytest.fixture
def lang_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the French data under a fresh LANG_DIR, load_lang's cache cleared around the test."""
    import shutil

    import generator.langdata as langdata

    shutil.copytree(LANG_DIR / "fr", tmp_path / "fr")
    monkeypatch.setattr(langdata, "LANG_DIR", tmp_path)
    load_lang.cache_clear()
    yield tmp_path / "fr"
    load_lang.cache_clear()


@pytest.mark.parametrize(
    ("file", "line", "key"),
    [
        ("lang.yml", "speach_verbs: [dire]", "speach_verbs"),
        ("lang.yml", "background:\n  markerz: [jadis]", "background.markerz"),
        ("statements.yml", "clause_verb: [penser]", "clause_verb"),
        ("dates.yml", "weekday_parts: [matin]", "weekday_parts"),
        ("labels.yml", None, None),
    ],
)
def test_an_unknown_key_names_the_file_and_the_key(
    lang_copy: Path, file: str, line: str | None, key: str | None
) -> None:
    if line is None:
        assert load_lang("fr").labels  # labels.yml keys are free: any label may be named
        return
    path = lang_copy / file
    text = path.read_text(encoding="utf-8")
    if line.startswith("background:"):
        text = text.replace("background:\n", line + "\n", 1)
    else:
        text += "\n" + line + "\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_lang("fr")
    assert file in str(error.value) and repr(key) in str(error.value)


def test_a_known_copy_loads(lang_copy: Path) -> None:
    assert load_lang("fr").speech_verbs


def test_language_data_is_read_only() -> None:
    lang = load_lang("fr")
    for mapping in (
        lang.deps,
        lang.tags,
        lang.morphology,
        lang.entity_types,
        lang.nationalities,
        lang.labels,
        lang.genders,
        lang.body_synonyms,
        lang.seats,
        lang.body_genders,
        lang.statement_words,
        lang.dates.relative_days,
        lang.dates.units,
        lang.dates.numbers,
        lang.speech_verb_pairs,
    ):
        with pytest.raises(TypeError):
            mapping["x"] = frozenset()  # type: ignore[index]
    for value in (*lang.deps.values(), *lang.statement_words.values()):
        assert isinstance(value, frozenset)
    assert isinstance(lang.quote_pairs, tuple) and isinstance(lang.morphology["plural"], tuple)


@pytest.mark.parametrize("section", ["deps", "tags", "morphology"])
def test_every_language_names_the_same_roles(section: str) -> None:
    roles = {code: set(getattr(load_lang(code), section)) for code in supported_languages()}
    assert all(r == roles["fr"] for r in roles.values()), roles


def test_morphology_roles_read_the_token() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["les", "Fabius"], morphs=["Definite=Def|Number=Plur|PronType=Art", "Gender=Masc"])
    lang = load_lang("fr")
    assert lang.has_morph(doc[0], "plural") and lang.has_morph(doc[0], "definite") and lang.has_morph(doc[0], "article")
    assert not lang.has_morph(doc[1], "plural") and lang.has_morph(doc[1], "masculine")
    with pytest.raises(KeyError):
        lang.has_morph(doc[0], "plurals")
