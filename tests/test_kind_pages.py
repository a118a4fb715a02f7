"""Actor types as the pages show them, from an article briefed by the real extraction: a club
labelled by its town and a country named « République … » land in the right index."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from generator.brief import make_brief
from generator.config import Config
from generator.corpus import aggregate
from generator.langdata import LangData
from generator.models import Article

ROOT = Path(__file__).resolve().parent.parent

# Written for this test: a club the model labels as a place (« Stade rennais »), a country
# named by a state noun that acts (« République tchèque »), and a real place (Lille).
TEXT = (
    "Formé au Stade rennais, le défenseur Paul Garnier a rejoint Lille en 2019. "
    "La République tchèque a rejeté mardi son transfert vers Prague, a expliqué son agent."
)


def test_a_club_is_listed_as_an_organisation_and_a_republic_as_a_place(
    parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    from generator.render import render_site  # jinja2 only where pages are rendered

    article = Article(path="transfert.md", id="transfert", title="Le transfert de Paul Garnier", lang="fr", text=TEXT)
    brief = make_brief(article, parse_fr(TEXT), fr)
    pages = render_site(aggregate([brief], site_lang="fr"), Config(templates_dir=ROOT / "templates", site_lang="fr"))

    places = pages["places/index.md"]
    assert "Stade rennais" not in places
    assert "[Lille]" in places and "[République tchèque]" in places
    lieux = next(x for x in pages["briefs/transfert.md"].splitlines() if x.startswith("- **Lieux**"))
    assert "Stade rennais" not in lieux and "République tchèque" in lieux
    assert "| [Stade rennais](../actors/stade-rennais.md) | organisation |" in pages["briefs/transfert.md"]
