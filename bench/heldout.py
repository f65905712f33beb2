"""Ours vs trafilatura vs readability-lxml on a held-out set in score.py's layout.

Usage: .venv/bin/python bench/heldout.py --data DIR [--worst N]

DIR holds ground-truth.json ({id: {"articleBody": ...}}) and html/<id>.html.gz, like
../shared/bench/extraction/scrapinghub. Scoring is score.py's own metric (imported by path)
so figures here and from score.py agree. Extractors that are not importable are skipped;
the body-text floor (selectolax-body) is always shown. See bench/README.md for the sets.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "extraction"
sys.path.insert(0, str(ROOT))

from extraction_speed import load_score  # noqa: E402  (this folder is sys.path[0])

from monitor.extract import extract_text  # noqa: E402

Extractor = Callable[[str, str], Any]
BUILTINS = ("trafilatura", "readability-lxml", "selectolax-body")


def extractors(score: ModuleType) -> list[tuple[str, Extractor]]:
    """Ours first, then every builtin whose library imports here."""
    found: list[tuple[str, Extractor]] = [("ours", extract_text)]
    for name in BUILTINS:
        try:
            func, _version = score.BUILTINS[name]()
        except ImportError:
            print(f"({name} not installed: skipped)")
            continue
        found.append((name, func))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, required=True, help="set in score.py's layout")
    ap.add_argument("--worst", type=int, default=0, help="list our N worst pages")
    args = ap.parse_args()
    score = load_score()
    pages = score.load_pages(args.data)
    truths = [p.truth for p in pages]
    print(f"{args.data} : {len(pages)} pages")
    print(f"{'extractor':<18}{'F1':>7}{'P':>7}{'R':>7}{'empty':>7}{'ms/page':>9}")
    ours: dict[str, Any] = {}
    for name, func in extractors(score):
        outs, secs, _errs = score.run_extractor(func, pages)
        res = score.evaluate(truths, outs, bootstrap=0)
        empty = sum(1 for out in outs if not score.tokenize(out))
        ms = 1000.0 * sum(secs) / max(len(secs), 1)
        print(f"{name:<18}{res['f1']:>7.3f}{res['precision']:>7.3f}{res['recall']:>7.3f}"
              f"{empty:>7}{ms:>9.2f}")
        if name == "ours":
            ours = res
    if args.worst:
        rows = sorted(zip(pages, ours["per_page"], strict=True), key=lambda item: item[1]["f1"])
        for page, row in rows[: args.worst]:
            print(f"  {row['f1']:.3f} P={row['precision']:.2f} R={row['recall']:.2f} {page.id}")


if __name__ == "__main__":
    main()
