"""speed23c's fast paths read what the slow ones did: a container's own text first asked of
lexbor with skip_empty (its ASCII white space text nodes left out) is the stripped own text,
and the wrapper test's "holds text" is the same answer; a line that is normalised once
stripped comes back stripped, as the split and join made it; the markers taken out by five
replace() calls are the ones MARKERS finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborNode

from monitor import voting
from monitor.extract import parse
from monitor.markers import HEADING, LINK_CLOSE, LINK_OPEN, LIST_ITEM, MARKERS, PARA, strip_markers
from monitor.textnorm import INVISIBLE, normalize_line

from .testpages import PROSE, with_test_pages

# pieces of own text that the fast path must keep or drop as the slow one does: white
# space between an element's children (ASCII or not), words, and nothing
_PIECES = st.sampled_from(["", " ", "\n  ", "\t", "\u00a0", "\u3000", "word", " two words ",
                           "\r\n", "\u200b", "x"])
_PAGE = (f"<body><div> <p>{PROSE}</p> \n <p>{PROSE}</p> </div><div>Posted <b>by</b> \n"
         "<i>Jane</i> on Monday</div><div>\u00a0<span>x</span>\u00a0</div>"
         "<div><div><span>Lone text in two boxes</span></div></div>"
         "<p><span>Read <b>it</b> <i>here</i> today</span></p></body>")


def _slow_own(node: LexborNode) -> str:
    return (node.text(deep=False) or "").strip()


def _elements(page: str) -> list[LexborNode]:
    root = parse(page).root
    assert root is not None
    return [node for node in root.traverse() if node.tag and node.tag[0] not in "-#"]


def test_own_text_is_the_stripped_own_text_on_every_element() -> None:
    seen = with_text = 0
    for page in with_test_pages(_PAGE):
        for node in _elements(page):
            slow = _slow_own(node)
            assert voting.own_text(node) == slow
            assert voting._has_own_text(node) == bool(slow)
            seen, with_text = seen + 1, with_text + bool(slow)
    assert seen > 1000 and with_text > 100  # (both answers met often: the test can fail)


def test_interior_white_space_is_kept() -> None:
    """The white space between an element's pieces of text is its text (what skip_empty
    alone would drop)."""
    node = next(node for node in _elements(_PAGE) if _slow_own(node).startswith("Posted"))
    assert voting.own_text(node) == "Posted  \n on Monday"


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=6))
def test_own_text_matches_the_slow_read(pieces: list[str]) -> None:
    inner = "".join(f"{piece}<b>{index}</b>" for index, piece in enumerate(pieces))
    page = f"<body><div>{inner}{pieces[0]}</div></body>"
    for node in _elements(page):
        assert voting.own_text(node) == _slow_own(node)
        assert voting._has_own_text(node) == bool(_slow_own(node))


def test_read_lists_the_boxes_texts_as_before() -> None:
    """read() spells own_text out for its boxes: the same pairs as the slow read."""
    for page in with_test_pages(_PAGE)[:20]:
        root = parse(page).body
        assert root is not None
        reading = voting.read(root)
        assert [text for _, text in reading.boxes] == [_slow_own(node) for node, _ in reading.boxes]
        assert [text for _, text in reading.spans] == [_slow_own(node) for node, _ in reading.spans]


def _slow_normalize(text: str) -> str:
    """normalize_line without its fast paths."""
    line = " ".join(text.replace("\u200b", " ").replace("\ufeff", " ").split())
    return line if line.strip(INVISIBLE + " ") else ""


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    " ab\t\n\r\u00a0\u3000\u200b\ufeff\u200d\u00ad\x01\x1c\u2028\u2009")))
def test_normalize_line_matches_the_split_and_join(text: str) -> None:
    assert normalize_line(text) == _slow_normalize(text)


def test_normalize_line_strips_an_indented_line() -> None:
    for text in ("\n   a b\n  ", "\u00a0a b ", "\u200d a ", "\n\u00ad\n", " a  b ", "\ta\x01b\n"):
        assert normalize_line(text) == _slow_normalize(text)


def test_the_five_markers_are_every_character_markers_matches() -> None:
    every = "".join(map(chr, range(0x110000)))
    assert MARKERS.findall(every) == [PARA, LINK_OPEN, LINK_CLOSE, HEADING, LIST_ITEM]
    assert strip_markers(every) == MARKERS.sub("", every)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    ["a", " ", "\ue000", "\ue001", "\ue002", "\ue003", "\ue004", "\ue005", "\udfff", "é"])))
def test_strip_markers_is_the_substitution(text: str) -> None:
    assert strip_markers(text) == MARKERS.sub("", text)
