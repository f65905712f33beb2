"""Precision 22, from the tune sets' worst pages: page chrome a story's container held and
extract() kept (newsletter pitches), and text it lost (cited addresses shown as links, the
section headings and lists between the blocks a body is gathered from). Each test page is
hand-written and checks both what goes and what stays."""

from __future__ import annotations

import pytest

from monitor import gapheads
from monitor.extract import extract, parse
from monitor.gapheads import with_headings
from tests.testpages import STORY, story_page


def _page(extra: str) -> str:
    return story_page(STORY + extra)


@pytest.mark.parametrize("pitch", [
    "Ground Game: Sign up for our weekly politics newsletter to get it in your inbox every Monday.",
    "Our website is your destination for the latest news, so make sure to bookmark our "
    "homepage and sign up for our newsletters so we can keep you informed.",
    "Love movies? The Watch Party newsletter has all the best recommendations, delivered "
    "right to your inbox. Sign up now.",
    "\"Hier ist Bayern\": Der Newsletter informiert Sie immer montags bis freitags über das "
    "Wichtigste vom Tag – kompakt und direkt in Ihrem privaten Postfach.",
    "Join our mailing list! Get a newsletter when an episode is published.",
])
def test_newsletter_pitch_inside_the_story_goes(pitch: str) -> None:
    """A pitch for the site's newsletter is a call to action wherever it opens: after a label,
    after other words ('and sign up for our newsletters'), or naming the reader's inbox."""
    body = extract(_page(f"<p>{pitch}</p>"), "https://127.0.0.1/a").body
    assert "night bus network" in body and "final vote" in body
    assert "newsletter" not in body.lower() and "mailing list" not in body.lower()


@pytest.mark.parametrize("prose", [
    "Officials urged residents to subscribe to industry newsletters and monitor the council's "
    "notices before the routes change in March.",
    "The council said 4,000 people had signed up for its newsletter, sent to your inbox "
    "weekly, since the routes were announced in May.",
    "Tickets: the committee said they would cost the same as a day fare on the trains.",
    "Police warned that a fake newsletter lands in your inbox with a link to a bogus login "
    "page for the new bus passes.",
    "\"Sign up for our newsletter,\" the pop-up on the fake ticket site read, before it asked "
    "for bank details.",
])
def test_story_lines_about_newsletters_stay(prose: str) -> None:
    """A sentence that reports sign-ups or warns of a newsletter, a call quoted, or a call
    that is not the site's, is the story's."""
    body = extract(_page(f"<p>{prose}</p>"), "https://127.0.0.1/a").body
    assert prose in body


def test_cited_address_shown_as_its_link_stays() -> None:
    """A link whose text is its own address cites the story's source (a reference list, a
    download): kept, while a linked headline of another story on a line of its own goes."""
    extra = ("<p>Sources:</p><p><a href='https://127.0.0.1/reports/night-bus-2024.pdf'>"
             "https://127.0.0.1/reports/night-bus-2024.pdf</a></p>"
             "<p><a href='http://127.0.0.1/minutes'>www.127.0.0.1/minutes</a></p>"
             "<p><a href='/other/story'>Mayor opens new cycle lane on the ring road</a></p>")
    body = extract(_page(extra), "https://127.0.0.1/a").body
    assert "https://127.0.0.1/reports/night-bus-2024.pdf" in body
    assert "www.127.0.0.1/minutes" in body
    assert "cycle lane" not in body


SECTIONS = [
    "The city council voted on Tuesday to extend the night bus network to the eastern "
    "suburbs, after a year of complaints from shift workers.",
    "The new routes will start in March and run every twenty minutes between midnight and "
    "five in the morning, the committee said.",
    "Opposition members said the plan was welcome but came too late for the winter, and "
    "asked for the budget to be published first.",
    "Drivers' unions said they had not been consulted on the rosters, and asked for talks "
    "before the routes open to passengers.",
    "The council said the cost would be met from the parking budget, which rose by a fifth "
    "last year after new charges in the centre.",
    "Residents of the eastern suburbs can comment on the timetable until the end of the "
    "month, on paper or at the town hall.",
]
VIDEOS = ("<div class='c9x'><div class='v3'><a href='/v1'>Video: buses at night</a> "
          "<a href='/v2'>Video: the depot</a> <a href='/v3'>Video: drivers</a> "
          "<a href='/v4'>More videos</a></div></div>")


def _column_page() -> str:
    """An explainer built as a column of boxes: text boxes, a heading box before some of
    them, video link boxes between (the body is gathered from the text boxes)."""
    boxes = []
    for index, text in enumerate(SECTIONS):
        if index == 2:
            boxes.append("<div class='c9x'><h2 class='t1q'><span>Where will the buses run?"
                         "</span></h2></div>")
        if index == 4:
            boxes.append("<div class='c9x'><div class='t2'><h2>Who pays for it?</h2></div></div>")
        boxes.append(f"<div class='c9x'><div class='r7k'>{text}</div></div>")
        if index in (1, 3):
            boxes.append(VIDEOS)
    return ("<html><head><title>Night buses</title></head><body><main><div class='s1a'>"
            "<div class='c9x'><h1>Night buses: what changes</h1></div>" + "".join(boxes)
            + "</div></main><aside><h2>Most read</h2><ul><li><a href='/x'>Another story "
            "here today</a></li></ul></aside></body></html>")


def test_section_headings_between_gathered_boxes_stay() -> None:
    """A heading box right before a text box the body is gathered from is that section's
    title: kept in its place; the sidebar's heading and the video links stay out."""
    lines = extract(_column_page(), "https://127.0.0.1/a").body.split("\n")
    assert lines.index("Where will the buses run?") == lines.index(SECTIONS[2]) - 1
    assert lines.index("Who pays for it?") == lines.index(SECTIONS[4]) - 1
    assert lines[0] == SECTIONS[0] and lines[-1] == SECTIONS[-1]
    assert "Most read" not in lines and not any("Video" in line for line in lines)


def test_teaser_heading_between_blocks_stays_out() -> None:
    """gapheads: a heading followed by its own teaser text (not a body block) is another
    story's, even between the blocks; one opening a block comes in, in document order."""
    tree = parse("<div id='c'><div class='b'>First block.</div><div class='t'><h3>Other "
                 "story</h3><p>Its teaser line.</p></div><div><h2>Costs</h2></div>"
                 "<div class='b'>Second block.</div></div>")
    blocks = tree.css("div.b")
    found = with_headings(blocks)
    assert [node.text() for node in found] == ["First block.", "Costs", "Second block."]
    assert with_headings(blocks[:1]) == blocks[:1]


def test_text_list_between_blocks_comes_in_and_a_link_list_stays_out() -> None:
    """gapheads: a list of text between the blocks (the goods a story enumerates) is the
    body's, in its place; a list of links there (other stories) is not."""
    tree = parse("<div id='c'><div class='b'>Germany sells machines to the country.</div>"
                 "<div><ul><li>Machines</li><li>Pharmaceuticals</li><li>Chemicals</li></ul>"
                 "</div><div><ul><li><a href='/a'>Another story about trade</a></li>"
                 "<li><a href='/b'>A second story about sanctions</a></li></ul></div>"
                 "<div class='b'>Imports are mostly food.</div></div>")
    found = [node.text() for node in with_headings(tree.css("div.b"))]
    assert found == ["Germany sells machines to the country.", "MachinesPharmaceuticalsChemicals",
                     "Imports are mostly food."]


def test_list_between_gathered_boxes_stays() -> None:
    """The routes a section lists, in a box of their own between the text boxes, stay in
    their place."""
    routes = ("<div class='c9x'><ul><li>Route N1 to Eastfield station</li>"
              "<li>Route N2 to Hilltop and the hospital</li></ul></div>")
    page = _column_page().replace(f"<div class='c9x'><div class='r7k'>{SECTIONS[2]}",
                                  f"{routes}<div class='c9x'><div class='r7k'>{SECTIONS[2]}")
    lines = extract(page, "https://127.0.0.1/a").body.split("\n")
    assert lines.index("Route N1 to Eastfield station") == lines.index(SECTIONS[2]) - 2
    assert lines.index("Route N2 to Hilltop and the hospital") == lines.index(SECTIONS[2]) - 1


def test_list_holding_a_block_is_not_taken_twice() -> None:
    """gapheads: a list between the blocks that holds one of them is not taken (the block's
    text would come in twice: once in the list, once as itself)."""
    tree = parse("<div id='c'><div class='b'>First block.</div><ul><li>An item of the list"
                 "</li><li><div class='b'>Middle block.</div></li></ul>"
                 "<div class='b'>Second block.</div></div>")
    found = [node.text() for node in with_headings(tree.css("div.b"))]
    assert found == ["First block.", "Middle block.", "Second block."]


@pytest.mark.parametrize(("line", "kept"), [
    ("Ground Game: Sign up for the weekly politics briefing.", False),
    ("The council's advice to shift workers was simple: sign up for the night pass early, "
     "because the places fill fast.", True),
])
def test_call_after_a_label_goes_and_after_a_clause_stays(line: str, kept: bool) -> None:
    """A sign-up after a label's colon is a call; after a clause's colon it is the story's."""
    body = extract(_page(f"<p>{line}</p>"), "https://127.0.0.1/a").body
    assert "night bus network" in body
    assert (line in body) is kept


def test_many_headings_after_the_blocks_read_the_same() -> None:
    """gapheads: a box with more than MANY headings and lists (a listing below the story) has
    their positions read once (docorder.Positions), with the same result."""
    listing = "".join(f"<div><h3>Teaser {index}</h3><ul><li>Teaser text number {index}</li></ul>"
                      "</div>" for index in range(40))
    tree = parse("<div id='c'><div class='b'>First block.</div><div><h2>Costs</h2></div>"
                 f"<div class='b'>Second block.</div>{listing}</div>")
    assert len(tree.css("#c h3, #c ul")) > gapheads.MANY
    found = [node.text() for node in with_headings(tree.css("div.b"))]
    assert found == ["First block.", "Costs", "Second block."]


def test_blocks_placed_out_of_document_order_stay_as_placed() -> None:
    """A lead or an FAQ put first on purpose comes out of document order: with_headings then
    adds nothing (sorting the sections in would move the placed block back); in order, the
    heading between the blocks comes in."""
    tree = parse("<html><body><div><div id='a'><p>First block of the story.</p></div>"
                 "<h2>A section</h2><div id='b'><p>Second block of the story.</p></div>"
                 "</div></body></html>")
    first, second = tree.css_first("#a"), tree.css_first("#b")
    assert [node.id for node in with_headings([second, first])] == ["b", "a"]
    assert [node.tag for node in with_headings([first, second])] == ["div", "h2", "div"]
