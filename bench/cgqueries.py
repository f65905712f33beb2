"""Instructions per page spent in each lexbor query (css, css_first, any_matches) the
extractor makes, by selector: deterministic (callgrind), and for every query at once,
where bench/cgstages.py counts the Python functions one names.

    .venv/bin/python bench/cgqueries.py --pages 30
    .venv/bin/python bench/cgqueries.py --pages 30 --synth /work/bench-site/seed2025-20x250/pages

Two runs of the same pages (bench/cgstages.py's choice of them): one under gdb, which
prints each selector as lexbor's selector parser receives it, one under callgrind, which
dumps its counters before each parse and after each search; the n-th dump pair is the
n-th selector's query (its selector parsed, the tree searched, the nodes found made
Python objects). Selectolax parses the selector anew at every query, so a selector's
fixed cost is part of each. Needs gdb and valgrind.
"""

from __future__ import annotations

import argparse
import collections
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MARK = "#cgqueries-start"  # the query between the warm-up pages and the counted ones
GDB = """set pagination off
set breakpoint pending on
break lxb_css_selectors_parse
commands
silent
printf "QUERY %s\\n", $rsi
continue
end
run
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=30, help="pages run (after two warm-up runs)")
    ap.add_argument("--synth", metavar="DIR", help="extract() over a synthetic site's pages")
    ap.add_argument("--top", type=int, default=25, help="selectors listed")
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        _inner(args)
        return
    run = [sys.executable, __file__, "--inner", "--pages", str(args.pages)]
    run += ["--synth", args.synth] if args.synth else []
    env = {"PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as work:
        script = Path(work) / "gdb.cmd"
        script.write_text(GDB)
        out = subprocess.run(["gdb", "-q", "-batch", "-x", str(script), "--args", *run],
                             env=env, capture_output=True, text=True, check=True).stdout
        selectors = [line[6:] for line in out.splitlines() if line.startswith("QUERY ")]
        subprocess.run(["valgrind", "--tool=callgrind", "--dump-before=lxb_css_selectors_parse",
                        "--dump-after=lxb_selectors_find", f"--callgrind-out-file={work}/cg",
                        *run], env=env, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        costs = [cost for event, cost in map(_event, sorted(
            Path(work).glob("cg.*"), key=lambda f: int(f.suffix[1:]))) if event == "after"]
    _report(selectors, costs, args.pages, args.top)


def _inner(args: argparse.Namespace) -> None:
    """The pages, each run once, the two warm-up ones before a query of MARK."""
    sys.path.insert(0, str(ROOT / "bench"))
    from cgstages import _pages  # (the same pages, read the same way)
    from selectolax.lexbor import LexborHTMLParser

    from monitor import extract as ex
    run = ex.extract if args.synth else ex.extract_text
    for index, (html, url) in enumerate(_pages(args.synth, args.pages + 2)):
        if index == 2:
            LexborHTMLParser("<p>").css(MARK)
        try:
            run(html, url)
        except Exception:  # (a page that fails counts as far as it got)
            continue


def _event(path: Path) -> tuple[str | None, int]:
    """Whether a dump came before a parse or after a search, and the instructions since
    the last dump."""
    event, cost = None, 0
    with path.open() as lines:
        for line in lines:
            if line.startswith("desc: Trigger:"):
                event = "after" if "dump-after" in line else "before"
            elif line.startswith("summary:"):
                cost = int(line.split()[1])
                break
    return event, cost


def _report(selectors: list[str], costs: list[int], pages: int, top: int) -> None:
    """Per selector: instructions a page, queries a page, instructions a query (those
    before MARK's, the warm-up pages', left out)."""
    if len(selectors) != len(costs) or MARK not in selectors:
        sys.exit(f"{len(selectors)} selectors but {len(costs)} query costs: runs differ")
    skip = selectors.index(MARK) + 1
    total: collections.Counter[str] = collections.Counter()
    count: collections.Counter[str] = collections.Counter()
    for selector, cost in list(zip(selectors, costs, strict=True))[skip:]:
        total[selector] += cost
        count[selector] += 1
    print(f"{sum(total.values()) / pages / 1e3:10.0f}k instructions a page in "
          f"{sum(count.values()) / pages:.1f} queries")
    for selector, cost in total.most_common(top):
        print(f"{cost / pages / 1e3:10.1f}k  {count[selector] / pages:5.2f}/page"
              f"  {cost / count[selector] / 1e3:8.1f}k/query  {selector[:100]}")


if __name__ == "__main__":
    main()
