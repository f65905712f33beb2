"""Links within the page: a table of contents is the article's own, not links away.

A long read opens a section with a box of links to its own subheadings ("In this article:
Symptoms? / How deadly is it? / ...", each an ``href="#symptoms"``). Counted as links, the
box made its section read as navigation (most of its text linked), and the gathering left
the whole section out, prose and subheading too. A link to an anchor of the page leads
nowhere else: the gathering's link tests leave such links out. (A bare ``href="#"`` is a
script's button, not an anchor: it still counts.)
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.scoring import text_len


def away_density(node: LexborNode, density: float, limit: float) -> float:
    """``density`` (the node's linked share) when it is within ``limit``; above it, the
    share of the node's text in links that lead off the page (the dearer reading, done only
    where it can change a decision)."""
    if density <= limit:
        return density
    total = text_len(node)
    if total <= 0:
        return density
    linked = sum(len(a.text_lexbor().strip()) for a in node.css("a") if not _in_page(a))
    return min(linked / total, 1.0)


def _in_page(link: LexborNode) -> bool:
    """Whether a link points at an anchor of the page itself ("#symptoms")."""
    href = link.attributes.get("href") or ""
    return len(href) > 1 and href.startswith("#")
