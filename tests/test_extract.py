"""Extraction against the hand-made fixture sites, automatic and with per-source rules."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from monitor.errors import ExtractionFailed
from monitor.extract import extract, extract_text
from monitor.models import ExtractRules
from monitor.textnorm import normalize_text

from .conftest import SITES  # ../shared/fixtures, or the copy bundled in monitor/demo_data

# Per-source selectors a user would write for the three fixture sites.
RULES = {
    "haisum": ExtractRules(title=".news_show .title", body="#article_content",
                           date=".news_show .info"),
    "chinadaily-hailing": ExtractRules(title="h1.art-title", body="#Content",
                                       date=".art-info .info_l"),
    "foshan": ExtractRules(title="h1.art-title", body="#artContent", date=".art-meta .pubtime",
                           drop=(".share-bar",)),
}


def _articles() -> list[Any]:
    cases = []
    for expected in sorted(SITES.glob("*/expected.json")):
        data = json.loads(expected.read_text(encoding="utf-8"))
        for article in data["articles"]:
            cases.append(pytest.param(expected.parent, article, id=article["url_path"]))
    return cases


def _check(site: Path, article: dict[str, Any], rules: ExtractRules | None) -> None:
    raw = (site / article["file"]).read_bytes()
    got = extract(raw, article["url"], rules)
    assert got.title == article["title"]
    assert got.published == article["published"]
    assert normalize_text(got.body) == normalize_text(article["body"])
    assert got.body == normalize_text(got.body)
    assert got.url == article["url"]


@pytest.mark.parametrize(("site", "article"), _articles())
def test_fixture_automatic(site: Path, article: dict[str, Any]) -> None:
    _check(site, article, None)


@pytest.mark.parametrize(("site", "article"), _articles())
def test_fixture_with_rules(site: Path, article: dict[str, Any]) -> None:
    _check(site, article, RULES[site.name])


@pytest.mark.parametrize(("site", "article"), _articles())
def test_extract_text_matches_extract(site: Path, article: dict[str, Any]) -> None:
    raw = (site / article["file"]).read_bytes()
    assert extract_text(raw, article["url"]) == extract(raw, article["url"]).body


def test_gbk_page_decodes() -> None:
    page = SITES / "haisum" / "news" / "show_716.html"
    body = extract(page.read_bytes()).body
    assert "\ufffd" not in body
    assert "’" in body


ARTICLE = """<html lang="en-GB"><head><title>Rain in Spain | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<link rel="canonical" href="https://news.example/rain">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
 {"@type": "NewsArticle", "headline": "Rain in Spain", "datePublished": "2024-03-05T08:00:00Z",
  "author": [{"@type": "Person", "name": "Ana Gómez"}]}]}</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rain in Spain</h1><p class="byline">By Ana Gómez</p>
<div class="share">Share on Twitter Facebook</div>
<p>The rain in Spain, forecasters said on Tuesday, falls mainly on the plain, and will continue.</p>
<p>Farmers welcomed the downpour, which ended a drought that had lasted for three long years.</p>
<figure><img src="a.jpg"><figcaption>Clouds over Toledo, Spain.</figcaption></figure>
<p>More storms are expected next week across the central plateau, the agency added.</p>
</article>
<aside class="related"><h3>Related news</h3><ul><li><a href="/x">Sun in Spain, 2023</a></li></ul>
</aside><footer>Copyright 2024 The Daily Example. All rights reserved.</footer></body></html>"""


def test_generic_article_metadata() -> None:
    art = extract(ARTICLE)
    assert art.title == "Rain in Spain"
    assert art.published == "2024-03-05"
    assert art.author == "Ana Gómez"
    assert art.lang == "en-GB"
    assert art.canonical_url == art.url == "https://news.example/rain"
    lines = art.body.split("\n")
    assert lines[0].startswith("The rain in Spain")
    assert lines[-1].startswith("More storms")
    assert "Share" not in art.body
    assert "Related" not in art.body
    assert "Copyright" not in art.body


def test_title_from_title_tag_without_og() -> None:
    page = ARTICLE.replace('<meta property="og:site_name" content="The Daily Example">', "")
    page = page.replace('"headline": "Rain in Spain", ', "")
    assert extract(page).title == "Rain in Spain"


def test_unclosed_title_falls_back() -> None:
    page = ARTICLE.replace("</title>", "")
    art = extract(page)
    assert art.title == "Rain in Spain"
    assert "Farmers welcomed" in art.body


@pytest.mark.parametrize("page", ["", "   ", b"", b"<html><body></body></html>"])
def test_empty_page_fails(page: str | bytes) -> None:
    with pytest.raises(ExtractionFailed):
        extract(page)


def test_no_content_fails() -> None:
    with pytest.raises(ExtractionFailed) as info:
        extract("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert info.value.reason


def test_extract_text_never_raises() -> None:
    assert extract_text("") == ""
    assert extract_text(b"\xff\xfe\x00garbage") == extract_text(b"\xff\xfe\x00garbage")


def test_bad_rule_selectors_fall_back_to_automatic() -> None:
    rules = ExtractRules(title="h1[[[", body="div:::", date="(", drop=("]]",))
    art = extract(ARTICLE, rules=rules)
    assert art.title == "Rain in Spain"
    assert "Farmers welcomed" in art.body


_PARA = "<p>{n}. The committee heard evidence from residents, engineers and officials over " \
        "three days, and its report will be published next month after a final review.</p>"


def test_lead_beside_a_nested_body_box_is_kept() -> None:
    lead = "<div class='intro'>" + _PARA.format(n=0) + "</div>"
    lead += "".join(_PARA.format(n=i) for i in (1, 2))
    rest = "".join(_PARA.format(n=i) for i in range(3, 9))
    page = (f"<html><body><nav><a href='/'>Home</a></nav><div class='story-body'>{lead}"
            f"<div id='more'><div id='more-link'><a href='#'>Read more</a></div>"
            f"<div id='more-content'>{rest}</div></div></div></body></html>")
    lines = extract_text(page).split("\n")
    assert [line.split(".")[0] for line in lines] == [str(i) for i in range(0, 9)]


def test_class_bonus_does_not_pull_in_the_sidebar() -> None:
    body = "".join(_PARA.format(n=i) for i in range(1, 8))
    side = ("<div class='aside-box'><p>Most viewed: a long teaser sentence about another "
            "story, with a few commas, to look like prose.</p></div>")
    page = (f"<html><body><div class='storyarea'><div class='col-right'>{body}</div>"
            f"{side}</div></body></html>")
    text = extract_text(page)
    assert "1. The committee" in text and "7. The committee" in text
    assert "Most viewed" not in text
