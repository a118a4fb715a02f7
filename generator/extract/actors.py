"""Actors of one article: people, organisations and places under one canonical name each.

`extract_actors(doc, lang, title)` runs the steps in order: find and clean names (`names.py`),
join names the model cut and add the ones it missed (`rescue.py`: particles, countries, names
the title is about), add organisations named by a common noun ("la police afghane", "la
préfecture de l'Ardèche", `institutions.py`), group them by actor (`merge.py`), join a capital
or seat acting for an institution to it ("Bruxelles" -> Commission européenne, `seats.tsv`),
decide each group's type and drop non-actors (`kinds.py`), attach roles and resolve role
descriptions (`roles.py`). The resulting `ActorTable` also answers "who is this?" for other
extractors (`resolve`), and `rank_actors` marks the key actors.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..langdata import LangData, fold
from ..models import Actor, Span
from ..text import slugify, unique_slug
from .doctext import text_of
from .institutions import add_institutions
from .kinds import decide_kind, enumerated, is_actor
from .merge import abbreviates, group_names, is_acronym, person_compatible
from .names import Candidate, clean_span, find_candidates, name_words
from .rescue import rescue_names
from .roles import countries_of, describe, find_descriptions, resolve_description, role_words, roles_of


@dataclass(frozen=True)
class Mention:
    """One place in the text that names (or describes) an actor."""

    start: int
    end: int
    actor_id: str
    text: str


@dataclass(frozen=True)
class ActorTable:
    """The actors of one article and every mention of them, sorted by offset."""

    actors: tuple[Actor, ...]
    mentions: tuple[Mention, ...]
    # Language data for resolving descriptions; a table built without it resolves names only.
    lang: LangData | None = field(default=None, compare=False, repr=False)

    def by_id(self, actor_id: str | None) -> Actor | None:
        """The actor with that id, if any."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def at(self, start: int, end: int) -> Actor | None:
        """The actor a mention overlapping [start, end) refers to."""
        for m in self.mentions:
            if m.start < end and start < m.end:
                return self.by_id(m.actor_id)
        return None

    def resolve(self, span: SpacySpan) -> Actor | None:
        """The actor a name or description in the text refers to, or None when it cannot be told."""
        inside = [m for m in self.mentions if m.start < span.end_char and span.start_char < m.end]
        if inside:
            root = span.root.idx
            best = next((m for m in inside if m.start <= root < m.end), inside[0])
            return self.by_id(best.actor_id)
        found = self._by_name(span)
        if found is not None or self.lang is None:
            return found
        desc = describe(span, self.lang)
        if desc is None:
            return None
        return resolve_description(desc, self.actors, self.names_before(span.start_char), self.resolve, self.lang)

    def names_before(self, offset: int) -> Counter[str]:
        """How often each actor is named (not described) before `offset`: salience so far."""
        names = {a.id: {name_words(n) for n in (a.name, *a.aliases)} for a in self.actors}
        return Counter(
            m.actor_id for m in self.mentions if m.end <= offset and name_words(m.text) in names.get(m.actor_id, ())
        )

    def mentions_before(self, offset: int, type: str | None = None) -> list[Mention]:
        """Mentions ending before `offset`, nearest first, optionally of one actor type."""
        out = [m for m in self.mentions if m.end <= offset]
        if type is not None:
            out = [m for m in out if (a := self.by_id(m.actor_id)) is not None and a.type == type]
        return sorted(out, key=lambda m: -m.start)

    def _by_name(self, span: SpacySpan) -> Actor | None:
        """The actor a name form refers to; an ambiguous short name goes to the latest named."""
        text = span.text
        if self.lang is not None:
            cand = clean_span(span.doc, span.start, span.end, "person", self.lang)
            if cand is None:
                return None
            text = cand.text
        key = name_words(text)
        if not key:
            return None
        exact = [a for a in self.actors if key in {name_words(n) for n in (a.name, *a.aliases)}]
        found = exact or [a for a in self.actors if _fits(text, key, a, self.lang)]
        if len(found) <= 1:
            return found[0] if found else None
        last = {m.actor_id: m.start for m in self.mentions if m.end <= span.start_char}
        best = max(found, key=lambda a: last.get(a.id, -1))
        return best if best.id in last else None


def _fits(text: str, key: tuple[str, ...], actor: Actor, lang: LangData | None) -> bool:
    """True when a name form can stand for the actor (surname, initial, acronym)."""
    if actor.type == "person":
        return any(person_compatible(key, name_words(n)) for n in (actor.name, *actor.aliases))
    if lang is not None and is_acronym(text):
        return any(abbreviates(text, n, lang) for n in (actor.name, *actor.aliases))
    return False


def extract_actors(doc: Doc, lang: LangData, title: str = "") -> ActorTable:
    """Actors of the document (spaCy `Doc` of the article), typed, merged, with roles and mentions.

    The article's `title` (not part of the `Doc`) tells which names the story is about.
    """
    cands = add_institutions(doc, rescue_names(doc, find_candidates(doc, lang), lang, title), lang)
    groups = group_names(doc, cands, lang)
    groups = _add_untagged_occurrences(doc, groups, lang)
    groups = _join_seats(groups, [decide_kind(doc, g, lang) for g in groups], lang)
    kinds = [decide_kind(doc, g, lang) for g in groups]
    person_words = {w for g, k in zip(groups, kinds) if k == "person" for c in g for w in name_words(c.text)}
    listed = enumerated(doc, [c for g in groups for c in g], lang)
    kept = [(g, k) for g, k in zip(groups, kinds) if is_actor(doc, g, k, person_words, lang, listed)]
    table, taken = _table(doc, kept, lang)
    return _add_descriptions(doc, table, taken, lang)


def _table(doc: Doc, groups: list[tuple[list[Candidate], str]], lang: LangData) -> tuple[ActorTable, set[int]]:
    """Actors and mentions for the kept groups, with the roles written next to their names."""
    actors: list[Actor] = []
    mentions: list[Mention] = []
    used_ids: set[str] = set()
    taken = {i for g, _ in groups for c in g for i in range(c.first, c.last)}
    for group, kind in groups:
        name = _canonical(group, lang)
        aid = unique_slug(slugify(name), used_ids)
        roles: list[str] = []
        spans = [(c.start, c.end, c.text) for c in group]
        if kind != "place":
            for c in group:
                for role in roles_of(doc, c, lang):
                    if fold(role.text) not in {fold(r) for r in roles}:
                        roles.append(role.text)
                    taken |= {t.i for t in doc.char_span(role.start, role.end, alignment_mode="expand") or ()}
                    if role.separate:
                        spans.append((role.start, role.end, role.text))
        aliases = tuple(dict.fromkeys(c.text for c in group if c.text != name))
        spans.sort()
        actors.append(
            Actor(
                id=aid,
                name=name,
                type=kind,
                aliases=aliases,
                roles=tuple(roles),
                mentions=len(spans),
                spans=tuple(Span(s, e) for s, e, _ in spans),
            )
        )
        mentions += [Mention(s, e, aid, t) for s, e, t in spans]
    mentions.sort(key=lambda m: (m.start, m.end))
    actors.sort(key=lambda a: a.spans[0].start if a.spans else 0)
    return ActorTable(tuple(actors), tuple(mentions), lang), taken


def _add_descriptions(doc: Doc, table: ActorTable, taken: set[int], lang: LangData) -> ActorTable:
    """Resolve "le président vénézuélien"-like descriptions in text order, adding mentions and roles."""
    for span in find_descriptions(doc, lang, taken):
        desc = describe(span, lang)
        if desc is None:
            continue
        actor = (_apposed_person(doc, span, table, lang) if desc.person_title else None) or resolve_description(
            desc, table.actors, table.names_before(span.start_char), table.resolve, lang
        )
        if actor is None:
            continue
        role = span[1:].text
        new_role = (
            (actor.type == "person") == desc.person_title
            and desc.head not in lang.generic_org_nouns
            and not any(set(role_words(role)) <= set(role_words(r)) for r in actor.roles)
        )
        updated = dataclasses.replace(
            actor,
            roles=actor.roles + ((role,) if new_role else ()),
            mentions=actor.mentions + 1,
            spans=tuple(sorted((*actor.spans, Span(span.start_char, span.end_char)), key=lambda s: s.start)),
        )
        mention = Mention(span.start_char, span.end_char, actor.id, span.text)
        table = ActorTable(
            tuple(updated if a.id == actor.id else a for a in table.actors),
            tuple(sorted((*table.mentions, mention), key=lambda m: (m.start, m.end))),
            lang,
        )
    return table


def _apposed_person(doc: Doc, span: SpacySpan, table: ActorTable, lang: LangData) -> Actor | None:
    """The person named right after a person title and a comma: "le directeur de l'agence, l'Italien X,".

    The title is an apposition to that name, so it is that person, not the body in its complement.
    """
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i + 1 < len(doc) and doc[i].pos_ == "DET" and lang.is_nationality(fold(doc[i + 1].text)):
        i += 2
    if i >= len(doc):
        return None
    actor = table.at(doc[i].idx, doc[i].idx + len(doc[i].text))
    return actor if actor is not None and actor.type == "person" else None


def _add_untagged_occurrences(doc: Doc, groups: list[list[Candidate]], lang: LangData) -> list[list[Candidate]]:
    """Occurrences of a known name that the model left untagged join their actor's group."""
    taken = [(c.start, c.end) for g in groups for c in g]
    out = []
    for group in groups:
        group = list(group)
        forms = {re.escape(c.text) for c in group if len(c.text) >= 3 and c.text[:1].isupper()}
        forms |= {_particle_surname(c.text, lang) for c in group if c.kind != "organization"} - {""}
        # Longest form first, so that "Julian Assange" is claimed whole before "Assange" (a set's
        # order changes from one process to the next: the briefs must not).
        for form in sorted(forms, key=lambda f: (-len(f), f)):
            for m in re.finditer(rf"(?<!\w){form}(?!\w)", text_of(doc)):
                if any(s < m.end() and m.start() < e for s, e in taken):
                    continue
                span = doc.char_span(m.start(), m.end())
                if span is None:
                    continue
                group.append(Candidate(m.start(), m.end(), m.group(), group[0].kind, span.start, span.end))
                taken.append((m.start(), m.end()))
        out.append(sorted(group, key=lambda c: c.start))
    return out


def _particle_surname(name: str, lang: LangData) -> str:
    """A pattern for the surname of a person named with a particle ("al-Baghdadi" in "Abou Bakr
    al-Baghdadi", "de Pavant" in "Kito de Pavant"), the particle capitalised too, as when the
    surname opens a sentence ("Al-Baghdadi a …", "De Pavant a …"); "" for other names."""
    words = name.split()
    if len(words) < 2:
        return ""
    at = next(
        (k for k in range(len(words) - 2, 0, -1) if fold(words[k]) in lang.name_particles and words[k][:1].islower()),
        None,
    )
    if at is not None:
        if not words[at + 1][:1].isupper():
            return ""  # "Conseil de sécurité": a common noun after the particle, no surname
        particle, rest = words[at], " " + " ".join(words[at + 1 :])
    else:
        particle, sep, rest = words[-1].partition("-")
        if not sep or fold(particle) not in lang.name_particles or not rest[:1].isupper():
            return ""
        rest = "-" + rest
    return f"[{re.escape(particle[0].lower())}{re.escape(particle[0].upper())}]{re.escape(particle[1:] + rest)}"


def _join_seats(groups: list[list[Candidate]], kinds: list[str], lang: LangData) -> list[list[Candidate]]:
    """A place acting for an institution or country ("Bruxelles a répondu", "Canberra has pledged")
    joins that actor.

    The place's group (typed an organisation: it acts) joins the group of the first name
    `seats.tsv` gives for it that the article uses; a place that is only a setting ("in
    Washington") or whose institutions the text never names stays as it is.
    """
    if not lang.seats:
        return groups
    keys = [{" ".join(name_words(c.text)) for c in g} for g in groups]
    into: dict[int, int] = {}
    for i, forms in enumerate(keys):
        seat = next((lang.seats[f] for f in forms if f in lang.seats), None)
        if seat is None or kinds[i] != "organization" or any(f not in lang.seats for f in forms):
            continue
        target = next((j for name in seat for j, other in enumerate(keys) if j != i and name in other), None)
        if target is not None and target not in into:
            into[i] = target
    out = {i: list(g) for i, g in enumerate(groups) if i not in into}
    for i, j in into.items():
        out[j] += groups[i]
    return [sorted(g, key=lambda c: c.start) for g in out.values()]


def _canonical(group: Sequence[Candidate], lang: LangData) -> str:
    """The fullest name form used in the text: not a seat, most words, no initials, longest, earliest."""

    def fullness(c: Candidate) -> tuple[int, int, int, int, int]:
        words = name_words(c.text)
        initials = sum(w.endswith(".") and len(w) <= 3 for w in words)
        seat = " ".join(words) in lang.seats
        return (not seat, not is_acronym(c.text), len(words) - initials, len(c.text), -c.start)

    return max(group, key=fullness).text


def rank_actors(table: ActorTable, quoted_actor_ids: set[str], title: str, lead_end: int) -> ActorTable:
    """The same table with `key` set on the 1-5 central actors: quoted, in the title or lead, often named.

    A place is key when it is the main setting: named twice or more, and in the title or the
    lead, or the country of a central person ("le président vénézuélien" -> Venezuela). Places
    rank after people and organisations of the same score.
    """
    title_words = set(role_words(title))
    scores: dict[str, float] = defaultdict(float)
    in_front: dict[str, bool] = {}
    for a in table.actors:
        forms = [name_words(n) for n in (a.name, *a.aliases)]
        in_title = any(f and (set(f) <= title_words) for f in forms)
        in_lead = any(s.start < lead_end for s in a.spans)
        in_front[a.id] = in_title or in_lead
        scores[a.id] = (
            3.0 * (a.id in quoted_actor_ids)
            + 3.0 * in_title
            + 1.5 * in_lead
            + min(a.mentions, 6) * 0.5
            - (0.5 if a.type == "place" else 0.0)
        )
    central = [a for a in table.actors if a.type == "person" and scores[a.id] >= 3.0]
    homes = {fold(c) for a in central for c in countries_of(a, table.lang)} if table.lang else set()
    for a in table.actors:
        if a.type == "place" and a.mentions >= 2 and (in_front[a.id] or fold(a.name) in homes):
            scores[a.id] = max(scores[a.id], 3.0)
    ranked = sorted(table.actors, key=lambda a: (-scores[a.id], a.type == "place"))
    keys = {a.id for a in ranked[:5] if scores[a.id] >= 3.0} or {a.id for a in ranked[:1]}
    actors = tuple(dataclasses.replace(a, key=a.id in keys) for a in table.actors)
    return dataclasses.replace(table, actors=actors)
