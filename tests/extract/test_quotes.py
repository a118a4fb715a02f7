"""Direct quotes, their speakers, and reported statements, on real sentences parsed by the model.

Speakers are checked by a word of their name, so the tests hold whichever full name the actor
table settles on.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from generator.langdata import LangData
from generator.models import Quote, Statement


def run(doc: Doc, lang: LangData) -> tuple[list[Quote], list[Statement]]:
    return extract_quotes(doc, lang, extract_actors(doc, lang))


def found(doc: Doc, lang: LangData) -> list[tuple[str, str | None]]:
    """(quote text, speaker name or None) for each quote."""
    return [(q.text, q.speaker_name) for q in run(doc, lang)[0]]


def check(got: list[tuple[str, str | None]], expected: list[tuple[str, str | None]]) -> None:
    assert [t for t, _ in got] == [t for t, _ in expected]
    for (text, name), (_, want) in zip(got, expected):
        if want is None:
            assert name is None, text
        else:
            assert name is not None and want in name, (text, name)


FRENCH = [
    # Incise after the quote, inverted subject ("a-t-il déclaré", "explique-t-elle").
    (
        "Le ministre Bruno Lemaire a visité l'usine. « Nous allons sauver ces emplois coûte que coûte », "
        "a-t-il déclaré.",
        [("Nous allons sauver ces emplois coûte que coûte", "Lemaire")],
    ),
    (
        "Anne Hidalgo est arrivée à midi. « La ville ne paiera pas cette facture », explique-t-elle.",
        [("La ville ne paiera pas cette facture", "Hidalgo")],
    ),
    # Inverted noun subject; an unnamed spokesperson speaks for her organisation.
    (
        "Greenpeace a publié un bilan. « Les chiffres sont très inquiétants cette année », a répondu la "
        "porte-parole de Greenpeace.",
        [("Les chiffres sont très inquiétants cette année", "Greenpeace")],
    ),
    # Colon introduction, with and without a speech verb.
    (
        "Le maire Pierre Durand a tranché : « Le marché restera ouvert le dimanche ».",
        [("Le marché restera ouvert le dimanche", "Durand")],
    ),
    (
        "Emmanuel Macron a déclaré : « La France ne reculera pas devant la menace ».",
        [("La France ne reculera pas devant la menace", "Macron")],
    ),
    # "selon X", "d'après X".
    (
        "Selon Amnesty International, « les prisonniers sont privés de soins depuis des mois ».",
        [("les prisonniers sont privés de soins depuis des mois", "Amnesty")],
    ),
    (
        "D'après le communiqué de la SNCF, « le trafic reprendra normalement lundi matin ».",
        [("le trafic reprendra normalement lundi matin", "SNCF")],
    ),
    # A split quote: both halves go to the same speaker.
    (
        "Le syndicaliste Philippe Martinez était en colère. « Nous ne signerons pas », a-t-il dit, "
        "« tant que les salaires ne seront pas revus à la hausse ».",
        [("Nous ne signerons pas", "Martinez"), ("tant que les salaires ne seront pas revus à la hausse", "Martinez")],
    ),
    # A speech verb makes a short name-calling a quote; a scare-quoted term is not one.
    (
        "François Bayrou avait appelé son rival « le candidat des banques et des riches ».",
        [("le candidat des banques et des riches", "Bayrou")],
    ),
    ("Le succès de la « dédiabolisation » a surpris les observateurs.", []),
    ("Deux Polonais servaient de « mules » pour le réseau.", []),
    # Titles of works and shows are not quotes.
    ("Elle animait l'émission « Les Matins de la rédaction nationale » depuis 2010.", []),
    ("Le rapport intitulé « L'archipel des tortures en Syrie » a été publié hier.", []),
    # Nested quotes stay inside the outer quote.
    (
        "« J'ai dit au président : « nous devons agir contre la corruption ». Il n'a rien fait », raconte Jean Dupuis.",
        [("J'ai dit au président : « nous devons agir contre la corruption ». Il n'a rien fait", "Dupuis")],
    ),
    # A stand-alone paragraph quote follows a paragraph naming its speaker.
    (
        "La présidente Ursula von der Leyen a pris la parole devant le Parlement. « L'Europe doit "
        "investir massivement », a-t-elle affirmé.\n« Nous n'avons plus de temps à perdre. »",
        [("L'Europe doit investir massivement", "Leyen"), ("Nous n'avons plus de temps à perdre.", "Leyen")],
    ),
    # Multi-paragraph quote: each paragraph its own quote, same speaker.
    (
        "Le général Pierre de Villiers a écrit une longue lettre.\n« Je quitte mes fonctions sans regret.\n"
        "« Je reste au service du pays », conclut-il.",
        [("Je quitte mes fonctions sans regret.", "Villiers"), ("Je reste au service du pays", "Villiers")],
    ),
    # A pronoun goes to the last subject outside quotes, not to a name inside a quote.
    (
        "Nicolas Sarkozy a répondu aux journalistes. « Cette administration [Obama] ne voulait pas "
        "travailler avec nous », a-t-il déclaré.",
        [("Cette administration [Obama] ne voulait pas travailler avec nous", "Sarkozy")],
    ),
    (
        "Nicolas Sarkozy a reçu la presse. « Vladimir Poutine ment depuis le début de la crise », a-t-il affirmé.",
        [("Vladimir Poutine ment depuis le début de la crise", "Sarkozy")],
    ),
    # The pronoun's gender skips a nearer subject of the other gender.
    (
        "Mme Claire Moreau dirige le laboratoire. M. Paul Girard a présenté les résultats. « Nous avons "
        "réussi grâce à toute l'équipe », a-t-elle ajouté.",
        [("Nous avons réussi grâce à toute l'équipe", "Moreau")],
    ),
    # A short utterance counts when a speech verb introduces it; a short term alone does not.
    ("« Jamais ! », a lancé Jean-Luc Mélenchon.", [("Jamais !", "Mélenchon")]),
    (
        "Les banques prennent des mesures pour « sécuriser un maximum les transactions ».",
        [("sécuriser un maximum les transactions", None)],
    ),
    # Nothing in the text names the speaker.
    (
        "« Il faut que tout cela change très vite », pouvait-on lire sur une pancarte.",
        [("Il faut que tout cela change très vite", None)],
    ),
    (
        "La rumeur courait dans la ville. « Le maire va démissionner avant l'été ».",
        [("Le maire va démissionner avant l'été", None)],
    ),
    # Dialogue dashes: the incise is cut off the line.
    (
        "Le juge interroge Marc Dutroux.\n— Je ne me souviens de rien du tout, répond Marc Dutroux.",
        [("Je ne me souviens de rien du tout", "Dutroux")],
    ),
    # A two-speaker exchange inside one pair is two quotes.
    (
        "« Vous avez menti aux Français ! – Non, j'ai dit toute la vérité. »",
        [("Vous avez menti aux Français !", None), ("Non, j'ai dit toute la vérité.", None)],
    ),
    # Unbalanced marks: recover the closed quote, never swallow the rest of the article.
    (
        "Jean Castex a dit « ceci ne finit jamais et puis « nous verrons bien demain », a-t-il ajouté.\n"
        "Le reste de l'article parle d'autre chose « complètement ».",
        [("nous verrons bien demain", "Castex")],
    ),
    # A speech verb the tagger took for a noun ("juge"), or left unlemmatised ("estime").
    (
        "« Nous ne céderons rien aux casseurs », juge le préfet de police Laurent Nuñez.",
        [("Nous ne céderons rien aux casseurs", "Nuñez")],
    ),
    (
        "« Cette réforme est une erreur historique pour le pays », estime la CGT dans un communiqué.",
        [("Cette réforme est une erreur historique pour le pays", "CGT")],
    ),
    # "pour X": a name, a generic description of the article's organisation, a pronoun.
    (
        "L'ONG Human Rights Watch a publié un rapport mardi. Pour l'organisation, « les autorités doivent "
        "libérer tous les prisonniers politiques ».",
        [("les autorités doivent libérer tous les prisonniers politiques", "Human Rights Watch")],
    ),
    (
        "Le député Jean Lassalle a pris la parole. Pour lui, « les campagnes sont abandonnées depuis trop longtemps ».",
        [("les campagnes sont abandonnées depuis trop longtemps", "Lassalle")],
    ),
    # "selon" after the quote; a complement is not a renaming: the speaker is "le parquet de Paris"
    # as a whole (an organisation written in lowercase), never Paris.
    (
        "« L'enquête progresse rapidement et sérieusement », selon le parquet de Paris.",
        [("L'enquête progresse rapidement et sérieusement", "parquet de Paris")],
    ),
    # "d'après" further on, in another clause, is no attribution.
    (
        "La cour a rejeté l'appel, « une décision qui fera date dans l'histoire du droit » ; d'après le droit "
        "international, la peine est applicable.",
        [("une décision qui fera date dans l'histoire du droit", None)],
    ),
    # The speaker named in the previous paragraph by his speech verb.
    (
        "Interrogé par la commission, l'ancien ministre Éric Woerth a longuement répondu.\n« Je n'ai jamais "
        "reçu la moindre enveloppe. Ces accusations sont absurdes. »",
        [("Je n'ai jamais reçu la moindre enveloppe. Ces accusations sont absurdes.", "Woerth")],
    ),
    # A document's words, a paragraph back, go to whoever issued it.
    (
        "L'ONG Amnesty International a publié un rapport mardi.\nCe rapport s'appuie sur plus de cent "
        "témoignages.\nLes détenus y subissent « des traitements inhumains et dégradants de façon systématique ».",
        [("des traitements inhumains et dégradants de façon systématique", "Amnesty")],
    ),
    # Words quoted on from the same communiqué, no one else named since; someone else named: nobody.
    (
        "« Les deux agresseurs ont été identifiés par la police », indique le communiqué du ministère de "
        "l'Intérieur.\nIls auraient insulté la victime avant de la « frapper à plusieurs reprises au visage ».",
        [
            ("Les deux agresseurs ont été identifiés par la police", "Intérieur"),
            ("frapper à plusieurs reprises au visage", "Intérieur"),
        ],
    ),
    (
        "« Les deux agresseurs ont été identifiés par la police », indique le communiqué du ministère de "
        "l'Intérieur.\nLe maire Jean Dupont s'est rendu sur place. Les commerçants décrivent « une ambiance de "
        "plus en plus pesante ».",
        [
            ("Les deux agresseurs ont été identifiés par la police", "Intérieur"),
            ("une ambiance de plus en plus pesante", None),
        ],
    ),
    # Pronouns: two people fit as well, or a nearer unnamed person fits: nobody.
    (
        "Le Premier ministre Édouard Philippe et le président Emmanuel Macron se sont rencontrés. « Nous sommes "
        "parfaitement d'accord sur tout », a-t-il déclaré.",
        [("Nous sommes parfaitement d'accord sur tout", None)],
    ),
    (
        "Le footballeur Kylian Mbappé a marqué deux buts. Son entraîneur était ravi. « Il a fait un match "
        "exceptionnel ce soir », a-t-il déclaré.",
        [("Il a fait un match exceptionnel ce soir", None)],
    ),
    # A dialogue line ending in "?" keeps it and loses its incise; an unnamed asker is nobody.
    (
        "Le procès de Jean Valjean s'est ouvert lundi.\n— Avez-vous volé ce pain ? demande le président du "
        "tribunal.\n— Oui, je l'ai volé pour nourrir ma famille, répond Jean Valjean.",
        [("Avez-vous volé ce pain ?", None), ("Oui, je l'ai volé pour nourrir ma famille", "Valjean")],
    ),
    # An exchange after two people are named: either could have said either line.
    (
        "Paul Martin et Sophie Durand ont débattu. « Vous mentez aux électeurs depuis le début ! – Non, je leur "
        "dis simplement la vérité. »",
        [("Vous mentez aux électeurs depuis le début !", None), ("Non, je leur dis simplement la vérité.", None)],
    ),
    # Titles after a comma still stop at title cues; not at a title noun before the comma.
    ("Il a regardé l'émission « Questions pour un champion » hier soir.", []),
    ("Le maire a dénoncé une « situation inacceptable ».", []),
]


# Attribution rules found on a development set written blind (sentences written for these tests).
FRENCH_ATTRIBUTION = [
    # A stand-alone paragraph after a sentence whose first "subject" is an opening participle.
    (
        "Le maire, Jean Valois, n'a pas dormi. Ceint de son écharpe, il a visité les rues inondées.\n"
        "« Nous avons évacué trente familles pendant la nuit. »",
        [("Nous avons évacué trente familles pendant la nuit.", "Valois")],
    ),
    # … but not when an unnamed person is the subject of the sentence before.
    (
        "Le maire, Jean Valois, a visité les rues inondées. Son adjoint était épuisé.\n"
        "« Nous avons évacué trente familles pendant la nuit. »",
        [("Nous avons évacué trente familles pendant la nuit.", None)],
    ),
    # The name of an incise ("», raconte X") is who a later "elle" stands for.
    (
        "« Le patron nous a menti sur toute la ligne », raconte Martine Lebrun, déléguée syndicale. "
        "Le directeur, Paul Garnier, refuse de répondre. « Nous irons jusqu'au bout de ce combat », a-t-elle prévenu.",
        [("Le patron nous a menti sur toute la ligne", "Lebrun"), ("Nous irons jusqu'au bout de ce combat", "Lebrun")],
    ),
    # "pour" right after the quote says what for; "selon X" before the quote still attributes.
    (
        "Selon Maître Girard, son client touchait à peine « de quoi payer son loyer » pour ce travail.",
        [("de quoi payer son loyer", "Girard")],
    ),
    # A role split by hyphens, then the name.
    (
        "« Les secours ont sauvé vingt personnes cette nuit », a indiqué le lieutenant-colonel Marc Perrin, "
        "qui commandait les opérations.",
        [("Les secours ont sauvé vingt personnes cette nuit", "Perrin")],
    ),
    # "le ministre" is the person last named with that title, even with someone else named since;
    # "son frère" the one named as the brother; a title given to nobody names nobody.
    (
        "Le ministre chargé des Transports, Paul Delorme, a visité le chantier. « Les travaux seront terminés "
        "avant l'été », a assuré le ministre.",
        [("Les travaux seront terminés avant l'été", "Delorme")],
    ),
    (
        "Le ministre chargé des Transports, Paul Delorme, a rencontré la maire, Anne Roux. « Les travaux seront "
        "terminés avant l'été », a assuré le ministre.",
        [("Les travaux seront terminés avant l'été", "Delorme")],
    ),
    (
        "Paul Delorme a visité le chantier avec Anne Roux. « Les travaux seront terminés avant l'été », a assuré "
        "le ministre.",
        [("Les travaux seront terminés avant l'été", None)],
    ),
    (
        "La skieuse Léa Morin a gagné la descente. Son frère, Hugo Morin, était dans le public. « Elle a skié "
        "comme jamais ce matin », a raconté Léa Morin. Son frère n'en revenait pas. « Je n'ai jamais vu une "
        "course pareille », a-t-il confié.",
        [("Elle a skié comme jamais ce matin", "Léa"), ("Je n'ai jamais vu une course pareille", "Hugo")],
    ),
    # A role named paragraphs ago, in a side remark, does not take the words of the person at hand.
    (
        "La juge, Mme Hélène Roche, a ouvert l'audience à neuf heures.\nSa sœur, Julie Vasseur, a suivi tous "
        "les débats. La juge elle-même avait salué son « courage ». « Je ne regrette rien de ce que j'ai fait "
        "pour lui », a-t-elle confié.",
        [("Je ne regrette rien de ce que j'ai fait pour lui", None)],
    ),
    # A dialogue with no incises after "Interrogé par X, Y …": questions are X's, answers Y's.
    (
        "Le témoin Paul Renard a été entendu jeudi. Interrogé par la juge, Claire Besson, il a d'abord "
        "refusé de parler.\n— Où étiez-vous le soir du vol ?\n— Chez moi, avec ma femme et mes enfants.",
        [("Où étiez-vous le soir du vol ?", "Besson"), ("Chez moi, avec ma femme et mes enfants.", "Renard")],
    ),
    # … and after "X interroge Y"; with nobody asking, the lines stay unattributed.
    (
        "La juge Claire Besson interroge le témoin Paul Renard.\n— Où étiez-vous le soir du vol ?\n"
        "— Chez moi, avec ma femme et mes enfants.",
        [("Où étiez-vous le soir du vol ?", "Besson"), ("Chez moi, avec ma femme et mes enfants.", "Renard")],
    ),
    (
        "La salle était comble ce jour-là.\n— Où étiez-vous le soir du vol ?\n— Chez moi, avec ma femme.",
        [("Où étiez-vous le soir du vol ?", None), ("Chez moi, avec ma femme.", None)],
    ),
    # A document named again by another noun goes to whoever issued the first one.
    (
        "L'ONG Oxfam a publié mardi un rapport sur les inégalités.\nLe document est accablant : « les "
        "plus riches ont encore doublé leur fortune en dix ans ».",
        [("les plus riches ont encore doublé leur fortune en dix ans", "Oxfam")],
    ),
    # A spokesperson speaks for the organisation named after her, not for a person described nearby.
    (
        "Le directeur de l'usine, Marc Olivier, refuse de commenter. « Nous suivons le dossier de très près », "
        "a répondu la porte-parole du ministère de l'Industrie.",
        [("Nous suivons le dossier de très près", "Industrie")],
    ),
    # The subject the parser gives an infinitive ("avoir eu Y au téléphone") is no antecedent.
    (
        "Le ministre Marc Olivier a indiqué avoir eu Paul Renard au téléphone. « Je lui ai demandé de "
        "garder l'usine ouverte », a-t-il déclaré.",
        [("Je lui ai demandé de garder l'usine ouverte", "Olivier")],
    ),
    # An incise with a verb we do not know and an unnamed subject: nobody, not the subject before.
    (
        "Le Japon a refusé de signer le texte. « Personne ici ne croit encore à ces promesses », s'emballe "
        "un diplomate asiatique.",
        [("Personne ici ne croit encore à ces promesses", None)],
    ),
    # An indefinite description is an unnamed individual, not the actor it might fit.
    (
        "La Chine refuse de payer davantage. « On nous propose des miettes depuis des années », déplore un "
        "négociateur africain.",
        [("On nous propose des miettes depuis des années", None)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FRENCH_ATTRIBUTION)
def test_french_attribution(
    text: str, expected: list[tuple[str, str | None]], parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    check(found(parse_fr(text), fr), expected)


@pytest.mark.parametrize(("text", "expected"), FRENCH)
def test_french_quotes(
    text: str, expected: list[tuple[str, str | None]], parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    check(found(parse_fr(text), fr), expected)


ENGLISH = [
    (
        '"We will appeal this decision," said Smith, the lawyer for the family.',
        [("We will appeal this decision", "Smith")],
    ),
    (
        'Senator Elizabeth Warren spoke after the vote. "This bill is a disgrace to the country," she said.',
        [("This bill is a disgrace to the country", "Warren")],
    ),
    (
        '"The economy is growing faster than expected," Janet Yellen told reporters, "and inflation is falling."',
        [("The economy is growing faster than expected", "Yellen"), ("and inflation is falling.", "Yellen")],
    ),
    (
        'According to the World Health Organization, "the outbreak is far from over in the region."',
        [("the outbreak is far from over in the region.", "World Health Organization")],
    ),
    (
        'Governor Gavin Newsom wrote: "California will not back down from this fight."',
        [("California will not back down from this fight.", "Newsom")],
    ),
    # A stand-alone paragraph continues the speaker of the paragraph before.
    (
        '"Ten years ago, none of this was possible," said Ambassador Rahimi.\n"Our students are the future '
        'of the country."',
        [
            ("Ten years ago, none of this was possible", "Rahimi"),
            ("Our students are the future of the country.", "Rahimi"),
        ],
    ),
    # Titles, names and scare quotes are not quotes.
    ('Their robot, named "Pride of the Northern Valley," won a bronze medal.', []),
    ('The girls were granted "parole" status on humanitarian grounds.', []),
    ('She starred in the film "Gone With the Wind" in 1939.', []),
    ('"Never again!" shouted Senator Bernie Sanders.', [("Never again!", "Sanders")]),
    (
        'Mr. Tom Baker left early. Ms. Helen Clark stayed behind. "We did everything we could for them," he said.',
        [("We did everything we could for them", "Baker")],
    ),
    # Nobody named.
    (
        'A sign at the gate read "No entry after dark for any visitor."',
        [("No entry after dark for any visitor.", None)],
    ),
    # An unnamed spokesperson speaks for the organisation the article is about.
    (
        'Microsoft released its results on Monday. "Demand for cloud services remains very strong," a spokesman '
        "for the company said.",
        [("Demand for cloud services remains very strong", "Microsoft")],
    ),
    (
        'Apple said in a statement that sales fell. "We remain confident in our long-term strategy," the company said.',
        [("We remain confident in our long-term strategy", "Apple")],
    ),
    # "they" is an organisation only when the last subject was one.
    (
        'Oxfam published its annual report on Monday. "Inequality is rising in every region of the world," they said.',
        [("Inequality is rising in every region of the world", "Oxfam")],
    ),
    (
        'Residents gathered outside the town hall. "Nobody listens to us anymore," they said.',
        [("Nobody listens to us anymore", None)],
    ),
    # Gender picks Mary over John; a possessor of the other gender's noun is who "he" is.
    (
        'John Smith and his wife Mary arrived late. "It was a long trip from the coast," she said.',
        [("It was a long trip from the coast", "Mary")],
    ),
    (
        "Mr. Paul Brown spoke first. Later, Daniel's sister begged him to stay at home, but he replied \"I have "
        'to go to work today."',
        [("I have to go to work today.", None)],
    ),
    (
        'Paul Green and Peter Black met on Tuesday. "We agreed on almost everything today," he said.',
        [("We agreed on almost everything today", None)],
    ),
    # A split quote across a full stop keeps its speaker.
    (
        '"We will appeal this ruling," said Jane Porter. "We have strong grounds for it and we will win."',
        [("We will appeal this ruling", "Porter"), ("We have strong grounds for it and we will win.", "Porter")],
    ),
    # A speech verb introduces words that describe something; nobody is named.
    ('Critics called the plan "a total disaster for the region".', [("a total disaster for the region", None)]),
    ('The word "freedom" appears three times in the speech.', []),
]


ENGLISH_ATTRIBUTION = [
    # A quote paragraph named by the demonstrative sentence after it.
    (
        'Dr. Anna Price said the results were encouraging.\n"Nothing else has worked this well in ten years."\n'
        "That was the verdict of Professor Liam Shaw, who led the trial.",
        [("Nothing else has worked this well in ten years.", "Shaw")],
    ),
    (
        'Dr. Anna Price said the results were encouraging.\n"Nothing else has worked this well in ten years."\n'
        "The trial ended in May.",
        [("Nothing else has worked this well in ten years.", "Price")],
    ),
    # An incise whose own subject is no one we can name: nobody, not the speaker before.
    (
        '"We lost three good people this year," said Chief Tom Hale.\n"Water is life, fire is death," goes an '
        "old saying among the crews.",
        [("We lost three good people this year", "Hale"), ("Water is life, fire is death", None)],
    ),
    # A spokesperson named by a compound ("a Microsoft spokesperson") speaks for it.
    (
        'Microsoft backs the plan. "We have supported this rule from the very start," a Microsoft spokesperson said.',
        [("We have supported this rule from the very start", "Microsoft")],
    ),
    # A quote left open mid-paragraph and reopened by the next paragraph goes on with its speaker.
    (
        '"We are sorry for every delay," said Mary Jones, head of the agency. "We have hired more staff.\n'
        '"We will keep working until the backlog is cleared."',
        [
            ("We are sorry for every delay", "Jones"),
            ("We have hired more staff.", "Jones"),
            ("We will keep working until the backlog is cleared.", "Jones"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ENGLISH_ATTRIBUTION)
def test_english_attribution(
    text: str, expected: list[tuple[str, str | None]], parse_en: Callable[[str], Doc], en: LangData
) -> None:
    check(found(parse_en(text), en), expected)


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_quotes(
    text: str, expected: list[tuple[str, str | None]], parse_en: Callable[[str], Doc], en: LangData
) -> None:
    check(found(parse_en(text), en), expected)


def test_quote_offsets_point_at_the_text(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    text = "Le ministre Gérald Darmanin a prévenu : « Nous ne tolérerons aucune violence ce soir »."
    doc = parse_fr(text)
    [quote], _ = run(doc, fr)
    assert text[quote.start : quote.end] == quote.text == "Nous ne tolérerons aucune violence ce soir"
    assert quote.cue and 0.0 < quote.confidence <= 1.0


STATEMENTS_FR = [
    (
        "Le président Nicolás Maduro a expliqué qu'il avait tenté de parvenir à un accord avec Washington.",
        "il avait tenté de parvenir à un accord avec Washington",
        "Maduro",
    ),
    (
        "Angela Merkel a déclaré que l'Allemagne accueillerait les réfugiés.",
        "l'Allemagne accueillerait les réfugiés",
        "Merkel",
    ),
]


@pytest.mark.parametrize(("text", "statement", "speaker"), STATEMENTS_FR)
def test_french_statements(
    text: str, statement: str, speaker: str, parse_fr: Callable[[str], Doc], fr: LangData
) -> None:
    quotes, statements = run(parse_fr(text), fr)
    assert quotes == []
    assert [s.text for s in statements] == [statement]
    assert statements[0].speaker_name and speaker in statements[0].speaker_name


def test_english_statement(parse_en: Callable[[str], Doc], en: LangData) -> None:
    quotes, statements = run(parse_en("Boris Johnson said that the government would review the rules."), en)
    assert quotes == []
    assert [s.text for s in statements] == ["the government would review the rules"]
    assert statements[0].speaker_name and "Johnson" in statements[0].speaker_name


def test_quoted_complement_is_a_quote_not_a_statement(parse_fr: Callable[[str], Doc], fr: LangData) -> None:
    quotes, statements = run(parse_fr("Claude Bartolone a déclaré qu'« il ne pourra plus y avoir de suspension »."), fr)
    assert [q.text for q in quotes] == ["il ne pourra plus y avoir de suspension"]
    assert statements == []


@pytest.mark.parametrize(
    ("code", "form", "expected"),
    [
        ("fr", "juge", True),
        ("fr", "estime", True),
        ("fr", "répond", True),
        ("fr", "table", False),
        ("en", "insists", True),
        ("en", "replied", True),
        ("en", "table", False),
    ],
)
def test_speech_verb_forms_come_from_lemmas(code: str, form: str, expected: bool, fr: LangData, en: LangData) -> None:
    lang = fr if code == "fr" else en
    assert (form.replace("é", "e") in lang.speech_verb_forms) is expected
