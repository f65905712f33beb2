"""Ordinary pages a second reader built against round quality9's body-cleaning rules (pitch
lines, caption credits, 'follow ... on <platform>', the appeal and bio tails, data-nosnippet
blocks, the caption sweep's figures).

Each page is a whole news page whose body must be found with its title and date, and must
hold and leave out the listed phrases. Every page misfired under the rule as first written:
a line of the story went as a notice, or a tail of it went as an appeal or a bio. Where a
page also holds the notice the rule is for, that notice must still go (the guard).
"""

from __future__ import annotations

import pytest

from monitor import selectors as sel
from monitor.captioncredit import is_caption_credit
from monitor.linetests import is_boilerplate_line
from monitor.pitchlines import is_pitch_line

from .ordinary import check_page

DATE = "2024-05-01"
# name -> (title, phrases the body must hold, phrases it must not)
CASES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # a legal list's "(c) ..." item went as a copyright line
    "r9q_legal_list": ("Court allows appeal over harbour vote",
                       ("(c) Two members had a conflict of interest", "defend its decision"), ()),
    # "Copyright: the court ruled ..." and "© is the symbol ..." went as copyright lines
    "r9q_copyright_story": ("Photographer loses case over seal selfie",
                            ("Copyright: the court ruled", "© is the symbol he had stamped"), ()),
    # "Reporting by the Guardian found ..., and editing by the regulator ..." went as the
    # wire's staff credit; the real one under the story still goes
    "r9q_reporting_by": ("Harbour firm paid no tax for a decade",
                         ("Reporting by the Guardian found", "complied with the law"),
                         ("Editing by Tom Hale",)),
    # reported calls to download an app went as app pitches; the site's own still goes
    "r9q_app_story": ("Police warn of fake ferry ticket app",
                      ("Download the free FerryNow app", "Install the official app to buy"),
                      ("Get the Millbrook Voice app",)),
    # "urged supporters to follow him on Telegram" went as a call to follow; the site's
    # own call still goes
    "r9q_follow_reported": ("Banned councillor moves to Telegram",
                            ("follow him on Telegram", "follow him on TikTok and WhatsApp"),
                            ("Follow Millbrook Voice on Telegram",)),
    # an interviewer's line "BILD: Sie waren ... dabei." went as a photo credit
    "r9q_bild_interview": ("Der Bürgermeister im Interview",
                           ("BILD: Sie waren bei der Abstimmung also dabei.",), ()),
    # a charity director's appeal, quoted, went as the site's appeal with all after it
    "r9q_appeal_quoted": ("Food bank runs out of stock",
                          ("please consider donating, the charity's director said",
                           "It needs £20,000", "Volunteers will be at the hall"), ()),
    # an interview's closing "Zur Person" box (the interviewee's life) went as a writer's bio
    "r9q_zur_person": ("„Ich schreibe jeden Morgen“",
                       ("Zur Person", "Jana Schmidt, 68, wurde in Millbrook geboren"), ()),
    # an obituary's last section, headed "The author", went as a writer's bio
    "r9q_obituary_author": ("Jane Smith, novelist of harbour towns, dies at 88",
                            ("Born in Millbrook in 1936", "She is survived by her two sons."), ()),
    # story paragraphs the site keeps out of search snippets went; its pitch still goes
    "r9q_nosnippet_paragraphs": ("Ferry fares to rise by a fifth",
                                 ("we cannot absorb the price of diesel", "will cost £94"),
                                 ("Get our free morning email",)),
    # a survey's "views expressed are shared by ..." went as an opinion disclaimer; the
    # column's own disclaimer still goes
    "r9q_views_survey": ("Residents split over harbour plan",
                         ("Many of the views expressed are shared by younger residents",
                          "publish the full results in June"),
                         ("the author's own",)),
    # an obituary's closing request for donations to a hospice went as the newsroom's
    # appeal, with the lines after it
    "r9q_obituary_hospice": ("Mary Hale, harbour master for 30 years, dies at 91",
                             ("please consider donating to St Mary's Hospice",
                              "She is survived by her daughter"), ()),
    # a how-to's steps ("Download the Zoom app on your phone and sign in ...") went as the
    # site's app pitch
    "r9q_howto_app": ("How to join the harbour meeting online",
                      ("Download the Zoom app on your phone", "Install the Authenticator app",
                       "Get the app from the official store only"), ()),
    # a Jekyll blog's code blocks (each a <figure class="highlight"> around a <pre>) went
    # as image figures; an image's caption still goes
    "r9q_jekyll_code": ("Parsing dates in Python",
                        ('datetime.fromisoformat("2024-05-01T10:00:00")', 'text.replace("Z"'),
                        ("A calendar, for no reason",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ordinary_page(name: str) -> None:
    title, kept, dropped = CASES[name]
    check_page(name, title, DATE, kept, dropped)


def test_pitch_lines_need_a_name_and_no_speech() -> None:
    """A copyright owner and a wire's staff are named; a line that reports speech is the
    story's. The notices of the dev pages still go."""
    for notice in ("© dpa-infocom, dpa:230428-99-483045/5", "(c) Wiley-VCH",
                   "© Jon Prosser & Renders by Rian", "Copyright © 2023 The Washington Times, LLC.",
                   "© Copyright 2025 LifeLearn Inc. Used and/or modified with permission under license.",
                   "Reporting by Maya Gebeilly in Beirut, Anthony Deutsch in The Hague and David "
                   "Clarke in London; Writing by David Clarke; Editing by Daniel Flynn",
                   "Reporting by Gopal Sharma, additional reporting by Lisa Barrington, writing by "
                   "Shilpa Jamkhandikar, Editing by Alex Richardson",
                   "Get in touch with our news team by emailing us at webnews@news.example.",
                   "Download the Example News app for the latest news", "Get our app: iPhone | Android",
                   "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés."):
        assert is_pitch_line(notice), notice
    for prose in ("(c) The council failed to consult residents before the vote.",
                  "Install the NHS app to book appointments, the health secretary urged.",
                  "Jetzt abonnieren, sagte der Verleger, sei die einzige Antwort auf die Krise.",
                  "Il vous reste 30 % de vos économies à investir, a rappelé le ministre.",
                  "Get in touch with the council at floods@council.example.",
                  "Is your street flooded? Get in touch with the council on 0800 123 456.",
                  "Vous pouvez suivre le match en direct avec l'application du club."):
        assert not is_pitch_line(prose), prose


def test_caption_credit_names_end_in_a_letter() -> None:
    """A credit's name ends in a letter or digit; a line ending in a full stop is prose."""
    assert is_caption_credit("Foto: MDR/Bernd Cramer")
    assert is_caption_credit("He looked at the camera. (Photo: Reuters)")
    assert not is_caption_credit("BILD: Sie waren also dabei.")
    assert not is_caption_credit("He kept one thing. Photos: three of them, all faded.")


def test_follow_a_named_account_is_asked_where_a_sentence_opens() -> None:
    """'Follow <account> on <platform>' opening a line or a sentence, or after words to the
    reader, is a call; after other words it reports one. 'Follow us' is a call anywhere."""
    def boiler(line: str) -> bool:
        return is_boilerplate_line(line, 0.0, sel.BOILERPLATE_LINE, sel.CALL_TO_ACTION,
                                   sel.PHOTO_CREDIT_END)
    for call in ("Follow AP on Facebook, X, Instagram, YouTube and TikTok",
                 "Email the writer. Follow him on Twitter @writer.",
                 "Be sure to follow Reviewed on TikTok for the latest deals.",
                 "Catch up on our coverage, and follow us on Facebook and TikTok to stay up to date."):
        assert boiler(call), call
    for prose in ("He urged supporters to follow him on Telegram after the ban.",
                  "The woman would follow him on TikTok, the court heard."):
        assert not boiler(prose), prose
