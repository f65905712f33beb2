"""Same output? Dump what the extractor gives on every local page, then compare two dumps.

A change meant to be a pure speed-up, or a refactor, must leave every output as it was;
a quality change should move only the pages it aims at. Scores hide both (a page that gets
worse while another gets better nets out), so this compares the outputs themselves.

Usage:
    .venv/bin/python bench/identity.py run OUT.pkl [--devset DIR] [--site DIR] [--synth N] [--str]
    .venv/bin/python bench/identity.py compare A.pkl B.pkl [--show N]

``run`` imports ``monitor`` from sys.path (so PYTHONPATH=another/tree runs that tree) and
records, per page: extract()'s title, date and body on every dev-set page (given as bytes,
or as str with --str), extract_text() on each ScrapingHub page, and extract()'s body on the
first N synthetic articles of a bench/site tree. ``compare`` lists the pages whose output
differs, by set and by field.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRAPINGHUB = HERE.parent.parent / "shared" / "bench" / "extraction" / "scrapinghub"

Dump = dict[str, tuple[str | None, ...]]


def _devset(root: Path, as_str: bool) -> Dump:
    from monitor.errors import ExtractionFailed
    from monitor.extract import extract
    out: Dump = {}
    for part in sorted(p for p in root.iterdir() if (p / "ground-truth.json").exists()):
        truth = json.loads((part / "ground-truth.json").read_text())
        for page_id, ref in sorted(truth.items()):
            raw = gzip.decompress((part / "html" / f"{page_id}.html.gz").read_bytes())
            page: bytes | str = raw.decode("utf-8", "replace") if as_str else raw
            try:
                art = extract(page, ref.get("url") or None)
                out[f"{part.name}/{page_id}"] = (art.title, art.published, art.body)
            except ExtractionFailed as exc:
                out[f"{part.name}/{page_id}"] = ("FAILED", str(exc), None)
    return out


def _scrapinghub() -> Dump:
    from monitor.extract import extract_text
    truth = json.loads((SCRAPINGHUB / "ground-truth.json").read_text())
    out: Dump = {}
    for page_id in sorted(truth):
        html = gzip.decompress((SCRAPINGHUB / "html" / f"{page_id}.html.gz").read_bytes())
        out[f"scrapinghub/{page_id}"] = (extract_text(html.decode("utf-8", "replace")),)
    return out


def _synthetic(site: Path, count: int) -> Dump:
    from urllib.parse import urlsplit

    from monitor.errors import ExtractionFailed
    from monitor.extract import extract
    out: Dump = {}
    with (site / "truth.jsonl").open() as lines:
        for n, line in enumerate(lines):
            if n >= count:
                break
            url = json.loads(line)["url"]
            parts = urlsplit(url)
            path = site / "pages" / str(parts.port) / parts.path.lstrip("/")
            try:
                art = extract(path.read_bytes(), url)
                out[f"synthetic/{n}"] = (art.title, art.published, art.body)
            except ExtractionFailed as exc:
                out[f"synthetic/{n}"] = ("FAILED", str(exc), None)
    return out


def run(args: argparse.Namespace) -> None:
    dump: Dump = {}
    if args.devset and Path(args.devset).is_dir():
        dump.update(_devset(Path(args.devset), args.str))
    if SCRAPINGHUB.is_dir():
        dump.update(_scrapinghub())
    if args.site and Path(args.site).is_dir() and args.synth:
        dump.update(_synthetic(Path(args.site), args.synth))
    Path(args.out).write_bytes(pickle.dumps(dump))
    print(f"{len(dump)} pages -> {args.out}", Counter(k.split("/")[0] for k in dump))


FIELDS = ("title", "date", "body")


def compare(args: argparse.Namespace) -> int:
    a: Dump = pickle.loads(Path(args.a).read_bytes())
    b: Dump = pickle.loads(Path(args.b).read_bytes())
    changed: Counter[str] = Counter()
    shown = 0
    for key in sorted(a.keys() & b.keys()):
        if a[key] == b[key]:
            continue
        fields = [FIELDS[i] if len(a[key]) > 1 else "body"
                  for i in range(len(a[key])) if a[key][i] != b[key][i]]
        changed[f"{key.split('/')[0]} {'+'.join(fields)}"] += 1
        if shown < args.show:
            shown += 1
            print(key, fields)
    only = a.keys() ^ b.keys()
    print(f"{len(a.keys() & b.keys())} pages in both, {sum(changed.values())} differ,"
          f" {len(only)} in one only")
    for what, n in sorted(changed.items()):
        print(f"  {what}: {n}")
    return 1 if changed or only else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out")
    r.add_argument("--devset", default="/work/devset")
    r.add_argument("--site", default="/work/bench-site/seed7-20x250")
    r.add_argument("--synth", type=int, default=1000)
    r.add_argument("--str", action="store_true", help="give dev pages as str, not bytes")
    c = sub.add_parser("compare")
    c.add_argument("a")
    c.add_argument("b")
    c.add_argument("--show", type=int, default=40)
    args = parser.parse_args()
    if args.cmd == "run":
        run(args)
        return 0
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
