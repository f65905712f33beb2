"""The loop the drops from inside the chosen body containers share: snippet-excluded blocks
(monitor.nosnippet), fact boxes (monitor.factbox), captions (monitor.captions), each a
sweep of its own over the containers, one after the other.

Each rule spares a block that holds most of its container's text (then the block is the
article itself), so a sweep measures a container once, only when its query found something
there, and hands the rule that cap.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from monitor.dom import text_len, unlink


def unlink_inside(nodes: list[LexborNode], query: str, share: float,
                  drops: Callable[[LexborNode, float], bool]) -> None:
    """Unlink, inside each container, the matches of ``query`` that ``drops`` names, given
    the match and ``share`` of the container's characters. Inner matches come first (the
    reverse of document order); one whose parent is gone is skipped."""
    for node in nodes:
        found = node.css(query)
        if not found:
            continue
        most = share * max(text_len(node), 1)
        for match in reversed(found):
            if match.parent is not None and drops(match, most):
                unlink(match)
