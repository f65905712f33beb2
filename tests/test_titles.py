"""Which title a page gets when its <title>, og:title and visible headline disagree."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from monitor import homelink, titles
from monitor.extract import extract, parse

HEADLINE = "Hailing signs 12 new energy projects worth 8.6b yuan"
TEXT = ("<p>Hailing district in Taizhou signed 12 new energy projects with a total investment "
        "of 8.6 billion yuan on Tuesday, the district government said in a statement.</p>")


def _page(head: str) -> str:
    return (f"<html lang='en'><head>{head}</head><body><header><a href='/'>Example News</a>"
            f"</header><div class='article'><h1>{HEADLINE}</h1><div class='body'>{TEXT}{TEXT}"
            f"</div></div></body></html>")


def test_a_title_cut_short_by_the_template_is_the_headline() -> None:
    """An SEO plugin cuts <title> at 50 characters and adds '...': the heading it starts
    is the whole headline, though the cut <title> is a little longer than it."""
    page = _page(f"<title>{HEADLINE[:50]}... | Example News</title>")
    assert extract(page, "https://news.example/a/1").title == HEADLINE


def test_a_social_og_title_loses_to_the_headline_the_title_repeats() -> None:
    """og:title is a social-media variant; <title> and the <h1> read the same headline."""
    page = _page(f"<title>{HEADLINE} | Example News</title><meta property='og:title' "
                 "content='You will not believe what happened in the district this week'>")
    assert extract(page, "https://news.example/a/1").title == HEADLINE


def test_og_title_stays_when_the_title_backs_it() -> None:
    """'Site - Headline' in <title> backs og:title, whatever the first heading reads; and
    og:title stays where a heading shows it (a section label in the <h1> and <title>)."""
    page = _page("<title>Example News - Harbour works start</title><meta property='og:title' "
                 "content='Harbour works start'>")
    assert extract(page, "https://news.example/a/1").title == "Harbour works start"
    page = (f"<html><head><title>{HEADLINE} | Example</title><meta property='og:title' "
            f"content='Harbour works start next month'></head><body><h1>{HEADLINE}</h1>"
            f"<h2>Harbour works start next month</h2>{TEXT}{TEXT}</body></html>")
    assert extract(page, "https://news.example/a/1").title == "Harbour works start next month"


def test_the_home_links_name_is_the_site_suffix() -> None:
    """No og:site_name and no heading with the headline: the suffix the home link (its
    text, or its logo's alt) reads is the site's name, though the host does not spell it."""
    for logo in ("<a href='/'>Example News</a>", "<a href='/'><img src='/l.png' "
                 "alt='Example News'></a>"):
        page = (f"<html><head><title>{HEADLINE} | Example News</title><meta property="
                f"'og:title' content='{HEADLINE} | Example News'></head><body>{logo}<div>"
                f"<p class='lead-in'>{HEADLINE}</p><div>{TEXT}{TEXT}</div></div></body></html>")
        assert extract(page, "https://hailing.daily.example/a/1").title == HEADLINE


@pytest.mark.parametrize("href", [
    "/", "./", "index.html", "https://news.example/", "https://news.example", "//news.example/",
    "HTTP://News.Example/", "https://news.example/?page=2", "https://news.example/#top",
    "https://news.example/world/", "/world/", "world/story.html", "?s=1", "#main", "mailto:a@b.c",
    "javascript:void(0)", "", "news.example", "https:news.example/", "/a//b", "ftp://host/",
])
def test_home_link_shortcut_equals_parsing_the_url(href: str) -> None:
    """homelink.links_home skips parsing an href without '//' (no host part can be there):
    the same answer as parsing every one."""
    parts = urlsplit(href)
    parsed = href in ("/", "./", "index.html") or (
        bool(parts.netloc) and parts.path in ("", "/") and not parts.query)
    assert homelink.links_home(href) == parsed


def test_a_site_name_after_a_single_guillemet_is_removed() -> None:
    """'Headline › Site' (a breadcrumb-style separator) ends with the site's name too, the
    declared one or the host's; a '›' before no site name stays."""
    assert titles.strip_site(f"{HEADLINE} › Nordish by Nature", "Nordish by Nature") == HEADLINE
    assert titles.strip_site(f"{HEADLINE} › evang.at", None, "evang") == HEADLINE
    assert titles.strip_site("Energy › Hailing signs 12 new projects", None, "example") \
        == "Energy › Hailing signs 12 new projects"


def test_og_title_that_the_h1_reads_beats_json_lds_headline() -> None:
    """JSON-LD's headline is a search-engine variant when og:title differs from it and the
    <h1> reads og:title; an og:title no heading shows leaves JSON-LD's headline."""
    seo = "Hailing energy projects 2024: 12 deals, 8.6b yuan"
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", '
          f'"headline": "{seo}"}}</script>')
    page = _page(f"<title>{seo}</title>{ld}<meta property='og:title' content='{HEADLINE}'>")
    assert extract(page, "https://news.example/a/1").title == HEADLINE
    other = _page(f"<title>{seo}</title>{ld}<meta property='og:title' "
                  "content='Twelve projects for Hailing'>")
    assert extract(other, "https://news.example/a/1").title == seo


def test_parsely_title_is_a_declared_title() -> None:
    """Parse.ly's meta title is declared like og:title: it beats an <h1> the page has no
    <title> to confirm."""
    page = ("<html><head><meta name='parsely-title' content='Hailing signs 12 projects'>"
            f"</head><body><h1>Energy</h1><div>{TEXT}{TEXT}</div></body></html>")
    assert extract(page, "https://news.example/a/1").title == "Hailing signs 12 projects"


def test_the_h1_after_a_long_menu_of_titled_items_is_the_headline() -> None:
    """A mega-menu of a hundred '*-title' items comes before the article's <h1>: the <h1> the
    declared title starts with still cuts off its tail."""
    menu = "".join(f"<li class='menu-title'><a href='/c/{n}'>Section {n}</a></li>"
                   for n in range(100))
    declared = f"{HEADLINE} – read what the deals mean for you"
    page = (f"<html><head><title>{declared}</title><meta property='og:title' "
            f"content='{declared}'></head><body><ul>{menu}</ul><h1>{HEADLINE}</h1>"
            f"<div>{TEXT}{TEXT}</div></body></html>")
    assert extract(page, "https://news.example/a/1").title == HEADLINE


def test_a_site_name_before_the_headline_is_removed() -> None:
    """'Diario HOY | Headline' (the declared site name) and 'BMAS - Headline' (the host's
    very name) lose the site; a headline that only mentions the site, or a word joined by a
    bare hyphen, stays."""
    page = _page(f"<title>Diario HOY | {HEADLINE}</title><meta property='og:title' "
                 f"content='Diario HOY | {HEADLINE}'><meta property='og:site_name' "
                 "content='Diario HOY'>")
    assert extract(page, "https://hoy.example/a/1").title == HEADLINE
    assert titles.strip_site_prefix(f"BMAS - {HEADLINE}", None, "bmas") == HEADLINE
    for kept in ("Frauen im THW: Vergangenheit und Zukunft", "Bmas-Zinsen: So rechnen Sie"):
        assert titles.strip_site_prefix(kept, None, "thw") == kept
        assert titles.strip_site_prefix(kept, None, "bmas") == kept


def _count_headline_searches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The <title> of each search titles._headline makes from now on."""
    calls: list[str] = []
    search = titles._headline

    def counted(tree: object, doc_title: str) -> titles.Shown:
        calls.append(doc_title)
        return search(tree, doc_title)  # type: ignore[arg-type]

    monkeypatch.setattr(titles, "_headline", counted)
    return calls


def test_extract_looks_for_the_headline_once_per_title(monkeypatch: pytest.MonkeyPatch) -> None:
    """extract() finds the headline before find_title, which asks again for the same
    <title> on a page that declares no title: the answer found first is reused, the
    page is searched for headings once (and the title is the headline all the same)."""
    calls = _count_headline_searches(monkeypatch)
    article = extract(_page(f"<title>{HEADLINE} | Example News</title>"), "https://news.example/a/1")
    assert article.title == HEADLINE
    assert calls == [f"{HEADLINE} | Example News"]


def test_find_title_asks_again_without_an_answer_at_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without headline_node's answers (extract_text), find_title searches for itself."""
    from monitor.extract import extract_text

    calls = _count_headline_searches(monkeypatch)
    assert extract_text(_page(f"<title>{HEADLINE} | Example News</title>")).startswith("Hailing")
    assert calls == [f"{HEADLINE} | Example News"]


def _tree(body: str) -> LexborHTMLParser:
    return parse(f"<html><head><title>x</title></head><body>{body}</body></html>")


def test_the_first_heading_named_by_the_title_is_the_headline_at_once() -> None:
    """The first headline-like element, named by the <title> and no logo, is the headline
    (found before the page's other headings are listed): later named headings lose."""
    tree = _tree(f"<h2 class='story-title'>{HEADLINE}</h2><h1>{HEADLINE} today</h1>")
    (text, node), named = titles._headline(tree, f"{HEADLINE} | Example News")
    assert (text, named) == (HEADLINE, True) and node is not None and node.tag == "h2"


def test_a_first_heading_that_is_the_logo_passes_to_the_next() -> None:
    """A first headline-like element the <title> names that is the site's logo (a home
    link) is not taken at once: the <h1> after it is the headline."""
    tree = _tree("<div class='site-title'><a href='/'>Example News today</a></div>"
                 f"<h1>{HEADLINE}</h1>")
    (text, node), named = titles._headline(
        tree, f"Example News today: {HEADLINE}")
    assert text == HEADLINE and node is not None and node.tag == "h1"
    tree = _tree("<div class='site-title'><a href='/'>Example News today</a></div>")
    (text, _), named = titles._headline(tree, "Example News today: latest")
    assert (text, named) == ("Example News today", True)


def test_a_page_without_headline_like_elements_reads_a_lower_heading() -> None:
    """No h1, h2 or title-named element: a lower heading the <title> names."""
    tree = _tree(f"<div><h4>{HEADLINE}</h4><p>text</p></div>")
    (text, node), named = titles._headline(tree, f"{HEADLINE} - Portal")
    assert (text, named) == (HEADLINE, True) and node is not None and node.tag == "h4"
    assert titles._headline(_tree("<p>text</p>"), "Portal") == (("", None), False)
