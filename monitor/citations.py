"""A paper's list of references never is its body, however many long entries vote for it.

On a journal page whose text is only an abstract (the rest behind a paywall), the reference
list, a hundred entries of a few hundred characters, outvotes the abstract and became the
body. When the winner is named as such a list, the vote is taken again without it (and what
it holds); it can still join the body as a part of a chosen container, never on its own.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.placement import nested_in
from monitor.scoring import Candidate, best_candidate, node_names

# class/id words of a list of cited works
CITATION_WORDS = frozenset((
    "references", "reference", "bibliography", "citations", "refs", "reflist", "footnotes",
))


CITATION_LEVELS = 2  # boxes above the winner that may name it (a plain list in "article__references")


def citation_list(node: LexborNode) -> LexborNode | None:
    """The block (the node or a box just above it) whose class/id names it a list of
    references ("c-article-references"), if any."""
    probe: LexborNode | None = node
    for _ in range(CITATION_LEVELS + 1):
        if probe is None or probe.tag in ("body", "html", "article", "main"):
            return None
        if not CITATION_WORDS.isdisjoint(sel.NAME_TOKENS.split(node_names(probe).lower())):
            return probe
        probe = probe.parent
    return None


def best_beside_citations(best: Candidate | None, cands: dict[int, Candidate], family: bool
                          ) -> tuple[Candidate | None, dict[int, Candidate]]:
    """``best`` and ``cands``, or, when ``best`` is a list of references and something else
    was voted for, the winner of a vote without it and the candidates outside it (so that
    it does not come back as a neighbour of the new winner)."""
    listed = citation_list(best.node) if best is not None else None
    if best is None or listed is None:
        return best, cands
    gone = {listed.mem_id}
    rest = {key: cand for key, cand in cands.items()
            if key not in gone and not nested_in(cand.node, gone)}
    for cand in rest.values():
        cand.score = cand.raw  # (the first vote corrected the scores of its leaders in place)
    again = best_candidate(rest, family=family)
    return (again, rest) if again is not None else (best, cands)
