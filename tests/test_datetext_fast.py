"""Contract: the faster date patterns and their gates find what the plain patterns find.

datetext's _DMY and _SHORT_YEAR start with a digit (the engine skips to digits) instead of
a boundary or look-behind, _MDY runs only where _mdy_possible says it may match, and
datemarks' _LABEL_IN_LINE only where _may_hold says so: each is checked here against the
plain form on texts built from the pieces dates and labels are written with.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor import datemarks, datetext

PLAIN_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?(?:\s+|-)(?:de\s+|of\s+)?([^\W\d_]{3,12})\.?,?(?:\s+|-)"
    r"(?:de\s+)?((?:19|20)\d\d)\b"
)
PLAIN_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d\d)(?![\d.])")
PIECES = ("1", "3", "12", "31", "5", "2021", "1999", "20", "19", "202", "٢٠٢١", "２", " ", "  ",
          "\t", "\n", "\u00a0", "\u3000", ",", ".", "-", "/", ":", "st", "th", "er", "º", "de ",
          "of ", "March", "Sept", "janv", "märz", "marzo", "x", "ab", "_", "a1", "Abcdefghijklmn",
          "updated", "Modified", "EDITED", "revised", "mis à jour", "Aktualisiert", "geändert",
          "modifié", "bijgewerkt", "\u212a", "ſ", "é")
# the few pieces a date is made of, so that most texts come near one
DENSE = ("1", "12", "2021", "20", " ", "\u00a0", ",", ".", "-", "th", "March", "de ", "x", "é")
BEFORE = ("", "x", "1", ".", " ", "-", "a", "é")
DAY = ("1", "12", "5", "123", "٣")
SUFFIX = ("", "th", "st", ".", "º")
GAP = (" ", "  ", "-", "\u00a0", ".", "/", "", ", ", " \n")
MONTH = ("March", "Sept", "x", "12", "1", "ab", "de ", "of May", "Abcdefghijklmn")
YEAR = ("2021", "1999", "21", "20", "2021x", "20211", "٢٠٢١", "１９９９")
AFTER = ("", ".", "1", " x", ",", ".5")
# day first, month first, numeric, short year: each piece may be missing or amiss
dated = st.one_of(
    st.tuples(*(st.sampled_from(p) for p in (BEFORE, DAY, SUFFIX, GAP, MONTH, GAP, YEAR, AFTER))),
    st.tuples(*(st.sampled_from(p) for p in (BEFORE, MONTH, GAP, DAY, SUFFIX, GAP, YEAR, AFTER))),
    st.tuples(*(st.sampled_from(p) for p in (BEFORE, DAY, GAP, DAY, GAP, YEAR, AFTER))),
).map("".join)
texts = st.lists(st.one_of(dated, st.sampled_from(PIECES), st.sampled_from(DENSE)),
                 max_size=6).map("".join)


PLAIN_MDY = datetext._MDY  # (unchanged; run here without its gate)


def plain_parse(text: str, month_first: bool) -> str | None:
    """datetext._parse_date as it was: every pattern tried, none gated."""
    if not text.isascii():
        text = text.translate(datetext._NATIVE_DIGITS)
    for pattern in (datetext._ISO, datetext._COMPACT):
        match = pattern.search(text) if pattern is datetext._ISO else pattern.match(text)
        if match:
            return datetext.valid_day(*map(int, match.groups()))
    for match in PLAIN_MDY.finditer(text):
        if match.group(1).lower() in datetext.MONTHS:
            return datetext.valid_day(int(match.group(3)), datetext.MONTHS[match.group(1).lower()],
                                      int(match.group(2)))
    for match in PLAIN_DMY.finditer(text):
        if match.group(2).lower() in datetext.MONTHS:
            return datetext.valid_day(int(match.group(3)), datetext.MONTHS[match.group(2).lower()],
                                      int(match.group(1)))
    match = datetext._NUMERIC.search(text)
    if match:
        return datetext._numeric(match, month_first)
    match = PLAIN_SHORT_YEAR.search(text)
    if match:
        return datetext.valid_day(2000 + int(match.group(3)), int(match.group(2)),
                                  int(match.group(1)))
    return None


@settings(max_examples=6000, deadline=None)
@given(texts, st.booleans())
def test_parse_date_reads_what_the_plain_patterns_read(text: str, month_first: bool) -> None:
    assert datetext._parse_date.__wrapped__(text, month_first) == plain_parse(text, month_first)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, tuple[str | None, ...]]]:
    return [(m.start(), m.end(), m.groups()) for m in pattern.finditer(text)]


@settings(max_examples=6000, deadline=None)
@given(texts)
def test_digit_first_patterns_match_the_plain_ones(text: str) -> None:
    assert _spans(datetext._DMY, text) == _spans(PLAIN_DMY, text)
    assert _spans(datetext._SHORT_YEAR, text) == _spans(PLAIN_SHORT_YEAR, text)


@settings(max_examples=6000, deadline=None)
@given(texts)
def test_gates_pass_every_text_the_patterns_match(text: str) -> None:
    if datetext._MDY.search(text):
        assert datetext._mdy_possible(text)
    if datemarks._LABEL_IN_LINE.search(text):
        assert datemarks._may_hold(text, datemarks.UPDATE_KEYS)


def test_gates_pass_the_written_forms() -> None:
    for text in ("March 5th, 2021", "Sept. 3,\u00a0 2020", "on May 31 1999", "5, 2021 x"):
        assert datetext._mdy_possible(text), text
    for text in ("Last UPDATED 3 May", "bijgewerkt op", "mis à jour le", "Modificato il"):
        assert datemarks._may_hold(text, datemarks.UPDATE_KEYS), text


def test_gates_close_on_texts_without_them() -> None:
    """(What saves the searches: a day-first date line, a line with no update label.)"""
    assert not datetext._mdy_possible("By Wei Kim 24 June 2025, 23:25")
    assert not datemarks._may_hold("By Wei Kim 24 June 2025, 23:25", datemarks.UPDATE_KEYS)
    assert datetext.parse_date("By Wei Kim 24 June 2025, 23:25") == "2025-06-24"
    assert datetext.parse_date("Posted June 24th, 2025") == "2025-06-24"
