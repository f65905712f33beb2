"""The one form in which article text and watch aliases are compared, with a map back.

Why: a name must match however a site typed it (full-width letters, curly apostrophes,
no-break spaces, a soft hyphen or a line break inside it, ``STRASSE``/``Straße``, Turkish
dotted ``İ``), yet snippets must quote the original text. So the normal form is built with
per-character tables applied by ``str.translate`` (C speed), and where a character's form
is not exactly one character long (``ß`` -> ``ss``, a removed soft hyphen, a run of
spaces) the result records an anchor, so a position in the normal form maps back to the
original. Text that needs no anchor (most English prose) gets an identity map for free.

Per character: NFKC, then ``ß``/``ẞ`` -> ``ss``/``SS``, ``İ``/``ı`` -> ``I``/``i``,
typographic quotes and apostrophes -> ASCII, hyphen variants -> ``-``, every whitespace
character -> one space, invisible characters (soft hyphen, zero-width, bidi marks) removed;
runs of whitespace collapse to one space. ``folded`` is that form lower-cased, which is
one character for one once ``İ`` is ``I`` (and gives ``ς`` for a final sigma on both
sides, which the fold then writes ``σ``: ``ΟΔΟΣ`` and ``οδος`` alike, whatever follows), so
both forms share the same positions. Text that is not NFC (decomposed
accents) takes a slower exact path. Known limit: NFKC is applied per character (or per
combining cluster), so a half-width katakana voicing mark is not composed with the kana
before it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

INVISIBLE = frozenset(
    "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff")
SPECIAL = {
    "ß": "ss", "ẞ": "SS", "İ": "I", "ı": "i",
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "ʼ": "'", "´": "'",
    "“": '"', "”": '"', "„": '"', "‟": '"', "″": '"', "«": '"', "»": '"',
    "‐": "-", "‑": "-", "‒": "-",
}


def char_form(ch: str) -> str:
    """The case-preserving normal form of one character (may be empty or longer)."""
    if ch in INVISIBLE:
        return ""
    if ch in SPECIAL:
        return SPECIAL[ch]
    if ch.isspace():
        return " "
    out = unicodedata.normalize("NFKC", ch)
    if out == ch:
        return ch
    return "".join(SPECIAL.get(c, " " if c.isspace() else c) for c in out if c not in INVISIBLE)


class _FormTable(dict[int, str]):
    """``str.translate`` table filled on first sight of a character; remembers which
    characters change length, because those need an anchor in the offset map."""

    def __init__(self) -> None:
        super().__init__()
        self.uneven: set[str] = set()

    def __missing__(self, key: int) -> str:
        value = char_form(chr(key))
        self[key] = value
        if len(value) != 1:
            self.uneven.add(chr(key))
        return value


@dataclass(frozen=True, slots=True)
class Normal:
    """Normal and folded forms of a text (same length) and the map back to the original.

    ``anchors`` holds, for each piece of the normal form, ``(start in normal form, start in
    original, end in original or -1)``; -1 marks a piece copied one character for one, any
    other end a piece that replaced ``original[start:end]`` as a whole. Empty: identity.
    """

    text: str
    folded: str
    anchors: tuple[tuple[int, int, int], ...] = ()

    def start(self, i: int) -> int:
        """Original index of the character at normal index ``i``."""
        if not self.anchors:
            return i
        k = bisect_right(self.anchors, (i, 1 << 62, 0)) - 1
        nstart, ostart, oend = self.anchors[max(k, 0)]
        return ostart + (i - nstart) if oend < 0 else ostart

    def end(self, j: int) -> int:
        """Original end (exclusive) of a span ending at normal index ``j`` (exclusive)."""
        if not self.anchors or j <= 0:
            return j
        k = bisect_right(self.anchors, (j - 1, 1 << 62, 0)) - 1
        nstart, ostart, oend = self.anchors[max(k, 0)]
        return ostart + (j - nstart) if oend < 0 else oend


def _fold(form: str) -> str:
    """Lower case, with every sigma one letter: str.lower writes a capital sigma final or
    not by its neighbours (``ΟΔΟΣ'Α``), and sites type the final form or not."""
    low = form.lower()
    return low.replace("ς", "σ") if "ς" in low else low


class Normalizer:
    """Builds :class:`Normal` forms; keeps its table, so build one per matcher and reuse it."""

    def __init__(self) -> None:
        self._form = _FormTable()

    def fold(self, text: str) -> str:
        """Lower-case a normal form; one character for one, since ``İ`` is already ``I``."""
        return _fold(text)

    def normalize(self, text: str) -> Normal:
        """The normal form of ``text`` with its offset map.

        Printable ASCII is its own form, so the usual case costs a few C-level passes: find
        the distinct other characters (through UTF-8 bytes, dropping printable ASCII) and
        ``str.replace`` those whose form is one other character. Only text with a
        character whose form has another length, or with blanks to collapse, takes the
        anchored path; text that is not NFC takes the exact one."""
        if text.isascii():
            form = text.translate(self._form)
            if "  " not in form:
                return Normal(form, form.lower())
            return self._anchored(text, set(text.encode().translate(None, _PRINTABLE_ASCII)
                                            .decode())) or self._exact(text)
        raw = text.encode("utf-8", "surrogatepass").translate(None, _PRINTABLE_ASCII)
        others = set(raw.decode("utf-8", "surrogatepass"))
        clusters = any(map(unicodedata.combining, others))
        if clusters and not unicodedata.is_normalized("NFC", text):
            return self._exact(text)
        form = text
        for ch in others:
            replacement = self._form[ord(ch)]
            if replacement == ch:
                continue
            if len(replacement) != 1:
                return self._uneven(text, others, clusters)
            form = form.replace(ch, replacement)
        if "  " in form:
            return self._uneven(text, others, clusters)
        return Normal(form, _fold(form))

    def _uneven(self, text: str, others: set[str], clusters: bool) -> Normal:
        """Text with a character whose form has another length, or blanks to collapse:
        anchored at those places only, unless combining marks make clusters."""
        normal = self._runs(text, _WIDE_RUN) if clusters else self._anchored(text, others)
        return normal or self._exact(text)

    def _anchored(self, text: str, others: set[str]) -> Normal | None:
        """Anchored path for text without combining marks (``others``: its characters other
        than printable ASCII): one-for-one characters are replaced over the whole text by
        ``str.replace``, and only the places ``str.find`` gives are visited (uneven
        characters, runs of blanks), where ``_runs`` visited every line break and every
        other non-ASCII character (German text with a ``ß``: 285 -> 40 us a 4.7 KB article,
        issue 9). Same map as ``_exact``."""
        even = text
        for ch in others:
            form = self._form[ord(ch)]
            if form != ch and len(form) == 1:
                even = even.replace(ch, form)
        parts: list[str] = []
        anchors: list[tuple[int, int, int]] = []
        pos = npos = 0
        for start, end in self._spots(text, even, others):
            if start > pos:
                anchors.append((npos, pos, -1))
                parts.append(even[pos:start])
                npos += start - pos
            piece = _run_form(text[start:end]) if end - start > 1 else self._form[ord(text[start])]
            anchors.append((npos, start, end))
            parts.append(piece)
            npos += len(piece)
            pos = end
        if pos < len(text):
            anchors.append((npos, pos, -1))
            parts.append(even[pos:])
        form = "".join(parts)
        if "  " in form:
            return None
        return Normal(form, _fold(form), tuple(anchors))

    def _spots(self, text: str, even: str, others: set[str]) -> list[tuple[int, int]]:
        """The spans ``_units`` would not copy one for one, in order: each uneven character
        alone, and each run of two or more blanks whole (a run holds two spaces once its
        white space is one space each, or an invisible character, which is uneven)."""
        found = [i for ch in others if len(self._form[ord(ch)]) != 1 for i in _find_all(text, ch)]
        found += _find_all(even, "  ")
        spans: list[tuple[int, int]] = []
        done = 0
        for i in sorted(found):
            if i < done:
                continue
            lo, hi = i, i + 1
            if _is_blank(text[i]):
                while lo > done and _is_blank(text[lo - 1]):
                    lo -= 1
                while hi < len(text) and _is_blank(text[hi]):
                    hi += 1
                if hi - lo == 1 and len(self._form[ord(text[i])]) == 1:
                    continue  # a lone blank kept as one space
            spans.append((lo, hi))
            done = hi
        return spans

    def _runs(self, text: str, runs: re.Pattern[str]) -> Normal | None:
        """Anchored path: copy printable ASCII, translate the runs between; None if blanks
        still need collapsing across pieces."""
        parts: list[str] = []
        anchors: list[tuple[int, int, int]] = []
        uneven = self._form.uneven
        pos = npos = 0
        for m in runs.finditer(text):
            start, end = m.span()
            if start > pos:
                if anchors:
                    anchors.append((npos, pos, -1))
                parts.append(text[pos:start])
                npos += start - pos
            run = m.group()
            form = run.translate(self._form)
            if len(form) == len(run) and "  " not in form and uneven.isdisjoint(run):
                if anchors:
                    anchors.append((npos, start, -1))
                parts.append(form)
                npos += len(form)
            else:
                if not anchors:
                    anchors.append((0, 0, -1))
                npos = self._units(text, start, end, npos, parts, anchors)
            pos = end
        if pos < len(text):
            if anchors:
                anchors.append((npos, pos, -1))
            parts.append(text[pos:])
        form = "".join(parts)
        if "  " in form:
            return None
        return Normal(form, _fold(form), tuple(anchors))

    def _exact(self, text: str) -> Normal:
        """Character by character, composing combining clusters: for text that is not NFC."""
        parts: list[str] = []
        anchors: list[tuple[int, int, int]] = []
        self._units(text, 0, len(text), 0, parts, anchors)
        form = "".join(parts)
        return Normal(form, _fold(form), tuple(anchors))

    def _units(self, text: str, lo: int, hi: int, npos: int, parts: list[str],
               anchors: list[tuple[int, int, int]]) -> int:
        """Append the forms of ``text[lo:hi]`` unit by unit; return the new normal position."""
        for start, end in _units(text, lo, hi):
            unit = text[start:end]
            if end - start == 1:
                piece = self._form[ord(unit)]
            elif _is_blank(unit[0]):
                piece = _run_form(unit)
            else:
                piece = unicodedata.normalize("NFC", unit).translate(self._form)
            # one for one: each character gave one (an NFC cluster that did not compose)
            even = len(piece) == end - start and (end - start == 1 or (
                not _is_blank(unit[0]) and unicodedata.is_normalized("NFC", unit)
                and self._form.uneven.isdisjoint(unit)))
            if not even:
                anchors.append((npos, start, end))
            elif not anchors or anchors[-1][2] >= 0:  # else it continues a one-for-one piece
                anchors.append((npos, start, -1))
            parts.append(piece)
            npos += len(piece)
        return npos


# Printable ASCII is its own normal form; the anchored path translates only runs of other
# characters, taking in the spaces next to them so blanks collapse across a run's edge.
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F))
_WIDE_RUN = re.compile(r"[^\x21-\x7e]{2,}|[^\x20-\x7e]")


def _is_blank(ch: str) -> bool:
    return ch.isspace() or ch in INVISIBLE


def _find_all(text: str, sub: str) -> list[int]:
    """Every index where ``sub`` starts (runs of it overlapping)."""
    found = []
    i = text.find(sub)
    while i != -1:
        found.append(i)
        i = text.find(sub, i + 1)
    return found


def _run_form(run: str) -> str:
    """A run of whitespace and invisible characters: one space if any is a space."""
    return " " if any(c.isspace() for c in run) else ""


def _units(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of blank runs (two or more blanks) and of combining clusters (a character and
    the combining marks after it) in ``text[lo:hi]``; other characters are units alone."""
    units: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        j = i + 1
        if _is_blank(text[i]):
            while j < hi and _is_blank(text[j]):
                j += 1
        else:
            while j < hi and unicodedata.combining(text[j]):
                j += 1
        units.append((i, j))
        i = j
    return units
