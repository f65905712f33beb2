"""Whether a date element of the page is its modification date, not its publication date.

Pages that show both often put the update first ("Last updated: <time>... · First
published: <time>...") or mark it (hAtom's class "updated", itemprop dateModified); the
first machine-readable date of the page is then not the one the publisher first put out.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

LABEL_BEFORE = 40  # characters of text before a date element read for its label
SIBLINGS = 3  # preceding siblings read for that label ("<span>Updated</span> <time>")
_UPDATE_WORDS = (r"(?:updated|modified|edited|revised|aktualisiert|geändert|actualizado|"
                 r"actualisé|mis\s+à\s+jour|aggiornato|bijgewerkt)")
# a label that ends right where the date starts: "Last updated:", "Modified on", "Updated at"
_LABEL_ENDS = re.compile(rf"\b{_UPDATE_WORDS}\b\W*(?:(?:on|at|am|le|el|il)\b\W*)?$", re.I)
# a date whose own text opens with the label: "<time>Updated Jan 20, 2023</time>"
_LABEL_OPENS = re.compile(rf"^\W*(?:last\s+)?{_UPDATE_WORDS}\b", re.I)


def _text_before(node: LexborNode) -> str:
    """The last LABEL_BEFORE characters of the siblings before ``node``."""
    parts: list[str] = []
    probe = node.prev
    for _ in range(SIBLINGS):
        if probe is None or sum(map(len, parts)) >= LABEL_BEFORE:
            break
        parts.append(probe.text(deep=True) or "")
        probe = probe.prev
    return "".join(reversed(parts))[-LABEL_BEFORE:]


def is_modification(node: LexborNode) -> bool:
    """Whether a date element is named or labelled as the page's update: itemprop
    dateModified, a class "updated"/"modified" without "published" (WordPress marks an
    unchanged post "published updated"), or an update label just before or opening it."""
    attrs = node.attributes
    if "dateModified" in (attrs.get("itemprop") or ""):
        return True
    names = (attrs.get("class") or "").lower()
    if ("updated" in names or "modified" in names) and "publish" not in names:
        return True
    own = node.text(deep=True) or ""
    return bool(_LABEL_OPENS.match(own) or _LABEL_ENDS.search(_text_before(node)))
