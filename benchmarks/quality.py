"""Quality benchmark: score newsbrief on every annotated folder, per language, and sort its errors.

Folders: ../shared/eval/{articles,wikinews-fr,polnear-dev} (shared gold) and benchmarks/articles
(our own development set, written blind to the system). Each folder is briefed ONCE (all its
articles in one `newsbrief brief --json --no-cache` call) and the figures of each language come
from that single run, instead of parsing a folder three times as calling score.py per language does.

The figures must be the scorer's, so quote matching, speaker matching, name normalisation, article
writing and the reading of the briefs are imported from ../shared/eval/score.py, not copied. Only
its tally (inline in its main(), not importable) is restated in `score_article`/`score_actors`; `--check` replays
our briefs through score.py itself and fails on any difference, so that restatement cannot drift
silently.

On top of the scorer's figures, the attribution errors of matched quotes are split into
"no speaker" (gold names one, we give none), "wrong speaker" (we give another) and "speaker for
unnamed" (gold says null, we give one), with missed and spurious quotes, and two rates:
wrong-speaker rate = wrong / attributed, coverage = attributed / matched quotes with a gold
speaker (attributed: such quotes to which we give any speaker).

Usage: python benchmarks/quality.py [--gold DIR ...] [--verbose] [--json FILE] [--check]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER_PATH = SHARED_EVAL / "score.py"
DEFAULT_GOLD = [SHARED_EVAL / "articles", SHARED_EVAL / "wikinews-fr", SHARED_EVAL / "polnear-dev",
                ROOT / "benchmarks" / "articles"]
LANGS = ("fr", "en")
NEWSBRIEF = f"{shlex.quote(str(Path(sys.executable).parent / 'newsbrief'))} brief --json --no-cache"
TIMEOUT = 3600  # seconds for one folder's newsbrief call (score.py's default of 600 is per call too)
PLACE_TYPES = ("place", "PLACE", "LOC", "GPE")  # as in score.py: places are left out of actor precision

Article = dict[str, Any]
Prediction = dict[str, Any]


def load_scorer() -> ModuleType:
    """The shared scorer as a module, so that its matching functions are the ones used here."""
    if not SCORER_PATH.is_file():
        raise SystemExit(f"{SCORER_PATH}: the shared scorer is not there (../shared/eval beside the repo)")
    spec = importlib.util.spec_from_file_location("shared_eval_score", SCORER_PATH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCORER = load_scorer()


@dataclass
class Error:
    """One quote-level error, for --verbose and the JSON dump."""

    article: str
    category: str  # no speaker | wrong speaker | speaker for unnamed | missed | spurious
    gold: str | None
    pred: str | None
    quote: str


@dataclass
class Counts:
    """Tallies of one folder × language; the field names up to `duplicates` are score.py's."""

    articles: int = 0
    gold: int = 0
    pred: int = 0
    match: int = 0
    attr_gold: int = 0
    attr_ok: int = 0
    e2e_ok: int = 0
    key: int = 0
    key_found: int = 0
    actors_pred: int = 0
    actors_ok: int = 0
    duplicates: int = 0
    no_speaker: int = 0
    wrong_speaker: int = 0
    speaker_for_unnamed: int = 0
    missed: int = 0
    spurious: int = 0
    errors: list[Error] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Add another article's tallies to these."""
        for name, value in vars(other).items():
            if name == "errors":
                self.errors.extend(value)
            else:
                setattr(self, name, getattr(self, name) + value)

    @property
    def attributed(self) -> int:
        """Matched quotes with a gold speaker to which we give some speaker, right or wrong."""
        return self.attr_gold - self.no_speaker


def ratio(a: float, b: float) -> float:
    """a / b, 0 when b is 0 (as score.py)."""
    return a / b if b else 0.0


def f1(p: float, r: float) -> float:
    """Harmonic mean, 0 when both are 0."""
    return ratio(2 * p * r, p + r)


def figures(c: Counts) -> dict[str, float]:
    """The scorer's figures, plus the error rates, from the tallies."""
    p, r = ratio(c.match, c.pred), ratio(c.match, c.gold)
    ep, er = ratio(c.e2e_ok, c.pred), ratio(c.e2e_ok, c.gold)
    return {"det_p": p, "det_r": r, "det_f1": f1(p, r), "attr": ratio(c.attr_ok, c.attr_gold),
            "e2e_p": ep, "e2e_r": er, "e2e_f1": f1(ep, er),
            "key_recall": ratio(c.key_found, c.key), "actor_p": ratio(c.actors_ok, c.actors_pred),
            "wrong_rate": ratio(c.wrong_speaker, c.attributed), "coverage": ratio(c.attributed, c.attr_gold)}


def score_article(art: Article, pred: Prediction) -> Counts:
    """One article's tallies: score.py's main() loop for one article, plus the error categories."""
    c = Counts(articles=1)
    gq, ga = art["gold"]["quotes"], art["gold"]["actors"]
    pq = [q for q in pred["quotes"] if SCORER.tokens(q["text"])]
    pairs = SCORER.match_quotes(pq, gq)
    c.gold, c.pred, c.match = len(gq), len(pq), len(pairs)
    for i, j in pairs:
        gold_speaker, speaker = gq[i].get("speaker"), pq[j]["speaker"]
        category = None
        if gold_speaker:
            c.attr_gold += 1
            if SCORER.speaker_ok(speaker, gold_speaker, ga):
                c.attr_ok += 1
                c.e2e_ok += 1
            else:
                category = "wrong speaker" if speaker else "no speaker"
        elif not speaker:
            c.e2e_ok += 1
        else:
            category = "speaker for unnamed"
        if category:
            c.errors.append(Error(art["id"], category, gold_speaker, speaker, gq[i]["text"]))
    matched_gold, matched_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    c.errors += [Error(art["id"], "missed", g.get("speaker"), None, g["text"])
                 for i, g in enumerate(gq) if i not in matched_gold]
    c.errors += [Error(art["id"], "spurious", None, q["speaker"], q["text"])
                 for j, q in enumerate(pq) if j not in matched_pred]
    for e in c.errors:  # each category has its Counts field: "no speaker" -> no_speaker, ...
        attr = e.category.replace(" ", "_")
        setattr(c, attr, getattr(c, attr) + 1)
    if pred["actors"] is not None:
        score_actors(c, ga, pred["actors"])
    return c


def names_match(pred_actor: dict[str, Any], gold_actor: dict[str, Any], gold_actors: list[dict[str, Any]]) -> bool:
    """score.py's actor match: a shared name or alias, or the speaker rule (surname) on the name."""
    return bool(SCORER.names_of(gold_actor) & SCORER.names_of(pred_actor)) or \
        SCORER.speaker_ok(pred_actor["name"], gold_actor["name"], gold_actors)


def score_actors(c: Counts, ga: list[dict[str, Any]], pa: list[dict[str, Any]]) -> None:
    """Key-actor recall, person/org precision and duplicates, as score.py counts them."""
    for a in ga:
        if a.get("key"):
            c.key += 1
            c.key_found += any(names_match(p, a, ga) for p in pa)
    hits: dict[str, int] = {}
    for p in pa:
        if p.get("type") in PLACE_TYPES:
            continue
        c.actors_pred += 1
        c.actors_ok += any(names_match(p, a, ga) for a in ga)
        strict = next((a["name"] for a in ga if SCORER.names_of(a) & SCORER.names_of(p)), None)
        if strict:
            hits[strict] = hits.get(strict, 0) + 1
    c.duplicates += sum(n - 1 for n in hits.values())


def languages(arts: list[Article]) -> list[str]:
    """The languages present, fr and en first (a language with no article is skipped)."""
    present = {a["lang"] for a in arts}
    return [lang for lang in LANGS if lang in present] + sorted(present - set(LANGS))


def brief_folder(arts: list[Article]) -> tuple[list[Prediction], float]:
    """All articles of a folder briefed in one newsbrief call, read by score.py's own reader."""
    with tempfile.TemporaryDirectory(prefix="nbquality-") as tmp:
        paths = [SCORER.write_article(a, tmp) for a in arts]
        return SCORER.run_newsbrief(NEWSBRIEF, paths, TIMEOUT)


def scorer_lines(c: Counts) -> list[str]:
    """score.py's printout of these tallies (its first line without the seconds), for --check and the report."""
    x = figures(c)
    lines = [f"articles {c.articles}  gold quotes {c.gold}  predicted {c.pred}  matched {c.match}  seconds",
             f"quote detection   P {x['det_p']:.3f}  R {x['det_r']:.3f}  F1 {x['det_f1']:.3f}",
             f"attribution acc   {x['attr']:.3f}  ({c.attr_ok}/{c.attr_gold} matched quotes with a gold speaker)",
             f"quote+speaker     P {x['e2e_p']:.3f}  R {x['e2e_r']:.3f}  F1 {x['e2e_f1']:.3f}"]
    if c.key:
        lines += [f"key actors recall {x['key_recall']:.3f}  ({c.key_found}/{c.key})",
                  f"actor precision   {x['actor_p']:.3f}  ({c.actors_ok}/{c.actors_pred} persons/orgs)"
                  f"  duplicates {c.duplicates}"]
    return lines + [f"SUMMARY detF1={x['det_f1']:.3f} attr={x['attr']:.3f} e2eF1={x['e2e_f1']:.3f}"]


def check_with_scorer(gold: Path, lang: str, arts: list[Article], preds: list[Prediction], c: Counts) -> bool:
    """Replay our briefs through score.py itself and compare its printed figures with ours."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for art, pred in zip(arts, preds):
            f.write(json.dumps({"id": art["id"], **pred}, ensure_ascii=False) + "\n")
    replay = f"{shlex.quote(sys.executable)} {shlex.quote(__file__)} --replay {shlex.quote(f.name)}"
    try:
        res = subprocess.run([sys.executable, str(SCORER_PATH), "--gold", str(gold), "--lang", lang,
                              "--cmd", replay], capture_output=True, text=True, check=False)
    finally:
        os.unlink(f.name)
    ours = scorer_lines(c)
    theirs = res.stdout.splitlines()
    ok = res.returncode == 0 and len(theirs) == len(ours) and theirs[0].startswith(ours[0]) \
        and theirs[1:] == ours[1:]
    print(f"  check against score.py: {'same figures' if ok else 'DIFFERENT'}")
    if not ok:
        print("    score.py:", *(res.stdout + res.stderr).splitlines(), sep="\n      ")
        print("    ours:", *ours, sep="\n      ")
    return ok


def replay(jsonl: str, paths: list[str]) -> None:
    """For --check: print the stored brief of each article path (by id), as newsbrief would."""
    stored: dict[str, Prediction] = {}
    for line in Path(jsonl).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        stored[d.pop("id")] = d
    for p in paths:
        print(json.dumps(stored[Path(p).stem], ensure_ascii=False))


def label(gold: Path) -> str:
    """A folder's name relative to the repository, as typed on the command line."""
    return os.path.relpath(gold, ROOT)


def report(name: str, lang: str, c: Counts, seconds: float, verbose: bool) -> None:
    """The figures of one folder × language, in score.py's words, then the error categories."""
    x = figures(c)
    print(f"=== {name} — {lang}: {c.articles} articles, gold quotes {c.gold}, predicted {c.pred}, "
          f"matched {c.match} (folder briefed in {seconds:.1f} s)")
    print(*("  " + line for line in scorer_lines(c)[1:-1]), sep="\n")
    print(f"  errors            no speaker {c.no_speaker}  wrong speaker {c.wrong_speaker}  "
          f"speaker for unnamed {c.speaker_for_unnamed}  missed {c.missed}  spurious {c.spurious}")
    print(f"  wrong-speaker rate {x['wrong_rate']:.3f} ({c.wrong_speaker}/{c.attributed} attributed)  "
          f"coverage {x['coverage']:.3f} ({c.attributed}/{c.attr_gold})")
    if verbose:
        for e in c.errors:
            quote = " ".join(e.quote.split())[:80]
            print(f"    {e.article:<8} {e.category:<19} gold={e.gold}  pred={e.pred}  « {quote} »")


def table(rows: list[tuple[str, str, Counts]]) -> str:
    """The compact summary: one Markdown row per folder × language."""
    lines = ["| folder | lang | art | gold/pred/match | det F1 | attr | q+spk F1 | key R | act P | dup "
             "| no spk | wrong | unnamed | missed | spurious | wrong rate | coverage |",
             "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for name, lang, c in rows:
        x = figures(c)
        key = f"{x['key_recall']:.3f}" if c.key else "–"
        act = f"{x['actor_p']:.3f}" if c.key else "–"
        lines.append(f"| {name} | {lang} | {c.articles} | {c.gold}/{c.pred}/{c.match} | {x['det_f1']:.3f} "
                     f"| {x['attr']:.3f} | {x['e2e_f1']:.3f} | {key} | {act} | {c.duplicates} | {c.no_speaker} "
                     f"| {c.wrong_speaker} | {c.speaker_for_unnamed} | {c.missed} | {c.spurious} "
                     f"| {x['wrong_rate']:.3f} | {x['coverage']:.3f} |")
    return "\n".join(lines)


def main() -> None:
    """Brief each folder once, report each of its languages, then the summary table."""
    if len(sys.argv) > 2 and sys.argv[1] == "--replay":  # called back by score.py under --check
        replay(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, nargs="+", default=DEFAULT_GOLD, metavar="DIR",
                        help="Annotated folders to score (default: the four of the docstring).")
    parser.add_argument("--verbose", action="store_true", help="List every quote error.")
    parser.add_argument("--json", type=Path, metavar="FILE", help="Also write all figures and errors as JSON, e.g. to compare before/after "
                        "(keep it out of the repo: errors quote the evaluation texts).")
    parser.add_argument("--check", action="store_true",
                        help="Replay the briefs through score.py and fail if its figures differ.")
    args = parser.parse_args()
    rows: list[tuple[str, str, Counts]] = []
    dump: list[dict[str, Any]] = []
    same = True
    for gold in args.gold:
        paths = sorted(gold.glob("*.json"))  # score.py's order
        if not paths:
            print(f"{gold}: no annotated articles, skipped", file=sys.stderr)
            continue
        arts = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
        start = time.perf_counter()
        preds, _ = brief_folder(arts)
        seconds = time.perf_counter() - start
        for lang in languages(arts):
            pairs = [(a, p) for a, p in zip(arts, preds) if a["lang"] == lang]
            c = Counts()
            for art, pred in pairs:
                c.add(score_article(art, pred))
            report(label(gold), lang, c, seconds, args.verbose)
            if args.check:
                same &= check_with_scorer(gold, lang, [a for a, _ in pairs], [p for _, p in pairs], c)
            rows.append((label(gold), lang, c))
            dump.append({"folder": label(gold), "lang": lang, "seconds": round(seconds, 1),
                         **{k: v for k, v in asdict(c).items() if k != "errors"},
                         "attributed": c.attributed, **figures(c), "errors": [asdict(e) for e in c.errors]})
    print()
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not same:
        raise SystemExit("the figures differ from score.py's")


if __name__ == "__main__":
    main()
