"""A live blog's entry headings: a time, then the entry's headline.

Live tickers head each entry with its time and a headline in one heading ("11.04 Uhr:
Drone strike reported in the south", "09:30 – Markets open lower"), and name the heading
after the time ("time", "timestamp"). Pruned as a date by that name, every entry lost its
headline. A heading that is only a time or a date ("11.04 Uhr", "Updated 4 hours ago")
stays boilerplate: only a clock time followed by a headline of words is spared.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.clean import normalize_line

HEADLINE_WORDS = 3  # words after the time: "11.04 Uhr: Rafah" is a label, three words a headline
_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
# a clock time (with "Uhr", "h" or am/pm), a separator, then the headline's words
_ENTRY = re.compile(
    r"^\d{1,2}[.:]\d{2}(?:\s*(?:uhr|h|[ap]\.?m\.?))?\s*[:–—-]\s*(?P<rest>\S.*)$", re.I)


def entry_heading(node: LexborNode, tag: str | None) -> bool:
    """Whether a heading, or the span that fills one, reads as a live blog entry's time and
    headline."""
    if tag not in _HEADINGS and (node.parent is None or node.parent.tag not in _HEADINGS):
        return False
    match = _ENTRY.match(normalize_line(node.text() or ""))
    return match is not None and len(match.group("rest").split()) >= HEADLINE_WORDS
