"""Text normalisation, the body hash, and the line rules that drop page chrome."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor import selectors as sel
from monitor.clean import (
    clean_lines,
    clean_text,
    is_boilerplate_line,
    is_dateline,
    line_link_density,
)
from monitor.markers import HEADING, LINK_CLOSE, LINK_OPEN, PARA
from monitor.textnorm import content_hash, normalize_line, normalize_text


def test_normalize_line_collapses_every_space() -> None:
    assert normalize_line("\u3000\u3000a\u00a0\u00a0b \t c\u200b ") == "a b c"


_REFERENCE_SPACES = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")


@given(st.text(alphabet=st.sampled_from(" a\t\n\u00a0\u3000\u200b\ufeff\x1c\u2028\u2009b")))
def test_normalize_line_matches_its_definition(text: str) -> None:
    assert normalize_line(text) == _REFERENCE_SPACES.sub(" ", text).strip()


def test_normalize_text_drops_empty_lines() -> None:
    assert normalize_text(" one \n\n\u00a0\n two\u3000\n") == "one\ntwo"


def test_content_hash_ignores_whitespace_only_changes() -> None:
    assert content_hash("T", "a\n\nb") == content_hash(" T ", "a \nb\u00a0")
    assert content_hash("T", "a\nb") != content_hash("T", "a\nc")


def _boiler(line: str) -> bool:
    return is_boilerplate_line(
        line, 0.0, sel.BOILERPLATE_LINE, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END
    )


@pytest.mark.parametrize("line", [
    "Related news:", "Last one: Hailing signs 12 new energy projects", "Next article: None",
    "640 (13).jpeg", "Reporter | Chen Ying", "Revisor | Jessica", "Photo | Shunde Media Center",
    "Share to:", "Advertisement", "Your location: Home > News", "Read more:",
    "Sakib Ali/Hindustan Times/Getty Images", "Subscribe to our newsletter",
    "Copyright © 2024 Example Co. All Rights Reserved.",
    "Get the latest updates right in your inbox. Subscribe to our newsletters.",
    "Sign up for our Email Newsletters here.", "Follow us on Twitter", "More:", "Topics",
    "You may also like...", "Popular on Example News", "More Great Example Stories",
    # "read also" labels of other languages (trafilatura's evaluation pages kept them)
    "Lesen Sie auch:", "Lesen Sie auch die folgenden Beiträge:", "Zum Weiterlesen",
    "Weiterlesen:", "Mehr zum Thema", "Schon gelesen?", "Das könnte dich auch interessieren",
    "Weitere Beiträge aus der Kolumne:", "À lire aussi", "Lire aussi :", "Lea también",
    "TE PUEDE INTERESAR", "Veja Também:", "Leia mais", "Leggi anche", "Lees ook",
    "Читайте также", "Смотрите также:", "По теме", "Czytaj także:", "Zobacz też",
    "Listen to this article 3 min", "Listen to this story · 4:12 min", "Listen",
    "This entry was posted on Wednesday, March 3rd, 2021 at 10:15 am and is filed under News. "
    "You can follow any responses to this entry through the RSS 2.0 feed.",
    "This entry was posted in News and tagged energy on March 3, 2021 by admin. Bookmark the "
    "permalink.",
    # feedback and comment prompts
    "Was this article helpful?", "No comments yet", "Leave a comment", "(No ratings yet)",
    "You are not logged in.", "War der Artikel nützlich?", "Keine Kommentare",
    "Kommentieren", "Sie sind aktuell nicht eingeloggt.", "(Noch keine Bewertungen)",
    "Sie müssen sich einloggen, um sich an einer Diskussion beteiligen zu können.",
    "Aucun commentaire", "Deja un comentario",
    "Location: Home > News > City", "- Anzeige -", "- Anzeige-", "[Advertisement]",
    "— Publicité —", "*Werbung*",
])
def test_boilerplate_lines(line: str) -> None:
    assert _boiler(line)


@pytest.mark.parametrize("line", [
    "The intelligent manufacturing alliance of Jiangsu is inaugurated at the forum. "
    "[Photo/WeChat account: weihailing0523]",
    "More than 40 food machinery manufacturers showcased their products.",
    "Photo opportunities were few, the reporter said.",
    "Share prices fell 3% on Tuesday.",
    "Share prices fell sharply.",
    "More than 100 people died.",
    "The company will sign up 500 new customers, he said.",
    "Users who subscribe to the service pay $5 a month, the firm told Reuters.",
    "Popular in the 1990s, the style returned.",
    "More stories from the region were published later that day, officials said.",
    "Lesen Sie auch den Bericht des Rechnungshofs, sagte die Ministerin am Dienstag.",
    "À lire aussi dans le rapport, les chiffres de l'année dernière sont en baisse.",
    "No comments were made by the minister after the vote, her office said.",
    "Leave a comment on the consultation website before March, the council asked.",
    "Location: Downtown — Los Angeles, California",  # a house tour's facts, no breadcrumb
    "Location: Paris/France", "More to the story", "More than a love story", "No comment.",
    "Weitere Meldungen folgen.",
    "Czytaj także raport ministerstwa, który opublikowano we wtorek.",
    "Listen to the full interview on our podcast, which airs on Fridays.",
])
def test_prose_is_kept(line: str) -> None:
    assert not _boiler(line)


def test_link_density_of_marked_line() -> None:
    assert line_link_density("\ue001Home\ue002") == 1.0
    assert line_link_density("plain text") == 0.0
    assert 0.0 < line_link_density("see \ue001this story\ue002 for more details") < 0.5


def test_clean_lines_drops_title_header_metadata_and_links() -> None:
    raw = ["Big news", "Browsing volume:57 Date:2024-04-19", "\ue001Home\ue002",
           "First paragraph of the article.", "", "Second paragraph.", "Reporter | A. B."]
    got = clean_lines(raw, "Big news", sel.BOILERPLATE_LINE, sel.META_LINE)
    assert got == ["First paragraph of the article.", "Second paragraph."]


def test_clean_lines_drops_the_editors_credit_closing_the_text() -> None:
    text = ["First paragraph of the article.", "Second paragraph."]
    for credit in ("Editor: Li Wei", "Reporter: Li Wei", "（责任编辑：李伟）", "[Editor: Li Wei]"):
        got = clean_lines([*text, credit], "", sel.BOILERPLATE_LINE, sel.META_LINE)
        assert got == text


def test_clean_lines_drops_a_closing_label_of_removed_links() -> None:
    raw = ["The council voted on Tuesday, and the plan passed.", "More on the Valley plan",
           "\ue001Plan passes first reading\ue002", "\ue001Council meets again\ue002"]
    got = clean_lines(raw, "", sel.BOILERPLATE_LINE, sel.META_LINE)
    assert got == ["The council voted on Tuesday, and the plan passed."]


def test_clean_lines_keeps_signatures_and_single_link_items() -> None:
    signed = ["I am thankful to the officers for all they do.", "Kim Gump, Dallas"]
    assert clean_lines(signed, "", sel.BOILERPLATE_LINE, sel.META_LINE) == signed
    item = ["Our pick of board games for the family.", "22) Classic surgery game",
            "\ue001Shop now\ue002"]
    got = clean_lines(item, "", sel.BOILERPLATE_LINE, sel.META_LINE)
    assert got[-1] == "22) Classic surgery game"
    # (a link whose text is its address is a cited source, and stays)
    cited = clean_lines([*item[:2], "\ue001http://shop.example/x\ue002"], "",
                        sel.BOILERPLATE_LINE, sel.META_LINE)
    assert cited[-1] == "http://shop.example/x"


def test_clean_lines_drops_a_dateline_between_paragraphs() -> None:
    """A line of dates alone is metadata wherever it sits: the date under each byline of a
    page of several stories, a "Last updated on ..." line below a disclosure."""
    raw = ["This article contains affiliate links that may earn us a commission.",
           "Last updated on September 16th, 2023 at 09:27 am",
           "The council voted on Tuesday to extend the tram network by eleven kilometres.",
           "March 25, 2015", "Officials said the plan would cost about 420 million euros."]
    got = clean_lines(raw, "", sel.BOILERPLATE_LINE, sel.META_LINE)
    assert got == [raw[0], raw[2], raw[4]]


def test_clean_text_drops_every_marker() -> None:
    """Titles, meta values and bylines lose all of extract.py's markers, the subheading one
    included (it used to be left in by titles and metadata, which kept their own, shorter
    list)."""
    for marker in (PARA, LINK_OPEN, LINK_CLOSE, HEADING):
        assert clean_text(f"{marker}By Jane  Doe{marker} &amp; Co") == "By Jane Doe & Co"


@pytest.mark.parametrize(("line", "dated"), [
    ("Updated Monday, February 27, 2023 4:12 PM EDT Published Wednesday, January 18, 2023 "
     "9:30 AM EDT", True),
    ("Posted on March 3, 2021", True),
    ("On Monday, January 18, 2023 at 9:30 AM EDT the council voted", False),
    ("The meeting was held on May 9, 2023.", False),
    # other languages' weekdays, months and connectors
    ("segunda-feira, 22 de janeiro de 2018 às 0:13", True), ("Montag, 10. Januar 2022", True),
    ("La reunión fue el 3 de marzo de 2021.", False),
])
def test_a_dateline_is_dates_and_their_labels_only(line: str, dated: bool) -> None:
    """Issue 11: a timestamps block joined to a short body is dropped at its ends however long
    it is; a sentence that mentions a date is prose."""
    assert is_dateline(line) is dated


@pytest.mark.parametrize(("heading", "names_others"), [
    ("Recent Posts", True), ("More on this story", True), ("Related", True),
    ("Top stories", True), ("Trending now", True), ("Lesen Sie auch", True),
    # a section heading of the article itself, not a list of other articles
    ("More than 400 jobs at stake", False), ("Latest figures", False),
    ("Other options for commuters", False),
])
def test_a_list_label_names_other_articles_only(heading: str, names_others: bool) -> None:
    """selectors.LIST_LABEL: a heading that opens a list of other articles (its dates are
    theirs); everyday words open one only before a list's noun."""
    assert (sel.LIST_LABEL.match(heading) is not None) is names_others
