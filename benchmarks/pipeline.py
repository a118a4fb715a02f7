"""The whole pipeline at corpus scale: from scratch, nothing changed, one edit, the site build.

    .venv/bin/python benchmarks/pipeline.py              # 1,000 articles (make bench)
    .venv/bin/python benchmarks/pipeline.py --large      # 10,000 articles
    .venv/bin/python benchmarks/pipeline.py -n 200       # any size

A synthetic corpus of N French articles is made in a temporary project from the real texts of
../shared/eval (read there at run time, never copied into the repository), each made unique by
its title, date and a closing line. Every figure is measured in the same run, on the same texts,
and reported as a ratio or per 1,000 articles, so that it means the same on any machine:

- from scratch: `newsbrief generate` with an empty cache, against raw `nlp.pipe` of the same
  model on the same texts, in one process and over all cores (target: >= 0.85x the all-core one);
- nothing changed: `newsbrief generate` again (target: <= 1 s per 1,000 articles);
- one article edited: `newsbrief generate` (target: <= 3 s at 1,000 articles), and `mkdocs serve`
  from the file's write to the new page served by the real server (target: <= 3 s);
- the site: `mkdocs build` (and `zensical build` when installed), search-index size per 1,000
  articles, and the peak memory of each step.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from site_scale import build_times

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
BIN = Path(sys.executable).parent
MODEL = "fr_core_news_md"
# French eval folders whose texts make the corpus (the English ones would add a second model).
FOLDERS = ("articles", "wikinews-fr")
MKDOCS_YML = """\
site_name: bench
docs_dir: docs
site_dir: site
theme:
  name: material
  custom_dir: {root}/overrides
  language: fr
  font: false
plugins:
  - search
  - newsbrief:
      content_dir: content
      templates_dir: {root}/templates
      jobs: {jobs}
nav:
  - index.md
  - archive/index.md
  - briefs/index.md
  - timeline/index.md
  - actors/index.md
  - places/index.md
  - tags/index.md
not_in_nav: |
  /archive/
  /briefs/
  /actors/
  /tags/
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc:
      permalink: false
"""


@dataclass(frozen=True)
class Source:
    """One French text of the eval folders, with the metadata its article keeps."""

    title: str
    text: str
    date: str


def sources() -> list[Source]:
    """The French texts of ../shared/eval, in a fixed order."""
    found = []
    for folder in FOLDERS:
        for path in sorted((EVAL / folder).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("lang") == "fr" and data.get("text", "").strip():
                found.append(Source(data.get("title") or path.stem, data["text"], data.get("date") or "2020-01-01"))
    if not found:
        sys.exit(f"no French texts found under {EVAL}: the benchmark needs ../shared/eval beside the repository")
    return found


def make_corpus(project: Path, n: int, seed: int = 7) -> list[str]:
    """Write `n` unique articles into project/content; return their texts as the parser sees them."""
    rng = random.Random(seed)
    pool = sources()
    content = project / "content"
    content.mkdir(parents=True)
    texts = []
    for i in range(n):
        src = pool[i % len(pool)]
        day = rng.randrange(1, 28)
        date = f"{src.date[:8]}{day:02d}" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", src.date) else "2020-01-01"
        text = f"{src.text.rstrip()}\n\nDépêche numéro {i + 1} de la rédaction, mise à jour le {day} du mois.\n"
        title = f"{src.title} ({i + 1})".replace('"', "'")
        front = f'---\ntitle: "{title}"\ndate: {date}\nlang: fr\nsource: bench\n---\n\n'
        (content / f"{i + 1:05d}.md").write_text(front + text, encoding="utf-8")
        texts.append(text)
    return texts


def make_project(folder: Path, n: int, jobs: int) -> tuple[Path, list[str]]:
    """A project (mkdocs.yml and content/) using this repository's templates and theme overrides."""
    project = folder / "project"
    project.mkdir()
    (project / "mkdocs.yml").write_text(MKDOCS_YML.format(root=ROOT, jobs=jobs), encoding="utf-8")
    return project, make_corpus(project, n)


def raw_throughput(texts: Sequence[str], processes: int) -> float:
    """Seconds for raw spaCy in a fresh interpreter: load the model, then `nlp.pipe` over the
    texts with spaCy's own defaults, in `processes` processes. The interpreter's start and
    spaCy's import are left out; the model load is counted, as it is in a generation."""
    code = f"""
import json, sys, time, spacy
texts = json.load(sys.stdin)
start = time.perf_counter()
nlp = spacy.load({MODEL!r})
for _ in nlp.pipe(texts, n_process={processes}):
    pass
print(time.perf_counter() - start)
"""
    out = subprocess.run(
        [sys.executable, "-c", code], input=json.dumps(list(texts)), capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


@dataclass
class Timed:
    """Wall time and the peak resident memory of the child process, in MiB."""

    seconds: float
    peak_mib: float


def run(cmd: Sequence[str], cwd: Path) -> Timed:
    """Run a command to completion; its time and peak memory (GNU time is not needed: wait4 tells)."""
    start = time.perf_counter()
    proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    return Timed(seconds, usage.ru_maxrss / 1024)


def generate(project: Path) -> Timed:
    """`newsbrief generate` in the project, as a user runs it."""
    return run([str(BIN / "newsbrief"), "-q", "generate"], project)


def edit(path: Path, marker: str) -> None:
    """Change one article's last line, as an analyst correcting a word does."""
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"mise à jour le [^\n]*", f"mise à jour le {marker}", text), encoding="utf-8")


def free_port() -> int:
    """A TCP port free on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str | None:
    """The page at `url`, or None while the server is not ready or has no such page."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(check: Callable[[], bool], limit: float, step: float = 0.05) -> float:
    """Seconds until `check()` holds (polled every `step`); exits when `limit` passes."""
    start = time.perf_counter()
    while not check():
        if time.perf_counter() - start > limit:
            sys.exit(f"gave up after {limit:.0f} s")
        time.sleep(step)
    return time.perf_counter() - start


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`mkdocs serve` on a free port; yields the site's address once the first build is served."""
    port = free_port()
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: fetch(url) is not None, limit=1800, step=0.5)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)


def brief_page(project: Path, article: Path) -> str:
    """The address (under the site) of the brief page made from `article`."""
    docs = project / "docs" / "briefs"
    stem = article.stem
    for page in docs.glob("*.md"):
        if page.stem == stem or page.stem.startswith(stem):
            return f"briefs/{page.stem}/"
    sys.exit(f"no brief page for {article} under {docs}")


def serve_edit(project: Path, article: Path, marker: str) -> float:
    """Seconds from writing an edit of `article` to its brief page served with the edit, by `mkdocs serve`."""
    with serving(project) as url:
        page = url + brief_page(project, article)
        if fetch(page) is None:
            sys.exit(f"{page} is not served")
        edit(article, marker)
        return wait_for(lambda: marker in (fetch(page) or ""), limit=600)


def mkdocs_build(project: Path) -> Timed:
    """`mkdocs build` with every brief cached."""
    return run([str(BIN / "mkdocs"), "build", "--quiet"], project)


def search_index_mib(project: Path) -> float:
    """Size of the built site's search index."""
    index = project / "site" / "search" / "search_index.json"
    return index.stat().st_size / 2**20 if index.exists() else float("nan")


def main() -> None:
    """Build the corpus, measure each step in one run, print the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1000, help="articles in the corpus (default 1,000)")
    parser.add_argument("--large", action="store_true", help="10,000 articles")
    parser.add_argument("--jobs", type=int, default=0, help="newsbrief's processes (default: one per core)")
    parser.add_argument("--keep", type=Path, help="build the project in this (new) folder and keep it")
    args = parser.parse_args()
    n = 10_000 if args.large else args.n
    cores = os.cpu_count() or 1
    per_k = 1000 / n
    with tempfile.TemporaryDirectory(prefix="newsbrief-bench-") as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        project, texts = make_project(folder, n, args.jobs)
        words = sum(len(t.split()) for t in texts)
        print(f"{n:,} articles, {words:,} words, model {MODEL}, {cores} cores", flush=True)
        raw1 = raw_throughput(texts, 1)
        rawn = raw_throughput(texts, cores) if cores > 1 else raw1
        print(f"raw nlp.pipe: {raw1:.1f} s in 1 process, {rawn:.1f} s over {cores}", flush=True)
        scratch = generate(project)
        print(f"generate from scratch: {scratch.seconds:.1f} s", flush=True)
        nothing = generate(project)
        articles = sorted((project / "content").glob("*.md"))
        target = articles[len(articles) // 2]
        edit(target, "1er décembre")
        one = generate(project)
        build = mkdocs_build(project)
        index_mib = search_index_mib(project)
        served = serve_edit(project, target, "2 décembre")
        generate(project)  # docs/ as `newsbrief generate` leaves it, for the plugin-free builds
        sites = build_times(project)
    rows = [
        ("from scratch vs raw nlp.pipe, 1 process", f"{raw1 / scratch.seconds:.2f}x", "", scratch.peak_mib),
        (f"from scratch vs raw nlp.pipe, {cores} processes", f"{rawn / scratch.seconds:.2f}x", ">= 0.85x", None),
        ("nothing changed, per 1,000 articles", f"{nothing.seconds * per_k:.2f} s", "<= 1 s", nothing.peak_mib),
        ("one article edited: generate", f"{one.seconds:.2f} s", "<= 3 s", one.peak_mib),
        ("one article edited: mkdocs serve, write to page", f"{served:.2f} s", "<= 3 s", None),
        ("mkdocs build (all cached), per 1,000 articles", f"{build.seconds * per_k:.1f} s", "", build.peak_mib),
        ("search index, per 1,000 articles", f"{index_mib * per_k:.1f} MiB", "", None),
    ]
    rows.append(("the same pages, mkdocs build without the plugin", f"{sites['mkdocs_s'] * per_k:.1f} s", "", None))
    if sites["zensical_s"] is not None:
        rows.append(("the same pages, zensical build", f"{sites['zensical_s'] * per_k:.1f} s", "", None))
        rows.append(
            (
                "the same pages, zensical build again (its cache)",
                f"{sites['zensical_cached_s'] * per_k:.1f} s",
                "",
                None,
            )
        )
        rows.append(
            (
                "zensical search index, per 1,000 articles",
                f"{sites['zensical_search_kib'] * per_k / 1024:.1f} MiB",
                "",
                None,
            )
        )
    print(f"\n| {n:,} articles | measured | target | peak memory |\n|---|---|---|---|")
    for name, value, goal, peak in rows:
        print(f"| {name} | {value} | {goal} | {'' if peak is None else f'{peak:,.0f} MiB'} |")


if __name__ == "__main__":
    main()
