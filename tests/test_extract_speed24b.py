"""speed24b's fast paths, each against the slow form it replaces (identical output)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.clean import INVISIBLE, normalize_line

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
