"""Case-insensitive patterns tested on ASCII text through their lower-case twins.

sre tests a branch's first letter before entering it, and skips the start positions no
branch can begin at, only when it matches case-sensitively. A pattern compiled with re.I
and written in lower case finds in an ASCII text what its twin without re.I finds in the
text lowered: twice as fast on BOILERPLATE_LINE's dozens of branches, four times on a
search of NEGATIVE_CLASS through class names (~30 us of a 1.9 ms page read once).
A text with any other character goes to the pattern itself, or (matches_wide) to the twin
too when it holds no letter re.I joins to one the pattern spells beyond what lower() does.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

# İ ı ſ: "i", "i", "s" to re.I, not to lower(); a pattern spelling one (or the Kelvin sign,
# "k" to both) could match an ASCII letter its twin would not
CASE_ODD = ("\u0130", "\u0131", "\u017f")
_SPELLS_UPPER = re.compile(r"(?<!\\)[A-Z]|\\[xuUN0-7\\]|\(\?[a-zA-Z-]*[-i]")
_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str] | None]] = {}


def twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without re.I, for a lowered ASCII text, when that matches the same texts:
    no upper-case letter in its text (escapes aside), no escape or flag that could spell
    one, no letter re.I equates with an ASCII one (İ ı ſ K). (Kept by id: a pattern's hash
    reads all its code.)"""
    known = _TWINS.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    _TWINS[id(pattern)] = (pattern, found := _twin_of(pattern))
    return found


def _twin_of(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    text = pattern.pattern
    if not pattern.flags & re.IGNORECASE or _SPELLS_UPPER.search(text) \
            or any(odd in text for odd in (*CASE_ODD, "\u212a")):
        return None
    return re.compile(text, pattern.flags & ~re.IGNORECASE)


# lower() is not re.I's lowering here: İ becomes two characters, Σ the final ς in context
_LOWER_ODD = "\u0130\u03a3"
_WIDE: dict[int, tuple[re.Pattern[str], tuple[re.Pattern[str], str] | None]] = {}


def _extra_cases() -> dict[int, tuple[int, ...]] | None:
    """sre's table of letters re.I joins beyond lower() ('i' and 'ı', 's' and 'ſ', 'т' and
    'ᲄ'): read from the running Python, whose engine uses it (None where it is elsewhere:
    no wide twin then)."""
    try:
        table: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):
        return None
    return table


def wide_twin(pattern: re.Pattern[str]) -> tuple[re.Pattern[str], str] | None:
    """The twin, and the characters a text must not hold for the twin to read it lowered (any
    text, not only ASCII): İ Σ, and each letter re.I joins to a character the pattern
    spells, alone or inside a class range (as sre parses it, not as its text shows). Needs
    a pattern spelling no upper-case letter at all. Exact for the patterns whose every
    atom a test checks over all code points (BOILERPLATE_LINE)."""
    known = _WIDE.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    lowered = twin(pattern)
    found = None
    extra = _extra_cases()
    spelled = _spelled(pattern) if lowered is not None and extra is not None \
        and pattern.pattern == pattern.pattern.lower() else None
    if lowered is not None and extra is not None and spelled is not None:
        literals, ranges = spelled
        odd = {chr(code) for code, partners in extra.items()
               if any(other in literals or any(low <= other <= high for low, high in ranges)
                      for other in partners)}
        found = (lowered, "".join(sorted(odd)) + _LOWER_ODD)
    _WIDE[id(pattern)] = (pattern, found)
    return found


def _spelled(pattern: re.Pattern[str]) -> tuple[set[int], list[tuple[int, int]]] | None:
    """The code points the pattern spells (literals, negated or in a class) and its class
    ranges, as sre parses them: a range spells the letters inside it ("[a-z]" holds the "s"
    re.I joins to "ſ"), which the pattern's text does not show. None where the parser is
    elsewhere."""
    try:
        parsed = importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)
    except (ImportError, AttributeError):
        return None
    literals: set[int] = set()
    ranges: list[tuple[int, int]] = []
    _spelled_in(parsed, literals, ranges)
    return literals, ranges


def _spelled_in(items: Any, literals: set[int], ranges: list[tuple[int, int]]) -> None:
    """_spelled over a parsed (sub)pattern: its ops' arguments read depth first, any
    nesting (a branch, a group, a repeat, a lookaround) entered the same way."""
    for item in items if isinstance(items, (list, tuple)) or hasattr(items, "data") else ():
        if isinstance(item, tuple) and len(item) == 2 and str(item[0]) in _SPELLING:
            op, arg = str(item[0]), item[1]
            if op == "RANGE":
                ranges.append(arg)
            elif op in ("LITERAL", "NOT_LITERAL"):
                literals.add(arg)
            else:
                _spelled_in(arg, literals, ranges)
        elif isinstance(item, (list, tuple)) or hasattr(item, "data"):
            _spelled_in(item, literals, ranges)


# the parser's ops that spell characters or hold a nested pattern
_SPELLING = frozenset(("LITERAL", "NOT_LITERAL", "RANGE", "IN", "BRANCH", "SUBPATTERN",
                       "MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT", "ATOMIC_GROUP",
                       "ASSERT", "ASSERT_NOT", "GROUPREF_EXISTS"))


def matches_wide(pattern: re.Pattern[str], text: str, folded: str | None = None) -> bool:
    """``pattern.match(text) is not None``, through the twin for a text wide_twin allows.
    ``folded``: the text's ascii_fold(), when the caller has it (an ASCII text's lower():
    not lowered again)."""
    if text.isascii():
        return matches(pattern, text, folded)
    wide = wide_twin(pattern)
    if wide is None:
        return pattern.match(text) is not None
    for odd in wide[1]:  # (BOILERPLATE_LINE's all past U+00FF: each test of a
        if odd in text:  # Latin-1 text returns at once)
            return pattern.match(text) is not None
    return wide[0].match(text.lower()) is not None


def matches(pattern: re.Pattern[str], text: str, folded: str | None = None) -> bool:
    """``pattern.match(text) is not None``, through the twin for an ASCII text; ``folded``:
    the text's ascii_fold() (its lower(), for an ASCII text), when the caller has it."""
    lowered = twin(pattern) if text.isascii() else None
    if lowered is None:
        return pattern.match(text) is not None
    return lowered.match(text.lower() if folded is None else folded) is not None


def finds(pattern: re.Pattern[str], text: str, pos: int = 0) -> bool:
    """``pattern.search(text, pos) is not None``, through the twin for an ASCII text."""
    lowered = twin(pattern) if text.isascii() else None
    return (lowered.search(text.lower(), pos) if lowered is not None
            else pattern.search(text, pos)) is not None


def ascii_fold(text: str) -> str:
    """The text with its ASCII letters lowered and each other character as its UTF-8 bytes
    read as Latin-1: an ASCII word is in it exactly where the text holds that word in any
    ASCII case (what re.I and [class*="..." i] match, unless the text spells a letter as
    İ ı ſ or K: see CASE_ODD). An ASCII text's lower(); for another, lower() costs ~30
    instructions a character, this a third (and folds some letters beyond ASCII to ASCII)."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").lower().decode("latin-1")
