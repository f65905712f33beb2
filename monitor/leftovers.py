"""The page-wide boilerplate query without the selectors whose every element is gone.

sel.GLOBAL_BOILERPLATE runs after two passes that list elements of some of its selectors
first: the hidden blocks (sel.HIDDEN_BLOCKS lists every [hidden] and [aria-hidden=true]
element but paragraphs) and the comment threads (sel.COMMENT_BLOCKS, case-insensitive,
lists every element whose class or id holds "comment"). What those passes did not unlink
is all such a selector can still find (removals add no element and no attribute); where
that is nothing, the selector is left out: each one is tried on every element of the page,
and [class*="comment"] is among the costliest (~12 us of a 1.9 ms page, for most pages).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.attrsieve import sieve
from monitor.scoring import node_names

HIDDEN_PARTS = ("[hidden]", "[aria-hidden=true]:not(p)")
COMMENT_PARTS = ('[class*="comment"]', '[id*="comment"]')
_PARTS = tuple(sel.GLOBAL_BOILERPLATE.split(", "))


def without(*parts: tuple[str, ...]) -> str:
    """sel.GLOBAL_BOILERPLATE without the given parts, as a selector list."""
    dropped = {part for group in parts for part in group}
    return ", ".join(part for part in _PARTS if part not in dropped)


def grouped(query: str) -> str:
    """A selector list whose substring tests of an attribute ([class*=...], [id*=...],
    [style*=...]) sit behind one test that the element has the attribute: an element
    without it is spared every one of them (the global and the hidden query: ~0.7% of a
    ScrapingHub page's instructions). Behind it, monitor.attrsieve arranges them to be
    cheaper still.

    The elements found are the same, in the same order; one the list gave once for each
    of its parts it matches comes once for each group instead. remove_boilerplate does to a
    block listed twice what it does to one listed once: the second time it is out of the
    tree, and its unlink changes nothing (a spared one is spared again)."""
    parts = query.split(", ")
    tests = {name: [part for part in parts if _BARE.match(part) and part.startswith(f"[{name}*=")]
             for name in _GROUPED}
    values = [part for part in parts if part.startswith(_VALUES)]
    kept = [part for part in parts if part not in values
            and not any(part in found for found in tests.values())]
    if len(values) > 1:  # ([role=navigation], [role=complementary]: one element fits one)
        kept.append(f"{_VALUES[:-1]}]:is({', '.join(values)})")
    else:
        kept.extend(values)
    return ", ".join(kept + [sieve(name, found) for name, found in tests.items() if found])


_GROUPED = ("class", "id", "style")  # attributes whose substring tests grouped() puts together
_BARE = re.compile(r'\[\w+\*="[^"]*"(?: i)?\]$')  # (a compound such as [class*="x"]:not(p) stays)
_VALUES = "[role="  # the tests of one attribute's whole value grouped() puts together
HIDDEN_QUERY = grouped(sel.HIDDEN_BLOCKS)  # sel.HIDDEN_BLOCKS, grouped
_QUERIES = {  # (hidden parts needed, comment parts needed) -> the query
    (True, True): grouped(sel.GLOBAL_BOILERPLATE),
    (False, True): grouped(without(HIDDEN_PARTS)),
    (True, False): grouped(without(COMMENT_PARTS)),
    (False, False): grouped(without(HIDDEN_PARTS, COMMENT_PARTS)),
}


def global_query(hidden_left: list[LexborNode], comments_left: list[LexborNode] | None) -> str:
    """sel.GLOBAL_BOILERPLATE for the page: ``hidden_left``, the blocks the hidden pass
    listed and spared (none when the hidden query found nothing: monitor.hiddensplit);
    ``comments_left``, those remove_comments listed and spared (None: it did not run)."""
    hidden = any(_may_hide(node) for node in hidden_left)
    comments = comments_left is None or any(_may_name_comments(node) for node in comments_left)
    return _QUERIES[hidden, comments]


def _may_hide(node: LexborNode) -> bool:
    """Whether a spared block may be one of HIDDEN_PARTS' (still in the tree, either
    attribute, whatever its value)."""
    if node.parent is None:
        return False
    attrs = node.attributes
    return "hidden" in attrs or "aria-hidden" in attrs


def _may_name_comments(node: LexborNode) -> bool:
    """Whether a spared block may be one of COMMENT_PARTS' (still in the tree, "comment"
    in its class or id in any case)."""
    return node.parent is not None and "comment" in node_names(node).lower()
