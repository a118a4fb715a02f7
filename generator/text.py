"""Small text helpers shared by every stage: slugs and parser-safe normalisation."""

from __future__ import annotations

import re

from .langdata import fold

# Characters the French models mis-read, each replaced by one character so that every offset
# into the normalised text is also an offset into the original text.
_SAME_LENGTH = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark used as apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French typography before « » : ; ! ?)
        "\u2009": " ",  # thin space
        "\u2007": " ",  # figure space
        "\u2002": " ",
        "\u2003": " ",
        "\u200b": " ",  # zero-width space
        "\ufeff": " ",
    }
)


def normalize_for_parser(text: str) -> str:
    """Text the parser reads: curly apostrophes and typographic spaces made plain, same length."""
    return text.translate(_SAME_LENGTH)


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug for file names and page addresses."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug[:80].strip("-") or fallback


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not in `taken` yet; records the one returned."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
