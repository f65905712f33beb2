"""Build the extraction development set from public test corpora, outside the repository.

Usage:
    .venv/bin/python bench/build_devset.py --out /work/devset \
        --readability /work/.mirror/mozilla+readability/repo \
        --newspaper4k /work/.mirror/AndyTheFactory+newspaper4k/repo \
        --trafilatura /work/.mirror/adbar+trafilatura/repo \
        --wcxb /work/.mirror/Murrough-Foley+web-content-extraction-benchmark/repo \
        --fundus /work/.mirror/flairNLP+fundus/repo

Each source path is a checkout or a bare git directory (read with ``git show HEAD:path``).
Any source may be left out. The pages are other projects' test data (copies of third-party
web pages), so they are written only to ``--out``, never into this repository.

Sources and what each page brings:

* mozilla/readability ``test/test-pages/<name>/``: body (text of ``expected.html``), title
  and ``publishedTime`` from ``expected-metadata.json`` (Apache-2.0 test suite);
* newspaper4k ``tests/data/html/<name>.html``: body from ``txt/<name>.txt``, title and
  ``publish_date`` from ``metadata/<name>.json`` when present (MIT);
* trafilatura ``tests/evaldata.json``: title, date and its body snippets (``with``: text
  the body must hold, ``without``: boilerplate it must not; its pages under ``tests/eval``
  or ``tests/cache``; no full body reference) (Apache-2.0);
* postlight/parser ``src/extractors/custom/<site>/index.test.js`` with ``fixtures/``: news
  pages of ~140 sites (2016-2022), each with the title, ``date_published`` (a UTC instant:
  its UTC day is the reference) and the first 13 words of the body that the parser's own
  tests assert (``lead``: scored as "the body holds its opening words") (MIT/Apache-2.0);
* goose3 ``tests/data/content/<name>.{html,json}``: news pages of ~2010-2016 (CNN, BBC,
  Time, Huffington Post, ...) with the opening of the body goose3's tests assert
  (``expected.cleaned_text``, a prefix; its first 8-13 words are the ``lead``) and the title
  where ``tests/test_content.py`` asserts it; all go to ``goose/``: a set never studied,
  scored only (Apache-2.0);
* WCXB (Murrough-Foley/web-content-extraction-benchmark) ``{dev,test}/html/<id>.html.gz``:
  pages of type "article" only, body, title and ``publish_date`` from
  ``{dev,test}/ground-truth/<id>.json`` (references machine-drafted and reviewed, written
  independently of any extractor we compare with; 2025 pages) (CC-BY-4.0);
* flairNLP/fundus ``tests/resources/parser/test_data/<country>/``: modern news pages
  (2023-2026) of ~180 publishers in ~40 countries, each with what fundus's hand-written
  parser for that publisher reads (body sections without the summary, title, UTC date),
  split by publisher into ``fundus-tune/`` and ``fundus-holdout/`` (MIT).

Pages of the first three go to ``tune/`` or ``holdout/`` by a hash of their id (about
60/40), so the split is stable across rebuilds; WCXB keeps its own split, ``dev`` to
``wcxb-tune/`` and ``test`` to ``wcxb-holdout/``. Each folder holds score.py's layout
(``ground-truth.json`` with ``articleBody`` where there is a body reference, plus
``title``, ``date``, ``source``).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extraction_speed import load_score  # noqa: E402  (this folder is sys.path[0])

TUNE_SHARE = 6  # of 10: pages whose id hash falls below go to tune/, the rest to holdout/
FAKE_URL = "http://fakehost/test/page.html"  # readability's own test harness URL
MIN_BODY = 200  # characters; shorter references are teasers, not article bodies


class Source:
    """Files of a checkout or of a bare git directory, by path inside the repository."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.bare = (path / "HEAD").is_file() and (path / "objects").is_dir()

    def read(self, rel: str) -> bytes | None:
        if not self.bare:
            file = self.path / rel
            return file.read_bytes() if file.is_file() else None
        done = subprocess.run(["git", f"--git-dir={self.path}", "show", f"HEAD:{rel}"],
                              capture_output=True, check=False)
        return done.stdout if done.returncode == 0 else None

    def names(self, rel: str) -> list[str]:
        if not self.bare:
            folder = self.path / rel
            return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        done = subprocess.run(["git", f"--git-dir={self.path}", "ls-tree", "--name-only",
                               f"HEAD:{rel}"], capture_output=True, text=True, check=False)
        return sorted(done.stdout.split()) if done.returncode == 0 else []


def _text(raw: bytes | None) -> str:
    return raw.decode("utf-8", errors="replace") if raw else ""


def _day(value: Any) -> str | None:
    match = re.match(r"(\d{4}-\d\d-\d\d)", value) if isinstance(value, str) else None
    return match.group(1) if match else None


def readability_pages(src: Source, score: Any) -> list[dict[str, Any]]:
    pages = []
    for name in src.names("test/test-pages"):
        base = f"test/test-pages/{name}"
        html, expected = _text(src.read(f"{base}/source.html")), src.read(f"{base}/expected.html")
        meta = json.loads(_text(src.read(f"{base}/expected-metadata.json")) or "{}")
        if not html or meta.get("readerable") is False:
            continue
        body = score._fragment_text(_text(expected)) if expected else ""
        pages.append({"id": f"readability-{name}", "source": "readability", "url": FAKE_URL,
                      "html": html, "articleBody": body if len(body) >= MIN_BODY else None,
                      "title": meta.get("title"), "date": _day(meta.get("publishedTime"))})
    return pages


def newspaper_pages(src: Source) -> list[dict[str, Any]]:
    pages = []
    for file in src.names("tests/data/html"):
        name = file.rsplit(".", 1)[0]
        html = _text(src.read(f"tests/data/html/{file}"))
        body = _text(src.read(f"tests/data/txt/{name}.txt")).strip()
        meta = json.loads(_text(src.read(f"tests/data/metadata/{name}.json")) or "{}")
        if not html or (len(body) < MIN_BODY and not meta):
            continue
        pages.append({"id": f"newspaper4k-{name}", "source": "newspaper4k",
                      "url": meta.get("url") or "", "html": html,
                      "articleBody": body if len(body) >= MIN_BODY else None,
                      "title": meta.get("title"), "date": _day(meta.get("publish_date"))})
    return pages


def trafilatura_pages(src: Source) -> list[dict[str, Any]]:
    pages = []
    evaldata = json.loads(_text(src.read("tests/evaldata.json")) or "{}")
    for url, item in evaldata.items():
        if not item.get("title") and not item.get("date"):
            continue
        raw = src.read(f"tests/eval/{item['file']}") or src.read(f"tests/cache/{item['file']}")
        if not raw:
            continue
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", item["file"].rsplit(".", 1)[0])[:80]
        pages.append({"id": f"trafilatura-{stem}", "source": "trafilatura", "url": url,
                      "html": _text(raw), "articleBody": None, "title": item.get("title"),
                      "date": _day(item.get("date")), "with": item.get("with") or [],
                      "without": item.get("without") or []})
    return pages


_JS_STRING = r"""(?:'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`)"""
_JS_VALUE = rf"({_JS_STRING}(?:\s*\+\s*{_JS_STRING})*)"


_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def _js_text(value: str) -> str:
    """A (concatenated) JavaScript string literal's text: the tests write their expected
    values as literals, escapes included (\\u2019 for a typographic apostrophe)."""
    text = "".join(part[1:-1] for part in re.findall(_JS_STRING, value))

    def unescape(match: re.Match[str]) -> str:
        code, char = match.group(1), match.group(2)
        return chr(int(code, 16)) if code else _JS_ESCAPES.get(char, char)

    return re.sub(r"\\(?:u([0-9a-fA-F]{4})|(.))", unescape, text)


def _asserted(test: str, name: str) -> str | None:
    """The value a test asserts for ``name`` (its first ``assert.equal(name, ...)``)."""
    found = re.search(rf"assert\.equal\(\s*{name}\s*,\s*{_JS_VALUE}", test)
    return _js_text(found.group(1)) if found else None


def postlight_pages(src: Source) -> list[dict[str, Any]]:
    """The first test case of each custom extractor: its fixture, URL, title, date, lead."""
    pages = []
    for site in src.names("src/extractors/custom"):
        test = _text(src.read(f"src/extractors/custom/{site}/index.test.js"))
        url = re.search(rf"url\s*=\s*{_JS_VALUE}", test)
        fixture = re.search(rf"readFileSync\(\s*{_JS_VALUE}", test)
        if not url or not fixture:
            continue
        html = _text(src.read(_js_text(fixture.group(1)).removeprefix("./")))
        title, lead = _asserted(test, "title"), _asserted(test, "first13")
        if not html or not (title or lead):
            continue
        pages.append({"id": f"postlight-{site}", "source": "postlight",
                      "url": _js_text(url.group(1)), "html": html, "articleBody": None,
                      "title": title, "date": _day(_asserted(test, "date_published")),
                      "lead": lead, "split": f"postlight-{split_of(site)}"})
    return pages


LEAD = 13  # words of a body's opening kept as its ``lead`` reference (postlight's count)
MIN_LEAD = 8  # words: heldout.py looks for the last 8 words of a lead in the body


def goose_pages(src: Source) -> list[dict[str, Any]]:
    """goose3's content fixtures: the body's opening (its tests compare a prefix) and the
    title of the tests that assert one."""
    tests = _text(src.read("tests/test_content.py"))
    titled = set(re.findall(r"def test_(\w+)\(self\):\s+article = [^\n]*\n\s+fields = "
                            r"\[[^\]]*\"title\"", tests))
    pages = []
    for file in src.names("tests/data/content"):
        name, _, ext = file.rpartition(".")
        expected = json.loads(_text(src.read(f"tests/data/content/{file}")) or "{}") \
            .get("expected", {}) if ext == "json" else {}
        html = _text(src.read(f"tests/data/content/{name}.html"))
        words = (expected.get("cleaned_text") or "").split()
        if not html or len(words) < MIN_LEAD:
            continue
        pages.append({"id": f"goose-{name}", "source": "goose3", "url": expected.get("final_url")
                      or "", "html": html, "articleBody": None,
                      "title": expected.get("title") if name.removeprefix("test_") in titled
                      else None, "date": None, "lead": " ".join(words[:LEAD]), "split": "goose"})
    return pages


def wcxb_pages(src: Source) -> list[dict[str, Any]]:
    """Article pages of WCXB with their reference body, title and date, in its own split."""
    pages = []
    kinds = json.loads(_text(src.read("metadata.json")) or "{}").get("files", {})
    for file_id, info in sorted(kinds.items()):
        if info.get("page_type") != "article":
            continue
        split = info.get("split", "dev")
        raw = src.read(f"{split}/html/{file_id}.html.gz")
        item = json.loads(_text(src.read(f"{split}/ground-truth/{file_id}.json")) or "{}")
        truth = item.get("ground_truth") or {}
        body = (truth.get("main_content") or "").strip()
        if not raw or len(body) < MIN_BODY:
            continue
        pages.append({"id": f"wcxb-{file_id}", "source": "wcxb", "url": item.get("url") or "",
                      "html": gzip.decompress(raw).decode("utf-8", errors="replace"),
                      "articleBody": body, "title": truth.get("title"),
                      "date": _day(truth.get("publish_date")),
                      "split": "wcxb-tune" if split == "dev" else "wcxb-holdout"})
    return pages


FUNDUS_DATA = "tests/resources/parser/test_data"


def _version_key(version: str) -> list[int]:
    return [int(part) for part in re.findall(r"\d+", version)]


def fundus_pages(src: Source) -> list[dict[str, Any]]:
    """fundus's parser fixtures: modern pages (2023-2026) of ~180 news publishers, each with
    what its hand-written parser reads. A publisher's parser versions (V1, V1_1, ...) pair in
    order with its pages by crawl date. The body is the sections' headlines and paragraphs
    (the summary, a standfirst, left out); dates are fundus's, converted to UTC, so a
    same-day test is only approximate. Split by publisher (fundus-tune, fundus-holdout; see
    split_of): one publisher's pages share a template, and a rule learnt on one of them
    must not be scored on its sibling."""
    pages = []
    for country in src.names(FUNDUS_DATA):
        folder = f"{FUNDUS_DATA}/{country}"
        files = src.names(folder)
        meta = json.loads(_text(src.read(f"{folder}/meta.info")) or "{}")
        for name in files:
            if not name.endswith(".json"):
                continue
            expected = json.loads(_text(src.read(f"{folder}/{name}")) or "{}")
            publisher = name.removesuffix(".json")
            htmls = sorted(f for f in files if f.startswith(publisher + "_")
                           and f.endswith(".html.gz"))
            versions = sorted(expected, key=_version_key)
            if len(htmls) != len(versions):
                continue
            for version, html in zip(versions, htmls, strict=True):
                truth = expected[version]
                body = "\n".join(line for section in (truth.get("body") or {}).get("sections", [])
                                 for line in [*section.get("headline", []),
                                              *section.get("paragraphs", [])])
                raw = src.read(f"{folder}/{html}")
                if not raw or len(body) < MIN_BODY:
                    continue
                pages.append({"id": f"fundus-{html.removesuffix('.html.gz')}", "source": "fundus",
                              "url": (meta.get(html) or {}).get("url") or "",
                              "html": gzip.decompress(raw).decode("utf-8", errors="replace"),
                              "articleBody": body, "title": truth.get("title"),
                              "date": _day(truth.get("publishing_date")),
                              "split": f"fundus-{split_of(publisher)}"})
    return pages


def split_of(page_id: str) -> str:
    digit = int(hashlib.sha1(page_id.encode("utf-8")).hexdigest()[:8], 16) % 10
    return "tune" if digit < TUNE_SHARE else "holdout"


def write(out: Path, pages: list[dict[str, Any]]) -> None:
    truths: dict[str, dict[str, dict[str, Any]]] = {}
    for page in pages:
        part = page.pop("split", None) or split_of(page["id"])
        truths.setdefault(part, {})
        folder = out / part / "html"
        folder.mkdir(parents=True, exist_ok=True)
        with gzip.open(folder / f"{page['id']}.html.gz", "wt", encoding="utf-8") as handle:
            handle.write(page["html"])
        truths[part][page["id"]] = {k: v for k, v in page.items() if k not in ("id", "html")}
    for part, truth in truths.items():
        (out / part / "ground-truth.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
        bodies = sum(1 for t in truth.values() if t["articleBody"])
        print(f"{part}: {len(truth)} pages, {bodies} with a body reference, "
              f"{sum(1 for t in truth.values() if t['title'])} titles, "
              f"{sum(1 for t in truth.values() if t['date'])} dates")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--out", type=Path, required=True, help="output folder (outside the repo)")
    ap.add_argument("--readability", type=Path, help="mozilla/readability checkout or git dir")
    ap.add_argument("--newspaper4k", type=Path, help="AndyTheFactory/newspaper4k checkout")
    ap.add_argument("--trafilatura", type=Path, help="adbar/trafilatura checkout or git dir")
    ap.add_argument("--postlight", type=Path, help="postlight/parser checkout or git dir")
    ap.add_argument("--goose3", type=Path, help="goose3/goose3 checkout or git dir")
    ap.add_argument("--fundus", type=Path, help="flairNLP/fundus checkout or git dir")
    ap.add_argument("--wcxb", type=Path,
                    help="Murrough-Foley/web-content-extraction-benchmark checkout or git dir")
    args = ap.parse_args()
    if ROOT in args.out.resolve().parents:
        raise SystemExit("--out must be outside the repository (the pages are not ours)")
    pages: list[dict[str, Any]] = []
    if args.readability:
        pages += readability_pages(Source(args.readability), load_score())
    if args.newspaper4k:
        pages += newspaper_pages(Source(args.newspaper4k))
    if args.trafilatura:
        pages += trafilatura_pages(Source(args.trafilatura))
    if args.postlight:
        pages += postlight_pages(Source(args.postlight))
    if args.goose3:
        pages += goose_pages(Source(args.goose3))
    if args.wcxb:
        pages += wcxb_pages(Source(args.wcxb))
    if args.fundus:
        pages += fundus_pages(Source(args.fundus))
    write(args.out, pages)


if __name__ == "__main__":
    main()
