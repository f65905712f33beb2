"""speed26's shortcuts give the answers of the slow forms they replace."""

from __future__ import annotations

import pytest

from monitor import dom, gathering, scoring, voting
from monitor import selectors as sel
from monitor.caseless import ascii_fold, matches, matches_wide
from monitor.extract import parse

from .testpages import PROSE, with_test_pages

LINES = ["Related stories", "Share this", "ADVERTISEMENT", "Read more:", "photo.JPG",
         "The council voted on Tuesday.", "Ünïcode line: weiterlesen", "Weiterlesen",
         "PUBLICITÉ", "", "Copyright 2024 Example. All rights reserved.", "Top", "tags: a, b"]


def test_matches_with_the_callers_fold_is_the_pattern_match() -> None:
    """linetests.is_boilerplate_line hands matches_wide the line's ascii_fold(): an ASCII
    line's lower(), which the twin then matches without lowering it again."""
    for line in LINES:
        expected = sel.BOILERPLATE_LINE.match(line) is not None
        assert matches_wide(sel.BOILERPLATE_LINE, line, ascii_fold(line)) is expected, line
        assert matches_wide(sel.BOILERPLATE_LINE, line) is expected, line
        if line.isascii():
            assert matches(sel.BOILERPLATE_LINE, line, ascii_fold(line)) is expected, line


def test_family_lead_without_the_pre_check_chooses_the_same(monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    """scoring._family_lead returns the winner at once where _may_take_over finds no family
    that could outweigh it; the full search chooses the same on every test page, on a
    page of sections that take over and on one of sections that do not."""
    short = "A short paragraph of the section, here it is."
    sections = "".join(f"<section class=part><p>{short}</p><p>{short}</p></section>"
                       for _ in range(4))  # (together they outweigh the dense block)
    pages = [f"<body><div class=dense><p>{PROSE} {PROSE}, and, so, on</p></div>{sections}</body>",
             f"<body><div class=lead><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div>"
             f"<div class=card><p>short one</p><p>{PROSE}</p></div></body>"]
    for page in with_test_pages(pages[0])[:1] + pages[1:] + with_test_pages("")[1:]:
        chosen = []
        for check in (scoring._may_take_over, lambda best, cands: True):
            monkeypatch.setattr(scoring, "_may_take_over", check)
            tree = parse(page)
            root = tree.body
            if root is None or tree.root is None:
                break
            place = {node.mem_id: index for index, node in enumerate(tree.root.traverse())}
            best = dom.best_candidate(voting.score_candidates(root))
            chosen.append(None if best is None else (place[best.node.mem_id], best.score))
        assert len(chosen) < 2 or chosen[0] == chosen[1]


def test_same_class_compares_the_kinds() -> None:
    """gathering._same_class tests the tag before reading the class: the answer is still
    that the two kinds (tag and first class) agree, for every pair of a page's blocks."""
    html = ("<body><div class='rich-text mt-4'>a</div><div class=rich-text>b</div>"
            "<section class=rich-text>c</section><div>d</div><div class=' '>e</div></body>")
    for page in with_test_pages(html)[:12]:
        tree = parse(page)
        nodes = tree.css("div, section, article, p")[:40]
        for best in nodes:
            kind = scoring.section_kind(best)
            for node in nodes:
                expected = kind[1] != "" and scoring.section_kind(node) == kind
                assert gathering._same_class(node, best, kind) is expected
                assert gathering._same_class(node, best) is expected


def test_element_test_is_the_tag_test() -> None:
    """voting._vote asks is_element_node where it tested the tag (None, or "-document" and
    the like for other nodes): the same answer for every node of the test pages, the
    document above <html> among them."""
    for page in with_test_pages("<body><p>x</p><!-- c --></body>"):
        tree = parse(page)
        if tree.root is None:
            continue
        nodes = [*tree.root.traverse(include_text=True), tree.root.parent]
        for node in nodes:
            if node is not None:
                tag = node.tag
                assert node.is_element_node is bool(tag and tag[0] != "-")
