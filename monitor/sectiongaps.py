"""Short sections between sections: a sectioned body's brief parts belong to it too.

A how-to's steps, a listicle's entries or a live page's updates each sit in a block built
like the winner (same tag, same first class). gathering.cousins takes such a block when it
scores at least one sentence-long paragraph (MIN_SECTION_SCORE); a one-line step ("Insert
the plant into the hole.") scores less and the body lost it from the middle of the run. A
short block is kept only between two kept blocks of the run (or the winner): before the
first or after the last, a short same-class block may as well be a teaser or a footer.
"""

from __future__ import annotations

from monitor.scoring import Candidate
from monitor.series import SERIES


def between(short: list[Candidate], kept: list[Candidate], best: Candidate,
            same_class: set[int]) -> list[Candidate]:
    """The short sections whose document rank lies between the first and last of the
    winner and the kept cousins built like it (``same_class``: their node ids)."""
    ranks = [best.order] + [c.order for c in kept if c.node.mem_id in same_class]
    if len(ranks) < SERIES or not short:  # two blocks are a pair, not yet a run of sections
        return []
    first, last = min(ranks), max(ranks)
    return [cand for cand in short if first < cand.order < last]
