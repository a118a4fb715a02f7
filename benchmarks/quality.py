"""Quality benchmark: score newsbrief on every annotated folder, per language, and sort its errors.

Folders: ../shared/eval/{articles,wikinews-fr,polnear-dev} (shared gold) and benchmarks/articles
(our own development set, written blind to the system). Each folder is briefed ONCE (all its
articles in one `newsbrief brief --json --no-cache` call) and all figures of each language come
from that single run, instead of parsing a folder five times as calling score.py and
score_context.py per language does.

Two sets of figures, one table each:
- quotes and actors, as ../shared/eval/score.py computes them;
- context, as ../shared/eval/score_context.py computes them, on the articles whose gold has
  statements or dates (the French files of articles/, fr-q* and some fr-w* of wikinews-fr/;
  elsewhere "no context gold"): statement detection P/R/F1, statement speaker accuracy,
  statement+speaker P/R/F1, date detection P/R/F1 and date value accuracy.

The figures must be the scorers', so matching (quotes, statements, dates), speaker matching, name
normalisation, F1, article writing and the reading of the briefs are imported from score.py and
score_context.py, not copied: the newsbrief call is read by score_context.py's reader (whole
briefs), and the same briefs, replayed, by score.py's (quotes and actors). Only the two tallies
(inline in the scorers' main(), not importable) are restated, in `score_article`/`score_actors`
and `score_context_article` (`quality_context.py`); `--check` replays our briefs through both scorers themselves (their
CLIs) and fails on any difference of their printed figures, so that restatement cannot drift
silently.

On top of the scorers' figures, the attribution errors of matched quotes, and of matched
statements, are split into "no speaker" (gold names one, we give none), "wrong speaker" (we give
another) and "speaker for unnamed" (gold says null, we give one), with missed and spurious ones,
and two rates: wrong-speaker rate = wrong / attributed, coverage = attributed / matched ones with
a gold speaker (attributed: such quotes or statements to which we give any speaker). `--verbose`
lists every error (for context also missed and spurious dates and wrong date values); `--json`
writes all figures and errors ("context": null where there is no context gold).

Usage: python benchmarks/quality.py [--gold DIR ...] [--verbose] [--json FILE] [--check]
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling modules, also when loaded by path
from quality_context import (  # noqa: E402
    CONTEXT,
    CONTEXT_SCORER_PATH,
    ContextCounts,
    context_figures,
    context_report,
    context_scorer_lines,
    context_table,
    has_context_gold,
    score_context_article,
)
from quality_tally import (  # noqa: E402
    ROOT,
    SHARED_EVAL,
    Article,
    Brief,
    Error,
    Tally,
    error_lines,
    load_module,
    ratio,
    sort_attributions,
)

SCORER_PATH = SHARED_EVAL / "score.py"
DEFAULT_GOLD = [
    SHARED_EVAL / "articles",
    SHARED_EVAL / "wikinews-fr",
    SHARED_EVAL / "polnear-dev",
    ROOT / "benchmarks" / "articles",
]
LANGS = ("fr", "en")
NEWSBRIEF = f"{shlex.quote(str(Path(sys.executable).parent / 'newsbrief'))} brief --json --no-cache"
TIMEOUT = 3600  # seconds for one folder's newsbrief call (the scorers' defaults of 600/900 are per call too)
PLACE_TYPES = ("place", "PLACE", "LOC", "GPE")  # as in score.py: places are left out of actor precision

Prediction = dict[str, Any]  # score.py's reading of a brief: {quotes: [{text, speaker}], actors}

SCORER = load_module(SCORER_PATH, "shared_eval_score")


@dataclass
class Counts(Tally):
    """Quote and actor tallies of one folder × language; the field names up to `duplicates` are score.py's."""

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

    @property
    def attributed(self) -> int:
        """Matched quotes with a gold speaker to which we give some speaker, right or wrong."""
        return self.attr_gold - self.no_speaker


def f1(p: float, r: float) -> float:
    """Harmonic mean, 0 when both are 0 (score.py's, inline in its main())."""
    return ratio(2 * p * r, p + r)


def figures(c: Counts) -> dict[str, float]:
    """score.py's figures, plus the error rates, from the tallies."""
    p, r = ratio(c.match, c.pred), ratio(c.match, c.gold)
    ep, er = ratio(c.e2e_ok, c.pred), ratio(c.e2e_ok, c.gold)
    return {
        "det_p": p,
        "det_r": r,
        "det_f1": f1(p, r),
        "attr": ratio(c.attr_ok, c.attr_gold),
        "e2e_p": ep,
        "e2e_r": er,
        "e2e_f1": f1(ep, er),
        "key_recall": ratio(c.key_found, c.key),
        "actor_p": ratio(c.actors_ok, c.actors_pred),
        "wrong_rate": ratio(c.wrong_speaker, c.attributed),
        "coverage": ratio(c.attributed, c.attr_gold),
    }


def score_article(art: Article, pred: Prediction) -> Counts:
    """One article's quote and actor tallies: score.py's main() loop for one article, plus the error categories."""
    gq, ga = art["gold"]["quotes"], art["gold"]["actors"]
    pq = [q for q in pred["quotes"] if SCORER.tokens(q["text"])]
    pairs = SCORER.match_quotes(pq, gq)
    attr_gold, attr_ok, e2e_ok, errors = sort_attributions(art["id"], gq, pq, pairs, "speaker", SCORER.speaker_ok, ga)
    c = Counts(
        articles=1,
        gold=len(gq),
        pred=len(pq),
        match=len(pairs),
        attr_gold=attr_gold,
        attr_ok=attr_ok,
        e2e_ok=e2e_ok,
        errors=errors,
    )
    c.count_errors()
    if pred["actors"] is not None:
        score_actors(c, ga, pred["actors"])
    return c


def names_match(pred_actor: dict[str, Any], gold_actor: dict[str, Any], gold_actors: list[dict[str, Any]]) -> bool:
    """score.py's actor match: a shared name or alias, or the speaker rule (surname) on the name."""
    return bool(SCORER.names_of(gold_actor) & SCORER.names_of(pred_actor)) or SCORER.speaker_ok(
        pred_actor["name"], gold_actor["name"], gold_actors
    )


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


def replay_command(store: str) -> str:
    """A command that prints, as newsbrief would, the stored brief of each article path it is given."""
    return f"{shlex.quote(sys.executable)} {shlex.quote(__file__)} --replay {shlex.quote(store)}"


def brief_folder(arts: list[Article], tmp: str) -> tuple[list[Brief], list[Prediction], str, float]:
    """All articles of a folder briefed in one newsbrief call: the whole briefs as score_context.py
    reads them, the same as score.py reads them, the file in tmp that stores them for replays, and
    the seconds of the call."""
    paths = [SCORER.write_article(a, tmp) for a in arts]
    start = time.perf_counter()
    briefs = CONTEXT.run(NEWSBRIEF, paths, TIMEOUT)
    seconds = time.perf_counter() - start
    store = os.path.join(tmp, "briefs.jsonl")
    with open(store, "w", encoding="utf-8") as f:
        for art, brief in zip(arts, briefs):
            f.write(json.dumps({"article": art["id"], "brief": brief}, ensure_ascii=False) + "\n")
    preds, _ = SCORER.run_newsbrief(replay_command(store), paths, TIMEOUT)
    return briefs, preds, store, seconds


def replay(store: str, paths: list[str]) -> None:
    """For the replays: print the stored brief of each article path (by id), as newsbrief would."""
    stored: dict[str, Brief] = {}
    for line in Path(store).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        stored[d["article"]] = d["brief"]
    for p in paths:
        print(json.dumps(stored[Path(p).stem], ensure_ascii=False))


def scorer_lines(c: Counts) -> list[str]:
    """score.py's printout of these tallies (its first line without the seconds), for --check and the report."""
    x = figures(c)
    lines = [
        f"articles {c.articles}  gold quotes {c.gold}  predicted {c.pred}  matched {c.match}  seconds",
        f"quote detection   P {x['det_p']:.3f}  R {x['det_r']:.3f}  F1 {x['det_f1']:.3f}",
        f"attribution acc   {x['attr']:.3f}  ({c.attr_ok}/{c.attr_gold} matched quotes with a gold speaker)",
        f"quote+speaker     P {x['e2e_p']:.3f}  R {x['e2e_r']:.3f}  F1 {x['e2e_f1']:.3f}",
    ]
    if c.key:
        lines += [
            f"key actors recall {x['key_recall']:.3f}  ({c.key_found}/{c.key})",
            f"actor precision   {x['actor_p']:.3f}  ({c.actors_ok}/{c.actors_pred} persons/orgs)"
            f"  duplicates {c.duplicates}",
        ]
    return lines + [f"SUMMARY detF1={x['det_f1']:.3f} attr={x['attr']:.3f} e2eF1={x['e2e_f1']:.3f}"]


def replay_through(scorer: Path, gold: Path, lang: str, store: str) -> subprocess.CompletedProcess[str]:
    """Run a scorer's own CLI on one folder × language, with our stored briefs as the system."""
    return subprocess.run(
        [sys.executable, str(scorer), "--gold", str(gold), "--lang", lang, "--cmd", replay_command(store)],
        capture_output=True,
        text=True,
        check=False,
    )


def same_printout(scorer: Path, res: subprocess.CompletedProcess[str], ours: list[str]) -> bool:
    """Whether a scorer printed our figures (its first line may end with the seconds); says so."""
    theirs = res.stdout.splitlines()
    ok = res.returncode == 0 and len(theirs) == len(ours) and theirs[0].startswith(ours[0]) and theirs[1:] == ours[1:]
    print(f"  check against {scorer.name}: {'same figures' if ok else 'DIFFERENT'}")
    if not ok:
        print(f"    {scorer.name}:", *(res.stdout + res.stderr).splitlines(), sep="\n      ")
        print("    ours:", *ours, sep="\n      ")
    return ok


def check_with_scorer(gold: Path, lang: str, store: str, c: Counts) -> bool:
    """Replay our briefs through score.py itself and compare its printed figures with ours."""
    return same_printout(SCORER_PATH, replay_through(SCORER_PATH, gold, lang, store), scorer_lines(c))


def check_with_context_scorer(gold: Path, lang: str, store: str, c: ContextCounts) -> bool:
    """Replay our briefs through score_context.py itself and compare its printed figures with ours."""
    res = replay_through(CONTEXT_SCORER_PATH, gold, lang, store)
    return same_printout(CONTEXT_SCORER_PATH, res, context_scorer_lines(c))


def label(gold: Path) -> str:
    """A folder's name relative to the repository, as typed on the command line."""
    return os.path.relpath(gold, ROOT)


def report(name: str, lang: str, c: Counts, cc: ContextCounts | None, seconds: float, verbose: bool) -> None:
    """The figures of one folder × language, in the scorers' words, then the error categories."""
    x = figures(c)
    print(
        f"=== {name} — {lang}: {c.articles} articles, gold quotes {c.gold}, predicted {c.pred}, "
        f"matched {c.match} (folder briefed in {seconds:.1f} s)"
    )
    print(*("  " + line for line in scorer_lines(c)[1:-1]), sep="\n")
    print(
        f"  errors            no speaker {c.no_speaker}  wrong speaker {c.wrong_speaker}  "
        f"speaker for unnamed {c.speaker_for_unnamed}  missed {c.missed}  spurious {c.spurious}"
    )
    print(
        f"  wrong-speaker rate {x['wrong_rate']:.3f} ({c.wrong_speaker}/{c.attributed} attributed)  "
        f"coverage {x['coverage']:.3f} ({c.attributed}/{c.attr_gold})"
    )
    if verbose:
        print(*error_lines(c.errors), sep="\n")
    context_report(cc, verbose)


Row = tuple[str, str, Counts, ContextCounts | None]


def table(rows: list[Row]) -> str:
    """The compact summary of quotes and actors: one Markdown row per folder × language."""
    lines = [
        "| folder | lang | art | gold/pred/match | det F1 | attr | q+spk F1 | key R | act P | dup "
        "| no spk | wrong | unnamed | missed | spurious | wrong rate | coverage |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, lang, c, _ in rows:
        x = figures(c)
        key = f"{x['key_recall']:.3f}" if c.key else "–"
        act = f"{x['actor_p']:.3f}" if c.key else "–"
        lines.append(
            f"| {name} | {lang} | {c.articles} | {c.gold}/{c.pred}/{c.match} | {x['det_f1']:.3f} "
            f"| {x['attr']:.3f} | {x['e2e_f1']:.3f} | {key} | {act} | {c.duplicates} | {c.no_speaker} "
            f"| {c.wrong_speaker} | {c.speaker_for_unnamed} | {c.missed} | {c.spurious} "
            f"| {x['wrong_rate']:.3f} | {x['coverage']:.3f} |"
        )
    return "\n".join(lines)


def dump_row(name: str, lang: str, seconds: float, c: Counts, cc: ContextCounts | None) -> dict[str, Any]:
    """One folder × language for --json: tallies, figures and errors (context: null without context gold)."""

    def tallies(t: Counts | ContextCounts) -> dict[str, Any]:
        return {k: v for k, v in asdict(t).items() if k != "errors"}

    context = (
        None
        if cc is None
        else {
            **tallies(cc),
            "attributed": cc.attributed,
            **context_figures(cc),
            "errors": [asdict(e) for e in cc.errors],
        }
    )
    return {
        "folder": name,
        "lang": lang,
        "seconds": round(seconds, 1),
        **tallies(c),
        "attributed": c.attributed,
        **figures(c),
        "errors": [asdict(e) for e in c.errors],
        "context": context,
    }


def main() -> None:
    """Brief each folder once, report each of its languages, then the two summary tables."""
    if len(sys.argv) > 2 and sys.argv[1] == "--replay":  # called back by the scorers
        replay(sys.argv[2], sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--gold",
        type=Path,
        nargs="+",
        default=DEFAULT_GOLD,
        metavar="DIR",
        help="Annotated folders to score (default: the four of the docstring).",
    )
    parser.add_argument("--verbose", action="store_true", help="List every quote, statement and date error.")
    parser.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        help="Also write all figures and errors as JSON, e.g. to compare before/after "
        "(keep it out of the repo: errors quote the evaluation texts).",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="Replay the briefs through score.py and score_context.py; fail if their figures differ.",
    )
    args = parser.parse_args()
    rows: list[Row] = []
    dump: list[dict[str, Any]] = []
    same = True
    for gold in args.gold:
        paths = sorted(gold.glob("*.json"))  # the scorers' order
        if not paths:
            print(f"{gold}: no annotated articles, skipped", file=sys.stderr)
            continue
        arts = [json.loads(p.read_text(encoding="utf-8")) for p in paths]
        with tempfile.TemporaryDirectory(prefix="nbquality-") as tmp:
            briefs, preds, store, seconds = brief_folder(arts, tmp)
            for lang in languages(arts):
                runs = [(a, b, p) for a, b, p in zip(arts, briefs, preds) if a["lang"] == lang]
                c, cc = Counts(), ContextCounts()
                for art, brief, pred in runs:
                    c.add(score_article(art, pred))
                    if has_context_gold(art):
                        cc.add(score_context_article(art, brief))
                context = cc if cc.articles else None
                report(label(gold), lang, c, context, seconds, args.verbose)
                if args.check:
                    same &= check_with_scorer(gold, lang, store, c)
                    if context:
                        same &= check_with_context_scorer(gold, lang, store, context)
                rows.append((label(gold), lang, c, context))
                dump.append(dump_row(label(gold), lang, seconds, c, context))
    print()
    print(table(rows))
    print()
    print(context_table([(name, lang, cc) for name, lang, _, cc in rows]))
    if args.json:
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if not same:
        raise SystemExit("the figures differ from the scorers'")


if __name__ == "__main__":
    main()
