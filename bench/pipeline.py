"""A full pass of `monitor run --once` beside Scrapy + trafilatura, on the synthetic site (issue 9).

One run does everything, so the figures are comparable even on a shared, noisy machine (only
ratios measured in the same run mean anything):

1. generates the site with ``../shared/bench/site/gen_site.py`` into ``--site-root`` (outside
   the repository; cached there by seed and size);
2. starts ``server.py`` pinned to ``--server-cpu`` (``--delay-ms`` adds latency);
3. ``--reps`` times, interleaved: a fresh ``monitor run --once`` pass over one source per site
   (``pages:`` set so all its articles are found, a watch list from textgen's organisation
   universe, robots.txt obeyed), then a second, unchanged pass over the same archive; then
   ``e2e_scrapy.py`` (Scrapy + trafilatura + sqlite-utils) in its own venv. Every client is
   pinned to ``--client-cpu``.

Each run is measured from outside the same way: wall time from process start to exit, CPU of
the process and its children (``wait4``), peak RSS of the process tree (the sum over its live
processes, sampled every 20 ms, or the main process's VmHWM if higher), articles stored
(counted in its database), body F1 against ``truth.jsonl``
(``../shared/bench/extraction/score.py``'s metric), and the server's requests, bytes and 304s
(``/__stats``).

    .venv/bin/python bench/pipeline.py --quick              # 2 sites, 1 repetition (~1 min)
    .venv/bin/python bench/pipeline.py                      # 20 x 250 articles, 3 repetitions
    .venv/bin/python bench/pipeline.py --delay-ms 50        # a latency-bound run

The anchor needs its own venv: ``python3 -m venv /work/anchor-venv &&
/work/anchor-venv/bin/pip install scrapy trafilatura lxml_html_clean sqlite-utils uvloop``.
Never run in the test suite.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from proctree import TIMEOUT, Run, measure  # (this folder is sys.path[0])

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "bench"  # ../shared, relative to the repo
ARTICLE_PATTERN = r"/\d{4}/\d{2}/\d{2}/[^/]+-\d+\.html$"  # the same one e2e_scrapy.py uses
PER_HOST = 5  # requests in flight per site, for both pipelines (e2e_scrapy.py's default)


# -- the site and its server --------------------------------------------------------------

def ensure_site(root: Path, seed: int, sites: int, articles: int, python: str) -> Path:
    """The generated site for this seed and size, generated once and kept."""
    out = root / f"seed{seed}-{sites}x{articles}"
    if (out / "manifest.json").exists():
        return out
    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    print(f"generating the site into {out} (once per seed) ...", file=sys.stderr)
    subprocess.run([python, "gen_site.py", "--out", str(tmp), "--seed", str(seed),
                    "--sites", str(sites), "--articles-per-site", str(articles)],
                   cwd=SHARED / "site", check=True, stdout=subprocess.DEVNULL)
    tmp.rename(out)
    return out


class Server:
    """server.py pinned to one CPU; ``stats()`` reads its counters."""

    def __init__(self, site: Path, cpu: int, delay_ms: float, python: str) -> None:
        self.proc = subprocess.Popen(
            ["taskset", "-c", str(cpu), python, "server.py", "--site", str(site),
             "--delay-ms", str(delay_ms)], cwd=SHARED / "site", stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout is not None
        ready = json.loads(self.proc.stdout.readline() or "{}")
        if not ready.get("ready"):
            self.close()
            raise SystemExit("server.py did not start")
        self.port = int(ready["ports"][0])

    def stats(self) -> dict[str, Any]:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/__stats", timeout=10) as r:
            stats: dict[str, Any] = json.load(r)
            return stats

    def close(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


# -- the two pipelines --------------------------------------------------------------------

def write_config(work: Path, manifest: dict[str, Any], watch: int) -> Path:
    """One source per site, enough further pages and caps for one pass to store them all."""
    sys.path.insert(0, str(SHARED / "site"))
    import textgen  # type: ignore[import-not-found]  # ../shared/bench/site

    orgs = [{"name": o["name"], "aliases": list(o["aliases"])}
            for o in textgen.org_universe(50_000)[:watch]]
    (work / "watch.json").write_text(json.dumps({"organisations": orgs}), "utf-8")
    per_site = max(site["articles"] for site in manifest["sites"])
    pages = max(len(site["index_paths"]) for site in manifest["sites"]) - 1
    hosts = len(manifest["sites"])
    config = {
        "settings": {
            "database": "archive.db", "alerts_dir": "alerts",
            "concurrency": PER_HOST * hosts, "per_host": {"concurrency": PER_HOST, "delay": "0s"},
            "max_links": per_site + 50, "max_new_articles": per_site + 50, "retries": 0,
            "robots": True, "baseline": False, "alert_on_failure": 0,
        },
        "watch": "watch.json",
        "sources": [{"name": f"site{site['id']:02d}", "url": site["base"] + "/",
                     "pages": pages, "include": [ARTICLE_PATTERN]}
                    for site in manifest["sites"]],
    }
    path = work / "sources.yaml"
    path.write_text(json.dumps(config, indent=1), "utf-8")  # JSON is YAML
    return path


def with_server(run: Run, server: Server, before: dict[str, Any]) -> Run:
    after = server.stats()
    run.requests = after["requests"] - before["requests"] - 1  # less the /__stats call
    run.bytes = after["bytes"] - before["bytes"]
    run.not_modified = after["not_modified"] - before["not_modified"]
    return run


def set_aside(alerts: Path) -> None:
    """Move the last run's alert files out of the way; the working directory's removal
    deletes them after every run is measured. Deleting them here cost the next pass ~0.6
    CPU-ms per alert file: ext4 without a journal (this machine's root) skips inodes freed
    in the last ~30 s when it allocates one, re-reading each of them for every new file."""
    if alerts.exists():
        spent = alerts.parent / "spent"
        spent.mkdir(exist_ok=True)
        alerts.rename(spent / f"alerts-{len(list(spent.iterdir()))}")


def ours(work: Path, server: Server, cpu: int, truth: dict[str, str], score: ModuleType,
         config: Path, label: str = "ours", src: str | None = None) -> tuple[Run, Run]:
    """A fresh pass, then an unchanged one on the same archive; ``src``: run the ``monitor``
    package found in that directory instead (a checkout of an earlier commit)."""
    env = {**os.environ, "PYTHONPATH": src} if src else None
    for leftover in ("archive.db", "archive.db-wal", "archive.db-shm", "archive.db.lock"):
        (work / leftover).unlink(missing_ok=True)
    set_aside(work / "alerts")
    cmd = ["taskset", "-c", str(cpu), sys.executable, "-m", "monitor", "--config", str(config),
           "run", "--once", "--json"]
    runs = []
    for name in (label, f"{label}-2nd"):
        before = server.stats()
        run = with_server(measure(name, cmd, work, work / f"{name}.log", env), server, before)
        bodies = _bodies(work / "archive.db", "SELECT url, body FROM articles")
        run.stored, run.f1 = len(bodies), body_f1(truth, bodies, score)
        run.extra = _summary(work / f"{name}.out")
        runs.append(run)
    runs[1].stored = runs[0].stored  # the articles the second pass re-checked
    return runs[0], runs[1]


def anchor(work: Path, site: Path, server: Server, cpu: int, python: str,
           truth: dict[str, str], score: ModuleType) -> Run:
    db = work / "e2e_scrapy.db"
    cmd = ["taskset", "-c", str(cpu), python, str(SHARED / "site" / "e2e_scrapy.py"),
           "--index-urls", str(site / "index_urls.txt"), "--db", str(db),
           "--per-host", str(PER_HOST)]
    before = server.stats()
    run = with_server(measure("scrapy", cmd, work, work / "scrapy.log"), server, before)
    bodies = _bodies(db, "SELECT url, body FROM articles") if db.exists() else {}
    run.stored, run.f1 = len(bodies), body_f1(truth, bodies, score)
    out = (work / "scrapy.out").read_text().strip().splitlines()
    run.extra = json.loads(out[-1]) if out else {}
    return run


def _bodies(db: Path, sql: str) -> dict[str, str]:
    conn = sqlite3.connect(db)
    try:
        return {url: body or "" for url, body in conn.execute(sql)}
    finally:
        conn.close()


def _summary(out: Path) -> dict[str, Any]:
    """Totals of `monitor run --once --json`."""
    try:
        results = json.loads(out.read_text() or "[]")
    except json.JSONDecodeError:
        return {"unparsed": True}
    keys = ("new", "changed", "unchanged", "duplicate", "alerts")
    totals = {k: sum(int(r.get(k) or 0) for r in results) for k in keys}
    totals["errors"] = sum(len(r.get("errors") or ()) for r in results)
    totals["failed_sources"] = sum(1 for r in results if not r.get("ok"))
    return totals


def body_f1(truth: dict[str, str], bodies: dict[str, str], score: ModuleType) -> float:
    """score.py's F1 over the pages stored (a page not stored counts in the stored count)."""
    counts = [score.page_counts(truth[url], body) for url, body in bodies.items() if url in truth]
    return float(score.aggregate(counts)["f1"]) if counts else 0.0


def load_score() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SHARED / "extraction" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the report ---------------------------------------------------------------------------

ROWS = (
    ("articles/s", lambda r: r.per_s, "{:.0f}", True),
    ("CPU-ms/article", lambda r: r.cpu_ms, "{:.2f}", False),
    ("peak RSS MB (tree)", lambda r: r.peak_rss_mb, "{:.0f}", False),
    ("articles stored", lambda r: float(r.stored), "{:.0f}", True),
    ("body F1", lambda r: r.f1, "{:.3f}", True),
    ("wall s", lambda r: r.wall, "{:.1f}", False),
    ("requests", lambda r: float(r.requests), "{:.0f}", False),
    ("MB sent by server", lambda r: r.bytes / 2**20, "{:.1f}", False),
)


def median(runs: Sequence[Run], get: Any) -> float:
    return statistics.median(get(r) for r in runs) if runs else float("nan")


def _ratio(a: float, b: float, higher: bool) -> float:
    return (a / b if higher else b / a) if a and b else float("nan")


def report(runs: dict[str, list[Run]], conditions: str) -> None:
    ours_, scrapy, before = runs["ours"], runs["scrapy"], runs["before"]
    print(f"\n{conditions}; medians of {len(ours_)} interleaved repetition(s)")
    head = f"{'':22} {'ours':>10} {'scrapy+traf':>12} {'ratio':>8}"
    print(head + (f" {'before':>10} {'ours/before':>12}" if before else ""))
    for label, get, fmt, higher in ROWS:
        a, b = median(ours_, get), median(scrapy, get)
        line = f"{label:22} {fmt.format(a):>10} {fmt.format(b):>12} {_ratio(a, b, higher):>7.2f}x"
        if before:
            c = median(before, get)
            line += f" {fmt.format(c):>10} {_ratio(a, c, higher):>11.2f}x"
        print(line)
    print("(ratio: how many times better ours is; >1 is better)")
    for name in ("ours-2nd", "before-2nd"):
        second = runs[name]
        if not second:
            continue
        print(f"\nsecond, unchanged pass ({name[:-4]}): "
              f"requests {median(second, lambda r: r.requests):.0f} "
              f"(304: {median(second, lambda r: r.not_modified):.0f}), "
              f"{median(second, lambda r: r.bytes) / 1024:.0f} KB from the server, "
              f"{median(second, lambda r: r.cpu_ms):.3f} CPU-ms per known article, "
              f"{median(second, lambda r: r.wall):.1f} s wall, "
              f"peak RSS {median(second, lambda r: r.peak_rss_mb):.0f} MB")
    print("\nper run:")
    for run in [r for group in runs.values() for r in group]:
        print(f"  {run.name:10} {run.per_s:7.1f}/s {run.cpu_ms:7.2f} ms/art "
              f"{run.peak_rss_mb:6.0f} MB stored {run.stored:5d} F1 {run.f1:.3f} "
              f"req {run.requests:5d} wall {run.wall:6.1f}s {run.note} {json.dumps(run.extra)}")


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    python = args.anchor_python if Path(args.anchor_python).exists() else sys.executable
    site = ensure_site(Path(args.site_root), args.seed, args.sites, args.articles, sys.executable)
    manifest = json.loads((site / "manifest.json").read_text())
    truth = {}
    with (site / "truth.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            truth[row["url"]] = row["body"]
    score = load_score()
    runs: dict[str, list[Run]] = {"ours": [], "ours-2nd": [], "scrapy": [], "before": [],
                                  "before-2nd": []}
    TIMEOUT[0] = args.timeout
    with working_dir(args.keep) as work:
        config = write_config(work, manifest, args.watch)
        server = Server(site, args.server_cpu, args.delay_ms, python)
        try:
            for rep in range(args.reps):
                print(f"repetition {rep + 1}/{args.reps} ...", file=sys.stderr)
                first, second = ours(work, server, args.client_cpu, truth, score, config)
                runs["ours"].append(first)
                runs["ours-2nd"].append(second)
                if args.baseline_src:
                    first, second = ours(work, server, args.client_cpu, truth, score, config,
                                         "before", args.baseline_src)
                    runs["before"].append(first)
                    runs["before-2nd"].append(second)
                if not args.skip_anchor:
                    runs["scrapy"].append(anchor(work, site, server, args.client_cpu,
                                                 args.anchor_python, truth, score))
        finally:
            server.close()
        conditions = (f"{len(manifest['sites'])} sites x {args.articles} articles (seed "
                      f"{args.seed}), {args.delay_ms:g} ms latency, server on CPU "
                      f"{args.server_cpu}, clients on CPU {args.client_cpu}, {PER_HOST} per host, "
                      f"watch list {args.watch} organisations")
        report(runs, conditions)


@contextmanager
def working_dir(keep: str | None) -> Iterator[Path]:
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
        return
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        yield Path(tmp)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site-root", default="/work/bench-site",
                    help="where generated sites are kept (outside the repository)")
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--sites", type=int, default=20)
    ap.add_argument("--articles", type=int, default=250, help="articles per site")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="2 sites, 1 repetition (a smoke run)")
    ap.add_argument("--delay-ms", type=float, default=0.0, help="server latency per request")
    ap.add_argument("--watch", type=int, default=1000, help="organisations in the watch list")
    ap.add_argument("--server-cpu", type=int, default=0)
    ap.add_argument("--client-cpu", type=int, default=1)
    ap.add_argument("--anchor-python", default="/work/anchor-venv/bin/python",
                    help="a python with scrapy, trafilatura and sqlite-utils")
    ap.add_argument("--skip-anchor", action="store_true")
    ap.add_argument("--baseline-src", help="also run the monitor package in this directory "
                    "(e.g. `git archive <commit> monitor | tar -x -C DIR`): before/after")
    ap.add_argument("--timeout", type=float, default=900.0, help="seconds before a run is killed")
    ap.add_argument("--keep", help="work in this directory and keep it (logs, archives)")
    args = ap.parse_args(argv)
    if args.quick:
        args.sites, args.reps = 2, 1
    return args


if __name__ == "__main__":
    main()
