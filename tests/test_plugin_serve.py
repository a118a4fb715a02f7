"""`mkdocs serve`: one edit, one rebuild — the plugin's own pages in docs_dir are not watched."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from generator.config import Config
from generator.plugin import NewsbriefPlugin
from generator.write import write_pages


class RecordingServer:
    """What MkDocs' LiveReloadServer is asked to watch, by absolute path."""

    def __init__(self, docs_dir: Path) -> None:
        self.watched = {str(docs_dir.resolve())}

    def watch(self, path: str) -> None:
        self.watched.add(str(Path(path).resolve()))

    def unwatch(self, path: str) -> None:
        self.watched.remove(str(Path(path).resolve()))


def test_serve_watches_sources_and_hand_written_pages_not_generated_ones(tmp_path: Path) -> None:
    content, templates, docs = tmp_path / "content", tmp_path / "templates", tmp_path / "docs"
    content.mkdir()
    templates.mkdir()
    write_pages({"index.md": "# Briefs\n", "briefs/a.md": "# A\n", "actors/x.md": "# X\n"}, docs)
    (docs / "about.md").write_text("# About this site\n", encoding="utf-8")  # the user's own page
    (docs / "assets").mkdir()
    plugin = NewsbriefPlugin()
    plugin.settings = Config(content_dir=content, templates_dir=templates, docs_dir=docs)
    server = RecordingServer(docs)
    plugin.on_serve(server, config=SimpleNamespace(docs_dir=str(docs)), builder=None)  # type: ignore[arg-type]
    watched = {Path(p).relative_to(tmp_path).as_posix() for p in server.watched}
    assert watched == {"content", "templates", "docs/about.md", "docs/assets"}
