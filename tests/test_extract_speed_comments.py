"""remove_comments, which leaves the blocks inside a thread it removes to go with it, leaves
the tree, the removals' record and the spared blocks as unlinking each block did."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import comments, dom, voting
from monitor import selectors as sel
from monitor.extract import parse
from monitor.placement import PAGE_LEVEL, in_code
from monitor.scoring import node_names

from .testpages import PROSE, with_test_pages

_PAGE = f"""<body><article class="post"><p>{PROSE}</p>
<div class="comments-open"><p>{PROSE}</p></div>
<pre><span class="comment">// code</span></pre></article>
<section id="comments">Before<div class="comment">one <div class="comment-body">text
<span class="comment-meta">by</span></div></div>
<span class="comment-link">x</span><div class="comment">Second reply</div>After
<div class="Comment-reply" id="comment-9">three</div></section>
text<span class="commentary">a</span><div class="disqus">b</div>more<div class="comment">c</div>end
Left<span class="comment-count">3</span><div class="comment">Z</div>right
<div class="comments"><code><span class="comment">c</span></code></div></body>"""


def _one_by_one(root: LexborNode, protect: set[int], removals: voting.Removals
                ) -> list[LexborNode]:
    """remove_comments as it was: every block tested and unlinked, innermost first."""
    spared: list[LexborNode] = []
    for node in reversed(root.css(sel.COMMENT_BLOCKS)):
        if node.mem_id not in protect and node.tag not in PAGE_LEVEL \
                and sel.COMMENT_NAME.search(node_names(node)) and not in_code(node):
            dom.unlink(node, removals)
        else:
            spared.append(node)
    return spared


def _outcome(page: str, remove: object) -> tuple[str, list[str], list[str]]:
    tree = parse(page)
    root = tree.body
    assert root is not None
    dom.remove_junk(tree)
    kept_box = root.css_first("div.comments-open p")  # (the path the first vote protects)
    protect = dom.ancestry(kept_box if kept_box is not None else root)
    removals = voting.Removals()
    spared = remove(root, protect, removals)  # type: ignore[operator]
    kept = sorted(node.html or "" for node in spared if node.parent is not None)
    # (the changed elements still in the tree: the others are never read again)
    changed = sorted(node.html or "" for node in root.traverse() if node.mem_id in removals.changed)
    return tree.html or "", kept, changed


def test_remove_comments_leaves_what_unlinking_each_block_left() -> None:
    outcome = _outcome(_PAGE, comments.remove_comments)
    assert outcome == _outcome(_PAGE, _one_by_one)
    assert "Second reply" not in outcome[0] and "// code" in outcome[0] and "comments-open" in outcome[0]
    assert f"more{dom.PARA}end" in outcome[0]  # (a break where a block stood between texts)


def test_remove_comments_on_the_test_pages() -> None:
    for page in with_test_pages(_PAGE):
        assert _outcome(page, comments.remove_comments) == _outcome(page, _one_by_one)
