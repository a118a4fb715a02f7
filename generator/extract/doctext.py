"""The text of a parsed `Doc`, built once.

spaCy rebuilds `Doc.text` from every token on each access; extractors read it often, so it is
kept in the doc's `user_data` under our own key (the one place we store anything on a Doc).
"""

from __future__ import annotations

from spacy.tokens import Doc

_KEY = "newsbrief.text"


def text_of(doc: Doc) -> str:
    """`doc.text`, computed once per document."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text
