"""Property test: extraction never crashes, whatever mangled HTML it is given."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.errors import ExtractionFailed
from monitor.extract import extract, extract_text

PAGE = (
    "<html lang='en'><head><meta charset='utf-8'><title>Some headline - Site</title>"
    "<meta property='og:title' content='Some headline'></head><body><nav><a href='/'>Home</a>"
    "</nav><article><h1>Some headline</h1><p class='byline'>By A. Writer</p>"
    "<p>First paragraph of the story, with commas, and enough text to count as prose.</p>"
    "<div>Second block<br>with a break</div><figure><figcaption>Caption</figcaption></figure>"
    "<p>Third paragraph, which ends the story as stories end.</p></article>"
    "<aside class='related'><ul><li><a href='/x'>Other story 2023-01-01</a></li></ul></aside>"
    "<footer>Copyright</footer></body></html>"
)
TAGS = ["<p>", "</p>", "<div>", "</div>", "<title>", "</title>", "<br>", "<a href='x'>",
        "</a>", "<script>", "</script>", "<table>", "<td>", "<article>", "<!--", "-->",
        "<style>", "<template>", "<svg>", "<math>", "<plaintext>", "\x00", "\ufeff", "&#0;",
        "<meta charset='gbk'>", "<html lang='\x00'>", "<time datetime='2099-99-99'>"]


@st.composite
def mangled(draw: st.DrawFn) -> str | bytes:
    page = PAGE
    cut = draw(st.integers(0, len(page)))
    kind = draw(st.sampled_from(["truncate", "insert", "delete", "nest", "binary", "text"]))
    if kind == "truncate":
        page = page[:cut]
    elif kind == "insert":
        for tag in draw(st.lists(st.sampled_from(TAGS), max_size=8)):
            pos = draw(st.integers(0, len(page)))
            page = page[:pos] + tag + page[pos:]
    elif kind == "delete":
        end = draw(st.integers(cut, len(page)))
        page = page[:cut] + page[end:]
    elif kind == "nest":
        depth = draw(st.integers(1, 3000))
        page = "<div>" * depth + page + "</div>" * draw(st.integers(0, depth))
    elif kind == "binary":
        return draw(st.binary(max_size=2000))
    else:
        page = draw(st.text(max_size=500))
    if draw(st.booleans()):
        return page.encode("utf-8", "surrogatepass")
    return page


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(mangled())
def test_never_crashes(page: str | bytes) -> None:
    try:
        art = extract(page)
    except ExtractionFailed as exc:
        assert exc.reason
    else:
        assert art.body
        assert "\n\n" not in art.body
        assert art.published is None or len(art.published) == 10
    assert isinstance(extract_text(page), str)


def test_unclosed_title_swallowing_page() -> None:
    page = PAGE.replace("</title>", "")
    art = extract(page)
    assert art.title == "Some headline"
    assert "First paragraph" in art.body


def test_deep_nesting() -> None:
    page = "<div>" * 20000 + "<p>Deep text, with commas, long enough to be a paragraph.</p>"
    assert "Deep text" in extract_text(page)
