"""Image captions that end in their credit, and credit lines of their own.

A caption rendered outside a <figure> (a div of the page's own build) reaches the body as
a line: "Workers at the plant on Monday. Bildrechte: MDR/Jane Doe", "A portrait of the
queen (Picture credit: Getty)", or the credit alone on the next line ("Image: Jane Doe").
The label after a sentence's end (or in brackets), then a short name, ends such a line;
prose that names a photo ("The photo: a field at dawn, he said.") goes on past the name, and
a name ends in a letter or digit, not a full stop: "BILD: Sie waren also dabei." is an
interviewer's line (the paper Bild's) in an interview.

A credit can also open with its source, no label before it: the agency, a slash and the
photographer ("Getty Images / Jane Doe", "imago images/Pemax"), or "Courtesy of the artist"
under a picture. Alone on a short line, that is all such a line says; a comma or a verb
("Courtesy of the city, residents got ...", "Getty Images said ...") makes it prose.
"""

from __future__ import annotations

import re

MAX_CHARS = 300  # a caption is short; a longer line is prose whatever its end
NAME_TAIL = 43  # characters after a credit's colon and its spaces: CAPTION_CREDIT's longest name + 1
_LABELS = r"bildrechte|fotos?|photos?|images?|bild|bilder|imagen|imagem"
CAPTION_CREDIT = re.compile(
    rf"(?:^(?:{_LABELS})|(?:[.!?]\s+|\()(?:{_LABELS}|credit|crédit|(?:picture|photo|image)\s+"
    r"credit|crédit\s+photo|foto\s*credit))\s*:\s*[^\s:.][\w/ .,&+-]{0,39}\w\)?$",
    re.I,
)
AGENCY_CHARS = 60  # an agency's credit is a source and a name, no longer
# the picture agencies that open a credit line, lowered (a line opening with none is no credit)
AGENCIES = ("getty", "shutterstock", "istock", "alamy", "imago", "picture", "dpa", "afp", "epa",
            "ap ", "ap/", "reuters", "keystone", "courtesy")
AGENCY_CREDIT = re.compile(
    r"(?:(?:getty\s+images|shutterstock|istock(?:photo)?|alamy|imago(?:\s+images)?|"
    r"picture[\s-]alliance|dpa|afp|epa|ap(?:\s+photo)?|reuters|keystone)\s*/\s*|"
    r"courtesy(?:\s+of)?\s+)[^\W_][\w .'’&/-]{0,44}$",
    re.I,
)


def is_caption_credit(line: str) -> bool:
    """Whether a normalised line is an image caption with its credit, or a credit alone.

    (The pattern's colon is the line's last: nothing after it matches one. What follows it
    and its spaces is a name of at most 42 characters, and a line end: a longer rest rules
    the line out before a search that tries every offset, most of a line's cost.)"""
    if ":" not in line or len(line) >= MAX_CHARS:
        return len(line) <= AGENCY_CHARS and is_agency_credit(line)
    colon = line.rfind(":")
    if len(line) - colon > NAME_TAIL and len(line[colon + 1:].lstrip()) > NAME_TAIL:
        return False
    return CAPTION_CREDIT.search(line) is not None


def is_agency_credit(line: str) -> bool:
    """Whether a short line is a credit that opens with its source: "Getty Images / Jane
    Doe", "Courtesy of brand" (a line opening with none of AGENCIES needs no regex)."""
    return line[:12].lower().startswith(AGENCIES) and AGENCY_CREDIT.match(line) is not None
