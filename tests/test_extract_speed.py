"""The extractor's shortcuts (cheaper ways to the same result) keep their result."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from monitor import (
    caseless,
    dates,
    datetext,
    dom,
    leftovers,
    linetests,
    placement,
    scoring,
    series,
    streamed,
    tagids,
    utcday,
    voting,
)
from monitor import selectors as sel
from monitor.clean import normalize_line
from monitor.consentbox import consent_box
from monitor.encoding import decode_html
from monitor.extract import block_elements, explicit_bodies, extract, parse
from monitor.liveheads import entry_heading
from monitor.loginbox import login_boxes
from monitor.signupbox import signup_box

PAGES = Path(__file__).parent / "pages"
def with_test_pages(page: str) -> list[str]:
    """``page`` and then every test page of tests/pages: the inputs a shortcut must agree on."""
    return [page] + [p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted(PAGES.glob("*.html"))]


PROSE = ("The council voted on Tuesday to extend the tram network by eleven kilometres, "
         "adding two lines.")


@pytest.mark.parametrize("page", sorted(PAGES.glob("*.html")), ids=lambda p: p.name)
def test_parse_without_events_builds_the_default_tree(page: Path) -> None:
    """parse() turns lexbor's mutation events off; the tree must not depend on them."""
    text = page.read_text(encoding="utf-8", errors="replace")
    assert parse(text).html == parse(text).html  # (the <title> repair is deterministic)
    if "</title" in text.lower():
        # events on; streamed segments put in place alike
        reference = LexborHTMLParser(text, scripting=True)
        if streamed.present(reference):
            streamed.reveal(reference, text)
        assert parse(text).html == reference.html


@pytest.mark.parametrize("text", [
    "<p>a\x00b</p>", "<p>wide ’ a\x00b</p>", "<title>t\x00<p>x\x00</p>", "<p>\ud800 ’\x00</p>",
    "<p>no nul ’ 海</p>", "", "\x00",
])
def test_parse_neutralises_nuls_as_the_text_replace_did(text: str) -> None:
    """parse() looks for NULs in the UTF-8 bytes it hands lexbor; the tree is the one the
    replaced str gave (lone surrogates dropped as selectolax drops them)."""
    reference = LexborHTMLParser(parse(text.replace("\x00", "\ufffd")).html or "")
    assert parse(text).html == reference.html
    plain = LexborHTMLParser(text.replace("\x00", "\ufffd"),
                             options=LexborDocumentOptions.WO_EVENTS, scripting=True)
    if "<title>" not in text:
        assert parse(text).html == plain.html


def test_select_options_never_reach_the_body() -> None:
    """Events would copy the chosen option into <selectedcontent>; selects are junk anyway."""
    html = (f"<html><body><article><p>{PROSE}</p><select><button><selectedcontent>"
            "</selectedcontent></button><option selected>Pick this option</option></select>"
            f"<p>{PROSE}</p></article></body></html>")
    assert "Pick this option" not in extract(html).body


def test_boilerplate_share_is_of_the_text_before_any_removal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The share guard compares with the whole text as it was before the first removal,
    read only when some block is found."""
    reads: list[str] = []

    def counting(node: object, deep: bool = True) -> int:
        reads.append(getattr(node, "tag", ""))
        return scoring.text_len(node, deep)  # type: ignore[arg-type]

    monkeypatch.setattr(dom, "text_len", counting)
    tree = parse(f"<body><aside>{'a' * 60}</aside><p>{'p' * 30}</p>"
                 f"<aside>{'b' * 45}</aside></body>")
    root = tree.body
    assert root is not None
    dom.remove_boilerplate(root, "nav", 0.6)
    assert reads == []  # nothing matched: no text was read
    dom.remove_boilerplate(root, "aside", 0.6)
    # 60 and 45 are both under 0.6 * 135; against the text left after the second aside
    # went (90) the first one would have been kept
    assert root.css("aside") == []
    assert reads.count("body") == 1


def _votes(items: str) -> dict[int, scoring.Candidate]:
    tree = parse(f"<body><ul>{items}</ul></body>")
    assert tree.body is not None
    return voting.score_candidates(tree.body)


def test_a_long_list_item_votes_like_a_paragraph() -> None:
    assert _votes(f"<li>{PROSE} <span><a href='/x'>one link</a></span></li>")


def test_a_list_item_holding_a_block_does_not_vote() -> None:
    """A block however deep (here a <div> inside a <span>) makes the item a container."""
    assert not _votes(f"<li>{PROSE} <span><b><div>more</div></b></span></li>")


def test_a_mostly_linked_list_item_does_not_vote() -> None:
    """Every link counts, nested ones too: here 59 of the item's 121 characters."""
    first = f"<span><a href='/a'>{'x' * 30}</a></span>"
    second = f"<i><a href='/b'>{'y' * 29}</a></i>"
    assert not _votes(f"<li>{'z' * 60} {first} {second}</li>")
    assert _votes(f"<li>{'z' * 60} {first} <i>{'y' * 29}</i></li>")  # 30 of 121


def test_junk_removal_is_strip_tags_in_one_walk() -> None:
    """Nested junk (a style in an svg, an embed in an object), junk in <head> and at the top
    level all go, and what is left is the tree strip_tags leaves."""
    html = ("<html><head><style>x</style><script>y</script></head><body><p>keep</p>"
            "<svg><style>s</style><text>t</text></svg><object><embed src=e><p>o</p></object>"
            "<div><button>b<select><option>o</option></select></button>tail</div>"
            "<noscript><iframe></iframe>n</noscript></body></html>")
    pages = with_test_pages(html)
    # (an accordion's toggle button in a heading stays: its label is the section's heading)
    pages = [page for page in pages if "aria-expanded" not in page]
    for page in pages:
        ours, reference = parse(page), parse(page)
        dom.remove_junk(ours)
        reference.strip_tags(list(sel.JUNK_TAGS))
        assert ours.html == reference.html
    tree = parse(html)
    dom.remove_junk(tree)
    assert tree.html is not None and "<style" not in tree.html and "<embed" not in tree.html
    assert tree.body is not None and tree.body.text() == "keeptail"


def test_block_walk_finds_what_the_block_selector_finds() -> None:
    """block_elements (one traverse) returns css(BLOCK_SELECTOR)'s nodes, in its order, the
    node itself included, whatever the nesting or the markup's case."""
    html = ("<body><DIV id=a><p>one<br>two</p><ul><li><b>x</b><div>y</div></li></ul><!-- c -->"
            "<table><tr><td>z</td></tr></table><custom-p>w</custom-p><span>v</span></DIV></body>")
    pages = with_test_pages(html)
    for page in pages:
        tree = parse(page)
        dom.remove_junk(tree)
        for root in (tree.body, tree.css_first("div")):
            if root is not None:
                expected = [n.mem_id for n in root.css(sel.BLOCK_SELECTOR)]
                assert [n.mem_id for n in block_elements(root)] == expected


@pytest.mark.parametrize("block", [
    "<div hidden>h</div>", "<div aria-hidden=true>a</div>", "<p style='DISPLAY: none'>s</p>",
    "<span style='x;visibility:hidden'>v</span>", "<div HIDDEN=''>e</div>", "<p>none</p>",
])
def test_the_hidden_query_is_skipped_only_where_it_finds_nothing(block: str) -> None:
    """_auto_nodes runs sel.HIDDEN_BLOCKS only where an element holds one of the attributes
    of _MAY_HIDE: wherever that query finds a block, the cheaper one finds an element; and
    where it finds none, the boilerplate query without its hidden parts finds what the
    whole one finds."""
    for page in with_test_pages(f"<body><article><p>{PROSE}</p>{block}</article></body>"
                                "<nav>n</nav><footer class=footer>f</footer>"):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        if root.css(sel.HIDDEN_BLOCKS):
            assert root.css_first(leftovers.MAY_HIDE) is not None
        if root.css_first(leftovers.MAY_HIDE) is None:
            expected = [n.mem_id for n in root.css(sel.GLOBAL_BOILERPLATE)]
            assert [n.mem_id for n in root.css(leftovers.global_query([], None))] == expected
    assert len(leftovers.global_query([], None).split(", ")) == len(
        sel.GLOBAL_BOILERPLATE.split(", ")) - len(leftovers.HIDDEN_PARTS)


@pytest.mark.parametrize("block", [
    "<div hidden class=comments>h</div>", "<div aria-hidden=TRUE>a</div>",
    "<div class=commentary><p>c</p></div>", "<div id=Comments>c</div>",
    "<section class='post-comments'><p>c</p></section>", "<span class=x-comment-y>s</span>",
    "<p style='display:none'>s</p><div hidden><h1>t</h1></div>", "<p>none</p>",
])
def test_the_global_query_leaves_out_only_selectors_whose_elements_are_gone(block: str) -> None:
    """After the hidden pass and remove_comments, leftovers.global_query lists what
    sel.GLOBAL_BOILERPLATE lists: the parts it leaves out find nothing left."""
    for page in with_test_pages(f"<body><article class=comment-open><p>{PROSE}</p>{block}"
                                "</article><nav>n</nav><footer class=footer>f</footer></body>"):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        hiding = root.css_first(leftovers.MAY_HIDE) is not None
        hidden_left = dom.remove_boilerplate(root, sel.HIDDEN_BLOCKS, 0.6) if hiding else []
        first = dom.best_candidate(voting.count(voting.read(root)), family=False)
        protect = dom.ancestry(first.node if first is not None else None)
        for comments_left in (None, dom.remove_comments(root, protect)):
            query = leftovers.global_query(hidden_left, comments_left)
            assert [n.mem_id for n in root.css(query)] == \
                [n.mem_id for n in root.css(sel.GLOBAL_BOILERPLATE)]


@pytest.mark.parametrize("body", [
    "<div itemprop=headline>h</div><p property='articleBody'>a</p><div itemprop=articleBody>b</div>",
    "<div itemprop=ARTICLEBODY>a</div><div itemprop='articleBody '>b</div><div itemprop>c</div>",
    "<div ITEMPROP=reviewBody>r</div>", "<span property=schema:articleBody>s</span>",
    "<div property='og:title' itemprop='x'><div property=articleBody itemprop=y>z</div></div>",
    "<p>none</p>",
])
def test_explicit_body_is_the_first_node_the_explicit_selector_finds(body: str) -> None:
    """explicit_bodies' first (one two-attribute query, values tested in Python) = css_first."""
    pages = with_test_pages(f"<body>{body}</body>")
    for page in pages:
        root = parse(page).body
        assert root is not None
        expected = root.css_first(sel.EXPLICIT_BODY)
        parts = explicit_bodies(root)
        found = parts[0] if parts else None
        assert (found and found.mem_id) == (expected and expected.mem_id)


def test_marked_dates_list_what_the_date_selectors_list() -> None:
    """marked_dates (a three-part query, values tested in Python) = css(DATE_NODES), a node
    once per selector it matches: case, ~= word splitting and repeated words included."""
    html = ("<head><meta property='og:title dc:date' content=x></head><body>"
            "<time itemprop=datePublished pubdate datetime=x property='dc:date dc:date dc:created'>"
            "t</time><span itemprop='a\tdatePublished\nb'>s</span><span itemprop='a\xa0datePublished'>"
            "n</span><b itemprop=DATEPUBLISHED property='dcterms:date\x0cschema:datePublished'>b</b>"
            "<TIME DATETIME=1>u</TIME><time>v</time><i property>w</i><i itemprop=x>y</i></body>")
    pages = with_test_pages(html)
    for page in pages:
        tree = parse(page)
        dom.remove_junk(tree)
        expected = [n.mem_id for n in tree.css(dates.DATE_NODES)]
        assert [n.mem_id for n in dates.marked_dates(tree)] == expected
    assert len(dates.marked_dates(parse(html))) == 10
    # a property value is split into words only when it holds a hint of a marked name
    assert all(any(hint in name for hint in dates._PROPERTY_HINTS)
               for name in dates.MARKED_PROPERTIES)


@given(st.text(alphabet="0123456789/.-年月 JunSepMarapr,", max_size=40), st.booleans())
def test_cached_date_reading_is_the_reading(text: str, month_first: bool) -> None:
    """parse_date remembers what it read; a second read, and the uncached read, agree."""
    uncached = datetext._parse_date.__wrapped__  # type: ignore[attr-defined]
    expected = uncached(text.strip()[:300], month_first) if text else None
    assert datetext.parse_date(text, month_first) == expected
    assert datetext.parse_date(text, month_first) == expected


_WORDS = ["getty images", "shutterstock", "istock", "alamy", "ap photo", "afp", "reuters", "epa",
          "subscribe", "sign up", "newsletter", "newsletters", "follow us", "share it with",
          "follow the paper on twitter", "GETTY  Images)", "ſhutterſtock", "İstock", "ıstock",
          "Photo: AFP", "x", ")", " ", ".", "\n"]


@given(st.lists(st.sampled_from(_WORDS), max_size=8).map("".join))
def test_line_pattern_lookaheads_change_no_match(line: str) -> None:
    """The first-letter lookaheads of CALL_TO_ACTION and PHOTO_CREDIT_END are redundant."""
    credit = re.compile(sel.PHOTO_CREDIT_END.pattern.replace("(?=[aegirs])", ""), re.I)
    cta = re.compile(sel.CALL_TO_ACTION.pattern.replace("(?=[fns])", ""), re.I)
    assert credit.pattern != sel.PHOTO_CREDIT_END.pattern
    assert cta.pattern != sel.CALL_TO_ACTION.pattern
    found = sel.PHOTO_CREDIT_END.search(line)
    expected = credit.search(line)
    assert (found and found.span()) == (expected and expected.span())
    assert [(m.span(), m.groupdict()) for m in sel.CALL_TO_ACTION.finditer(line)] == [
        (m.span(), m.groupdict()) for m in cta.finditer(line)]


def _plain_call_to_action(line: str) -> bool:
    """linetests._call_to_action before its shortcuts: the whole line searched."""
    if len(line) < 140 and sel.PHOTO_CREDIT_END.search(line):
        return True
    for match in sel.CALL_TO_ACTION.finditer(line):
        if match.group("start"):
            before = line[: match.start()].rstrip()
            if not before or (len(before) <= 120 and before[-1] in ".!?"):
                return True
        elif match.group("end"):
            if len(line) - match.end() <= 21:
                return True
        elif match.start() <= 100:
            return True
    return False


@given(st.lists(st.sampled_from([*_WORDS, "Subscribe", "SIGN  UP", "Newsletter.", "ſhare it with",
                                 "ſign up", "sİgn up", "ſubscribe", "newsletter’s", "Follow\tus",
                                 "foİlow", "photo:\u00a0", "’", "ı", "x" * 40]),
                max_size=10).map("".join).map(normalize_line))
def test_call_to_action_shortcuts_change_no_answer(line: str) -> None:
    """On a normalised line, the credit searched in the line's tail and the ASCII word test
    before the call-to-action search give the plain searches' answer."""
    assert linetests._call_to_action(line, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END) == \
        _plain_call_to_action(line)


@given(st.lists(st.sampled_from(["1", "2023", "9th", "10h", ":", ".", "/", "-", "٣", "２", "May",
                                 "ST", "x", "é", ",", ";", "’", "12:30", "Jan."]), min_size=1,
                max_size=5).map("".join))
def test_date_word_shortcut_changes_no_answer(word: str) -> None:
    """_date_word tries the number pattern only on a word that starts as a number can."""
    bare = word[:-1] if word[-1] in ",.:;" else word
    plain = bare.lower() in linetests._DATE_NAMES or \
        linetests._DATE_NUMBER.fullmatch(bare or word) is not None
    assert linetests._date_word(word) == plain


def test_call_to_action_words_are_in_every_match() -> None:
    """Each alternative of CALL_TO_ACTION holds one of linetests.CTA_WORDS."""
    for text in ("Subscribe", "sign up", "NEWSLETTERS", "follow us", "follow the paper on twitter",
                 "share it with"):
        found = sel.CALL_TO_ACTION.search(text)
        assert found is not None
        assert any(word in found.group(0).lower() for word in linetests.CTA_WORDS)


@pytest.mark.parametrize(("data", "content_type"), [
    (b"<p>a\x00b \xe2\x80\x99</p>", None), (b"<p>a+AAA-b</p>", "text/html; charset=utf-7"),
    (b"<p>\xe9\x00</p>", "text/html; charset=windows-1252"), (b"<p>\xe2\x80\x99 x</p>", None),
    (b"\xff\xfea\x00\x00\x00", None), (b"<p>\xe9</p>", "text/html; charset=iso-8859-2"),
])
def test_decoding_skips_the_nul_search_only_when_no_nul_can_be_there(
    data: bytes, content_type: str | None
) -> None:
    """decode_html trusts memchr over the bytes only for codecs whose U+0000 is a 0x00 byte."""
    text, encoding = decode_html(data, content_type)
    assert "\x00" not in text
    assert text == data.decode(encoding, errors="replace").lstrip("\ufeff").replace("\x00", "\ufffd")


def test_remove_junk_keeps_only_a_heading_that_is_a_toggle() -> None:
    """One walk removes the junk tags (svg, buttons) as strip_tags would, except a button
    that is a whole accordion heading (its label is an FAQ question); a control beside a
    heading's own text ("Hide") and a menu's toggle still go."""
    tree = parse("<body><h3><button aria-expanded='false'><svg></svg>Who pays?</button></h3>"
                 "<h2>Key points <button aria-expanded='true'>Hide</button></h2>"
                 "<div><button aria-expanded='false'>Menu</button></div></body>")
    dom.remove_junk(tree)
    body = tree.body
    assert body is not None
    assert body.html == ("<body><h3><button aria-expanded=\"false\">Who pays?</button></h3>"
                         "<h2>Key points </h2><div></div></body>")


def _label_words() -> list[str]:
    """The label words of selectors.PUBLISHED_LABEL, read off its alternation (a character
    class spelled out: "publicad[oa]" is "publicado" and "publicada")."""
    group = re.search(r"\(\?:first\\s\+\)\?\(\?:(.*?)\)\(\?:", sel.PUBLISHED_LABEL.pattern)
    assert group is not None
    words = []
    for word in group.group(1).split("|"):
        word = word.replace(r"\s+", " ")
        found = re.search(r"\[(\w+)\]", word)
        words += [word[:found.start()] + c + word[found.end():] for c in found.group(1)] \
            if found else [word]
    return words


_LABEL_PIECES = [*_label_words(), "first ", "First\n", "\n", "\n \t", "\n\n", " on ", ": ",
                 "：", "2021-09-27 10:05", "Sept 8, 2020", "x", "ſ", "İ", "Daily news\n"]


@given(st.lists(st.sampled_from(_LABEL_PIECES), max_size=12).map("".join).map(
    lambda text: text.upper() if len(text) % 3 == 0 else text))
def test_label_lines_are_the_label_pattern_matches(text: str) -> None:
    """dates._labels (the full pattern tried only after a newline a label word can follow)
    finds what selectors.PUBLISHED_LABEL's finditer finds, case and blank lines included."""
    assert [m.span() for m in dates._labels(text)] == [
        m.span() for m in sel.PUBLISHED_LABEL.finditer(text)]


def test_every_label_word_opens_a_label_line() -> None:
    """The first-letter filter knows every label word of PUBLISHED_LABEL in any case (a new
    word with another first letter must be added to dates._LABEL_LINE_START)."""
    words = _label_words()
    assert len(words) > 10
    for word in words:
        for cased in (word, word.upper(), word.title()):
            text = f"Intro\n  {cased}: 2021-09-27 10:05\n\tfirst {cased} 8 May 2020\n"
            assert len(list(dates._labels(text))) == 2, cased
    for page in with_test_pages(""):
        tree = parse(page)
        text = tree.body.text(separator="\n") if tree.body is not None else ""
        assert [m.span() for m in dates._labels(text)] == [
            m.span() for m in sel.PUBLISHED_LABEL.finditer(text)]


_NUMERIC_PIECES = ["1", "12", "31", "9", "19", "20", "2021", "1999", "/", ".", "-", " ", "a",
                   "x9", "٣", "２", "\n", "/20", ".19", "-2024", "12/31/2021", "1.2.2020"]


@given(st.lists(st.sampled_from(_NUMERIC_PIECES), max_size=14).map("".join))
def test_numeric_dates_are_the_numeric_pattern_matches(text: str) -> None:
    """datetext.numeric_dates (the pattern tried only a few characters before a separator
    and a century) finds what the pattern's finditer finds: overlaps, long digit runs, a
    letter or a non-ASCII digit before the day, a date at the very start."""
    assert [m.span() for m in datetext.numeric_dates(text)] == [
        m.span() for m in datetext._NUMERIC.finditer(text)]


def test_numeric_dates_on_page_text() -> None:
    for page in with_test_pages("<p>09/27/2021 and 1-20-2020-1999, 3.4.2011.</p>"):
        tree = parse(page)
        text = tree.body.text(separator="\n") if tree.body is not None else ""
        assert [m.span() for m in datetext.numeric_dates(text)] == [
            m.span() for m in datetext._NUMERIC.finditer(text)]


def test_tag_ids_test_what_tag_names_test() -> None:
    """A tag-id set test (monitor.tagids) is the tag-name set test it replaces, on every
    element: SVG and MathML content, table parts, custom and unknown tags, any case."""
    names = sel.JUNK_TAGS + sel.BLOCK_TAGS
    ids = tagids.tag_ids(names)
    html = ("<body><SVG><style>s</style><script>x</script><foreignObject><p>f</p></foreignObject>"
            "<a>l</a></svg><math><mi>m</mi><style>t</style></math><table><caption>c</caption>"
            "<tr><TD>d</TD><th>h</th></tr></table><x-p>w</x-p><p-x>v</p-x><dialog><p>q</p>"
            "</dialog><image src=i><center>z</center><template><div>t</div></template></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        assert tree.root is not None
        for node in tree.root.traverse(include_text=True):
            assert (node.tag in names) == (node.tag_id in ids), node.tag
    with pytest.raises(ValueError):
        tagids.tag_ids(("x-custom",))


def test_deep_text_is_the_text_of_every_element() -> None:
    """scoring.deep_text (lexbor's text content) reads what text() reads, for elements."""
    html = ("<body><p>a<!-- c --><b> b </b>\x00<?pi x?></p><svg><text>t</text><![CDATA[d]]></svg>"
            "<template><p>in</p></template><pre>\n x\r\n</pre><p>\u2019\ud83d\ude00</p></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        assert tree.root is not None
        for node in tree.root.traverse():
            if node.is_element_node:
                assert scoring.deep_text(node) == node.text(), node.tag


def _votes_of(cands: dict[int, scoring.Candidate]) -> list[tuple[object, ...]]:
    return [(key, c.order, c.score, c.raw, c.paragraphs, c.chars, c.own, c.node.mem_id)
            for key, c in cands.items()]


def test_second_vote_counts_what_a_fresh_vote_counts() -> None:
    """The second vote (the first one's reading, with what the removals changed read again)
    is score_candidates of the pruned page: voters gone with a block, texts that lost a part
    or gained a paragraph break where a block between bare lines went."""
    html = (f"<body><div class=main><p>{PROSE}</p><div>Bare line one of the text here."
            f"<aside>Side box</aside>Bare line two of the text here, after it.</div>"
            f"<p>{PROSE}<span class=related-link>Related: more</span></p>"
            f"<ul><li>{PROSE} <a href=/x>link</a></li></ul><span>{PROSE}</span></div>"
            f"<div class=sidebar><p>{PROSE}</p><li>{PROSE}</li></div>"
            f"<div id=comments><div class=comment><p>{PROSE}</p></div></div>"
            f"<footer><p>{PROSE}</p></footer></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        dom.remove_boilerplate(root, sel.HIDDEN_BLOCKS, 0.6)
        reading = voting.read(root)
        first = dom.best_candidate(voting.count(reading), family=False)
        protect = dom.ancestry(first.node if first is not None else None)
        removals = voting.Removals()
        dom.remove_comments(root, protect, removals)
        dom.remove_boilerplate(root, sel.GLOBAL_BOILERPLATE, 0.6, protect, removals)
        again = voting.count(voting.reread(reading, removals))
        assert _votes_of(again) == _votes_of(voting.score_candidates(root))


def test_decompose_leaves_every_node_under_a_block_without_parent() -> None:
    """reread tells the voters gone with a block by their missing parent: decompose()
    detaches each node under the block, not only the block."""
    for page in with_test_pages(f"<body><div><section><p>{PROSE}<b>x</b></p></section></div></body>"):
        tree = parse(page)
        if tree.body is None:
            continue
        for block in list(tree.body.css("div, section, ul, aside, nav, footer"))[::-1][:40]:
            if block.parent is None:
                continue  # (inside a block decomposed already)
            under = list(block.traverse())
            block.decompose()
            assert all(node.parent is None for node in under)


def test_second_vote_reads_again_what_the_removals_changed() -> None:
    """best_candidate with the Measures of the first vote (those of changed or removed
    nodes forgotten) chooses and scores as with fresh ones."""
    html = (f"<body><div class=main><p>{PROSE}</p><div class=story><p>{PROSE}</p>"
            f"<p>{PROSE} <a href=/x>a link in it</a></p><div class=share-tools>Share "
            f"<a href=/s>this</a></div></div><div id=comments><p>{PROSE}</p></div></div>"
            f"<div class=sidebar><p>{PROSE}</p><p>{PROSE}</p></div></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        dom.remove_junk(tree)
        root = tree.body
        if root is None:
            continue
        reading, measures = voting.read(root), scoring.Measures()
        first = dom.best_candidate(voting.count(reading), family=False, measures=measures)
        protect = dom.ancestry(first.node if first is not None else None)
        removals = voting.Removals()
        dom.remove_comments(root, protect, removals)
        dom.remove_boilerplate(root, sel.GLOBAL_BOILERPLATE, 0.6, protect, removals)
        measures.forget(removals.changed)
        for family in (True, False):
            again = voting.count(voting.reread(reading, removals))
            fresh = voting.count(voting.reread(reading, removals))
            carried = dom.best_candidate(again, family=family, measures=measures)
            expected = dom.best_candidate(fresh, family=family)
            assert (carried is None) == (expected is None)
            assert carried is None or expected is None or (
                carried.node.mem_id, carried.score) == (expected.node.mem_id, expected.score)
            assert _votes_of(again) == _votes_of(fresh)


_STAMP_PARTS = st.sampled_from([
    "2021-09-27", "2021-09-26", "T", " ", "02:05", ":00", ".5", "Z", "z", "+02:00", "-05:00",
    "+0000", "-0000", "+0530", "-", "+", "GMT", "x",
])


@given(st.lists(st.lists(_STAMP_PARTS, max_size=8).map("".join), max_size=4))
def test_offset_search_skips_only_stamps_without_one(stamps: list[str]) -> None:
    """local_offset passes over a stamp with no "+" and at most two "-" without a search:
    the same offset as searching every stamp."""
    expected = None
    for stamp in stamps:
        match = utcday.STAMP.search(stamp)
        if match and (found := utcday._offset(match.group(4))) is not None:
            expected = found
            break
    assert utcday.local_offset(stamps) == expected


def test_is_lists_each_node_of_a_selector_list_once() -> None:
    """prune_region's :is() query lists, in the same order, the nodes the selector list
    lists, each once instead of once per selector it matches."""
    html = ("<body><div class=a id=b style=c><figure class=f><figcaption id=g>x</figcaption>"
            "</figure><form style=x><picture class=p></picture></form><span>s</span></div></body>")
    for page in with_test_pages(html):
        tree = parse(page)
        dom.remove_junk(tree)
        if tree.body is None:
            continue
        listed = [n.mem_id for n in tree.body.css(dom._PRUNED[4:-1])]
        once = [key for i, key in enumerate(listed) if i == 0 or listed[i - 1] != key]
        assert [n.mem_id for n in tree.body.css(dom._PRUNED)] == once
        assert len(set(once)) == len(once)


def _prune_every_listing(region: LexborNode, keep_share: float, protect: set[int]) -> None:
    """dom.prune_region as it was: every listing of a node (one per selector it matches)
    decided on its own."""
    total = 0
    victims: list[tuple[LexborNode, int]] = []
    spared: set[int] = set()
    styles = dom._paragraph_styles(region)
    seen: set[int] = set()
    for node in region.css("[class], [id], [style], " + sel.REGION_BOILERPLATE_TAGS):
        mem_id, tag = node.mem_id, node.tag
        if mem_id in protect or mem_id in seen or tag in ("html", "body", "main", "article", "h1"):
            continue
        box = consent_box(node, region, protect) if tag == "label" else None
        if box is not None:
            node = box
        elif not dom.is_boilerplate(node) or entry_heading(node, node.tag):
            continue
        elif tag == "form":
            node = signup_box(node, region, protect)
        total = total or max(scoring.text_len(region), 1)
        if tag == "p" and node.attributes.get("class") in styles:
            continue
        if (tag == "span" and placement.in_code(node)) or placement.in_sentence(node):
            continue
        length = scoring.text_len(node)
        if length > keep_share * total or (box is None and scoring.holds_prose(node, length)
                                           and not dom.bio_box(node)):
            continue
        if not dom._opens_section(node, length, protect, spared):
            victims.append((node, length))
            seen.add(mem_id)
    for node in reversed(series.spare_series(victims, total)):
        dom.unlink(node)
    for node in login_boxes(region, protect):
        dom.unlink(node)


def test_prune_region_decides_a_node_listed_twice_once() -> None:
    """A node the query lists once per selector it matches (class and id and style) is
    decided once, as every listing of it was: the pruned region is the same."""
    html = (f"<body><div id=main class=story><p>{PROSE}</p><div id=share-1 class=share-box "
            "style='color:red'>Share</div><div id=h class=widget-top><h2 id=x class=y>Next</h2>"
            f"</div><div class=widget-body><p>{PROSE}</p></div><p id=p1 class=meta>By Ann</p>"
            f"<span id=s class=related style='x'>Related: more</span></div></body>")
    for page in with_test_pages(html):
        ours, reference = parse(page), parse(page)
        for tree, prune in ((ours, dom.prune_region), (reference, _prune_every_listing)):
            dom.remove_junk(tree)
            if tree.body is not None:
                prune(tree.body, 0.3, {tree.body.mem_id})
        assert ours.html == reference.html


_LINE_PIECES = ["Related", "STORIES", "more", " ", ":", "Share", "this", "Advertisement", "-", "[",
                "]", "Read", "ALSO", "Photo", "|", "Jane Doe", "IMG_0012.JPG", ".png", "Copyright",
                "All Rights Reserved", "you are here", ">", "Location", "Tags", "by", "signing up",
                "you agree", "terms", "5 min read", "Listen", "Table of Contents", "x", "1", "©",
                "Lesen Sie auch", "Weiterlesen", "To", "op", "Follow us on", "print", "a+", "e-mail"]


@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=8).map("".join))
def test_lowered_twin_matches_the_lines_the_pattern_matches(line: str) -> None:
    """An ASCII line lowered, matched by BOILERPLATE_LINE without re.I, is a match exactly
    when the pattern with re.I matches it (a non-ASCII line uses the pattern itself)."""
    assert caseless.twin(sel.BOILERPLATE_LINE) is not None
    for probe in (line, normalize_line(line)):
        assert caseless.matches(sel.BOILERPLATE_LINE, probe) == \
            (sel.BOILERPLATE_LINE.match(probe) is not None)


def test_lowered_twin_refuses_patterns_that_spell_upper_case() -> None:
    for pattern in (r"[A-Z]x", r"\x41", r"(?-i:a)b", r"\u0041", "\u212a", r"a\\Bc"):
        assert caseless.twin(re.compile(pattern, re.I)) is None
    assert caseless.twin(re.compile("ab")) is None  # (no re.I: nothing to gain)


_NAME_PIECES = ["Article", "BODY", "post", "-", "_", " ", "comment", "Comments", "Disqus", "side",
                "BAR", "widget", "nav", "Main", "content", "Logo", "site", "Name", "display",
                ":", "None", "visibility", "Hidden", "Getty", "Images", "Reuters)", "(", "AP Photo",
                "Source", "Updated", "Editor", "Jane", "Related", "Stories", "More", "Most Read",
                "x", "1", "2021", ";", "respond", "reply", "page", "story", "sponsor", "Share"]
_SEARCHED = (sel.NEGATIVE_CLASS, sel.POSITIVE_CLASS, sel.COMMENT_CLASS, sel.META_LINE,
             sel.PHOTO_CREDIT_END)


@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=8).map("".join), st.integers(-30, 30))
def test_lowered_twins_find_what_the_patterns_find(text: str, pos: int) -> None:
    """The twins of the patterns searched through caseless (class/id names, lines) find in
    an ASCII text what the patterns find; a credit in a line's tail cut off, what a search
    from the tail's start finds."""
    for pattern in _SEARCHED:
        assert caseless.twin(pattern) is not None
        assert caseless.finds(pattern, text) == (pattern.search(text) is not None)
        start = len(text) + pos if pos < 0 else pos
        assert caseless.finds(pattern, text, start) == (pattern.search(text, start) is not None)
    tail = linetests.CREDIT_TAIL
    assert caseless.finds(sel.PHOTO_CREDIT_END, text[-tail:]) == (
        sel.PHOTO_CREDIT_END.search(text, len(text) - tail) is not None)


def test_printable_text_holds_no_space_but_the_ascii_one() -> None:
    """normalize_line returns a printable line with single inner spaces as it is: no
    character str.split() splits at is printable but U+0020 (nor U+200B, U+FEFF)."""
    assert not [code for code in range(0x110000)
                if chr(code).isspace() and chr(code).isprintable() and code != 0x20]
    assert not "\u200b".isprintable() and not "\ufeff".isprintable()
    for text in ("a b", "", "a  b", " a", "a ", "a\u00a0b", "a\u200bb", "\ue000a"):
        assert normalize_line(text) == " ".join(text.replace("\u200b", " ").split())
