"""How the site scales: build time and search-index size, for the sample content and synthetic corpora.

    .venv/bin/python benchmarks/site_scale.py            # sample content, then 250, 500, 1000 briefs
    .venv/bin/python benchmarks/site_scale.py 1000 2000  # chosen sizes

Synthetic briefs are built directly as `Brief` objects (no spaCy): each has a few paragraphs of
text, actors with spans drawn from a pool that grows with the corpus, quotes and a statement.
They are rendered and written like real ones, then `build_times` builds the written pages with the
project's mkdocs.yml twice, each in its own process: `mkdocs build` (the newsbrief plugin left
out, since the pages are already written) and, when it is installed, `zensical build` (clean, then
again with its cache). Wall-clock seconds and the CPU seconds of the build process are both shown:
on a busy machine the CPU time is the steadier figure.
"""

from __future__ import annotations

import importlib.util
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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
            at = offset + len(name) + len(" est à ")
            spans[where].append(Span(at, at + len(where)))
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
    # Relative to the file: Zensical 0.0.73 panics on an absolute docs_dir.
    data["docs_dir"] = "docs"
    data["site_dir"] = "site"
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


def zensical_installed() -> bool:
    """Whether `zensical build` can run in this Python environment."""
    return importlib.util.find_spec("zensical") is not None


def _timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """Run `command` to completion: its wall-clock seconds and the CPU seconds it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _plugin_free_config(project: Path, config_file: str, site_dir: str) -> Path:
    """A copy of the project's mkdocs.yml, beside it, without the newsbrief plugin, building into `site_dir`."""
    data = yaml.safe_load((project / config_file).read_text(encoding="utf-8"))
    data["plugins"] = [
        p for p in data.get("plugins", []) if not (p == "newsbrief" or isinstance(p, dict) and "newsbrief" in p)
    ]
    data["site_dir"] = site_dir
    path = project / f".{site_dir}.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _kib(path: Path) -> float:
    """Size of a file in KiB."""
    return path.stat().st_size / 1024


def build_times(project: Path, config_file: str = "mkdocs.yml") -> dict[str, Any]:
    """Build `project`, whose docs folder is already written (`newsbrief generate`), with MkDocs and Zensical.

    Each build runs in its own process from the project's mkdocs.yml (newsbrief plugin left out)
    and writes its own folder, `site-mkdocs/` and `site-zensical/`. Returns seconds (wall-clock,
    and CPU of the build process), pages built and search-index sizes; the `zensical_*` values are
    None when Zensical is not installed. `zensical_cached_s` is a second build, with Zensical's cache.
    """
    results: dict[str, Any] = {}
    for tool in ("mkdocs", "zensical"):
        site = project / f"site-{tool}"
        shutil.rmtree(site, ignore_errors=True)
        if tool == "zensical" and not zensical_installed():
            results.update(zensical_s=None, zensical_cpu_s=None, zensical_cached_s=None)
            results.update(zensical_pages=None, zensical_search_kib=None)
            continue
        config = _plugin_free_config(project, config_file, site.name)
        try:
            if tool == "mkdocs":
                wall, cpu = _timed([sys.executable, "-m", "mkdocs", "build", "-q", "-f", config.name], project)
                index = site / "search" / "search_index.json"
            else:
                command = [sys.executable, "-m", "zensical", "build", "-f", config.name]
                wall, cpu = _timed([*command, "--clean"], project)
                results.update(zensical_s=wall, zensical_cpu_s=cpu, zensical_cached_s=_timed(command, project)[0])
                index = site / "search.json"
        finally:
            config.unlink()
        results[f"{tool}_s"], results[f"{tool}_cpu_s"] = wall, cpu
        results[f"{tool}_pages"] = sum(1 for _ in site.rglob("*.html"))
        results[f"{tool}_search_kib"] = _kib(index)
    return results


def report(label: str, render: float, times: dict[str, Any]) -> None:
    """One line of results."""
    zensical = (
        f"zensical {times['zensical_s']:6.2f} s (cpu {times['zensical_cpu_s']:6.2f}, cached {times['zensical_cached_s']:5.2f})"
        f" index {times['zensical_search_kib']:7.1f} KiB"
        if times["zensical_s"] is not None
        else "zensical not installed"
    )
    print(
        f"{label:>16} | {times['mkdocs_pages']:5d} pages | render+write {render:5.2f} s"
        f" | mkdocs {times['mkdocs_s']:6.2f} s (cpu {times['mkdocs_cpu_s']:6.2f}) index {times['mkdocs_search_kib']:7.1f} KiB"
        f" | {zensical}",
        flush=True,
    )


def main(sizes: list[int]) -> None:
    """Measure the sample content, then each synthetic size."""
    import logging

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        total = mkdocs_build(mkdocs_config(tmp, with_plugin=True))  # the plugin writes docs/
        print(f"{'sample content':>16} | mkdocs build with the newsbrief plugin {total:6.2f} s", flush=True)
        report("sample content", 0.0, build_times(tmp))
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d)
            mkdocs_config(tmp, with_plugin=False)
            start = time.perf_counter()
            pages = render_site(aggregate(synthetic(n)), Config(templates_dir=ROOT / "templates"))
            write_pages(pages, tmp / "docs")
            render = time.perf_counter() - start
            report(f"{n} briefs", render, build_times(tmp))


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [250, 500, 1000])
