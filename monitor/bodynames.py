"""Boxes named like the body's own: the other sections of a body that ads split.

A page may set each stretch of its story in its own copy of a layout box beside an ad column
and name the box for that column ("sidebar-grid__container" > "sidebar-grid__content"):
class pruning then takes every stretch but the one on the first vote's path. A box with the
very tag and class of a box on that path (the class being what pruning reads as boilerplate)
is one more copy of the body's layout, not page chrome.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

BODY_BUILD_LEVELS = 4  # levels from the voted container up: the body's layout boxes, not the page's


def named_like_body(like: LexborNode, root: LexborNode, named: Callable[[str], bool]
                    ) -> frozenset[tuple[str, str]]:
    """(tag, class) of the voted container ``like`` and its ancestors below ``root`` (up to
    BODY_BUILD_LEVELS) whose class alone is boilerplate-named (``named``): the boxes
    whose twins pruning must spare. An unnamed or plainly named box ("row") is left out: a
    sidebar that shares it and is named by its id stays boilerplate."""
    builds: set[tuple[str, str]] = set()
    probe: LexborNode | None = like
    for _ in range(BODY_BUILD_LEVELS):
        if probe is None or probe.mem_id == root.mem_id or probe.tag in ("html", "body"):
            break
        names, tag = probe.attributes.get("class"), probe.tag
        if names and tag and named(names):
            builds.add((tag, names))
        probe = probe.parent
    return frozenset(builds)
