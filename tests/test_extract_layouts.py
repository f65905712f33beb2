"""Layout cases of the extractor beyond a page's must/must-not phrases: order of the parts,
copies kept once, widening limits, streamed segments, a widened region's header (issue 11).
Pages and phrases are those of test_extract_pages."""

from __future__ import annotations

import re

from monitor import regions
from monitor.extract import extract, extract_text, parse
from monitor.textnorm import normalize_line

from .test_extract_pages import COST, NORTH, PAGES, TRAM, TRAM_TITLE, WORKS


def test_noscript_in_head_leaves_the_head_whole() -> None:
    """A browser that runs scripts reads <noscript> as text; parsed as markup, its <img>
    closed <head> and the canonical link after it went with the body."""
    article = extract((PAGES / "noscript_unclosed.html").read_bytes())
    assert article.canonical_url == "https://news.example/tram-network-grows"
    assert article.title == "Tram network grows"


def test_duplicate_copy_is_kept_once() -> None:
    body = extract((PAGES / "hidden_copy.html").read_bytes()).body
    assert body.count(TRAM) == 1
    assert body.count(WORKS) == 1


def test_lead_paragraphs_stay_ahead_of_the_items() -> None:
    body = extract((PAGES / "nested_articles.html").read_bytes()).body
    assert body.index(TRAM) < body.index("The first line") < body.index(WORKS)


def test_labelled_date_after_a_long_menu() -> None:
    """A "Posted on" line is found below 25,000 characters of menus (one scan used to stop
    at 20,000)."""
    menu = "".join(f"<li>Section number {i} of the site menu</li>" for i in range(800))
    html = (f"<html><head><title>{TRAM_TITLE}</title></head><body><ul>{menu}</ul>"
            f"<h1>{TRAM_TITLE}</h1><div><span>Posted on April 13, 2023</span></div>"
            "<p>The city council voted on Tuesday to extend the tram network by eleven "
            "kilometres, adding two lines to the harbour and the hospital.</p></body></html>")
    assert extract(html, "https://news.example/a/12").published == "2023-04-13"


def _deep_sections(extra: str) -> str:
    """deep_sections.html with ``extra`` inside the block that holds the sections."""
    page = (PAGES / "deep_sections.html").read_text(encoding="utf-8")
    cut = page.index('<div class="more row">') - len("</div>")
    return page[:cut] + extra + page[cut:]


def test_widening_stops_at_other_articles() -> None:
    """Sections are gathered into their common block only while it holds no other
    <article>: a list of post teasers beside them is not part of the story."""
    teasers = "".join(
        f'<article class="teaser"><h4><a href="/a/{i}">Other story {i}</a></h4><p>{text}</p>'
        "</article>" for i, text in enumerate(("Ferry timetable changes from the first of "
                                              "next month for all harbour routes.",
                                              "The library reopens after two years of work "
                                              "on its roof and reading rooms.")))
    body = extract(_deep_sections(teasers)).body
    assert TRAM in body
    assert "Ferry timetable" not in body and "The library reopens" not in body


def test_widening_takes_long_articles_as_parts() -> None:
    """Cards that each hold a long part of the story (an <article> per chapter or tab) are
    not teasers: the block that holds them all is the body."""
    parts = {
        "harbour": ("The harbour line runs every six minutes at peak times and every ten in the "
                    "evening, from the old fish market to the cruise quay.",
                    "Its stops were drawn after two rounds of hearings in the districts, where "
                    "residents asked for a stop at the swimming baths.",
                    "The ferry company wants a stop beside its new terminal building and offered "
                    "to pay for the platform roof itself.",
                    "Fishermen fear the works will block the slipway during the spring season, "
                    "and the harbour master has asked for a written timetable of the works, week by "
                    "week, before anything is signed."),
        "hospital": ("The hospital line gets low platforms at all stops, so that prams and "
                     "wheelchairs roll straight in without a ramp.",
                     "A depot of its own is planned on the former barracks site, and the council "
                     "hopes to open it to school classes once a year.",
                     "Doctors at the clinic asked for night trams for the staff of late shifts, a "
                     "request the transport board is still weighing up.",
                     "The patients' council wants the stop at the main gate to have benches, a "
                     "roof and a screen that shows when the next two trams arrive, in large print and "
                     "in three languages."),
        "airport": ("The airport line costs more per kilometre than the others, because it runs "
                    "in a tunnel under the old town for two kilometres.",
                    "Travellers will reach the terminal from the main station in eighteen minutes, "
                    "half the time the express bus needs today.",
                    "Airlines have promised to sell combined tickets, although none of them has "
                    "said what such a ticket would cost.",
                    "Taxi drivers protested outside the town hall, saying the line would take "
                    "away most of their fares to the terminal on weekday mornings, and asked for a "
                    "rank at the new station."),
    }
    cards = "".join(
        f'<div class="c{i} slot"><div class="w{i} frame"><article class="a{i} card">'
        f'<div class="b{i} copy"><p>{one}</p><p>{two}</p><p>{three}</p><p>{four}</p></div>'
        "</article></div></div>" for i, (one, two, three, four) in enumerate(parts.values()))
    html = (f"<html><head><title>{TRAM_TITLE}</title></head><body><main><div class='zone'>"
            f"<h1>{TRAM_TITLE}</h1>{cards}</div></main></body></html>")
    body = extract(html).body
    assert all(f"The {name} line" in body for name in parts)


def test_widening_keeps_no_dialog() -> None:
    """The voted blocks of a widened body are spared by class pruning, but not a dialog or a
    byline box that holds a paragraph of its own."""
    extra = ('<div class="modal fade"><div class="modal-body"><p>Thank you for your feedback, '
             "our editors will review what you submitted and decide whether to revise the "
             'article.</p></div></div><div class="byline"><p>Anna Berg has covered the city '
             "council for the paper since 2015 and writes about transport and housing.</p></div>")
    body = extract(_deep_sections(extra)).body
    assert TRAM in body and WORKS in body
    assert "Thank you for your feedback" not in body and "Anna Berg" not in body


def test_widening_skips_a_copy() -> None:
    """A block that holds the sections twice (a responsive variant left visible) is not
    taken whole: the body holds each paragraph once."""
    page = (PAGES / "deep_sections.html").read_text(encoding="utf-8")
    start = page.index('<div class="k0x block">')
    copy = page[start:page.index('<div class="more row">') - len("</div>")]
    body = extract(_deep_sections(copy.replace('class="', 'class="m'))).body
    assert body.count(TRAM) == 1


def test_streamed_segments_go_where_the_script_puts_them() -> None:
    """$RC("B:0","S:1") puts segment S:1 in placeholder B:0: the story reads in order."""
    body = extract((PAGES / "streamed_segments.html").read_bytes()).body
    assert body.index(TRAM) < body.index(NORTH)


def test_streamed_segments_of_a_saved_copy() -> None:
    """A copy saved without scripts and markers: segments still fill the placeholders of the
    same number, and the bare "Loading ..." lines go."""
    page = (PAGES / "streamed_segments.html").read_text(encoding="utf-8")
    page = re.sub(r"<script>.*?</script>|<!--.*?-->", "", page)
    body = extract(page).body
    assert all(phrase in body for phrase in (TRAM, COST, NORTH, WORKS))
    assert "Loading" not in body


def test_sections_with_modifiers_are_one_kind() -> None:
    from monitor.extract import parse
    from monitor.gathering import _same_class, _same_kind

    tree = parse('<div class="rich-text">a</div><div class="rich-text mt-4">b</div>'
                 '<div class="caption mt-4">c</div>')
    plain, modified, other = tree.css("div")
    assert _same_class(modified, plain) and _same_kind(modified, plain)
    assert not _same_class(other, modified) and not _same_kind(other, modified)


def test_trimming_a_widened_region_keeps_a_leading_key_points_list() -> None:
    """The header boxes above a widened body go (a byline, a role, a date in unnamed
    boxes); a key-points list or a facts table that opens the body does not."""
    tree = parse("<body><div id='r'><div>By Jane Doe</div><div>Transport editor</div>"
                 "<ul><li>Two new lines to the harbour</li><li>Twelve stops</li></ul>"
                 "<table><tr><td>Cost</td><td>420m</td></tr></table>"
                 "<p>The city council voted on Tuesday to extend the tram network by eleven "
                 "kilometres.</p></div></body>")
    region = tree.css_first("#r")
    assert region is not None
    regions.trim_head(region, set())
    text = region.text()
    assert "By Jane Doe" not in text and "Transport editor" not in text
    assert "Two new lines to the harbour" in text and "420m" in text


def test_the_next_story_an_infinite_scroll_renders_is_dropped() -> None:
    """A page renders the next story below its own, each an <article> with an <h1>: the
    one the <title> names is the page's, though the next one is longer and dated. The
    benchmarks' extract_text drops it too (it kept the next story: a held-out page's F1)."""
    own = "<p>The port authority said that the works on the new quay start next month.</p>"
    other = "<p>The city council voted on Tuesday to extend the tram network by eleven " \
        "kilometres, adding two lines to the harbour and the hospital, officials said.</p>"
    page = (f"<html><head><title>Harbour works start | Example</title></head><body><main>"
            f"<article><h1>Harbour works start</h1>{own}</article><div>Next article</div>"
            f"<article><h1>Tram network grows</h1><time datetime='2024-05-30'>May 30</time>"
            f"{other * 4}</article></main></body></html>")
    article = extract(page, "https://news.example/a/1")
    assert article.body == normalize_line(own[3:-4])
    assert article.published is None
    assert extract_text(page, "https://news.example/a/1") == article.body


def test_a_removed_box_between_br_paragraphs_leaves_a_break() -> None:
    """Text written with <br>s around a promo box: removing the box keeps the two runs on
    their own lines."""
    runs = ("The port authority said that the works on the new quay start next month.",
            "Construction will last two years and cost about four hundred million yuan.")
    page = (f"<html><head><title>Harbour works start</title></head><body><h1>Harbour works "
            f"start</h1><div class='text'>{runs[0]}<p class='promo'><a href='/s'>Subscribe "
            f"now for unlimited access</a></p>{runs[1]}<br><br>{runs[0]}</div></body></html>")
    assert extract(page).body.split("\n")[:2] == list(runs)
