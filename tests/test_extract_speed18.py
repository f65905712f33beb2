"""The junk walk's voters and box openers (junkwalk.walk), less the elements removed since,
are what voting.read's own walk of <body> and nodefinds.first_children's lookups by name
list after the removals, in their order; the walk's junk and <meta> elements are a walk of
the whole page's."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import dom, junkwalk, voting
from monitor.extract import parse
from monitor.nodefinds import first_children
from monitor.tagids import tag_ids

from .testpages import PROSE, with_test_pages

# voters inside junk (gone with it), junk inside voters, a comment and text after </body>
PAGE = (f"<html><head><title>t</title><meta name=a content=b><style>s</style></head><body>"
        f"<div class=main><p>{PROSE}</p><dialog><p>{PROSE}</p><div>box</div></dialog>"
        f"<button><span>{PROSE}</span></button><object><div><p>{PROSE}</p></div></object>"
        f"<video><p>fallback {PROSE}</p></video><canvas><div>drawn</div></canvas>"
        f"<ul><li>{PROSE}<svg><foreignObject><div>in svg</div></foreignObject></svg></li></ul>"
        f"<section class=gone><article><p>{PROSE}</p><span>own text</span></article></section>"
        f"<table><tr><td class=gone>cell {PROSE}</td><td>kept</td></tr></table>"
        f"<font>{PROSE}</font><main><pre>code</pre><blockquote class=gone>q</blockquote></main>"
        f"</div></body><!-- after the body --> trailing text</html>")


def _ids(reading: voting.Reading) -> list[list[tuple[int, str]]]:
    kinds = (reading.paragraphs, reading.items, reading.spans, reading.boxes)
    return [[(node.mem_id, text) for node, text in kind] for kind in kinds]


def _whole_walk(tree: LexborHTMLParser) -> tuple[list[int], list[int]]:
    """(junk, metas) of one walk over the whole page, as junkwalk.walk listed them before,
    but <body>'s <template>s last (leaves of the tree: removed first, they take nothing
    with them that the removal of another junk element would need) and none with children
    (an <svg>'s or a <math>'s, junk that takes them along)."""
    root = tree.root
    assert root is not None
    found = [node for node in root.traverse() if node.tag_id in junkwalk._WALKED]
    metas = [node.mem_id for node in found if node.tag == "meta"]
    junk = [node for node in found if node.tag != "meta"]
    moved = [node for node in junk if node.tag == "template" and _in_body(node)]
    assert all(_in_foreign(node) for node in moved if node.child is not None)
    last = [node.mem_id for node in moved if node.child is None]
    return [node.mem_id for node in junk if node not in moved] + last, metas


def _in_foreign(node: LexborNode) -> bool:
    probe = node.parent
    while probe is not None and probe.tag not in ("svg", "math"):
        probe = probe.parent
    return probe is not None


def _in_body(node: LexborNode) -> bool:
    probe = node.parent
    while probe is not None and probe.tag != "body":
        probe = probe.parent
    return probe is not None


def _check(tree: LexborHTMLParser, gone: list[LexborNode], flat: list[LexborNode]) -> None:
    """After the junk, the ``flat`` elements unwrapped (their children moved up, as
    galleries.unwrap_gallery does), and the ``gone`` ones unlinked."""
    walked = junkwalk.walk(tree)
    assert ([n.mem_id for n in walked.junk], [n.mem_id for n in walked.metas]) \
        == _whole_walk(tree)
    dom.remove_junk(tree, walked)
    for node in flat:
        node.unwrap()
    for node in reversed(gone):
        if node.parent is not None:
            dom.unlink(node)
    body = tree.body
    assert body is not None and walked.voters is not None and walked.openers is not None
    assert _ids(voting.read(body, walked.voters)) == _ids(voting.read(body))
    for names in (("h2", "h3", "h4", "p"), ("h2", "h3", "h4")):
        assert [n.mem_id for n in first_children(body, names, walked.openers)] \
            == [n.mem_id for n in first_children(body, names)]


def test_walked_voters_are_read_after_junk_and_removals() -> None:
    """Over a page of its own and every test page: voters inside removed junk or removed
    blocks are left out, the rest come in the order of a fresh walk, with the same texts."""
    for page in with_test_pages(PAGE):
        tree = parse(page)
        _check(tree, list(tree.css(".gone, aside, nav, footer, [class*=related]")),
               list(tree.css("figure, figcaption")))


def test_the_voters_of_a_page_that_is_not_head_and_body_are_not_listed() -> None:
    """A frameset page has no <body> to list voters of: the walk of the page lists its junk
    and <meta>s as before, and the vote walks for itself."""
    tree = parse("<html><head><script>x</script><meta name=a content=b></head>"
                 "<frameset><frame src=a></frameset></html>")
    walked = junkwalk.walk(tree)
    assert walked.voters is None and walked.openers is None
    assert ([n.mem_id for n in walked.junk], [n.mem_id for n in walked.metas]) \
        == _whole_walk(tree)


def test_junk_tags_are_no_voters_and_headings_neither() -> None:
    """The walk sorts each element into one list: no junk tag is a voter's or a heading's."""
    headings = set(tag_ids(junkwalk._OPENERS))
    assert not set(voting.VOTER_KINDS).intersection(junkwalk._WALKED)
    assert not headings.intersection(junkwalk._WALKED) and not headings.intersection(voting.VOTER_KINDS)


NAMES = ("p", "div", "span", "li", "td", "section", "article", "blockquote", "pre", "font",
         "main", "dd", "b", "a", "button", "dialog", "object", "svg", "select", "noscript",
         "template", "h2", "h3", "h4", "table", "ul", "aside", "figure")


@st.composite
def markup(draw: st.DrawFn, depth: int = 0) -> str:
    """Random nesting of voters, junk and other elements, with text between."""
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 3 else 0))):
        name = draw(st.sampled_from(NAMES))
        inner = draw(markup(depth + 1))
        gone = draw(st.sampled_from(["", "", " class=gone", " class=flat"]))
        parts.append(f"<{name}{gone}>{draw(st.sampled_from(['', 'x', PROSE]))}{inner}</{name}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=markup(), after=st.sampled_from(["", "<!-- c -->", "tail", "<p>late</p>"]))
def test_walked_voters_agree_with_a_fresh_walk_on_any_nesting(body: str, after: str) -> None:
    tree = parse(f"<html><head><title>t</title></head><body>{body}</body>{after}</html>")
    _check(tree, list(tree.css(".gone")), list(tree.css(".flat")))
