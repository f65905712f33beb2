"""A paywall's pitch box: opened by its notice ("Subscribe to continue reading", "Dieser
Artikel ist exklusiv", "Réservé aux abonnés") and then prose of its own (what a subscription
gives, why journalism costs): its paragraphs voted like the story's and stayed below the
teaser. The notice's parent box goes before the vote, when the notice opens it and it holds
no <h1> and no more than PITCH_CHARS (never the page's or the story's box); see
monitor.openedboxes.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.placement import PAGE_LEVEL
from monitor.scoring import text_len

PITCH_CHARS = 2000  # a pitch is a few paragraphs; a box holding more is the story's
NOTICE_CHARS = 80  # a notice is a line
NOTICE = re.compile(
    r"(?:subscribe|sign\s+up|register|log\s+in)\s+(?:now\s+|today\s+)?to\s+(?:continue|keep)\s+"
    r"reading|continue\s+reading\s+with|this\s+(?:article|story|content)\s+is\s+(?:exclusive|for|"
    r"only|reserved)\b.{0,20}\b(?:subscribers|members)|you(?:'ve|\s+have)\s+reached\s+your\s+"
    r"(?:limit|free)|(?:dieser|der)\s+(?:artikel|beitrag|inhalt)\s+ist\s+exklusiv|"
    r"(?:jetzt\s+)?weiterlesen\s+mit|lesen\s+sie\s+(?:jetzt\s+)?(?:weiter\s+)?mit|"
    r"réservée?\s+aux\s+abonnés|abonnez-vous\s+pour\s+(?:lire|continuer)",
    re.I,
)


def pitch_box(notice: LexborNode, text: str) -> LexborNode | None:
    """The pitch box a block (the first of its parent, its text ``text``) opens as a
    paywall's notice, if it is one."""
    if len(text) > NOTICE_CHARS or NOTICE.match(text) is None:
        return None
    box = notice.parent
    if box is None or box.tag in PAGE_LEVEL or box.css_first("h1") is not None:
        return None
    return box if text_len(box) <= PITCH_CHARS else None
