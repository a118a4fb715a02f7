"""Publishing: the publish workflow gives the build the site's address, and `mkdocs gh-deploy`
without one is warned about (so `--strict` publishes nothing). `newsbrief build --strict`
without it is tested in test_cli.py."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent


def test_the_publish_workflow_builds_with_the_pages_address() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    pages = next(s for s in steps if str(s.get("uses", "")).startswith("actions/configure-pages@"))
    build = next(s for s in steps if "make build" in str(s.get("run", "")))
    assert steps.index(pages) < steps.index(build)
    assert build["env"]["SITE_URL"] == "${{ steps." + pages["id"] + ".outputs.base_url }}"
    assert "newsbrief build --strict" in (ROOT / "Makefile").read_text(encoding="utf-8")  # reads SITE_URL


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.mark.parametrize(
    ("command", "site_url", "warned"),
    [("gh-deploy", None, True), ("gh-deploy", "https://e.x/news/", False), ("build", None, False)],
)
def test_gh_deploy_without_site_url_is_warned_about(
    tmp_path: Path, command: str, site_url: str | None, warned: bool
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\n" + (f"site_url: {site_url}\n" if site_url else "") + "plugins:\n  - newsbrief\n",
        encoding="utf-8",
    )
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = config.plugins["newsbrief"]
    records, logger = _Records(), logging.getLogger("mkdocs.plugins.newsbrief")
    logger.addHandler(records)
    try:
        plugin.on_startup(command=command, dirty=False)
        plugin.on_config(config)
    finally:
        logger.removeHandler(records)
    assert any("site_url is not set" in m for m in records.messages) == warned, records.messages
