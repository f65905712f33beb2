"""Body parts lost on unseen pages (issue 11, recall; session 25): the line that announces a
list in a box of its own between the gathered boxes, and the heading over it."""

from __future__ import annotations

from monitor.extract import extract, parse
from monitor.gapheads import with_headings

STOPS = "The harbour line will stop at:"
LINKS_LABEL = "More from the council:"
SECTIONS = [
    "The city council voted on Tuesday to extend the tram network to the harbour, after a "
    "year of complaints from ferry passengers.",
    "The new line will open in March and run every ten minutes between six in the morning "
    "and midnight, the committee said.",
    "Opposition members said the plan was welcome but came too late for the summer, and "
    "asked for the budget to be published first.",
    "The council said the cost would be met from the parking budget, which rose by a fifth "
    "last year after new charges in the centre.",
]
VIDEOS = ("<div class='c9x'><div class='v3'><a href='/v1'>Video: trams at night</a> "
          "<a href='/v2'>Video: the depot</a> <a href='/v3'>Video: drivers</a> "
          "<a href='/v4'>More videos</a></div></div>")


def _box(inner: str) -> str:
    return f"<div class='c9x'><div class='r7k'>{inner}</div></div>"


def _column_page() -> str:
    """A story built as a column of boxes (text boxes, video link boxes between): a heading
    box, a box announcing a list and the list's box between two text boxes; further down a
    label over a list of links to other stories."""
    boxes = [_box(SECTIONS[0]), VIDEOS, _box(SECTIONS[1]),
             "<div class='c9x'><h2 class='t1q'><span>Which stops are planned?</span></h2></div>",
             _box(STOPS),
             _box("<ul><li>Ferry terminal</li><li>Fish market</li><li>Old customs house</li></ul>"),
             _box(SECTIONS[2]), VIDEOS, _box(LINKS_LABEL),
             _box("<ul><li><a href='/a'>Budget passed for next year</a></li>"
                  "<li><a href='/b'>New mayor sworn in at city hall</a></li></ul>"),
             _box(SECTIONS[3])]
    return ("<html><head><title>Trams to the harbour</title></head><body><main><div class='s1a'>"
            "<div class='c9x'><h1>Trams to the harbour</h1></div>" + "".join(boxes)
            + "</div></main></body></html>")


def test_list_lead_in_and_its_heading_between_gathered_boxes_stay() -> None:
    """A list's lead-in line in its own box between the boxes of the body comes in with the
    list, in its place, and so does the heading over it (it opens the list's section); a
    label over a list of links to other stories stays out with its list."""
    lines = extract(_column_page(), "https://127.0.0.1/a").body.split("\n")
    at = lines.index(STOPS)
    assert lines[at - 1] == "Which stops are planned?" and lines[at + 1] == "Ferry terminal"
    assert lines[0] == SECTIONS[0] and lines[-1] == SECTIONS[-1]
    assert LINKS_LABEL not in lines and "Budget passed for next year" not in lines


def test_lead_in_needs_a_colon_and_a_list_taken() -> None:
    """gapheads: the box before a list taken is its lead-in only when it is one short line
    ending in a colon; a box of other text before it (a caption) stays out."""
    tree = parse("<div id='c'><div class='b'>First block of the story.</div>"
                 "<div><div>Exported were above all:</div></div>"
                 "<div><ul><li>Machines</li><li>Pharmaceuticals</li></ul></div>"
                 "<div class='b'>Imports are mostly food.</div>"
                 "<div><div>Photo: the port at dawn</div></div>"
                 "<div><ul><li>Grain and rice</li><li>Textiles</li></ul></div>"
                 "<div class='b'>Last block of the story.</div></div>")
    found = [node.text() for node in with_headings(tree.css("div.b"))]
    assert found == ["First block of the story.", "Exported were above all:",
                     "MachinesPharmaceuticals", "Imports are mostly food.", "Grain and riceTextiles",
                     "Last block of the story."]


def _faq_page(faq: str) -> str:
    """A story, then an unnamed section titled as an FAQ (a builder's rich-text box)."""
    story = "".join(f"<p>{text}</p>" for text in SECTIONS)
    return ("<html><head><title>Trams to the harbour</title></head><body><main><article>"
            f"<h1>Trams to the harbour</h1><div class='rt body-text'>{story}</div>"
            f"<section class='rt'>{faq}</section></article></main>"
            "<footer><p>City Daily, 3 Market Square</p></footer></body></html>")


FAQ_ITEMS = ("<div class='item'><h3>When does the harbour line open?</h3><div class='rt-x'>"
             "<p>The first trams are due to run in March, once the tests on the new track "
             "are over.</p></div></div><div class='item'><h3>Will fares rise?</h3>"
             "<div class='rt-x'><p>No: the council said fares stay as they are until the end "
             "of next year at least.</p></div></div>")


def test_section_titled_as_an_faq_after_the_story_stays() -> None:
    """An FAQ after the story that no class names as one, titled by its first heading
    ("FAQ"), is the article's last section, questions and answers."""
    lines = extract(_faq_page(f"<h2>FAQ</h2>{FAQ_ITEMS}"), "https://127.0.0.1/a").body.split("\n")
    assert lines[0] == SECTIONS[0]
    assert lines[-4:] == ["When does the harbour line open?",
                          "The first trams are due to run in March, once the tests on the new "
                          "track are over.", "Will fares rise?",
                          "No: the council said fares stay as they are until the end of next "
                          "year at least."]


def test_section_titled_faq_of_links_stays_out() -> None:
    """A box titled "FAQ" that lists links to the site's help pages is not the article's."""
    links = "".join(f"<li><a href='/help/{n}'>How do I change my delivery address number {n}?</a>"
                    "</li>" for n in range(5))
    body = extract(_faq_page(f"<h2>FAQ</h2><ul>{links}</ul>"), "https://127.0.0.1/a").body
    assert SECTIONS[-1] in body and "delivery address" not in body
