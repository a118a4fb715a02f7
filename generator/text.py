"""Small text helpers shared by every stage: slugs and parser-safe normalisation."""

from __future__ import annotations

from slugify import slugify as _transliterated_slug

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


# Replaced before python-slugify reads the text, so that a name which already slugged well keeps
# its page address: typographic apostrophes separate words like "'" ("l’Élysée" -> "l-elysee"), and
# so does a comma between digits ("1,5" -> "1-5"; python-slugify would glue the digits).
_KEEP_ADDRESSES = [("\u2019", "'"), ("\u2018", "'"), ("\u02bc", "'"), (",", "-")]
_MAX_SLUG = 80


def slugify(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug for file names and page addresses, other scripts transliterated
    ("Søren" -> "soren", "Владимир Путин" -> "vladimir-putin"); `fallback` when nothing is left."""
    slug = _transliterated_slug(
        text,
        entities=False,
        decimal=False,
        hexadecimal=False,
        max_length=_MAX_SLUG,
        replacements=_KEEP_ADDRESSES,
        replacement_stage="pre",
        backend="text-unidecode",
    )
    return slug or fallback


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3` … whichever is not in `taken` yet; records the one returned."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate
