"""The sample articles in the templates of common publishing systems (issue 11).

test_extract_remarkup.py covers hand-made layouts; these are shaped like what WordPress,
Drupal, schema.org microdata, a Chinese government/company CMS, a press-release page and a
US wire page really emit: a modified date beside the published one, site names on either
side of the title, breadcrumbs that repeat the title, share bars, previous/next links, view
counters, image captions that are file names. Title, date and body must come out exactly as
the sample's expected values, never the modified date, never the noise.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from .test_extract_remarkup import SIDEBAR, SITE, _day, _paras

SHARE = ("<div class='sharedaddy'><h3>Share this:</h3><ul><li><a href='#'>Facebook</a></li>"
         "<li><a href='#'>X</a></li><li><a href='#'>Email</a></li></ul></div>")
FOOTER = (f"<footer class='site-footer'><p>Copyright © 2024 {SITE}. All rights reserved.</p>"
          "<p><a href='/privacy'>Privacy policy</a> | <a href='/contact'>Contact us</a></p>"
          "</footer>")


def _later(day: date | None) -> date | None:
    return day + timedelta(days=40) if day else None


def wordpress(article: dict[str, Any]) -> str:
    """WordPress: published and updated <time>s, article:modified_time, a breadcrumb that
    ends with the title, a share bar and related posts."""
    title, day = html.escape(article["title"]), _day(article)
    later, metas, times = _later(day), "", ""
    if day is not None and later is not None:
        metas = (f"<meta property='article:published_time' content='{day}T09:30:00+08:00'>"
                 f"<meta property='article:modified_time' content='{later}T11:00:00+08:00'>")
        times = (f"<time class='entry-date published' datetime='{day}T09:30:00+08:00'>"
                 f"{day:%B} {day.day}, {day.year}</time><time class='updated' "
                 f"datetime='{later}T11:00:00+08:00'>{later:%B} {later.day}, {later.year}</time>")
    return (f"<!doctype html><html lang='en-US'><head><title>{title} – {SITE}</title>"
            f"<meta property='og:title' content='{title} – {SITE}'>{metas}</head>"
            f"<body class='post-template-default single'><header id='masthead'>"
            f"<p class='site-title'><a href='/'>{SITE}</a></p><nav class='main-navigation'>"
            f"<a href='/'>Home</a><a href='/news/'>News</a><a href='/about/'>About</a></nav>"
            f"</header><div id='primary'><nav class='breadcrumbs'><a href='/'>Home</a> » "
            f"<a href='/news/'>News</a> » <span>{title}</span></nav>"
            f"<article class='post type-post status-publish hentry'><header class='entry-header'>"
            f"<h1 class='entry-title'>{title}</h1><div class='entry-meta'><span class='posted-on'>"
            f"{times}</span> <span class='byline'>by <a href='/author/staff/'>Staff</a></span>"
            f"</div></header><div class='entry-content'>{_paras(article)}{SHARE}</div>"
            f"<footer class='entry-footer'><span class='cat-links'>Posted in "
            f"<a href='/news/'>News</a></span></footer></article>"
            f"<div class='jp-relatedposts'><h3>Related</h3><p><a href='/n/8'>Exports rise again"
            f"</a> <span>2020-01-05</span></p></div></div>{SIDEBAR}{FOOTER}</body></html>")


def drupal(article: dict[str, Any]) -> str:
    """Drupal: an RDFa dc:date in the submitted line, 'Title | Site', a breadcrumb."""
    title, day = html.escape(article["title"]), _day(article)
    submitted = (f"<span property='dc:date dc:created' content='{day}T09:00:00+08:00'>"
                 f"{day:%a}, {day:%m/%d/%Y} - 09:00</span>") if day else ""
    return (f"<!DOCTYPE html><html lang='en' dir='ltr'><head><title>{title} | {SITE}</title>"
            f"</head><body class='path-node page-node-type-article'>"
            f"<div class='dialog-off-canvas-main-canvas'><header role='banner'>"
            f"<div class='site-branding__name'><a href='/'>{SITE}</a></div></header>"
            f"<nav class='breadcrumb' role='navigation'><ol><li><a href='/'>Home</a></li>"
            f"<li><a href='/news'>News</a></li></ol></nav><main role='main'>"
            f"<h1 class='page-title'><span class='field field--name-title'>{title}</span></h1>"
            f"<article role='article' class='node node--type-article node--view-mode-full'>"
            f"<div class='node__meta'>Submitted by <span class='field--name-uid'>editor</span> "
            f"on {submitted}</div><div class='node__content'><div class='clearfix text-formatted "
            f"field field--name-body field--type-text-with-summary field__item'>"
            f"{_paras(article)}</div><div class='field field--name-field-tags'>"
            f"<div class='field__label'>Tags</div><div class='field__item'><a href='/t/1'>"
            f"Industry</a></div></div></div></article></main>{FOOTER}</div></body></html>")


def microdata(article: dict[str, Any]) -> str:
    """schema.org microdata, datePublished and a later dateModified, 'Site: Title'."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    dates = (f"<meta itemprop='datePublished' content='{day}'>"
             f"<meta itemprop='dateModified' content='{later}'>"
             f"<p class='dates'>Last updated {later:%d %B %Y}</p>") if day else ""
    return (f"<html lang='en-GB'><head><title>{SITE}: {title}</title></head><body>"
            f"<div class='masthead'><a href='/'>{SITE}</a></div>"
            f"<div itemscope itemtype='https://schema.org/NewsArticle' class='main'>"
            f"<h1 itemprop='headline'>{title}</h1>{dates}"
            f"<div itemprop='articleBody'>{_paras(article)}</div></div>"
            f"<div class='more'><h2>More from {SITE}</h2><ul><li><a href='/n/9'>"
            f"Harbour tunnel works start next month</a></li></ul></div>{FOOTER}</body></html>")


def chinese_cms(article: dict[str, Any]) -> str:
    """A Chinese CMS: '发布时间：' and '来源：' lines, a view counter, a picture whose caption
    is its file name, '上一篇/下一篇' (previous/next) links and a print/close bar."""
    title, day = html.escape(article["title"]), _day(article)
    when = f"发布时间：{day} 09:35:12" if day else ""
    lines = article["body"].split("\n")
    picture = ("<p style='text-align:center'><img src='/upload/20230615093512345.jpg'></p>"
               "<p style='text-align:center'>20230615093512345.jpg</p>")
    body = "".join(f"<p>{html.escape(x)}</p>" for x in lines[:1]) + picture + \
        "".join(f"<p>{html.escape(x)}</p>" for x in lines[1:])
    return (f"<html><head><meta charset='utf-8'><title>{title}_{SITE}</title></head><body>"
            f"<div class='top'><a href='/'>首页</a> <a href='/news/'>新闻中心</a></div>"
            f"<div class='position'>当前位置：<a href='/'>首页</a> &gt; <a href='/news/'>新闻中心"
            f"</a> &gt; 正文</div><div class='con'><div class='con_title'>{title}</div>"
            f"<div class='con_info'>{when}　来源：本站　浏览次数：1024</div>"
            f"<div class='con_text'>{body}</div><div class='con_page'>"
            f"<p>上一篇：<a href='/n/10'>Trade fair moves to a larger hall</a></p>"
            f"<p>下一篇：<a href='/n/11'>City library extends its opening hours</a></p></div>"
            f"<div class='con_tool'>【<a href='#'>打印本页</a>】【<a href='#'>关闭窗口</a>】"
            f"</div></div><div class='foot'>版权所有：{SITE}　备案号：00000000号</div>"
            f"</body></html>")


def press_release(article: dict[str, Any]) -> str:
    """A company news centre: the section name in <h1>, the headline in <h2>, a dotted date
    with 'Source' and 'Views', previous/next article links."""
    title, day = html.escape(article["title"]), _day(article)
    info = f"Date: {day:%Y.%m.%d}　Source: {SITE}　Views: 356" if day else "Views: 356"
    return (f"<html><head><title>{title}-News Center-{SITE}</title></head><body>"
            f"<div class='header'><div class='logo'><img src='/logo.png' alt='{SITE}'></div>"
            f"<ul class='menu'><li><a href='/'>Home</a></li><li><a href='/about'>About</a>"
            f"</li><li><a href='/news'>News Center</a></li></ul></div>"
            f"<div class='banner'><h1>News Center</h1></div><div class='main'>"
            f"<div class='left'><ul><li><a href='/news/c1'>Company News</a></li>"
            f"<li><a href='/news/c2'>Industry News</a></li></ul></div><div class='right'>"
            f"<div class='news-detail'><h2>{title}</h2><div class='info'>{info}</div>"
            f"<div class='detail-content'>{_paras(article)}</div><div class='page-turn'>"
            f"<p>Previous: <a href='/news/1'>Harbour tunnel works start next month</a></p>"
            f"<p>Next: <a href='/news/3'>New ferry line to the islands opens</a></p></div>"
            f"</div></div></div>{FOOTER}</body></html>")


def wire_story(article: dict[str, Any]) -> str:
    """A US wire page: 'Updated' before 'Published' with weekday dates and time zones,
    a compact pubdate meta, and a byline."""
    title, day = html.escape(article["title"]), _day(article)
    later = _later(day)
    metas, lines = "", ""
    if day is not None and later is not None:
        metas = f"<meta name='pubdate' content='{day:%Y%m%d}'>"
        lines = (f"<div class='timestamps'><span>Updated {later:%A}, {later:%B} {later.day}, "
                 f"{later.year} 4:12 PM EDT</span> <span>Published {day:%A}, {day:%B} {day.day},"
                 f" {day.year} 9:30 AM EDT</span></div>")
    return (f"<!doctype html><html lang='en-US'><head><title>{title} | {SITE}</title>"
            f"{metas}</head><body><nav class='top'><a href='/'>{SITE}</a><a href='/us'>U.S."
            f"</a><a href='/world'>World</a></nav><main><article><h1>{title}</h1>"
            f"<div class='byline'>By Jane Doe, Associated Reporter</div>{lines}"
            f"<div class='RichTextStoryBody'>{_paras(article)}</div></article>"
            f"<div class='recommended'><h2>Recommended</h2><a href='/n/12'>Markets close "
            f"higher as tech rallies</a></div></main>{FOOTER}</body></html>")


TEMPLATES: dict[str, Callable[[dict[str, Any]], str]] = {
    "wordpress": wordpress, "drupal": drupal, "microdata": microdata,
    "chinese_cms": chinese_cms, "press_release": press_release, "wire_story": wire_story,
}
