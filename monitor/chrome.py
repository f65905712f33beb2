"""Page chrome: the footers, menus and side columns whose blocks must not win the vote
before the structural pruning has removed them (scoring.best_candidate's first filter)."""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborNode

from monitor.tagids import tag_ids

if TYPE_CHECKING:
    from monitor.scoring import Candidate

CHROME_LEVELS = 12  # levels above a candidate searched for a <footer>, <nav> or <aside>


def in_chrome(node: LexborNode, levels: int = CHROME_LEVELS) -> bool:
    """Whether a node sits in the page's footer, navigation or a side column."""
    probe = node.parent
    for _ in range(levels):
        if probe is None:
            return False
        tag = probe.tag_id  # (lexbor's number: .tag builds a str on each read)
        if tag in _CHROME_ENDS:
            return False
        if tag in _CHROME_IDS:
            return True
        probe = probe.parent
    return False


_CHROME_ENDS = tag_ids(("body", "article", "main"))  # (see monitor.tagids)
_CHROME_IDS = tag_ids(("footer", "nav", "aside"))
SCORE = attrgetter("score")  # (a C key: a lambda is a Python call per candidate)


def top_outside_chrome(cands: dict[int, Candidate], top: int) -> list[Candidate]:
    """The ``top`` best-voted containers outside footers, menus and side columns.

    A short article (one paragraph and a list) is outvoted by a footer of several
    paragraphs (addresses, disclaimers) before the structural pruning has run; blocks in
    such page chrome compete only when nothing else on the page was voted for.
    """
    ordered = sorted(cands.values(), key=SCORE, reverse=True)
    kept = [c for c in ordered[:top] if not in_chrome(c.node)]
    if len(kept) == min(top, len(ordered)):
        return kept
    kept = []
    for cand in ordered:
        if not in_chrome(cand.node):
            kept.append(cand)
            if len(kept) == top:
                break
    return kept or ordered[:top]
