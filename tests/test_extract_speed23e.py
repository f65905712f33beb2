"""The shortcuts of session 23e answer as the plain forms do: the one-line tests' (is_dateline's
inlined word test, the odd-letter test asked once a line) and the title's (strip_site kept,
the title folded once, home_name's href, the block markers as bytes)."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import blockmarks, homelink, linetests, pitchlines, titles
from monitor import selectors as sel
from monitor.caseless import CASE_ODD, ascii_fold
from monitor.markers import HEADING, LINK_CLOSE, LINK_OPEN, LIST_ITEM, NAMED_OPEN, PARA
from monitor.nodefinds import link_target
from monitor.textnorm import normalize_line

from .test_extract_speed_lines import _plain_call_to_action

_DATE_TOKENS = ["May", "9,", "2023", "4:12", "PM", "EDT", "|", "Published", "Updated", "Stand:",
                "28.04.2023", "17:23", "Uhr", "de", "janeiro", "às", "0:13", "9th", "10h", "٣",
                "２", "x", "the", "council", "said", ".", ",", ":", "-", "Jan.", "März",
                "MONDAY,", "a.m.", "/05", "-12", "12/05/2024", "İ", "ſept", "prose", "word", "2020-", "—"]


def _plain_is_dateline(line: str) -> bool:
    """linetests.is_dateline with its word test called, as before it was inlined."""
    if len(line) > 200 or linetests.DIGIT.search(line) is None:
        return False
    words = line.split()
    if len(words) < 3:
        return False
    spare = len(words) - linetests.DATELINE_SHARE * len(words)
    for word in words[1:] if linetests._AS_OF.match(line) else words:
        if not linetests._date_word(word):
            spare -= 1
            if spare < 0:
                return False
    return linetests._DATE_LIKE.search(line) is not None


@given(st.lists(st.sampled_from(_DATE_TOKENS), max_size=12).map(" ".join))
@example("Updated Monday, February 27, 2023 4:12 PM EDT")
@example("Stand: 28.04.2023 17:23 Uhr")
@example("May 9, 2023 . :")  # (words that are all punctuation count as dates' numbers)
@example("May 9, 2023 /05 -12")
@example("The council met on May 9, 2023 at 4:12 PM EDT")
def test_inlined_date_word_test_is_date_word(line: str) -> None:
    """is_dateline's own copy of _date_word gives the call's answer."""
    assert linetests.is_dateline(line) == _plain_is_dateline(line)


def test_inlined_date_word_test_reads_dates_and_prose() -> None:
    """The examples the comparison above rests on go both ways."""
    assert linetests.is_dateline("Updated Monday, February 27, 2023 4:12 PM EDT")
    assert linetests.is_dateline("segunda-feira, 22 de janeiro de 2018 às 0:13")
    assert not linetests.is_dateline("The council met on May 9, 2023 at 4:12 PM EDT")


# the letters re.I equates with an ASCII one, İ ı ſ K, as the folding leaves them (bytes):
# what the word tests looked for in a fold before has_odd
ODD_FOLDED = tuple(odd.encode().decode("latin-1") for odd in (*CASE_ODD, "\u212a"))


@given(st.text())
@example("\u0130stanbul")
@example("\u212aelvin")
@example("\u017fign up")
@example("\u0131")
@example("r\u00e9serv\u00e9e")
def test_has_odd_is_the_folded_test(line: str) -> None:
    """has_odd on the line finds what the test of ODD_FOLDED in its fold found."""
    folded = line.encode("utf-8", "surrogatepass").lower().decode("latin-1")
    assert pitchlines.has_odd(line) == any(odd in folded for odd in ODD_FOLDED)


def _plain_may_match(line: str, folded: str) -> bool:
    """pitchlines._may_match with the odd letters among the words, as before."""
    inside = pitchlines.INSIDE if line.isascii() else (
        *pitchlines.INSIDE, "serv", *ODD_FOLDED)
    if pitchlines.OPENINGS.match(folded) is not None or ("?" in line and "touch" in folded):
        return True
    return any(word in folded for word in inside)


_LINE_WORDS = ["Subscribe", "sign up", "newsletter", "\u017fign up", "s\u0130gn up",
               "\u017fubscribe", "Follow us", "follow the paper on twitter", "getty images",
               "Redaktion", "r\u00e9serv\u00e9e", "Copyright", "\u00a9 dpa", "Get in touch?",
               "exklusiv f\u00fcr Abonnenten", "\u212aeep", "\u0131", "said", "x", " ", ".",
               "Cet article est r\u00e9serv\u00e9 aux abonn\u00e9s", "expressed", "the app"]


@given(st.lists(st.sampled_from(_LINE_WORDS), min_size=1, max_size=8).map("".join)
       .map(normalize_line))
@example("\u017fign up for our newsletter")
@example("Cet article est r\u00e9serv\u00e9 aux abonn\u00e9s.")
def test_odd_letters_asked_once_change_no_answer(line: str) -> None:
    """The call-to-action and pitch tests given the line's has_odd() answer as they do
    when they ask it themselves, and as the pitch prefilter did with the letters among
    its words."""
    folded = ascii_fold(line)
    odd = pitchlines.has_odd(line)
    assert pitchlines._may_match(line, folded, odd) == pitchlines._may_match(line, folded) \
        == _plain_may_match(line, folded)
    assert pitchlines.is_pitch_line(line, folded, odd) == pitchlines.is_pitch_line(line)
    assert linetests._call_to_action(line, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END, folded, odd) \
        == _plain_call_to_action(line)


_TITLE_TOKENS = ["Headline of the day", "Example News", "example", "The Site", " - ", " | ", " – ",
                 " — ", " _ ", "_", " :: ", " · ", " » ", " › ", " / ", "|", "-", "ex-ample",
                 "EXAMPLE", "Ünïcode", " ", "a", "News", "example.com"]


def _plain_strip_site(title: str, site: str | None, host: str = "") -> str:
    """titles.strip_site as it was: every separator tried, nothing kept."""
    for _ in range(2):
        for sep in titles._SITE_SEPARATORS:
            head, found, tail = title.rpartition(sep)
            if found and len(head.strip()) > 5 and titles._is_site(tail, site, host):
                title = head.strip()
                break
        else:
            break
    return title


@given(st.lists(st.sampled_from(_TITLE_TOKENS), max_size=8).map("".join),
       st.sampled_from([None, "", "Example News", "The Site", "example"]),
       st.sampled_from(["", "example", "ex"]))
@example("Headline of the day - Example News | example", None, "example")
@example("Headline of the day | The Site - Example News", "Example News", "example")
@example("Headline of the day-example", None, "example")  # (the bare "-": the last tried)
def test_kept_strip_site_is_the_plain_one(title: str, site: str | None, host: str) -> None:
    """strip_site, trying only the separators the title holds and kept per title, strips
    what trying all of them did (asked twice: the kept answer too)."""
    expected = _plain_strip_site(title, site, host)
    assert titles.strip_site(title, site, host) == expected
    assert titles.strip_site(title, site, host) == expected


def test_strip_site_strips_two_segments() -> None:
    """The example the comparison above rests on: both rounds strip."""
    assert titles.strip_site("Headline of the day | The Site - Example News", "Example News",
                             "site") == "Headline of the day"


def _plain_names_heading(doc_title: str, text: str) -> bool:
    key, probe = doc_title.casefold(), text.casefold()
    if len(text) < titles.MIN_HEADLINE or not key:
        return False
    return key.startswith(probe) or probe in titles._named_segments(doc_title)


def _plain_ends_title(doc_title: str, text: str) -> bool:
    key, probe = doc_title.casefold(), text.casefold()
    return len(text) >= titles.MIN_HEADLINE and len(key) > len(probe) and key.endswith(probe) \
        and key[: -len(probe)].rstrip()[-1:] in tuple(titles.PREFIX_MARKS)


_HEAD_TOKENS = ["Headline of the day", "HEADLINE OF THE DAY", "Straße", "STRASSE", "The Site",
                ": ", " | ", " - ", "ß", "İ", "x", " ", ""]


@given(st.lists(st.sampled_from(_HEAD_TOKENS), max_size=6).map("".join),
       st.lists(st.sampled_from(_HEAD_TOKENS), max_size=4).map("".join))
@example("The Site: Headline of the day", "headline of the day")
@example("STRASSE wins the day | The Site", "Straße wins the day")
@example("  Headline of the day", "Headline of the day")  # (nothing before it: no site)
def test_title_folded_once_changes_no_answer(doc_title: str, text: str) -> None:
    """The heading tests given the title casefolded answer as they do without it, and as
    the plain forms did."""
    key = doc_title.casefold()
    assert titles._names_heading(doc_title, text, key) == titles._names_heading(doc_title, text) \
        == _plain_names_heading(doc_title, text)
    assert titles._ends_title(doc_title, text, key) == titles._ends_title(doc_title, text) \
        == _plain_ends_title(doc_title, text)


def test_heading_loops_fold_the_title_as_casefold() -> None:
    """The heading loops hand on the title casefolded (not lowered: "ß" folds to "ss"): the
    second heading, which the <title> names, is found in the loop past the first."""
    page = "<body><h1>Other story entirely</h1><h1>STRASSE WINS THE DAY</h1></body>"
    (text, _), named = titles._headline(LexborHTMLParser(page), "Straße wins the day as rain falls")
    assert (text, named) == ("STRASSE WINS THE DAY", True)
    lower = "<body><h3>Other story entirely</h3><h4>STRASSE WINS THE DAY</h4></body>"
    (text, _), named = titles._headline(LexborHTMLParser(lower), "Straße wins the day as rain falls")
    assert (text, named) == ("STRASSE WINS THE DAY", True)


def _plain_mark_blocks(node: LexborNode) -> None:
    """blockmarks.mark_blocks with the markers inserted as str."""
    blocks, links = blockmarks.blocks_and_links(node)
    targets = [link_target(link) for link in links]
    contents = blockmarks.toc_items(links, targets)
    for block in blocks:
        tag = block.tag_id
        if tag in blockmarks._HEADING_IDS:
            block.insert_before(PARA + HEADING)
        elif tag in blockmarks._ITEM_IDS and block.mem_id not in contents:
            block.insert_before(PARA + LIST_ITEM)
        else:
            block.insert_before(PARA)
        if tag != blockmarks._BR_ID:
            block.insert_after(PARA)
    for link, target in zip(links, targets, strict=True):
        link.insert_before(LINK_OPEN if target is not None else NAMED_OPEN)
        link.insert_after(LINK_CLOSE)


_PAGE = ("<body><h2>Sub</h2><p>One <a href='/a'>link</a> and <a name='x'>named</a>.</p>"
         "<ul><li><a href='#s'>toc</a></li><li>item</li></ul><br><table><tr><td>cell</td>"
         "<th>head</th></tr></table><h3>Sub ü</h3><div>text<br>more</div></body>")


def test_byte_markers_are_the_str_markers() -> None:
    """Markers inserted as UTF-8 bytes make the text nodes the str markers made."""
    fast, plain = LexborHTMLParser(_PAGE), LexborHTMLParser(_PAGE)
    assert fast.body is not None and plain.body is not None
    blockmarks.mark_blocks(fast.body)
    _plain_mark_blocks(plain.body)
    text = fast.body.text()
    assert text == plain.body.text() and fast.body.html == plain.body.html
    for marker in (PARA, HEADING, LIST_ITEM, LINK_OPEN, NAMED_OPEN, LINK_CLOSE):
        assert marker in text


@given(st.lists(st.sampled_from(["/", "./", "index.html", " / ", "https://example.com/",
                                 "https://example.com/news/1", "", None, "/news",
                                 "//example.com", "HTTPS://EXAMPLE.COM"]), max_size=5))
def test_home_name_reads_href_as_attributes_did(hrefs: list[str | None]) -> None:
    """home_name's href read through .attrs finds the link .attributes found."""
    links = "".join(f"<a{'' if href is None else f' href={href!r}'}>Example News {i}</a>"
                    for i, href in enumerate(hrefs))
    tree = LexborHTMLParser(f"<body>{links}<a href='/'>Example News</a></body>")
    title = "Headline of the day | Example News"
    expected = next((name for link in tree.css("a[href]")
                     if homelink.links_home((link.attributes.get("href") or "").strip())
                     and title.endswith(name := link.text().strip())), None)
    assert homelink.home_name(tree, title) == expected == "Example News"
