"""The lowered twin of BOILERPLATE_LINE on a text that is not ASCII (speed23g) matches as
the pattern: proved one character at a time over all code points, then on whole lines."""

from __future__ import annotations

import re
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from monitor import linetests, pitchlines
from monitor import selectors as sel
from monitor.caseless import matches_wide, wide_twin

_NESTED = {"SUBPATTERN": -1, "MAX_REPEAT": 2, "MIN_REPEAT": 2, "ASSERT": 1, "ASSERT_NOT": 1}
_ONE_CHAR = {"LITERAL", "NOT_LITERAL", "IN", "ANY"}


def _atoms(items: Any, found: list[tuple[Any, Any]]) -> None:
    """The one-character tests of a parsed pattern (literals, classes, any), depth first."""
    for op, av in items:
        name = str(op)
        if name in _ONE_CHAR:
            found.append((op, av))
        elif name == "BRANCH":
            for branch in av[1]:
                _atoms(branch, found)
        elif name in _NESTED:
            _atoms(av[_NESTED[name]], found)
        elif name not in {"AT", "GROUPREF"}:
            raise AssertionError(f"an atom this proof does not read: {name}")


def _compiled(atom: tuple[Any, Any], flags: int) -> re.Pattern[str]:
    state = _parser.State()
    state.flags = flags
    return _compiler.compile(_parser.SubPattern(state, [atom]), flags)  # type: ignore[no-any-return]


def _mask(pattern: re.Pattern[str], text: str) -> str:
    """'0' where the pattern matches the character, '1' elsewhere."""
    return re.sub("[^\x00]", "1", pattern.sub("\x00", text)).replace("\x00", "0")


def _checked_atoms(pattern: re.Pattern[str]) -> list[tuple[Any, Any]]:
    found: list[tuple[Any, Any]] = []
    _atoms(_parser.parse(pattern.pattern, pattern.flags), found)
    unique = {repr(atom): atom for atom in found}
    # \b and \B read \w of the characters around them: \w itself is checked
    word = _parser.parse(r"\w", 0)[0]
    return [*unique.values(), word]


@pytest.mark.parametrize("pattern", [sel.BOILERPLATE_LINE, sel.LIST_LABEL])
def test_each_character_outside_the_guard_matches_each_atom_as_its_lowered_form(
        pattern: re.Pattern[str]) -> None:
    """For every code point the guard lets through (U+0000 aside: the mask's marker) and
    every one-character test of the pattern, re.I on the character answers as the plain test
    on its lower(), which is one character (the engine reads a character at a time, and \\b
    reads \\w, checked too): so the twin on a lowered text matches as the pattern."""
    wide = wide_twin(pattern)
    assert wide is not None
    text = "".join(chr(code) for code in range(1, 0x110000) if chr(code) not in wide[1])
    lowered = "".join(char.lower() for char in text)
    assert len(lowered) == len(text)
    assert text.lower() == lowered  # (no character lowers by its context outside the guard)
    for atom in _checked_atoms(pattern):
        assert _mask(_compiled(atom, pattern.flags), text) == \
            _mask(_compiled(atom, pattern.flags & ~re.I), lowered), atom


def test_the_proof_fails_without_the_guard() -> None:
    """The guard is needed: 'ı' and 'ſ' are 'i' and 's' to re.I, not to lower()."""
    assert sel.BOILERPLATE_LINE.match("ſhare") is not None
    wide = wide_twin(sel.BOILERPLATE_LINE)
    assert wide is not None and wide[0].match("ſhare".lower()) is None
    assert matches_wide(sel.BOILERPLATE_LINE, "ſhare")


_PIECES = ["İ", "ı", "ſ", "\u212a", "K", "Σ", "ς", "σ", "ᲃ", "ᲄ", "т", "с", "é", "É", "ü", "Ü",
           "ß", "ǅ", "Ⅸ", "\u00a0", "\u2009", "٣", "２", " ", ":", "：", "|", ".", "!", "…",
           "Share", "SHARE", "read also", "Lesen Sie AUCH", "ЧИТАЙТЕ ТАКЖЕ", "Читайте также",
           "À LIRE AUSSI", "à lire aussi", "Pubblicità", "PUBBLICITÀ", "Werbung", "【PR】",
           "関連記事", "photo.jpg", "Foto: Bild.JPEG", "abone ol", "ABONE OL", "3 min read",
           "Más", "LEER MÁS", "weitere Beiträge", "WEITERE BEITRÄGE", "x", "Ab", "2023",
           "Related", "RELATED", "À LIRE", "SUR LE MÊME", "Sur le même", "相关", "热门",
           "Latest", "stories", "Most Read", "MEHR ZUM"]


@given(st.lists(st.sampled_from(_PIECES), max_size=8).map("".join))
@example("ЧИТАЙТЕ ТАКЖЕ:")
@example("ЧИТАЙТЕ ТАᲄЖЕ:")
@example("PUBBLICITÀ")
@example("ABONE OL!")
@example("ABONE OİL!")
@example("À LIRE")
@example("ſee alſo")
def test_wide_match_is_the_pattern_match(line: str) -> None:
    """matches_wide answers as the pattern on any line."""
    for pattern in (sel.BOILERPLATE_LINE, sel.LIST_LABEL):
        assert matches_wide(pattern, line) == (pattern.match(line) is not None), pattern


_CREDITS = ["Getty Images", "GETTY  IMAGES", "getty\timages", "/AFP", "(Reuters)", "Reuters)",
            "ſhutterſtock", "Shutterstock", "iStock", "ISTOC\u212a", "istock", "AP Photo",
            "ap photo", "EPA", "epa", "ALAMY", "ımages", "İmages", "Images", "x", " ", ")",
            "é", "Photo:", "photos", "Alamy Stock", "Stock", "pa", "a", "(", "ﬆock", "\n"]


@given(st.lists(st.sampled_from(_CREDITS), min_size=1, max_size=6).map("".join))
@example("Photo: Getty Images")
@example("(EPA)")
@example("Foto: ſhutterſtock")
@example("ISTOC\u212a")
@example("GETTY IMAGES)")
def test_credit_end_is_the_search_of_the_tail(line: str) -> None:
    """The credit test, with or without the caller's has_odd, answers as the search of the
    line's tail, for a line ending in a letter or a ")" (the only ones it is asked of)."""
    if not (line[-1].isalpha() or line[-1] == ")"):
        return
    credit = sel.PHOTO_CREDIT_END
    expected = credit.search(line[-linetests.CREDIT_TAIL:]) is not None
    assert linetests._credit_end(line, credit, None) == expected
    assert linetests._credit_end(line, credit, pitchlines.has_odd(line)) == expected


@pytest.mark.parametrize(("pattern", "line"), [
    ("[a-z]+ up$", "\u017fign up"),  # a range holds the "s" re.I joins to "ſ"
    ("[a-z]+ up$", "L\u0131NE up"),  # and the "i" it joins to "ı"
    ("[а-я]+ также$", "\u1c80итайте также"),  # "в" of a Cyrillic range, and its "ᲀ"
    ("[^s]x$", "\u017fx"),  # a negated class: re.I keeps "ſ" out as it keeps "s" out
    ("ασ$", "ΑΣ"),  # lower() makes a final "Σ" the "ς" the pattern does not spell
])
def test_wide_match_on_patterns_beyond_the_proved_ones(pattern: str, line: str) -> None:
    """matches_wide answers as the pattern where a letter re.I joins to another is spelled
    only inside a class range, or lowers by its context: the guard holds it."""
    compiled = re.compile(pattern, re.I)
    assert wide_twin(compiled) is not None
    assert matches_wide(compiled, line) == (compiled.match(line) is not None)
