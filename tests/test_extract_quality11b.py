"""Quality 11: modern layouts extract() already reads whole, kept as they are (live blogs,
paywalls, AMP, hashed-class front ends, teaser feeds, a video page)."""

from __future__ import annotations

import pytest

from monitor.extract import extract
from tests.test_extract_quality11 import ENTRIES, PROSE, _newest_first, _page

PARAS = "".join(f"<p>{text}</p>" for text in PROSE)
MORE = "".join(f"<p>{text}</p>" for text in ENTRIES)
TEASER = ("<article class='story-card'><a href='/n/{i}'><h3>Other story {i}</h3></a><p>A "
          "bakery on the high street wins a national prize for its bread, again.</p></article>")

LIVE = {
    "stream posts": "<ol class='lx-stream__feed'>" + _newest_first(
        "<li><article class='lx-stream-post'><header class='lx-stream-post__header'><time>"
        "15:0{i}</time><h3 class='lx-stream-post__header-title'>Update {i}</h3></header>"
        "<div class='lx-stream-post-body'><p>{text}</p></div><footer><div "
        "class='lx-share-tools'>Share this post</div></footer></article></li>") + "</ol>",
    "liveblog plugin": "<div class='liveblog-feed'><div class='liveblog-entries'>"
        + _newest_first(
            "<article id='liveblog-entry-{i}' class='liveblog-entry'><header "
            "class='liveblog-meta'><span class='liveblog-author-name'>Jane Reporter</span>"
            "<a class='liveblog-time-ago' href='#liveblog-entry-{i}'>{i} mins ago</a>"
            "</header><div class='liveblog-entry-text'><p>{text}</p></div></article>")
        + "</div></div>",
}
PAYWALLED = {
    "hidden by class": f"<div class='article-body'><p>{PROSE[0]}</p>"
        "<div class='plus-box'><p>Dieser Artikel ist exklusiv für Abonnenten</p><p>Jetzt "
        "abonnieren und weiterlesen.</p></div><div class='paywalled-content is-hidden'>"
        f"{''.join(f'<p>{text}</p>' for text in PROSE[1:])}</div></div>",
    "hidden by style": f"<div class='article__content'>{PARAS}<div class='article__paywall'>"
        "<p>Il vous reste 80% de l'article à lire.</p></div><div style='display:none'>"
        f"{''.join(f'<p>{text}</p>' for text in ENTRIES)}</div></div>",
}


@pytest.mark.parametrize("name", sorted(LIVE))
def test_live_blog_entries_are_the_body(name: str) -> None:
    page = _page("Live: the derby", f"<main><h1>Live: the derby</h1>{LIVE[name]}</main>")
    body = extract(page, "http://127.0.0.1/live").body
    assert all(entry in body for entry in ENTRIES)
    assert "Share this post" not in body


@pytest.mark.parametrize("name", sorted(PAYWALLED))
def test_a_paywalled_story_keeps_its_hidden_text_not_the_pitch(name: str) -> None:
    page = _page("Budget", f"<main><article><h1>Budget</h1>{PAYWALLED[name]}</article></main>")
    body = extract(page, "http://127.0.0.1/budget").body
    assert all(text in body for text in PROSE)
    assert "exklusiv" not in body and "Il vous reste" not in body


def test_an_amp_page_keeps_its_text_not_its_components() -> None:
    components = ("<amp-img src='/a.jpg' width='1200' height='800' layout='responsive'>"
                  "</amp-img><amp-ad width='300' height='250' type='doubleclick'><div "
                  "placeholder>Advertisement</div></amp-ad><amp-carousel type='slides'>"
                  "<amp-img src='/b.jpg' width='4' height='3'></amp-img></amp-carousel>")
    page = _page("Budget", "<amp-sidebar id='s' layout='nodisplay'><ul><li><a href='/'>Home"
                 "</a></li></ul></amp-sidebar><article class='amp-article'><h1>Budget</h1>"
                 f"<div class='amp-article-content'>{PARAS}{components}{MORE}"
                 "</div></article>")
    body = extract(page, "http://127.0.0.1/amp/budget").body
    assert all(text in body for text in PROSE + ENTRIES)
    assert "Advertisement" not in body


def test_an_amp_story_reads_its_pages() -> None:
    pages = "".join(f"<amp-story-page id='p{i}'><amp-story-grid-layer template='vertical'>"
                    f"<h2>Part {i}</h2><p>{text}</p></amp-story-grid-layer></amp-story-page>"
                    for i, text in enumerate(PROSE))
    page = _page("Budget", f"<amp-story standalone title='Budget'>{pages}</amp-story>")
    body = extract(page, "http://127.0.0.1/amp/story").body
    assert all(text in body for text in PROSE)


@pytest.mark.parametrize("para", ["p class='css-at9mc1 evys1bk0'", "div class='sc-bdVaJa jPqwNs'"])
def test_hashed_classes_without_semantic_tags(para: str) -> None:
    tag = para.split()[0]
    text = "".join(f"<div class='css-53u6y8'><{para}>{line}</{tag}></div>" for line in PROSE)
    page = _page("Budget", "<div id='__next'><div class='css-1vxca1d'><div class='css-1vkm6nb'>"
                 f"<h1 class='css-1fgq6n2'>Budget</h1></div><div class='css-1r5gb7q'>{text}</div>"
                 "<div class='css-1l4w6pd'><h2>Trending</h2><ol><li><a href='/t1'>Five things "
                 "to know about the tram plan today</a></li></ol></div></div></div>")
    body = extract(page, "http://127.0.0.1/2026/budget").body
    assert body.split("\n") == PROSE


@pytest.mark.parametrize("feed", ["section class='more-from'", "div class='recommended'"])
def test_a_named_feed_of_article_teasers_stays_out(feed: str) -> None:
    teasers = "".join(TEASER.format(i=i) for i in range(12))
    page = _page("Budget", f"<main><article><h1>Budget</h1>{PARAS}</article><{feed}><h2>More"
                 f"</h2>{teasers}</{feed.split()[0]}></main>")
    body = extract(page, "http://127.0.0.1/budget").body
    assert body.split("\n") == PROSE


def test_a_video_page_keeps_its_description() -> None:
    page = _page("Video: the vote", "<main><div class='video-page'><div class='video-player'>"
                 "<video src='/v.mp4'></video></div><h1>Video: the vote</h1><div "
                 f"class='video-description'><p>{PROSE[0]}</p></div><div class='up-next'><h2>"
                 "Up next</h2><ul><li><a href='/v/2'>Storm warning for the coast tonight</a>"
                 "</li></ul></div></div></main>")
    body = extract(page, "http://127.0.0.1/video/vote").body
    assert body == PROSE[0]
