"""Article metadata from a parsed page: title, publication date, author, language, canonical.

Structured declarations (JSON-LD, Open Graph, meta tags) win over visible text because a
page states them on purpose; visible text is read only near the headline, never from the
body or from lists of other articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from monitor import selectors as sel
from monitor.clean import clean_text
from monitor.dates import find_published, parse_date
from monitor.junkwalk import LD_TYPE, Walked
from monitor.nodefinds import title_element
from monitor.scoring import deep_text
from monitor.titles import Shown, find_title, headline_node

__all__ = [
    "Shown", "author_from_credits", "clean_text", "find_author", "find_canonical", "find_lang",
    "find_published", "find_title", "headline_node", "json_ld", "ld_article", "meta_map",
    "parse_date", "title_element",
]

# --- structured data --------------------------------------------------------------------


def _walk_ld(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _walk_ld(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        graph = data.get("@graph")
        if graph is not None:
            yield from _walk_ld(graph, depth + 1)


def json_ld(tree: LexborHTMLParser, walked: Walked | None = None) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page (invalid blocks are skipped); ``walked``: the
    page's junk walk, which lists the blocks (see monitor.junkwalk)."""
    found: list[dict[str, Any]] = []
    scripts = tree.css(f'script[type="{LD_TYPE}"]') if walked is None else walked.ld_scripts()
    for script in scripts:
        raw = deep_text(script).strip()
        if raw.startswith("<![CDATA["):  # XHTML-style wrapping, as on Wikipedia
            raw = raw[9:].removesuffix("]]>")
        try:
            data = json.loads(raw, strict=False)  # raw line breaks inside strings are common
        except (ValueError, RecursionError):
            continue
        found.extend(_walk_ld(data))
    return found


def _is_article(obj: dict[str, Any]) -> bool:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and ("Article" in k or k in ("BlogPosting", "Report"))
               for k in kinds)


def ld_article(objs: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object that describes the article (or the first with a headline)."""
    found: dict[str, Any] = {}
    for obj in objs:
        if _is_article(obj):
            found = obj
            break
    else:
        for obj in objs:
            if "headline" in obj or "datePublished" in obj:
                found = obj
                break
    if found and "datePublished" not in found:
        # the date sometimes sits on a sibling object (WebPage) of the same graph
        dated = next((o for o in objs if isinstance(o.get("datePublished"), str)), None)
        if dated is not None:
            found = {**found, "datePublished": dated["datePublished"]}
    return found


_DATED_NAME = re.compile("date|time|publish", re.I)  # meta names a date may be declared under


def meta_map(tree: LexborHTMLParser, walked: Walked | None = None) -> dict[str, str]:
    """<meta> name/property/itemprop (lower-cased) to content; the first occurrence wins.
    ``walked``: see json_ld (a <meta> without content or value is passed over all the
    same). A date's content written as ``value`` ('<meta value="2016-12-14T06:02:15Z"
    name="og:article:published_time">', as pages saved by a reader tool have all their
    metas) is read too; other names keep content only (their titles so written matched no
    more references on the dev pages)."""
    out: dict[str, str] = {}
    metas = tree.css("meta[content], meta[value]") if walked is None else walked.metas
    for meta in metas:
        attrs = meta.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if content is None and key and _DATED_NAME.search(key):
            content = attrs.get("value")
        if key and content:
            out.setdefault(key.strip().lower(), content)
    return out


# --- author, language, canonical ----------------------------------------------------------

_BY = re.compile(r"^(?:(?:posted|written|reported|words)\s+by|by|from|von|par|por|di)\b\s*:?\s*",
                 re.I)
_CREDIT = re.compile(
    r"^(?:reporter|writer|author|written\s+by|text)s?\s*[|｜:：]\s*(.{2,60})$", re.I
)


def _ld_author(ld: dict[str, Any]) -> str | None:
    author = ld.get("author")
    items = author if isinstance(author, list) else [author]
    names: list[str] = []
    for item in items[:5]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str) and clean_text(item):
            names.append(clean_text(item))
    return ", ".join(names) or None


def find_author(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str]
                ) -> str | None:
    """Author from JSON-LD, meta tags, then a short visible byline."""
    found = _ld_author(ld)
    if found:
        return found
    for key in ("author", "article:author", "byl", "byline", "dc.creator", "parsely-author",
                "sailthru.author"):
        value = clean_text(metas.get(key))
        if value and not value.startswith(("http://", "https://")):
            return _BY.sub("", value)
    for count, node in enumerate(tree.css(sel.AUTHOR_SELECTOR)):
        if count > 10:
            break
        text = _BY.sub("", clean_text(node.text()))
        if 2 < len(text) < 50:
            return text
    return None


def author_from_credits(lines: list[str]) -> str | None:
    """'Reporter | Chen Ying' style credit lines (kept out of the body) name the author."""
    for line in lines:
        match = _CREDIT.match(clean_text(line))
        if match:
            return match.group(1).strip()
    return None


def find_lang(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    """Declared language: <html lang>, Content-Language, og:locale."""
    html = tree.root  # (the page's first element, what css_first("html") finds: a query costs more)
    if html is not None:
        attrs = html.attributes
        lang = (attrs.get("lang") or attrs.get("xml:lang") or "").strip()
        if lang:
            return lang
    for key in ("content-language", "language", "og:locale", "dc.language"):
        value = clean_text(metas.get(key))
        if value:
            return value.replace("_", "-")
    return None


def find_canonical(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    """The URL the page names as its own."""
    link = tree.css_first('link[rel="canonical"][href]')
    if link is not None:
        href = (link.attributes.get("href") or "").strip()
        if href:
            return href
    return clean_text(metas.get("og:url")) or None
