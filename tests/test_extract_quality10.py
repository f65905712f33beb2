"""Quality 10: recall on pages where an anchor extractor kept more of the body (tune sets)."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).parent / "pages"


def test_a_list_its_paragraph_announces_stays_in_the_body() -> None:
    """Paragraphs and lists each in a box of their own (AsciiDoc's "paragraph"/"ulist"): the
    sentence "These patches were merged upstream this month:" stayed and the list of linked
    items it announced was lost. A list after the body's last paragraph (older reports) is
    not announced and stays out."""
    page = (PAGES / "announced_lists.html").read_bytes()
    body = extract(page, "https://blog.example/report-12").body
    assert "These patches were merged upstream this month:" in body
    assert "jit: allow casts between integers and pointers" in body
    assert "caused by a wrong object list" in body
    assert "With those, it is possible to build" in body
    assert "Progress report 11" not in body


def test_only_a_sentence_ending_in_a_colon_announces_a_list() -> None:
    """A short label ("Related:"), a label for other stories or a block that ends otherwise
    announces nothing."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.introlists import add_announced
    html = ("<div><p>Related:</p><ul><li><a href='/a'>Other story one</a></li></ul>"
            "<p>The mayor said the plan would cost less than the old one, and start in May.</p>"
            "<ul><li><a href='/b'>Other story two</a></li></ul><p>More text follows here.</p>"
            "<p>Read more about the tram plan in our earlier stories:</p>"
            "<ul><li><a href='/c'>Other story three</a></li></ul><p>Then the vote came.</p>"
            "<p>The council listed three reasons for the vote today:</p>"
            "<ul><li>cost</li><li>speed</li></ul><p>It meets again in June.</p></div>")
    box = LexborHTMLParser(html).css_first("div")
    assert box is not None
    paras = box.css("p")
    kept = add_announced(paras)
    lists = [node for node in kept if node.tag == "ul"]
    assert len(lists) == 1 and "cost" in (lists[0].text() or "")


def test_a_weak_winner_widens_to_the_cards_around_it() -> None:
    """A story told in cards, each a heading, one paragraph and an app's box of short
    labels: one card won the vote with a paragraph, and the others and the quote above were
    lost, since the labels (no vote) kept the voted share of the section around them under
    WIDEN_DENSITY. A winner of a sentence or two widens with a lower share."""
    page = (PAGES / "weak_winner_cards.html").read_bytes()
    body = extract(page, "https://apps.example/stories/roaster").body
    assert "the roastery is always looking for new ways" in body
    assert "A quiz asks a few simple questions" in body
    assert "Emails go out when a bag is likely to run out" in body
    assert "the best reviews appear on the product pages" in body
    assert "Copyright 2026" not in body


_TILE = ("<article class='tile'><div class='tile-content'><h3><a href='http://127.0.0.1/c/{n}'>"
         "Course {n}</a></h3><div class='summary'><div class='rich'><p>{text}</p></div></div>"
         "</div></article>")
_PROSE = ("A course for people who work, with evening classes, a mentor who answers questions "
          "between sessions, and a review of each student's portfolio at the end of the term.")


def _zone(name: str, tiles: int, extra: str = "") -> str:
    items = "".join(_TILE.format(n=f"{name}{i}", text=_PROSE) for i in range(tiles))
    return f"<div class='zone'><h2>{name}</h2><div class='zone-items'>{items}{extra}</div></div>"


def test_zones_built_like_the_winner_join_it_though_unvoted() -> None:
    """A listing split into zones ("zone > zone-items > tile > ... > p"): each paragraph
    votes two levels up only, so the other zones' boxes are no candidates and cousins never
    met them. Boxes of the winner's kind near it join, but not one holding a form (a
    paywall's sign-up box built like the body's) nor boxes holding less than the winner."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor import voting
    from monitor.scoring import Candidate
    from monitor.unvoted import add_unvoted
    form = ("<div class='zone-items'><p>" + _PROSE + "</p><form><input name='email'></form>"
            "</div>")
    html = ("<body><main><section class='listing'>" + _zone("a", 3) + _zone("b", 3)
            + _zone("c", 2) + form + "</section></main></body>")
    root = LexborHTMLParser(html).body
    assert root is not None
    boxes = root.css("div.zone-items")
    cands = voting.count(voting.read(root))
    best = Candidate(boxes[0], order=0)
    kept = add_unvoted(best, cands, [boxes[0]])
    assert [node.mem_id for node in kept] == [box.mem_id for box in boxes[:3]]
    small = LexborHTMLParser("<body><main><section>" + _zone("a", 3) + _zone("b", 1)
                             + "</section></main></body>").body
    assert small is not None
    first = small.css_first("div.zone-items")
    assert first is not None
    alone = add_unvoted(Candidate(first, order=0), {}, [first])
    assert [node.mem_id for node in alone] == [first.mem_id]


def test_the_next_story_of_an_endless_page_is_no_unvoted_box() -> None:
    """A page that appends the next story, its body built like the first, under the same
    ancestor: a box under its own <h1>, or in another <article>, stays out."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.scoring import Candidate
    from monitor.unvoted import add_unvoted
    body = "<div class='story-body'>" + f"<div><p>{_PROSE}</p></div>" * 2 + "</div>"
    longer = "<div class='story-body'>" + f"<div><p>{_PROSE}</p></div>" * 3 + "</div>"
    for wrap in ("<div class='story'><h1>Next story</h1>{}</div>", "<article>{}</article>"):
        html = ("<body><main><div class='lead'>" + body + "</div>" + wrap.format(longer)
                + "</main></body>")
        root = LexborHTMLParser(html).body
        assert root is not None
        first = root.css_first("div.story-body")
        assert first is not None and len(root.css("div.story-body")) == 2
        kept = add_unvoted(Candidate(first, order=0), {}, [first])
        assert [node.mem_id for node in kept] == [first.mem_id]


def test_an_html_comment_beside_the_list_is_no_child_of_its_box() -> None:
    """A box holding one list and an HTML comment is a box of one list (finalread: the
    comment counted as a second child)."""
    from monitor.extract import parse
    from monitor.introlists import _list_box
    box = parse("<div id='a'><!-- list --><ul><li>one</li><li>two</li></ul></div>").css_first("#a")
    assert box is not None and _list_box(box)
