"""The date beside the headline: each element's date read once however many scopes hold it."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborNode

from monitor import datelists, dates
from monitor.extract import parse

PAGE = ("<html><body><div class='story'><div class='meta-info'>Published 3 March 2021</div>"
        "<div class='wrap'><div class='head'><h1>Harbour works start in the old town</h1>"
        "<span class='info'>Photo: Jane Roe</span></div></div><p>text</p></div></body></html>")


def test_an_element_of_an_inner_scope_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The date line two levels up is found; the caption-like line next to the headline,
    in all three scopes, had its text read once (the outer scopes reuse the answer)."""
    read: list[str] = []
    node_date = datelists._node_date

    def counted(node: LexborNode, longest: int, first_month: bool) -> str | None:
        read.append(node.attributes.get("class") or "")
        return node_date(node, longest, first_month)

    monkeypatch.setattr(datelists, "_node_date", counted)
    tree = parse(PAGE)
    headline = tree.css_first("h1")
    assert dates.beside_headline(headline, False) == "2021-03-03"
    assert read == ["info", "meta-info"]


def test_answers_are_kept_apart_for_each_kind_of_scan() -> None:
    """A date too long for the short-line scan is still found by the named-element scan
    (the answers of one are not the other's: each reads lines of its own length)."""
    tree = parse("<html><body><div class='a'><div class='b'><h1>Harbour works start</h1>"
                 "<div class='byline'>By Jane Roe, staff writer for the harbour desk, "
                 "3 March 2021</div></div></div></body></html>")
    assert dates.beside_headline(tree.css_first("h1"), False) == "2021-03-03"


def test_the_shown_date_is_read_once_when_json_ld_is_contested(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """JSON-LD's date, backed by no meta tag, differs from the date beside the headline:
    the shown date wins, and the headline's surroundings were scanned once for it (the
    check and the choice ask with the same day/month order)."""
    scans: list[bool] = []
    beside = dates.beside_headline

    def counted(headline: LexborNode | None, first_month: bool) -> str | None:
        scans.append(first_month)
        return beside(headline, first_month)

    monkeypatch.setattr(dates, "beside_headline", counted)
    page = ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2021-03-05"}</script></head><body><article><header>'
            "<h1>Harbour works start in the old town</h1><div class='date'>Published 3 March "
            "2021</div></header><p>The harbour works started on Wednesday.</p></article>"
            "</body></html>")
    tree = parse(page)
    ld = {"@type": "NewsArticle", "datePublished": "2021-03-05"}
    assert dates.find_published(tree, ld, {}, tree.css_first("h1")) == "2021-03-03"
    assert scans == [False]
