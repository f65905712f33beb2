"""Ordinary pages a second reader built against the rules that take a winner of the body vote
out of the running (monitor.notbody: an author's box, a dialog, a list of references) and
the one that adds the FAQ after the body (monitor.faqs).

Each page is a whole news page (masthead, menu, article, sidebar, footer) whose body must be
found, with its title and date, and must hold and leave out the listed phrases.
"""

from __future__ import annotations

import pytest

from .ordinary import check_page

# name -> (title, date, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    # a WordPress post box whose post_class names its tags ("tag-author-visits"), with the
    # paragraphs straight inside it: the winner is the post, not an author's box
    "r5b_tagged_post": (
        "Library to host prize-winning novelist for first reading since refit", "2024-03-14",
        ("reopen its upstairs reading room", "Tickets for the talk on 18 April",
         "weekly children's story sessions"),
        ("Recent Posts", "Proudly powered"),
    ),
    # a post whose writers a co-authors plugin names in the post box's classes
    # ("author-priya-nair"), the paragraphs straight inside it under its <h1>
    "r5b_coauthors_post": (
        "County approves $38 million plan to replace Mill Creek bridge", "2024-06-11",
        ("voted 4-1 on Tuesday to replace", "Residents can see the designs"),
        ("Most Read", "All rights reserved"),
    ),
    # a post box tagged "citations" (a story on traffic tickets) around the post's text: the
    # text is no list of references
    "r5b_tagged_citations": (
        "Police write 212 speeding citations in first week of school-zone crackdown",
        "2024-09-06",
        ("issued 212 speeding citations in the first five days",
         "Parents had complained at board meetings"),
        ("Recent Posts", "News for Lakeview and Ridgeway", "About time."),
    ),
    # a theme's post text named for the script that opens its pictures in a popup
    # ("blog-content popup-gallery"), the headline in a banner above: the box is the text
    "r5b_popup_gallery": (
        "Old harbour warehouse reopens as food market after five-year rebuild", "2024-04-20",
        ("The Victorian grain warehouse on Quay Street", "free for the first hour"),
        ("Bus lanes on Dock Road", "All rights reserved"),
    ),
    # a documentation page whose sections sit in "reference-layout__body" (a layout for
    # reference pages, not a list of references): the winning section is part of the body
    "r5b_reference_layout": (
        "Temporal.PlainDate.prototype.with()", "2025-02-12",
        ("The info object is merged with the fields", "A TypeError is thrown",
         "You can also replace several fields at once"),
        ("Portions of this content", "Playground"),
    ),
    # a column of widgets beside the story, one of them the site's election FAQ: the rail is
    # no part of the article, its FAQ no last section of it
    "r5b_rail_faq": (
        "Hospital board approves $120 million emergency wing", "2024-10-09",
        ("voted unanimously on Tuesday", "for about a year"),
        ("When does early voting start?", "Most popular", "Have a news tip?"),
    ),
    # a box after the story that sells the site's winter-health guide with one of its
    # questions ("faq-promo"): chrome named as such, no last section of the story
    "r5b_faq_promo": (
        "Walk-in flu jab clinics to open at three pharmacies", "2024-10-02",
        ("Three pharmacies in the Vale", "one fewer person on a trolley"),
        ("your questions answered", "same day?", "Share on Facebook", "More news"),
    ),
    # a text box with a modifier saying it has footnotes ("text-component--has-footnotes", a
    # CSS framework's name): it is the text, not a list of references (left out of the vote,
    # its wrapper won and took the writer's bio and a teaser, built alike, along)
    "r5b_has_footnotes": (
        "Why the city's trams stopped running in 1957, and why they are coming back",
        "2024-02-02",
        ("On the last night of the trams", "buses are stuck in the same traffic"),
        ("More from The Long Read", "Helen Marsh has covered", "Three hundred years"),
    ),
    # a short post with its notes and a long biography of its writer below: the notes win
    # the first vote and are left out of the second, which the biography won and kept
    "r5b_notes_and_bio": (
        "Why councils stopped building homes, and what it would take to start again",
        "2024-03-05",
        ("In 1975 councils in England completed", "will take a decade, not a budget"),
        ("About the author", "senior research fellow", "Policy Notes is published"),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    """Each page lost its body, or took in chrome, under one of those rules as first written."""
    check_page(name, *CASES[name])
