"""The extractor's parse of a page: lexbor, with the repairs and settings every reading of the
page relies on (monitor.extract and its fallbacks parse through it)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser

from monitor import streamed
from monitor.attrnames import make_known

_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title", re.I)


def parse(html: str, utf8: bytes | None = None, scripting: bool = True) -> LexborHTMLParser:
    """Parse, closing an unclosed <title> first (lexbor would swallow the page into it), and
    put React's streamed segments in place.

    As a browser that runs scripts does (``scripting``; off only for the reading of what a
    script-drawn page shows without them): <noscript> holds text, not markup. Read as markup,
    an unclosed <div> in it swallowed the rest of the page, which then went with the
    <noscript> (an empty body), and an <img> in it closed <head> early.

    The attribute names the queries test are made known to the document at once
    (monitor.attrnames): each query then finds its id once, not at every element. Without
    lexbor's mutation events (a tenth of the parse): they only serve <select>s, junk here.

    NULs become U+FFFD (lexbor would drop them from text). The page goes in as the UTF-8
    bytes lexbor would make of the str; a NUL is looked for in those: on a str wider than
    Latin-1 a search for "\\x00" walks it character by character. ``utf8``: the page's
    bytes when they are exactly ``html.encode("utf-8")`` (encoding.utf8_source), given to
    lexbor as they are unless the <title> needs closing.
    """
    opening = _TITLE_OPEN.search(html)
    if opening is not None and _TITLE_CLOSE.search(html, opening.end()) is None:
        end = html.find("<", opening.end())
        end = len(html) if end < 0 else end
        html, utf8 = html[:end] + "</title>" + html[end:], None
    data = html.encode("utf-8", errors="ignore") if utf8 is None else utf8  # (as selectolax would)
    if b"\x00" in data:
        html = html.replace("\x00", "\ufffd")
        data = html.encode("utf-8", errors="ignore")
    tree = LexborHTMLParser(data, options=LexborDocumentOptions.WO_EVENTS, scripting=scripting)
    if tree.root is not None:  # (before the first query: monitor.attrnames)
        make_known(tree.root)
    if streamed.present(tree):
        streamed.reveal(tree, html)
    return tree
