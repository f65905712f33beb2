"""The last reading of a page every other reading found no body in (monitor.extract)."""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from monitor import dom
from monitor import selectors as sel
from monitor.bodylines import body_lines_of, drop_selected, select_nodes
from monitor.models import ExtractRules
from monitor.noscriptbody import has_noscript, noscript_tree, without_notices
from monitor.pageparse import parse
from monitor.scoring import link_density
from monitor.shadowroots import walk_shown

LAST_RESORT_TEXT = 80  # characters: less, read off a page's leftovers, is a label, not a story
LAST_RESORT_LINKS = 0.5  # linked share of the leftovers above which they index other pages


def last_resort(text: str, title: str, rules: ExtractRules | None = None) -> list[str]:
    """The page's text outside its frame (navigation, footers, sidebars), cleaned as any body,
    when no reading found a body: a story told in list items or in headings alone gave the
    vote nothing but a footer's line, which cleaning dropped, and the page came out empty.
    Then, on a page drawn by scripts, what its <noscript> blocks show a reader without them.
    Only such pages get here, so no page that had a body changes. A source's rules hold
    here too: its drop selectors, and its body selector's verdict when that matched."""
    drops, own = (rules.drop, rules.body) if rules is not None else ((), None)
    lines = _outside_frame(parse(text), title, drops, own)
    if lines or not has_noscript(text):
        return lines
    return _outside_frame(noscript_tree(text), title, drops, None, without_notices)


def _outside_frame(tree: LexborHTMLParser, title: str, drops: tuple[str, ...],
                   own: str | None, keep: Callable[[list[str]], list[str]] = list
                   ) -> list[str]:
    dom.remove_junk(tree, walk_shown(tree))
    root = tree.body
    if root is None:
        return []
    drop_selected(root, drops)
    if own and select_nodes(root, own):
        return []  # (the source's own body box is there, and held nothing)
    dom.remove_boilerplate(root, sel.STRUCTURAL_BOILERPLATE, 1.0)
    if link_density(root) > LAST_RESORT_LINKS:
        return []  # (a section or search page's headlines: other stories, not this one's)
    lines = keep(body_lines_of([root], title))
    return lines if sum(map(len, lines)) >= LAST_RESORT_TEXT else []
