"""Shortcuts of the line tests (speed15b) answer as the plain forms they replace."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from monitor import bodytails, clean, linetests, pitchlines
from monitor import selectors as sel
from monitor.caseless import ascii_fold
from monitor.clean import clean_lines, normalize_line
from monitor.gathering import cousins
from monitor.scoring import Candidate

_ODD = ["İ", "ı", "ſ", "\u212a", "K", "k", "é", "É", "ß", "Σ", "ς", "ǅ", "Ⅸ"]
_PIECES = [*_ODD, "favo", "FAVO", "Favou", "we have a small favour to ask", "sign", "SIGN",
           "subscribe", "follow", "share", "Newsletter", " ", ".", ")", ":", "2023", "٣", "２",
           "Published", "views: 12", "May 9, 2023", "x", "Getty Images", "AFP", "istock"]
_lines = st.lists(st.sampled_from(_PIECES), max_size=10).map("".join)


@given(_lines)
@example("FAVOİ we have a small favour to ask")
def test_fold_finds_an_ascii_word_where_lower_does(line: str) -> None:
    """The words the tests look for in a line's fold: found there exactly where lower()
    finds them (no letter of them has a form lower() makes ASCII but the fold does not)."""
    folded = ascii_fold(line)
    for word in ("favo", "sign", "subscribe", "follow", "share", "newsletter", "touch"):
        assert (word in folded) == (word in line.lower()), word


@given(_lines)
def test_appeal_opening_on_the_fold_is_the_plain_test(line: str) -> None:
    """bodytails._appeal_opening: the 'favo' test on the fold answers as on lower()."""
    plain = (bodytails.APPEAL_OPENING.fullmatch(line) is not None or (
        "favo" in line.lower() and bodytails.SMALL_FAVOUR.fullmatch(line) is not None)) \
        and bodytails.REPORTED.search(line) is None
    assert bodytails._appeal_opening(line) == plain


@given(_lines.map(normalize_line))
@example("Photo: Getty Images.")
@example("(AFP)")
def test_pitch_and_call_tests_with_the_fold_given_are_the_tests(line: str) -> None:
    """A fold passed in gives the answer the tests work out themselves."""
    folded = ascii_fold(line)
    assert pitchlines.is_pitch_line(line, folded) == pitchlines.is_pitch_line(line)
    cta, credit = sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END
    assert linetests._call_to_action(line, cta, credit, folded) == \
        linetests._call_to_action(line, cta, credit)


@given(_lines)
def test_digit_test_is_the_digit_search(line: str) -> None:
    """linetests._has_digit: Unicode digits too on a line that is not ASCII."""
    assert linetests._has_digit(line) == (linetests.DIGIT.search(line) is not None)


@given(_lines.map(normalize_line))
@example("Updated: May 9, 2023")
@example("May 9, 2023 4:12 PM")
def test_meta_line_is_the_plain_test(line: str) -> None:
    """is_meta_line with its date search last answers as before."""
    meta = sel.META_LINE
    plain = len(line) <= 150 and (meta.search(line) is not None or (
        bool(linetests._DATE_LIKE.search(line)) and len(line) < 80
        and not linetests.SENTENCE_END.search(line)))
    assert linetests.is_meta_line(line, meta) == plain


def test_trimmed_ends_drop_datelines_read_once() -> None:
    """The dates below a body still go (and a dated subheading stays) with the datelines
    read once for both the pass over the lines and the trim of the ends."""
    raw = ["Updated May 9, 2023 4:12 PM", "The council met on Monday to discuss the budget "
           "for the coming year, officials said.", "\ue003May 10, 2023",
           "A second paragraph of the story follows here with more details on it.",
           "Published May 9, 2023"]
    out = clean_lines(raw, "", sel.BOILERPLATE_LINE, sel.META_LINE)
    assert out == [raw[1], "May 10, 2023", raw[3]]


def test_cousins_without_candidates_query_no_story_box() -> None:
    """No candidate near the winner: the winner comes back alone (its story box, a query
    per level, is looked for only for a candidate that gets that far)."""
    from monitor.extract import parse
    tree = parse("<html><body><article><h1>T</h1><div class=body><p>x</p></div></article>"
                 "<div class=other><p>y</p></div></body></html>")
    body = tree.body
    assert body is not None
    best_node = body.css_first("div.body")
    other_node = body.css_first("div.other")
    assert best_node is not None and other_node is not None
    best = Candidate(best_node, score=20.0, raw=20.0, paragraphs=4)
    far = Candidate(other_node, score=0.5, raw=0.5, paragraphs=1)
    cands = {best_node.mem_id: best, other_node.mem_id: far}
    assert [node.mem_id for node in cousins(best, cands, [best_node])] == [best_node.mem_id]


@given(st.lists(st.sampled_from(["a", ".", "..", "。", '"', "”", "’", "»", ")", "\n", " ", "?"]),
                max_size=8).map("".join))
def test_full_stop_searched_from_the_end_is_the_search(text: str) -> None:
    """clean._FULL_STOP, searched from clean.END before the end (its look-behind still sees
    the character before), finds what the search of the whole text finds."""
    found = clean._FULL_STOP.search(text, len(text) + clean.END)
    expected = clean._FULL_STOP.search(text)
    assert (found and found.span()) == (expected and expected.span())
