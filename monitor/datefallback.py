"""Last resorts for a page that declares no publication date and shows none beside its
headline, in order of trust: a meta tag named for publishing, a date-named element of the
page's own header even when written as a list, the page's declared modification date, an
"updated" line, a bare date standing alone in an element no list of others holds, then a
dateline opening a paragraph.

Each is read only once everything in monitor.dates found nothing, so a page-wide walk is
paid by few pages.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.datelists import first_dated, in_header_list
from monitor.datetext import parse_date

# elements named for a date (class, id, itemprop) or machine-readable <time>
DATE_NAMED = 'time, [class*="date" i], [id*="date" i], [itemprop*="date" i]'
NAMED_NODES = 1000  # date-named elements looked at page-wide (the earlier scans stop at 120)
NAMED_LINE = 50  # characters; a date-named element longer than this is a container
BARE_LINE = 30  # characters; a text this short holding a date is a bare date line
# a text line of 6 to BARE_LINE characters (white space around it aside) holding a digit;
# possessive white space: a long blank line must not be re-scanned from every position
_SHORT_LINE = re.compile(
    rf"^[^\S\n]*+(?=[^\n]*\d)(\S[^\n]{{4,{BARE_LINE - 2}}}\S)[^\S\n]*+$", re.M
)
# a dateline opening a paragraph: "27.1.2022 - Bei der Erinnerung ...", "May 3, 2020 — The"
_DATELINE = re.compile(
    rf"^[^\S\n]*+(?=\S[^\n]{{0,{BARE_LINE}}}\d)(\S[^\n]{{4,{BARE_LINE - 2}}}?\S)[^\S\n]+[-–—]"
    r"[^\S\n]+\w", re.M
)
# a press release's dateline opening its line: its place (1-4 capitalised words: "In a
# filing, the company said on 3 March 2019 - ..." is prose), the date, perhaps the wire,
# then a dash opening the text ("NEW YORK, March 3, 2021 /PRNewswire/ -- ...",
# "Berlin, 27.09.2021 – Die ...")
_PLACE_WORD = r"[A-ZÀ-Ý][^\s\d,/()]{0,20}+"
_PLACE_DATELINE = re.compile(
    rf"^[^\S\n]*+{_PLACE_WORD}(?:[^\S\n]+{_PLACE_WORD}){{0,3}},[^\S\n]*+([^\n]{{6,40}}?)"
    r"(?:[^\S\n]+(?:/[^/\n]{2,30}/|\([^()\n]{2,30}\)))?[^\S\n]+(?:--|[-–—])[^\S\n]", re.M
)
UPDATED_LINE = 150  # characters; a longer line with "updated" and a date is prose
TEXT_SCAN = 100_000  # characters of page text searched for an "updated" line
# "Last updated: 13 Nov 2025", "Diese Seite wurde zuletzt am 29. Januar 2020 geändert"
UPDATED = re.compile(
    r"\b(?:updated|modified|edited|aktualisiert|geändert|stand|actualizado|actualisé|"
    r"mis à jour|aggiornato|bijgewerkt)\b", re.I
)
# meta names and JSON-LD keys of a modification date
MODIFIED_KEYS = ("modif", "updat")
# parts of meta names that name the publication (or creation) date
PUBLISHED_KEYS = ("publish", "pubdate", "publication", "create")


def meta_published(metas: dict[str, str]) -> str | None:
    """A meta tag named for publishing that monitor.dates does not list ("w-published-date",
    "publication-date", "og:pubdate", Weibo's "weibo:article:create_at")."""
    for name, value in metas.items():
        if any(key in name for key in PUBLISHED_KEYS) and "publisher" not in name \
                and not any(key in name for key in MODIFIED_KEYS):
            found = parse_date(value)
            if found:
                return found
    return None


def named_in_header(body: LexborNode, first_month: bool) -> str | None:
    """The first short date-named element page-wide that no list of other articles holds
    (a header written as a list whose items link nowhere is the page's own)."""
    return first_dated(islice(body.css(DATE_NAMED), NAMED_NODES), NAMED_LINE, first_month,
                       in_header_list)


def modified(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str]) -> str | None:
    """The modification date the page declares (JSON-LD, meta tags, itemprop)."""
    value = ld.get("dateModified")
    found = parse_date(value) if isinstance(value, str) else None
    if found:
        return found
    for name, content in metas.items():
        found = parse_date(content) if any(key in name for key in MODIFIED_KEYS) else None
        if found:
            return found
    node = tree.css_first('[itemprop~="dateModified"]')
    if node is None:
        return None
    attrs = node.attributes
    return parse_date(attrs.get("content") or attrs.get("datetime") or node.text())


def updated_line(text: str, first_month: bool) -> str | None:
    """The date of the first short text line saying the page was updated or edited."""
    text = text[:TEXT_SCAN]
    for match in UPDATED.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        line = text[start:end if end >= 0 else len(text)]
        found = parse_date(line, first_month) if len(line) <= UPDATED_LINE else None
        if found:
            return found
    return None


def _bare_lines(text: str, first_month: bool) -> set[str]:
    """The page's text lines that are little more than a date (each text node is a line)."""
    return {line for line in _SHORT_LINE.findall(text) if parse_date(line, first_month)}


def bare_date(body: LexborNode, text: str, first_month: bool) -> str | None:
    """The first text of the page that is little more than a date ("01.11.2023 11:35",
    "Apr 7, 2009") that no list of other articles holds (class names aside: a single
    article's header wrapper may be named "teaser"). The page text finds the candidates;
    the walk over the elements runs only when there are some."""
    candidates = _bare_lines(text, first_month)
    if not candidates:
        return None
    for node in body.traverse(include_text=True):
        line = (node.text_content or "").strip() if node.tag == "-text" else ""
        if line in candidates and in_header_list(node):
            return parse_date(line, first_month)
    return None


def dateline(text: str, first_month: bool) -> str | None:
    """The date opening a paragraph as its dateline, the first in the page text: alone or
    after the place of a press release."""
    for pattern in (_DATELINE, _PLACE_DATELINE):
        for match in pattern.finditer(text[:TEXT_SCAN]):
            found = parse_date(match.group(1), first_month)
            if found:
                return found
    return None


def last_resort(tree: LexborHTMLParser, ld: dict[str, Any], metas: dict[str, str],
                text: str, first_month: bool) -> str | None:
    """The page's date from the weaker signals above, in their order of trust."""
    body = tree.body
    found = meta_published(metas)
    if found is None and body is not None:
        found = named_in_header(body, first_month)
    found = found or modified(tree, ld, metas) or updated_line(text, first_month)
    if found is None and body is not None:
        found = bare_date(body, text, first_month)
    return found or dateline(text, first_month)
