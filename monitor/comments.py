"""Reader comment threads: removed whatever their size, except on the article's path."""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.dom import unlink
from monitor.placement import PAGE_LEVEL, in_code, nested_in
from monitor.scoring import node_names, unlive
from monitor.voting import Removals

# sel.COMMENT_BLOCKS with its two id tests behind one test that the element has an id: each
# entry of a selector list costs lexbor a match on every element (~60k instructions a
# ScrapingHub page), and few elements have an id. The same elements, in the same order;
# one with both names is listed once for each entry it matches (remove_comments skips a
# block it has doomed, and one spared twice is spared all the same).
COMMENT_QUERY = '[class*="comment" i], [class*="disqus" i], [id]:is([id*="comment" i], [id*="disqus" i])'


def remove_comments(root: LexborNode, protect: set[int], removals: Removals | None = None
                    ) -> list[LexborNode]:
    """Remove reader comment threads, whatever their size, except on the article's path;
    returns the blocks it listed and spared.

    The share guard of remove_boilerplate would keep a thread longer than the article; the
    path to the container the first vote chose (``protect``) already spares a wrapper whose
    class merely mentions comments ("comments-open"). ``removals``: see remove_boilerplate.
    A live blog's entry named like a comment ("live-comment") is added to ``protect``, so
    the page-wide boilerplate query that runs later spares it too.

    A block's fate depends on nothing a removal changes: the blocks inside one that goes (a
    thread's comments) go with it untested and unlisted (leftovers.global_query cannot meet
    them), the rest go innermost first as before.
    """
    spared: list[LexborNode] = []
    doomed: dict[int, LexborNode] = {}
    for node in root.css(COMMENT_QUERY):  # (document order: a thread before its comments)
        if node.mem_id in doomed or (doomed and nested_in(node, doomed.keys())):
            continue
        if node.mem_id not in protect and node.tag not in PAGE_LEVEL \
                and sel.COMMENT_NAME.search(unlive(node_names(node))) and not in_code(node):
            doomed[node.mem_id] = node
        else:
            spared.append(node)
            if sel.LIVE_COMMENT.search(node_names(node)):  # a live blog's entry ("live-comment"):
                protect.add(node.mem_id)  # the page-wide "comment" query must spare it too
    for node in reversed(doomed.values()):
        unlink(node, removals)
    return spared
