"""Speech verbs as the parse shows them: by lemma or written form, inverted clitics, the cue as written."""

from __future__ import annotations

from spacy.tokens import Token

from ..langdata import LangData, fold
from .doctext import text_of


def is_speech_verb(tok: Token, lang: LangData) -> bool:
    """A verb that introduces someone's words (by its lemma, or by its form when the
    lemmatizer left it as written: "estime")."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    lemma = fold(tok.lemma_)
    if lemma in lang.speech_verbs or fold(tok.text) in lang.speech_verb_forms:
        return True
    first = lang.speech_verb_pairs.get(lemma)  # "a fait savoir": the pair's words side by side
    return first is not None and any(
        fold(t.lemma_) == first and abs(t.i - tok.i) <= 2 for t in (tok.head, *tok.children)
    )


def is_speech_verb_form(tok: Token, lang: LangData) -> bool:
    """A word spelled like a speech verb whatever its tag ("juge" in "», juge le ministère")."""
    return tok.is_alpha and fold(tok.text) in lang.speech_verb_forms


def inverted_subject(verb: Token, lang: LangData) -> str | None:
    """The subject clitic glued after the verb or its auxiliary ("a-t-il dit", "explique-t-elle")."""
    doc = verb.doc
    for pos in [verb.i] + [c.i for c in verb.children if c.dep_ in lang.deps["auxiliary"]]:
        joined, j = "", pos + 1
        while j < len(doc) and doc[j].text.startswith("-") and not doc[j - 1].whitespace_:
            joined += doc[j].text
            j += 1
        if joined and fold(joined) in lang.inverted_subjects:
            return joined
    return None


def cue_text(verb: Token, lang: LangData) -> str:
    """The speech verb as written, with its auxiliaries, an inverted clitic and the verb it is
    the second word of ("a-t-il déclaré", "explique-t-elle", "has said", "a fait savoir")."""
    doc = verb.doc
    # Words before the verb that belong to it: auxiliaries, and the first verb of a pair
    # ("fait" in "a fait savoir"), which the parser hangs on it, with its own auxiliaries.
    lead = [c for c in verb.children if c.pos_ in ("VERB", "AUX") and 0 < verb.i - c.i <= 2]
    first = min(
        [verb.i]
        + [
            c.i
            for t in [verb, *lead]
            for c in [t, *t.children]
            if (c is t or c.dep_ in lang.deps["auxiliary"]) and 0 <= verb.i - c.i <= 4
        ]
    )
    last = verb.i
    while last + 1 < len(doc) and doc[last + 1].text.startswith("-") and not doc[last].whitespace_:
        last += 1
    return text_of(doc)[doc[first].idx : doc[last].idx + len(doc[last].text)]
