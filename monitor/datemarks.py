"""Whether a date element of the page is its modification date, not its publication date.

Pages that show both often put the update first ("Last updated: <time>... · First
published: <time>...") or mark it (hAtom's class "updated", itemprop dateModified); the
first machine-readable date of the page is then not the one the publisher first put out.
A plain date line can show both in that order too (line_date reads it).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.datetext import MONTHS, parse_date
from monitor.scoring import node_names
from monitor.tagids import tag_ids

CAPTION_LEVELS = 5  # levels above a date searched for the photo caption or gallery it is in
# what names a slider of photos with their captions ("Monday, Sept. 2, 2024, in Pittsburgh");
# not "caption" nor "gallery": pages name their header so ("intro__caption", "photogallery")
_CAPTION_NAMES = ("carousel", "slideshow", "lightbox")
_CAPTION_STOPS = tag_ids(("body", "main", "article"))
_FIGURES = tag_ids(("figure", "figcaption"))
MAX_CAPTION = 1000  # characters; a longer block is no caption nor slide but holds the story
LABEL_BEFORE = 40  # characters of text before a date element read for its label
SIBLINGS = 3  # preceding siblings read for that label ("<span>Updated</span> <time>")
_UPDATE_WORDS = (r"(?:updated|modified|edited|revised|aktualisiert|geändert|actualizad[oa]|"
                 r"actualisé|mis\s+à\s+jour|modifié|aggiornato|modificato|bijgewerkt|"
                 r"aangepast|atualizad[oa]|aktualizacja)")
# a part of each ASCII word of _UPDATE_WORDS: an ASCII line holding none of them in any
# case holds no update label (the words with accents never match an ASCII line)
UPDATE_KEYS = ("updated", "modifi", "edited", "revised", "aktualisiert", "actualizad",
               "aggiornato", "bijgewerkt", "aangepast", "atualizad", "aktualizacja")
# what may stand between an update label and its date: "Updated: ", "Modified on", "mis à jour le"
_CONNECTOR = r"\W*(?:(?:on|at|am|le|el|il)\b\W*)?"
# a label that ends right where the date starts: "Last updated:", "Modified on", "Updated at"
_LABEL_ENDS = re.compile(rf"\b{_UPDATE_WORDS}\b{_CONNECTOR}$", re.I)
# an update label anywhere in a date line ("Updated: 12 April 2021 · Published: 3 March 2021")
_LABEL_IN_LINE = re.compile(rf"\b{_UPDATE_WORDS}\b", re.I)
# what labels the publication in such a line, after the update
_PUBLISHED_IN_LINE = re.compile(
    r"\b(?:published|posted|created|released|publié|publicad[oa]|pubblicato|veröffentlicht|"
    r"erstellt|gepubliceerd|opublikowano)\b", re.I
)
# what separates the parts of a date line ("Updated ... | Published ...", "... · ...")
_LINE_PARTS = re.compile(r"[|·•;()\n]| [-–—] ")
_AFTER_LABEL = re.compile(f"^{_CONNECTOR}")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# a date whose own text opens with the label: "<time>Updated Jan 20, 2023</time>"
_LABEL_OPENS = re.compile(rf"^\W*(?:last\s+)?{_UPDATE_WORDS}\b", re.I)
# labels of dates that date no text: a forum member's sign-up, the clock of the page's
# rendering ("Mitglied seit 28. Juni 2014", "It is currently Wed Oct 14, 2020 12:18 pm")
_NOT_TEXT_PHRASES = ("member since", "joined", "registered", "mitglied seit", "registriert",
                     "dabei seit", "membre depuis", "inscrit le", "miembro desde",
                     "iscritto (?:il|dal)", "lid sinds", "it is currently", "current time",
                     "aktuelle zeit", "heutiges datum", "nous sommes le", "la data di oggi",
                     "fecha actual")
_NOT_TEXT_WORDS = "(?:" + "|".join(p.replace(" ", r"\s+") for p in _NOT_TEXT_PHRASES) + ")"
# a word of each phrase: an ASCII text holding none of them in any case holds none of the
# phrases (which the three patterns below would otherwise look for at every offset)
NOT_TEXT_KEYS = tuple(max((w for w in p.split() if w.isalpha()), key=len)
                      for p in _NOT_TEXT_PHRASES)
_NOT_TEXT_OPENS = re.compile(rf"^\W*{_NOT_TEXT_WORDS}\b", re.I)
_NOT_TEXT_ENDS = re.compile(rf"\b{_NOT_TEXT_WORDS}\W*(?:(?:on|am|le|el|il)\b\W*)?$", re.I)
_NOT_TEXT_LABEL = re.compile(rf"\b{_NOT_TEXT_WORDS}\W*(?:(?:on|am|le|el|il)\b\W*)?", re.I)
NOT_TEXT_DATE = 24  # characters after such a label inside a line that must hold its date


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


def dates_no_text(node: LexborNode) -> bool:
    """Whether a date element is labelled as no text's date: a forum member's sign-up
    ("<dt>Mitglied seit</dt><dd>28. Juni 2014</dd>") or the time the page was rendered
    ("Aktuelle Zeit: 14.10.2020, 12:18"), which a forum thread shows beside its title.
    The label may sit inside the line, right before its first date: "jdoe Joined: 12 Jan
    2014 · Posts: 200" (but "who joined the paper in 2015 · March 9, 2026" is a byline's)."""
    own = node.text(deep=True) or ""
    named = _may_hold(own, NOT_TEXT_KEYS)
    if named and _NOT_TEXT_OPENS.match(own):
        return True
    before = _text_before(node)
    if _may_hold(before, NOT_TEXT_KEYS) and _NOT_TEXT_ENDS.search(before):
        return True
    label = _NOT_TEXT_LABEL.search(own) if named else None
    if label is None:
        return False
    day = parse_date(own[label.end():label.end() + NOT_TEXT_DATE])
    return day is not None and day == parse_date(own)


def _may_hold(text: str, keys: tuple[str, ...]) -> bool:
    """Whether a case-blind pattern each of whose ASCII words holds one of ``keys`` may
    match ``text``: not ASCII (re.I folds more than ASCII letters), or a key in it,
    lowered. (Substring tests spare the search, which tries its words at every word.)"""
    if not text.isascii():
        return True
    lowered = text.lower()
    return any(map(lowered.__contains__, keys))  # (no generator frame)


def in_caption(node: LexborNode) -> bool:
    """Whether a date element is (in) a photo's caption or a slider of photos: the day a
    picture was taken, often the day before the story ("..., Monday, Sept. 2, 2024, in
    Pittsburgh"). A caption holding the <h1> is the page's header laid over its photo; a
    block holding more text than a caption is the story's wrapper a lightbox script names
    ("entry-content lightbox-enabled" around the post's meta line and paragraphs)."""
    probe: LexborNode | None = node
    for _ in range(CAPTION_LEVELS):
        if probe is None:
            return False
        tag = probe.tag_id  # (one number read: each .tag read builds a str)
        if tag in _CAPTION_STOPS:
            return False
        if tag in _FIGURES \
                or any(map(node_names(probe).lower().__contains__, _CAPTION_NAMES)):
            return probe.css_first("h1") is None and len(probe.text() or "") <= MAX_CAPTION
        probe = probe.parent
    return False


def line_date(text: str, first_month: bool) -> str | None:
    """The publication date of a date line: its first date, unless the line opens with the
    update ("Last updated 12/04/2021 | First published 03/03/2021", "Aktualisiert am ...
    - Erstellt am ..."), when the date after the publication label is, or else the date
    after the update's ("Updated 12 April 2021 | 3 March 2021")."""
    found = parse_date(text, first_month)
    if found is None:
        return None
    update = _LABEL_IN_LINE.search(text) if _may_hold(text, UPDATE_KEYS) else None  # (~130k
    # instructions over 200 characters saved on most lines)
    if update is None or parse_date(text[: update.start()], first_month):
        return found
    published = _PUBLISHED_IN_LINE.search(text, update.end())
    if published is not None:
        return parse_date(text[published.end():], first_month) or found
    if not _opens_date(text[update.end():]):
        return found  # "Edited by Jane Roe | 4 March 2021 | ...": a credit, not the update's
    # no label names the other date: the first dated part after the update's own that is
    # no update itself ("Updated 12 April 2021 | Edited 3 March 2021" shows no publication)
    parts = _LINE_PARTS.split(text[update.end():])
    dated = [day for index, part in enumerate(parts)
             if index == 0 or not _LABEL_IN_LINE.search(part)
             if (day := parse_date(part, first_month)) is not None]
    return dated[1] if len(dated) > 1 and dated[1] != dated[0] else found


def _opens_date(after: str) -> bool:
    """Whether the text after an update label opens with the date, only blanks, punctuation
    and "on"/"am"/"le" between ("Updated: 12 April 2021", "Last updated on March 3")."""
    rest = _AFTER_LABEL.sub("", after, count=1)
    if rest[:1].isdigit():
        return True
    word = _FIRST_WORD.match(rest)
    return word is not None and word.group().lower() in MONTHS
