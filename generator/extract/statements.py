"""Reported speech without quote marks: "Maduro a expliqué qu'il avait tenté …"."""

from __future__ import annotations

from spacy.tokens import Doc

from ..langdata import LangData, fold
from ..models import Statement
from .speakers import SpeakerFinder
from .doctext import text_of


def find_statements(doc: Doc, lang: LangData, finder: SpeakerFinder) -> list[Statement]:
    """Each speech verb's complement clause ("que …", "that …") outside quotes, with its speaker."""
    out: list[Statement] = []
    for verb in doc:
        if not finder.is_speech_verb(verb) or finder.in_quote(verb.idx):
            continue
        for clause in verb.children:
            if clause.dep_ not in lang.deps["clause"] or clause.i < verb.i:
                continue
            mark = next((c for c in clause.children if c.dep_ in lang.deps["marker"] and fold(c.text) in lang.complementizers
                         and c.i < clause.i), None)
            if mark is None:
                continue
            first = doc[mark.i + 1]
            while first.i < clause.right_edge.i and (first.is_punct or first.is_space):
                first = doc[first.i + 1]
            start = first.idx
            last = clause.right_edge
            while last.i > mark.i and (last.is_punct or last.is_space):
                last = doc[last.i - 1]
            end = last.idx + len(last)
            if end <= start or any(finder.in_quote(t.idx) for t in doc[mark.i:last.i + 1]):
                continue  # quoted words are direct quotes, not statements
            speaker = finder.verb_speaker(verb, 0.8)
            actor = speaker.actor
            out.append(Statement(text=text_of(doc)[start:end], start=start, end=end,
                                 speaker=actor.id if actor else None,
                                 speaker_name=actor.name if actor else None, cue=verb.lemma_))
    return out
