"""The shortcuts of one-line tests and date readings (lowered twins, cached readings,
label and numeric patterns) answer as the plain forms do."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from monitor import (
    caseless,
    clean,
    dates,
    datetext,
    dom,
    homelink,
    linetests,
    markers,
)
from monitor import selectors as sel
from monitor.encoding import decode_html
from monitor.extract import parse
from monitor.textnorm import normalize_line

from .testpages import with_test_pages


@given(st.text(alphabet="0123456789/.-年月 JunSepMarapr,", max_size=40), st.booleans())
def test_cached_date_reading_is_the_reading(text: str, month_first: bool) -> None:
    """parse_date remembers what it read; a second read, and the uncached read, agree."""
    uncached = datetext._parse_date.__wrapped__  # type: ignore[attr-defined]
    expected = uncached(text.strip()[:300], month_first) if text else None
    assert datetext.parse_date(text, month_first) == expected
    assert datetext.parse_date(text, month_first) == expected


_WORDS = ["getty images", "shutterstock", "istock", "alamy", "ap photo", "afp", "reuters", "epa",
          "subscribe", "sign up", "newsletter", "newsletters", "follow us", "share it with",
          "sign up for our", "join our mailing list", "to your inbox", " said", "Postfach", ":",
          "\"", "“", " warned",
          "follow the paper on twitter", "GETTY  Images)", "ſhutterſtock", "İstock", "ıstock",
          "Photo: AFP", "x", ")", " ", ".", "\n"]


@given(st.lists(st.sampled_from(_WORDS), max_size=8).map("".join))
def test_line_pattern_lookaheads_change_no_match(line: str) -> None:
    """The first-letter lookaheads of CALL_TO_ACTION and PHOTO_CREDIT_END are redundant."""
    credit = re.compile(sel.PHOTO_CREDIT_END.pattern.replace("(?=[aegirs])", ""), re.I)
    cta = re.compile(sel.CALL_TO_ACTION.pattern.replace("(?=[fjns])", ""), re.I)
    assert credit.pattern != sel.PHOTO_CREDIT_END.pattern
    assert cta.pattern != sel.CALL_TO_ACTION.pattern
    found = sel.PHOTO_CREDIT_END.search(line)
    expected = credit.search(line)
    assert (found and found.span()) == (expected and expected.span())
    assert [(m.span(), m.groupdict()) for m in sel.CALL_TO_ACTION.finditer(line)] == [
        (m.span(), m.groupdict()) for m in cta.finditer(line)]


def _plain_call_to_action(line: str) -> bool:
    """linetests._call_to_action before its shortcuts: the whole line searched."""
    if len(line) < 140 and sel.PHOTO_CREDIT_END.search(line):
        return True
    for match in sel.CALL_TO_ACTION.finditer(line):
        if match.group("own"):
            quoted = sum(line[: match.start()].count(mark) for mark in "\"“”„«»") % 2
            return not quoted and linetests._SAYS.search(line) is None
        if match.group("start"):
            before = line[: match.start()].rstrip()
            if not before or (len(before) <= 120 and linetests._opens_call(before)):
                return True
        elif match.group("end"):
            if len(line) - match.end() <= 21:
                return True
        elif match.start() <= 100 and linetests._addressed(line, match):
            return True  # (whether a 'follow ... on' asks the reader: no shortcut of its own)
    return False


@given(st.lists(st.sampled_from([*_WORDS, "Subscribe", "SIGN  UP", "Newsletter.", "ſhare it with",
                                 "ſign up", "sİgn up", "ſubscribe", "newsletter’s", "Follow\tus",
                                 "foİlow", "photo:\u00a0", "’", "ı", "x" * 40]),
                max_size=10).map("".join).map(normalize_line))
@example("getty images follow the paper on twitter")  # a reported 'follow', no credit
def test_call_to_action_shortcuts_change_no_answer(line: str) -> None:
    """On a normalised line, the credit searched in the line's tail and the ASCII word test
    before the call-to-action search give the plain searches' answer."""
    assert linetests._call_to_action(line, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END) == \
        _plain_call_to_action(line)


@given(st.lists(st.sampled_from(["1", "2023", "9th", "10h", ":", ".", "/", "-", "٣", "２", "May",
                                 "ST", "x", "é", ",", ";", "’", "12:30", "Jan."]), min_size=1,
                max_size=5).map("".join))
def test_date_word_shortcut_changes_no_answer(word: str) -> None:
    """_date_word tries the number pattern only on a word that starts as a number can."""
    bare = word[:-1] if word[-1] in ",.:;" else word
    plain = bare.lower() in linetests._DATE_NAMES or \
        linetests._DATE_NUMBER.fullmatch(bare or word) is not None
    assert linetests._date_word(word) == plain


def test_call_to_action_words_are_in_every_match() -> None:
    """Each alternative of CALL_TO_ACTION holds one of linetests.CTA_WORDS."""
    for text in ("Subscribe", "sign up", "NEWSLETTERS", "follow us", "follow the paper on twitter",
                 "share it with", "Join our mailing list", "subscribe to our daily newsletter",
                 "newsletter, right to your inbox", "Newsletter in Ihrem Postfach"):
        found = sel.CALL_TO_ACTION.search(text)
        assert found is not None
        assert any(word in found.group(0).lower() for word in linetests.CTA_WORDS)


@pytest.mark.parametrize(("data", "content_type"), [
    (b"<p>a\x00b \xe2\x80\x99</p>", None), (b"<p>a+AAA-b</p>", "text/html; charset=utf-7"),
    (b"<p>\xe9\x00</p>", "text/html; charset=windows-1252"), (b"<p>\xe2\x80\x99 x</p>", None),
    (b"\xff\xfea\x00\x00\x00", None), (b"<p>\xe9</p>", "text/html; charset=iso-8859-2"),
])
def test_decoding_skips_the_nul_search_only_when_no_nul_can_be_there(
    data: bytes, content_type: str | None
) -> None:
    """decode_html trusts memchr over the bytes only for codecs whose U+0000 is a 0x00 byte."""
    text, encoding = decode_html(data, content_type)
    assert "\x00" not in text
    assert text == data.decode(encoding, errors="replace").lstrip("\ufeff").replace("\x00", "\ufffd")


def test_remove_junk_keeps_only_a_heading_that_is_a_toggle() -> None:
    """One walk removes the junk tags (svg, buttons) as strip_tags would, except a button
    that is a whole accordion heading (its label is an FAQ question); a control beside a
    heading's own text ("Hide") and a menu's toggle still go."""
    tree = parse("<body><h3><button aria-expanded='false'><svg></svg>Who pays?</button></h3>"
                 "<h2>Key points <button aria-expanded='true'>Hide</button></h2>"
                 "<div><button aria-expanded='false'>Menu</button></div></body>")
    dom.remove_junk(tree)
    body = tree.body
    assert body is not None
    assert body.html == ("<body><h3><button aria-expanded=\"false\">Who pays?</button></h3>"
                         "<h2>Key points </h2><div></div></body>")


def _label_words() -> list[str]:
    """The label words of selectors.PUBLISHED_LABEL, read off its alternation (a character
    class spelled out: "publicad[oa]" is "publicado" and "publicada")."""
    group = re.search(r"\(\?:first\\s\+\)\?\(\?:(.*?)\)\(\?:", sel.PUBLISHED_LABEL.pattern)
    assert group is not None
    words = []
    for word in group.group(1).split("|"):
        word = word.replace(r"\s+", " ")
        found = re.search(r"\[(\w+)\]", word)
        words += [word[:found.start()] + c + word[found.end():] for c in found.group(1)] \
            if found else [word]
    return words


_LABEL_PIECES = [*_label_words(), "first ", "First\n", "\n", "\n \t", "\n\n", " on ", ": ",
                 "：", "2021-09-27 10:05", "Sept 8, 2020", "x", "ſ", "İ", "Daily news\n"]


@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=12).map("".join).map(
    lambda text: text.upper() if len(text) % 3 == 0 else text))
def test_label_lines_are_the_label_pattern_matches(text: str) -> None:
    """dates._labels (the full pattern tried only after a newline a label word can follow)
    finds what selectors.PUBLISHED_LABEL's finditer finds, case and blank lines included."""
    assert [m.span() for m in dates._labels(text)] == [
        m.span() for m in sel.PUBLISHED_LABEL.finditer(text)]


def test_every_label_word_opens_a_label_line() -> None:
    """The first-letter filter knows every label word of PUBLISHED_LABEL in any case (a new
    word with another first letter must be added to dates._LABEL_LINE_START)."""
    words = _label_words()
    assert len(words) > 10
    for word in words:
        for cased in (word, word.upper(), word.title()):
            text = f"Intro\n  {cased}: 2021-09-27 10:05\n\tfirst {cased} 8 May 2020\n"
            assert len(list(dates._labels(text))) == 2, cased
    for page in with_test_pages(""):
        tree = parse(page)
        text = tree.body.text(separator="\n") if tree.body is not None else ""
        assert [m.span() for m in dates._labels(text)] == [
            m.span() for m in sel.PUBLISHED_LABEL.finditer(text)]


_NUMERIC_PIECES = ["1", "12", "31", "9", "19", "20", "2021", "1999", "/", ".", "-", " ", "a",
                   "x9", "٣", "２", "\n", "/20", ".19", "-2024", "12/31/2021", "1.2.2020"]


@given(st.lists(st.sampled_from(_NUMERIC_PIECES), max_size=14).map("".join))
def test_numeric_dates_are_the_numeric_pattern_matches(text: str) -> None:
    """datetext.numeric_dates (the pattern tried only a few characters before a separator
    and a century) finds what the pattern's finditer finds: overlaps, long digit runs, a
    letter or a non-ASCII digit before the day, a date at the very start."""
    assert [m.span() for m in datetext.numeric_dates(text)] == [
        m.span() for m in datetext._NUMERIC.finditer(text)]


def test_numeric_dates_on_page_text() -> None:
    for page in with_test_pages("<p>09/27/2021 and 1-20-2020-1999, 3.4.2011.</p>"):
        tree = parse(page)
        text = tree.body.text(separator="\n") if tree.body is not None else ""
        assert [m.span() for m in datetext.numeric_dates(text)] == [
            m.span() for m in datetext._NUMERIC.finditer(text)]



_LINE_PIECES = ["Related", "STORIES", "more", " ", ":", "Share", "this", "Advertisement", "-", "[",
                "]", "Read", "ALSO", "Photo", "|", "Jane Doe", "IMG_0012.JPG", ".png", "Copyright",
                "All Rights Reserved", "you are here", ">", "Location", "Tags", "by", "signing up",
                "you agree", "terms", "5 min read", "Listen", "Table of Contents", "x", "1", "©",
                "Lesen Sie auch", "Weiterlesen", "To", "op", "Follow us on", "print", "a+", "e-mail"]


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join))
def test_lowered_twin_matches_the_lines_the_pattern_matches(line: str) -> None:
    """An ASCII line lowered, matched by BOILERPLATE_LINE without re.I, is a match exactly
    when the pattern with re.I matches it (a non-ASCII line uses the pattern itself)."""
    assert caseless.twin(sel.BOILERPLATE_LINE) is not None
    for probe in (line, normalize_line(line)):
        assert caseless.matches(sel.BOILERPLATE_LINE, probe) == \
            (sel.BOILERPLATE_LINE.match(probe) is not None)


def test_lowered_twin_refuses_patterns_that_spell_upper_case() -> None:
    for pattern in (r"[A-Z]x", r"\x41", r"(?-i:a)b", r"\u0041", "\u212a", r"a\\Bc"):
        assert caseless.twin(re.compile(pattern, re.I)) is None
    assert caseless.twin(re.compile("ab")) is None  # (no re.I: nothing to gain)


_NAME_PIECES = ["Article", "BODY", "post", "-", "_", " ", "comment", "Comments", "Disqus", "side",
                "BAR", "widget", "nav", "Main", "content", "Logo", "site", "Name", "display",
                ":", "None", "visibility", "Hidden", "Getty", "Images", "Reuters)", "(", "AP Photo",
                "Source", "Updated", "Editor", "Jane", "Related", "Stories", "More", "Most Read",
                "x", "1", "2021", ";", "respond", "reply", "page", "story", "sponsor", "Share"]
_SEARCHED = (sel.NEGATIVE_CLASS, sel.POSITIVE_CLASS, sel.COMMENT_CLASS, sel.META_LINE,
             sel.PHOTO_CREDIT_END)


@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=8).map("".join), st.integers(-30, 30))
def test_lowered_twins_find_what_the_patterns_find(text: str, pos: int) -> None:
    """The twins of the patterns searched through caseless (class/id names, lines) find in
    an ASCII text what the patterns find; a credit in a line's tail cut off, what a search
    from the tail's start finds."""
    for pattern in _SEARCHED:
        assert caseless.twin(pattern) is not None
        assert caseless.finds(pattern, text) == (pattern.search(text) is not None)
        start = len(text) + pos if pos < 0 else pos
        assert caseless.finds(pattern, text, start) == (pattern.search(text, start) is not None)
    tail = linetests.CREDIT_TAIL
    assert caseless.finds(sel.PHOTO_CREDIT_END, text[-tail:]) == (
        sel.PHOTO_CREDIT_END.search(text, len(text) - tail) is not None)


def test_printable_text_holds_no_space_but_the_ascii_one() -> None:
    """normalize_line returns a printable line with single inner spaces as it is: no
    character str.split() splits at is printable but U+0020 (nor U+200B, U+FEFF)."""
    assert not [code for code in range(0x110000)
                if chr(code).isspace() and chr(code).isprintable() and code != 0x20]
    assert not "\u200b".isprintable() and not "\ufeff".isprintable()
    for text in ("a b", "", "a  b", " a", "a ", "a\u00a0b", "a\u200bb", "\ue000a"):
        assert normalize_line(text) == " ".join(text.replace("\u200b", " ").split())




_MARKED = "\ue000\ue001\ue002\ue003\ue004 ab."


@given(st.text(alphabet=_MARKED, max_size=60))
def test_spanning_link_matches_as_its_leading_look_behind_form(text: str) -> None:
    """clean._SPANNING_LINK, which opens with its marker, finds the spans the pattern with
    the look-behind first found (the same starts, the same ends)."""
    opening, closing, para = markers.LINK_OPEN, markers.LINK_CLOSE, markers.PARA
    plain = re.compile(
        f"(?<!{opening}){opening}(?!{opening})[^{closing}]*?{para}[^{closing}]*{closing}")
    assert [found.span() for found in clean._SPANNING_LINK.finditer(text)] \
        == [found.span() for found in plain.finditer(text)]
    assert clean.carry_links(text) == plain.sub(clean._split_link, text) \
        if markers.LINK_OPEN in text else clean.carry_links(text) == text


_HREF_PARTS = ("https://", "http://", "HTTP://", "//", "/", "a", "Z", "0", "x.com", "?", "#",
               "[", "]", "\t", ":", "@", "%", "-")


@given(st.lists(st.sampled_from(_HREF_PARTS), max_size=8))
def test_home_link_test_answers_as_urlsplit(parts: list[str]) -> None:
    """homelink.links_home, which knows a deep absolute link without urlsplit, answers as
    the test that parses every link with a host part (an error included)."""
    href = "".join(parts)

    def parsed(link: str) -> bool:
        if link in ("/", "./", "index.html"):
            return True
        if "//" not in link:
            return False
        split = urlsplit(link)
        return bool(split.netloc) and split.path in ("", "/") and not split.query

    def answer(test: Callable[[str], bool]) -> bool | str:
        try:
            return test(href)
        except ValueError:
            return "error"

    assert answer(homelink.links_home) == answer(parsed)


_WORDS = ("box", "favo", "newsletter", "ki", "is")


@given(st.text(alphabet=st.sampled_from("aBkKsSiIxOé\u0130\u0131\u017f\u212aÄ-é ßﬁ\U0001f600"), max_size=24),
       st.sampled_from(_WORDS))
@example("INFOBOX", "box")
@example("Fa\u00e7vo FAVO", "favo")
def test_ascii_fold_holds_an_ascii_word_where_the_text_does_in_any_ascii_case(
        text: str, word: str) -> None:
    """caseless.ascii_fold (the line tests' and the fact box's fold): an ASCII word is in it
    exactly where re.ASCII|re.I finds it in the text (ASCII letters in either case, no
    letter beyond ASCII folded to one; the CASE_ODD letters are their callers' concern)."""
    found = re.search(re.escape(word), text, re.ASCII | re.I) is not None
    assert (word in caseless.ascii_fold(text)) is found
