"""The votes' shortcuts (list items that vote, the second vote reading again only what
the removals changed) count what a fresh vote counts."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from monitor import (
    comments,
    dom,
    leftovers,
    scoring,
    voting,
)
from monitor import selectors as sel
from monitor.extract import parse

from .testpages import PROSE, with_test_pages


def _votes(items: str) -> dict[int, scoring.Candidate]:
    tree = parse(f"<body><ul>{items}</ul></body>")
    assert tree.body is not None
    return voting.score_candidates(tree.body)


def test_a_long_list_item_votes_like_a_paragraph() -> None:
    assert _votes(f"<li>{PROSE} <span><a href='/x'>one link</a></span></li>")


def test_a_list_item_holding_a_block_does_not_vote() -> None:
    """A block however deep (here a <div> inside a <span>) makes the item a container."""
    assert not _votes(f"<li>{PROSE} <span><b><div>more</div></b></span></li>")


def test_a_mostly_linked_list_item_does_not_vote() -> None:
    """Every link counts, nested ones too: here 59 of the item's 121 characters."""
    first = f"<span><a href='/a'>{'x' * 30}</a></span>"
    second = f"<i><a href='/b'>{'y' * 29}</a></i>"
    assert not _votes(f"<li>{'z' * 60} {first} {second}</li>")
    assert _votes(f"<li>{'z' * 60} {first} <i>{'y' * 29}</i></li>")  # 30 of 121


def _votes_of(cands: dict[int, scoring.Candidate]) -> list[tuple[object, ...]]:
    return [(key, c.order, c.score, c.raw, c.paragraphs, c.chars, c.own, c.node.mem_id)
            for key, c in cands.items()]


def _first_vote_and_pruning(root: LexborNode, measures: scoring.Measures | None = None
                            ) -> tuple[voting.Reading, voting.Removals]:
    """The first vote's reading and what the pruning after it removed, as
    extract._auto_nodes takes them (``measures``: filled by the first vote)."""
    reading = voting.read(root)
    first = dom.best_candidate(voting.count(reading), family=False, measures=measures)
    protect = dom.ancestry(first.node if first is not None else None)
    removals = voting.Removals()
    comments.remove_comments(root, protect, removals)
    dom.remove_boilerplate(root, sel.GLOBAL_BOILERPLATE, 0.6, protect, removals)
    return reading, removals


def test_second_vote_counts_what_a_fresh_vote_counts() -> None:
    """The second vote (the first one's reading, with what the removals changed read again)
    is score_candidates of the pruned page: voters gone with a block, texts that lost a part
    or gained a paragraph break where a block between bare lines went."""
    html = (f"<body><div class=main><p>{PROSE}</p><div>Bare line one of the text here."
            f"<aside>Side box</aside>Bare line two of the text here, after it.</div>"
            f"<p>{PROSE}<span class=related-link>Related: more</span></p>"
            f"<ul><li>{PROSE} <a href=/x>link</a></li></ul><span>{PROSE}</span></div>"
            f"<div class=sidebar><p>{PROSE}</p><li>{PROSE}</li></div>"
            f"<div id=comments><div class=comment><p>{PROSE}</p></div></div>"
            f"<footer><p>{PROSE}</p></footer></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        dom.remove_boilerplate(root, sel.HIDDEN_BLOCKS, 0.6)
        reading, removals = _first_vote_and_pruning(root)
        again = voting.count(voting.reread(reading, removals))
        assert _votes_of(again) == _votes_of(voting.score_candidates(root))


def test_decompose_leaves_every_node_under_a_block_without_parent() -> None:
    """reread tells the voters gone with a block by their missing parent: decompose()
    detaches each node under the block, not only the block."""
    for page in with_test_pages(f"<body><div><section><p>{PROSE}<b>x</b></p></section></div></body>"):
        tree = parse(page)
        if tree.body is None:
            continue
        for block in list(tree.body.css("div, section, ul, aside, nav, footer"))[::-1][:40]:
            if block.parent is None:
                continue  # (inside a block decomposed already)
            under = list(block.traverse())
            block.decompose()
            assert all(node.parent is None for node in under)


def test_second_vote_reads_again_what_the_removals_changed() -> None:
    """best_candidate with the Measures of the first vote (those of changed or removed
    nodes forgotten) chooses and scores as with fresh ones."""
    html = (f"<body><div class=main><p>{PROSE}</p><div class=story><p>{PROSE}</p>"
            f"<p>{PROSE} <a href=/x>a link in it</a></p><div class=share-tools>Share "
            f"<a href=/s>this</a></div></div><div id=comments><p>{PROSE}</p></div></div>"
            f"<div class=sidebar><p>{PROSE}</p><p>{PROSE}</p></div></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        measures = scoring.Measures()
        reading, removals = _first_vote_and_pruning(root, measures)
        measures.forget(removals.changed)
        for family in (True, False):
            again = voting.count(voting.reread(reading, removals))
            fresh = voting.count(voting.reread(reading, removals))
            carried = dom.best_candidate(again, family=family, measures=measures)
            expected = dom.best_candidate(fresh, family=family)
            assert (carried is None) == (expected is None)
            assert carried is None or expected is None or (
                carried.node.mem_id, carried.score) == (expected.node.mem_id, expected.score)
            assert _votes_of(again) == _votes_of(fresh)




def test_reading_lists_the_voters_the_queries_list() -> None:
    """voting.read's one walk lists, kind by kind and in order, what a css() query of each
    kind's selector lists, from <body> and from an element of it (itself included)."""
    html = (f"<body><div class=main><p>{PROSE}</p><pre>code</pre><blockquote>q</blockquote>"
            f"<ul><li>{PROSE}</li><dl><dd>{PROSE}</dd></dl></ul><span>{PROSE}<font>f</font>"
            f"</span><table><tr><td>cell</td></tr></table><section><article><main>m</main>"
            f"</article></section><svg><p>in svg</p></svg><math><span>x</span></math></div>"
            f"</body>")
    selectors = (sel.PARAGRAPH_SELECTOR, sel.LIST_PARAGRAPHS, sel.INLINE_TEXT,
                 sel.TEXT_CONTAINERS)
    for page in with_test_pages(html):
        tree = parse(page)
        for root in (tree.body, tree.css_first("div")):
            if root is None:
                continue
            reading = voting.read(root)
            kinds = (reading.paragraphs, reading.items, reading.spans, reading.boxes)
            for voters, selector, deep in zip(kinds, selectors, _DEEP, strict=True):
                assert [(node.mem_id, text) for node, text in voters] \
                    == [(node.mem_id, text) for node in root.css(selector)
                        if (text := voting._text(node, deep))]  # (those with text: see Reading)


_DEEP = (True, True, False, False)  # whether each kind of voter votes with its whole text


def _every_voter(root: LexborNode) -> voting.Reading:
    """voting.read's reading with the voters without text too (as it read before speed26)."""
    selectors = (sel.PARAGRAPH_SELECTOR, sel.LIST_PARAGRAPHS, sel.INLINE_TEXT,
                 sel.TEXT_CONTAINERS)
    found = [[(node, voting._text(node, deep)) for node in root.css(selector)]
             for selector, deep in zip(selectors, _DEEP, strict=True)]
    return voting.Reading(*found)


def _cleaned(page: str) -> tuple[LexborNode, dict[int, int]] | None:
    """A fresh tree of ``page`` without its junk: its <body> (None if it has none) and each
    node's place in document order (mem_ids of two trees do not compare)."""
    tree = parse(page)
    dom.remove_junk(tree)
    root = tree.body
    if root is None or tree.root is None:
        return None
    return root, {node.mem_id: index for index, node in enumerate(tree.root.traverse())}


def test_voters_without_text_change_no_vote() -> None:
    """Leaving the voters without text out of a reading (voting.read) changes neither vote:
    none votes, and none gains text from the removals between the two (a paragraph break
    goes in only between two runs of text, here around the <aside> and the empty <div>)."""
    html = (f"<body><div class=main><div><div><p>{PROSE}</p></div></div><div>Bare line one "
            f"of the text here.<aside>Side box</aside>Bare line two of the text here.<div>"
            f"</div>Bare line three.</div><p> </p><span></span><ul><li></li><li>{PROSE}</li>"
            f"</ul></div><div class=sidebar><p>{PROSE}</p></div></body>")
    for page in with_test_pages(html):
        votes = []
        for read in (voting.read, _every_voter):
            cleaned = _cleaned(page)
            if cleaned is None:
                break
            root, place = cleaned
            reading = read(root)
            first = voting.count(reading)
            best = dom.best_candidate(first, family=False)
            protect = dom.ancestry(best.node if best is not None else None)
            removals = voting.Removals()
            comments.remove_comments(root, protect, removals)
            dom.remove_boilerplate(root, sel.GLOBAL_BOILERPLATE, 0.6, protect, removals)
            second = voting.count(voting.reread(reading, removals))
            votes.append([[(place[c.node.mem_id], c.order, c.score, c.raw, c.paragraphs, c.chars,
                            c.own) for c in cands.values()] for cands in (first, second)])
        assert len(votes) < 2 or votes[0] == votes[1]


@pytest.mark.parametrize("block", [
    "<div class='sidebar footer' id=related-footer><p>s</p></div>",
    "<nav class=menu-sidebar id=sidebar><p>n</p></nav>Bare line after it.",
    f"<aside class='related popular'><p>{PROSE}</p></aside>",
    "<div hidden style='display:none;visibility:hidden'><p>h</p></div>",
    "<footer class='comment-footer' id=comments role=navigation>f</footer>",
])
def test_grouped_queries_remove_what_the_selector_lists_remove(block: str) -> None:
    """remove_boilerplate with leftovers.grouped's query (a block listed once per group it
    matches) leaves the tree, the removals and the spared blocks the list (a block listed
    once per part) leaves: a block listed again is out of the tree, or spared again."""
    html = f"<body>Bare line before it.{block}<div class=main><p>{PROSE}</p>{block}</div></body>"
    for query in (sel.HIDDEN_BLOCKS, sel.GLOBAL_BOILERPLATE, leftovers.without(
            leftovers.HIDDEN_PARTS, leftovers.COMMENT_PARTS)):
        for page in with_test_pages(html):
            results = []
            for form in (query, leftovers.grouped(query)):
                cleaned = _cleaned(page)
                if cleaned is None:
                    break
                root, place = cleaned
                removals = voting.Removals()
                spared = dom.remove_boilerplate(root, form, 0.6, {root.mem_id}, removals)
                results.append((root.html, sorted(place.get(key, -1) for key in removals.changed),
                                list(dict.fromkeys(place[node.mem_id] for node in spared))))
            assert all(result == results[0] for result in results)
