"""Ours vs trafilatura vs readability-lxml on a held-out set in score.py's layout.

Usage: .venv/bin/python bench/heldout.py --data DIR [--data DIR2 ...] [--worst N] [--misses]
       [--only ours]

DIR holds ground-truth.json ({id: {"articleBody": ..., "title": ..., "date": ...}}) and
html/<id>.html.gz, like ../shared/bench/extraction/scrapinghub or a set written by
build_devset.py. Body scoring is score.py's own metric (imported by path) over the pages
with a body reference, so figures here and from score.py agree. Titles (exact, after white
space normalisation) and dates (same day) are scored over the pages that state them;
"within a day" forgives one day either side: fundus's and postlight's references are the
UTC day of a timestamp, ours the publisher's day, so a late-evening story is a day apart.
"site-stripped" compares titles after removing a trailing site name (og:site_name or a
segment spelled like the host) from both sides, since references disagree on keeping it.
Pages with snippet references (trafilatura's evaldata: ``with``, text the body must hold,
``without``, boilerplate it must not) are scored as trafilatura's own evaluation does:
a ``with`` snippet found is a true positive, missed a false negative; a ``without``
snippet found is a false positive (white space normalised on both sides). Pages with a
``lead`` (postlight/parser's tests: the body's first 13 words) score whether the body holds
the last 8 of them (white space removed on both sides: their excerpt joins blocks without
spaces; its first words are often a photo caption or credit that other references drop).
Extractors that are not importable are skipped; the body-text floor is always shown.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Collection
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "bench" / "extraction"
sys.path.insert(0, str(ROOT))

from extraction_speed import load_score  # noqa: E402  (this folder is sys.path[0])

from monitor import titles  # noqa: E402
from monitor.errors import ExtractionFailed  # noqa: E402
from monitor.extract import extract, extract_text  # noqa: E402
from monitor.textnorm import normalize_line  # noqa: E402

Extractor = Callable[[str, str], Any]
Meta = Callable[[str, str], tuple[str | None, str | None]]
BUILTINS = ("trafilatura", "readability-lxml", "selectolax-body")
LEAD_WORDS = 8  # of a reference's 13 opening words: the body must hold its last 8
Runners = list[tuple[str, Extractor]]


def _chosen(found: list[tuple[str, Any]], only: Collection[str]) -> list[tuple[str, Any]]:
    """The extractors --only names (all of them when it names none)."""
    return [(name, func) for name, func in found if not only or name in only]


def extractors(score: ModuleType, only: Collection[str]) -> Runners:
    """Ours first, then every builtin whose library imports here."""
    found: list[tuple[str, Extractor]] = [("ours", extract_text)]
    for name in BUILTINS:
        try:
            func, _version = score.BUILTINS[name]()
        except ImportError:
            print(f"({name} not installed: skipped)")
            continue
        found.append((name, func))
    return _chosen(found, only)


def _ours_meta(html: str, url: str) -> tuple[str | None, str | None]:
    try:
        art = extract(html, url or None)
    except ExtractionFailed:
        return None, None
    return art.title, art.published


def meta_extractors(only: Collection[str]) -> list[tuple[str, Meta]]:
    """Title/date readers: ours, trafilatura's metadata, readability-lxml's title."""
    found: list[tuple[str, Meta]] = [("ours", _ours_meta)]
    try:
        import trafilatura

        def traf(html: str, url: str) -> tuple[str | None, str | None]:
            doc = trafilatura.extract_metadata(html, default_url=url or None)
            return (doc.title, doc.date) if doc is not None else (None, None)

        found.append(("trafilatura", traf))
    except ImportError:
        pass
    try:
        from readability import Document

        def rdl(html: str, url: str) -> tuple[str | None, str | None]:
            return Document(html).short_title(), None

        found.append(("readability-lxml", rdl))
    except ImportError:
        pass
    return _chosen(found, only)


def body_scores(score: ModuleType, runners: Runners, pages: list[Any], worst: int) -> None:
    truths = [p.truth for p in pages]
    print(f"{'body extractor':<18}{'F1':>7}{'P':>7}{'R':>7}{'empty':>7}{'ms/page':>9}")
    ours: dict[str, Any] = {}
    for name, func in runners:
        outs, secs, _errs = score.run_extractor(func, pages)
        res = score.evaluate(truths, outs, bootstrap=0)
        empty = sum(1 for out in outs if not score.tokenize(out))
        ms = 1000.0 * sum(secs) / max(len(secs), 1)
        print(f"{name:<18}{res['f1']:>7.3f}{res['precision']:>7.3f}{res['recall']:>7.3f}"
              f"{empty:>7}{ms:>9.2f}")
        if name == "ours":
            ours = res
    rows = sorted(zip(pages, ours.get("per_page", []), strict=False),
                  key=lambda item: item[1]["f1"])
    for page, row in rows[:worst]:
        print(f"  {row['f1']:.3f} P={row['precision']:.2f} R={row['recall']:.2f} {page.id}")


def snippet_scores(score: ModuleType, runners: Runners, pages: list[Any],
                   truth: dict[str, Any]) -> None:
    """Precision/recall/F1 and accuracy over the with/without snippets of ``pages``."""
    wanted = sum(len(truth[p.id]["with"]) for p in pages)
    unwanted = sum(len(truth[p.id].get("without") or []) for p in pages)
    print(f"{'snippets':<18}{'F1':>7}{'P':>7}{'R':>7}{'acc':>7}{'empty':>7}   "
          f"({len(pages)} pages, {wanted} with, {unwanted} without)")
    for name, func in runners:
        found = kept_out = empty = 0
        for page in pages:
            try:
                out = normalize_line(func(page.html, page.url) or "")
            except Exception:
                out = ""
            empty += not out
            found += sum(normalize_line(s) in out for s in truth[page.id]["with"])
            kept_out += sum(normalize_line(s) not in out
                            for s in truth[page.id].get("without") or [])
        tp, fn, fp = found, wanted - found, unwanted - kept_out
        precision, recall = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
        f1 = 2 * precision * recall / max(precision + recall, 1e-9)
        accuracy = (tp + kept_out) / max(wanted + unwanted, 1)
        print(f"{name:<18}{f1:>7.3f}{precision:>7.3f}{recall:>7.3f}{accuracy:>7.3f}{empty:>7}")


def lead_scores(score: ModuleType, runners: Runners, pages: list[Any], truth: dict[str, Any],
                misses: bool) -> None:
    """Share of pages whose body holds the reference's opening words."""
    print(f"{'body opening':<18}{'held':>7}{'empty':>7}   ({len(pages)} pages)")
    for name, func in runners:
        held, empty, missed = 0, 0, []
        for page in pages:
            try:
                out = func(page.html, page.url) or ""
            except Exception:
                out = ""
            empty += not out.strip()
            if "".join(truth[page.id]["lead"].split()[-LEAD_WORDS:]) in "".join(out.split()):
                held += 1
            else:
                missed.append(page.id)
        print(f"{name:<18}{held / max(len(pages), 1):>7.1%}{empty:>7}")
        if misses and name == "ours":
            print("   missed:", " ".join(missed))


_SITE_NAME = re.compile(r'<meta[^>]+property=["\']og:site_name["\'][^>]+content=["\']([^"\']+)', re.I)


def _same_title(got: str | None, want: str, page: Any = None) -> bool:
    """Exact title; with ``page``, after removing a site-name suffix from both sides."""
    got, want = normalize_line(got or ""), normalize_line(want)
    if page is not None:
        found = _SITE_NAME.search(page.html[:200_000])
        site = found.group(1).strip() if found else None
        host = titles._host_words(page.url)
        got, want = titles.strip_site(got, site, host), titles.strip_site(want, site, host)
    return got == want


def _day_apart(got: str | None, want: str) -> bool:
    """Whether two YYYY-MM-DD days are at most one day apart (a time zone between them)."""
    try:
        return abs(date.fromisoformat((got or "")[:10]) - date.fromisoformat(want)).days <= 1
    except ValueError:
        return False


def meta_scores(readers: list[tuple[str, Meta]], pages: list[Any], truth: dict[str, Any],
                misses: bool) -> None:
    titled = [p for p in pages if truth[p.id].get("title")]
    dated = [p for p in pages if truth[p.id].get("date")]
    print(f"{'metadata':<18}{'titles exact':>14}{'site-stripped':>15}{'dates same-day':>16}"
          f"{'within a day':>14}   "
          f"({len(titled)} titles, {len(dated)} dates)")
    for name, func in readers:
        got: dict[str, tuple[str | None, str | None]] = {}
        for page in pages:
            try:
                got[page.id] = func(page.html, page.url)
            except Exception:
                got[page.id] = (None, None)
        ok_t = [p for p in titled if _same_title(got[p.id][0], truth[p.id]["title"])]
        ok_s = [p for p in titled if _same_title(got[p.id][0], truth[p.id]["title"], p)]
        ok_d = [p for p in dated if (got[p.id][1] or "")[:10] == truth[p.id]["date"]]
        near = sum(_day_apart(got[p.id][1], truth[p.id]["date"]) for p in dated)
        date_cell = f"{len(ok_d) / max(len(dated), 1):>15.1%}{near / max(len(dated), 1):>14.1%}" \
            if name != "readability-lxml" else f"{'-':>15}{'-':>14}"
        print(f"{name:<18}{len(ok_t) / max(len(titled), 1):>13.1%} "
              f"{len(ok_s) / max(len(titled), 1):>14.1%} {date_cell}")
        if misses and name == "ours":
            for p in titled:
                if p not in ok_t:
                    print(f"   title {p.id}: {got[p.id][0]!r} != {truth[p.id]['title']!r}")
            for p in dated:
                if p not in ok_d:
                    print(f"   date  {p.id}: {got[p.id][1]!r} != {truth[p.id]['date']!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, required=True, action="append",
                    help="set in score.py's layout (repeat to pool sets)")
    ap.add_argument("--worst", type=int, default=0, help="list our N worst body pages")
    ap.add_argument("--misses", action="store_true", help="list our title and date misses")
    ap.add_argument("--no-meta", action="store_true", help="body scores only")
    ap.add_argument("--only", action="append", default=[], metavar="NAME",
                    help="run only this extractor (repeatable): ours, " + ", ".join(BUILTINS))
    args = ap.parse_args()
    score = load_score()
    runners = extractors(score, args.only)
    pages: list[Any] = []
    truth: dict[str, Any] = {}
    for data in args.data:
        pages += score.load_pages(data)
        truth.update(json.loads((data / "ground-truth.json").read_text(encoding="utf-8")))
    bodies = [p for p in pages if truth[p.id].get("articleBody")]
    print(f"{', '.join(map(str, args.data))} : {len(pages)} pages, {len(bodies)} with a body")
    if bodies:
        body_scores(score, runners, bodies, args.worst)
    snipped = [p for p in pages if truth[p.id].get("with")]
    if snipped:
        snippet_scores(score, runners, snipped, truth)
    led = [p for p in pages if truth[p.id].get("lead")]
    if led:
        lead_scores(score, runners, led, truth, args.misses)
    if not args.no_meta and any(truth[p.id].get("title") or truth[p.id].get("date")
                                for p in pages):
        meta_scores(meta_extractors(args.only), pages, truth, args.misses)


if __name__ == "__main__":
    main()
