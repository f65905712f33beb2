"""The sample articles in the markup of publishers' own front ends and hosted platforms.

Unlike CMS themes these name their blocks only in data attributes (data-component,
data-testid), hashed classes or generated wrapper names, so class-name pruning sees
nothing or the wrong thing: a broadcaster's page with one box per paragraph, its byline,
role and date in unnamed boxes above the text and 'More on this story' below it; a
blogging platform with reading time, clap and response counts, Listen/Share buttons and
an author box; a hosted marketing blog whose body wrapper is named 'meta_field' and whose
related posts are dated <article> cards; a site builder whose 'Recent Posts' cards only
their heading names. Title, date and body must come out exactly.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from .test_extract_remarkup import SITE, _day, _paras, lines_of
from .test_extract_remarkup_cms import FOOTER


def broadcaster(article: dict[str, Any]) -> str:
    """One data-component box per paragraph, the byline, role and UTC <time> in unnamed boxes
    above, a picture whose caption is its file name, 'Related Topics' and 'More on this
    story' (a dated link) at the end."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<div data-component='timestamp-block'><time data-testid='timestamp' datetime="
            f"'{day}T01:30:00.000Z'>{day.day} {day:%B} {day.year}</time></div>") if day else ""
    blocks = "".join(f"<div data-component='text-block' class='ssrcss-11r1m41-Wrapper'><div "
                     f"class='ssrcss-7uxr49-Container'><p class='ssrcss-1q0x1qg-Paragraph'>{x}"
                     f"</p></div></div>" for x in lines_of(article))
    picture = ("<div data-component='image-block'><figure><img src='/i/IMG_2034.jpg' alt=''>"
               "<span>Image source, Staff</span><figcaption>IMG_2034.jpg</figcaption>"
               "</figure></div>")
    return (f"<!DOCTYPE html><html lang='en-GB'><head><title>{title} - {SITE}</title>"
            f"<meta property='og:title' content='{title}'></head><body><header><nav>"
            f"<a href='/'>Home</a><a href='/news'>News</a></nav></header><main id='main-content'>"
            f"<article><header><h1 id='main-heading'>{title}</h1></header>"
            f"<div data-component='byline-block'><div><div><span>Jane Doe</span></div>"
            f"<div>Business reporter</div></div></div>{when}{picture}{blocks}"
            f"<div data-component='links-block'><h2>Related Topics</h2><ul><li><a href='/t/1'>"
            f"Industry</a></li></ul></div><section data-component='see-alsos'><h2>More on this "
            f"story</h2><ul><li><a href='/n/1'>Port volumes rise for the third month in a row"
            f"</a><span><time datetime='2020-01-05'>5 January 2020</time></span></li></ul>"
            f"</section></article></main>{FOOTER}</body></html>")


def blog_platform(article: dict[str, Any]) -> str:
    """Hashed classes, the title '<Headline> | by <Author> | <Platform>', '4 min read' beside
    the date (or alone when undated), clap/response counts and Listen/Share buttons, an
    author box and 'More from' teasers."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"<span>·</span><span data-testid='storyPublishDate'>{day:%b} {day.day}, {day.year}" \
        "</span>" if day else ""
    paras = "".join(f"<p class='pw-post-body-paragraph mu mv gj mw b mx my'>{x}</p>"
                    for x in lines_of(article))
    return (f"<!doctype html><html lang='en'><head><title>{title} | by Jane Doe | Medium</title>"
            f"<meta property='og:title' content='{title}'><meta property='og:site_name' "
            f"content='Medium'></head><body><div id='root'><div class='a b c'><nav><a href='/'>"
            f"Medium</a> <a href='/m/signin'>Sign in</a></nav><article><div class='l'><section>"
            f"<div class='fq fr'><h1 class='pw-post-title' data-testid='storyTitle'>{title}</h1>"
            f"<div class='speechify-ignore'><div><a href='/@jane'>Jane Doe</a> <span>Follow"
            f"</span></div><div><span>4 min read</span>{when}</div><div><div "
            f"class='pw-multi-vote-count'><p><button>120</button></p></div><div><button "
            f"aria-label='responses'><p>3</p></button></div><button><p>Listen</p></button>"
            f"<button><p>Share</p></button></div></div>{paras}</div></section></div></article>"
            f"<div class='speechify-ignore'><h2>Written by Jane Doe</h2><p>120 Followers</p>"
            f"<p>Writes about industry and trade in East China and beyond, weekly.</p></div>"
            f"<div><h2>More from Jane Doe</h2><div><a href='/p1'><h2>Port volumes rise for the "
            f"third month in a row</h2></a><span>Jan 5, 2020</span></div></div></div></div>"
            f"</body></html>")


def hosted_blog(article: dict[str, Any]) -> str:
    """A hosted marketing blog (HubSpot-like): the body in a wrapper named 'meta_field', the
    date as plain text, 'Topics:' tags, and related posts as <article> cards, each with a
    <time> (the last resort for an undated post must not read a card's date)."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<time class='blog-post__timestamp'>{day:%b} {day.day}, {day.year} 9:30:00 AM"
            f"</time>") if day else ""
    field = "hs_cos_wrapper hs_cos_wrapper_meta_field hs_cos_wrapper_type_"
    card = ("<article class='blog-related-posts__post'><a href='/b/{0}'><h3>{1}</h3></a>"
            "<time datetime='2020-01-0{0}'>Jan {0}, 2020</time></article>")
    related = _two_cards(card)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title><meta property="
            f"'og:title' content='{title}'></head><body><div class='body-wrapper hs-blog-post'>"
            f"<header class='header'><a class='header__logo' href='/'>{SITE}</a></header>"
            f"<main id='main-content' class='body-container-wrapper'><div class='body-container "
            f"body-container--blog-post'><div class='content-wrapper'><article class='blog-post'>"
            f"<h1><span id='hs_cos_wrapper_name' class='{field}text'>{title}</span></h1>"
            f"<div class='blog-post__meta'><a href='/blog/author/staff' class='blog-post__author'>"
            f"Staff Writer</a>{when}</div><div class='blog-post__body'><span id='hs_cos_wrapper_"
            f"post_body' class='{field}rich_text'>{_paras(article)}</span></div><div class="
            f"'blog-post__tags'>Topics: <a class='blog-post__tag-link' href='/blog/tag/news'>"
            f"News</a></div></article></div><div class='blog-related-posts'><h2>Related posts"
            f"</h2>{related}</div></div></main>{FOOTER}</div></body></html>")


def _two_cards(card: str) -> str:
    """Two teaser cards of other (dated) posts, from a template of {0} day and {1} title."""
    return (card.format(5, "Port volumes rise for the third month in a row")
            + card.format(4, "New ferry line to the islands opens in spring"))


def site_builder(article: dict[str, Any]) -> str:
    """A site builder's blog (Wix-like): hashed classes and data-hook attributes only, the
    date in a metadata list beside '2 min read', view/comment/like counts, and a 'Recent
    Posts' section of dated cards that no class name marks as such."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<li><span data-hook='time-ago'>{day:%b} {day.day}, {day.year}</span></li>"
            if day else "")
    paras = "".join(f"<p class='mm8Nw _1j-51 roLFQS' dir='auto'><span class='_2PHJq public-"
                    f"DraftStyleDefault-ltr'>{x}</span></p>" for x in lines_of(article))
    card = ("<div data-hook='post-list-item'><a href='/post/{0}'><h3>{1}</h3></a>"
            "<span>Jan {0}, 2020</span></div>")
    recent = _two_cards(card)
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title><meta property="
            f"'og:title' content='{title}'><meta property='og:site_name' content='{SITE}'>"
            f"</head><body><div id='SITE_CONTAINER'><header id='SITE_HEADER'><p class='font_0'>"
            f"{SITE}</p><nav><a href='/'>Home</a><a href='/blog'>Blog</a></nav></header>"
            f"<main id='PAGES_CONTAINER'><div data-hook='post-page'><article data-hook='post'>"
            f"<div class='_1v2bq'><span data-hook='user-name'>Admin</span><ul class='_3Q7ax'>"
            f"{when}<li><span data-hook='time-to-read'>2 min read</span></li></ul></div>"
            f"<div class='_2ZR5w'><h1 class='_1j2bW' data-hook='post-title'>{title}</h1></div>"
            f"<div class='_6SyeS' data-hook='post-description'><div data-id='rich-content-"
            f"viewer'>{paras}</div></div><div class='_3HH4J'><span>0 views</span><span>0 "
            f"comments</span><span>Post not marked as liked</span></div></article>"
            f"<section data-hook='recent-posts'><h2>Recent Posts</h2><a href='/blog'>See All"
            f"</a>{recent}</section></div></main></div></body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "broadcaster": broadcaster, "blog_platform": blog_platform, "hosted_blog": hosted_blog,
    "site_builder": site_builder,
}
