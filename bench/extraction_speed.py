"""Side-by-side speed and quality of our extractor and trafilatura on the extraction bench.

Usage: .venv/bin/python bench/extraction_speed.py [--limit N] [--repeat R]

Loads the ScrapingHub pages once (../shared/bench/extraction), times each extractor over
the same pages in one process (best mean of R rounds), and scores both with score.py's own
metric, so the ratio is measured on the same machine in the same run.
"""

from __future__ import annotations

import argparse
import gc
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


def baseline_extractor(src: Path) -> Extractor:
    """``extract_text`` of another source tree (e.g. ``git archive`` of an earlier commit).

    Imported under its own module objects, then the cache is cleared so that this tree's
    ``monitor`` stays the one imported above; both live in one process and are timed in
    alternating rounds, so the machine's load weighs on both alike.
    """
    saved = {k: v for k, v in sys.modules.items() if k == "monitor" or k.startswith("monitor.")}
    for name in saved:
        del sys.modules[name]
    sys.path.insert(0, str(src))
    try:
        module = importlib.import_module("monitor.extract")
    finally:
        sys.path.remove(str(src))
        for name in [k for k in sys.modules if k == "monitor" or k.startswith("monitor.")]:
            del sys.modules[name]
        sys.modules.update(saved)
    func: Extractor = module.extract_text
    return func


def _one_round(func: Extractor, pages: list) -> tuple[list[str], float]:
    # the garbage the previous extractor left is collected before the clock starts: collected
    # during the round, trafilatura's charged ours ~3-7% when ours ran just after it
    gc.collect()
    outs: list[str] = []
    start = time.perf_counter()
    for page in pages:
        try:
            outs.append(func(page.html, page.url) or "")
        except Exception:
            outs.append("")
    return outs, (time.perf_counter() - start) * 1000 / len(pages)


def timed(runs: list[tuple[str, Extractor]], pages: list, repeat: int
          ) -> dict[str, tuple[list[str], float]]:
    """Outputs and the best mean milliseconds per page of each extractor over ``repeat``
    rounds, the extractors taking turns within each round."""
    for _name, func in runs:
        func(pages[0].html, pages[0].url)  # warm-up: lazy imports, caches
    best: dict[str, tuple[list[str], float]] = {}
    for _ in range(repeat):
        for name, func in runs:
            outs, ms = _one_round(func, pages)
            if name not in best or ms < best[name][1]:
                best[name] = (outs, ms)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline-src", type=Path,
                        help="folder holding an earlier monitor/ package, timed alongside")
    args = parser.parse_args()
    score = load_score()
    pages = score.load_pages(BENCH / "scrapinghub", args.limit)
    truths = [p.truth for p in pages]
    runs: list[tuple[str, Extractor]] = [("monitor", extract_text)]
    if args.baseline_src:
        runs.append(("baseline", baseline_extractor(args.baseline_src)))
    traf = trafilatura_extractor()
    if traf is not None:
        runs.append(("trafilatura", traf))
    print(f"pages: {len(pages)}")
    print(f"{'extractor':<12} {'F1':>6} {'P':>6} {'R':>6} {'empty':>5} {'ms/page':>8}")
    ms: dict[str, float] = {}
    for name, (outs, ms[name]) in timed(runs, pages, args.repeat).items():
        res = score.evaluate(truths, outs, bootstrap=0)
        empty = sum(not score.tokenize(o) for o in outs)
        print(f"{name:<12} {res['f1']:6.3f} {res['precision']:6.3f} {res['recall']:6.3f} "
              f"{empty:5d} {ms[name]:8.2f}")
    if "baseline" in ms:
        print(f"ratio monitor/baseline: {ms['monitor'] / ms['baseline']:.3f}")
    if "trafilatura" in ms:
        print(f"ratio monitor/trafilatura: {ms['monitor'] / ms['trafilatura']:.3f}")
    else:
        print("trafilatura not installed: no ratio")
    return 0


if __name__ == "__main__":
    sys.exit(main())
