"""Writing pages: only what changed, stale generated pages removed, other files left alone."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.errors import RenderError
from generator.write import MANIFEST, write_pages

PAGES = {"index.md": "# Accueil\n", "briefs/a.md": "# A\n", "actors/x.md": "# X\n"}
OLD = 1_000_000_000  # a modification time long past


def age(docs: Path) -> None:
    """Set every file's modification time far in the past."""
    for path in docs.rglob("*"):
        if path.is_file():
            os.utime(path, (OLD, OLD))


def test_first_write_creates_every_page_and_a_manifest(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    result = write_pages(PAGES, docs)
    assert (result.written, result.removed, result.unchanged) == (3, 0, 0)
    assert {p: (docs / p).read_text(encoding="utf-8") for p in PAGES} == PAGES
    assert json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["generated"] == sorted(PAGES)


def test_unchanged_pages_are_not_rewritten(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(PAGES, docs)
    age(docs)
    result = write_pages(PAGES, docs)
    assert (result.written, result.removed, result.unchanged) == (0, 0, 3)
    assert all(p.stat().st_mtime == OLD for p in docs.rglob("*") if p.is_file())


def test_a_changed_page_is_rewritten_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(PAGES, docs)
    age(docs)
    result = write_pages({**PAGES, "briefs/a.md": "# A, revu\n"}, docs)
    assert (result.written, result.unchanged) == (1, 2)
    assert (docs / "briefs/a.md").read_text(encoding="utf-8") == "# A, revu\n"
    assert (docs / "briefs/a.md").stat().st_mtime > OLD
    assert (docs / "index.md").stat().st_mtime == OLD
    assert not [p for p in docs.rglob("*.tmp")]


def test_stale_generated_pages_are_removed_and_foreign_files_kept(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(PAGES, docs)
    foreign = [docs / "about.md", docs / "briefs" / "notes.md", docs / ".gitkeep", docs / "img" / "logo.png"]
    for path in foreign:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine", encoding="utf-8")
    result = write_pages({"index.md": "# Accueil\n"}, docs)
    assert (result.written, result.removed, result.unchanged) == (0, 2, 1)
    assert not (docs / "briefs/a.md").exists()
    assert not (docs / "actors").exists()  # left empty by the removal
    assert (docs / "briefs").is_dir()  # still holds a file of someone else
    assert all(path.read_text(encoding="utf-8") == "mine" for path in foreign)


def test_files_written_by_someone_else_are_never_removed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text("not ours", encoding="utf-8")
    write_pages(PAGES, docs)
    write_pages({}, docs)
    assert (docs / "old.md").read_text(encoding="utf-8") == "not ours"
    assert sorted(p.name for p in docs.iterdir()) == sorted([MANIFEST, "old.md"])


@pytest.mark.parametrize(
    "path",
    [
        "../escape.md",
        "/etc/passwd.md",
        "a/../../escape.md",
        "briefs/../../escape.md",
        "",
        ".",
        "a//b.md",
        "./a.md",
        "a\\..\\b.md",
        ".hidden.md",
        "briefs/.x.md",
        MANIFEST,
        "dir/",
        "a\x00.md",
    ],
)
def test_paths_leaving_the_docs_folder_are_refused(tmp_path: Path, path: str) -> None:
    docs = tmp_path / "docs"
    with pytest.raises(RenderError, match="refusing"):
        write_pages({"index.md": "ok\n", path: "bad\n"}, docs)
    assert not (docs / "index.md").exists()  # nothing is written when one path is bad
    assert not (tmp_path / "escape.md").exists()


def test_a_symlink_out_of_the_docs_folder_is_refused(tmp_path: Path) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "outside"
    docs.mkdir()
    outside.mkdir()
    (docs / "briefs").symlink_to(outside, target_is_directory=True)
    with pytest.raises(RenderError, match="leads out"):
        write_pages({"briefs/a.md": "x\n"}, docs)
    assert not (outside / "a.md").exists()


def test_a_tampered_manifest_cannot_remove_files_outside(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    victim = tmp_path / "victim.md"
    victim.write_text("keep", encoding="utf-8")
    (docs / MANIFEST).write_text(json.dumps({"generated": ["../victim.md", "/tmp/x", 3]}), encoding="utf-8")
    write_pages(PAGES, docs)
    assert victim.read_text(encoding="utf-8") == "keep"


def test_an_unreadable_manifest_removes_nothing(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write_pages(PAGES, docs)
    (docs / MANIFEST).write_text("{not json", encoding="utf-8")
    result = write_pages({"index.md": "# Accueil\n"}, docs)
    assert result.removed == 0 and (docs / "briefs/a.md").exists()
    assert json.loads((docs / MANIFEST).read_text(encoding="utf-8"))["generated"] == ["index.md"]
