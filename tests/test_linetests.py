"""Dateline tests of one line: only dates and their labels make a dateline or a meta line."""

from __future__ import annotations

import re

import pytest

from monitor.linetests import is_dateline, is_meta_line

NO_LABEL = re.compile(r"(?!)")  # a meta-line pattern that matches nothing: the date test alone


@pytest.mark.parametrize("line", [
    "Chapter 5 the 2020",        # words of the months' list's own comment once read as months
    "Table 3 of 1998",
    "Room 12 a 2024",
])
def test_common_words_are_no_months(line: str) -> None:
    assert not is_meta_line(line, NO_LABEL)
    assert not is_dateline(line)


@pytest.mark.parametrize("line", [
    "5 mai 2023",
    "12 de octubre de 2021",
    "Updated Monday, February 27, 2023 4:12 PM EDT",
])
def test_dates_in_other_languages_still_are(line: str) -> None:
    assert is_meta_line(line, NO_LABEL)
