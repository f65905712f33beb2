"""A live blog's entry headings: a time, then the entry's headline.

Live tickers head each entry with its time and a headline in one heading ("11.04 Uhr:
Drone strike reported in the south", "09:30 – Markets open lower"), and name the heading
after the time ("time", "timestamp"). Pruned as a date by that name, every entry lost its
headline. A heading that is only a time or a date ("11.04 Uhr", "Updated 4 hours ago")
stays boilerplate: only a clock time followed by a headline of words is spared, and only
when the entry's text follows it: a TV guide's or a schedule's rows ("20:15 – The late news
and weather") are headings one after another, with no prose between.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.textnorm import normalize_line

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
    if match is None or len(match.group("rest").split()) < HEADLINE_WORDS:
        return False
    heading = node if tag in _HEADINGS else node.parent
    return heading is not None and _entry_text_follows(heading)


def _entry_text_follows(heading: LexborNode) -> bool:
    """Whether the next element after the heading is no heading and reads longer than it
    (the entry's text, not the next row of a schedule). A heading alone in its wrapper
    (an entry's <header>) is followed by the wrapper's next element."""
    own = (heading.text() or "").strip()
    while heading.parent is not None and heading.next is None \
            and (heading.parent.text() or "").strip() == own:
        heading = heading.parent
    probe = heading.next
    while probe is not None and probe.tag in ("-text", "-comment"):
        if (probe.text() or "").strip():
            break  # (bare text after the heading: the entry's words)
        probe = probe.next
    if probe is None or probe.tag in _HEADINGS:
        return False
    return len((probe.text() or "").strip()) > len(own)
