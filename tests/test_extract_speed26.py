"""speed26's shortcuts give the answers of the slow forms they replace."""

from __future__ import annotations

from monitor import selectors as sel
from monitor.caseless import ascii_fold, matches, matches_wide

LINES = ["Related stories", "Share this", "ADVERTISEMENT", "Read more:", "photo.JPG",
         "The council voted on Tuesday.", "Ünïcode line: weiterlesen", "Weiterlesen",
         "PUBLICITÉ", "", "Copyright 2024 Example. All rights reserved.", "Top", "tags: a, b"]


def test_matches_with_the_callers_fold_is_the_pattern_match() -> None:
    """linetests.is_boilerplate_line hands matches_wide the line's ascii_fold(): an ASCII
    line's lower(), which the twin then matches without lowering it again."""
    for line in LINES:
        expected = sel.BOILERPLATE_LINE.match(line) is not None
        assert matches_wide(sel.BOILERPLATE_LINE, line, ascii_fold(line)) is expected, line
        assert matches_wide(sel.BOILERPLATE_LINE, line) is expected, line
        if line.isascii():
            assert matches(sel.BOILERPLATE_LINE, line, ascii_fold(line)) is expected, line
