"""Golden files: the pages rendered now for the seed article, compared exactly with tests/golden/.

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
from generator.corpus import Corpus, aggregate
from generator.render import render_site

HERE = Path(__file__).resolve().parent
SEED = HERE / "content" / "fr-seed-maduro-trump.md"
GOLDEN = HERE / "golden"
TEMPLATES = HERE.parent / "templates"


def golden_files(golden: Path = GOLDEN) -> list[Path]:
    """The expected pages (.md) and feeds (Atom .xml, RSS .rss)."""
    return sorted(p for p in golden.rglob("*") if p.suffix in (".md", ".xml", ".rss"))


def write_golden(pages: dict[str, str], golden: Path = GOLDEN) -> None:
    """Replace the expected pages with these."""
    for old in golden_files(golden):
        old.unlink()
    for rel, text in pages.items():
        (golden / rel).parent.mkdir(parents=True, exist_ok=True)
        (golden / rel).write_text(text, encoding="utf-8")


def golden_differences(pages: dict[str, str], golden: Path = GOLDEN) -> list[str]:
    """How freshly rendered pages differ from the golden files: pages missing, added or changed."""
    expected = {p.relative_to(golden).as_posix(): p.read_text(encoding="utf-8") for p in golden_files(golden)}
    assert expected, "no golden files: run `pytest tests/test_golden.py --update-golden`"
    return (
        [f"{rel}: missing from the output" for rel in sorted(expected.keys() - pages.keys())]
        + [f"{rel}: not in tests/golden/" for rel in sorted(pages.keys() - expected.keys())]
        + [
            f"{rel}: differs from tests/golden/{rel}"
            for rel in sorted(expected.keys() & pages.keys())
            if pages[rel] != expected[rel]
        ]
    )


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """The corpus of a site made of the seed article alone, analysed afresh (no cache)."""
    config = Config(cache_dir=tmp_path_factory.mktemp("cache"))
    briefs, failures = make_briefs([SEED], config, root=SEED.parent, use_cache=False)
    assert not failures
    return aggregate([b for b in briefs if b is not None], site_lang=config.site_lang)


@pytest.fixture(scope="module")
def seed_pages(seed_corpus: Corpus) -> dict[str, str]:
    """Every page of that site, rendered now with the project's templates."""
    return render_site(seed_corpus, Config(templates_dir=TEMPLATES))


def test_seed_pages_match_the_golden_files(seed_pages: dict[str, str], update_golden: bool) -> None:
    if update_golden:
        write_golden(seed_pages)
        pytest.skip("golden files regenerated: review `git diff tests/golden/`")
    assert golden_differences(seed_pages) == [], "see the module docstring to regenerate on purpose"


def test_a_change_in_rendering_fails_the_comparison(
    seed_corpus: Corpus, seed_pages: dict[str, str], tmp_path: Path
) -> None:
    # Golden files written from this very output, so the check holds whatever tests/golden/ says.
    golden = tmp_path / "golden"
    write_golden(seed_pages, golden)
    assert golden_differences(seed_pages, golden) == []
    brief = next(rel for rel in seed_pages if rel.startswith("briefs/") and rel != "briefs/index.md")
    # One template changed (a project's templates_dir overrides the default file by file).
    changed = (TEMPLATES / "brief.md.j2").read_text(encoding="utf-8") + "\nOne more line.\n"
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "brief.md.j2").write_text(changed, encoding="utf-8")
    altered = render_site(seed_corpus, Config(templates_dir=tmp_path / "templates"))
    assert golden_differences(altered, golden) == [f"{brief}: differs from tests/golden/{brief}"]
    # A page lost and a page gained are caught too.
    fewer = {rel: text for rel, text in seed_pages.items() if rel != brief}
    assert golden_differences(fewer, golden) == [f"{brief}: missing from the output"]
    assert golden_differences({**seed_pages, "extra.md": "# Extra\n"}, golden) == ["extra.md: not in tests/golden/"]


def test_rendered_feeds_are_valid_atom(seed_pages: dict[str, str]) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feeds = {rel: text for rel, text in seed_pages.items() if rel.endswith(".xml")}
    assert set(feeds) >= {"feeds/briefs.xml", "feeds/actors/nicolas-maduro.xml"}
    for rel, text in feeds.items():
        feed = ET.fromstring(text)
        assert feed.tag == "{http://www.w3.org/2005/Atom}feed", rel
        for required in ("a:id", "a:title", "a:updated", "a:author/a:name", "a:link[@rel='self']"):
            assert feed.find(required, ns) is not None, (rel, required)
        entries = feed.findall("a:entry", ns)
        assert entries, rel
        for entry in entries:
            for required in ("a:id", "a:title", "a:updated", "a:link[@rel='alternate']", "a:summary"):
                assert entry.find(required, ns) is not None, (rel, required)


def test_golden_feeds_come_in_both_formats_with_stable_ids_and_real_dates() -> None:
    """Each Atom feed has its RSS twin; ids are `urn:` names of the site and page, never an
    address; no feed says 1970."""
    feeds = [p for p in golden_files() if p.suffix in (".xml", ".rss")]
    atom = {p.relative_to(GOLDEN).with_suffix("").as_posix() for p in feeds if p.suffix == ".xml"}
    assert atom and atom == {p.relative_to(GOLDEN).with_suffix("").as_posix() for p in feeds if p.suffix == ".rss"}
    for path in feeds:
        text = path.read_text(encoding="utf-8")
        root = ET.fromstring(text)
        ids = [e.text or "" for e in root.iter() if e.tag in ("{http://www.w3.org/2005/Atom}id", "guid")]
        assert ids and all(i.startswith("urn:newsbrief:newsbrief:") for i in ids), path
        assert "1970" not in text and "http" not in "".join(ids), path


def test_rendered_pages_have_their_headings_in_order(seed_pages: dict[str, str]) -> None:
    for rel, text in seed_pages.items():
        if not rel.endswith(".md"):
            continue
        levels = [len(m) for m in re.findall(r"^(#+) ", text, re.M)]
        assert levels and levels[0] == 1 and levels.count(1) == 1, rel
        assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), rel
