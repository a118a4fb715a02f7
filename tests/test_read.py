"""Reading articles: metadata, language, and a clear error naming the file for bad input."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from generator.brief import make_brief
from generator.errors import ContentError
from generator.langdata import LANG_DIR, LangData, supported_languages
from generator.read import markdown_to_text, read_article


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_markdown_with_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "sommet.md",
        (
            '---\ntitle: "Sommet à Bruxelles"\ndate: 2024-03-02\nlang: fr\nsource: Le Soir\n'
            "url: https://example.org/a\ntags: [Europe, budget]\n---\n\n"
            "La Commission européenne a présenté son budget mardi.\n"
        ),
    )
    article = read_article(path, tmp_path)
    assert article.title == "Sommet à Bruxelles"
    assert article.date == "2024-03-02"
    assert article.lang == "fr"
    assert article.source == "Le Soir"
    assert article.tags == ("Europe", "budget")
    assert article.id == "sommet"
    assert article.text == "La Commission européenne a présenté son budget mardi."


def test_txt_title_line_and_language_detection(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "storm.txt",
        "Storm hits the coast\n\nThe storm reached the coast on Monday and the mayor said it was over.\n",
    )
    article = read_article(path, tmp_path)
    assert article.title == "Storm hits the coast"
    assert article.lang == "en"
    assert article.text.startswith("The storm")


def test_txt_without_title_keeps_first_paragraph(tmp_path: Path) -> None:
    text = "Le maire a annoncé lundi la fermeture du pont. Les travaux dureront un an.\n\nSuite.\n"
    article = read_article(write(tmp_path, "2023-05-04-pont.txt", text), tmp_path)
    assert article.text.startswith("Le maire a annoncé")
    assert article.title == "Pont"
    assert article.date == "2023-05-04"
    assert article.lang == "fr"


SAVED_PAGE = """<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="utf-8"><title>Vote au Sénat | Le Quotidien</title>
<meta property="og:title" content="Le Sénat adopte la loi sur l'eau">
<meta property="og:site_name" content="Le Quotidien">
<meta name="author" content="Claire Dubois">
<meta property="article:published_time" content="2024-03-14T08:00:00+01:00">
<link rel="canonical" href="https://quotidien.example/2024/03/loi-eau">
<link rel="license" href="https://creativecommons.org/licenses/by/4.0/">
<script>alert(1)</script></head><body>
<nav><a href="/">Accueil</a> <a href="/politique">Politique</a></nav>
<div class="cookies">Nous utilisons des cookies. <button>Accepter</button></div>
<article><h1>Le Sénat adopte la loi sur l'eau</h1>
<p>Le Sénat a adopté mercredi soir le projet de loi sur la gestion de l'eau, par 210 voix contre 95.</p>
<p>« C'est une victoire pour nos agriculteurs », a déclaré la ministre de l'Agriculture à l'issue du vote.
L'opposition a dénoncé un texte « écrit dans l'urgence » et promis de saisir le Conseil constitutionnel.</p>
</article>
<aside><h2>À lire aussi</h2><ul><li><a href="/a">Sécheresse : les nappes au plus bas</a></li></ul></aside>
<footer>© Le Quotidien - Mentions légales</footer></body></html>
"""


def test_a_saved_web_page_gives_its_article_and_metadata(tmp_path: Path) -> None:
    article = read_article(write(tmp_path, "2024-03-15-vote.html", SAVED_PAGE), tmp_path)
    assert article.title == "Le Sénat adopte la loi sur l'eau"
    assert article.text == (
        "Le Sénat a adopté mercredi soir le projet de loi sur la gestion de l'eau, par 210 voix contre 95.\n\n"
        "« C'est une victoire pour nos agriculteurs », a déclaré la ministre de l'Agriculture à l'issue du vote. "
        "L'opposition a dénoncé un texte « écrit dans l'urgence » et promis de saisir le Conseil constitutionnel."
    )
    assert (article.lang, article.date, article.source, article.author) == (
        "fr",
        "2024-03-14",
        "Le Quotidien",
        "Claire Dubois",
    )
    assert article.url == "https://quotidien.example/2024/03/loi-eau"
    assert article.license == "https://creativecommons.org/licenses/by/4.0/"


def test_a_saved_page_in_its_own_charset(tmp_path: Path) -> None:
    page = SAVED_PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1")
    article = read_article(write(tmp_path, "vote.html", page), tmp_path)
    assert article.text.startswith("Le Sénat a adopté mercredi soir")


def test_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "\ufeff---\r\ntitle: T\r\n---\r\nUn texte en français, avec des mots.\r\n".encode())
    article = read_article(path, tmp_path)
    assert article.title == "T"
    assert "\r" not in article.text


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("## Titre\n\nUn **mot** et un [lien](http://x.org).", "Titre\n\nUn mot et un lien."),
        # Headings are text of their own paragraph, even without a blank line after them.
        ("# Le sommet\nLe ministre parle.", "Le sommet\n\nLe ministre parle."),
        ("Le sommet\n=========\n\nTexte.", "Le sommet\n\nTexte."),
        # Emphasis of every kind, inline code and escapes: the words stay, the marks go.
        ("Un *mot*, un _autre_, __gras__, `code` et \\*étoile\\*.", "Un mot, un autre, gras, code et *étoile*."),
        # List markers of both kinds: each item is a paragraph.
        (
            "Points :\n\n- premier point\n+ second point\n\n1. un\n2. deux",
            "Points :\n\npremier point\n\nsecond point\n\nun\n\ndeux",
        ),
        ("* a\n    * b", "a\n\nb"),
        # A table: one line per row, cells set apart, no pipes or dashes.
        ("| Pays | Voix |\n| --- | ---: |\n| France | 12 |\n| Espagne | 3 |", "Pays Voix\n\nFrance 12\n\nEspagne 3"),
        # Code fences and indented code: the fence lines go, their text stays.
        ("Avant.\n\n```python\nx = 1\n```\n\nAprès.", "Avant.\n\nx = 1\n\nAprès."),
        ("~~~\nbloc\n~~~", "bloc"),
        # Link definitions, reference links, autolinks and images.
        ('Voir [la note][1] et <https://e.x>.\n\n[1]: http://example.org "Titre"', "Voir la note et https://e.x."),
        ("Une photo ![légende](x.png) ici.", "Une photo ici."),
        # Block quotes, comments, raw HTML and scripts.
        ("> Une citation\n> sur deux lignes", "Une citation\nsur deux lignes"),
        ("Texte <!-- caché --> visible.", "Texte visible."),
        ("<div>Bloc</div>\n\n<script>alert(1)</script>Fin <b>gras</b>.", "Bloc\n\nFin gras."),
        ("Trois &lt; quatre &amp; cinq", "Trois < quatre & cinq"),
        ("Un trait\n\n---\n\nfin.", "Un trait\n\nfin."),
    ],
)
def test_markdown_markup_is_dropped(markdown: str, text: str) -> None:
    assert markdown_to_text(markdown) == text


def test_a_hostile_run_of_brackets_is_read() -> None:
    """Python-Markdown takes minutes on this (10 s for 8,000 "["): the reader's parser is linear."""
    assert markdown_to_text("[" * 20_000 + "texte") == "[" * 20_000 + "texte"


def test_markdown_quotes_and_offsets_line_up(tmp_path: Path, parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """The brief is made of the text the reader sees: its offsets point at the quoted words there."""
    path = write(
        tmp_path,
        "vote.md",
        (
            "---\ntitle: Vote\nlang: fr\n---\n# Le vote\n\n"
            "- « Nous **voterons** contre ce texte », a déclaré *Marie Dupont* lundi.\n"
            "- La ministre a répondu : « Le texte sera adopté. »\n\n"
            "| Groupe | Voix |\n| --- | --- |\n| PS | 12 |\n\n[1]: http://example.org\n"
        ),
    )
    article = read_article(path, tmp_path)
    assert not any(mark in article.text for mark in ("**", "*", "- ", "|", "#", "http"))
    brief = make_brief(article, parse_fr(article.text), fr)
    assert brief.text == article.text
    assert brief.quotes, "the quotes are still found"
    for quote in brief.quotes:
        assert brief.text[quote.start : quote.end] == quote.text
    assert "Nous voterons contre ce texte" in [q.text for q in brief.quotes]
    for actor in brief.actors:
        for span in actor.spans:
            assert brief.text[span.start : span.end].strip()


SPANISH = (
    "El presidente del Gobierno anunció el martes un nuevo plan de vivienda para los jóvenes. «Vamos a "
    "construir cien mil pisos en cuatro años», dijo en una rueda de prensa en Madrid. La oposición criticó "
    "la medida y pidió más detalles sobre su financiación.\n"
)
ITALIAN = (
    "Il presidente del Consiglio ha annunciato martedì un nuovo piano per la casa destinato ai giovani. "
    "«Costruiremo centomila appartamenti in quattro anni», ha detto in una conferenza stampa a Roma.\n"
)
RUSSIAN = (
    "Президент объявил во вторник о новом жилищном плане для молодёжи. «Мы построим сто тысяч квартир "
    "за четыре года», сказал он на пресс-конференции в Москве. Оппозиция раскритиковала эту меру и "
    "потребовала подробностей о её финансировании.\n"
)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("es.txt", SPANISH, "is written in 'es', a language newsbrief does not support (supported: en, fr)"),
        ("es.md", "---\ntitle: Vivienda\n---\n" + SPANISH, "is written in 'es'"),
        ("it.html", f"<p>{ITALIAN}</p>", "is written in 'it'"),
        ("declared.md", "---\nlang: es\n---\n" + SPANISH, "lang 'es' is not supported (supported: en, fr)"),
        ("declared-en.md", "---\nlang: es-ES\n---\nThe minister said it was over.\n", "lang 'es-ES' is not supported"),
        ("ru.txt", RUSSIAN, "is in a language newsbrief does not recognise (supported: en, fr)"),
    ],
)
def test_unsupported_language_is_a_clear_error(tmp_path: Path, name: str, data: str, message: str) -> None:
    with pytest.raises(ContentError) as caught:
        read_article(write(tmp_path, name, data), tmp_path)
    assert message in str(caught.value)
    assert caught.value.path is not None and caught.value.path.name == name


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A headline alone is no evidence of a foreign language ("e", "u" are Spanish words too).
        ("E.U. leaders weigh plans for greater military coordination.", "en"),
        # A Spanish quote or name inside an article leaves it in its own language.
        (
            (
                "Le président a répondu en espagnol : « no es el momento para los cambios ». Il a ensuite quitté la "
                "salle sans un mot pour les journalistes qui attendaient devant le palais."
            ),
            "fr",
        ),
        ("The mayor of Los Angeles, Karen Bass, said the city would rebuild the homes that burned.", "en"),
        # Too few words to tell: the default language.
        ("Paris, 12 mars.", "fr"),
        ("Москва", "fr"),
    ],
)
def test_language_detection_keeps_supported_articles(tmp_path: Path, text: str, lang: str) -> None:
    assert read_article(write(tmp_path, "a.txt", text + "\n"), tmp_path).lang == lang


def test_a_declared_language_wins_over_detection(tmp_path: Path) -> None:
    path = write(tmp_path, "a.md", "---\nlang: en\n---\n" + SPANISH)
    assert read_article(path, tmp_path).lang == "en"


def test_every_supported_language_has_common_words() -> None:
    """Detection needs the common words of each supported language (and of the others it reports)."""
    for code in supported_languages():
        assert (LANG_DIR / code / "common_words.txt").is_file(), code


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.md", "", "is empty"),
        ("blank.txt", "  \n\n ", "is empty"),
        ("image.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        ("latin1.txt", "Le ministre a déclaré".encode("latin-1"), "not valid UTF-8"),
        ("broken.md", "---\ntitle: [unclosed\n---\nTexte.\n", "not valid YAML"),
        ("unclosed.md", "---\ntitle: Un titre\nTexte sans fin de front matter.\n", "no closing '---'"),
        ("list.md", "---\n- a\n- b\n---\nTexte.\n", "must be a mapping"),
        ("unknown.md", "---\ntitel: Faute\n---\nTexte.\n", "unknown front matter key"),
        ("date.md", "---\ndate: hier\n---\nTexte.\n", "is not a date"),
        ("lang.md", "---\nlang: xx\n---\nTexte.\n", "not supported"),
        ("only-meta.md", "---\ntitle: Rien\n---\n\n", "no article text"),
        ("tags.md", "---\ntags: {a: 1}\n---\nTexte.\n", "tags"),
        ("notes.docx", "Texte", "unsupported file type"),
        ("marked.html", "<![foo[ hello", "no article text found: save the article text as .md or .txt"),
        (
            "menu.html",
            "<title>Accueil</title><nav><a href=/>Accueil</a></nav><p>Bienvenue.</p>",
            "no article text found",
        ),
        # Values the YAML constructor rejects name their key; none stops the build.
        ("month.md", "---\ndate: 2024-13-45\n---\nTexte.\n", "front matter 'date': '2024-13-45' is not a date"),
        ("leap.md", "---\ndate: 2024-02-30\n---\nTexte.\n", "front matter 'date'"),
        ("zero.md", "---\ndate: 0000-00-00\n---\nTexte.\n", "front matter 'date'"),
        ("int.md", "---\ntitle: !!int\n---\nTexte.\n", "front matter 'title': value '' cannot be read as int"),
        ("float.md", "---\ntitle: !!float ;\n---\nTexte.\n", "front matter 'title'"),
        ("title-list.md", "---\ntitle: [Un, Deux]\n---\nTexte.\n", "'title' must be text, not a list"),
        ("title-map.md", "---\ntitle: {a: 1}\n---\nTexte.\n", "'title' must be text, not a mapping"),
        ("url-list.md", "---\nurl: [a, b]\n---\nTexte.\n", "'url' must be text"),
        ("key-list.md", "---\n[a]: b\n---\nTexte.\n", "a key must be a word"),
    ],
)
def test_bad_input_names_the_file(tmp_path: Path, name: str, data: str | bytes, message: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(ContentError) as caught:
        read_article(path, tmp_path)
    assert message in str(caught.value)
    assert name in str(caught.value)


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    """Nine levels of nine aliases (9**9 values once expanded) in a few hundred bytes."""
    levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n, name in enumerate("bcdefgh"):
        prev = "abcdefgh"[n]
        levels.append(f"{name}: &{name} [{', '.join(['*' + prev] * 9)}]")
    levels.append(f"title: [{', '.join(['*h'] * 9)}]")
    path = write(tmp_path, "bomb.md", "---\n" + "\n".join(levels) + "\n---\nTexte.\n")
    with pytest.raises(ContentError, match="aliases") as caught:
        read_article(path, tmp_path)
    assert "bomb.md" in str(caught.value)


def test_a_self_referencing_alias_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "loop.md", "---\ntitle: &t [*t]\n---\nTexte.\n")
    with pytest.raises(ContentError):
        read_article(path, tmp_path)


def test_a_number_title_is_text(tmp_path: Path) -> None:
    path = write(tmp_path, "1984.md", "---\ntitle: 1984\n---\nLe roman a été réédité cette année.\n")
    assert read_article(path, tmp_path).title == "1984"


def test_links_out_of_content_are_refused_and_links_inside_kept(tmp_path: Path) -> None:
    content, outside = tmp_path / "content", tmp_path / "outside"
    content.mkdir()
    outside.mkdir()
    secret = write(outside, "secret.txt", "Secret\n\nLe mot de passe du serveur est hunter2.\n")
    article = write(content, "article.md", "---\ntitle: Vrai\n---\nLe maire a parlé ce matin.\n")
    (content / "passwd.txt").symlink_to(secret)
    (content / "alias.md").symlink_to(article)
    (content / "dir").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ContentError, match="outside the content folder") as caught:
        read_article(content / "passwd.txt", content)
    assert "passwd.txt" in str(caught.value)
    with pytest.raises(ContentError, match="outside the content folder"):
        read_article(content / "dir" / "secret.txt", content)
    assert read_article(content / "alias.md", content).title == "Vrai"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = "---\ntitle: Grève\n---\nLe syndicat a appelé à la grève lundi.\n"
    bom = {"utf-16-le": "\ufeff", "utf-16-be": "\ufeff"}.get(encoding, "")
    path = write(tmp_path, "utf16.md", (bom + text).encode(encoding))
    article = read_article(path, tmp_path)
    assert article.title == "Grève" and "grève lundi" in article.text


def test_utf16_without_its_mark_is_still_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "nobom.txt", "Le syndicat a appelé à la grève.".encode("utf-16-le"))
    with pytest.raises(ContentError, match="binary"):
        read_article(path, tmp_path)


def test_an_undated_article_carries_its_file_day(tmp_path: Path) -> None:
    import datetime as dt
    import os

    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Note\nlang: fr\n---\n\nLe conseil s'est réuni hier.\n", encoding="utf-8")
    stamp = dt.datetime(2024, 3, 5, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    article = read_article(path)
    assert article.date is None and article.file_date == "2024-03-05"


def test_a_dated_article_has_no_file_day(tmp_path: Path) -> None:
    path = tmp_path / "2024-11-12-note.md"
    path.write_text("---\ntitle: Note\nlang: fr\n---\n\nLe conseil s'est réuni hier.\n", encoding="utf-8")
    article = read_article(path)
    assert article.date == "2024-11-12" and article.file_date is None


@pytest.mark.parametrize("declared", ["en-US", "de", "fr"])
def test_a_page_declared_in_another_language_is_read_in_its_own(tmp_path: Path, declared: str) -> None:
    """Sites keep their template's `<html lang>` over articles in another language: the text's
    own common words win when they clearly disagree (a German declaration is no error either)."""
    page = SAVED_PAGE.replace('lang="fr-FR"', f'lang="{declared}"')
    assert read_article(write(tmp_path, "vote.html", page), tmp_path).lang == "fr"


def test_a_page_declaration_stands_when_the_text_does_not_say_otherwise(tmp_path: Path) -> None:
    names = " ".join(["Paris", "Berlin", "Madrid", "Rome", "Lisbonne"] * 5)  # no common words at all
    page = f'<html lang="en"><head><title>Capitales</title></head><body><article><p>{names}</p></article></body></html>'
    assert read_article(write(tmp_path, "names.html", page), tmp_path).lang == "en"
