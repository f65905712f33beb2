"""Quality 8: rules learnt on the worst fundus-tune pages (Japanese news first)."""

from __future__ import annotations

from pathlib import Path

from monitor import selectors as sel
from monitor import voting
from monitor.extract import extract

PAGES = Path(__file__).parent / "pages"

# invented Japanese prose: clauses set off by the ideographic comma 、 (U+3001)
JA_PROSE = ("交通局は１０日、来年４月から市営バスの深夜便を増やすと発表した。対象は駅前と"
            "港湾地区を結ぶ３路線で、平日の最終便を約３０分遅らせる。交通局によると、深夜の"
            "利用者はここ３年で２割ほど増えており、通勤客から増便を求める声が相次いでいた。")


def test_japanese_commas_count_like_commas() -> None:
    """Japanese prose marks its clauses with 、: without a comma credit its paragraphs
    scored as a short membership notice's, and a box of <p>s outvoted the article."""
    plain = JA_PROSE.replace("、", "")
    assert voting._paragraph_score(JA_PROSE) >= voting._paragraph_score(plain) + 3


def test_japanese_list_of_names_earns_no_comma_credit() -> None:
    """A list of places ("高鍋町、新富町、宮崎市") is no prose: short parts earn nothing."""
    places = "高鍋町、新富町、宮崎市、都農町、川南町、日向市、門川町、延岡市"
    assert voting._paragraph_score(places) == 1.0 + len(places) / 100.0  # length alone


def test_gathered_blocks_keep_document_order() -> None:
    """An article in bare-text <div>s with a fact box of <p>s between them: the box was
    voted for first (paragraphs are read before text boxes) and came out ahead of the
    article's opening; the blocks now keep the page's order."""
    page = (PAGES / "bare_text_blocks_with_box.html").read_bytes()
    body = extract(page, "https://news.example/ferry").body
    order = [body.index(phrase) for phrase in
             ("The harbour ferry will run", "Riders' groups welcomed", "The ferry, which first ran",
              "They will keep asking")]
    assert order == sorted(order)


def test_cjk_related_labels_are_boilerplate_lines() -> None:
    """"Related articles" labels of Japanese and Chinese pages stayed as the body's last
    line (their links went as a list); a sentence that starts with the words stays."""
    for label in ("【関連記事】", "関連キーワード", "相关阅读：", "延伸閱讀", "［関連ニュース］"):
        assert sel.BOILERPLATE_LINE.match(label), label
    assert not sel.BOILERPLATE_LINE.match("関連記事によると、市は来年度も事業を続ける。")


def test_members_only_box_goes_with_its_login_buttons() -> None:
    """A members-only notice (a pitch and buttons to /service/register and /service/login)
    was taken as more body; a link to a sign-up page inside a sentence stays."""
    page = (PAGES / "login_box_notice.html").read_bytes()
    body = extract(page, "https://news.example/river-vote").body
    assert "register on the council's site until the end of May" in body
    assert "This story is for members" not in body
    assert "print subscriber" not in body


def test_login_link_in_a_sentence_is_no_button() -> None:
    """A short paragraph that links a registration page in its sentence is the article's."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.loginbox import is_login_box
    tree = LexborHTMLParser('<div><p>Residents can <a href="/register">register online</a> '
                            'until the end of May, or in person at the library.</p></div>')
    para = tree.css_first("p")
    assert para is not None and not is_login_box(para)
    tree = LexborHTMLParser('<div><p>For members only.</p><div><a href="/login">Log in</a></div></div>')
    box = tree.css_first("body > div")
    assert box is not None and is_login_box(box)


def test_bracketed_pr_label_is_an_ad_line() -> None:
    """Japanese pages mark an ad slot with a bare "[PR]" line; a line that goes on is text."""
    for label in ("[PR]", "【PR】", "（PR）"):
        assert sel.BOILERPLATE_LINE.match(label), label
    assert not sel.BOILERPLATE_LINE.match("[PR] firm hired to run the council's campaign")


def test_up_next_block_is_boilerplate() -> None:
    """A video player's "Up next" box (the next clip's label and carousel) is no body."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.dom import is_boilerplate
    tree = LexborHTMLParser('<div class="video-player__up-next-header"><h4>Up next</h4></div>')
    box = tree.css_first("div")
    assert box is not None and is_boilerplate(box)


def test_turkish_entry_and_update_times_are_a_dateline() -> None:
    """Turkish pages print "Giriş: <date> Güncelleme: <date>" (entry, update) over the
    text; a sentence that opens with "Giriş" stays."""
    from monitor.linetests import is_dateline
    assert is_dateline("Giriş: 03.07.2024 - 18:24 Güncelleme: 03.07.2024 - 18:57")
    assert not is_dateline("Giriş sınavı 2024 yılında 3 Temmuz günü yapılacak")


def test_turkish_subscribe_button_is_a_boilerplate_line() -> None:
    """"ABONE OL" (subscribe, follow) is a button's label; a sentence about subscribing stays."""
    assert sel.BOILERPLATE_LINE.match("ABONE OL")
    assert not sel.BOILERPLATE_LINE.match("Abone olmak isteyenler için yeni bir paket sunuldu.")


def test_aria_hidden_paragraphs_are_read() -> None:
    """A metered paywall marks the paragraphs past its limit aria-hidden (hidden from
    screen readers, not from the eye, until unlocked): they are the article's text, while an
    aria-hidden icon or menu is still dropped."""
    body = extract((PAGES / "aria_hidden_paragraphs.html").read_bytes(),
                   "https://news.example/search-box").body
    assert "a slightly unnerving one" in body
    assert "one click away for those who prefer it" in body
    assert "★" not in body


def test_follow_on_google_news_is_a_call_to_action() -> None:
    """"Follow <site> on Google News ..." closes many stories, as "on Facebook" lines do."""
    from monitor.clean import clean_lines
    lines = ["The council voted on Tuesday to keep the ferry running through the winter, "
             "after a year of arguments about its cost.",
             "Follow Gadget Ledger on Google News to get our reviews in your feeds."]
    kept = clean_lines(lines, "Ferry stays", sel.BOILERPLATE_LINE, sel.META_LINE,
                       sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END, sel.LIST_LABEL)
    assert kept == lines[:1]


def test_live_entry_headings_named_by_their_time_stay() -> None:
    """A live ticker's entry headings ("11:04 – <headline>") are named "time" and went as
    dates; a heading that is only a time still goes."""
    body = extract((PAGES / "live_entry_time_headings.html").read_bytes(),
                   "https://news.example/storm-live").body
    assert "11:04 – Ferry crossings cancelled for the day" in body
    assert "09.30 Uhr: Thousands of homes without power" in body
    assert "08.15 Uhr" not in body


def test_more_on_a_named_topic_is_a_label() -> None:
    """German "Mehr zum Thema <topic>" heads a list of links as the bare label does."""
    assert sel.BOILERPLATE_LINE.match("Mehr zum Thema Hochwasser")
    assert not sel.BOILERPLATE_LINE.match("Mehr zum Thema Hochwasser will der Kreis im Mai sagen.")
