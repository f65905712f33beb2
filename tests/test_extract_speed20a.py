"""speed20a's fast paths list and treat the blocks the slow ones did: the grouped comment
query finds sel.COMMENT_BLOCKS' elements in their order, and remove_boilerplate, which does
a block listed twice in a row once, leaves the tree, the spared blocks and the removals'
record as doing it twice did."""

from __future__ import annotations

from itertools import pairwise

from selectolax.lexbor import LexborNode

from monitor import dom, voting
from monitor import selectors as sel
from monitor.comments import COMMENT_QUERY
from monitor.extract import parse
from monitor.leftovers import HIDDEN_QUERY, global_query

from .testpages import PROSE, with_test_pages

_PAGE = f"""<body><article class="post" id="main"><p>{PROSE}</p>
<div class="Comments-open" id="comment-box"><p>{PROSE}</p></div></article>
<footer class="site-footer" id="footer"><p>About us</p></footer>
<aside class="sidebar related" id="related-sidebar" hidden>More stories</aside>
<nav role="navigation" class="menu"><a href="/">Home</a></nav>
<div id="disqus_thread"><p>First!</p></div><div class="Disqus comments">Reply</div>
<span id="CommentCount">3</span><div class="newsletter" id="Newsletter">Sign up</div>
<p>{PROSE}</p></body>"""


def _first_seen(nodes: list[LexborNode]) -> list[int]:
    """The elements' ids in order, each once (a selector list lists an element once per
    entry it matches)."""
    return list(dict.fromkeys(node.mem_id for node in nodes))


def test_comment_query_finds_the_comment_blocks_in_their_order() -> None:
    matched = 0
    for page in with_test_pages(_PAGE):
        root = parse(page).root
        assert root is not None
        found = _first_seen(root.css(COMMENT_QUERY))
        assert found == _first_seen(root.css(sel.COMMENT_BLOCKS))
        matched += len(found)
    assert matched >= 5  # (the test page's own blocks at least: the test can fail)


def _every_time(root: LexborNode, selector: str, keep_share: float, protect: set[int],
                removals: voting.Removals) -> list[LexborNode]:
    """remove_boilerplate as it was: a block listed twice in a row done twice."""
    total = max(dom.text_len(root), 1)
    protect.add(root.mem_id)
    spared: list[LexborNode] = []
    for node in reversed(root.css(selector)):
        if dom._spared(node, keep_share * total, protect):
            spared.append(node)
        else:
            dom.unlink(node, removals)
    return spared


def _outcome(page: str, selector: str, remove: object) -> tuple[str, list[str], list[str]]:
    tree = parse(page)
    root = tree.body
    assert root is not None
    dom.remove_junk(tree)
    protect = dom.ancestry(root.css_first("article p") or root)
    removals = voting.Removals()
    spared = remove(root, selector, 0.3, protect, removals)  # type: ignore[operator]
    # (each spared block once: the old way listed one twice, for an any() that reads it)
    kept = sorted(node.html or "" for node in {n.mem_id: n for n in spared}.values()
                  if node.parent is not None)
    changed = sorted(node.html or "" for node in root.traverse() if node.mem_id in removals.changed)
    return tree.html or "", kept, changed


def test_remove_boilerplate_does_a_block_listed_twice_as_before() -> None:
    twice = 0
    for query in (HIDDEN_QUERY, global_query([], None), sel.STRUCTURAL_BOILERPLATE):
        for page in with_test_pages(_PAGE):
            root = parse(page).body
            found = root.css(query) if root is not None else []
            twice += sum(a.mem_id == b.mem_id for a, b in pairwise(found))
            assert _outcome(page, query, dom.remove_boilerplate) == _outcome(page, query, _every_time)
    assert twice >= 3  # (blocks that several selectors match are among them)
