"""What the quote tally (`quality.py`) and the context tally (`quality_context.py`) share: the
shared scorers loaded as modules, one error, tallies that add up, and the scorers' speaker rule."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"

Article = dict[str, Any]
Brief = dict[str, Any]  # one line of `newsbrief brief --json`, whole


def load_module(path: Path, name: str) -> ModuleType:
    """A shared scorer as a module, so that its matching functions are the ones used here."""
    if not path.is_file():
        raise SystemExit(f"{path}: the shared scorer is not there (../shared/eval beside the repo)")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Error:
    """One error of a quote, statement or date, for --verbose and the JSON dump."""

    article: str
    # quotes and statements: no speaker | wrong speaker | speaker for unnamed | missed | spurious;
    # dates: missed date | spurious date | wrong date value (gold and pred are then values)
    category: str
    gold: str | None
    pred: str | None
    quote: str  # the text of the quote, statement or date (gold's when matched or missed)


class Tally:
    """Tallies that add up over articles and count their errors by category."""

    errors: list[Error]

    def add(self, other: Tally) -> None:
        """Add another article's tallies to these."""
        for name, value in vars(other).items():
            if name == "errors":
                self.errors.extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    def count_errors(self) -> None:
        """Each category has its field: "no speaker" -> no_speaker, "wrong date value" -> wrong_date_value."""
        for e in self.errors:
            attr = e.category.replace(" ", "_")
            setattr(self, attr, getattr(self, attr) + 1)


def ratio(a: float, b: float) -> float:
    """a / b, 0 when b is 0 (as score.py)."""
    return a / b if b else 0.0


def sort_attributions(
    article: str,
    gold: list[dict[str, Any]],
    pred: list[dict[str, Any]],
    pairs: list[tuple[int, int]],
    speaker: str,
    speaker_ok: Callable[..., bool],
    actors: list[dict[str, Any]],
) -> tuple[int, int, int, list[Error]]:
    """The scorers' speaker rule on matched pairs (gold i, pred j), with `speaker` the predicted
    speaker's key: (matched with a gold speaker, of them right, right speaker or rightly none)
    and the errors, missed and spurious included."""
    attr_gold = attr_ok = e2e_ok = 0
    errors: list[Error] = []
    for i, j in pairs:
        gold_speaker, said_by = gold[i].get("speaker"), pred[j].get(speaker)
        category = None
        if gold_speaker:
            attr_gold += 1
            if speaker_ok(said_by, gold_speaker, actors):
                attr_ok += 1
                e2e_ok += 1
            else:
                category = "wrong speaker" if said_by else "no speaker"
        elif not said_by:
            e2e_ok += 1
        else:
            category = "speaker for unnamed"
        if category:
            errors.append(Error(article, category, gold_speaker, said_by, gold[i]["text"]))
    matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    errors += [
        Error(article, "missed", g.get("speaker"), None, g["text"]) for i, g in enumerate(gold) if i not in matched_gold
    ]
    errors += [
        Error(article, "spurious", None, p.get(speaker), p["text"]) for j, p in enumerate(pred) if j not in matched_pred
    ]
    return attr_gold, attr_ok, e2e_ok, errors


def error_lines(errors: list[Error]) -> list[str]:
    """One line per error, for --verbose."""
    return [
        f"    {e.article:<8} {e.category:<19} gold={e.gold}  pred={e.pred}  « {' '.join(e.quote.split())[:80]} »"
        for e in errors
    ]
