"""Long articles: parsed in paragraph-aligned pieces with offsets kept; past the limit, skipped."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from spacy.language import Language
from spacy.tokens import Doc

from generator.brief import make_brief
from generator.build import make_briefs
from generator.cli import cli
from generator.config import Config, make_config
from generator.errors import ConfigError, ContentError
from generator.langdata import LangData
from generator.models import Article
from generator.parse import load_model, parse, parse_many, split_text

# Six paragraphs, each with a quote and its speaker, some speakers named again by a pronoun or a
# title in a later paragraph: what a piece boundary could break if offsets or sentences slipped.
LONG_FR = """\
Le conseil municipal de Lyon a adopté mardi soir le budget de la ville après six heures de débat. \
« Ce budget protège les services publics et les plus fragiles », a déclaré le maire, Grégory Doucet, \
à l’issue du vote.

L’opposition a voté contre. « Les impôts augmentent encore, et les Lyonnais paieront la facture », \
a regretté Pierre Oliver, président du groupe Les Républicains. Il a annoncé un recours devant le \
tribunal administratif.

Selon l’adjointe aux finances, Audrey Hénocque, la dette de la ville reste maîtrisée. « Nous \
investissons sans creuser le déficit », a-t-elle assuré devant la presse.

Les syndicats du personnel municipal ont salué la création de cent postes dans les écoles. \
« C’est une première depuis dix ans », a souligné Marie Dupont, secrétaire de la CGT.

Le préfet du Rhône doit encore examiner le document. « Je rendrai mon avis dans les délais », \
a indiqué Pascal Mailhos dans un communiqué.

Grégory Doucet a conclu la séance en remerciant les élus. « Le débat a été vif mais respectueux », \
a-t-il dit.
"""


@pytest.fixture(scope="module")
def nlp_fr(fr: LangData) -> Language:
    return load_model(fr.model)


def _tokens(doc: Doc) -> list[tuple[str, int]]:
    return [(t.text, t.idx) for t in doc]


def _article(text: str) -> Article:
    return Article(path="long.md", id="long", title="Le budget de Lyon adopté", lang="fr", text=text)


def _found(article: Article, doc: Doc, lang: LangData) -> tuple[list[tuple], list[tuple]]:
    brief = make_brief(article, doc, lang)
    quotes = [(q.text, q.start, q.end, q.speaker, q.cue) for q in brief.quotes]
    actors = [(a.id, a.name, a.type, a.mentions, a.key) for a in brief.actors]
    return quotes, actors


@pytest.mark.parametrize(
    ("text", "size", "pieces"),
    [
        # a blank line is the best cut, its white space kept with the piece before
        ("Un deux.\n\nTrois quatre.\n\nCinq.", 16, ["Un deux.\n\n", "Trois quatre.\n\n", "Cinq."]),
        ("Un deux.\n\n\n  Trois.", 14, ["Un deux.\n\n\n  ", "Trois."]),
        # else a line break, else the end of a sentence (closing marks stay with it), else a space
        ("Un deux\ntrois quatre cinq", 16, ["Un deux\n", "trois quatre ", "cinq"]),
        ("Il a dit « oui. » Puis il est parti.", 20, ["Il a dit « oui. » ", "Puis il est parti."]),
        ("un deux trois quatre", 10, ["un deux ", "trois ", "quatre"]),
        # a sentence end is preferred to a later space; a blank line to a later sentence end
        ("Un. deux trois quatre", 16, ["Un. ", "deux trois ", "quatre"]),
        ("Un.\n\nDeux. Trois quatre", 14, ["Un.\n\n", "Deux. ", "Trois quatre"]),
        # negatives: no cut at all is a hard cut; a text that fits is one piece
        ("abcdefghij" * 3, 10, ["abcdefghij"] * 3),
        ("Court.\n\nTexte.", 100, ["Court.\n\nTexte."]),
        ("", 5, [""]),
    ],
)
def test_split_text_cuts_at_the_best_boundary(text: str, size: int, pieces: list[str]) -> None:
    got = split_text(text, size)
    assert got == pieces
    assert "".join(got) == text
    assert all(len(p) <= size for p in got)


def test_split_text_refuses_a_size_below_one() -> None:
    with pytest.raises(ValueError):
        split_text("texte", 0)


def test_chunked_parse_keeps_text_offsets_quotes_and_actors(fr: LangData) -> None:
    whole = parse(LONG_FR, fr.model)
    chunked = parse(LONG_FR, fr.model, chunk_chars=300)
    pieces = split_text(LONG_FR, 300)
    assert len(pieces) == 5 and all(p.endswith(".\n\n") for p in pieces[:-1])  # one paragraph or two each
    # The parser reads normalised apostrophes (same length): compare with the parse in one piece.
    assert chunked.text == whole.text and len(chunked.text) == len(LONG_FR)
    assert _tokens(chunked) == _tokens(whole)
    article = _article(LONG_FR)
    quotes, actors = _found(article, chunked, fr)
    assert (quotes, actors) == _found(article, whole, fr)
    assert len(quotes) == 6
    for text, start, end, *_ in quotes:
        assert LONG_FR[start:end] == text
    speakers = {q[3] for q in quotes}
    assert {"gregory-doucet", "pierre-oliver", "marie-dupont"} <= speakers


def test_pieces_inside_a_paragraph_keep_every_offset(fr: LangData) -> None:
    # Paragraphs longer than a piece are cut after a sentence: the parse may differ around the
    # cut (here it finds one more speaker), never the text, the tokens or where each quote is.
    whole = parse(LONG_FR, fr.model)
    chunked = parse(LONG_FR, fr.model, chunk_chars=200)
    assert any(p.endswith(". ") for p in split_text(LONG_FR, 200))
    assert chunked.text == whole.text and _tokens(chunked) == _tokens(whole)
    article = _article(LONG_FR)
    spans = [q[:3] for q in _found(article, chunked, fr)[0]]
    assert spans == [q[:3] for q in _found(article, whole, fr)[0]]


def test_chunked_parse_of_plain_text_is_the_text_itself(fr: LangData) -> None:
    text = "Premier paragraphe, sans apostrophe courbe.\n\nSecond paragraphe.\nUne ligne encore. Fin."
    doc = parse(text, fr.model, chunk_chars=25)
    assert doc.text == text
    assert [t.idx for t in doc] == [t.idx for t in parse(text, fr.model)]


def test_short_texts_take_the_one_piece_path(fr: LangData, nlp_fr: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.parse

    joined: list[int] = []
    monkeypatch.setattr(generator.parse, "_parse_long", lambda nlp, text, size: joined.append(size))
    texts = ["Un article court.", "Un autre, « très court », a dit Marie Dupont."]
    docs = list(parse_many(texts, fr.model))
    assert [_tokens(d) for d in docs] == [_tokens(d) for d in nlp_fr.pipe(texts)]
    assert [t.dep_ for t in docs[1]] == [t.dep_ for t in nlp_fr(texts[1])]
    assert parse(texts[0], fr.model).text == texts[0]
    assert joined == []


def test_parse_many_keeps_order_with_long_texts_among_short_ones(fr: LangData) -> None:
    texts = ["Court.", LONG_FR, "Encore court.", LONG_FR.replace("Lyon", "Nantes"), "Fin."]
    docs = list(parse_many(texts, fr.model, chunk_chars=400))
    assert [len(d.text) for d in docs] == [len(t) for t in texts]
    assert [d.text for d in docs][::2] == [t for t in texts][::2]
    assert "Nantes" in docs[3].text and "Nantes" not in docs[1].text


@pytest.fixture()
def small_max_length(nlp_fr: Language) -> Iterator[Language]:
    """The French model with spaCy's max_length lowered, restored afterwards."""
    before = nlp_fr.max_length
    nlp_fr.max_length = 500
    try:
        yield nlp_fr
    finally:
        nlp_fr.max_length = before


def test_pieces_stay_below_the_model_max_length(fr: LangData, small_max_length: Language) -> None:
    # The default piece size (100,000) is above this max_length: pieces shrink to fit under it.
    doc = parse(LONG_FR, fr.model)
    assert len(LONG_FR) > small_max_length.max_length
    assert len(doc.text) == len(LONG_FR)
    assert len(list(parse_many([LONG_FR, "Court."], fr.model))) == 2


def _write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"---\ntitle: Un titre\nlang: fr\n---\n\n{body}", encoding="utf-8")
    return path


def _over_max_length(nlp: Language) -> str:
    """A text just over the model's max_length that parses in about a second: long words make few
    tokens (a million characters of prose take half a minute)."""
    word = "Anticonstitutionnellement" * 16
    para = " ".join([word] * 49) + ".\n\n"
    return (
        para * (nlp.max_length // len(para) + 1) + "« Nous voterons contre ce texte demain », a déclaré Marie Dupont."
    )


def test_text_over_spacy_max_length_parses_in_one_doc(fr: LangData, nlp_fr: Language) -> None:
    text = _over_max_length(nlp_fr)
    assert nlp_fr.max_length < len(text) < nlp_fr.max_length + len(text) // 40
    doc = parse(text, fr.model)
    assert doc.text == text
    assert doc[-1].idx == len(text) - 1 and doc[-2].text == "Dupont"


@pytest.mark.slow  # the analysis of a million characters takes a few seconds more
def test_article_over_spacy_max_length_is_analysed(tmp_path: Path, fr: LangData, nlp_fr: Language) -> None:
    path = _write(tmp_path, "huge.md", _over_max_length(nlp_fr))
    config = Config(content_dir=tmp_path, cache_dir=tmp_path / ".cache")
    (brief,), failures = make_briefs([path], config, root=tmp_path, use_cache=False)
    assert failures == []
    assert brief is not None and len(brief.text) > nlp_fr.max_length
    (quote,) = brief.quotes
    assert brief.text[quote.start : quote.end] == quote.text == "Nous voterons contre ce texte demain"
    assert quote.speaker == "marie-dupont"


def test_article_over_the_limit_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.parse as parse_module

    parsed: list[str] = []
    real = parse_module.parse_many
    monkeypatch.setattr(parse_module, "parse_many", lambda texts, model: (parsed.extend(texts), real(texts, model))[1])
    big = _write(tmp_path, "big.md", "Un long paragraphe. " * 100)
    small = _write(tmp_path, "small.md", "« Nous voterons contre ce texte demain », a déclaré Marie Dupont.")
    config = Config(content_dir=tmp_path, cache_dir=tmp_path / ".cache", max_article_chars=1000)
    briefs, failures = make_briefs([big, small], config, root=tmp_path, use_cache=False)
    assert briefs[0] is None and briefs[1] is not None
    (failure,) = failures
    assert isinstance(failure, ContentError) and failure.path == big
    assert "1,999 characters" in str(failure) and "1,000" in str(failure) and "max_article_chars" in str(failure)
    assert all("Un long paragraphe" not in t for t in parsed)
    # A limit of exactly the article's length lets it through.
    exact = dataclasses.replace(config, max_article_chars=1999)
    assert make_briefs([big], exact, root=tmp_path, use_cache=False)[1] == []


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    """A project whose mkdocs.yml limits articles to 5,000 characters, with one good article."""
    (tmp_path / "content").mkdir()
    _write(tmp_path / "content", "a.md", "« Nous voterons contre ce texte demain », a déclaré Marie Dupont.\n")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - newsbrief:\n      max_article_chars: 5000\n", encoding="utf-8"
    )
    return tmp_path


def test_generate_reports_and_skips_an_article_over_the_limit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    _write(project / "content", "big.md", "Un long paragraphe sans fin.\n\n" * 200)
    result = CliRunner().invoke(cli, ["generate"])
    assert result.exit_code == 0, result.output
    assert "big.md" in result.stderr and "5,000" in result.stderr and "max_article_chars" in result.stderr
    assert "1 brief" in result.stderr
    assert (project / "docs" / "index.md").is_file()
    strict = CliRunner().invoke(cli, ["generate", "--strict"])
    assert strict.exit_code != 0
    assert "big.md" in strict.stderr


@pytest.mark.parametrize(
    ("value", "ok"),
    [(2_000_000, True), (1, True), (0, False), (-5, False), (True, False), ("big", False), (1.5, False)],
)
def test_max_article_chars_must_be_a_positive_whole_number(value: object, ok: bool) -> None:
    if ok:
        assert make_config({"max_article_chars": value}).max_article_chars == value
    else:
        with pytest.raises(ConfigError, match="max_article_chars"):
            make_config({"max_article_chars": value})


def test_default_limit_is_above_spacy_max_length() -> None:
    assert Config().max_article_chars > 1_000_000
