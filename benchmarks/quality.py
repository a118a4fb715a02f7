"""Quality benchmark: score newsbrief against the hand-annotated articles in ../shared/eval.

Runs the shared scorer once for all articles and once per language, and prints its figures.
Usage: python benchmarks/quality.py [--verbose] [--gold DIR]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"


def score(gold: Path, lang: str | None, verbose: bool) -> str:
    """The scorer's output for one language (or all)."""
    newsbrief = Path(sys.executable).parent / "newsbrief"
    cmd = [sys.executable, str(gold.parent / "score.py"), "--gold", str(gold),
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
    parser.add_argument("--gold", type=Path, default=SHARED_EVAL / "articles")
    parser.add_argument("--verbose", action="store_true", help="List misses and wrong speakers.")
    args = parser.parse_args()
    if not args.gold.is_dir():
        raise SystemExit(f"{args.gold}: annotated articles not found (../shared/eval beside the repo)")
    for lang in (None, "fr", "en"):
        print(f"=== {lang or 'all'} ===")
        print(score(args.gold, lang, args.verbose))


if __name__ == "__main__":
    main()
