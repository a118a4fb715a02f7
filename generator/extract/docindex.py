"""One parsed document indexed for local look-ups: token offsets, quoted spans, actor mentions.

Built once per document and read by every attribution module (noun phrases, antecedents,
speakers, quotes), so none of them needs another to answer "where am I?".
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..langdata import LangData
from ..models import Actor
from .actors import ActorTable, Mention
from .doctext import text_of


class DocIndex:
    """Tokens, quoted spans and actor mentions of one document, searchable by character offset."""

    def __init__(self, doc: Doc, lang: LangData, actors: ActorTable, quoted: list[tuple[int, int]]) -> None:
        self.doc, self.lang, self.actors = doc, lang, actors
        self.text = text_of(doc)
        self.token_starts = [t.idx for t in doc]
        self._quoted = sorted(quoted)
        self._quoted_starts = [s for s, _ in self._quoted]
        self.mentions: list[Mention] = list(actors.mentions)
        self.mention_starts = [m.start for m in self.mentions]
        self.by_id = {a.id: a for a in actors.actors}

    def in_quote(self, offset: int) -> bool:
        """Whether a character offset lies inside a quoted span (marks included)."""
        k = bisect.bisect_right(self._quoted_starts, offset) - 1
        return k >= 0 and offset < self._quoted[k][1]

    def quote_around(self, offset: int) -> tuple[int, int] | None:
        """The quoted span (marks included) holding a character offset, if any."""
        k = bisect.bisect_right(self._quoted_starts, offset) - 1
        return self._quoted[k] if k >= 0 and offset < self._quoted[k][1] else None

    def mention_at(self, start: int, end: int) -> Mention | None:
        """A mention overlapping [start, end), by binary search."""
        k = bisect.bisect_left(self.mention_starts, end)
        for m in reversed(self.mentions[max(0, k - 8) : k]):
            if m.end > start:
                return m
        return None

    def mention_actor(self, start: int, end: int) -> Actor | None:
        """The actor of a mention overlapping [start, end)."""
        m = self.mention_at(start, end)
        return self.by_id.get(m.actor_id) if m else None

    def token_at(self, offset: int) -> int:
        """Index of the token starting at or before a character offset."""
        return max(0, bisect.bisect_right(self.token_starts, offset) - 1)

    def token_from(self, offset: int) -> int:
        """Index of the first token starting at or after a character offset."""
        return bisect.bisect_left(self.token_starts, offset)

    def para_start(self, offset: int) -> int:
        """Offset of the start of the paragraph (line) holding `offset`."""
        return self.text.rfind("\n", 0, offset) + 1

    def para_end(self, offset: int) -> int:
        """Offset of the end of the paragraph (line) holding `offset`."""
        end = self.text.find("\n", offset)
        return len(self.text) if end < 0 else end
