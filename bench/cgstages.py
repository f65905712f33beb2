"""Instructions per page spent in chosen functions of the extractor, counted by callgrind:
deterministic where timings on a shared machine are not, and finer than the whole-run total
of cgx-style runs (a function's count includes what it calls; "self" leaves out the other
chosen functions it calls).

    .venv/bin/python bench/cgstages.py monitor.dom:remove_boilerplate monitor.voting:read
    .venv/bin/python bench/cgstages.py --pages 20 --synth /work/bench-site/seed2025-20x250/pages \\
        monitor.metadata:find_published monitor.dates:declared

Each ``module:function`` is replaced, in its module, by a wrapper that asks callgrind to
dump its counters on entry and on exit (a client request from a small C library built on
the fly: gcc and valgrind's headers); the dumps between two events are the cost of the
innermost chosen function running. A wrapped call costs ~3,000 instructions of its own;
functions called many times a page read high by that much a call. A function that other
project modules imported by name (``from monitor.pageparse import parse``) is wrapped
there too, under the one label: their calls look the name up in their own module.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import ctypes
import functools
import glob
import gzip
import importlib
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SCRAPINGHUB = ROOT.parent / "shared" / "bench" / "extraction" / "scrapinghub" / "html"
SHIM = "#include <valgrind/callgrind.h>\nvoid cg_dump(const char *s) { CALLGRIND_DUMP_STATS_AT(s); }\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("functions", nargs="+", help="module:function to count")
    ap.add_argument("--pages", type=int, default=42, help="pages run (after two warm-up runs)")
    ap.add_argument("--synth", metavar="DIR", help="extract() over a synthetic site's dated "
                    "pages instead of extract_text() over the ScrapingHub pages")
    ap.add_argument("--bytes", action="store_true", help="pass each page as its bytes, as "
                    "the pipeline does (a str page costs its UTF-8 encoding in the parse; bytes "
                    "cost their decoding)")
    ap.add_argument("--inner", metavar="SHIM", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.inner:
        _inner(args)
        return
    with tempfile.TemporaryDirectory() as work:
        shim = Path(work) / "libcgmark.so"
        source = Path(work) / "cgmark.c"
        source.write_text(SHIM)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(shim), str(source)], check=True)
        out = Path(work) / "cg"
        subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                        sys.executable, __file__, "--inner", str(shim), *sys.argv[1:]],
                       check=True, env={"PYTHONHASHSEED": "0", "PYTHONPATH": str(ROOT)},
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _report(sorted(Path(work).glob("cg.*"), key=lambda f: int(f.suffix[1:])), args.pages)


def _inner(args: argparse.Namespace) -> None:
    """Under callgrind: wrap the functions, run the pages, dump at each event."""
    dump = ctypes.CDLL(args.inner).cg_dump
    dump.argtypes = [ctypes.c_char_p]

    def wrap(label: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        enter, leave = f"+{label}".encode(), f"-{label}".encode()

        @functools.wraps(fn)
        def counted(*a: Any, **k: Any) -> Any:
            dump(enter)
            try:
                return fn(*a, **k)
            finally:
                dump(leave)
        return counted

    from monitor import extract as ex
    for spec in args.functions:
        module, _, name = spec.partition(":")
        owner = importlib.import_module(module)
        original = getattr(owner, name)
        counted = wrap(spec, original)
        for other in [owner, *_importers(original, name)]:
            setattr(other, name, counted)
    run = wrap("page", ex.extract if args.synth else ex.extract_text)
    pages = _pages(args.synth, args.pages + 2, args.bytes)
    for html, url in pages[:2]:
        run(html, url)
    dump(b"+RUN")
    for html, url in pages[2:]:
        with contextlib.suppress(Exception):  # (a page that fails counts as far as it got)
            run(html, url)
    dump(b"-RUN")


def _importers(original: object, name: str) -> list[Any]:
    """The project's modules that imported ``original`` under its own name (``from
    monitor.pageparse import parse``): their calls look it up there, not in its module,
    and went uncounted (extract()'s parse, junk walk and body lines read as its own)."""
    return [module for key, module in list(sys.modules.items())
            if key.split(".")[0] == "monitor" and getattr(module, name, None) is original]


def _pages(synth: str | None, count: int, raw: bool = False
           ) -> list[tuple[str | bytes, str | None]]:
    if synth:
        files = sorted(f for f in glob.glob(f"{synth}/**/*.html", recursive=True)
                       if re.search(r"/\d{4}/\d{2}/\d{2}/", f))[::50][:count]
        return [(Path(f).read_bytes() if raw else Path(f).read_text(encoding="utf-8"),
                 "http://127.0.0.1:" + f.split("/pages/")[-1]) for f in files]
    found = [gzip.decompress(f.read_bytes()) if f.suffix == ".gz" else f.read_bytes()
             for f in sorted(SCRAPINGHUB.iterdir())[:count]]
    return [(page if raw else page.decode("utf-8", "replace"), None) for page in found]


def _report(dumps: list[Path], pages: int) -> None:
    """Per page: each function's instructions with what it calls, and without the other
    chosen functions, and its calls."""
    own: collections.Counter[str] = collections.Counter()
    whole: collections.Counter[str] = collections.Counter()
    calls: collections.Counter[str] = collections.Counter()
    stack: list[tuple[str, int]] = []
    spent, running = 0, False
    for path in dumps:
        event, cost = _event(path)
        if event is None:
            continue
        if running and stack:
            own[stack[-1][0]] += cost
        spent += cost if running else 0
        if event in ("+RUN", "-RUN"):
            running = event == "+RUN"
        elif running and event.startswith("+"):
            stack.append((event[1:], spent))
            calls[event[1:]] += 1
        elif running:
            name, start = stack.pop()
            if all(name != outer for outer, _ in stack):  # (a recursive call counts once)
                whole[name] += spent - start
    print(f"{spent / pages / 1e3:10.0f}k instructions a page in all")
    for name, cost in whole.most_common():
        print(f"{cost / pages / 1e3:10.0f}k  self {own[name] / pages / 1e3:8.0f}k"
              f"  calls {calls[name] / pages:6.1f}  {name}")


def _event(path: Path) -> tuple[str | None, int]:
    """The client request that made a dump, and the instructions counted since the last."""
    event, cost = None, 0
    with path.open() as lines:
        for line in lines:
            if line.startswith("desc: Trigger: Client Request: "):
                event = line.split("Client Request: ", 1)[1].strip()
            elif line.startswith("summary:"):
                cost = int(line.split()[1])
                break
    return event, cost


if __name__ == "__main__":
    main()
