"""Editors' corrections to the actor index: `content/actors.yml`, applied after aggregation.

Extraction cannot know everything ("TVE" and "RTVE" are one broadcaster, two "Paul Martin" are
two people). The file lists actors by name and says what to do with each; the build applies it
as its own stage between aggregate and render, so briefs stay as extracted and only the corpus
(actor pages, links, index) changes. Format (documented in README.md, "Editing actors"):

    actors:
      - name: RTVE                # corpus name, alias or page id of the actor to edit
        merge: [TVE]              # other actors folded into this one
        rename: Radio Televisión Española
        type: organization        # person | organization | place
        description: Public broadcaster of Spain.
      - name: Paul Martin
        split:                    # briefs whose "Paul Martin" is someone else
          - {name: Paul Martin (footballer), briefs: [2024-05-01-match]}
      - name: Sheriff
        hide: true

An actor name that matches nothing is a warning (articles change); anything malformed is a
`ContentError` naming the file and the entry.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import RESERVED_IDS, Corpus, CorpusActor, Member, assemble, brief_ranks, build_actor, members_of
from .errors import ContentError
from .langdata import fold
from .models import ACTOR_TYPES
from .safeyaml import YamlError, load_yaml
from .text import slugify, unique_slug

log = logging.getLogger(__name__)

EDITS_FILE = "actors.yml"
_KEYS = frozenset({"name", "merge", "split", "rename", "type", "hide", "description"})
_SPLIT_KEYS = frozenset({"name", "briefs", "type", "description"})
# Makes the error of one entry from a message.
_Fail = Callable[[str], ContentError]


@dataclass(frozen=True)
class Split:
    """Appearances in some briefs that belong to another actor."""

    name: str
    briefs: tuple[str, ...]
    type: str | None = None
    description: str = ""


@dataclass(frozen=True)
class Edit:
    """What to do with one actor of the index."""

    name: str
    merge: tuple[str, ...] = ()
    split: tuple[Split, ...] = ()
    rename: str | None = None
    type: str | None = None
    hide: bool = False
    description: str = ""
    # Where the entry is written, for messages: "content/actors.yml, entry 2 (RTVE)".
    where: str = ""


def load_edits(path: Path) -> tuple[Edit, ...]:
    """The edits written in `path`; none when the file does not exist.

    Raises `ContentError` (naming the file and the entry) for malformed YAML or entries.
    """
    if not path.is_file():
        return ()
    try:
        raw = load_yaml(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ContentError(f"is not valid UTF-8 (byte {exc.start}): save it as UTF-8", path) from exc
    except YamlError as exc:
        raise ContentError(str(exc), path) from exc
    if raw is None:
        return ()
    if not isinstance(raw, Mapping) or set(raw) - {"actors"}:
        raise ContentError("expected one top-level key, `actors:`, holding a list of entries", path)
    entries = raw.get("actors") or []
    if not isinstance(entries, list):
        raise ContentError("`actors:` must be a list of entries (`- name: …`)", path)
    return tuple(_edit(entry, i + 1, path) for i, entry in enumerate(entries))


def _edit(entry: Any, number: int, path: Path) -> Edit:
    """One entry of the file, checked."""
    label = f"entry {number}"
    if isinstance(entry, Mapping) and isinstance(entry.get("name"), str):
        label += f" ({entry['name']})"

    def fail(message: str) -> ContentError:
        return ContentError(f"{label}: {message}", path)

    if not isinstance(entry, Mapping):
        raise fail("must be a mapping with at least `name:`")
    unknown = set(entry) - _KEYS
    if unknown:
        raise fail(f"unknown key(s) {', '.join(sorted(map(str, unknown)))}; allowed: {', '.join(sorted(_KEYS))}")
    name = _required_text(entry.get("name"), "name", fail)
    merge = entry.get("merge") or []
    if isinstance(merge, str):
        merge = [merge]
    if not isinstance(merge, list) or not all(isinstance(m, str) and m.strip() for m in merge):
        raise fail("`merge:` must be a name or a list of names")
    hide = entry.get("hide", False)
    if not isinstance(hide, bool):
        raise fail("`hide:` must be true or false")
    splits = entry.get("split") or []
    if not isinstance(splits, list):
        raise fail("`split:` must be a list of {name, briefs}")
    return Edit(
        name=name,
        merge=tuple(m.strip() for m in merge),
        split=tuple(_split(s, fail) for s in splits),
        rename=_text(entry.get("rename"), "rename", fail),
        type=_type(entry.get("type"), fail),
        hide=hide,
        description=_text(entry.get("description"), "description", fail) or "",
        where=f"{path}, {label}",
    )


def _split(raw: Any, fail: _Fail) -> Split:
    """One `split:` item, checked."""
    if not isinstance(raw, Mapping) or set(raw) - _SPLIT_KEYS:
        raise fail(f"each `split:` item is a mapping of {', '.join(sorted(_SPLIT_KEYS))}")
    briefs = raw.get("briefs")
    if isinstance(briefs, str):
        briefs = [briefs]
    if not isinstance(briefs, list) or not briefs or not all(isinstance(b, str) for b in briefs):
        raise fail("each `split:` item needs `briefs:`, a list of brief ids")
    return Split(
        _required_text(raw.get("name"), "split name", fail),
        tuple(briefs),
        _type(raw.get("type"), fail),
        _text(raw.get("description"), "description", fail) or "",
    )


def _text(value: Any, key: str, fail: _Fail) -> str | None:
    """A non-empty string, or None when absent."""
    return None if value is None else _required_text(value, key, fail)


def _required_text(value: Any, key: str, fail: _Fail) -> str:
    """A non-empty string; anything else is an error naming the key."""
    if not isinstance(value, str) or not value.strip():
        raise fail(f"`{key}:` must be a non-empty text")
    return value.strip()


def _type(value: Any, fail: _Fail) -> str | None:
    """An actor type, or None."""
    if value is None:
        return None
    if value not in ACTOR_TYPES:
        raise fail(f"`type:` must be one of {', '.join(ACTOR_TYPES)}, not {value!r}")
    return str(value)


def apply_edits(corpus: Corpus, edits: tuple[Edit, ...]) -> Corpus:
    """Take the aggregated corpus and the editors' edits; return the corrected corpus.

    Edits apply in file order. Each actor is rebuilt from the brief actors it is made of, so
    aliases, roles, quotes and co-mentions stay consistent with the briefs.
    """
    if not edits:
        return corpus
    # Page id -> (members, name, type, description); the dict keeps the corpus order.
    state: dict[str, _Draft] = {a.id: _Draft(members_of(corpus, a), a) for a in corpus.actors}
    for edit in edits:
        target = _find(state, edit.name, edit.where)
        if target is None:
            continue
        draft = state[target]
        for other_name in edit.merge:
            other = _find(state, other_name, edit.where)
            if other is None or other == target:
                continue
            if state[other].type != draft.type and not edit.type:
                # "a person merged into a place" is a slip, unless the entry says what the result is.
                log.warning(
                    "%s: %s is a %s and %s a %s: not merged (set `type:` to merge them anyway)",
                    edit.where,
                    other_name,
                    state[other].type,
                    edit.name,
                    draft.type,
                )
                continue
            draft.members += state.pop(other).members
        for split in edit.split:
            moved = [m for m in draft.members if m[0].id in split.briefs]
            if not moved:
                log.warning("%s: %s appears in none of the briefs %s", edit.where, edit.name, ", ".join(split.briefs))
                continue
            draft.members = [m for m in draft.members if m[0].id not in split.briefs]
            new_id = unique_slug(slugify(split.name, fallback="actor"), {*state, *RESERVED_IDS})
            state[new_id] = _Draft(moved, None, split.name, split.type, split.description)
        taken = edit.rename and next(
            (d.name for pid, d in state.items() if pid != target and fold(d.name) == fold(edit.rename)), None
        )
        if taken:
            # Two actors with one name would share a page title and confuse every look-up.
            log.warning("%s: another actor is already called %r: not renamed (merge them instead)", edit.where, taken)
        else:
            draft.name = edit.rename or draft.name
        draft.type = edit.type or draft.type
        draft.description = edit.description or draft.description
        if edit.hide:
            del state[target]
    kept = {pid: d for pid, d in state.items() if d.members}
    used = {pid for pid, d in kept.items() if not d.renamed} | RESERVED_IDS
    rank = brief_ranks(corpus.briefs)
    actors = []
    for page_id, draft in kept.items():
        if draft.renamed:
            # A new name is a new page address; an id another actor keeps is not taken over.
            page_id = unique_slug(slugify(draft.name, fallback="actor"), used)
        actors.append(
            build_actor(
                page_id,
                draft.members,
                rank,
                name=draft.name,
                type=draft.type,
                description=draft.description,
                site_lang=corpus.site_lang,
            )
        )
    return assemble(corpus.briefs, actors, corpus.site_lang)


class _Draft:
    """A corpus actor being edited: its brief actors and what the editor set."""

    def __init__(
        self,
        members: list[Member],
        actor: CorpusActor | None,
        name: str = "",
        type: str | None = None,
        description: str = "",
    ) -> None:
        self.members = members
        self.original = actor.name if actor is not None else name
        self.name = actor.name if actor is not None else name
        self.type = type or (actor.type if actor is not None else None)
        self.description = description or (actor.description if actor is not None else "")

    @property
    def renamed(self) -> bool:
        """True when the page address must follow a new name."""
        return self.name != self.original


def _find(state: Mapping[str, _Draft], name: str, where: str) -> str | None:
    """The page id of the actor called `name` (page id, name or alias); warns when none or several."""
    if name in state:
        return name
    key = fold(name)
    by_name = [pid for pid, d in state.items() if fold(d.name) == key]
    if not by_name:
        by_name = [
            pid for pid, d in state.items() if any(key in {fold(a.name), *map(fold, a.aliases)} for _, a in d.members)
        ]
    if len(by_name) == 1:
        return by_name[0]
    if by_name:
        log.warning("%s: %r names several actors (%s); use a page id", where, name, ", ".join(by_name))
    else:
        log.warning("%s: no actor is called %r; entry ignored", where, name)
    return None
