"""What the built site's search index holds: each brief's article text once, without our markup."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import pytest
from test_site import CONTENT, build_site, site_config

pytestmark = pytest.mark.slow  # a full MkDocs build

BRIEF = "briefs/fr-same-actor-second-article/"
_TAG = re.compile(r"</?\w+>")


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    """The entries of `search/search_index.json` of the site built from tests/content/."""
    tmp = tmp_path_factory.mktemp("search")
    build_site(site_config(tmp, CONTENT))
    return json.loads((tmp / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def brief_entries(index: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The entries of each brief page, by page."""
    pages: dict[str, list[dict[str, str]]] = defaultdict(list)
    for entry in index:
        if entry["location"].startswith("briefs/") and entry["location"] != "briefs/":
            pages[entry["location"].split("#")[0]].append(entry)
    return pages


def test_a_word_only_in_the_article_body_is_found(index: list[dict[str, str]]) -> None:
    # "printemps" is in the article's last paragraph only: not in its title, summary or quotes.
    found = [e["location"] for e in index if "printemps" in e["text"]]
    assert found == [BRIEF + "#texte-source-annote"]


def test_each_paragraph_of_a_brief_is_indexed_once(index: list[dict[str, str]]) -> None:
    pages = brief_entries(index)
    assert len(pages) >= 5
    for location, entries in pages.items():
        source = [e for e in entries if e["location"].endswith("#texte-source-annote")]
        assert len(source) == 1, location
        paragraphs = [_TAG.sub("", p).strip() for p in source[0]["text"].split("<p>")]
        text = " ".join(_TAG.sub("", e["text"]) + " " + e["title"] for e in entries)
        for paragraph in filter(None, paragraphs):
            assert text.count(paragraph) == 1, (location, paragraph)


def test_the_quote_is_indexed_once_on_its_brief_page(index: list[dict[str, str]]) -> None:
    entries = brief_entries(index)[BRIEF]
    assert sum(e["text"].count("Nous tenons notre promesse") for e in entries) == 1
    # The summary, quotes and actors table are left out: their words are in the text.
    assert {e["location"].removeprefix(BRIEF) for e in entries} == {
        "",
        "#acteurs-cles",
        "#contexte",
        "#texte-source-annote",
    }


def test_no_annotation_or_link_markup_in_the_index(index: list[dict[str, str]]) -> None:
    raw = json.dumps(index, ensure_ascii=False)
    for markup in ("<mark", "&lt;mark", "nb-quote", "nb-statement", "](../", ".md)", "source-quote-"):
        assert markup not in raw, markup
    assert "Doucet" in raw


def test_index_size_per_brief(index: list[dict[str, str]], record_property: pytest.RecordProperty) -> None:
    # The briefs' share of the index: their article text plus short lines (date, tags, key actors,
    # context), less than two copies of the text (before: summary, quotes and statements again).
    pages = brief_entries(index)
    indexed = sum(len(e["text"]) + len(e["title"]) for entries in pages.values() for e in entries)
    source = sum(len(e["text"]) for entries in pages.values() for e in entries if e["location"].endswith("-annote"))
    record_property("brief_index_chars", indexed)
    record_property("brief_source_chars", source)
    assert indexed < 2 * source
