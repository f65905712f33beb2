"""speed24b's fast paths, each against the slow form it replaces (identical output)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.textnorm import INVISIBLE, normalize_line

# every ASCII white space str.split() knows, a control that is none, and words
_ASCII_PIECES = st.sampled_from(["a", "b c", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c",
                                 "\x1c", "\x1d", "\x1e", "\x1f", "\x01", "\x7f",
                                 "word " * 15])


def _slow_normalize(text: str) -> str:
    """normalize_line without its fast paths."""
    line = " ".join(text.replace("\u200b", " ").replace("\ufeff", " ").split())
    return line if line.strip(INVISIBLE + " ") else ""


@settings(max_examples=800, deadline=None)
@given(st.lists(_ASCII_PIECES, max_size=12).map("".join))
def test_normalize_line_of_ascii_text_is_the_split_and_join(text: str) -> None:
    # (short and long lines: each length takes its own fast path)
    assert normalize_line(text) == _slow_normalize(text)


def test_every_ascii_white_space_in_a_long_line_is_collapsed() -> None:
    for code in range(128):
        char = chr(code)
        for text in ("word " * 20 + char + "end", "x" + char + "y", char + "word " * 20):
            assert normalize_line(text) == _slow_normalize(text), repr(char)


# printable letters past ASCII (Latin-1, a quote mark and Cyrillic: the narrow and wide
# kinds of str), the white space of each, and what is neither (joiner, soft hyphen)
_WIDE_PIECES = st.sampled_from(["é", "’", "ж", "a", " ", "  ", "\n", "\t", "\u00a0", "\u3000",
                                "\u2009", "\u2028", "\u200b", "\ufeff", "\u200d", "\u00ad",
                                "\x85", "слово "])


@settings(max_examples=800, deadline=None)
@given(st.lists(_WIDE_PIECES, max_size=12).map("".join))
def test_normalize_line_of_wider_text_is_the_split_and_join(text: str) -> None:
    # (the stripped text returned at once when printable: only without a doubled space)
    assert normalize_line(text) == _slow_normalize(text)
