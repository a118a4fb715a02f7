"""How the site scales: build time and search-index size, for the sample content and synthetic corpora.

    .venv/bin/python benchmarks/site_scale.py            # sample content, then 250, 500, 1000 briefs
    .venv/bin/python benchmarks/site_scale.py 1000 2000  # chosen sizes

Synthetic briefs are built directly as `Brief` objects (no spaCy): each has a few paragraphs of
text, actors with spans drawn from a pool that grows with the corpus, quotes and a statement.
They are rendered and written like real ones, then MkDocs builds them with the project's
mkdocs.yml (the newsbrief plugin left out, since the pages are already written).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.config import Config  # noqa: E402
from generator.corpus import aggregate  # noqa: E402
from generator.models import Actor, Brief, Quote, Span, Statement  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.write import write_pages  # noqa: E402

FIRST = "Ana Marc Léa Paul Inès Hugo Nora Yann Zoé Omar Eva Luc".split()
LAST = "Martin Bernard Dubois Thomas Robert Petit Durand Leroy Moreau Simon Laurent Michel".split()
PLACES = "Lyon Paris Lille Nantes Rennes Brest Nice Metz Dijon Tours Caen Reims".split()


def synthetic(n: int, seed: int = 1) -> list[Brief]:
    """`n` briefs with about n/2 distinct people and a fixed set of places."""
    rng = random.Random(seed)
    people = [
        f"{FIRST[i % 12]} {LAST[(i // 12) % 12]}{'' if i < 144 else f' {i // 144}'}" for i in range(max(20, n // 2))
    ]
    briefs = []
    for i in range(n):
        who = rng.sample(people, 4)
        where = rng.choice(PLACES)
        parts: list[str] = []
        spans: dict[str, list[Span]] = {name: [] for name in (*who, where)}
        quotes, statements = [], []
        offset = 0
        for k in range(4):
            name = who[k]
            sentence = f"{name} est à {where} pour la réunion numéro {i}. "
            spans[name].append(Span(offset, offset + len(name)))
            spans[where].append(Span(offset + len(name) + 8, offset + len(name) + 8 + len(where)))
            said = f"Nous voulons un accord durable sur le dossier {k}, et vite"
            quote = f"« {said} », a déclaré {name}."
            q_start = offset + len(sentence) + 2
            quotes.append(Quote(said, q_start, q_start + len(said), speaker=f"p{k}", cue="a déclaré", confidence=0.9))
            paragraph = sentence + quote + " Les discussions se poursuivent dans la soirée, selon les participants."
            parts.append(paragraph)
            offset += len(paragraph) + 2
        statements.append(Statement("que le dossier avancerait", 0, 10, speaker="p0", cue="a assuré"))
        actors = tuple(
            Actor(f"p{k}", name, "person", mentions=len(spans[name]), key=k < 2, spans=tuple(spans[name]))
            for k, name in enumerate(who)
        )
        actors += (Actor("place", where, "place", mentions=len(spans[where]), spans=tuple(spans[where])),)
        briefs.append(
            Brief(
                id=f"brief-{i:05d}",
                title=f"Réunion {i} à {where}",
                lang="fr",
                path=f"brief-{i}.md",
                text="\n\n".join(parts),
                summary=parts[0],
                date=f"20{10 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                source="Journal synthétique",
                url=f"https://example.org/{i}",
                tags=(where, f"thème {i % 7}"),
                actors=actors,
                quotes=tuple(quotes),
                statements=tuple(statements),
            )
        )
    return briefs


def mkdocs_config(tmp: Path, *, with_plugin: bool) -> Path:
    """The project's mkdocs.yml writing under `tmp` (plugin kept for the sample content only)."""
    data = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    data["docs_dir"] = str(tmp / "docs")
    data["site_dir"] = str(tmp / "site")
    data["theme"]["custom_dir"] = str(ROOT / data["theme"]["custom_dir"])
    plugins = []
    for plugin in data["plugins"]:
        if isinstance(plugin, dict) and "newsbrief" in plugin:
            if not with_plugin:
                continue
            plugin["newsbrief"].update(
                content_dir=str(ROOT / "content"),
                templates_dir=str(ROOT / "templates"),
                cache_dir=str(ROOT / ".cache" / "newsbrief"),
            )
        plugins.append(plugin)
    data["plugins"] = plugins
    (tmp / "docs").mkdir(exist_ok=True)
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def mkdocs_build(config_file: Path) -> float:
    """Seconds taken by `mkdocs build` (strict)."""
    start = time.perf_counter()
    config = load_config(str(config_file), strict=True)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return time.perf_counter() - start


def report(label: str, tmp: Path, render: float, total: float) -> None:
    """One line of results."""
    index = tmp / "site" / "search" / "search_index.json"
    pages = sum(1 for _ in (tmp / "site").rglob("*.html"))
    print(
        f"{label:>18} | {pages:6d} pages | render+write {render:6.2f} s | mkdocs build {total:6.2f} s"
        f" | search index {index.stat().st_size / 1024:8.1f} KiB",
        flush=True,
    )


def main(sizes: list[int]) -> None:
    """Measure the sample content, then each synthetic size."""
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        total = mkdocs_build(mkdocs_config(tmp, with_plugin=True))
        report("sample content", tmp, 0.0, total)
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            config_file = mkdocs_config(tmp, with_plugin=False)
            start = time.perf_counter()
            pages = render_site(aggregate(synthetic(n)), Config(templates_dir=ROOT / "templates"))
            write_pages(pages, tmp / "docs")
            render = time.perf_counter() - start
            report(f"{n} briefs", tmp, render, mkdocs_build(config_file))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 500, 1000])
