"""benchmarks/quality.py: its restated tallies agree with the shared scorers, on made-up briefs (no newsbrief call)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"

pytestmark = pytest.mark.skipif(
    not (SHARED_EVAL / "score_context.py").is_file(),
    reason="the shared scorers (../shared/eval) are not beside the repo",
)


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_quality", ROOT / "benchmarks" / "quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


ACTORS = [
    {"name": "Claire Martin", "type": "PERSON", "aliases": ["Martin"]},
    {"name": "la mairie", "type": "ORG", "aliases": []},
]


@pytest.mark.parametrize(
    ("gold", "pred", "category"),
    [
        ("Claire Martin", "Martin", None),
        ("Claire Martin", None, "no speaker"),
        ("Claire Martin", "la mairie", "wrong speaker"),
        (None, "Martin", "speaker for unnamed"),
        (None, None, None),
    ],
)
def test_attribution_categories(quality: ModuleType, gold: str | None, pred: str | None, category: str | None) -> None:
    text = "les travaux du pont commenceront en mars"
    _, _, _, errors = quality.sort_attributions(
        "a",
        [{"text": text, "speaker": gold}],
        [{"text": text, "speaker_name": pred}],
        [(0, 0)],
        "speaker_name",
        quality.CONTEXT.speaker_ok,
        ACTORS,
    )
    assert [e.category for e in errors] == ([category] if category else [])


def article(ident: str, gold: dict[str, Any], date: str | None = "2012-07-04") -> dict[str, Any]:
    return {
        "id": ident,
        "lang": "fr",
        "title": ident,
        "date": date,
        "source": "",
        "license": "",
        "text": "Texte inventé pour le test.",
        "gold": {"actors": ACTORS, "quotes": [], **gold},
    }


def said(text: str, speaker: str | None) -> dict[str, Any]:
    return {"text": text, "speaker_name": speaker}


# Made-up articles and briefs: one of each error kind, and an article without context gold.
ARTICLES = [
    article(
        "fr-a",
        {
            "statements": [
                {"text": "les travaux du pont commenceront en mars", "speaker": "Claire Martin", "cue": "a annoncé"},
                {"text": "le budget ne sera pas dépassé", "speaker": "la mairie", "cue": "selon"},
                {"text": "la circulation restera ouverte", "speaker": None, "cue": "affirme"},
                {"text": "aucun riverain ne sera exproprié", "speaker": "Claire Martin", "cue": "a assuré"},
            ],
            "dates": [
                {"text": "mardi", "value": "2012-07-03"},
                {"text": "mars", "value": "2013-03"},
                {"text": "en 2010", "value": "2010"},
            ],
        },
    ),
    article("fr-b", {"dates": [{"text": "hier", "value": "2012-07-03"}]}, date=None),
    article("fr-c", {}),
]
BRIEFS = [
    {
        "quotes": [{"text": "Nous tiendrons les délais prévus", "speaker_name": "Claire Martin"}],
        "actors": [],
        "statements": [
            said("les travaux du pont commenceront en mars", "Martin"),
            said("le budget ne sera pas dépassé", None),
            said("la circulation restera ouverte", "Claire Martin"),
            said("le maire a tort", "la mairie"),
        ],
        "context": {
            "dates": [
                {"text": "mardi", "value": "2012-07-03"},
                {"text": "mars", "value": "2012-03"},
                {"text": "lundi", "value": "2012-07-02"},
            ]
        },
    },
    {"quotes": [], "actors": [], "statements": [], "context": {"dates": [{"text": "hier", "value": "2012-07-02"}]}},
    {"quotes": [], "actors": [], "statements": [said("il pleuvra", None)], "context": {"dates": []}},
]


def test_context_tally_and_check(quality: ModuleType, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    for art in ARTICLES:
        (gold / f"{art['id']}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    store = tmp_path / "briefs.jsonl"
    store.write_text(
        "".join(json.dumps({"article": a["id"], "brief": b}) + "\n" for a, b in zip(ARTICLES, BRIEFS)), encoding="utf-8"
    )
    cc = quality.ContextCounts()
    for art, brief in zip(ARTICLES, BRIEFS):
        if quality.has_context_gold(art):
            cc.add(quality.score_context_article(art, brief))
    assert (cc.articles, cc.sg, cc.sp, cc.sm, cc.sattr, cc.sok, cc.se2e) == (2, 4, 4, 3, 2, 1, 1)
    assert (cc.no_speaker, cc.wrong_speaker, cc.speaker_for_unnamed, cc.missed, cc.spurious) == (1, 0, 1, 1, 1)
    # fr-b has no date: its matched « hier » is not checked for its value, as in score_context.py
    assert (cc.dg, cc.dp, cc.dm, cc.dval, cc.dok, cc.wrong_date_value, cc.missed_date, cc.spurious_date) == (
        4,
        4,
        3,
        2,
        1,
        1,
        1,
        1,
    )
    assert quality.check_with_context_scorer(gold, "fr", str(store), cc)
    c = quality.Counts()
    for art, brief in zip(ARTICLES, BRIEFS):
        c.add(
            quality.score_article(
                art,
                {
                    "quotes": [{"text": q["text"], "speaker": q["speaker_name"]} for q in brief["quotes"]],
                    "actors": brief["actors"],
                },
            )
        )
    assert (c.gold, c.pred, c.spurious) == (0, 1, 1)
    assert quality.check_with_scorer(gold, "fr", str(store), c)
