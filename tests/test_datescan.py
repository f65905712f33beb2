"""datescan.hint_scan: DATE_HINT_SELECTOR matched in Python is the query it stands for."""

from __future__ import annotations

from monitor import datescan, dom
from monitor import selectors as sel
from monitor.extract import parse
from tests.testpages import with_test_pages

NAMES = ("<div class='Post-Meta' id=x><span class='DATE time-ago'>May 3, 2024</span>"
         "<time datetime=2024-05-03>3 May</time><b itemprop='a\tdatePublished'>b</b>"
         "<i itemprop=DATEPUBLISHED>i</i><em id='pubTime' class='byline source'>e</em>"
         "<!-- c --><u class=''>u</u><p class='art-info article-x'>p</p></div>")


def _walked(scope: object) -> list[int] | None:
    ids: list[int] = []
    for node in scope.traverse():  # type: ignore[attr-defined]
        matches = datescan.hint_matches(node)
        if matches is None:
            return None
        ids += [node.mem_id] * matches
    return ids


def test_hint_matches_list_what_the_query_lists() -> None:
    """Each element as often as the selectors it matches, in document order, on every test
    page; a class or id that is not ASCII is left to the query (None)."""
    pages = with_test_pages(f"<html><body>{NAMES}</body></html>")
    checked = 0
    for page in pages:
        tree = parse(page)
        dom.remove_junk(tree)
        if tree.body is None or (walked := _walked(tree.body)) is None:
            continue
        assert walked == [n.mem_id for n in tree.body.css(sel.DATE_HINT_SELECTOR)]
        checked += 1
    assert checked > len(pages) // 2
    first = parse(f"<html><body>{NAMES}</body></html>").body
    assert first is not None and len(_walked(first) or []) == 12  # (2+2+1+1+3+3)
    assert datescan.hint_matches(parse("<p class='datë'>x</p>").css_first("p")) is None


def test_hint_scan_reads_what_scan_reads() -> None:
    """The same date and the same answers, where the walk settles the scope and where it
    leaves it to the query: a date past HINT_WALK elements, a name that is not ASCII."""
    filler = "<span class='meta'>no date here</span>" * (datescan.HINT_WALK + 5)
    dated = "<span class='date'>Posted May 3, 2024</span>"
    cases = {"<div>" + dated + filler + "</div>": "2024-05-03",
             "<div>" + filler + dated + "</div>": "2024-05-03",
             "<div><p class='ünï'>x</p>" + dated + "</div>": "2024-05-03",
             "<div>" + filler + "</div>": None}
    for markup, day in cases.items():
        scope = parse(f"<html><body>{markup}</body></html>").css_first("div")
        assert scope is not None
        hinted: dict[int, str | None] = {}
        queried: dict[int, str | None] = {}
        assert datescan.hint_scan(scope, 200, False, hinted) == day
        assert datescan.scan(scope, sel.DATE_HINT_SELECTOR, 200, False, seen=queried) == day
        assert hinted == queried
