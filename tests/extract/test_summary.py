"""Summary: two or three verbatim sentences chosen for salience, never cut, never mostly quotation."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from generator.extract.actors import ActorTable, extract_actors, rank_actors
from generator.extract.quotes import extract_quotes
from generator.extract.summary import MAX_CHARS, passages, summarize
from generator.langdata import LangData
from generator.models import Quote


def parts(parse: Callable[[str], Doc], lang: LangData, text: str, title: str) -> tuple[Doc, list[Quote], ActorTable]:
    doc = parse(text)
    table = extract_actors(doc, lang, title)
    quotes, _ = extract_quotes(doc, lang, table)
    lead_end = next(iter(doc.sents)).end_char
    return doc, quotes, rank_actors(table, {q.speaker for q in quotes if q.speaker}, title, lead_end)


def sentences_of(summary: str, text: str) -> None:
    """Every sentence of the summary is a sentence of the text, in reading order."""
    flat = " ".join(text.split())
    pos = 0
    for piece in summary.split(". "):
        found = flat.find(piece, pos)
        assert found >= 0, piece
        pos = found


TITLE_FR = "Valence : la mairie ferme la piscine municipale après une inondation"
TEXT_FR = (
    "La mairie de Valence a fermé lundi la piscine municipale après une inondation de son sous-sol. "
    "Le bâtiment avait été rénové en 2015 pour un coût de trois millions d'euros. "
    "« Nous ne pouvions pas laisser les nageurs entrer dans ces conditions, la sécurité passe avant tout », "
    "a déclaré Nadia Ferrand, adjointe aux sports.\n\n"
    "Les clubs de natation de la ville s'entraîneront à Romans pendant la fermeture. "
    "Selon Nadia Ferrand, l'inondation de la piscine vient d'une canalisation rompue sous les vestiaires. "
    "Des experts de l'assurance visiteront le site la semaine prochaine. "
    "Le marché du samedi se tiendra comme prévu sur la place voisine."
)


def test_summary_picks_the_lead_and_salient_sentences(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    doc, quotes, table = parts(parse_fr, fr, TEXT_FR, TITLE_FR)
    summary = summarize(doc, quotes, TEXT_FR, table, TITLE_FR)
    assert summary.startswith("La mairie de Valence a fermé lundi la piscine municipale")
    assert "canalisation rompue" in summary  # the key person and the title's words
    assert "marché du samedi" not in summary  # an aside late in the article
    assert "nageurs" not in summary  # mostly quotation: the words belong to their speaker
    assert len(summary) <= MAX_CHARS
    sentences_of(summary, TEXT_FR)


def test_short_article_keeps_its_lead(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Le conseil municipal de Grenoble a voté mardi la gratuité des transports pour les moins de 25 ans. "
        "La mesure entrera en vigueur en septembre."
    )
    doc, quotes, table = parts(parse_fr, fr, text, "Grenoble : transports gratuits pour les jeunes")
    assert summarize(doc, quotes, text, table, "Grenoble : transports gratuits pour les jeunes") == text


def test_summary_never_cuts_a_quote(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Le maire de Lyon, Paul Martin, a présenté jeudi son plan contre la chaleur dans les écoles. "
        "Il a jugé la situation « grave. Nous devons agir vite » devant le conseil municipal de Lyon, "
        "qui votera le plan en mars. Les écoles recevront des brumisateurs et des stores. "
        "Le plan coûtera huit millions d'euros à la ville de Lyon."
    )
    doc, quotes, table = parts(parse_fr, fr, text, "Lyon : un plan contre la chaleur dans les écoles")
    summary = summarize(doc, quotes, text, table, "Lyon : un plan contre la chaleur dans les écoles")
    assert ("« grave." in summary) == ("agir vite »" in summary)


def test_summary_en(parse_en: Callable[[str], Doc], en: LangData) -> None:
    title = "Riverton council closes public pool after flood"
    text = (
        "The Riverton city council closed the public pool on Monday after a flood in its basement. "
        '"We could not let swimmers in under these conditions, safety comes first," said Nadia Ferrand, '
        "the council member for sports. "
        "Swimming clubs will train in Millbrook during the closure. "
        "According to Nadia Ferrand, the flood at the pool came from a broken pipe under the locker rooms. "
        "The Saturday market will be held as planned on the square next door."
    )
    doc, quotes, table = parts(parse_en, en, text, title)
    summary = summarize(doc, quotes, text, table, title)
    assert summary.startswith("The Riverton city council closed the public pool on Monday")
    assert "broken pipe" in summary and "Saturday market" not in summary
    sentences_of(summary, text)


def test_passages_join_quotes_and_mend_parser_cuts(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = (
        "Le maire a jugé la situation « grave. Nous devons agir vite » devant le conseil.\n\nLe plan sera voté en mars."
    )
    doc, quotes, _ = parts(parse_fr, fr, text, "")
    spans = [text[s:e] for s, e in passages(doc, quotes)]
    assert spans == [
        "Le maire a jugé la situation « grave. Nous devons agir vite » devant le conseil.",
        "Le plan sera voté en mars.",
    ]
