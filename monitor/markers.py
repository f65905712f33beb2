"""The markers the extractor writes into a page's text, and the cleaning reads.

One text() call of a body keeps its structure: block boundaries, links, subheadings and list
items are marked with characters of the Private Use Area that no page's text holds. This
module imports nothing, so both sides can import it.
"""

from __future__ import annotations

import re

PARA = "\ue000"  # a paragraph break, around each block element
LINK_OPEN = "\ue001"
LINK_CLOSE = "\ue002"
HEADING = "\ue003"  # starts the line of a subheading
LIST_ITEM = "\ue004"  # starts the line of a list item or a table cell
MARKERS = re.compile(f"[{PARA}-{LIST_ITEM}]")  # every one of them


def strip_markers(text: str) -> str:
    """The text without its markers (what ``MARKERS.sub("", text)`` leaves): a scan for each
    of the five characters costs 60% of the regex's class test of every character. A
    replace() counts its character with a loop over the text; ``in`` finds it by memchr of
    its low byte (not PARA's, 0: that one is replaced at once), so a marker is replaced
    only where it is (-47k of a ScrapingHub page's cleaning, with ASCII normalize_line)."""
    if LINK_OPEN in text:
        text = text.replace(LINK_OPEN, "")
    if LINK_CLOSE in text:
        text = text.replace(LINK_CLOSE, "")
    if HEADING in text:
        text = text.replace(HEADING, "")
    if LIST_ITEM in text:
        text = text.replace(LIST_ITEM, "")
    return text.replace(PARA, "")


# the characters str.strip() strips (str.isspace) and the markers: a line of these alone
# holds no text (a strip that stops at the first other character, where MARKERS.sub and
# strip() made a copy of the whole line)
BLANK = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
         "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000" + PARA + LINK_OPEN
         + LINK_CLOSE + HEADING + LIST_ITEM)

# An <a> without href (a named anchor, a script's button) opens with the marker twice: its
# text counts as linked as any link's, but it is never carried over block breaks (an old
# page's unclosed <a name="..."> holds every section after it).
NAMED_OPEN = LINK_OPEN * 2
