"""STUB (render helper replaces): aggregate briefs into one corpus."""
from dataclasses import dataclass
from .models import Brief

@dataclass(frozen=True)
class Corpus:
    briefs: tuple[Brief, ...]

def aggregate(briefs: list[Brief]) -> Corpus:
    return Corpus(tuple(briefs))
