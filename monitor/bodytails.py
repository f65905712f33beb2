"""Closing blocks of a body that are no part of its text: the writer's bio, under a label or
alone, and a newsroom's donation appeal with all after it.

Each is found near the end only, and only when what follows is short paragraphs: higher up
the same words head a section of the text (a profile's "About the author" chapter) or are
quoted by a story about fundraising.

Bio: "About the author", "Die Autorin", "Über den Autor": a label of its own line, then a
paragraph or two on the writer, closes many opinion pieces and blog posts; or the last line
alone says who the writer is ("Jane Doe is a reporter for ..."). Labels of someone else are
no bio's: "Zur Person" closes an interview with the interviewee's life, and a bare "The
author" heads an obituary's or a review's section on its subject.

Appeal: non-profit and reader-funded newsrooms end a story with a pitch for support: "Since
you made it to the bottom of this article, we have a small favor to ask", "Enjoyed this
piece? We need your help to keep publishing", then the campaign, the ask, a thank-you and
the editor's signature, each a plain paragraph. An "If you value ..., please consider
donating" names the newsroom's work (our, stories, journalism): an obituary's last line asks
for donations to a hospice. Nor when the line reports speech ("If you value food banks,
please consider donating, the director said"): a story about a charity can end on its
appeal, quoted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from monitor.caseless import ascii_fold
from monitor.linetests import SENTENCE_END
from monitor.pitchlines import REPORTED

BIO_TAIL_LINES = 3  # lines after a bio's label, at most, for it to close the body
BIO_CHARS = 700  # characters of a bio paragraph; a longer one is the text's
APPEAL_TAIL_LINES = 10  # lines after an appeal's opening, at most, for it to close the body
APPEAL_CHARS = 600  # characters of a line of the appeal; a longer one is the story's
LABEL_CHARS = 50  # characters of the line above a closing bio that labels it
BIO_LABEL = re.compile(
    r"(?:about\s+the\s+(?:author|writer)s?|author\s+bio|die\s+autorin(?:nen)?|"
    r"der\s+autor|die\s+autoren|über\s+(?:den\s+autor|die\s+autorin)|"
    r"l['’]auteur(?:e|rice)?|sobre\s+(?:el|la|o|a)\s+autor[ae]?|o\s+autorze|over\s+de\s+auteur)"
    r"\s*:?",
    re.I,
)
# the last line alone, a writer's bio ("Jane Doe is a reporter for ...")
AUTHOR_BIO = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,4}is\s+(?:a|an|the)\s+[^.]{0,100}?\b(?:writer|reporter|editor|"
    r"correspondent|journalist|contributor|columnist|freelancer?)\b"
)  # (not "is an analyst at ...": a closing paragraph of reporting quotes analysts)
# the line above such a bio that labels it, not a subheading of the text
LONE_BIO_LABEL = re.compile(
    r".*\b(?:about|author|writer|written|contribut\w*|editor|columnist|reporter|correspondent|"
    r"staff|by)\b", re.I)
APPEAL_OPENING = re.compile(
    r"""(?:since\s+you(?:['’]ve|\s+have)?\s+made\s+it\s+to\s+the\s+(?:bottom|end)\b
      | (?:enjoyed|liked|like|love)\s+(?:this|our)\s+(?:piece|article|story|post|reporting|journalism)
        \?\s+(?:we\s+need\s+your\s+help|please\s+(?:support|consider|donate)|support|consider|
        become|help)
      | if\s+you\s+(?:value|believe|enjoyed|appreciate|like)\b(?=.{0,140}?\b(?:our|us|we|
        journalism|reporting|stor(?:y|ies)|articles?|news|this\s+(?:piece|site|newsletter))\b)
        .{0,140}\bplease\s+consider\s+
        (?:supporting|donating|making\s+a|pitching\s+in|becoming|a\s+donation)
      | unterstützen\s+sie\s+(?:unseren|unabhängigen|jetzt)\b.{0,40}journalismus
    ).{0,300}""",
    re.I | re.X,
)
# (apart, and read only on a line with "favo" in it: the one opening not anchored at the line's
# start, its .{0,80} tried at every offset cost more than all the others; "favo" has no letter
# that re.I matches beyond its ASCII case pair, so the test is exact, on the line's fold as on
# its lower(), which costs three times as much on a line that is not ASCII)
SMALL_FAVOUR = re.compile(r".{0,80}\bwe\s+have\s+a\s+small\s+favou?r\s+to\s+ask\b.{0,300}", re.I)


def cut_closing_blocks(lines: list[str]) -> list[str]:
    """The body lines without a writer's bio or a donation appeal that closes them."""
    return cut_bio_tail(cut_appeal_tail(_cut_lone_bio(lines)))


def cut_bio_tail(lines: list[str]) -> list[str]:
    """The body lines without a labelled bio that closes them."""
    return _cut_tail(lines, BIO_TAIL_LINES, BIO_CHARS, BIO_LABEL.fullmatch)


def cut_appeal_tail(lines: list[str]) -> list[str]:
    """The body lines without a donation appeal that closes them."""
    return _cut_tail(lines, APPEAL_TAIL_LINES, APPEAL_CHARS, _appeal_opening)


def _appeal_opening(line: str) -> bool:
    """Whether a line opens the newsroom's appeal (one that reports speech is quoted)."""
    opens = APPEAL_OPENING.fullmatch(line) is not None or (
        "favo" in ascii_fold(line) and SMALL_FAVOUR.fullmatch(line) is not None)
    return opens and REPORTED.search(line) is None


def _cut_tail(lines: list[str], tail_lines: int, chars: int,
              opens: Callable[[str], object]) -> list[str]:
    """The lines up to the first line that ``opens`` a closing block, in the last
    ``tail_lines`` + 1 lines (never the first line) and with only lines of at most ``chars``
    characters after it; all the lines when there is none. (A line above the last longer
    one has such a line after it: it is not read.)"""
    start = max(1, len(lines) - tail_lines - 1)
    for index in range(len(lines) - 1, start, -1):
        if len(lines[index]) > chars:
            start = index
            break
    for index in range(start, len(lines)):
        if opens(lines[index]):
            return lines[:index]
    return lines


def _cut_lone_bio(lines: list[str]) -> list[str]:
    """The body lines without a last line that is a writer's bio, and its short label above."""
    end = len(lines)
    if end > 1 and AUTHOR_BIO.match(lines[end - 1]):
        end -= 1
        label = lines[end - 1]
        if end > 1 and len(label) <= LABEL_CHARS and not SENTENCE_END.search(label) \
                and LONE_BIO_LABEL.match(label):
            end -= 1
    return lines[:end]
