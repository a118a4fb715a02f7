"""Reported speech without quote marks: "Maduro a expliqué qu'il avait tenté …".

A statement is what someone said or holds, given in the writer's words: the content clause of a
speech or opinion verb (« a expliqué que … », "said the plan …"), its infinitive (« a promis de
… »), its nominal object (« a annoncé sa démission »), the object of its preposition (« a parlé
de … »), the attribute of « se dire » (« s'est dit satisfait »), a clause with a speech verb in
an incise (« …, a-t-il précisé »), or a clause credited to a source (« selon X, … »). The
speaker comes from the same speaker finder and preposition reading as direct quotes.

Words quoted in full are direct quotes and are not repeated here; a clause that only quotes a
few words (« a dit qu'il « refuse » ») is one statement.

`ReportedSpeech` gathers two strategies that read the document through `StatementWindow`
(`statement_window.py`) and never call one another: `verb_statements.py`, what a verb reports,
and `sourced_statements.py`, what a source is credited with.
"""

from __future__ import annotations

from ..models import Quote, Statement
from .sourced_statements import SourcedStatements
from .statement_window import _Found
from .verb_statements import VerbStatements

# A statement that is this much direct quote (by characters) is that quote again.
_QUOTED_SHARE = 0.85


class ReportedSpeech(VerbStatements, SourcedStatements):
    """Statements of one document, read from the parse around speech verbs and sources."""

    def statements(self, quotes: list[Quote]) -> list[Statement]:
        """Every statement outside direct quotes, one per content span, in text order."""
        found: list[_Found] = []
        for tok in self.doc:
            if self.finder.in_quote(tok.idx):
                continue
            if tok.pos_ in ("VERB", "AUX") or self._participle(tok):
                found.extend(self._verb_statements(tok))
        found.extend(self._sourced())
        found.extend(self._pointed())
        found.extend(self._continued(found))
        return self._kept(found, quotes)

    def _kept(self, found: list[_Found], quotes: list[Quote]) -> list[Statement]:
        """One statement per span (the first found wins overlaps), none that repeats a direct quote."""
        text = self.text
        out: list[Statement] = []
        taken: list[tuple[int, int]] = []
        for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
            if any(s < f.end and f.start < e for s, e in taken):
                continue
            quoted = sum(max(0, min(q.end, f.end) - max(q.start, f.start)) for q in quotes)
            if quoted >= _QUOTED_SHARE * (f.end - f.start):
                continue
            taken.append((f.start, f.end))
            actor = f.speaker.actor
            out.append(
                Statement(
                    text=text[f.start : f.end],
                    start=f.start,
                    end=f.end,
                    speaker=actor.id if actor else None,
                    speaker_name=actor.name if actor else None,
                    cue=f.cue,
                    speaker_desc=None if actor else f.desc,
                )
            )
        return out
