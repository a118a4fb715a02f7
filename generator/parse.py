"""Run spaCy on article text. The model is loaded once per process and name."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .errors import ConfigError
from .text import normalize_for_parser

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load an installed spaCy model package; never downloads anything."""
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


def parse(text: str, model: str) -> Doc:
    """Parse one text; offsets in the `Doc` are offsets into `text`."""
    return load_model(model)(normalize_for_parser(text))


def parse_many(texts: Iterable[str], model: str) -> Iterator[Doc]:
    """Parse texts in a batch (faster than one by one), in order."""
    nlp = load_model(model)
    return nlp.pipe((normalize_for_parser(t) for t in texts), batch_size=16)
