"""Ordinary pages a second reader built against round dates9's title and date rules (a site
name before the headline, og:title over JSON-LD's headline, a declared numeric date read as
shown, a byline's own sentence, captions and forum labels).

Some pages misfired under the rules as first written (said so above them); the others are
guards of the rules working as meant.
"""

from __future__ import annotations

import json

import pytest

from monitor.extract import extract

HEADLINE = "Council approves harbour wall budget after a two-year row"
STORY = "".join(
    f"<p>Paragraph {n} of the story tells what the council decided about the harbour wall "
    "and why residents were asked to comment on the plan before the spring.</p>"
    for n in range(6))
MENU = ("<header class='site-header'><a href='/' class='logo'>Harbour Times</a><nav><ul>"
        "<li><a href='/world'>World</a></li><li><a href='/sport'>Sport</a></li></ul></nav>"
        "</header>")


def _page(head: str, body: str, lang: str = "en") -> str:
    return (f"<html lang='{lang}'><head><meta charset='utf-8'>{head}</head><body>{MENU}"
            f"<main>{body}</main><footer><p>© 2026 Example Media</p></footer></body></html>")


def _ld(headline: str, published: str = "2026-03-09T10:00:00+01:00") -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
            "datePublished": published}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def _titled(title: str, site: str = "", h1: str | None = None) -> str:
    """A page whose <title> and og:title read ``title``, its <h1> ``h1`` (none for None)."""
    head = f"<title>{title}</title><meta property='og:title' content='{title}'>"
    if site:
        head += f"<meta property='og:site_name' content='{site}'>"
    heading = f"<h1>{h1}</h1>" if h1 is not None else ""
    return _page(head, f"<article>{heading}{STORY}</article>")


# misfired: a kicker that is the word the site is named for, or the site's own name, went
# as a site name before the headline although the <h1> reads it as part of the headline
@pytest.mark.parametrize(("title", "site", "url"), [
    ("Wetter: Sturm zieht über Norddeutschland", "", "https://www.wetter.example/news/1"),
    ("BBC: Director general resigns", "BBC News", "https://www.bbc.example/news/1"),
    ("Bitcoin - Price tops $100,000 for the first time", "", "https://bitcoin.example/a/1"),
    ("Siemens: Record orders in the third quarter", "Siemens", "https://siemens.example/p/1"),
])
def test_a_kicker_the_headline_shows_is_no_site_name(title: str, site: str, url: str) -> None:
    assert extract(_titled(title, site, h1=title), url).title == title


def test_a_kicker_colon_after_the_hosts_word_stays_without_a_heading() -> None:
    """misfired: 'Golf: ...' on golf.example with no <h1> to read it lost 'Golf' as the
    host's name; ': ' ends only the declared site name."""
    title = "Golf: McIlroy wins the Masters at Augusta"
    assert extract(_titled(title), "https://golf.example/news/1").title == title


def test_a_site_name_before_the_headline_still_goes() -> None:
    """guard: 'Reuters | Headline' beside an <h1> of the headline alone, and 'BMAS - ...' on
    bmas.example with no heading, lose the site's name."""
    page = _titled("Reuters | Oil prices climb after the OPEC meeting", "Reuters",
                   h1="Oil prices climb after the OPEC meeting")
    assert extract(page, "https://www.reuters.example/a/1").title \
        == "Oil prices climb after the OPEC meeting"
    page = _titled("BMAS - Neue Regeln für Impfnachweise ab Oktober")
    assert extract(page, "https://www.bmas.example/a/1").title \
        == "Neue Regeln für Impfnachweise ab Oktober"


# misfired: og:title that is a label (the site's name in a logo <h1>, a section's name in a
# section <h1>) beat JSON-LD's headline, since the <h1> read it
@pytest.mark.parametrize(("og_title", "heading"), [
    ("Harbour Times", "<h1 class='site-title'><a href='/'>Harbour Times</a></h1>"),
    ("Harbour Times", "<h1>Harbour Times</h1>"),
    ("Politics", "<h1 class='section-name'>Politics</h1>"),
])
def test_an_og_title_label_does_not_beat_json_lds_headline(og_title: str, heading: str) -> None:
    head = (f"<title>{HEADLINE} - Politics - Harbour Times</title>{_ld(HEADLINE)}"
            f"<meta property='og:title' content='{og_title}'>"
            "<meta property='og:site_name' content='Harbour Times'>")
    page = _page(head, f"{heading}<article><h2>{HEADLINE}</h2>{STORY}</article>")
    assert extract(page, "https://harbour.example/a/1").title == HEADLINE


def test_a_shorter_og_title_the_h1_reads_still_wins() -> None:
    """guard: og:title of a few words that the <h1> reads beats a longer JSON-LD headline."""
    shown = "Harbour wall budget approved"
    head = f"<title>{shown} | Harbour Times</title>{_ld(HEADLINE)}" \
        f"<meta property='og:title' content='{shown}'>"
    page = _page(head, f"<article><h1>{shown}</h1>{STORY}</article>")
    assert extract(page, "https://harbour.example/a/1").title == shown


def test_a_dotted_declared_date_stays_day_first() -> None:
    """misfired: a German page declaring '03.09.2026' (3 September) with an event's 'am 9.
    März 2026' beside the headline took 9 March: dotted dates are written day first."""
    head = (f"<title>{HEADLINE}</title>"
            "<meta property='article:published_time' content='03.09.2026'>")
    body = (f"<article><h1>{HEADLINE}</h1><div class='meta'>Infoabend am 9. März 2026</div>"
            f"{STORY}</article>")
    assert extract(_page(head, body, "de"), "https://zeitung.example/a/1").published \
        == "2026-09-03"


@pytest.mark.parametrize("bio_class", ["author-bio", "about-author", "author-description"])
def test_an_author_bio_is_no_byline_sentence(bio_class: str) -> None:
    """misfired: an undated page's box about its author ('... since 1 June 2015') gave the
    author's start as the publication date."""
    bio = (f"<div class='{bio_class}'>Jane Doe has written for the Harbour Times since 1 June "
           "2015 and covers the council, the port and the courts.</div>")
    page = _page(f"<title>{HEADLINE}</title>", f"<h2 class='t'>{HEADLINE}</h2>{STORY}{bio}")
    assert extract(page, "https://harbour.example/a/1").published is None


def test_a_byline_sentence_with_two_dates_gives_the_first() -> None:
    """guard: 'By Jane Doe on March 9, 2026, covering the vote of March 2, 2026 ...'."""
    byline = ("<div class='author'>By Jane Doe on March 9, 2026, covering the vote of March 2, "
              "2026 at the town hall and the debate that followed it.</div>")
    page = _page(f"<title>{HEADLINE}</title>", f"<h2 class='t'>{HEADLINE}</h2>{byline}{STORY}")
    assert extract(page, "https://harbour.example/a/1").published == "2026-03-09"


@pytest.mark.parametrize("wrapper", [
    # the post's meta block in a lightbox-enabled content wrapper, the <h1> above it
    ("<div class='page-header'><h1>{h}</h1></div><div class='post-content lightbox-enabled'>"
     "<div class='post-meta'><span class='posted-on'>March 9, 2026</span></div>{s}</div>"),
    # a slideshow page's meta line in the slideshow's wrapper
    ("<h1>{h}</h1><div class='slideshow-container'><div class='slideshow-meta'>"
     "<span class='date'>March 9, 2026</span></div><div class='slide'><img src='/a.jpg'>"
     "</div></div>{s}"),
])
def test_a_meta_line_in_a_wrapper_named_for_photos_is_read(wrapper: str) -> None:
    """guard: a date line beside the headline in a block named lightbox or slideshow that
    holds no caption still dates the page."""
    body = wrapper.format(h=HEADLINE, s=STORY)
    assert extract(_page(f"<title>{HEADLINE}</title>", body), "https://harbour.example/a/1"
                   ).published == "2026-03-09"


def test_a_forum_posts_date_beside_the_members_joined_line() -> None:
    """guard: 'Joined: 12 Jan 2014' in the post's author box is passed over, 'Posted: 9
    March 2026' dates the thread."""
    post = ("<div class='postbody'><div class='author'>jdoe</div><div class='joined'>Joined: "
            "12 Jan 2014</div><div class='date'>Posted: 9 March 2026</div>" + STORY + "</div>")
    page = _page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>{post}")
    assert extract(page, "https://forum.example/t/1").published == "2026-03-09"


def test_a_story_wrapper_named_for_its_lightbox_holds_no_caption() -> None:
    """misfired: WordPress's 'entry-content lightbox-enabled' around the post's meta line and
    paragraphs went as a photo's caption, so its 'March 9, 2026 at 11:30 pm' could not move
    JSON-LD's 03:30Z stamp back to the publisher's day; a short caption still cannot."""
    ld = _ld(HEADLINE, "2026-03-10T03:30:00Z")
    meta = "<div class='entry-meta'><span class='posted-on'>March 9, 2026 at 11:30 pm</span></div>"
    body = (f"<header class='entry-header'><h1>{HEADLINE}</h1></header><div class='entry-content "
            f"lightbox-enabled'>{meta}{STORY}{STORY}</div>")
    page = _page(f"<title>{HEADLINE}</title>{ld}", body)
    assert extract(page, "https://harbour.example/a/1").published == "2026-03-09"
    caption = (f"<h1>{HEADLINE}</h1><div class='lightbox-caption'>Protesters on Monday, March "
               f"9, 2026 at 11:30 pm.</div>{STORY}{STORY}")
    page = _page(f"<title>{HEADLINE}</title>{ld}", caption)
    assert extract(page, "https://harbour.example/a/1").published == "2026-03-10"


def test_a_mastheads_date_does_not_settle_json_ld_against_the_meta_tags() -> None:
    """misfired: JSON-LD declares the first version's day, the meta tags the update's (today);
    with nothing beside the headline, the masthead's 'Tuesday, December 1, 2026' (the day the
    page was fetched) was taken as the page's shown date and picked the meta tags' day.
    Only a date line after the headline settles it."""
    ld = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": "
          "\"2025-11-20T08:00:00+00:00\"}</script>")
    head = (f"<title>{HEADLINE}</title>{ld}<meta property='article:published_time' "
            "content='2026-12-01T07:00:00+00:00'>")
    top = "<div class='top-bar'><span class='current-date'>Tuesday, December 1, 2026</span></div>"
    body = (f"{top}<div class='hero'><div><div><h1>{HEADLINE}</h1></div></div></div>"
            f"<div class='content'>{STORY}</div>")
    url = "https://harbour.example/a/1"
    assert extract(_page(head, body), url).published == "2025-11-20"
    info = "<div class='lead'><div class='article__info'>01.12.2026</div></div>"
    body = body.replace("<div class='content'>", f"{info}<div class='content'>")
    assert extract(_page(head, body), url).published == "2026-12-01"


def test_a_members_box_with_its_joined_label_inside_dates_no_post() -> None:
    """misfired (a label the forum rule did not see): 'jdoe Joined: 12 Jan 2014 · Posts: 200'
    in one author element dated a thread that shows no date of its own; the thread's
    <time> still dates it, and a byline's 'who joined ... in 2015 · March 9, 2026' is read."""
    box = ("<div class='author-info'><a href='/members/jdoe.5/'>jdoe</a> Joined: 12 Jan 2014 "
           "· Posts: 200</div>")
    page = _page(f"<title>{HEADLINE}</title>",
                 f"<h1>{HEADLINE}</h1><div class='post'>{box}<div class='message'>{STORY}"
                 "</div></div>")
    url = "https://forum.example/threads/harbour.5/"
    assert extract(page, url).published is None
    dated = page.replace("<div class='message'>",
                         "<time datetime='2026-03-09T08:15:00+00:00'>Mar 9, 2026</time>"
                         "<div class='message'>")
    assert extract(dated, url).published == "2026-03-09"
    byline = ("<div class='byline'>By Jane Doe, who joined the paper in 2015 · March 9, 2026"
              "</div>")
    page = _page(f"<title>{HEADLINE}</title>", f"<h1>{HEADLINE}</h1>{byline}{STORY}")
    assert extract(page, "https://harbour.example/a/1").published == "2026-03-09"
