"""Lines a news page puts under or inside a story that are no part of it: the agency's
copyright or staff credit, an opinion disclaimer, a pitch for the publisher's app, a call to
write to the newsroom, the paywall's "rest of this article" notice.

Each alternative is a whole line (a short one), so a sentence of the story that mentions an
app, a commission or a copyright goes on past what the pattern allows and stays. The words
in KEYS are in every alternative: a line without any of them needs no regex.
"""

from __future__ import annotations

import re

MAX_CHARS = 400  # a notice is short; a longer line is prose whatever its opening
KEYS = ("copyright", "©", "(c)", "redaktion", "expressed", "touch", "tip", "story", "material",
        "reporting", "jetzt", "like this", "app", "uygulama", "il vous reste", "abonnés",
        "google news")
PITCH_LINE = re.compile(
    r"""^(?:
      # an agency's or the site's copyright line ("© dpa-infocom, dpa:230428-99-4830/5")
        (?:copyright\s*)?(?:©|\(c\)|copyright\s*:).{0,200}
      # disclaimers: the opinions of guest authors (an affiliate-link disclosure is not
      # here: references of blog posts keep it as often as not)
      | .{0,200}(?:nicht|keineswegs)\s+(?:unbedingt\s+|zwingend\s+)?(?:der|die)\s+meinung\s+
            der\s+redaktion.{0,60}
      | .{0,120}(?:views|opinions)\s+expressed\s+(?:in\s+this\s+(?:article|column|piece)\s+)?
            (?:are|do\s+not).{0,160}
      # write to the newsroom
      | (?:get\s+in\s+touch|contact\s+(?:us|our\s+[\w\ ]{2,20}team))\b.{0,120}@[\w.-]+\.?
      | .{0,100}\?\s+get\s+in\s+touch\b.{0,80}
      | for\s+more\s+(?:stories|news|articles|content)\s+like\s+this\b.{0,80}
      | (?:do\s+you\s+have|have\s+you\s+got|got)\s+an?\s+(?:story|tip|news\s+tip)\b[^?]{0,60}\?
            .{0,80}@[\w.-]+\.?
      # the wire's staff credit ("Reporting by X; Editing by Y")
      | (?:additional\s+)?reporting\s+by\b.{0,300}(?:editing|writing)\s+by\b.{0,120}
      # the agency material a story was written with (German)
      | mit\s+agenturmaterial\.?
      | mit\s+material\s+(?:von|der)\s+[\w\s,/-]{1,40}\.?
      # the publisher's app and channels (English, Turkish, Indonesian)
      | (?:download|get|install)\s+(?:the|our)\s+(?:free\s+)?(?:[\w'"’&-]+\s+){0,3}apps?\b.{0,100}
      | .{0,40}uygulamas[ıi]n[ıi]\s+indirin.{0,80}
      | cek\s+berita.{0,100}google\s+news.{0,80}
      | .{0,100}\bavec\s+l['’]application\s+(?:du|de|d['’])\b.{0,40}
      # the paywall's notice of what is left to read (French), its pitch (German)
      | jetzt\s+(?:abonnieren|abonnent\s+werden)\b.{0,100}
      | il\s+vous\s+reste\s+[\d.,]+\s*%.{0,120}
      | .{0,60}la\s+suite\s+est\s+réservée\s+aux\s+abonnés.{0,40}
    )$""",
    re.I | re.X,
)


def is_pitch_line(line: str) -> bool:
    """Whether a normalised line is one of the notices and pitches above."""
    if len(line) > MAX_CHARS:
        return False
    lowered = line.lower()
    if not any(key in lowered for key in KEYS):
        return False
    return PITCH_LINE.match(line) is not None
