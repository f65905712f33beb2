"""speed25's one query for the hidden blocks and the hidden paragraphs (monitor.hiddensplit)
lists what the two queries it replaces list: the blocks as HIDDEN_QUERY gives them (each
in its place; a block listed again next to itself is done once), and the <p
aria-hidden="true"> as ariahidden's query gives them. The <p> are told apart in Python,
where a wrong reading of an attribute would silently keep or drop text."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.ariahidden import _HIDDEN
from monitor.extract import extract_text, parse
from monitor.hiddensplit import HIDDEN_OR_PARAGRAPHS, hiding_style, split_hidden
from monitor.leftovers import HIDDEN_QUERY

from .testpages import PROSE, with_test_pages

# every way a <p> and another element can meet the queries' parts, and miss them
_PAGE = f"""<body><article><p>{PROSE}</p>
<p aria-hidden="true">•••</p><p aria-hidden="TRUE">Shown to readers, said once.</p>
<p hidden>Hidden paragraph</p><p hidden aria-hidden="true">Both</p>
<p style="color: red; DISPLAY:NONE">Styled away</p><p style>Valueless style</p>
<p style="visibility: hidden" aria-hidden="true">Styled and marked</p>
<p style="display:none" aria-hidden="TRUE">Styled, marked in capitals</p>
<p style="display: block">Shown</p><p aria-hidden="false">Not hidden</p>
<div aria-hidden="true"><p aria-hidden="true">A paragraph in a hidden box</p></div>
<span style="Visibility:Hidden">Gone</span><div hidden><p>{PROSE}</p></div>
<p>{PROSE}</p></article></body>"""


def _once(nodes: list[LexborNode]) -> list[int]:
    """The nodes' ids with a node met again right after itself left out."""
    ids = [node.mem_id for node in nodes]
    return [key for index, key in enumerate(ids) if not index or ids[index - 1] != key]


def test_one_query_lists_what_the_two_list() -> None:
    found_p = 0
    for page in with_test_pages(_PAGE):
        root = parse(page).root
        assert root is not None
        blocks, paragraphs = split_hidden(root.css(HIDDEN_OR_PARAGRAPHS))
        assert _once(blocks) == _once(root.css(HIDDEN_QUERY))
        assert [p.mem_id for p in paragraphs] == [p.mem_id for p in root.css(_HIDDEN)]
        found_p += len(paragraphs)
    assert found_p >= 5  # (the page of the test holds five; the fast path is exercised)


def test_style_words_are_read_in_any_ascii_case_only() -> None:
    assert hiding_style("color: red; DISPLAY:NONE")
    assert hiding_style("Visibility: Hidden")
    assert not hiding_style("display: block")
    assert not hiding_style(None) and not hiding_style("")
    assert not hiding_style("dİsplay:none")  # (İ is no "i" to lexbor)


def test_hidden_paragraphs_still_dropped_and_kept() -> None:
    """The decorations and the hidden blocks go; a paragraph hidden from screen readers
    only ("TRUE" is not "true") and one marked aria-hidden="false" stay."""
    text = extract_text(_PAGE)
    assert "•••" not in text and "Hidden paragraph" not in text and "Styled away" not in text
    assert "Gone" not in text and "A paragraph in a hidden box" not in text
    assert "Shown to readers, said once." in text and "Not hidden" in text
