"""Background of a story: the sentences that tell of events earlier than its news.

A reader of a brief wants the news apart from what led to it. A sentence is background when its
main clause says so, by a marker ("en 2019", "previously") with a verb in the past, or by its
tense: a pluperfect main verb ("avait tenté", "had tried"), or a narrative past where the language
has one apart from the tense of news (the French passé simple). Words inside quotes are someone's,
not the narration's; a pluperfect reported by a speech verb of the news ("a expliqué qu'il avait
tenté") is a statement. Markers and tenses come from the language data (`LangData.background`).
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..langdata import BackgroundCues, LangData, fold
from ..models import Background, Quote
from .doctext import text_of
from .summary import mostly_quoted, passages
from .verbs import is_speech_verb

# What the gaps of a marker pattern stand for: "…" one to three words, "{year}" a year.
_GAP = r"\S+(?:\s+\S+){0,2}"
_YEAR = r"(?:1[6-9]|20)\d\d"


def find_background(doc: Doc, lang: LangData, quotes: list[Quote], text: str | None = None) -> list[Background]:
    """Passages of `doc` about earlier events, in reading order, each with the cue that says so.

    Offsets are into the article text; `text` (the original article, which the doc's normalised
    copy matches offset for offset) gives the passage and cue as written.
    """
    source = text if text is not None else text_of(doc)
    found = [c for c in (_cue(sent, lang, quotes) for sent in doc.sents) if c is not None]
    out: list[Background] = []
    for start, end in passages(doc, quotes):
        cue = next((c for c in found if start <= c[0] < end), None)
        if cue is not None and not mostly_quoted(start, end, quotes):
            out.append(Background(source[start:end], start, end, source[cue[0] : cue[1]]))
    return out


def _cue(sent: SpacySpan, lang: LangData, quotes: list[Quote]) -> tuple[int, int] | None:
    """Offsets of what makes one sentence background (a marker, else its verb group), or None."""
    root = sent.root
    if _quoted(root.idx, root.idx + len(root), quotes) or _reports(root, lang):
        return None
    group = _verb_group(root, lang)
    if not _past(root, group, lang):
        return None
    marker = _marker(sent, root, quotes, lang)
    if marker is not None:
        return marker
    if _pluperfect(root, group, lang) or _narrative(group, lang):
        return group[0].idx, group[-1].idx + len(group[-1])
    return None


def _marker(sent: SpacySpan, root: Token, quotes: list[Quote], lang: LangData) -> tuple[int, int] | None:
    """Offsets of the first marker of the main clause, outside quotes and comparisons."""
    doc, cues = sent.doc, lang.background
    text = text_of(doc)
    for found in _patterns(cues.markers).finditer(text, sent.start_char, sent.end_char):
        start, end = found.span()
        span = doc.char_span(start, end, alignment_mode="expand")
        if (
            span is not None
            and not _quoted(start, end, quotes)
            and _in_main_clause(span, root, lang)
            and not _compared(text, start, cues)
        ):
            return start, end
    return None


def _compared(text: str, start: int, cues: BackgroundCues) -> bool:
    """The marker follows a word of comparison ("par rapport à l'an dernier"): a yardstick, not a time."""
    before = fold(text[max(0, start - 40) : start]).split()
    return any(before[-len(words) :] == words for words in (w.split() for w in cues.comparisons) if words)


def _verb_group(root: Token, lang: LangData) -> list[Token]:
    """The main verb with its auxiliaries and copula, in text order ("avait été élu")."""
    labels = lang.deps["auxiliary"] | lang.deps["perfect_auxiliary"] | lang.deps["copula"]
    return sorted([root, *(c for c in root.children if c.dep_ in labels)], key=lambda t: t.i)


def _pluperfect(root: Token, group: list[Token], lang: LangData) -> bool:
    """A participle under a perfect auxiliary in the past ("avait tenté", "had been elected")."""
    return _has_participle(group, lang) and any(
        _perfect_aux(t, lang) and lang.has_morph(t, "pluperfect_auxiliary") for t in group if t.i != root.i
    )


def _narrative(group: list[Token], lang: LangData) -> bool:
    """The finite word of the group in the narrative past ("fut élu", "devint"), unless spelled
    like a present ("il s'agit"), which the tagger cannot tell apart."""
    finite = _finite(group, lang)
    if finite is None or not lang.has_morph(finite, "narrative_past"):
        return False
    lemma, form = fold(finite.lemma_), fold(finite.text)
    return not any(
        lemma.endswith(a) and form == lemma[: len(lemma) - len(a)] + b for a, b in lang.background.present_like
    )


def _past(root: Token, group: list[Token], lang: LangData) -> bool:
    """The group tells of the past: a past finite verb, or a compound past ("a supprimé")."""
    finite = _finite(group, lang)
    if finite is not None and lang.has_morph(finite, "past_tense"):
        return True
    return _has_participle(group, lang) and any(_perfect_aux(t, lang) for t in group if t.i != root.i)


def _reports(root: Token, lang: LangData) -> bool:
    """The sentence's own speech verb is of the news ("…, a expliqué le ministre"): a statement."""
    for verb in root.children:
        if not is_speech_verb(verb, lang):
            continue
        group = _verb_group(verb, lang)
        if _finite(group, lang) is not None and not (_pluperfect(verb, group, lang) or _narrative(group, lang)):
            return True
    return False


def _in_main_clause(span: SpacySpan, root: Token, lang: LangData) -> bool:
    """The marker hangs from the main verb, not from a relative or reported clause."""
    tok = span.root
    # A marker that is a little clause itself ("il y a deux ans") is judged from where it hangs.
    if tok.pos_ in ("VERB", "AUX") and tok.i != root.i:
        tok = tok.head
    while tok.i != root.i:
        if tok.dep_ in lang.deps["subordinate_clause"] or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _finite(group: list[Token], lang: LangData) -> Token | None:
    """The finite word of a verb group (the conjugated auxiliary, or the verb itself)."""
    return next((t for t in group if lang.has_morph(t, "finite")), None)


def _has_participle(group: list[Token], lang: LangData) -> bool:
    """The group's verb (or copula) is a participle, as in every compound tense."""
    return any(lang.has_morph(t, "participle") for t in group if t.pos_ in ("VERB", "AUX"))


def _perfect_aux(tok: Token, lang: LangData) -> bool:
    """An auxiliary of a compound past ("avoir", "être", "have"), joined as a tense auxiliary."""
    return tok.dep_ in lang.deps["perfect_auxiliary"] and fold(tok.lemma_) in lang.background.perfect_auxiliaries


def _quoted(start: int, end: int, quotes: list[Quote]) -> bool:
    """Offsets that fall inside a direct quote."""
    return any(q.start <= start and end <= q.end for q in quotes)


@functools.lru_cache(maxsize=8)
def _patterns(markers: tuple[str, ...]) -> re.Pattern[str]:
    """One case-blind pattern for all marker phrases, longest first, whole words only."""

    def compile_one(marker: str) -> str:
        words = [_GAP if w == "…" else re.escape(w).replace(re.escape("{year}"), _YEAR) for w in marker.split()]
        return r"\s+".join(words)

    joined = "|".join(compile_one(m) for m in sorted(markers, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{joined})(?!\w)", re.IGNORECASE) if markers else re.compile(r"(?!)")
