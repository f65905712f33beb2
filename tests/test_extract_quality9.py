"""Quality 9: precision rules learnt on fundus-tune and wcxb-tune (boilerplate kept by the body)."""

from __future__ import annotations

from pathlib import Path

from monitor.extract import extract

PAGES = Path(__file__).parent / "pages"


def test_snippet_excluded_pitch_leaves_the_body() -> None:
    """A newsletter pitch the publisher marks data-nosnippet, in the article's own box
    (a class that names nothing), was kept as two more paragraphs; a marked phrase inside a
    sentence stays, or the sentence would lose words."""
    page = (PAGES / "nosnippet_pitch.html").read_bytes()
    body = extract(page, "https://bay.example/trams").body
    assert "morning briefing" not in body
    assert "privacy notice" not in body
    assert "counted the summer's riders, as it did last year, and would publish" in body
    assert "Riders' groups welcomed the plan" in body


def test_captions_that_end_in_their_credit_are_no_body() -> None:
    """Captions in divs of the page's own build (no <figure>): the caption line that ends in
    "Bildrechte: ..." and a credit line alone went into the body; a sentence that names a
    photo and goes on stays."""
    page = (PAGES / "caption_credit_divs.html").read_bytes()
    body = extract(page, "https://talbote.example/faehre").body
    assert "Platz für sechzig Fahrgäste" not in body
    assert "Image: Anna Beispiel" not in body
    assert "das Foto: ein voller Steg an jedem Sonntag" in body
    assert "Die Fähre fährt elektrisch" in body


def test_caption_credit_needs_a_label_after_a_sentence() -> None:
    """The label ends a sentence's line, or stands alone; "the photo: ..." mid-line is prose."""
    from monitor.captioncredit import is_caption_credit
    assert is_caption_credit("A portrait of the queen in 2004 (Picture credit: Getty)")
    assert is_caption_credit("Foto: Max Muster")
    assert not is_caption_credit("He kept one thing from the fire, the photo: his mother's")
    assert not is_caption_credit("Credit: the bank lent the firm a further million.")


def test_pitch_lines_under_a_story_are_no_body() -> None:
    """A call to write to the newsroom, a "more stories like this" pitch and the copyright
    line stayed as the body's last lines; a sentence that mentions the app stays."""
    page = (PAGES / "pitch_lines_tail.html").read_bytes()
    body = extract(page, "https://shore.example/path").body
    assert "Get in touch" not in body
    assert "stories like this" not in body
    assert "Shore Media" not in body
    assert "Walkers who download the council's free app" in body


def test_pitch_lines_are_whole_notices() -> None:
    """Each pattern is a whole short line: prose that opens alike goes on and stays."""
    from monitor.pitchlines import is_pitch_line
    for notice in ("© dpa-infocom, dpa:230428-99-483045/5", "Copyright: Project Syndicate, 2025",
                   "Get the Daily Example app!", "NTV uygulamasını indirin, gelişmelerden haberdar olun",
                   "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
                   "Gastbeiträge müssen nicht der Meinung der Redaktion entsprechen.",
                   "The views expressed in this column are the author's own."):
        assert is_pitch_line(notice), notice
    for prose in ("Get the app out to every school by May, the minister told the council, and "
                  "then review how teachers used it over the summer term before the next budget.",
                  "Copyright law lets a library lend the book.",
                  "Die Redaktion teilt diese Meinung nicht."):
        assert not is_pitch_line(prose), prose


def test_read_more_labels_of_more_languages() -> None:
    """Polish, Norwegian, Lithuanian, French and German read-more labels stayed as lines of
    their own (and a Norwegian read-also link as a line); sentences that open alike stay."""
    from monitor import selectors as sel
    from monitor.linetests import is_boilerplate_line
    for label in ("Czytaj więcej", "Taip pat skaitykite", "À découvrir", "Passend zum Artikel",
                  "MORE ABOUT", "Les også"):
        assert sel.BOILERPLATE_LINE.match(label), label
    assert not sel.BOILERPLATE_LINE.match("Czytaj więcej o tym, jak rada miasta głosowała.")
    headline = "Les også: Ferja til Hurtigruta er innstilt hele helgen"
    assert is_boilerplate_line(headline, 0.8, sel.BOILERPLATE_LINE)


def test_tip_line_and_agency_credit_are_pitch_lines() -> None:
    """A "got a story?" line with the reporter's address, and the German agency credit."""
    from monitor.pitchlines import is_pitch_line
    assert is_pitch_line("Do you have a story to tell? Email: jane.doe@news.example")
    assert is_pitch_line("Mit Agenturmaterial.")
    assert is_pitch_line("Suivez l'actualité avec l'application du Quotidien")
    assert not is_pitch_line("Do you have a story about the ferry? Many readers do, she said.")


def test_labelled_bio_closing_the_body_goes() -> None:
    """A "Die Autorin" heading and the bio under it closed a comment piece's body; a
    label higher up, with the text going on after it, heads a section and stays."""
    from monitor.bodytails import cut_bio_tail
    page = (PAGES / "bio_tail_label.html").read_bytes()
    body = extract(page, "https://kommentar.example/baeume").body
    assert "Stadtplanerin" not in body and "Die Autorin" not in body
    assert body.endswith("aber niemandem Schatten gibt.")
    lines = ["Intro.", "Zur Person", "Sie leitet das Amt.", "Text 1.", "Text 2.", "Text 3.", "Text 4."]
    assert cut_bio_tail(lines) == lines


def test_more_lead_with_one_link_is_a_read_also_line() -> None:
    """"MORE: <a>another story's headline</a>" stayed as a line (too long for the "More:"
    label); a "More:" line whose rest is not the link is text."""
    from monitor import selectors as sel
    from monitor.linetests import is_boilerplate_line
    line = ("MORE: Council accuses the mayor of trying to sell the harbour to a developer "
            "before the residents get their vote")
    assert is_boilerplate_line(line, 0.96, sel.BOILERPLATE_LINE)
    assert not is_boilerplate_line(line, 0.3, sel.BOILERPLATE_LINE)


def test_wire_staff_credit_and_subscribe_pitch_are_pitch_lines() -> None:
    """The wire's "Reporting by ...; Editing by ..." line and a German "subscribe now"
    pitch closed bodies; a sentence on who reported what stays."""
    from monitor.pitchlines import is_pitch_line
    assert is_pitch_line("Reporting by Jane Roe in Oslo; Editing by John Doe")
    assert is_pitch_line("Jetzt abonnieren und von der Vorlesefunktion profitieren.")
    assert not is_pitch_line("Reporting by the local paper found that the council had "
                             "ignored the warnings for a decade.")


def test_utf8_page_that_declares_a_legacy_charset_reads_as_utf8() -> None:
    """A page saved again as UTF-8 kept its <meta charset=gb2312>: read as GBK, its title and
    body were mojibake (no word of the reference). Text in a legacy charset stays so: its
    bytes are no valid UTF-8."""
    from monitor.encoding import decode_html
    prose = "谷歌在2014年收购的人工智能公司开发出一款能够用自己的记忆学习新知识的计算机。"
    page = f'<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><p>{prose}</p>'
    text, codec = decode_html(page.encode("utf-8"))
    assert codec == "utf-8" and prose in text
    text, codec = decode_html(page.encode("gb18030"))
    assert codec == "gb18030" and prose in text
    latin = "<meta charset=iso-8859-1><p>Caf\xe9 cr\xe8me, pr\xe9sent\xe9 \xe0 la f\xeate.</p>"
    assert decode_html(latin.encode("cp1252"))[1] == "cp1252"
    assert decode_html(b"<meta charset=gbk><p>plain ascii</p>")[1] == "gb18030"


def test_fact_box_in_the_story_goes() -> None:
    """A fact box set into the article (here a speech's text, longer than the report) was
    kept as more paragraphs; the report around it stays."""
    page = (PAGES / "fact_box_in_story.html").read_bytes()
    body = extract(page, "https://gazette.example/plans").body
    assert "old gasworks" not in body and "three principles" not in body
    assert "questioned whether the figures added up" in body
    assert "A vote on the budget" in body


def test_fact_box_names() -> None:
    """The box's class word, or a "fact-box" pair; not a word that merely holds the letters."""
    from monitor.factbox import fact_box
    assert fact_box("metro-factbox") and fact_box("story_infobox wide") and fact_box("info-box")
    assert not fact_box("infoboxer-layout main") and not fact_box("box info-panel")


def test_donation_appeal_closing_the_story_goes() -> None:
    """A newsroom's appeal for donations under the story went into the body with its
    campaign, ask and signature; the same words high up in a story about fundraising stay."""
    from monitor.bodytails import cut_appeal_tail
    story = [f"Paragraph {n} of the report on the bridge repairs." for n in range(12)]
    appeal = ["Since you made it to the bottom of this article, we have a small favor to ask.",
              "Our year-end campaign is under way, and every gift is matched until December 31.",
              "If you believe stories like this matter, please consider pitching in what you can.",
              "Thank you.", "Jane Roe", "Editor in chief"]
    assert cut_appeal_tail(story + appeal) == story
    quoted = story[:2] + appeal[:1] + story * 2
    assert cut_appeal_tail(quoted) == quoted


def test_small_favour_opening_read_apart() -> None:
    """The one opening found past a line's start ("..., we have a small favour to ask"),
    read apart from the others, in any case; a line reporting it is still quoted."""
    from monitor.bodytails import cut_appeal_tail
    story = [f"Paragraph {n} of the report on the bridge repairs." for n in range(12)]
    for opening in ("Before you go, we have a small favour to ask.",
                    "BEFORE YOU GO, WE HAVE A SMALL FAVOR TO ASK."):
        assert cut_appeal_tail([*story, opening, "Thank you."]) == story
    said = "Before you go, we have a small favour to ask, the director said."
    assert cut_appeal_tail([*story, said]) == [*story, said]


def test_donation_appeal_leaves_the_extracted_body() -> None:
    """The same appeal on a page, as plain paragraphs after the story's."""
    paras = "".join(f"<p>The repair crews worked through the night on section {n} of the old "
                    "bridge, the city's engineer said, replacing rusted bolts and beams.</p>"
                    for n in range(8))
    appeal = ("<p>Since you made it to the bottom of this article, we have a small favor to ask."
              "</p><p>If you believe stories like this matter, please consider pitching in what "
              "you can.</p><p>Thank you.</p>")
    page = f"<html><body><main><article><h1>Bridge</h1>{paras}{appeal}</article></main></body></html>"
    body = extract(page, "https://city.example/bridge").body
    assert "small favor" not in body and "pitching in" not in body
    assert body.endswith("replacing rusted bolts and beams.")


def test_follow_on_more_platforms_is_a_call_to_action() -> None:
    """"Follow me on Pinterest" closed a post; only Facebook, Twitter and Instagram counted."""
    from monitor import selectors as sel
    from monitor.linetests import is_boilerplate_line
    line = "Want more projects? Follow me on Pinterest to see what I'm pinning."
    assert is_boilerplate_line(line, 0.0, sel.BOILERPLATE_LINE, sel.CALL_TO_ACTION,
                               sel.PHOTO_CREDIT_END)


def test_call_to_action_box_goes() -> None:
    """A box named "cta" (a call to action: get a quote) between a post's paragraphs stayed
    as three lines of the body; the paragraphs around it stay."""
    page = (PAGES / "cta_box_in_post.html").read_bytes()
    body = extract(page, "https://vans.example/kitchen").body
    assert "Moving soon?" not in body and "Compare three quotes" not in body
    assert "keep a box of essentials" in body and "strongest part of the plate" in body


def test_disclaimer_box_goes_however_much_prose() -> None:
    """A box named "disclaimer" holds prose (how the site picks its sources, what it earns),
    so the prose guard kept it; like a dialog's, its prose is about the site, not the story."""
    paras = "".join(f"<p>The fund's managers bought shares in {n} more companies this year, "
                    "the annual report says, and sold most of their bonds.</p>" for n in range(6))
    box = ('<div class="article-sources__disclaimer"><p>Our writers use primary sources to '
           "support their work. These include white papers, government data and interviews "
           "with experts, and we reference original research where appropriate.</p><p>You "
           "can learn more about the standards we follow in producing accurate, unbiased content "
           "in our editorial policy, which our editors review every year.</p><p>We may earn a "
           "fee when readers open an account through links on this page, which never changes "
           "what our writers recommend or how they rank the funds.</p></div>")
    page = (f"<html><body><main><article><h1>Fund</h1><div class='text'>{paras}{box}{paras}"
            "</div></article></main></body></html>")
    body = extract(page, "https://money.example/fund").body
    assert "primary sources" not in body
    assert "sold most of their bonds" in body


def test_captions_in_a_held_image_block_go() -> None:
    """A page builder's image blocks between the columns' paragraphs: the figcaptions stayed
    as paragraphs; a <figure> used as a plain box, with paragraphs of its own, stays."""
    from selectolax.lexbor import LexborHTMLParser

    from monitor.captions import drop_captions
    tree = LexborHTMLParser(
        "<div id='col'><p>The kitchen was painted a deep green last spring, and the brass "
        "handles came from a salvage yard.</p><div class='image-block'><figure><img src='a.jpg'>"
        "<figcaption><p>The finished kitchen, painted in deep green.</p></figcaption></figure>"
        "</div><figure class='box'><p>The new shelves hold the cookbooks and the plants, and "
        "the old table moved to the porch.</p></figure></div>")
    col = tree.css_first("#col")
    assert col is not None
    drop_captions([col])
    text = col.text()
    assert "The finished kitchen" not in text
    assert "came from a salvage yard" in text
    assert "old table moved to the porch" in text
