"""Article metadata from a parsed page: title, publication date, author, language, canonical.

Structured declarations (JSON-LD, Open Graph, meta tags) win over visible text because a
page states them on purpose; visible text is read only near the headline, never from the
body or from lists of other articles.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.clean import normalize_line

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}
_ISO = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")
_MDY = re.compile(r"\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b", re.I)
_DMY = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b", re.I)
_NUM_DMY = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b")
_MARKERS = re.compile("[\ue000-\ue002]")


def _valid(year: int, month: int, day: int) -> str | None:
    if 1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def parse_date(text: str | None) -> str | None:
    """The first date written in ``text`` as YYYY-MM-DD, or None."""
    if not text:
        return None
    text = text.strip()[:300]
    match = _ISO.search(text)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _COMPACT.match(text)
    if match:
        return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _MDY.search(text)
    if match and match.group(1).lower() in _MONTHS:
        month = _MONTHS[match.group(1).lower()]
        return _valid(int(match.group(3)), month, int(match.group(2)))
    match = _DMY.search(text)
    if match and match.group(2).lower() in _MONTHS:
        month = _MONTHS[match.group(2).lower()]
        return _valid(int(match.group(3)), month, int(match.group(1)))
    match = _NUM_DMY.search(text)
    if match:
        return _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def clean_text(text: str | None) -> str:
    """Visible or declared text as one clean line (markers out, stray entities decoded)."""
    text = _MARKERS.sub("", text or "")
    if "&" in text:
        text = html.unescape(text)  # double-escaped meta content: &amp;#8216; -> ‘
    return normalize_line(text)


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


def json_ld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page (invalid blocks are skipped)."""
    found: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        try:
            data = json.loads(raw)
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
    for obj in objs:
        if _is_article(obj):
            return obj
    for obj in objs:
        if "headline" in obj or "datePublished" in obj:
            return obj
    return {}


def meta_map(tree: LexborHTMLParser) -> dict[str, str]:
    """<meta> name/property/itemprop (lower-cased) to content; the first occurrence wins."""
    out: dict[str, str] = {}
    for meta in tree.css("meta[content]"):
        attrs = meta.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        content = attrs.get("content")
        if key and content:
            out.setdefault(key.strip().lower(), content)
    return out


# --- title --------------------------------------------------------------------------------


def _is_logo(node: LexborNode) -> bool:
    """A heading that is the site's logo (logo/brand class nearby, or a link to the home page)."""
    probe: LexborNode | None = node
    for _ in range(3):
        if probe is None:
            break
        attrs = probe.attributes
        if sel.LOGO_HINT.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        probe = probe.parent
    link = node.css_first("a[href]")
    return link is not None and (link.attributes.get("href") or "") in ("/", "./", "index.html")


def _strip_site(title: str, site: str | None, split: bool = True) -> str:
    """Remove a trailing site name: 'Headline - Section - Site' -> 'Headline'.

    Declared titles (og:title) only lose an exact site name; <title> is also split.
    """
    if site:
        for sep in (" - ", " | ", " – ", " — ", "-", "|", "_", " :: ", " · "):
            if title.endswith(sep + site) and len(title) > len(sep + site) + 5:
                return title[: -len(sep + site)].strip()
    if not split:
        return title
    parts = [p for p in sel.TITLE_SEPARATORS.split(title) if p.strip()]
    if len(parts) <= 1:
        return title
    return max(parts, key=len) if len(parts[0]) < 20 else parts[0].strip()


def headline_node(tree: LexborHTMLParser, doc_title: str) -> tuple[str, LexborNode | None]:
    """The visible headline: a heading whose text starts the <title>, else a non-logo h1."""
    key = doc_title.casefold()
    body = tree.body
    if body is None:
        return "", None
    first_h1: tuple[str, LexborNode] | None = None
    for count, node in enumerate(body.css(sel.HEADLINE_SELECTOR)):
        if count > 60:
            break
        text = clean_text(node.text())
        if not text or len(text) > 300:
            continue
        if key and len(text) >= 8 and key.startswith(text.casefold()):
            return text, node
        if first_h1 is None and node.tag == "h1" and not _is_logo(node):
            first_h1 = (text, node)
    return first_h1 if first_h1 is not None else ("", None)


def find_title(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str]) -> str:
    """Title: JSON-LD headline, og:title, a heading matching <title>, then <title> itself."""
    site = clean_text(metas.get("og:site_name")) or None
    headline = ld.get("headline")
    if isinstance(headline, str) and clean_text(headline):
        return _strip_site(clean_text(headline), site, split=False)
    for key in ("og:title", "twitter:title", "title", "dc.title"):
        value = clean_text(metas.get(key))
        if value:
            return _strip_site(value, site, split=False)
    title_node = tree.css_first("title")
    doc_title = clean_text(title_node.text()) if title_node is not None else ""
    if len(doc_title) > 400:
        doc_title = ""
    text, _ = headline_node(tree, doc_title)
    if text:
        return text
    return _strip_site(doc_title, site) if doc_title else ""


# --- date ---------------------------------------------------------------------------------


def _in_list(node: LexborNode) -> bool:
    """Inside a list item or a related/sidebar block: dates there belong to other articles."""
    probe = node.parent
    for _ in range(6):
        if probe is None:
            return False
        if probe.tag in ("li", "ul", "ol", "aside", "nav", "footer"):
            return True
        attrs = probe.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _LISTY.search(names):
            return True
        probe = probe.parent
    return False


_LISTY = re.compile(r"related|sidebar|hot|recommend|popular|list|teaser|prenext|more", re.I)


def _structured_date(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str]
                     ) -> str | None:
    """Dates the page declares on purpose: JSON-LD, meta tags, itemprop, <time datetime>."""
    for key in ("datePublished", "dateCreated", "uploadDate"):
        value = ld.get(key)
        if isinstance(value, str) and parse_date(value):
            return parse_date(value)
    for name in sel.DATE_META_NAMES:
        if name in metas and parse_date(metas[name]):
            return parse_date(metas[name])
    for node in tree.css('[itemprop~="datePublished"], time[pubdate], time[datetime]'):
        if node.tag == "time" and _in_list(node):
            continue
        attrs = node.attributes
        found = parse_date(attrs.get("content") or attrs.get("datetime") or node.text())
        if found:
            return found
    return None


def find_published(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str],
                   headline: LexborNode | None) -> str | None:
    """Publication date the page declares: structured data, then a date line by the headline."""
    found = _structured_date(tree, ld, metas)
    if found or headline is None:
        return found
    scope: LexborNode | None = headline.parent
    for _ in range(3):
        if scope is None or scope.tag in ("body", "html"):
            break
        for count, node in enumerate(scope.css(sel.DATE_HINT_SELECTOR)):
            if count > 40:
                break
            text = clean_text(node.text())
            if not text or len(text) > 200 or _in_list(node):
                continue
            found = parse_date(text)
            if found:
                return found
        scope = scope.parent
    return None


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
    html = tree.css_first("html")
    if html is not None:
        lang = (html.attributes.get("lang") or html.attributes.get("xml:lang") or "").strip()
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
