"""Ordinary pages a second reader built against round quality10's body rules (a weak
winner's wider widening, the unvoted boxes built like the winner, the lists a paragraph
announces).

Each page is a whole news page whose body must be found with its title and date, and must
hold and leave out the listed phrases. The first five misfired under the rules as first
written: a two-sentence brief took the column of other stories beside it, a story took
the stories an endless page appends after it, or the headlines of earlier stories. The
last two behaved, and stay as guards: a list of facts the story announces is kept, and a
live blog built of short entries of one class keeps them all, in order.
"""

from __future__ import annotations

import pytest

from .ordinary import check_page

DATE = "2024-05-01"
# name -> (title, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # a brief beside a column of teasers (a linked headline over a summary each): the weak
    # winner's looser link share (0.2) widened it to the row holding both
    "r10_weak_sidebar_teasers": ("Swimming pool to close for repairs",
                                 ("close for six weeks", "school pool in Church Road"),
                                 ("Market hall gets new tenants", "Three new traders",
                                  "seafront road", "More from the town")),
    # a brief above family notices and a what's-on list: the weak winner's lower voted
    # share took the column, the listings being unvoted text in a panel of their own
    "r10_weak_listings_panel": ("Farmers market moves to harbour car park",
                                ("harbour car park in June", "About forty stalls"),
                                ("Family notices", "BAKER Margaret", "Craft fair")),
    # a brief whose body box shares its class ("content") with the opinion cards of the
    # side column, their text deeper: the cards joined as unvoted boxes of the winner's kind
    "r10_unvoted_side_cards": ("Beach huts damaged by high tide",
                               ("pushed shingle through their doors", "checked by a surveyor"),
                               ("The seafront needs a plan", "basking shark", "huts that were")),
    # an endless page whose appended stories (in <div>s, headed by an <h2>) repeat the
    # first one's template: their bodies joined as unvoted boxes of the winner's kind
    "r10_endless_h2_stories": ("Harbour master to retire after 30 years",
                               ("harbour master, John Baker", "summer sailing season"),
                               ("old town hall", "four million pounds", "Sunday afternoons")),
    # a quote announced by "..., said:", with the site's links to earlier stories dropped in
    # between (paragraphs and lists each in a box): the list joined as the one announced
    "r10_colon_quote_links": ("Harbour board defends mooring fees",
                              ("Peter Lang, said:", "upkeep of the harbour wall",
                               "borrow the money"),
                              ("Fishermen angry over mooring fee rise",
                               "Boats block harbour mouth", "Talks between board")),
    "r10_colon_facts": ("What the new parking rules mean for you",
                        ("drivers need to know about are these:",
                         "free for the first hour", "will rise to 70 pounds",
                         "lost trade to the retail park"), ()),
    "r10_liveblog": ("Live: Storm Agnes hits the coast",
                     ("two people have been rescued", "about 3,000 homes",
                      "Gusts of 85 miles an hour", "welcome to our live coverage"), ()),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, kept, dropped = CASES[name]
    check_page(name, title, DATE, kept, dropped)


def test_a_live_blog_keeps_its_entries_once_and_in_order() -> None:
    """Entries of one class, a short paragraph each (a weak winner): all of them, once each,
    newest first as the page has them."""
    body = check_page("r10_liveblog", "Live: Storm Agnes hits the coast", DATE, (), ()).body
    firsts = ["two people have been rescued", "about 3,000 homes", "seafront road is now closed",
              "Gusts of 85 miles an hour", "welcome to our live coverage"]
    places = [body.find(phrase) for phrase in firsts]
    assert -1 not in places and places == sorted(places)
    assert all(body.count(phrase) == 1 for phrase in firsts)


def test_an_announced_list_is_no_list_of_the_sites_own_pages() -> None:
    """After a sentence ending in a colon, a list mostly of links to the page's own site (a
    relative address, or its canonical host) is teasers; links to another host, or a list of
    facts with a link in it, are what the sentence announced."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.introlists import add_announced
    intro = "<p>The board's chairman said in a statement on Wednesday:</p>"
    after = "<p>The hearing is expected to last three days, lawyers said.</p>"
    lists = ("<ul><li><a href='/news/1'>Fishermen angry over fee rise</a></li></ul>",
             "<ul><li><a href='http://127.0.0.1/news/2'>Boats block the harbour</a></li></ul>",
             "<ul><li><a href='http://127.0.0.2/pull/3'>jit: allow casts to pointers</a></li></ul>",
             "<ul><li>Fees rise by half from June, <a href='/fees'>the table</a> shows</li></ul>")
    html = ("<html><head><link rel='canonical' href='http://127.0.0.1/story'></head><body><div>"
            + "".join(intro + found + after for found in lists) + "</div></body></html>")
    box = LexborHTMLParser(html).css_first("div")
    assert box is not None
    kept = [node for node in add_announced(box.css("p")) if node.tag == "ul"]
    assert [(node.text() or "")[:4] for node in kept] == ["jit:", "Fees"]
