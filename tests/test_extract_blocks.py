"""Pages of our own where a part of the body sits in a block built or named unlike the rest.

Each case is a small hand-written page: the body must hold the listed phrases and must not
hold the others.
"""

from __future__ import annotations

import pytest

from monitor.extract import extract

PARAS = (
    "<p>The city council voted on Tuesday to extend the tram network by eleven kilometres, "
    "adding two lines to the harbour and the hospital.</p>"
    "<p>Officials said the plan would cost about 420 million euros in all, most of it from "
    "national grants, and that fares would not rise.</p>"
)
MORE = (
    "<p>Residents of the northern districts have waited for a link since the 1990s, and the "
    "new line will finally reach them by the end of the decade.</p>"
    "<p>Construction is due to start next spring, and the first line runs in 2028, the "
    "transport board said in a statement.</p>"
)
FOOT = "<footer><p>City Daily, 3 Market Square. All rights reserved.</p></footer>"


def _page(body: str) -> str:
    return f"<html><head><title>Tram</title></head><body>{body}{FOOT}</body></html>"


# name -> (page, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # a block editor's "advanced heading" (kt-adv-heading...): "adv" qualifies the heading,
    # it is no advert; a block named "adv" still goes
    "advanced_heading": (
        _page('<main><div class="entry-content">' + PARAS
              + '<h2 class="kt-adv-heading10415_b46a99-17">Who benefits</h2>' + MORE
              + '<div class="adv"><p>Buy a season ticket now and save on every ride.</p></div>'
              + "</div></main>"),
        ("The city council voted", "Who benefits", "Residents of the northern"),
        ("Buy a season ticket",),
    ),
    # a note below the body in a plain box of its own: short prose paragraphs, too short to
    # vote as a block; a box of links beside it is no note
    "note_box": (
        _page('<main><div class="story"><div class="text">' + PARAS + MORE + "</div>"
              + '<div class="note"><p>Dates and routes may still change.</p>'
              + "<p>The board will publish the final plan once the tenders are signed.</p></div>"
              + '<div class="more"><p><a href="/a">Ferry timetable changes</a></p></div>'
              + "</div></main>"),
        ("The city council voted", "Construction is due", "Dates and routes may still change",
         "publish the final plan"),
        ("Ferry timetable",),
    ),
    # sections built alike (same class), each with a linked heading and a "more" link: as
    # linked as the winning one, they are the rest of the body, not a list of teasers
    "linked_sections": (
        _page('<main><table><tr><td>' + "".join(
            f'<div class="ctl"><div class="group text"><h3><a href="/{name}">{name} camera</a>'
            f"</h3><p>{text}</p><p><a href='/{name}/live'>Open the {name} camera view.</a></p>"
            "</div></div>" for name, text in (
                ("Harbour", "This view of the harbour from the old lighthouse shows the ferries, "
                 "the fish market and, on clear days, the islands beyond the bay."),
                ("Bridge", "The camera on the north tower looks down the bridge deck, where "
                 "the morning traffic queues."),
                ("Castle", "From the castle hill the camera looks over the old town and the "
                 "river at its foot."),
                ("Station", "A camera above the main hall of the station shows the trains "
                 "coming in from the coast."))
        ) + "</td></tr></table></main>"),
        ("ferries, the fish market", "looks down the bridge deck", "over the old town",
         "shows the trains"),
        ("All rights reserved",),
    ),
    # the author's box below the story: its prose sits in an unnamed <div> below the named
    # box ("saboxplugin-desc", a WordPress simple author box; "author-card")
    **{f"author_box_{name}": (
        _page('<main><div class="post"><div class="text">' + PARAS + MORE + "</div></div>"
              + f'<div class="{name}-wrap"><div class="{name}-desc"><div>'
              + "<p>Anna Berg has covered the city for twenty years, first as a court reporter "
              "and then as the paper's transport correspondent, and she writes a weekly column "
              "about the harbour.</p><p>She studied history in Leiden, lives with her family "
              "in the old town and cycles to every council meeting, whatever the weather.</p>"
              "</div></div></div></main>"),
        ("The city council voted", "Construction is due"),
        ("Anna Berg has covered", "studied history"),
    ) for name in ("saboxplugin", "author")},
    # every section of the body marked itemprop="articleBody", with ads between them; a
    # marked answer of another build below is no section of it
    "marked_sections": (
        _page('<main><article><section class="s-cms" itemprop="articleBody">' + PARAS
              + "<p>The board also said the old depot would become a museum of the city's "
              "trams, with the first car of 1901 at its centre.</p></section>"
              + '<div class="ad-slot">Advertisement</div>'
              + '<section class="s-cms" itemprop="articleBody">' + MORE + "</section>"
              + '<div class="answer" itemprop="articleBody"><p>I think the fares will rise '
              "whatever the board says now, as they always do after such works.</p></div>"
              + "</article></main>"),
        ("The city council voted", "a museum of the city", "Residents of the northern",
         "Construction is due"),
        ("fares will rise whatever",),
    ),
    # the lead printed in a box of its own just before the body's container ("teaser-text":
    # a news template's opening paragraph, not a card); a linked teaser card is no lead
    "lead_box": (
        _page('<main><div class="article"><h1>Tram</h1><div class="teaser-text"><p>The tram '
              "network grows by two lines, and the harbour gets its first stop in fifty "
              "years.</p></div><div class=\"news-text-wrap\">" + PARAS + MORE + "</div></div>"
              '<div class="list"><div class="teaser"><p><a href="/b">Ferry timetable changes '
              "for the summer season, with two more boats on the island line.</a></p></div>"
              "</div></main>"),
        ("harbour gets its first stop", "The city council voted", "Construction is due"),
        ("Ferry timetable",),
    ),
    "lead_card": (
        _page('<main><div class="article"><div class="teaser"><p><a href="/b">Ferry timetable '
              "changes for the summer season, with two more boats on the island line.</a></p>"
              '</div><div class="text">' + PARAS + MORE + "</div></div></main>"),
        ("The city council voted", "Construction is due"),
        ("Ferry timetable",),
    ),
    # a block editor's style classes ("has-font-18-px-font-size") say how a heading looks:
    # "font-size" there is no font-size control
    "style_classes": (
        _page('<main><div class="entry-content">' + PARAS
              + '<h3 class="wp-block-heading has-font-18-px-font-size" id="h-who">WHO BENEFITS</h3>'
              + MORE + '<div class="font-size"><p>Make the text larger or smaller here.</p></div>'
              + "</div></main>"),
        ("The city council voted", "WHO BENEFITS", "Residents of the northern"),
        ("Make the text larger",),
    ),
    # a list of links within the text whose items hold their link in a block of their own
    # (<li><h4><a>): as much the text's list as one written <li><a>
    "linked_item_blocks": (
        _page('<main><div class="entry">' + PARAS + "<p>Our picks for the new lines:</p><ul>"
              + "".join(f'<li><h4><a href="/p/{n}">Tram model {n} low floor</a></h4></li>'
                        for n in ("A1", "B2", "C3"))
              + "</ul><h3>Who benefits</h3>" + MORE + "</div></main>"),
        ("The city council voted", "Tram model A1 low floor", "Tram model C3 low floor",
         "Construction is due"),
        (),
    ),
    # a journal page whose text is an abstract, above a long list of references that
    # outvotes it: the list is never the body
    "abstract_and_references": (
        _page('<main><article><div class="abstract"><h2>Abstract</h2>' + PARAS + "</div>"
              + '<div class="article__references"><ul class="rlist">' + "".join(
                  f"<li><span>{n}. Berg A, Holm B, Lind C. Tram networks in northern port cities, "
                  f"their costs, their riders and their futures: a survey. J Urban Transp. "
                  f"20{10 + n}; {n}: 100-120.</span></li>" for n in range(1, 40))
              + "</ul></div></article></main>"),
        ("The city council voted", "Officials said the plan"),
        ("Tram networks in northern port cities",),
    ),
    # a short post whose writer's biography (several paragraphs) outvotes it
    "author_box_wins": (
        _page('<main><div class="post"><div class="text">' + PARAS + "</div>"
              + '<div class="author-description">' + "".join(
                  f"<p>Anna Berg, {n}, has written about the city's trams, ferries and bridges "
                  "for twenty years, first as a court reporter and then as a columnist.</p>"
                  for n in range(30, 36)) + "</div></div></main>"),
        ("The city council voted", "Officials said the plan"),
        ("has written about the city",),
    ),
    # the questions and answers below the article, in a section of its own ("blog-faq")
    # after a call to action; a list of links to FAQ pages is no part of the text
    "faq_section": (
        _page('<main><section class="feature"><div class="pad"><div class="blog-content">'
              + PARAS + MORE + "".join(
                  f"<p>Stop {n} of the new line serves the {n}th district, where about "
                  f"{n * 1000} people live, and links it with the ferry, the hospital and the "
                  "old town within a quarter of an hour.</p>" for n in range(3, 9))
              + '</div></div><div class="cta"><p>Ready to ride?</p></div>'
              + '<div class="blog-faq"><h3>When does the first line open?</h3><p>In 2028, if '
              "the works start next spring and the tracks arrive in time from the factory.</p>"
              "<h3>Will fares rise?</h3><p>No, the board "
              "says fares stay as they are until 2030.</p></div></section>"
              + '<div class="faq-links"><a href="/faq/1">Tickets and fares: all questions '
              'answered here</a> <a href="/faq/2">Lost property, bikes on trams and more '
              "answered on one page</a></div></main>"),
        ("The city council voted", "When does the first line open?", "fares stay as they are"),
        ("Lost property",),
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_block_body(name: str) -> None:
    page, must, must_not = CASES[name]
    body = extract(page, f"https://news.example/{name}").body
    for phrase in must:
        assert phrase in body, f"{name}: missing {phrase!r}"
    for phrase in must_not:
        assert phrase not in body, f"{name}: kept {phrase!r}"
