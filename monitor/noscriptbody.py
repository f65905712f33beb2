"""What a page drawn by scripts shows a reader without them: the markup of its <noscript>
blocks, read as a browser with scripting off reads it (the extractor's parse has scripting
on, as browsers do, and keeps <noscript> as text). Only for the last reading of a page no
other reading found a body in (monitor.lastresort)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from monitor.pageparse import parse

# "Please enable JavaScript", "requires JavaScript", "a browser with JavaScript switched on",
# "JavaScript is disabled/must be turned on": the notice, not a story
JS_NOTICE = re.compile(
    r"\b(enable|turn on|switch on|activate|allow|requires?|needs?|support|with|without)\b"
    r".{0,40}\bjavascript\b"
    r"|\bjavascript\b.{0,40}\b(disabled|required|enabled|needed|must be|turned (on|off)"
    r"|switched (on|off))\b", re.I | re.S)


def has_noscript(text: str) -> bool:
    return "<noscript" in text.lower()


def noscript_tree(text: str) -> LexborHTMLParser:
    """The page parsed with scripting off (the extractor's parse, repairs included), its
    <noscript> blocks unwrapped into the page."""
    tree = parse(text, scripting=False)
    for block in tree.css("noscript"):
        block.unwrap()
    return tree


def without_notices(lines: list[str]) -> list[str]:
    return [line for line in lines if not JS_NOTICE.search(line)]
