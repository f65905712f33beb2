"""The writer's bio under a labelled heading at the very end of a body.

"About the author", "Die Autorin", "Über den Autor": a label of its own line, then a
paragraph or two on the writer, closes many opinion pieces and blog posts. Only near the
end (TAIL_LINES): a label higher up heads a section of the text (a profile's "About the
author" chapter that the story goes on after). Labels of someone else are no bio's: "Zur
Person" closes an interview with the interviewee's life, and a bare "The author" heads an
obituary's or a review's section on its subject.
"""

from __future__ import annotations

import re

TAIL_LINES = 3  # lines after the label, at most, for it to close the body
BIO_CHARS = 700  # characters of a bio paragraph; a longer one is the text's
BIO_LABEL = re.compile(
    r"(?:about\s+the\s+(?:author|writer)s?|author\s+bio|die\s+autorin(?:nen)?|"
    r"der\s+autor|die\s+autoren|über\s+(?:den\s+autor|die\s+autorin)|"
    r"l['’]auteur(?:e|rice)?|sobre\s+(?:el|la|o|a)\s+autor[ae]?|o\s+autorze|over\s+de\s+auteur)"
    r"\s*:?",
    re.I,
)


def cut_bio_tail(lines: list[str]) -> list[str]:
    """The body lines without a labelled bio that closes them."""
    first = max(1, len(lines) - TAIL_LINES - 1)
    for index in range(first, len(lines)):
        if BIO_LABEL.fullmatch(lines[index]) and all(
                len(line) <= BIO_CHARS for line in lines[index + 1:]):
            return lines[:index]
    return lines
