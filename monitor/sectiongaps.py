"""Short sections between sections: a sectioned body's brief parts belong to it too.

A how-to's steps, a listicle's entries or a live page's updates each sit in a block built
like the winner (same tag, same first class). gathering.cousins takes such a block when it
scores at least one sentence-long paragraph (MIN_SECTION_SCORE); a one-line step ("Insert
the plant into the hole.") scores less and the body lost it from the middle of the run. A
short block is kept only between two kept blocks of the run (or the winner): before the
first or after the last, a short same-class block may as well be a teaser or a footer.

A short block must also open as at least two blocks of the run do (the same tag and first
class holding its first text: a step's "Step 4" label, an update's time or its plain <p>):
a site that builds every part of a page with one block class also sets its one-line promos,
disclosures and captions in it ("Shop our favourite bubble wrap now.", "We may earn a
commission from links."), and those open straight on their sentence where the run's parts
open on a label.
"""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborNode

from monitor.scoring import Candidate
from monitor.series import SERIES

ALIKE = 2  # blocks of the run that open as a short block does: one is the intro, two a pattern


def between(short: list[Candidate], kept: list[Candidate], best: Candidate,
            same_class: set[int]) -> list[Candidate]:
    """The short sections whose document rank lies between the first and last of the
    winner and the kept cousins built like it (``same_class``: their node ids)."""
    run = [best] + [c for c in kept if c.node.mem_id in same_class]
    if len(run) < SERIES or not short:  # two blocks are a pair, not yet a run of sections
        return []
    first, last = min(c.order for c in run), max(c.order for c in run)
    inside = [cand for cand in short if first < cand.order < last]
    if not inside:
        return []
    openings = Counter(_opening(c.node) for c in run)
    return [cand for cand in inside if openings[_opening(cand.node)] >= ALIKE]


def _opening(node: LexborNode) -> tuple[str, str]:
    """The tag and first class of the first element below ``node`` holding text of its own."""
    for element in node.css("*"):
        if element.text(deep=False).strip():
            return element.tag or "", (element.attributes.get("class") or "").split(" ")[0]
    return "", ""
