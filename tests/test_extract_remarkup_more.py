"""The sample articles in a third set of page shapes: blog platforms, AMP, JS front ends.

test_extract_remarkup.py and test_extract_remarkup_cms.py cover hand-made layouts and the
common CMSs; these follow what Ghost, AMP, Blogger, Joomla, an Arc XP / Next.js front end,
a Bootstrap news theme, an old rich-text editor, a German-language portal and a public
press office emit: dated headline lists before and after the article, archive widgets, a
publication date only in JSON-LD, dates in German words, 'Updated' shown before
'Published', editor <div>s with <br> spacers, image file names as captions, 'read also'
boxes inside the text, author cards, newsletter forms. Title, date and body must come out
exactly as expected.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from .test_extract_remarkup import SITE, _day, _paras, lines_of
from .test_extract_remarkup_cms import FOOTER, _later

AMP_HEADLINE = 110  # characters: AMP templates cut JSON-LD's headline to Google's old limit
GERMAN_MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                 "September", "Oktober", "November", "Dezember")


def _split(article: dict[str, Any], tag: str = "p", attrs: str = "") -> tuple[str, str]:
    """The body as two runs of paragraphs, for something placed between them."""
    lines = lines_of(article)
    half = max(1, len(lines) // 2)
    first = "".join(f"<{tag}{attrs}>{x}</{tag}>" for x in lines[:half])
    return first, "".join(f"<{tag}{attrs}>{x}</{tag}>" for x in lines[half:])


def ghost(article: dict[str, Any]) -> str:
    """Ghost (Casper): published at 00:30 in UTC+8, which the meta tag declares in UTC (the
    day before) and the byline's <time> as the local day; a feature image whose caption is
    a file name, an author card, a sign-up form and a 'You might also like' card grid."""
    title, day = html.escape(article["title"]), _day(article)
    metas = when = ""
    if day is not None:
        stamp = (datetime(day.year, day.month, day.day, 0, 30) - timedelta(hours=8)).isoformat()
        metas = f"<meta property='article:published_time' content='{stamp}.000Z'>"
        when = (f"<time class='byline-meta-date' datetime='{day}'>{day:%b} {day.day}, "
                f"{day.year}</time><span class='byline-reading-time'>3 min read</span>")
    card = ("<article class='post-card'><a class='post-card-image-link' href='/p/{0}/'>"
            "<img class='post-card-image' src='/content/images/{0}.jpg' alt=''></a>"
            "<div class='post-card-content'><a class='post-card-content-link' href='/p/{0}/'>"
            "<header class='post-card-header'><h2 class='post-card-title'>{1}</h2></header>"
            "<div class='post-card-excerpt'>{2}</div></a><footer class='post-card-meta'>"
            "<time class='post-card-meta-date' datetime='2020-01-05'>Jan 5, 2020</time>"
            "</footer></div></article>")
    grid = card.format("ferry", "New ferry line to the islands opens in spring",
                       "The operator expects forty thousand passengers in the first season.")
    grid += card.format("port", "Port volumes rise for the third month in a row",
                        "Container traffic grew by a tenth compared with the same month.")
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title}</title>"
            f"<meta property='og:site_name' content='{SITE}'>"
            f"<meta property='og:title' content='{title}'>{metas}</head>"
            f"<body class='post-template'><div class='viewport'><header id='gh-head' "
            f"class='gh-head outer'><a class='gh-head-logo' href='/'>{SITE}</a>"
            f"<ul class='nav'><li><a href='/'>Home</a></li><li><a href='/about/'>About</a></li>"
            f"</ul></header><main id='site-main' class='site-main'>"
            f"<article class='article post'><header class='article-header gh-canvas'>"
            f"<section class='article-tag post-card-tags'><a href='/tag/news/'>News</a>"
            f"</section><h1 class='article-title'>{title}</h1><div class='article-byline'>"
            f"<section class='article-byline-content'><div class='article-byline-meta'>"
            f"<h4 class='author-name'><a href='/author/staff/'>Staff Writer</a></h4>"
            f"<div class='byline-meta-content'>{when}</div></div></section></div>"
            f"<figure class='article-image'><img src='/content/images/IMG_2034.jpg' alt=''>"
            f"<figcaption>IMG_2034.jpg</figcaption></figure></header>"
            f"<section class='gh-content gh-canvas'>{_paras(article)}</section>"
            f"<section class='article-comments gh-canvas'></section></article>"
            f"<section class='footer-cta outer'><div class='inner'><h2 class='footer-cta-title'>"
            f"Sign up for more like this.</h2><form data-members-form='signup'>"
            f"<div class='footer-cta-button'>Enter your email <span>Subscribe</span></div>"
            f"</form></div></section></main><aside class='read-more-wrap outer'>"
            f"<div class='read-more inner'><div class='post-feed'><h3 class='read-more-title'>"
            f"You might also like</h3>{grid}</div></div></aside>"
            f"<footer class='site-footer outer'><section class='copyright'>"
            f"<a href='/'>{SITE}</a> © 2024</section><section class='powered-by'>"
            f"Powered by Ghost</section></footer></div></body></html>")


def amp(article: dict[str, Any]) -> str:
    """AMP: the date only in a JSON-LD NewsArticle (published and a later modified) whose
    headline is cut to AMP's 110 characters, an <amp-carousel> with captions,
    <amp-social-share> buttons, <amp-ad> slots."""
    title, day = html.escape(article["title"]), _day(article)
    later, ld = _later(day), ""
    if day is not None:
        cut = article["title"] if len(article["title"]) <= AMP_HEADLINE else \
            article["title"][:AMP_HEADLINE - 3] + "..."
        ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                         "mainEntityOfPage": article["url"], "headline": cut,
                         "datePublished": f"{day}T09:30:00+08:00",
                         "dateModified": f"{later}T16:45:00+08:00",
                         "publisher": {"@type": "Organization", "name": SITE}})
        ld = f"<script type='application/ld+json'>{ld}</script>"
    first, rest = _split(article)
    carousel = ("<amp-carousel width='400' height='300' layout='responsive' type='slides'>"
                "<figure><amp-img src='/img/DSC_0412.jpg' width='400' height='300' "
                "layout='responsive' alt='DSC_0412.jpg'></amp-img>"
                "<figcaption>DSC_0412.jpg</figcaption></figure><figure><amp-img "
                "src='/img/DSC_0413.jpg' width='400' height='300' layout='responsive' alt=''>"
                "</amp-img><figcaption>Guests at the signing ceremony. Photo: Staff"
                "</figcaption></figure></amp-carousel>")
    ad = ("<div class='ad-slot'><amp-ad width='300' height='250' type='doubleclick' "
          "data-slot='/1234/news'><div placeholder>Advertisement</div></amp-ad></div>")
    share = ("<div class='share-bar'><amp-social-share type='facebook'></amp-social-share>"
             "<amp-social-share type='twitter'></amp-social-share>"
             "<amp-social-share type='email'></amp-social-share></div>")
    return (f"<!doctype html><html amp lang='en'><head><meta charset='utf-8'>"
            f"<title>{title} - {SITE}</title><link rel='canonical' href='{article['url']}'>"
            f"{ld}<style amp-boilerplate>body{{visibility:hidden}}</style></head><body>"
            f"<amp-sidebar id='menu' layout='nodisplay'><ul><li><a href='/'>Home</a></li>"
            f"<li><a href='/business'>Business</a></li></ul></amp-sidebar>"
            f"<header class='amp-header'><a href='/'><amp-img src='/logo.png' width='120' "
            f"height='30' alt='{SITE}'></amp-img></a></header><main><article class='amp-story'>"
            f"<h1 class='amp-title'>{title}</h1>{share}<div class='amp-body'>{first}"
            f"{carousel}{ad}{rest}</div>{share}</article>{ad}<section class='amp-more'>"
            f"<h2>Top stories</h2><ul><li><a href='/n/1'>Port volumes rise for the third "
            f"month in a row</a></li><li><a href='/n/2'>New ferry line to the islands opens"
            f"</a></li></ul></section></main><footer class='amp-footer'><p>© {SITE}</p>"
            f"<a href='{article['url']}'>View the full site</a></footer></body></html>")


def blogger(article: dict[str, Any]) -> str:
    """Blogger: the date in a 'date-header' above the post, 'Posted by X at 10:35 AM',
    labels, a comment form, and a blog archive of other posts' titles by month. The blog's
    name heads the page as an <h1> linking home; the post's title is an <h3>."""
    title, day = html.escape(article["title"]), _day(article)
    home = "/".join(article["url"].split("/")[:3]) + "/"
    header = (f"<h2 class='date-header'><span>{day:%A}, {day:%B} {day.day}, {day.year}"
              f"</span></h2>") if day else ""
    stamp = (f" at <a class='timestamp-link' href='{article['url']}'><abbr class='published'"
             f" title='{day}T10:35:00+08:00'>10:35 AM</abbr></a>") if day else ""
    archive = ("<div class='widget BlogArchive' id='BlogArchive1'><h2>Blog Archive</h2>"
               "<ul class='hierarchy'><li><a href='/2024/'>2024</a> (21)<ul class='hierarchy'>"
               "<li><a href='/2024/05/'>May</a> (3)<ul class='posts'><li><a href='/2024/05/a'>"
               "Harbour tunnel works start next month</a></li><li><a href='/2024/05/b'>"
               "Trade fair moves to a larger hall next year</a></li></ul></li>"
               "<li><a href='/2024/04/'>April</a> (5)</li></ul></li>"
               "<li><a href='/2023/'>2023</a> (40)</li></ul></div>")
    return (f"<!DOCTYPE html><html dir='ltr' lang='en'><head><title>{SITE}: {title}</title>"
            f"</head><body class='variant-simple'><div class='content-outer'>"
            f"<div class='header-outer'><div class='Header' id='Header1'><h1 class='title'>"
            f"<a href='{home}'>{SITE}</a></h1><p class='description'>News and notes from the "
            f"district</p></div></div><div class='main-outer'><div class='columns-inner'>"
            f"<div class='column-center-inner'><div class='main section' id='main'>"
            f"<div class='widget Blog' id='Blog1'><div class='blog-posts hfeed'>"
            f"<div class='date-outer'>{header}<div class='date-posts'>"
            f"<div class='post-outer'><div class='post hentry'>"
            f"<h3 class='post-title entry-title'>{title}</h3><div class='post-header'>"
            f"<div class='post-header-line-1'></div></div><div class='post-body entry-content'"
            f" id='post-body-1'>{_paras(article)}<div style='clear: both;'></div></div>"
            f"<div class='post-footer'><div class='post-footer-line post-footer-line-1'>"
            f"<span class='post-author vcard'>Posted by <span class='fn'>Staff</span></span>"
            f"<span class='post-timestamp'>{stamp}</span> <span class='post-comment-link'>"
            f"No comments:</span></div><div class='post-footer-line post-footer-line-2'>"
            f"<span class='post-labels'>Labels: <a href='/search/label/industry'>industry</a>"
            f"</span></div></div></div><div class='comments' id='comments'>"
            f"<h4>No comments:</h4><div class='comment-form'><p>Post a Comment</p></div>"
            f"</div></div></div></div></div><div class='blog-pager' id='blog-pager'>"
            f"<a class='blog-pager-newer-link' href='/n'>Newer Post</a> <a class='home-link'"
            f" href='/'>Home</a></div></div></div></div><div class='column-right-inner'>"
            f"<div class='sidebar section'>{archive}</div></div></div></div></body></html>")


def joomla(article: dict[str, Any]) -> str:
    """Joomla: the headline in an <h2>, dl.article-info with 'Published: 18 January 2023'
    and a later 'Last Updated', a hits counter and previous/next page navigation."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    info = (f"<dd class='published'><span class='icon-calendar'></span><time datetime="
            f"'{day}T01:30:00+00:00' itemprop='datePublished'>Published: {day.day:02d} "
            f"{day:%B} {day.year}</time></dd><dd class='modified'><time datetime="
            f"'{later}T08:00:00+00:00' itemprop='dateModified'>Last Updated: {later.day:02d} "
            f"{later:%B} {later.year}</time></dd>") if day and later else ""
    return (f"<!DOCTYPE html><html lang='en-gb' dir='ltr'><head><title>{title}</title>"
            f"<meta name='generator' content='Joomla! - Open Source Content Management'>"
            f"</head><body class='site com_content view-article'><header class='header'>"
            f"<div class='navbar-brand'><a class='brand-logo' href='/'><span>{SITE}</span></a>"
            f"</div><ul class='mod-menu nav'><li><a href='/'>Home</a></li><li class='active'>"
            f"<a href='/news'>News</a></li></ul></header><div class='container-component'>"
            f"<main><div class='com-content-article item-page' itemscope "
            f"itemtype='https://schema.org/Article'><meta itemprop='inLanguage' content='en-GB'>"
            f"<div class='page-header'><h2 itemprop='headline'>{title}</h2></div>"
            f"<dl class='article-info text-muted'><dt class='article-info-term'>Details</dt>"
            f"<dd class='createdby' itemprop='author'>Written by <span itemprop='name'>"
            f"Super User</span></dd><dd class='category-name'>Category: <a href='/news'>"
            f"News</a></dd>{info}<dd class='hits'><span class='icon-eye'></span>"
            f"<meta itemprop='interactionCount' content='UserPageVisits:1024'>Hits: 1024</dd>"
            f"</dl><div itemprop='articleBody' class='com-content-article__body'>"
            f"{_paras(article)}</div><nav class='pagenavigation'><span class='pagination "
            f"ms-0'><a class='btn btn-sm btn-secondary previous' href='/news/1'>Prev</a>"
            f"<a class='btn btn-sm btn-secondary next' href='/news/3'>Next</a></span></nav>"
            f"</div></main></div>{FOOTER}</body></html>")


def arc_nextjs(article: dict[str, Any]) -> str:
    """An Arc XP / Next.js front end: the state in __NEXT_DATA__, JSON-LD with UTC stamps
    and a later dateModified, 'Updated' (a time of day) before 'Published' in AP style,
    c-paragraph text with a 'READ MORE' link, an ad and a 'Story continues below
    advertisement' label (hashed class) between, a trending rail with dated headlines and a
    newsletter box."""
    title, day = html.escape(article["title"]), _day(article)
    stamp = (f"<div class='c-timestamp'><span>Updated 2:03 p.m. EST</span> <time datetime="
             f"'{day}T14:30:00.000Z'>Published {day:%b}. {day.day}, {day.year}</time></div>"
             ) if day else ""
    state = json.dumps({"props": {"pageProps": {"globalContent": {
        "headlines": {"basic": article["title"]}, "display_date": f"{day}T14:30:00.000Z"
        if day else None, "type": "story"}}}, "page": "/[...slug]", "buildId": "x1"})
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": article["title"], "datePublished": f"{day}T14:30:00.000Z",
                     "dateModified": f"{_later(day)}T19:03:00.000Z"}) if day else "{}"
    para = " class='c-paragraph' data-el='text'"
    first, rest = _split(article, attrs=para)
    inline = (f"<p{para}><strong>READ MORE:</strong> <a href='/n/12'>Harbour tunnel works "
              f"start next month</a></p><div class='arc_ad_container'><div class='arcad'>"
              f"<span>ADVERTISEMENT</span></div></div><div class='sc-5c1f9a-0 kXpZqA'>Story "
              f"continues below advertisement</div>")
    rail = ("<div class='c-trending'><h2>Trending</h2><ol><li><a href='/n/13'>Markets close "
            "higher as tech rallies</a><time>Jan. 5, 2020</time></li><li><a href='/n/14'>"
            "Storm warning issued for the coast</a><time>Dec. 30, 2019</time></li></ol></div>")
    newsletter = ("<div class='c-newsletter'><h3>Get the morning briefing</h3><p>The day's "
                  "top stories in your inbox every weekday morning.</p><form><label>Email"
                  "</label></form></div>")
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} - {SITE}</title>"
            f"<meta property='og:title' content='{title}'><script type='application/ld+json'>"
            f"{ld}</script></head><body><div id='__next'>"
            f"<header class='c-header'><a class='c-logo' href='/'>{SITE}</a><nav><a href='/'>"
            f"Home</a><a href='/news'>News</a><a href='/business'>Business</a></nav></header>"
            f"<main class='c-layout'><article class='c-article'><h1 class='c-heading'>{title}"
            f"</h1><div class='c-byline'>By Jane Doe</div>{stamp}<div class='c-article-body'>"
            f"{first}{inline}{rest}</div></article><div class='c-rail'>{rail}{newsletter}</div>"
            f"</main>{FOOTER}</div><script id='__NEXT_DATA__' type='application/json'>{state}"
            f"</script></body></html>")


def bootstrap_news(article: dict[str, Any]) -> str:
    """A Bootstrap news theme: a 'Latest news' column with dates before the article in the
    source, breadcrumbs, share counts, a 'Photo: <file name>' caption, tags, an
    author box, previous/next posts, a reader's dated comment (an <article> of its own) and
    a footer of monthly archive links."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<li class='list-inline-item'><i class='fa fa-calendar'></i> {day.day:02d} "
            f"{day:%b} {day.year}</li>") if day else ""
    first, rest = _split(article)
    picture = ("<div class='text-center my-3'><img class='img-fluid' "
               "src='/uploads/2024/05/IMG_2034.JPG' alt=''><br><small class='text-muted'>"
               "Photo: IMG_2034.JPG</small></div>")
    latest = ("<div class='col-lg-4 order-lg-2'><div class='card mb-4'><div class='card-header'>"
              "Latest news</div><ul class='list-group list-group-flush'>"
              "<li class='list-group-item'><a href='/n/21'>Harbour tunnel works start next "
              "month</a><br><small>05 Jan 2020</small></li><li class='list-group-item'>"
              "<a href='/n/22'>City library extends its opening hours</a><br><small>"
              "30 Dec 2019</small></li></ul></div></div>")
    comments = ("<div id='comments' class='comments-area'><h2 class='comments-title'>One "
                "comment</h2><div class='comment-list'><article class='comment-body'><footer "
                "class='comment-meta'><b class='fn'>Li Wei</b> <span class='says'>says:</span>"
                "<div class='comment-metadata'><a href='#c1'><time datetime='2024-06-20T10:05:00"
                "+08:00'>June 20, 2024 at 10:05 am</time></a></div></footer><div class='comment-"
                "content'><p>Very informative, thank you for sharing this news with us.</p></div>"
                "</article></div><div id='respond'><h3>Leave a Reply</h3></div></div>")
    archive = "".join(f"<li><a href='/archive/2023/{m:02d}'>{name} 2023</a></li>" for m, name in
                      ((12, "December"), (11, "November"), (10, "October")))
    return (f"<!DOCTYPE html><html lang='en'><head><title>{title} | {SITE}</title></head>"
            f"<body><nav class='navbar navbar-expand-lg navbar-dark bg-dark'>"
            f"<a class='navbar-brand' href='/'>{SITE}</a><ul class='navbar-nav'><li "
            f"class='nav-item'><a class='nav-link' href='/'>Home</a></li><li class='nav-item'>"
            f"<a class='nav-link' href='/news'>News</a></li></ul></nav>"
            f"<div class='container'><ol class='breadcrumb'><li class='breadcrumb-item'>"
            f"<a href='/'>Home</a></li><li class='breadcrumb-item'><a href='/news'>News</a></li>"
            f"<li class='breadcrumb-item active'>{title}</li></ol><div class='row'>{latest}"
            f"<div class='col-lg-8 order-lg-1'><div class='post-single'><h1 class='mt-4'>"
            f"{title}</h1><ul class='list-inline text-muted'>{when}<li class='list-inline-item'>"
            f"<i class='fa fa-eye'></i> 1,024 views</li><li class='list-inline-item'>"
            f"<i class='fa fa-share'></i> 37 shares</li></ul><hr><div class='post-content'>"
            f"{first}{picture}{rest}</div><div class='post-tags'><span>Tags:</span> "
            f"<a class='badge badge-secondary' href='/tag/industry'>Industry</a></div>"
            f"<div class='media author-box'><img class='mr-3' src='/a/staff.png' alt=''>"
            f"<div class='media-body'><h5>About the author</h5>Staff Writer covers business "
            f"and industry news for {SITE}.</div></div><div class='row post-nav'>"
            f"<div class='col-6'><a href='/n/19'>&laquo; Previous post<br>Exports rise again"
            f"</a></div><div class='col-6 text-right'><a href='/n/23'>Next post &raquo;<br>"
            f"A new bridge for the harbour district</a></div></div>{comments}</div></div></div>"
            f"</div>"
            f"<footer class='bg-dark text-white'><div class='container'><div class='row'>"
            f"<div class='col-md-4'><h5>Archives</h5><ul>{archive}</ul></div>"
            f"<div class='col-md-4'><h5>About</h5><p>{SITE} reports on business and industry "
            f"in the region since 2009.</p></div></div><p>© 2024 {SITE}</p></div></footer>"
            f"</body></html>")


def editor_divs(article: dict[str, Any]) -> str:
    """An old CMS whose rich-text editor writes each paragraph as a <div> with <div><br>
    </div> spacers; the headline in <font>, the <title> 'Site - Headline' (headlines may
    name the company the host is named for), 'Posted: Jan 18 2023 09:30', a print bar."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"Posted: {day:%b} {day.day} {day.year} 09:30 | " if day else ""
    text = "<div><br></div>".join(f"<div>{x}</div>" for x in lines_of(article))
    return (f"<html><head><title>{SITE} - {title}</title></head><body bgcolor='#ffffff'>"
            f"<div id='header'><img src='/images/logo.gif' alt='{SITE}'></div>"
            f"<div id='menu'><a href='/'>Home</a> | <a href='/news.asp'>News</a> | "
            f"<a href='/contact.asp'>Contact</a></div><div id='content'>"
            f"<font size='4' color='#003366'><b>{title}</b></font><br>"
            f"<font size='1' color='#666666'>{when}By Staff</font><br>"
            f"<div class='toolbar'><a href='javascript:window.print()'>Print</a> | "
            f"<a href='mailto:?subject={title}'>Email this article</a> | "
            f"<a href='#'>A+</a> <a href='#'>A-</a></div><br>"
            f"<div class='articletext'>{text}</div><br><a href='/news.asp'>&lt;&lt; Back to "
            f"news</a></div><div id='bottom'>{SITE} · 12 Harbour Road · Tel. 0123 456 789"
            f"</div></body></html>")


def german_portal(article: dict[str, Any]) -> str:
    """A German-language portal's English section: 'Veröffentlicht am 18. Januar 2023,
    09:30 Uhr', a 'Lesen Sie auch' box inside the text, 'Mehr zum Thema' teasers with
    dates, 'Teilen' buttons and an Impressum footer."""
    title, day = html.escape(article["title"]), _day(article)
    when = (f"<p class='article-date'>Veröffentlicht am {day.day}. {GERMAN_MONTHS[day.month - 1]}"
            f" {day.year}, 09:30 Uhr</p>") if day else ""
    first, rest = _split(article)
    also = ("<div class='lesen-sie-auch'><strong>Lesen Sie auch:</strong> <a href='/en/n/31'>"
            "Harbour tunnel works start next month</a></div>")
    more = ("<section class='mehr-zum-thema'><h2>Mehr zum Thema</h2><div class='teaser'>"
            "<span class='teaser-date'>05.01.2020</span><a href='/en/n/32'>Port volumes rise "
            "for the third month in a row</a></div><div class='teaser'><span class='teaser-"
            "date'>30.12.2019</span><a href='/en/n/33'>New ferry line to the islands opens"
            "</a></div></section>")
    return (f"<!DOCTYPE html><html lang='de'><head><title>{title} | {SITE}</title>"
            f"<meta property='og:site_name' content='{SITE}'></head><body>"
            f"<header><a class='logo' href='/'>{SITE}</a><nav><a href='/'>Startseite</a>"
            f"<a href='/wirtschaft'>Wirtschaft</a><a href='/en'>English</a></nav></header>"
            f"<main><article lang='en'><h1>{title}</h1>{when}<div class='artikel-text'>"
            f"{first}{also}{rest}</div><div class='teilen'>Teilen: <a href='#'>Facebook</a> "
            f"<a href='#'>E-Mail</a></div></article>{more}</main><footer><a href='/impressum'>"
            f"Impressum</a> | <a href='/datenschutz'>Datenschutz</a> | © {SITE} 2024</footer>"
            f"</body></html>")


def updated_first(article: dict[str, Any]) -> str:
    """A public-sector press page: 'Last updated: <time>' before 'First published: <time>'
    with no other date declared, the title's site name after a bar, a contents list."""
    title, day = html.escape(article["title"]), _day(article)
    later, times = _later(day), ""
    if day is not None and later is not None:
        times = (f"<p class='gem-c-metadata'>Last updated: <time datetime='{later}T10:00'>"
                 f"{later.day} {later:%B} {later.year}</time> · First published: <time "
                 f"datetime='{day}T09:00'>{day.day} {day:%B} {day.year}</time></p>")
    return (f"<!DOCTYPE html><html lang='en-GB'><head><title>{title} | {SITE}</title>"
            f"</head><body><header class='govuk-header'><a class='govuk-header__link' "
            f"href='/'>{SITE}</a></header><div class='govuk-width-container'><main "
            f"class='govuk-main-wrapper'><span class='govuk-caption-xl'>Press release</span>"
            f"<h1 class='govuk-heading-xl'>{title}</h1>{times}<div class='govuk-grid-row'>"
            f"<div class='govuk-grid-column-two-thirds'><div class='govspeak'>"
            f"{_paras(article)}</div></div><div class='govuk-grid-column-one-third'>"
            f"<nav class='contents'><h2>Contents</h2><ol><li><a href='#a'>Background</a></li>"
            f"<li><a href='#b'>Contact</a></li></ol></nav></div></div></main></div>{FOOTER}"
            f"</body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "ghost": ghost, "amp": amp, "blogger": blogger, "joomla": joomla,
    "arc_nextjs": arc_nextjs, "bootstrap_news": bootstrap_news, "editor_divs": editor_divs,
    "german_portal": german_portal, "updated_first": updated_first,
}
