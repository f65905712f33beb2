"""The inputs an extractor shortcut must agree on: a page of the test's own and every test
page of tests/pages."""

from __future__ import annotations

from pathlib import Path

PAGES = Path(__file__).parent / "pages"
# a sentence of article prose: a paragraph that votes
PROSE = ("The council voted on Tuesday to extend the tram network by eleven kilometres, "
         "adding two lines.")


def with_test_pages(page: str) -> list[str]:
    """``page`` and then every test page of tests/pages."""
    return [page] + [p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted(PAGES.glob("*.html"))]
