"""Quote spans from the marks alone: pairs, nesting, paragraphs, dashes, unbalanced marks."""

from __future__ import annotations

import pytest

from generator.extract.quote_marks import find_quote_spans
from generator.langdata import LangData


def spans(text: str, lang: LangData) -> list[str]:
    return [text[m.start : m.end] for m in find_quote_spans(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il a dit : « Nous partirons demain matin. »", ["Nous partirons demain matin."]),
        ("Il a dit : «Nous partirons demain matin.»", ["Nous partirons demain matin."]),
        # Only the outermost pair is a quote; the inner one stays inside it.
        (
            "« J'ai répondu : « pas question », puis je suis parti », dit-il.",
            ["J'ai répondu : « pas question », puis je suis parti"],
        ),
        ("Elle a écrit “nous ne céderons pas” hier.", ["nous ne céderons pas"]),
        ("Er sagte „wir kommen morgen wieder“ und ging.", ["wir kommen morgen wieder"]),
        ('Il a lancé "on ne lâchera rien du tout" devant la foule.', ["on ne lâchera rien du tout"]),
        # A paragraph opening a quote it never closes, reopened by the next: one quote per paragraph.
        (
            "« Premier paragraphe de la déclaration.\n« Second paragraphe, qui se termine ici », a-t-il dit.",
            ["Premier paragraphe de la déclaration.", "Second paragraphe, qui se termine ici"],
        ),
        # … also when the quote left open starts a sentence inside the paragraph.
        (
            "« Nous avons fini », a dit le maire. « Le plus dur commence.\n« Il faudra reconstruire. »",
            ["Nous avons fini", "Le plus dur commence.", "Il faudra reconstruire."],
        ),
        # An open mark inside a sentence, or a next paragraph opening with another mark: dropped.
        ("Il parle de « la crise sans fin.\n« Une autre citation ici. »", ["Une autre citation ici."]),
        ("Il a conclu. « Nous verrons bien.\n“Une autre citation ici.”", ["Une autre citation ici."]),
        # An opening mark never closed is dropped; the rest of the text is not swallowed.
        (
            "« Une citation jamais fermée et « une autre bien fermée » ici.\nLa suite « du texte »",
            ["une autre bien fermée", "du texte"],
        ),
        ("Un guillemet fermant perdu » puis « une vraie citation ».", ["une vraie citation"]),
        # Dialogue lines and a two-speaker exchange inside one pair.
        ("— Je ne sais pas encore, répond-il.\nLe récit continue.", ["Je ne sais pas encore, répond-il."]),
        ("« Vous mentez ! – Non, c'est la vérité. »", ["Vous mentez !", "Non, c'est la vérité."]),
        # A dash inside a sentence does not split the quote.
        (
            "« Nous irons à Lyon – et à Paris – la semaine prochaine »",
            ["Nous irons à Lyon – et à Paris – la semaine prochaine"],
        ),
    ],
)
def test_french_spans(text: str, expected: list[str], fr: LangData) -> None:
    assert spans(text, fr) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The comma before the closing mark is left out.
        ('"We will appeal the ruling," she said.', ["We will appeal the ruling"]),
        ("“We will appeal,” she said, “and we will win.”", ["We will appeal", "and we will win."]),
        # Apostrophes and inch marks are not quote marks.
        ('He is 6\'2" tall and said "nobody told me anything" later.', ["nobody told me anything"]),
        ("She said ‘we don't know yet' to reporters.", ["we don't know yet"]),
        (
            '"First paragraph of the statement.\n"Second paragraph," he said.',
            ["First paragraph of the statement.", "Second paragraph"],
        ),
    ],
)
def test_english_spans(text: str, expected: list[str], en: LangData) -> None:
    assert spans(text, en) == expected


def test_multi_paragraph_quote_is_one_group(fr: LangData) -> None:
    text = "« Un.\n« Deux.\n« Trois », dit-il.\n« Autre chose »."
    groups = [m.group for m in find_quote_spans(text, fr)]
    assert groups[0] == groups[1] == groups[2] != groups[3]
