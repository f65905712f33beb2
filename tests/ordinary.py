"""The check of an ordinary page a second reader built against a round's rules.

Each page is a whole news page (masthead, menu, article, sidebar, footer): its body must be
found with its title and date, hold the story's phrases and leave out the chrome's.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from monitor.extract import extract
from monitor.models import Article

PAGES = Path(__file__).resolve().parent / "pages" / "ordinary"
URL = "https://news.example/story"


def check_page(name: str, title: str, date: str, kept: Iterable[str], dropped: Iterable[str],
               ) -> Article:
    """The page's article, once title, date and phrases are as listed."""
    article = extract((PAGES / f"{name}.html").read_text("utf-8"), URL)
    assert article.title == title
    assert (article.published or "")[:10] == date
    for phrase in kept:
        assert phrase in article.body, phrase
    for phrase in dropped:
        assert phrase not in article.body, phrase
    return article
