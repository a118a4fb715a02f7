"""Direct quotes and reported statements, with their speakers.

BASELINE: « » pairs only, no speaker. To be replaced by the full extractor.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..langdata import LangData
from ..models import Quote, Statement
from .actors import ActorTable


def extract_quotes(doc: Doc, lang: LangData, actors: ActorTable) -> tuple[list[Quote], list[Statement]]:
    """Direct quotes (outer marks removed, offsets into the text) and indirect statements."""
    text = doc.text
    quotes: list[Quote] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i + 1
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                inner = text[start:i]
                s = start + len(inner) - len(inner.lstrip())
                e = i - (len(inner) - len(inner.rstrip()))
                if len(text[s:e].split()) >= 4:
                    quotes.append(Quote(text=text[s:e], start=s, end=e))
    return quotes, []
