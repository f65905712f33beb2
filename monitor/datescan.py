"""The first date line of a scope: its elements a selector lists, in document order.

beside_headline asks selectors.DATE_HINT_SELECTOR of a few small scopes around the headline,
and the date is nearly always among their first elements. A css() query costs ~20k
instructions to set up and ~55k to parse those fourteen selectors before it matches one
element, and then lists the whole scope; hint_scan matches them in Python over the
scope's first HINT_WALK elements instead (the same list: lexbor lists an element once per
selector it matches, the scope itself first) and leaves the query to a scope they do not
settle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.datelists import first_dated, in_list
from monitor.datemarks import dates_no_text, in_caption
from monitor.tagids import tag_id

SCAN_NODES = 120  # elements looked at per scope (each once per selector it matches)
HINT_WALK = 40  # elements of a scope matched in Python before the query takes over
_UNSEEN = "unseen"  # (no element's answer: answers are None or a YYYY-MM-DD day)
_GAVE_UP = "gave up"  # (hint_scan's walk left the rest of the scope to the query)
_TIME = tag_id("time")
CSS_SPACE = re.compile(r"[ \t\n\f\r]+")  # what separates the words of a ~= match
# the values of DATE_HINT_SELECTOR's [class*=... i] and [id*=... i] selectors
CLASS_HINTS = ("date", "time", "info", "meta", "pub", "byline", "source", "post-", "article-",
               "art-")
ID_HINTS = ("date", "time")


def scan(scope: LexborNode, selector: str, longest: int, first_month: bool,
         passed: frozenset[int] = frozenset(), seen: dict[int, str | None] | None = None
         ) -> str | None:
    """The first date of a short element under ``scope`` that is not in a list of others
    and dates a text (no member's sign-up, no clock, no photo's caption); none of the
    elements whose mem_id is in ``passed``. ``seen``: each element's answer by mem_id, from
    earlier scans with the same ``longest`` and ``first_month`` (read, and added to)."""
    nodes = (node for node in scope.css(selector) if node.mem_id not in passed)
    return _first(nodes, longest, first_month, {} if seen is None else seen)


def hint_scan(scope: LexborNode, longest: int, first_month: bool,
              seen: dict[int, str | None]) -> str | None:
    """scan(scope, sel.DATE_HINT_SELECTOR, ...), its first elements matched in Python."""
    found = _first(_hint_walk(scope), longest, first_month, seen)
    if found is _GAVE_UP:  # (the elements walked hold no date: their answers are in seen)
        return scan(scope, sel.DATE_HINT_SELECTOR, longest, first_month, seen=seen)
    return found


def _first(nodes: Iterator[LexborNode | None], longest: int, first_month: bool,
           answers: dict[int, str | None]) -> str | None:
    """The first date among the first SCAN_NODES + 1 entries of ``nodes`` (see scan);
    _GAVE_UP at a None entry (hint_scan's walk giving up)."""
    for node in islice(nodes, SCAN_NODES + 1):
        if node is None:
            return _GAVE_UP
        found = answers.get(node.mem_id, _UNSEEN)
        if found is _UNSEEN:
            found = answers[node.mem_id] = first_dated([node], longest, first_month, belongs)
        if found:
            return found
    return None


def belongs(node: LexborNode) -> bool:
    """Whether a date element dates this page's text (see scan)."""
    return not in_list(node) and not dates_no_text(node) and not in_caption(node)


def _hint_walk(scope: LexborNode) -> Iterator[LexborNode | None]:
    """scope.css(sel.DATE_HINT_SELECTOR) over the first HINT_WALK elements of ``scope``,
    then (or at a name the query folds otherwise: not ASCII) one None."""
    for count, node in enumerate(scope.traverse()):
        matches = hint_matches(node) if count < HINT_WALK else None
        if matches is None:
            yield None
            return
        for _ in range(matches):
            yield node


def has_word(value: str | None, word: str) -> bool:
    """Whether [attr~="word"] matches an attribute's value (a substring test first: the
    split costs more, and most values hold no such word)."""
    return value is not None and word in value and word in CSS_SPACE.split(value)


def hint_matches(node: LexborNode) -> int | None:
    """How many selectors of sel.DATE_HINT_SELECTOR match ``node`` (``time``, the word
    datePublished in its itemprop, each [class*=... i] and [id*=... i] value); None for
    a class or id that is not ASCII (lexbor's "i" folds ASCII letters only)."""
    attrs = node.attributes
    count = int(has_word(attrs.get("itemprop"), "datePublished")) + (node.tag_id == _TIME)
    names = attrs.get("class")
    if names:
        if not names.isascii():
            return None
        count += sum(map(names.lower().__contains__, CLASS_HINTS))  # (no generator frame)
    names = attrs.get("id")
    if names:
        if not names.isascii():
            return None
        count += sum(map(names.lower().__contains__, ID_HINTS))
    return count
