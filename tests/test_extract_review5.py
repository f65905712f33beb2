"""Ordinary news pages that the fifth round of block rules (leads, marked sections, notes
beside the body, linked sections) must read right: each page is one a second reader built
where a new rule over-matched, a pitch or a caption taken for the article's opening, a
second story taken for more of the first."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.extract import extract

PAGES = Path(__file__).resolve().parent / "pages" / "ordinary"
URL = "https://news.example/2024/05/01/story.html"


def _article(name: str) -> tuple[str, str, list[str]]:
    page = (PAGES / f"{name}.html").read_text("utf-8")
    article = extract(page, URL)
    return article.title, str(article.published), article.body.split("\n")


# name -> (title, date, the body's first line, phrases the body must not hold)
CASES: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    # a members' pitch named "promo-teaser" just above the body: "teaser" names a lead box,
    # but "promo" says what this one is
    "lead_promo": (
        "Storm floods coastal towns as river bursts its banks", "2024-05-01",
        "Hundreds of homes were evacuated overnight",
        ("Become a Coast Herald member",),
    ),
    # the same pitch as an "intro" paragraph inside a box named "promo-box"
    "lead_in_promo_box": (
        "Storm floods coastal towns as river bursts its banks", "2024-05-01",
        "Hundreds of homes were evacuated overnight",
        ("Become a Coast Herald member",),
    ),
    # the lead picture ("lead-media") with its caption in a plain <p>: no standfirst
    "lead_picture": (
        "Storm floods coastal towns as river bursts its banks", "2024-05-01",
        "Hundreds of homes were evacuated overnight",
        ("Residents wade through the flooded high street",),
    ),
    # a card linked as a whole (<a><div class="teaser">...</div></a>) above the body: its
    # text holds no link of its own, but it is a pointer to the live page, not a lead
    "lead_linked_card": (
        "Storm floods coastal towns as river bursts its banks", "2024-05-01",
        "Hundreds of homes were evacuated overnight",
        ("follow the latest updates",),
    ),
    # the post's excerpt above it, cut short with an ellipsis: a copy of the opening
    # paragraph, not a lead of its own
    "lead_cut_excerpt": (
        "Storm floods coastal towns as river bursts its banks", "2024-05-01",
        "Hundreds of homes were evacuated overnight",
        ("through the town…",),
    ),
    # the next story printed below in the same template, its body marked articleBody of
    # an item of its own: no section of the first story's body
    "next_story": (
        "Council approves new cycle lanes on Harbour Road", "2024-04-30",
        "Councillors voted eight to three on Monday night",
        ("The central library will close on Mondays", "review the hours next spring"),
    ),
    # two boxes of short prose under the story, a call for readers' photos and a pitch for
    # the app: shaped like a note below the body, but neither named as one nor below a list
    "pitch_boxes": (
        "Storm floods coastal towns as river bursts its banks", "2024-05-01",
        "Hundreds of homes were evacuated overnight",
        ("Were you affected", "Send us your photos", "wherever you are", "Our free app"),
    ),
    # a briefing of linked items built alike, the last one a partner's paid item in a box
    # named "sponsored": as linked as the others, but no part of the briefing
    "briefing_sponsored": (
        "Morning briefing: rail strike, rate decision and a record heatwave", "2024-05-01",
        "Rail strike goes ahead",
        ("Compare home loans", "FinCompare"),
    ),
    # a blog theme that marks the excerpts of related posts articleBody as it marks the
    # post (same tag and class, no itemscope): each excerpt is its own <article>
    "related_marked": (
        "How we restored a 1960s narrowboat in one winter", "2024-05-01",
        "When we bought Kingfisher last October",
        ("dry dock at Gayton", "The longest flight in the country"),
    ),
    # an interview posted in a WordPress post box tagged "author-interview" (post_class:
    # "tag-author-interview"), its questions in a box of their own below the opening
    "tagged_author": (
        '"I wrote the first draft on the night bus": Mira Haddad on her debut novel',
        "2024-05-01", "Mira Haddad spent six years cleaning offices",
        ("Leave a comment", "Archives"),
    ),
    # the same post with its paragraphs straight in the tagged post box, which wins the vote:
    # a winner named "tag-author-interview" is the post, not an author's box (quality5's
    # 0a90ee1 removed it and found no body)
    "tagged_author_flat": (
        '"I wrote the first draft on the night bus": Mira Haddad on her debut novel',
        "2024-05-01", "Mira Haddad spent six years cleaning offices",
        ("Leave a comment", "Archives"),
    ),
}
# name -> phrases the body must hold besides (the part a mend must not cost)
KEPT: dict[str, tuple[str, ...]] = {
    "briefing_sponsored": ("Rate decision at noon", "Hottest June day on record",
                           "Museum reopens"),
    "tagged_author": ("Why the night bus?", "Are the characters based on people",
                      "What comes next? A second novel"),
    "tagged_author_flat": ("Why the night bus?", "What comes next? A second novel"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    """The right title and date, the body from its first line on, none of the phrases."""
    title, date, first, must_not = CASES[name]
    got_title, got_date, body = _article(name)
    assert got_title == title
    assert got_date.startswith(date)
    assert body[0].startswith(first), body[0]
    assert len(body) >= 4  # the rest of the article with it
    for phrase in must_not:
        assert all(phrase not in line for line in body), phrase


@pytest.mark.parametrize("name", sorted(KEPT))
def test_the_rest_of_the_body_stays(name: str) -> None:
    """The blocks the narrowed rules are for still join the body."""
    body = "\n".join(_article(name)[2])
    for phrase in KEPT[name]:
        assert phrase in body, phrase
