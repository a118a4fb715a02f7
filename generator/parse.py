"""Run spaCy on article text. The model is loaded once per process and name.

A text longer than `CHUNK_CHARS` is parsed in paragraph-aligned pieces joined back into one
`Doc`: spaCy's memory grows with the length of what it parses at once (about 4 GB for a text of
a million characters, its `max_length`), so a long article costs time linear in its length and
memory bounded by one piece at a time (plus the joined `Doc`).
"""

from __future__ import annotations

import collections
import logging
import re
import threading
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError
from .text import normalize_for_parser

log = logging.getLogger(__name__)

# Longest text parsed in one piece. Far above any ordinary article (so those take one plain
# parse), far below spaCy's max_length (1,000,000), and small enough that parsing one piece needs
# a few hundred MB.
CHUNK_CHARS = 100_000

# Texts parsed together: 64 articles parse a fifth faster than 16 (measured on French news with
# fr_core_news_md), and the briefs are the same whatever the batch.
BATCH = 64

# Where a long text may be cut, best first: after a blank line, after a line break, after the end
# of a sentence, after any white space. Each cut keeps the white space that follows it, so every
# piece ends where the next begins and the parser sees the same tokens as in one piece.
_CUTS = (
    re.compile(r"\n[^\S\n]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?…](?:\s*[\"'»”’)\]])*\s+"),
    re.compile(r"\s+"),
)


_MODELS: dict[str, Language] = {}
# One load at a time: `mkdocs serve` loads models in the background while a build may need one.
_LOADING = threading.Lock()


def load_model(name: str) -> Language:
    """Load an installed spaCy model package, once per process; never downloads anything."""
    with _LOADING:
        if name not in _MODELS:
            _MODELS[name] = _load(name)
        return _MODELS[name]


def _load(name: str) -> Language:
    """Load a model package, or say how to install it."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed: install its package in the virtual "
            "environment (make install) or name another one under `models:` in mkdocs.yml"
        ) from exc
    log.debug("loaded spaCy model %s", name)
    return nlp


def parse(text: str, model: str, *, chunk_chars: int = CHUNK_CHARS) -> Doc:
    """Parse one text; offsets in the `Doc` are offsets into `text`, however long it is."""
    nlp = load_model(model)
    size = _piece_size(nlp, chunk_chars)
    if len(text) <= size:
        return nlp(normalize_for_parser(text))
    return _parse_long(nlp, normalize_for_parser(text), size)


def parse_many(texts: Iterable[str], model: str, *, chunk_chars: int = CHUNK_CHARS) -> Iterator[Doc]:
    """Parse texts in a batch (faster than one by one), in order; long ones piece by piece."""
    nlp = load_model(model)
    size = _piece_size(nlp, chunk_chars)
    texts = list(texts)
    # The short texts go through one `nlp.pipe` exactly as when there is no long one; `pipe` is
    # lazy, so each long text is parsed alone when its turn comes and nothing waits in memory.
    short = nlp.pipe((normalize_for_parser(t) for t in texts if len(t) <= size), batch_size=BATCH)
    for text in texts:
        yield next(short) if len(text) <= size else _parse_long(nlp, normalize_for_parser(text), size)


def split_text(text: str, size: int) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters, at the best cut available
    (paragraph, line, sentence, word); joined, the pieces are `text` again."""
    if size < 1:
        raise ValueError(f"piece size must be at least 1, not {size}")
    pieces, start = [], 0
    while len(text) - start > size:
        end = start + size
        pieces.append(text[start : _cut(text, start, end)])
        start += len(pieces[-1])
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """Where the piece starting at `start` ends: after the last best cut in `text[start:end]`,
    else at `end` (a run of `size` characters without any white space)."""
    for pattern in _CUTS:
        last = collections.deque(pattern.finditer(text, start, end), maxlen=1)
        # White space running on past `end` is cut at `end`: the next piece starts with the rest.
        if last:
            return last[0].end()
    return end


def _parse_long(nlp: Language, text: str, size: int) -> Doc:
    """One `Doc` of a text longer than `size`, parsed piece by piece and joined, offsets kept."""
    pieces = split_text(text, size)
    log.debug("parsing a text of %d characters in %d pieces", len(text), len(pieces))
    # One piece at a time: memory stays that of one piece, whatever the length of the text.
    doc = Doc.from_docs(list(nlp.pipe(pieces, batch_size=1)), ensure_whitespace=False)
    if doc.text != text:  # the join adds nothing and loses nothing; never silently shift offsets
        raise ValueError("the pieces of a long text did not join back into the text")
    return doc


def _piece_size(nlp: Language, chunk_chars: int) -> int:
    """The longest piece parsed at once: `chunk_chars`, and always below the model's max_length."""
    return max(1, min(chunk_chars, nlp.max_length - 1))
