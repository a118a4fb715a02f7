"""Who said what, on sentences written for these tests: the patterns of real news that the
attribution modules must read, each with a negative where a wrong speaker would be tempting.

Speakers are checked by a word of their name (see `check`), so the tests hold whichever full
name the actor table settles on.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData

Expected = list[tuple[str, str | None]]


def found(doc: Doc, lang: LangData) -> Expected:
    """(quote text, speaker name or None) for each quote of a parsed text."""
    return [(q.text, q.speaker_name) for q in extract_quotes(doc, lang, extract_actors(doc, lang))[0]]


def check(got: Expected, expected: Expected) -> None:
    assert [t for t, _ in got] == [t for t, _ in expected]
    for (text, name), (_, want) in zip(got, expected):
        if want is None:
            assert name is None, (text, name)
        else:
            assert name is not None and want in name, (text, name)


def test_a_document_named_again_by_a_pronoun_subject_does_not_crash(
    parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    """The document owner is a pronoun: once an AttributeError that lost the whole brief."""
    doc = parse_fr("Il a publié un communiqué. « Nous refusons tout compromis sur ce point », explique le communiqué.")
    assert [t for t, _ in found(doc, fr)] == ["Nous refusons tout compromis sur ce point"]


def test_attribution_modules_have_no_import_cycle() -> None:
    """Each module of generator/extract imports only modules that do not import it back."""
    folder = Path(__file__).resolve().parents[2] / "generator" / "extract"
    graph: dict[str, set[str]] = {}
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[path.stem] = {
            (node.module or "").split(".")[0] or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.level == 1
            for alias in node.names
        } & {p.stem for p in folder.glob("*.py")}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, ()):
            if nxt == goal or nxt not in seen and reaches(nxt, goal, seen | {nxt}):
                return True
        return False

    cycles = sorted(m for m in graph if reaches(m, m, {m}))
    assert not cycles, f"import cycle through {cycles}"


FRENCH_INCISES = [
    # 1. A complement of the verb between the incise and the name: the outlet only relays.
    (
        "Les loyers ont encore augmenté à Lyon. « Les familles modestes quittent le centre-ville une à une », "
        "a confié au Monde Anne Leroy, directrice de l'observatoire des loyers.",
        [("Les familles modestes quittent le centre-ville une à une", "Leroy")],
    ),
    (
        "« Nous avons relevé des anomalies dans chaque échantillon analysé », a expliqué à l'AFP "
        "Jérôme Vasseur, chimiste à l'université de Rennes.",
        [("Nous avons relevé des anomalies dans chaque échantillon analysé", "Vasseur")],
    ),
    # Negative: the name inside the complement is the one spoken to, not the speaker.
    (
        "Le débat s'est envenimé. Paul Morel est intervenu en demandant au président de la séance Luc Garnier "
        "une pause, afin de « retrouver un peu de calme dans cet hémicycle ».",
        [("retrouver un peu de calme dans cet hémicycle", "Morel")],
    ),
    # 2. A speaker named after a role, before a colon or after an incise verb.
    (
        "La ville ne fermera pas ses écoles, comme le rappelle le maire de Lyon, Pierre Blanc : "
        "« Aucune classe ne restera sans enseignant cet hiver ».",
        [("Aucune classe ne restera sans enseignant cet hiver", "Blanc")],
    ),
    (
        "« Les marges des raffineurs ont doublé depuis le printemps dernier », explique le président de la "
        "Fédération des industries pétrolières (FIP), Marc Delattre.",
        [("Les marges des raffineurs ont doublé depuis le printemps dernier", "Delattre")],
    ),
    # The speech verb of the sentence, not the verb of its reported clause, introduces the colon.
    (
        "Marie Dubois, députée de la Creuse, a précisé que les groupes armés ne représentent pas la "
        "population : « Nous devons écouter chaque habitant de la région sans exception ».",
        [("Nous devons écouter chaque habitant de la région sans exception", "Dubois")],
    ),
    # An incise with no comma, a compound tense and a role before the name.
    (
        "« Les chiffres de l'emploi sont enfin encourageants pour tout le pays » s'est félicité le président "
        "Obama à Chicago.",
        [("Les chiffres de l'emploi sont enfin encourageants pour tout le pays", "Obama")],
    ),
    # Negative: a quote that is the subject of its sentence has no incise after it.
    (
        "« Un pays qui avance ensemble vers demain » est devenu le slogan de la campagne.",
        [("Un pays qui avance ensemble vers demain", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH_INCISES)
def test_french_incises_and_introductions(
    text: str, expected: Expected, parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    check(found(parse_fr(text), fr), expected)


def test_a_name_after_that_is_not_an_incise_subject(parse_en: Callable[[str], Doc], en: LangData) -> None:
    """'arguing that X "…"': X is the subject of the reported clause, not the one arguing."""
    doc = parse_en(
        'Senator Ann Briggs spoke on Thursday, arguing that Miller "turned his back on the workers of this state."'
    )
    got = found(doc, en)
    assert len(got) == 1 and (got[0][1] is None or "Miller" not in got[0][1])


FRENCH_BACK_REFERENCES = [
    # 5. A definite person noun names again the one person of the story.
    (
        "Selon une étude de l'université de Nantes, les abeilles souffrent des pesticides. « Les colonies "
        "s'effondrent deux fois plus vite qu'il y a dix ans », a expliqué Claire Morvan, qui a dirigé les travaux.\n\n"
        "« Chaque ruche exposée perd la moitié de ses ouvrières en un été », résume l'universitaire.",
        [
            ("Les colonies s'effondrent deux fois plus vite qu'il y a dix ans", "Morvan"),
            ("Chaque ruche exposée perd la moitié de ses ouvrières en un été", "Morvan"),
        ],
    ),
    # Negative: two men named, "the researcher" could be either.
    (
        "Paul Morvan et Marc Lebrun ont présenté leurs travaux à Nantes.\n\n"
        "« Chaque ruche exposée perd la moitié de ses ouvrières en un été », résume le chercheur.",
        [("Chaque ruche exposée perd la moitié de ses ouvrières en un été", None)],
    ),
    # 4. A document named with its owner as subject, then named again.
    (
        "Le documentaire de la BBC, tourné pendant six mois, précise : « Les prisons de la région sont "
        "pleines à craquer depuis des années ». « Aucun détenu n'a vu un juge depuis son arrestation », "
        "ajoute le documentaire.",
        [
            ("Les prisons de la région sont pleines à craquer depuis des années", "BBC"),
            ("Aucun détenu n'a vu un juge depuis son arrestation", "BBC"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH_BACK_REFERENCES)
def test_french_back_references(text: str, expected: Expected, parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    check(found(parse_fr(text), fr), expected)


def test_a_pronoun_after_an_institution_subject_is_not_an_older_person(
    parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    """ "Le gouvernement …. Il a déclaré que « … »": never the person named two sentences earlier."""
    doc = parse_fr(
        "Le ministre sortant Paul Girard a quitté Athènes hier. Le nouveau gouvernement s'est "
        "donné pour objectif de réviser le budget. Il a cependant déclaré que « cette révision ne "
        "doit pas mettre en danger la place du pays dans l'euro »."
    )
    got = found(doc, fr)
    assert len(got) == 1 and (got[0][1] is None or "Girard" not in got[0][1])


def test_an_incise_closing_the_sentence_credits_the_quote_inside_it(
    parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    doc = parse_fr(
        "L'alerte a été donnée vers minuit « quand nous avons reçu les premiers appels des "
        "voisins » dans un immeuble qui compte quarante logements, a indiqué un porte-parole de "
        "la gendarmerie de Rennes."
    )
    check(found(doc, fr), [("quand nous avons reçu les premiers appels des voisins", "gendarmerie")])


def test_a_closing_incise_after_another_speech_verb_is_not_taken(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """Two speakers in one sentence: the closing incise is not the quote's source."""
    doc = parse_fr(
        "Marc Petit a raconté « une nuit de chaos total dans le quartier » puis a quitté la salle, "
        "a rapporté la journaliste Anne Roy."
    )
    got = found(doc, fr)
    assert len(got) == 1 and (got[0][1] is None or "Roy" not in got[0][1])


FRENCH_SUBJECTS_AND_BODIES = [
    # 3. A participle clause before the quote speaks for the main clause's subject.
    (
        "La séance a été houleuse. Jugeant que « ce texte trahit les promesses faites aux agriculteurs », "
        "Sophie Marchand a quitté l'hémicycle.",
        [("ce texte trahit les promesses faites aux agriculteurs", "Marchand")],
    ),
    (
        "La députée Sophie Marchand a voté contre. Jugeant que « ce texte trahit les promesses faites aux "
        "agriculteurs », elle a quitté la séance.",
        [("ce texte trahit les promesses faites aux agriculteurs", "Marchand")],
    ),
    # 4. A two-word speech verb with an unnamed spokesperson: the body behind it speaks.
    (
        "« Les routes resteront fermées jusqu'à nouvel ordre », a fait savoir un porte-parole de la "
        "préfecture du Rhône.",
        [("Les routes resteront fermées jusqu'à nouvel ordre", "préfecture")],
    ),
    # A plural clitic after a collective subject.
    (
        "Les talibans ont revendiqué l'attaque. « Nous frapperons encore tant que les troupes étrangères "
        "resteront », ont-ils prévenu.",
        [("Nous frapperons encore tant que les troupes étrangères resteront", "taliban")],
    ),
    # 8. Particles inside names.
    (
        "« Le port d'Anvers doit rester compétitif face à Rotterdam », a estimé Jan van der Berg, directeur du port.",
        [("Le port d'Anvers doit rester compétitif face à Rotterdam", "van der Berg")],
    ),
    (
        "« La frontière restera fermée tant que durera l'épidémie », a annoncé Ahmed Ben Salem, ministre "
        "de l'Intérieur.",
        [("La frontière restera fermée tant que durera l'épidémie", "Ben Salem")],
    ),
    # Negative: a participle of the past ("Interrogé") is no speech of the main subject.
    (
        "Interrogé sur « les retards répétés du chantier de la ligne nouvelle », le ministre Paul Girard "
        "n'a pas répondu.",
        [("les retards répétés du chantier de la ligne nouvelle", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH_SUBJECTS_AND_BODIES)
def test_french_subjects_and_bodies(
    text: str, expected: Expected, parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    check(found(parse_fr(text), fr), expected)


def test_a_two_word_speech_verb_is_its_cue(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    doc = parse_fr(
        "« Les routes resteront fermées jusqu'à nouvel ordre », a fait savoir un porte-parole de la "
        "préfecture du Rhône."
    )
    quotes = extract_quotes(doc, fr, extract_actors(doc, fr))[0]
    assert [q.cue for q in quotes] == ["a fait savoir"]


ENGLISH_INCISES = [
    # A speaker named after the quote past a party and state, or an apposition, then the verb;
    # the next quote of the paragraph is theirs too.
    (
        "The vote was close. “We will keep fighting for the families of this state,” Rep. Laura Hendricks "
        "(D-Ore.) said Friday. “Nobody here is giving up on them.”",
        [
            ("We will keep fighting for the families of this state", "Hendricks"),
            ("Nobody here is giving up on them.", "Hendricks"),
        ],
    ),
    (
        'Not everyone agreed. "This plan puts the whole burden on young voters," Vann P. Oldfield II, '
        "a writer for The Monitor, said on Twitter.",
        [("This plan puts the whole burden on young voters", "Oldfield")],
    ),
    (
        "“We will find whoever did this to the family,” Tulsa police Chief Mark Delaney said Monday.",
        [("We will find whoever did this to the family", "Delaney")],
    ),
    # A speech verb the list only recently learnt.
    (
        "“Why is this bank still allowed to grow?” Senator Paul Rivera demanded.",
        [("Why is this bank still allowed to grow?", "Rivera")],
    ),
    # Negative: a show's title after "an episode of" is no one's words, whoever speaks next.
    (
        "Ann Briggs and Tom Walsh met on Sunday. On the first episode of “The Morning Hour Show,” the "
        "senator said little about the plan.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_INCISES)
def test_english_incises(text: str, expected: Expected, parse_en: Callable[[str], Doc], en: LangData) -> None:
    check(found(parse_en(text), en), expected)


ENGLISH_PRONOUNS = [
    # "his" in "grilled Y for his role" is Y's: it says nothing of Briggs' gender.
    (
        "Senator Ann Briggs grilled the bank chief, Tom Walsh, on Tuesday for his role in the scheme.\n\n"
        "“The only way this will stop is if executives go to jail,” she said.",
        [("The only way this will stop is if executives go to jail", "Briggs")],
    ),
    # A person named since the last subject, the only one who fits, is who "she" stands for.
    (
        "Analyst Karen Holt said the plan would cost billions.\n\nThe plan has become an issue in the race, "
        "with Governor Maria Lopez attacking it at every rally.\n\n“This plan is a gift to the richest "
        "families,” she said.",
        [("This plan is a gift to the richest families", "Lopez")],
    ),
    # "she" stands for a subject seen with "her", whatever type the actor table gave the name.
    (
        'Karen Holt spoke on Monday about her plan.\n\n"The economy is in much better shape than people '
        'think," she said.',
        [("The economy is in much better shape than people think", "Holt")],
    ),
    # Negative: "She added that Lopez was wrong": Lopez is only reported; "she" goes on speaking.
    (
        "Analyst Karen Holt said the plan would cost billions.\n\nShe added that Governor Maria Lopez was "
        "wrong about it.\n\n“This plan is a gift to the richest families,” she said.",
        [("This plan is a gift to the richest families", "Holt")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_PRONOUNS)
def test_english_pronouns(text: str, expected: Expected, parse_en: Callable[[str], Doc], en: LangData) -> None:
    check(found(parse_en(text), en), expected)


def test_a_transcript_label_names_the_speaker_of_each_turn(parse_en: Callable[[str], Doc], en: LangData) -> None:
    """'"BRIGGS: …': the label is the speaker and no part of the words; a paragraph without a
    label goes on with the last turn; a label that names no actor gives no one (not Briggs)."""
    doc = parse_en(
        "Senator Ann Briggs spoke to the station on Sunday. Partial transcript as follows:\n\n"
        '"HOST: Senator, why did you vote against the budget this week?\n\n'
        '"BRIGGS: Because the budget leaves the rural hospitals of this state without money.\n\n'
        '"And I will not vote for a plan like that, ever.\n\n'
        '"HOST: Thank you for joining us this morning."'
    )
    check(
        found(doc, en),
        [
            ("Senator, why did you vote against the budget this week?", None),
            ("Because the budget leaves the rural hospitals of this state without money.", "Briggs"),
            ("And I will not vote for a plan like that, ever.", "Briggs"),
            ("Thank you for joining us this morning.", None),
        ],
    )


def test_a_label_outside_a_transcript_leaves_the_incise_its_speaker(
    parse_en: Callable[[str], Doc], en: LangData
) -> None:
    """'"UPDATE: …," X said': a capitalised word and a colon naming no one is no transcript turn."""
    doc = parse_en(
        'The council met on Monday.\n\n"UPDATE: The vote has been delayed until Friday," Mayor Tom Hale said.'
    )
    check(found(doc, en), [("UPDATE: The vote has been delayed until Friday", "Hale")])


DIALOGUES = [
    # 6. An exchange between two named people: turns alternate, the one acting speaking first.
    (
        "Lors du débat télévisé, Marine Dupont a interpellé Jean Moreau sur la dette.\n"
        "— Vous avez menti aux Français sur la dette publique !\n"
        "— C'est faux, et vous le savez très bien, madame.\n"
        "— Alors montrez-nous les chiffres ce soir même.",
        [
            ("Vous avez menti aux Français sur la dette publique !", "Dupont"),
            ("C'est faux, et vous le savez très bien, madame.", "Moreau"),
            ("Alors montrez-nous les chiffres ce soir même.", "Dupont"),
        ],
    ),
    # After a verb of asking, the questions go to the one asking.
    (
        "Interrogé par Marine Dupont, Jean Moreau a hésité.\n"
        "— Avez-vous menti aux Français sur la dette publique ?\n"
        "— Non, je n'ai jamais menti à personne.",
        [
            ("Avez-vous menti aux Français sur la dette publique ?", "Dupont"),
            ("Non, je n'ai jamais menti à personne.", "Moreau"),
        ],
    ),
    # Negative: three people named before the dialogue, nobody can tell the turns.
    (
        "Marine Dupont a présenté Jean Moreau à Paul Girard.\n"
        "— Enchanté de faire enfin votre connaissance, monsieur.\n"
        "— Le plaisir est pour moi, croyez-le bien.",
        [
            ("Enchanté de faire enfin votre connaissance, monsieur.", None),
            ("Le plaisir est pour moi, croyez-le bien.", None),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIALOGUES)
def test_dialogue_turns(text: str, expected: Expected, parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    check(found(parse_fr(text), fr), expected)


def test_a_spokesperson_named_again_by_a_pronoun_speaks_for_the_body(
    parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    doc = parse_fr(
        "L'incendie a fait trois blessés, a indiqué un porte-parole de la gendarmerie de Rennes. "
        "« Le feu est parti d'une cigarette mal éteinte dans le local », a-t-il précisé."
    )
    check(found(doc, fr), [("Le feu est parti d'une cigarette mal éteinte dans le local", "gendarmerie")])


def test_a_role_that_names_a_body_is_still_a_person(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """ "Le président de la COP29, X, s'est voulu rassurant :" — X, not the COP29."""
    doc = parse_fr(
        "La COP29 s'ouvre à Bakou. Le président de la COP29, l'Azerbaïdjanais Mukhtar Babayev, s'est "
        "voulu rassurant : « Nous sommes plus proches d'un accord qu'il n'y paraît. »"
    )
    check(found(doc, fr), [("Nous sommes plus proches d'un accord qu'il n'y paraît.", "Babayev")])


ENGLISH_BACK_REFERENCES = [
    # A role noun in the incise stands for the person the sentences before were about...
    (
        'Former governor Tom Hale called on Dean Morris to apologize on Wednesday.\n\n"That remark was simply '
        "outrageous,\" Obama's former strategist said in an interview.",
        [("That remark was simply outrageous", "Hale")],
    ),
    # ... not when it is someone of theirs, or an unnamed someone.
    (
        'Former governor Tom Hale called on Dean Morris to apologize on Wednesday.\n\n"That remark was simply '
        'outrageous," his lawyer said in an interview.',
        [("That remark was simply outrageous", None)],
    ),
    (
        'Former governor Tom Hale called on Dean Morris to apologize on Wednesday.\n\n"That remark was simply '
        "outrageous,\" Hale's lawyer said in an interview.",
        [("That remark was simply outrageous", None)],
    ),
    (
        'Former governor Tom Hale called on Dean Morris to apologize on Wednesday.\n\n"That remark was simply '
        'outrageous," a strategist said in an interview.',
        [("That remark was simply outrageous", None)],
    ),
    # A title names only whoever was given it ("the minister" in French, "the senator").
    (
        'Former governor Tom Hale called on Mayor Dean Morris to apologize on Wednesday.\n\n"That remark was '
        'simply outrageous," the senator said in an interview.',
        [("That remark was simply outrageous", None)],
    ),
    # "it" goes on with the organisation that was just writing.
    (
        'The Daily Ledger praised the mayor in 1995. "The city has never looked so clean and so safe," the '
        'Ledger wrote. "Few leaders have done as much in so little time," it added.',
        [
            ("The city has never looked so clean and so safe", "Ledger"),
            ("Few leaders have done as much in so little time", "Ledger"),
        ],
    ),
    # "he does believe X is right": X is only reported, "he" goes on.
    (
        "House Speaker Tom Hale, despite his doubts about the bill, thinks the votes are there and he does "
        'believe Morris is right about the override.\n\n"I do think we will win this vote," he said.',
        [("I do think we will win this vote", "Hale")],
    ),
    # The full stop of "(Ore.)" does not end the sentence whose subject the quote after it goes to.
    (
        "On Sunday, Sen. Ann Briggs (Ore.), who lost the primary to Walsh, named the cost of housing as the "
        'reason they should vote. "The younger people are sick and tired of waiting for change."',
        [("The younger people are sick and tired of waiting for change.", "Briggs")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_BACK_REFERENCES)
def test_english_back_references(text: str, expected: Expected, parse_en: Callable[[str], Doc], en: LangData) -> None:
    check(found(parse_en(text), en), expected)


READING_AND_COMPLEMENTS = [
    # Words read in a document are its issuer's: named with it, or the last one issued ("y").
    (
        "fr",
        "« Les travaux débuteront en septembre dans tout le quartier », peut-on lire dans le communiqué "
        "de la mairie de Lille.",
        [("Les travaux débuteront en septembre dans tout le quartier", "mairie de Lille")],
    ),
    (
        "fr",
        "La CGT a publié un communiqué. « C'est une victoire pour tous les salariés du site », peut-on y lire.",
        [("C'est une victoire pour tous les salariés du site", "CGT")],
    ),
    (
        "en",
        'The Teamsters issued a statement on Monday. "This is a victory for every worker at the plant," '
        "the statement reads.",
        [("This is a victory for every worker at the plant", "Teamsters")],
    ),
    # Negative: "on peut y lire" with no document before names nobody.
    (
        "fr",
        "« C'est une victoire pour tous les salariés du site », peut-on y lire.",
        [("C'est une victoire pour tous les salariés du site", None)],
    ),
    # An incise in a compound tense after a comma, and a role then a name after a complement.
    (
        "fr",
        "« C'est une victoire pour tous les salariés du site », s'est réjouie la CGT dans un communiqué.",
        [("C'est une victoire pour tous les salariés du site", "CGT")],
    ),
    (
        "fr",
        "« Je ne suis pas candidat à ma propre succession », a déclaré au Monde le maire de Lille, Jean Dupont.",
        [("Je ne suis pas candidat à ma propre succession", "Dupont")],
    ),
]


@pytest.mark.parametrize(("code", "text", "expected"), READING_AND_COMPLEMENTS)
def test_reading_formulas_and_complements(
    code: str,
    text: str,
    expected: Expected,
    parse_fr: Callable[[str], Doc],
    parse_en: Callable[[str], Doc],
    fr: LangData,
    en: LangData,
) -> None:
    doc, lang = (parse_fr(text), fr) if code == "fr" else (parse_en(text), en)
    check(found(doc, lang), expected)


ENGLISH_NAMES_AND_TITLES = [
    # The incise's name, though the parser hangs it inside the quote; another name that only
    # qualifies the apposition ("a top Morales adviser") is no rival. The show's title after
    # "on WXYZ's" is no quote.
    (
        "“We are not giving up on this city. There is a real gap between the council and the residents,” "
        "Dana Ruiz, a top Morales adviser, said Monday on WXYZ's “Morning Desk.” “I mean, people are tired "
        "of waiting.”",
        [
            ("We are not giving up on this city. There is a real gap between the council and the residents", "Ruiz"),
            ("I mean, people are tired of waiting.", "Ruiz"),
        ],
    ),
    # Negative: a show of four words, capitalised like a name, after "said on WKRP's".
    (
        '"We will win this state by ten points," Tom Hale said on WKRP\'s "State of the Region."',
        [("We will win this state by ten points", "Hale")],
    ),
    # Negative: a slogan a preposition governs is no short utterance, even after a speech verb.
    ('In his speech, Senator Tom Hale proclaimed a goal of "Peace Through Strength." He spoke for an hour.', []),
    # "While X had …, which worries Y": X's own clause ends before Y is named; "he" is Y.
    (
        "While Mayor Tom Hale had many singers writing songs about him, that has not happened for Lopez, which "
        "is something that worries Carl Benson, head of the local party.\n\n“No one is writing songs for her. "
        "The crowds are not there,” he said.",
        [("No one is writing songs for her. The crowds are not there", "Benson")],
    ),
    # Negative: "When X arrived, he greeted Y": "he" goes on with X, whom Y does not replace.
    (
        "When Mayor Tom Hale arrived at the hall, he greeted Carl Benson, head of the local party.\n\n“No one is "
        "writing songs for us. The crowds are not there,” he said.",
        [("No one is writing songs for us. The crowds are not there", "Hale")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_NAMES_AND_TITLES)
def test_english_names_and_titles(text: str, expected: Expected, parse_en: Callable[[str], Doc], en: LangData) -> None:
    check(found(parse_en(text), en), expected)


@pytest.mark.parametrize(
    "text",
    [
        "L'œuvre phare de l'exposition, la sculpture « La Jeune Fille au panier de cerises », arrive de Lyon.",
        "La nouvelle série de billets conserve le thème « Ponts et fenêtres des grandes époques ».",
        "Le musée consacre une salle entière à « La Danse des paysans de la vallée » cet automne.",
    ],
)
def test_titles_and_labels_are_not_quotes(text: str, parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    assert found(parse_fr(text), fr) == []


def test_words_after_a_preposition_with_a_speech_verb_stay_a_quote(
    parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    """The negative of the title rule: introduced words, even capitalised after "par"."""
    doc = parse_fr("Marie Lenoir a conclu son discours par « Nous ne lâcherons rien, jamais ».")
    check(found(doc, fr), [("Nous ne lâcherons rien, jamais", "Lenoir")])


ENGLISH_INTRODUCTIONS = [
    # The speech verb the quote hangs on ("told … that"), not a nearer one of a relative clause.
    (
        'Marc Delgado firmly told a student who suggested that young people may stay home that "this is not '
        'the first generation to be frustrated and not voting is not a smart strategy."',
        [("this is not the first generation to be frustrated and not voting is not a smart strategy.", "Delgado")],
    ),
    # A participle closing the sentence speaks for its main subject, not for the relative
    # clause's "who" the parser hangs it on.
    (
        "Mayor Tom Hale was defensive when pressed about the unpaid contractor who said he was cheated after "
        'he built a garage at the city hall, saying, "Maybe he did not do a good job, and I was not happy with '
        'his work."',
        [("Maybe he did not do a good job, and I was not happy with his work.", "Hale")],
    ),
    (
        'Commentator Rick Dalton praised the debate.\n\nHowever, he characterized Senator Ann Briggs as, "a '
        'little desperate there, jumping in all the time and never waiting her turn."',
        [("a little desperate there, jumping in all the time and never waiting her turn.", "Dalton")],
    ),
    # A participle clause opening the sentence speaks for the main subject after it.
    (
        'Senator Ann Briggs released her memoir on Monday.\n\nAfter saying her knee was "so swollen I could '
        'barely walk to the car," she was rushed to the hospital.',
        [("so swollen I could barely walk to the car", "Briggs")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_INTRODUCTIONS)
def test_english_introductions(text: str, expected: Expected, parse_en: Callable[[str], Doc], en: LangData) -> None:
    check(found(parse_en(text), en), expected)


def test_a_role_after_an_incise_verb_is_the_one_just_spoken_of(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    doc = parse_fr(
        "Le maire Gérard Fauriel a visité les sinistrés avec Paul Morel. M. Fauriel a fait ouvrir le "
        "gymnase municipal. « Nous serons là pour chacun d'entre eux, aussi longtemps qu'il le faudra », "
        "a promis l'édile."
    )
    check(found(doc, fr), [("Nous serons là pour chacun d'entre eux, aussi longtemps qu'il le faudra", "Fauriel")])


def test_a_body_named_in_passing_does_not_interrupt_a_document(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """7. The document still speaks past "les membres de la police", a noun's complement."""
    doc = parse_fr(
        "Les forces de sécurité syriennes nient toute torture. L'ONG Amnesty International vient de "
        "publier un rapport sur les prisons du pays. Ce rapport se base sur les témoignages d'anciens "
        "détenus et d'anciens membres des forces de sécurité syriennes.\n\n"
        "Il apparaît que les détenus sont privés « de soins médicaux pendant des mois entiers »."
    )
    check(found(doc, fr), [("de soins médicaux pendant des mois entiers", "Amnesty")])


ENGLISH_CLAUSES = [
    # A relative pronoun subject stands for the person its clause qualifies.
    (
        'Mayor Tom Hale met Senator Ann Briggs, who told him that "the budget will never pass in its current form."',
        [("the budget will never pass in its current form.", "Briggs")],
    ),
    # After an incise, a clause with someone else's subject leads to the next quote.
    (
        '"This is the worst decision the council has made in years," Tom Hale said of the vote, which Ann '
        'Briggs had called "a great step forward for the city."',
        [
            ("This is the worst decision the council has made in years", "Hale"),
            ("a great step forward for the city.", "Briggs"),
        ],
    ),
    # Negative: the people who call him names are unnamed; he is not their speaker.
    (
        'Mayor Tom Hale was attacked by critics who called him "a danger to the whole country and its future."',
        [("a danger to the whole country and its future.", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_CLAUSES)
def test_english_clauses(text: str, expected: Expected, parse_en: Callable[[str], Doc], en: LangData) -> None:
    check(found(parse_en(text), en), expected)


def test_a_name_before_a_comma_is_not_the_subject_of_a_thing(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """ "…, Paul Durand, sa disparition a ému": the name does not become the subject of
    "disparition", so "il" keeps standing for the one the obituary is about."""
    doc = parse_fr(
        "Le chroniqueur Henri Maréchal est mort samedi. Animateur célèbre avec son complice de toujours, "
        "Paul Durand, sa disparition a ému le monde de la radio. En 1980, il avait lâché à l'antenne : "
        "« Vous êtes tous des tricheurs, messieurs ! »"
    )
    check(found(doc, fr), [("Vous êtes tous des tricheurs, messieurs !", "Maréchal")])


def test_a_role_with_a_place_complement_is_not_the_place(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    """ "le maire de New York prend …": the mayor (here the one named so), never New York."""
    doc = parse_fr(
        "Le maire Michael Bloomberg soutient Barack Obama. Indépendant depuis 2007, le maire de New York "
        "prend peu de risque : « tous les sites de paris en ligne voient en Obama le grand favori »."
    )
    got = found(doc, fr)
    assert len(got) == 1 and got[0][1] != "New York"


def test_a_sports_role_names_again_the_coach(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    doc = parse_fr(
        "Le sélectionneur Olivier Brunel refusait de s'enflammer après le match contre l'Écosse.\n\n"
        "Le technicien a toutefois salué les progrès de sa mêlée : « Les avants ont énormément travaillé "
        "depuis l'automne. »"
    )
    check(found(doc, fr), [("Les avants ont énormément travaillé depuis l'automne.", "Brunel")])


CAUTION = [
    # A role never given to the one person named, who is only the complement of a noun.
    (
        "Le procès de Jean Dupont s'est ouvert lundi. « Ce dossier est vide de toute preuve sérieuse », "
        "a plaidé l'avocat.",
        [("Ce dossier est vide de toute preuve sérieuse", None)],
    ),
    # A passive participle of a speech verb: the words are the accusers', not the subject's.
    (
        "Accusé d'avoir « trahi tous les électeurs de la circonscription », Paul Girard a démissionné.",
        [("trahi tous les électeurs de la circonscription", None)],
    ),
    # "elle" cannot be the man just named as subject when a woman is named beside him.
    (
        "Paul Girard a rencontré Marie Lenoir à Paris. « Nous avons trouvé un terrain d'entente sur le budget », "
        "a-t-elle déclaré.",
        [("Nous avons trouvé un terrain d'entente sur le budget", None)],
    ),
    (
        "Paul Girard a rencontré Marie Lenoir à Paris. « Nous avons trouvé un terrain d'entente sur le budget », "
        "a-t-il déclaré.",
        [("Nous avons trouvé un terrain d'entente sur le budget", "Girard")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CAUTION)
def test_no_speaker_rather_than_a_wrong_one(
    text: str, expected: Expected, parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    check(found(parse_fr(text), fr), expected)


def test_a_name_the_parser_reads_as_subject_of_a_participle_is_still_the_speaker(
    parse_en: Callable[[str], Doc], en: LangData
) -> None:
    """'When X noted that …, Y boasted, "…"': Y speaks, whatever the participle tag."""
    doc = parse_en(
        "When Clinton noted that Trump had not paid any federal income taxes, Trump boasted, "
        '"That makes me a smart businessman."'
    )
    check(found(doc, en), [("That makes me a smart businessman.", "Trump")])


INTRODUCTIONS = [
    # A verbless heading before a colon that names one actor.
    (
        "Réaction immédiate de Marie Lenoir : « C'est une décision honteuse et injuste pour les familles ».",
        [("C'est une décision honteuse et injuste pour les familles", "Lenoir")],
    ),
    (
        "Même son de cloche chez Marie Lenoir : « La réforme arrive beaucoup trop tard pour les salariés ».",
        [("La réforme arrive beaucoup trop tard pour les salariés", "Lenoir")],
    ),
    # Negative: two actors named in the heading.
    (
        "Face-à-face entre Marie Lenoir et Paul Girard : « La réforme arrive beaucoup trop tard pour tous ».",
        [("La réforme arrive beaucoup trop tard pour tous", None)],
    ),
    # A speech verb the tagger took for an adjective, after an age in apposition.
    (
        "Marie Lenoir, 45 ans, raconte : « Nous avons tout perdu dans l'incendie de la nuit dernière ».",
        [("Nous avons tout perdu dans l'incendie de la nuit dernière", "Lenoir")],
    ),
    # An adjective between the article and the role before the name.
    (
        "« C'est une erreur historique pour le pays », tranche l'ancien ministre Paul Girard, aujourd'hui retiré.",
        [("C'est une erreur historique pour le pays", "Girard")],
    ),
    # An impersonal subject speaks for the side the sentence opens with.
    (
        "Du côté de la CGT, on dénonce « une provocation inacceptable envers tous les salariés ».",
        [("une provocation inacceptable envers tous les salariés", "CGT")],
    ),
    # Negative: a place is no side that speaks.
    (
        "À Lyon, on dénonce « une provocation inacceptable envers tous les habitants ».",
        [("une provocation inacceptable envers tous les habitants", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), INTRODUCTIONS)
def test_french_introductions(text: str, expected: Expected, parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    check(found(parse_fr(text), fr), expected)
