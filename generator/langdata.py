"""Load the language knowledge kept as data under `generator/lang/<code>/`.

Logic never tests which language it runs on: it reads a `LangData`. Adding a language is adding
a folder with the same files.
"""

from __future__ import annotations

import functools
import re
import types
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from .errors import ConfigError

if TYPE_CHECKING:
    from spacy.tokens import Token

LANG_DIR = Path(__file__).parent / "lang"


@dataclass(frozen=True)
class BackgroundCues:
    """What tells a sentence about events earlier than the story's news (extract/background.py).

    Marker phrases are patterns: "…" stands for one to three words, "{year}" for a year. The
    tense rules read spaCy's morphology through `LangData.has_morph` (lang.yml `morphology`).
    """

    markers: tuple[str, ...] = ()
    # Words right before a marker that make it a yardstick, not a time ("par rapport à"); folded.
    comparisons: frozenset[str] = frozenset()
    # (lemma ending, form ending) pairs of verbs whose narrative past is spelled like their present
    # ("agir" -> "agit", "dire" -> "dit"): the tagger cannot tell them, so they are never read so.
    present_like: tuple[tuple[str, str], ...] = ()
    # Lemmas of the auxiliaries of compound pasts (their labels are `dependency_labels`
    # "perfect_auxiliary", the tenses they mark `morphology` roles).
    perfect_auxiliaries: frozenset[str] = frozenset()


@dataclass(frozen=True)
class DateWords:
    """The words of date expressions (`dates.yml`), lowercase as written: patterns match them in
    any case, and accents matter there ("dernière"), so they are not folded."""

    relative_days: Mapping[str, int] = field(default_factory=lambda: types.MappingProxyType({}))
    day_parts: tuple[str, ...] = ()
    this: tuple[str, ...] = ()
    that_before: tuple[str, ...] = ()
    that_after: tuple[str, ...] = ()
    past_before: tuple[str, ...] = ()
    past_after: tuple[str, ...] = ()
    future_before: tuple[str, ...] = ()
    future_after: tuple[str, ...] = ()
    # Grain ("year", "month", "week", "day") -> unit words.
    units: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: types.MappingProxyType({}))
    counted_units: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: types.MappingProxyType({}))
    edges: tuple[str, ...] = ()
    joiners: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()
    ago_before: tuple[str, ...] = ()
    ago_after: tuple[str, ...] = ()
    numbers: Mapping[str, int] = field(default_factory=lambda: types.MappingProxyType({}))
    previous_day: tuple[str, ...] = ()
    next_day: tuple[str, ...] = ()
    same_day: tuple[str, ...] = ()
    day_suffixes: tuple[str, ...] = ()
    range_joiners: tuple[str, ...] = ()
    future_auxiliaries: frozenset[str] = frozenset()
    decades: tuple[str, ...] = ()
    habitual: tuple[str, ...] = ()
    non_dates: tuple[str, ...] = ()
    capitalized_months: bool = False


@dataclass(frozen=True)
class LangData:
    """Everything language-specific that extraction and rendering need."""

    code: str
    name: str
    model: str
    entity_types: Mapping[str, str]
    quote_pairs: tuple[tuple[str, str], ...]
    dialogue_dashes: tuple[str, ...]
    attribution_preps: tuple[str, ...]
    inverted_subjects: tuple[str, ...]
    pronouns: frozenset[str]
    leading_function_words: frozenset[str]
    non_names: frozenset[str]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    speech_verbs: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    # Every adjective or demonym form, folded, -> country name as written in the data.
    nationalities: Mapping[str, str]
    labels: Mapping[str, str]
    # Quote extraction (generator/extract/quotes.py and friends); all folded.
    # Attribution prepositions that also say what for ("pour"): they credit words only when
    # they open the sentence ("Pour X, « … »"), never right after the quote.
    weak_attribution_preps: frozenset[str] = frozenset()
    # Words that introduce a reported clause ("que", "that").
    complementizers: frozenset[str] = frozenset()
    # Whether a reported clause must open with one ("a dit que …"); English drops "that".
    complementizer_required: bool = True
    # Nouns for a document ("rapport", "communiqué"): "le texte" names again the document last
    # issued, whatever noun named it then.
    document_nouns: frozenset[str] = frozenset()
    # Verbs (lemmas) of asking: in a dialogue after "Interrogé par X, Y …", X asks the questions.
    asking_verbs: frozenset[str] = frozenset()
    # Words right before quote marks that make the quoted words a title or name ("intitulé").
    title_cues: frozenset[str] = frozenset()
    # Nouns naming works and shows: « … » right after them is a title, not someone's words.
    title_nouns: frozenset[str] = frozenset()
    # Nouns that speak for someone else ("la porte-parole de X", "le communiqué de X").
    proxy_nouns: frozenset[str] = frozenset()
    # Pronoun or gendered word -> "m" or "f", to resolve "il"/"she" to a fitting actor.
    genders: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}))
    # Pronouns that stand for several (or for an organisation): "ils", "they".
    plural_pronouns: frozenset[str] = frozenset()
    # (lemma ending, form ending) pairs that spell the written forms of a speech verb from its
    # lemma (an -er verb read without its r), for verbs the tagger takes for another word.
    speech_verb_endings: tuple[tuple[str, str], ...] = ()
    # Actor extraction (generator/extract/actors.py and friends); all folded, see lang.yml.
    work_cues: frozenset[str] = frozenset()
    institution_cues: frozenset[str] = frozenset()
    org_suffixes: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    org_titles: frozenset[str] = frozenset()
    facility_words: frozenset[str] = frozenset()
    # Words that make a name an organisation whatever the model's label ("université de Caen",
    # "FC Nantes", "Leeds University"), opening or closing it.
    org_name_words: frozenset[str] = frozenset()
    # Facility words that name a club when an adjective follows ("Stade toulousain").
    club_facility_words: frozenset[str] = frozenset()
    # Nouns for a state: with only adjectives beside them they name a country ("République tchèque").
    state_nouns: frozenset[str] = frozenset()
    # Nouns for a place, in an apposition ("Herat, their home"): the name before is a place.
    place_nouns: frozenset[str] = frozenset()
    # Words that open a list of examples ("including X"): a name only listed there is no actor.
    example_cues: frozenset[str] = frozenset()
    # Organisation nouns that fit any organisation ("l'organisation", "the organization").
    generic_org_nouns: frozenset[str] = frozenset()
    # Verbs (lemmas) of gathering words: a medium that is their agent or object only relays.
    relay_verbs: frozenset[str] = frozenset()
    # Prepositions (one or two words) naming the addressee of words ("auprès de l'AFP").
    relay_preps: frozenset[str] = frozenset()
    # Prepositions naming a workplace after a job noun ("biologist at the University of X").
    affiliation_preps: frozenset[str] = frozenset()
    # Nouns for the staff of an employer: a one-word name they complement ("les salariés de X") is an organisation.
    staff_nouns: frozenset[str] = frozenset()
    # Lowercase institution nouns, one or more words: "la préfecture de l'Ardèche" acting is an organisation.
    institution_nouns: frozenset[str] = frozenset()
    # Institution noun -> the noun of its class: nouns that name the same kind of body
    # ("forces" -> "armée"), so that "les forces afghanes" and "l'armée afghane" merge.
    body_synonyms: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}))
    # Prepositions that join a complement naming whose or what body it is ("de", "of").
    genitive_preps: frozenset[str] = frozenset()
    # Prepositions naming the agent of an action noun ("l'annonce par la commission").
    agent_preps: frozenset[str] = frozenset()
    # Prepositions of a bare noun that qualifies a body ("le gouvernement en exil").
    qualifier_preps: frozenset[str] = frozenset()
    # Words that make a body another time's ("le gouvernement précédent", "the former regime").
    former_modifiers: frozenset[str] = frozenset()
    # Entity labels that are no actor type but may name one the story is about ("MISC":
    # "Ubuntu", "Vendée Globe"): such a name in the title, or a repeated subject, is an organisation.
    rescued_labels: frozenset[str] = frozenset()
    # Lowercase particles inside personal names ("de", "van", "ben", "al"): a name the model cut
    # at one ("Kito" + "de Pavant") is joined again.
    name_particles: frozenset[str] = frozenset()
    # Articles that open a surname when capitalised ("Le Pen", "La Fontaine").
    surname_articles: frozenset[str] = frozenset()
    # Acronyms of common nouns ("TVA", "GDP"): never an actor's name.
    common_acronyms: frozenset[str] = frozenset()
    # Nouns named after someone with "de" ("le boson de Higgs"): the name is no actor there.
    eponym_nouns: frozenset[str] = frozenset()
    # Endings of ordinal numbers, as written after a Roman numeral ("XXe", "IIIrd").
    ordinal_suffixes: tuple[str, ...] = ()
    # Dependency labels of this language's parser scheme, by the role extraction reads them
    # for ("speaker", "chain": a verb handing its subject down; "object" …), see lang.yml.
    deps: Mapping[str, frozenset[str]] = field(default_factory=lambda: types.MappingProxyType({}))
    # Fine-grained tags of this language's tagger, by role ("plural_proper_noun"), see lang.yml.
    tags: Mapping[str, frozenset[str]] = field(default_factory=lambda: types.MappingProxyType({}))
    # spaCy morphology by role ("plural", "finite" …): (feature, value) pairs, any one matches.
    morphology: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=lambda: types.MappingProxyType({}))
    # Endings that make a noun plural ("Sams" of "Sam").
    plural_endings: tuple[str, ...] = ()
    # Possessive endings glued to or detached from a name ("Moody's", "Thomas'").
    possessive_endings: frozenset[str] = frozenset()
    # Apostrophes, typewriter and typographic, as written in names ("Moody's", "qu'Erdogan").
    apostrophes: tuple[str, ...] = ()
    # Impersonal subject pronouns ("on") and the prepositions that say whose side they speak
    # for when they open the sentence ("Chez Renault, on assure …", "Du côté de la CGT, on …").
    impersonal_pronouns: frozenset[str] = frozenset()
    side_preps: tuple[str, ...] = ()
    # Verbs (lemmas) of reading and the clitic for "in it": "», peut-on lire dans le communiqué
    # de X", "», peut-on y lire" give the words to the document's issuer.
    reading_verbs: frozenset[str] = frozenset()
    reading_pronouns: frozenset[str] = frozenset()
    # Common nouns for a person by trade or standing ("l'universitaire", "the lawmaker"), beside
    # the titles: "le graphiste a expliqué" names again a person of the story.
    person_nouns: frozenset[str] = frozenset()
    # Place name standing for an institution or a country -> the names it may stand for, in
    # order of preference ("Bercy" -> "ministère de l'Économie", "Canberra" -> "Australie").
    seats: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: types.MappingProxyType({}))
    # Prefixes that make a role a former one, glued to it ("ex-président").
    former_prefixes: tuple[str, ...] = ()
    # Institution noun -> its grammatical gender, where the tagger often gives none ("ONG").
    body_genders: Mapping[str, str] = field(default_factory=lambda: types.MappingProxyType({}))
    # Members of a body, in the plural, speak for it ("les députés de l'UMP", "party leaders").
    member_nouns: frozenset[str] = frozenset()
    # Reported speech without quote marks, by role ("clause_verbs", "object_verbs",
    # "preposition_verbs" …), from statements.yml: all folded.
    statement_words: Mapping[str, frozenset[str]] = field(default_factory=lambda: types.MappingProxyType({}))
    # Words of date expressions, from dates.yml (generator/extract/dates.py).
    dates: DateWords = field(default_factory=DateWords)
    # Markers and tenses of sentences about earlier events (generator/extract/background.py).
    background: BackgroundCues = field(default_factory=BackgroundCues)

    @property
    def speaker_deps(self) -> frozenset[str]:
        """Dependency labels that point from a speech verb to its speaker (`dependency_labels` "speaker")."""
        return self.deps["speaker"]

    def has_morph(self, tok: Token, role: str) -> bool:
        """Whether a token's morphology has one of the Feature=Value pairs lang.yml lists under `role`."""
        morph = tok.morph
        return any(value in morph.get(feature, []) for feature, value in self.morphology[role])

    @functools.cached_property
    def stop_words(self) -> frozenset[str]:
        """spaCy's stop words for the language, read on first use: importing spaCy's language
        class compiles its tokenizer, which a build with every brief cached never needs."""
        return _stop_words(self.code)

    @functools.cached_property
    def speech_verb_forms(self) -> frozenset[str]:
        """Folded written forms of the speech verbs, spelled from their lemmas ("juge", "estime")."""
        return frozenset(
            verb[: len(verb) - len(end)] + form
            for verb in self.speech_verbs
            for end, form in self.speech_verb_endings
            if verb.endswith(end) and " " not in verb
        )

    @functools.cached_property
    def speech_verb_pairs(self) -> Mapping[str, str]:
        """Two-word speech verbs from speech_verbs.txt: their last word -> their first."""
        return types.MappingProxyType(
            {verb.split(" ", 1)[1]: verb.split(" ", 1)[0] for verb in self.speech_verbs if verb.count(" ") == 1}
        )

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """Folded names of the countries in the nationality data ("russie", "united states")."""
        return frozenset(fold(c) for c in self.nationalities.values())

    def is_nationality(self, word: str) -> bool:
        """True for a nationality adjective or demonym ("vénézuélien", "Russe", "Turks")."""
        return fold(word) in self.nationalities


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lowercase, accent-free, apostrophe-normalised form used to compare names (memoised)."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


@functools.cache
def country_keys() -> Mapping[str, str]:
    """Folded country name in any language -> one key per country (`lang/countries.tsv`).

    "États-Unis" and "United States" share a key; a name absent from the file has none.
    """
    lines = _lines(LANG_DIR / "countries.tsv")
    out: dict[str, str] = {}
    for line in lines[1:]:
        names = [n.strip() for n in line.split("\t") if n.strip()]
        for name in names:
            out[fold(name)] = fold(names[0])
    return types.MappingProxyType(out)


@functools.cache
def country_name(key: str, lang: str) -> str | None:
    """The name in `lang` of the country with that key (`country_keys`), if the data has one."""
    lines = _lines(LANG_DIR / "countries.tsv")
    if not lines or lang not in lines[0].split("\t"):
        return None
    column = lines[0].split("\t").index(lang)
    for line in lines[1:]:
        names = [n.strip() for n in line.split("\t")]
        first = next((n for n in names if n), "")
        if fold(first) == key and column < len(names) and names[column]:
            return names[column]
    return None


def supported_languages() -> list[str]:
    """Codes of the languages that have a data folder."""
    return sorted(p.name for p in LANG_DIR.iterdir() if (p / "lang.yml").is_file())


def _lines(path: Path) -> list[str]:
    """Non-empty, non-comment lines of a data file."""
    if not path.is_file():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _seats(path: Path) -> Mapping[str, tuple[str, ...]]:
    """Folded place name -> folded names of what it stands for (`seats.tsv`: place, tab, names | …)."""
    out: dict[str, tuple[str, ...]] = {}
    for line in _lines(path):
        place, _, names = line.partition("\t")
        out[fold(place)] = tuple(fold(n) for n in names.split("|") if n.strip())
    return types.MappingProxyType(out)


def _stop_words(code: str) -> frozenset[str]:
    """spaCy's own stop-word list for the language (no model needed)."""
    import spacy.util

    try:
        return frozenset(spacy.util.get_lang_class(code).Defaults.stop_words)
    except Exception:  # noqa: BLE001 - a language spaCy lacks simply has no stop words
        return frozenset()


class _Section:
    """A mapping read from a data file that remembers which keys were read, so that a key no
    loader reads (a misspelling) is reported, not silently taken for an empty list."""

    def __init__(self, raw: Any, path: Path, where: str = "") -> None:
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise ConfigError(f"{where or 'the file'} must be a mapping of keys to values", path=path)
        self.raw: dict[Any, Any] = raw
        self.path = path
        self.where = where
        self.read: set[str] = set()

    @classmethod
    def load(cls, path: Path) -> _Section:
        """A YAML file as a section (an absent file is an empty one)."""
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
        return cls(raw, path)

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        value = self.raw.get(key)
        return default if value is None else value

    def __getitem__(self, key: str) -> Any:
        if key not in self.raw:
            raise ConfigError(f"missing key {self.where + key!r}", path=self.path)
        return self.get(key)

    def section(self, key: str) -> _Section:
        """A nested mapping, checked for unknown keys like its parent."""
        return _Section(self.get(key), self.path, f"{self.where}{key}.")

    def mapping(self, key: str) -> dict[str, Any]:
        """A nested mapping whose keys are free (roles, genders): read as is."""
        value = self.get(key, {})
        if not isinstance(value, dict):
            raise ConfigError(f"{self.where + key!r} must be a mapping", path=self.path)
        return {str(k): v for k, v in value.items()}

    def check(self, known: Iterable[str] = ()) -> None:
        """Raise a `ConfigError` naming the file and the first key no loader read."""
        unknown = sorted(str(k) for k in self.raw if str(k) not in self.read and str(k) not in set(known))
        if unknown:
            raise ConfigError(f"unknown key {self.where + unknown[0]!r}", path=self.path)


@functools.cache
def load_lang(code: str) -> LangData:
    """The `LangData` for a language code; a `ConfigError` lists the supported ones, or names the
    file and the key of a misspelled entry."""
    folder = LANG_DIR / code
    if not re.fullmatch(r"[a-z]{2,3}", code or "") or not (folder / "lang.yml").is_file():
        supported = ", ".join(supported_languages())
        raise ConfigError(f"language {code!r} is not supported (supported: {supported})")
    raw = _Section.load(folder / "lang.yml")
    labels = _Section.load(folder / "labels.yml")
    nationalities: dict[str, str] = {}
    for line in _lines(folder / "nationalities.tsv"):
        country, _, forms = line.partition("\t")
        for form in forms.split("|"):
            if form.strip():
                nationalities[fold(form)] = country.strip()

    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in raw.get(key, []))

    def read_only(mapping: dict[str, Any]) -> Mapping[str, Any]:
        return types.MappingProxyType(mapping)

    lang = LangData(
        code=code,
        name=raw.get("name", code),
        model=raw["model"],
        entity_types=read_only(dict(raw.mapping("entity_types"))),
        quote_pairs=tuple((o, c) for o, c in raw.get("quote_pairs", [])),
        dialogue_dashes=tuple(raw.get("dialogue_dashes", [])),
        attribution_preps=tuple(fold(p) for p in raw.get("attribution_preps", [])),
        inverted_subjects=tuple(raw.get("inverted_subjects", [])),
        pronouns=folded("pronouns"),
        leading_function_words=folded("leading_function_words"),
        non_names=folded("non_names"),
        months=tuple(raw.get("months", [])),
        weekdays=tuple(raw.get("weekdays", [])),
        speech_verbs=frozenset(fold(v) for v in _lines(folder / "speech_verbs.txt")),
        titles=frozenset(fold(t) for t in _lines(folder / "titles.txt")),
        honorifics=frozenset(fold(h).rstrip(".") for h in _lines(folder / "honorifics.txt")),
        nationalities=read_only(nationalities),
        labels=read_only({str(k): str(labels.get(str(k))) for k in labels.raw}),
        weak_attribution_preps=folded("weak_attribution_preps"),
        complementizers=folded("complementizers"),
        complementizer_required=_flag(raw, "complementizer_required", True),
        asking_verbs=folded("asking_verbs"),
        document_nouns=folded("document_nouns"),
        title_cues=folded("title_cues"),
        title_nouns=folded("title_nouns"),
        proxy_nouns=folded("proxy_nouns"),
        genders=read_only({fold(w): g for g, words in raw.mapping("genders").items() for w in words}),
        plural_pronouns=folded("plural_pronouns"),
        speech_verb_endings=tuple((fold(a), fold(b)) for a, b in raw.get("speech_verb_endings", [])),
        work_cues=folded("work_cues"),
        institution_cues=folded("institution_cues"),
        org_suffixes=folded("org_suffixes"),
        collective_nouns=folded("collective_nouns"),
        org_titles=folded("org_titles"),
        facility_words=folded("facility_words"),
        org_name_words=folded("org_name_words"),
        club_facility_words=folded("club_facility_words"),
        state_nouns=folded("state_nouns"),
        place_nouns=folded("place_nouns"),
        example_cues=folded("example_cues"),
        generic_org_nouns=folded("generic_org_nouns"),
        relay_verbs=folded("relay_verbs"),
        relay_preps=folded("relay_preps"),
        affiliation_preps=folded("affiliation_preps"),
        staff_nouns=folded("staff_nouns"),
        institution_nouns=folded("institution_nouns"),
        body_synonyms=read_only({fold(w): fold(group[0]) for group in raw.get("body_synonyms", []) for w in group}),
        genitive_preps=folded("genitive_preps"),
        agent_preps=folded("agent_preps"),
        qualifier_preps=folded("qualifier_preps"),
        former_modifiers=folded("former_modifiers"),
        rescued_labels=frozenset(raw.get("rescued_labels", [])),
        name_particles=folded("name_particles"),
        surname_articles=folded("surname_articles"),
        common_acronyms=folded("common_acronyms"),
        eponym_nouns=folded("eponym_nouns"),
        ordinal_suffixes=tuple(raw.get("ordinal_suffixes", [])),
        person_nouns=frozenset(fold(w) for w in _lines(folder / "person_nouns.txt")),
        deps=_roles(raw.mapping("dependency_labels")),
        tags=_roles(raw.mapping("tags")),
        morphology=_morphology(raw.mapping("morphology"), folder / "lang.yml"),
        plural_endings=tuple(str(e) for e in raw.get("plural_endings", [])),
        possessive_endings=frozenset(str(e) for e in raw.get("possessive_endings", [])),
        apostrophes=tuple(str(a) for a in raw.get("apostrophes", [])),
        reading_verbs=folded("reading_verbs"),
        impersonal_pronouns=folded("impersonal_pronouns"),
        # Longest first, so "du côté de" is tried before "du côté".
        side_preps=tuple(sorted((fold(w) for w in raw.get("side_preps", [])), key=len, reverse=True)),
        reading_pronouns=folded("reading_pronouns"),
        seats=_seats(folder / "seats.tsv"),
        background=_background_cues(raw.section("background")),
        statement_words=_statement_words(folder / "statements.yml"),
        member_nouns=folded("member_nouns"),
        former_prefixes=tuple(fold(w) for w in raw.get("former_prefixes", [])),
        body_genders=read_only({fold(w): g for g, words in raw.mapping("body_genders").items() for w in words}),
        dates=_date_words(folder / "dates.yml"),
    )
    raw.check()
    labels.check()
    return lang


def _roles(raw: Mapping[str, Any]) -> Mapping[str, frozenset[str]]:
    """Role -> labels (`dependency_labels`, `tags`), read-only."""
    return types.MappingProxyType({role: frozenset(str(v) for v in values or []) for role, values in raw.items()})


def _morphology(raw: Mapping[str, Any], path: Path) -> Mapping[str, tuple[tuple[str, str], ...]]:
    """Role -> (feature, value) pairs from "Feature=Value" entries (`morphology` of lang.yml)."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for role, entries in raw.items():
        pairs = []
        for entry in entries or []:
            feature, sep, value = str(entry).partition("=")
            if not sep or not feature or not value:
                raise ConfigError(f"morphology.{role}: {entry!r} is not Feature=Value", path=path)
            pairs.append((feature, value))
        out[role] = tuple(pairs)
    return types.MappingProxyType(out)


def _date_words(path: Path) -> DateWords:
    """dates.yml as `DateWords` (an absent file gives none): lists become tuples, lowercase."""
    raw = _Section.load(path)

    def words(key: str) -> tuple[str, ...]:
        return tuple(str(w).lower() for w in raw.get(key) or [])

    def grains(key: str) -> Mapping[str, tuple[str, ...]]:
        return types.MappingProxyType(
            {g: tuple(str(w).lower() for w in ws or []) for g, ws in raw.mapping(key).items()}
        )

    words_ = DateWords(
        relative_days=types.MappingProxyType({k.lower(): int(v) for k, v in raw.mapping("relative_days").items()}),
        day_parts=words("day_parts"),
        this=words("this"),
        that_before=words("that_before"),
        that_after=words("that_after"),
        past_before=words("past_before"),
        past_after=words("past_after"),
        future_before=words("future_before"),
        future_after=words("future_after"),
        units=grains("units"),
        counted_units=grains("counted_units"),
        edges=words("edges"),
        joiners=words("joiners"),
        articles=words("articles"),
        ago_before=words("ago_before"),
        ago_after=words("ago_after"),
        numbers=types.MappingProxyType({k.lower(): int(v) for k, v in raw.mapping("numbers").items()}),
        previous_day=words("previous_day"),
        next_day=words("next_day"),
        same_day=words("same_day"),
        day_suffixes=words("day_suffixes"),
        range_joiners=words("range_joiners"),
        future_auxiliaries=frozenset(words("future_auxiliaries")),
        decades=words("decades"),
        habitual=words("habitual"),
        non_dates=words("non_dates"),
        capitalized_months=bool(raw.get("capitalized_months", False)),
    )
    raw.check()
    return words_


def _flag(raw: _Section, key: str, default: bool) -> bool:
    """A true/false entry; anything else is an error naming the file and the key."""
    value = raw.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{raw.where + key!r} must be true or false", path=raw.path)
    return value


# The roles of statements.yml, as the statement modules read them (extract/*statement*.py).
STATEMENT_ROLES = (
    "clause_verbs",
    "infinitive_verbs",
    "object_verbs",
    "preposition_verbs",
    "attribute_verbs",
    "reflexive_pronouns",
    "infinitive_markers",
    "preposition_forms",
    "negations",
    "as_cues",
    "aspect_verbs",
    "reporting_endings",
    "not_infinitive_verbs",
    "participle_endings",
    "unreported_marks",
    "opinion_nouns",
    "demonstratives",
)


def _statement_words(path: Path) -> Mapping[str, frozenset[str]]:
    """statements.yml as read-only role -> folded words (an absent file gives no roles)."""
    raw = _Section.load(path)
    raw.check(STATEMENT_ROLES)
    return types.MappingProxyType(
        {str(role): frozenset(fold(str(w)) for w in words or []) for role, words in raw.raw.items()}
    )


def _background_cues(raw: _Section) -> BackgroundCues:
    """The `background:` block of lang.yml (markers kept as written: they are matched as patterns)."""

    def values(key: str) -> frozenset[str]:
        return frozenset(str(v) for v in raw.get(key) or [])

    cues = BackgroundCues(
        markers=tuple(str(m) for m in raw.get("markers") or []),
        comparisons=frozenset(fold(v) for v in values("comparisons")),
        present_like=tuple((fold(a), fold(b)) for a, b in raw.get("present_like") or []),
        perfect_auxiliaries=frozenset(fold(v) for v in values("perfect_auxiliaries")),
    )
    raw.check()
    return cues
