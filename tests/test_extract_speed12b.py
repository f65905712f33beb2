"""Query shortcuts give what the queries they replace give (monitor.nodefinds, speed12b)."""

from __future__ import annotations

from monitor.extract import parse
from monitor.nodefinds import by_tag

_PAGE = """<!DOCTYPE html><html><head><title>T</title><meta name=x content=y>
<template><figcaption>in a template</figcaption><h2>t</h2></template></head>
<body><figure><img src=a.png><figcaption>One</figcaption></figure><div><h2>A</h2>
<p>x<title>in the body</title></p><svg><figcaption>svg</figcaption><title>s</title></svg>
<section><h3>B</h3><figcaption>Two</figcaption><p>y</p></section></div></body></html>"""


def _ids(nodes: list) -> list[int]:
    return [node.mem_id for node in nodes]


def test_by_tag_finds_what_the_query_finds_in_document_order() -> None:
    tree = parse(_PAGE)
    body = tree.body
    assert body is not None
    for name in ("figcaption", "h2", "h3", "p", "title", "meta", "section", "body", "html"):
        assert _ids(by_tag(body, name)) == _ids(body.css(name)), name
    assert [node.text() for node in by_tag(body, "figcaption")][::2] == ["One", "Two"]
    assert [node.text() for node in by_tag(body, "title")] == ["in the body", "s"]


def test_by_tag_below_the_body_is_the_query() -> None:
    tree = parse(_PAGE)
    section = tree.css_first("section")
    assert section is not None
    assert [node.text() for node in by_tag(section, "figcaption")] == ["Two"]
    assert _ids(by_tag(section, "section")) == [section.mem_id]  # (a query holds its root)


def test_a_caption_credit_is_what_the_pattern_finds() -> None:
    """The rest after a line's last colon rules a line out only where the pattern could
    not match: a credit's name, spaces before it, a bracket or a line end after it."""
    from monitor.captioncredit import CAPTION_CREDIT, MAX_CHARS, is_caption_credit
    name = "Jane Doe/Agency Name, Ltd. & Partners 12"  # 40 characters
    lines = [
        f"Workers at the plant. Photo: {name}", f"Workers at the plant. Photo:   {name}",
        f"A portrait (Picture credit: {name}x)", f"A portrait (Picture credit: {name}xy)",
        f"Image: {name}a\n", f"Image: {name}ab\n", f"Image: {name}ab", "Bild: A",
        "Foto: Jane Doe", "He said: the photo of the field", "Foto:", "Photo: x " * 40,
        f"The time: 10:30. Photo: {name}", f"Photo: {name}: more", "Photo:\u2003Jane Doe",
        f"A portrait (Photo: {name}x)\n",  # (43 characters after the colon: the most)
    ]
    found = [is_caption_credit(line) for line in lines]
    assert found == [":" in line and len(line) < MAX_CHARS
                     and CAPTION_CREDIT.search(line) is not None for line in lines]
    assert found[:6] == [True, True, True, False, True, False] and found[-3:] == [False, True, True]
