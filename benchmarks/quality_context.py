"""The context part of the quality benchmark: statements and dates as ../shared/eval/score_context.py
counts them, on the articles whose gold has either.

Matching, speaker matching and F1 are imported from score_context.py; only its tally (inline in
its main(), not importable) is restated, in `score_context_article`, and `quality.py --check`
replays our briefs through score_context.py itself so that the restatement cannot drift.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quality_tally import SHARED_EVAL, Article, Brief, Error, Tally, error_lines, load_module, ratio, sort_attributions

CONTEXT_SCORER_PATH = SHARED_EVAL / "score_context.py"
CONTEXT = load_module(CONTEXT_SCORER_PATH, "shared_eval_score_context")  # its own `from score import`


@dataclass
class ContextCounts(Tally):
    """Statement and date tallies of one folder × language; the field names up to `dok` are score_context.py's."""

    articles: int = 0
    sg: int = 0  # statements: gold, predicted, matched
    sp: int = 0
    sm: int = 0
    sattr: int = 0  # matched with a gold speaker, and of them with the right speaker
    sok: int = 0
    se2e: int = 0  # matched with the right speaker or rightly none
    dg: int = 0  # dates: gold, predicted, matched
    dp: int = 0
    dm: int = 0
    dval: int = 0  # matched with a gold value (in a dated article), and of them with that value
    dok: int = 0
    no_speaker: int = 0
    wrong_speaker: int = 0
    speaker_for_unnamed: int = 0
    missed: int = 0
    spurious: int = 0
    missed_date: int = 0
    spurious_date: int = 0
    wrong_date_value: int = 0
    errors: list[Error] = field(default_factory=list)

    @property
    def attributed(self) -> int:
        """Matched statements with a gold speaker to which we give some speaker, right or wrong."""
        return self.sattr - self.no_speaker


def context_figures(c: ContextCounts) -> dict[str, float]:
    """score_context.py's figures, plus the statements' error rates, from the tallies."""
    sp, sr, sf = CONTEXT.f1(c.sm, c.sp, c.sg)
    ep, er, ef = CONTEXT.f1(c.se2e, c.sp, c.sg)
    dp, dr, df = CONTEXT.f1(c.dm, c.dp, c.dg)
    return {
        "stmt_p": sp,
        "stmt_r": sr,
        "stmt_f1": sf,
        "stmt_attr": ratio(c.sok, c.sattr),
        "stmt_e2e_p": ep,
        "stmt_e2e_r": er,
        "stmt_e2e_f1": ef,
        "date_p": dp,
        "date_r": dr,
        "date_f1": df,
        "date_value": ratio(c.dok, c.dval),
        "stmt_wrong_rate": ratio(c.wrong_speaker, c.attributed),
        "stmt_coverage": ratio(c.attributed, c.sattr),
    }


def has_context_gold(art: Article) -> bool:
    """score_context.py's choice of articles: those whose gold has statements or dates."""
    return "statements" in art["gold"] or "dates" in art["gold"]


def score_context_article(art: Article, brief: Brief) -> ContextCounts:
    """One article's statement and date tallies: score_context.py's main() loop for one article,
    plus the error categories."""
    ga = art["gold"]["actors"]
    gs = art["gold"].get("statements", [])
    ps = [s for s in brief.get("statements", []) if CONTEXT.tokens(s.get("text", ""))]
    pairs = CONTEXT.match_quotes(ps, gs, thresh=0.5)
    sattr, sok, se2e, errors = sort_attributions(art["id"], gs, ps, pairs, "speaker_name", CONTEXT.speaker_ok, ga)
    gd = art["gold"].get("dates", [])
    pd = (brief.get("context") or {}).get("dates", [])
    md = CONTEXT.match_dates(pd, gd)
    c = ContextCounts(
        articles=1,
        sg=len(gs),
        sp=len(ps),
        sm=len(pairs),
        sattr=sattr,
        sok=sok,
        se2e=se2e,
        dg=len(gd),
        dp=len(pd),
        dm=len(md),
        errors=errors,
    )
    for i, j in md:
        # As score_context.py: values resolve against the article's date, without one nothing is checked.
        if gd[i].get("value") and art.get("date"):
            c.dval += 1
            c.dok += pd[j].get("value") == gd[i]["value"]
            if pd[j].get("value") != gd[i]["value"]:
                c.errors.append(Error(art["id"], "wrong date value", gd[i]["value"], pd[j].get("value"), gd[i]["text"]))
    matched_gold, matched_pred = {i for i, _ in md}, {j for _, j in md}
    c.errors += [
        Error(art["id"], "missed date", g.get("value"), None, g["text"])
        for i, g in enumerate(gd)
        if i not in matched_gold
    ]
    c.errors += [
        Error(art["id"], "spurious date", None, p.get("value"), p.get("text", ""))
        for j, p in enumerate(pd)
        if j not in matched_pred
    ]
    c.count_errors()
    return c


def context_scorer_lines(c: ContextCounts) -> list[str]:
    """score_context.py's printout of these tallies, for --check and the report."""
    x = context_figures(c)
    return [
        f"articles {c.articles}  gold statements {c.sg}  gold dates {c.dg}",
        f"statement detection  P {x['stmt_p']:.3f}  R {x['stmt_r']:.3f}  F1 {x['stmt_f1']:.3f}",
        f"statement speaker    {x['stmt_attr']:.3f}  ({c.sok}/{c.sattr} matched with a gold speaker)",
        f"statement+speaker    P {x['stmt_e2e_p']:.3f}  R {x['stmt_e2e_r']:.3f}  F1 {x['stmt_e2e_f1']:.3f}",
        f"date detection       P {x['date_p']:.3f}  R {x['date_r']:.3f}  F1 {x['date_f1']:.3f}",
        f"date value accuracy  {x['date_value']:.3f}  ({c.dok}/{c.dval} matched dates with a gold value)",
        f"SUMMARY stmtF1={x['stmt_f1']:.3f} stmtAttr={x['stmt_attr']:.3f} stmtE2eF1={x['stmt_e2e_f1']:.3f} "
        f"dateF1={x['date_f1']:.3f} dateValue={x['date_value']:.3f}",
    ]


def context_report(cc: ContextCounts | None, verbose: bool) -> None:
    """The context figures of one folder × language, in score_context.py's words, then the
    statements' error categories."""
    if cc is None:
        print("  context: no context gold")
        return
    y = context_figures(cc)
    print(
        f"  context: {cc.articles} articles with gold statements or dates, gold statements {cc.sg}, "
        f"predicted {cc.sp}, matched {cc.sm}; gold dates {cc.dg}, predicted {cc.dp}, matched {cc.dm}"
    )
    print(*("  " + line for line in context_scorer_lines(cc)[1:-1]), sep="\n")
    print(
        f"  statement errors     no speaker {cc.no_speaker}  wrong speaker {cc.wrong_speaker}  "
        f"speaker for unnamed {cc.speaker_for_unnamed}  missed {cc.missed}  spurious {cc.spurious}"
    )
    print(
        f"  statement wrong-speaker rate {y['stmt_wrong_rate']:.3f} ({cc.wrong_speaker}/{cc.attributed} "
        f"attributed)  coverage {y['stmt_coverage']:.3f} ({cc.attributed}/{cc.sattr})"
    )
    if verbose:
        print(*error_lines(cc.errors), sep="\n")


def context_table(rows: list[tuple[str, str, ContextCounts | None]]) -> str:
    """The compact summary of statements and dates: one Markdown row per folder × language."""
    lines = [
        "| folder | lang | art | stmt gold/pred/match | stmt F1 | stmt spk | s+spk F1 | no spk | wrong "
        "| unnamed | missed | spurious | wrong rate | coverage | date gold/pred/match | date F1 | date value |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for name, lang, c in rows:
        if c is None:
            lines.append(f"| {name} | {lang} | 0 | no context gold |" + " |" * 13)
            continue
        y = context_figures(c)
        lines.append(
            f"| {name} | {lang} | {c.articles} | {c.sg}/{c.sp}/{c.sm} | {y['stmt_f1']:.3f} "
            f"| {y['stmt_attr']:.3f} | {y['stmt_e2e_f1']:.3f} | {c.no_speaker} | {c.wrong_speaker} "
            f"| {c.speaker_for_unnamed} | {c.missed} | {c.spurious} | {y['stmt_wrong_rate']:.3f} "
            f"| {y['stmt_coverage']:.3f} | {c.dg}/{c.dp}/{c.dm} | {y['date_f1']:.3f} "
            f"| {y['date_value']:.3f} |"
        )
    return "\n".join(lines)
