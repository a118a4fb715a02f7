"""Quality benchmark: score newsbrief against hand-annotated articles with the shared scorer.

Two sets: ../shared/eval/articles (the shared annotated articles) and benchmarks/articles (our own
development set, written blind to the system to check that rules generalise). For each set the
scorer runs once for all articles and once per language.
Usage: python benchmarks/quality.py [--verbose] [--gold DIR ...]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
SCORER = SHARED_EVAL / "score.py"
DEV_SET = ROOT / "benchmarks" / "articles"


def score(gold: Path, lang: str | None, verbose: bool) -> str:
    """The scorer's output for one language (or all)."""
    newsbrief = Path(sys.executable).parent / "newsbrief"
    cmd = [sys.executable, str(SCORER), "--gold", str(gold),
           "--cmd", f"{newsbrief} brief --json --no-cache"]
    if lang:
        cmd += ["--lang", lang]
    if verbose:
        cmd.append("--verbose")
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if result.returncode != 0:
        raise SystemExit(f"scorer failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def main() -> None:
    """Print the figures for all articles, then French, then English."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--gold", type=Path, nargs="+", default=[SHARED_EVAL / "articles", DEV_SET])
    parser.add_argument("--verbose", action="store_true", help="List misses and wrong speakers.")
    args = parser.parse_args()
    if not SCORER.is_file():
        raise SystemExit(f"{SCORER}: the shared scorer is not there (../shared/eval beside the repo)")
    for gold in args.gold:
        if not gold.is_dir() or not any(gold.glob("*.json")):
            print(f"{gold}: no annotated articles, skipped", file=sys.stderr)
            continue
        for lang in (None, "fr", "en"):
            print(f"=== {gold.relative_to(gold.parent.parent)} — {lang or 'all'} ===")
            print(score(gold, lang, args.verbose))


if __name__ == "__main__":
    main()
