"""The shortcuts of the one-line tests of session 23e (is_dateline's inlined word test, the
odd-letter test asked once a line) answer as the plain forms do."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from monitor import linetests, pitchlines
from monitor import selectors as sel
from monitor.caseless import ascii_fold
from monitor.clean import normalize_line

from .test_extract_speed_lines import _plain_call_to_action

_DATE_TOKENS = ["May", "9,", "2023", "4:12", "PM", "EDT", "|", "Published", "Updated", "Stand:",
                "28.04.2023", "17:23", "Uhr", "de", "janeiro", "às", "0:13", "9th", "10h", "٣",
                "２", "x", "the", "council", "said", ".", ",", ":", "-", "Jan.", "März",
                "MONDAY,", "a.m.", "/05", "-12", "12/05/2024", "İ", "ſept", "prose", "word", "2020-", "—"]


def _plain_is_dateline(line: str) -> bool:
    """linetests.is_dateline with its word test called, as before it was inlined."""
    if len(line) > 200 or linetests.DIGIT.search(line) is None:
        return False
    words = line.split()
    if len(words) < 3:
        return False
    spare = len(words) - linetests.DATELINE_SHARE * len(words)
    for word in words[1:] if linetests._AS_OF.match(line) else words:
        if not linetests._date_word(word):
            spare -= 1
            if spare < 0:
                return False
    return linetests._DATE_LIKE.search(line) is not None


@given(st.lists(st.sampled_from(_DATE_TOKENS), max_size=12).map(" ".join))
@example("Updated Monday, February 27, 2023 4:12 PM EDT")
@example("Stand: 28.04.2023 17:23 Uhr")
@example("May 9, 2023 . :")  # (words that are all punctuation count as dates' numbers)
@example("May 9, 2023 /05 -12")
@example("The council met on May 9, 2023 at 4:12 PM EDT")
def test_inlined_date_word_test_is_date_word(line: str) -> None:
    """is_dateline's own copy of _date_word gives the call's answer."""
    assert linetests.is_dateline(line) == _plain_is_dateline(line)


def test_inlined_date_word_test_reads_dates_and_prose() -> None:
    """The examples the comparison above rests on go both ways."""
    assert linetests.is_dateline("Updated Monday, February 27, 2023 4:12 PM EDT")
    assert linetests.is_dateline("segunda-feira, 22 de janeiro de 2018 às 0:13")
    assert not linetests.is_dateline("The council met on May 9, 2023 at 4:12 PM EDT")


@given(st.text())
@example("\u0130stanbul")
@example("\u212aelvin")
@example("\u017fign up")
@example("\u0131")
@example("r\u00e9serv\u00e9e")
def test_has_odd_is_the_folded_test(line: str) -> None:
    """has_odd on the line finds what the test of ODD_FOLDED in its fold found."""
    folded = line.encode("utf-8", "surrogatepass").lower().decode("latin-1")
    assert pitchlines.has_odd(line) == any(odd in folded for odd in pitchlines.ODD_FOLDED)


def _plain_may_match(line: str, folded: str) -> bool:
    """pitchlines._may_match with the odd letters among the words, as before."""
    inside = pitchlines.INSIDE if line.isascii() else (
        *pitchlines.INSIDE, "serv", *pitchlines.ODD_FOLDED)
    if pitchlines.OPENINGS.match(folded) is not None or ("?" in line and "touch" in folded):
        return True
    return any(word in folded for word in inside)


_LINE_WORDS = ["Subscribe", "sign up", "newsletter", "\u017fign up", "s\u0130gn up",
               "\u017fubscribe", "Follow us", "follow the paper on twitter", "getty images",
               "Redaktion", "r\u00e9serv\u00e9e", "Copyright", "\u00a9 dpa", "Get in touch?",
               "exklusiv f\u00fcr Abonnenten", "\u212aeep", "\u0131", "said", "x", " ", ".",
               "Cet article est r\u00e9serv\u00e9 aux abonn\u00e9s", "expressed", "the app"]


@given(st.lists(st.sampled_from(_LINE_WORDS), min_size=1, max_size=8).map("".join)
       .map(normalize_line))
@example("\u017fign up for our newsletter")
@example("Cet article est r\u00e9serv\u00e9 aux abonn\u00e9s.")
def test_odd_letters_asked_once_change_no_answer(line: str) -> None:
    """The call-to-action and pitch tests given the line's has_odd() answer as they do
    when they ask it themselves, and as the pitch prefilter did with the letters among
    its words."""
    folded = ascii_fold(line)
    odd = pitchlines.has_odd(line)
    assert pitchlines._may_match(line, folded, odd) == pitchlines._may_match(line, folded) \
        == _plain_may_match(line, folded)
    assert pitchlines.is_pitch_line(line, folded, odd) == pitchlines.is_pitch_line(line)
    assert linetests._call_to_action(line, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END, folded, odd) \
        == _plain_call_to_action(line)
