"""Side-by-side speed and quality of our extractor and trafilatura on the extraction bench.

Usage: .venv/bin/python bench/extraction_speed.py [--limit N] [--repeat R]

Loads the ScrapingHub pages once (../shared/bench/extraction), times each extractor over
the same pages in one process (best mean of R rounds), and scores both with score.py's own
metric, so the ratio is measured on the same machine in the same run.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "extraction"
sys.path.insert(0, str(ROOT))

from monitor.extract import extract_text  # noqa: E402

Extractor = Callable[[str, str], str]


def load_score() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", BENCH / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {BENCH / 'score.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def trafilatura_extractor() -> Extractor | None:
    try:
        import trafilatura
    except ImportError:
        return None

    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, include_comments=False) or ""

    return run


def timed(func: Extractor, pages: list, repeat: int) -> tuple[list[str], float]:
    """Outputs and the best mean milliseconds per page over ``repeat`` rounds."""
    func(pages[0].html, pages[0].url)  # warm-up: lazy imports, caches
    best = float("inf")
    outs: list[str] = []
    for _ in range(repeat):
        outs = []
        start = time.perf_counter()
        for page in pages:
            try:
                outs.append(func(page.html, page.url) or "")
            except Exception:
                outs.append("")
        best = min(best, (time.perf_counter() - start) * 1000 / len(pages))
    return outs, best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    score = load_score()
    pages = score.load_pages(BENCH / "scrapinghub", args.limit)
    truths = [p.truth for p in pages]
    runs: list[tuple[str, Extractor]] = [("monitor", extract_text)]
    traf = trafilatura_extractor()
    if traf is not None:
        runs.append(("trafilatura", traf))
    print(f"pages: {len(pages)}")
    print(f"{'extractor':<12} {'F1':>6} {'P':>6} {'R':>6} {'empty':>5} {'ms/page':>8}")
    ms: dict[str, float] = {}
    for name, func in runs:
        outs, ms[name] = timed(func, pages, args.repeat)
        res = score.evaluate(truths, outs, bootstrap=0)
        empty = sum(not score.tokenize(o) for o in outs)
        print(f"{name:<12} {res['f1']:6.3f} {res['precision']:6.3f} {res['recall']:6.3f} "
              f"{empty:5d} {ms[name]:8.2f}")
    if "trafilatura" in ms:
        print(f"ratio monitor/trafilatura: {ms['monitor'] / ms['trafilatura']:.3f}")
    else:
        print("trafilatura not installed: no ratio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
