"""Body parts lost on unseen news pages (issue 11, recall; session 26): the reading of a name
a newspaper glosses once (<ruby>), the line announcing a list the gathering took as a block
of its own, a subheading before one short sentence, and a section whose table of contents
made it read as links."""

from __future__ import annotations

from monitor.extract import extract, parse
from monitor.gapheads import with_headings
from tests.testpages import STORY, story_page

URL = "https://127.0.0.1/a"
# a name glossed once, with the brackets a browser without ruby support shows
GLOSSED = ("<p>市長の<ruby><rb>金海林</rb><rp>（</rp><rt>キムヘリム</rt><rp>）</rp></ruby>"
           "氏は三日、新しい路線の計画を発表した。工事は来年の春に始まる予定だという。</p>")


def _furigana(words: int) -> str:
    """A paragraph with a kana reading over each of ``words`` kanji words (easy-Japanese
    news: furigana throughout, no brackets)."""
    glossed = "".join("<ruby>駅<rt>えき</rt></ruby>と<ruby>港<rt>みなと</rt></ruby>"
                      for _ in range(words // 2))
    return f"<p>新しい路線は{glossed}を結びます。</p>"


def test_a_name_glossed_once_keeps_its_reading() -> None:
    """A news story that glosses one hard name keeps the reading, in its brackets: it is
    part of the sentence as printed."""
    body = extract(story_page(GLOSSED + STORY), URL).body
    assert "金海林（キムヘリム）氏は三日" in body
    assert "night bus network" in body


def test_furigana_throughout_stays_out() -> None:
    """Readings over every kanji (more than RARE_READINGS on the page) are annotations:
    each word would come twice."""
    body = extract(story_page(_furigana(6) + STORY), URL).body
    assert "駅と港" in body
    assert "えき" not in body and "みなと" not in body


def _column(lead_in: str, block: str) -> list[str]:
    """with_headings over a column of boxes whose third block is ``block`` (gathered),
    with ``lead_in`` in a box of its own before it."""
    tree = parse("<div id='c'><div class='b'>First block of the story, about the port.</div>"
                 "<div class='b'>Second block of the story, on exports.</div>"
                 f"<div><div>{lead_in}</div></div>"
                 f"<div class='b'>{block}</div>"
                 "<div class='b'>Last block of the story.</div></div>")
    return [node.text() for node in with_headings(tree.css("div.b"))]


def test_lead_in_of_a_list_gathered_as_a_block_stays() -> None:
    """gapheads: the colon line before a block that is a list and nothing else (its items
    voted) comes in, in its place."""
    found = _column("Exported were above all:",
                    "<ul><li>Machines and machine parts</li><li>Pharmaceuticals</li></ul>")
    assert found[2:4] == ["Exported were above all:",
                          "Machines and machine partsPharmaceuticals"]


def test_a_colon_line_before_a_prose_block_or_a_caption_stays_out() -> None:
    """Only a list's lead-in comes in: a colon line before a prose block, or a caption-like
    box before a list, is left as it was."""
    assert "Read more:" not in _column("Read more:", "<p>Imports are mostly food.</p>")
    assert "Photo: the port at dawn" not in _column(
        "Photo: the port at dawn", "<ul><li>Grain and rice</li><li>Textiles</li></ul>")


CLOSING = ("The governor said the fire had been brought under control by the evening, and that "
           "families could return home soon.")


def _parts(opening: str) -> str:
    """A story in part boxes; the second opens with a heading styled like the sidebar's
    boxes ("widget-title"), an image box, ``opening`` and then a paragraph of prose."""
    return story_page(
        f"<div class='part'>{STORY}</div><div class='part'>"
        "<h2 class='widget-title'>Two districts evacuated</h2>"
        f"<div class='widget-image'><img src='/fire.jpg' alt=''></div><p>{opening}</p>"
        f"<p>{CLOSING}</p></div>")


def test_a_subheading_before_one_short_sentence_stays() -> None:
    """subheads: a section that opens on one short sentence (past an image box) keeps its
    heading, however its class reads."""
    lines = extract(_parts("Two districts were evacuated on Tuesday."), URL).body.split("\n")
    at = lines.index("Two districts evacuated")
    assert lines[at + 1] == "Two districts were evacuated on Tuesday." and lines[-1] == CLOSING


def test_a_boilerplate_heading_before_a_short_label_still_goes() -> None:
    """A short paragraph that ends no sentence (a gallery's title) opens no section: the
    heading named like the sidebar's still goes."""
    body = extract(_parts("Pictures from the scene"), URL).body
    assert "Two districts evacuated" not in body
    assert "night bus network" in body and CLOSING in body


SECTIONS = [
    "The city council voted on Tuesday to extend the tram network to the harbour, after a "
    "year of complaints from ferry passengers about the last connections of the evening.",
    "The new line will open in March and run every ten minutes between six in the morning "
    "and midnight, the committee said, and the fares will stay as they are.",
    "Opposition members said the plan was welcome but came too late for the summer, and "
    "asked for the budget to be published before the final vote in the spring.",
    "The council said the cost would be met from the parking budget, which rose by a fifth "
    "last year after new charges were brought in across the old centre.",
]
QUESTIONS = ["Which stops are planned along the new line?", "What will the tickets cost?",
             "When does the building work start?", "Who pays for the new trams?",
             "How long will the works take?", "Will the ferries keep running?"]


def _long_read(href: str) -> str:
    """A story in section boxes split by ad slots; the second opens with a short line and a
    box of links, one per question (``href`` and its number: "#q" points within the page)."""
    links = "<br>".join(f"<a href='{href}{i}'>{q}</a>" for i, q in enumerate(QUESTIONS))
    boxes = [f"<p>{SECTIONS[0]}</p><p>{SECTIONS[1]}</p>",
             "<p>Many questions are still open.</p><div class='callout'><strong>In this "
             f"article:</strong><br>{links}</div><h3 id='q0'>Which stops are planned?</h3>"
             f"<p>{SECTIONS[2]}</p>",
             f"<p>{SECTIONS[3]}</p>"]
    sections = "<div class='ad'>Advertisement</div>".join(
        f"<div class='row'><div class='col'>{box}</div></div>" for box in boxes)
    return (f"<html><head><title>Trams</title></head><body><article><h1>Trams</h1>{sections}"
            "</article></body></html>")


def test_a_section_with_a_table_of_contents_stays() -> None:
    """pagelinks: links to the page's own anchors do not make a section navigation; the
    section comes in with its heading, and the contents' links still go (link lines)."""
    lines = extract(_long_read("#q"), URL).body.split("\n")
    at = lines.index("Which stops are planned?")
    assert lines[at + 1] == SECTIONS[2] and lines[-1] == SECTIONS[3]
    assert QUESTIONS[1] not in lines


def test_a_box_of_links_to_other_stories_still_keeps_its_section_out() -> None:
    """The same box linking to other pages is navigation: its section stays out."""
    body = extract(_long_read("https://other.example/story-"), URL).body
    assert SECTIONS[2] not in body and QUESTIONS[1] not in body
    assert SECTIONS[0] in body and SECTIONS[3] in body
