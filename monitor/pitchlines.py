"""Lines a news page puts under or inside a story that are no part of it: the agency's
copyright or staff credit, an opinion disclaimer, a pitch for the publisher's app, a call to
write to the newsroom, the paywall's "rest of this article" notice.

Each alternative is a whole line (a short one), so a sentence of the story that mentions an
app, a commission or a copyright goes on past what the pattern allows and stays. The words
in KEYS are in every alternative: a line without any of them needs no regex. Short prose
can still fit an alternative, so two more tests: a line that reports speech ("Install the
NHS app, the minister urged") is the story's, and a copyright owner or a wire's staff is
named, not described: a legal list's "(c) The council failed to consult residents" or
"Reporting by the Guardian found that ..." is a sentence of many lower-case words.

Before the keys, a cheaper test of what PITCH_LINE itself needs (OPENINGS, INSIDE): most
lines fail it (~8,000 instructions a line against ~22,000 for the keys and the regex).
"""

from __future__ import annotations

import re

from monitor.caseless import ascii_fold

MAX_CHARS = 400  # a notice is short; a longer line is prose whatever its opening
KEYS = ("copyright", "©", "(c)", "redaktion", "expressed", "touch", "tip", "story", "material",
        "reporting", "jetzt", "like this", "app", "uygulama", "il vous reste", "abonnés",
        "google news", "subscriber", "account?", "unlimited", "exklusiv", "réservé",
        "lesen", "become", "unlock")
PITCH_LINE = re.compile(
    r"""^(?:
      # an agency's or the site's copyright line ("© dpa-infocom, dpa:230428-99-4830/5")
        (?:copyright\s*)?(?:©|\(c\)|copyright\s*:)(?P<owner>.{0,200})
      # disclaimers: the opinions of guest authors (an affiliate-link disclosure is not
      # here: references of blog posts keep it as often as not)
      | .{0,200}(?:nicht|keineswegs)\s+(?:unbedingt\s+|zwingend\s+)?(?:der|die)\s+meinung\s+
            der\s+redaktion.{0,60}
      # (whose they are, or that they are not the site's: "Many of the views expressed are
      # shared by younger residents" reports a survey)
      | .{0,120}(?:views|opinions)\s+expressed\s+(?:here\s+|in\s+this\s+(?:article|column|piece)\s+)?
            (?:are|do\s+not).{0,160}?\b(?:author|authors|writer|writers|contributor|columnist|
            own|solely|necessarily|reflect|represent)\b.{0,160}
      # write to the newsroom
      # (in touch with the site: "get in touch with the council at ..." is the story's)
      | (?:get\s+in\s+touch(?!\s+with\s+(?!us\b|our\b|me\b))|contact\s+(?:us|our\s+[\w\ ]{2,20}team))
            \b.{0,120}@[\w.-]+\.?
      | .{0,100}\?\s+get\s+in\s+touch\b(?!\s+with\s+(?!us\b|our\b|me\b))
            (?:.{0,80}|.{0,120}@[\w.-]+\.(?:\s+[^.!?@]{0,80}[.!])?)
      | for\s+more\s+(?:stories|news|articles|content)\s+like\s+this\b.{0,80}
      | (?:do\s+you\s+have|have\s+you\s+got|got)\s+an?\s+(?:story|tip|news\s+tip)\b[^?]{0,60}\?
            .{0,120}@[\w.-]+\.?(?:\s+[^.!?@]{0,80}[.!])?
      # the wire's staff credit ("Reporting by X; Editing by Y")
      | (?P<staff>(?:additional\s+)?reporting\s+by\b.{0,300}(?:editing|writing)\s+by\b.{0,120})
      # who else reported it, alone ("Additional reporting from PA", "With reporting by
      # Associated Press writer Jane Doe", "– additional reporting by John Roe"): named too
      | (?:[\u2013\u2014-]\s*)?\(?(?P<helpers>(?:with\s+(?:additional\s+)?|additional\s+)
            reporting\s+(?:by|from)\s+.{2,100}?)\)?\.?
      # the agency material a story was written with (German)
      | mit\s+agenturmaterial\.?
      | mit\s+material\s+(?:von|der)\s+[\w\s,/-]{1,40}\.?
      # the publisher's app and channels (English, Turkish, Indonesian)
      # (ending there, or going on to what the site sends: a how-to's "Download the Zoom app
      # on your phone and sign in" is a step of the text)
      | (?:download|get|install)\s+(?:the|our)\s+(?:free\s+)?(?:[\w'"’&-]+\s+){0,3}apps?\b
            (?:\s*[!.]?|\s*:.{0,40}|\s+(?:for|to|and|now)\b.{0,80}?\b(?:news|updates|alerts|stories|
            headlines|coverage|latest|breaking|informed|notifications|free)\b.{0,40})
      | .{0,40}uygulamas[ıi]n[ıi]\s+indirin.{0,80}
      | cek\s+berita.{0,100}google\s+news.{0,80}
      | (?:suivez|retrouvez|téléchargez|découvrez|installez)\b.{0,100}
            \bavec\s+l['’]application\s+(?:du|de|d['’])\b.{0,40}
      # the paywall's notice of what is left to read (French), its pitch (German)
      | jetzt\s+(?:abonnieren|abonnent\s+werden)\b.{0,100}
      | il\s+vous\s+reste\s+[\d.,]+\s*%\s+de\s+(?:cet|ce|l['’])\s*(?:article|contenu|texte).{0,120}
      | .{0,60}la\s+suite\s+est\s+réservée\s+aux\s+abonnés.{0,40}
      # an English paywall's pitch: the offer, and the way in for those who pay already
      | (?:get|unlock|enjoy)\s+unlimited\s+(?:digital\s+)?access\b.{0,160}
      | already\s+(?:a\s+subscriber|have\s+an\s+account)\s*\?\s*(?:log\s*in|sign\s*in)?\W{0,3}
      # the paywall's notice that the story is for subscribers (German, French, English)
      # (a clause after a comma is prose: "..., sagte der Sprecher")
      | (?:dieser|der)\s+(?:artikel|beitrag|inhalt)\s+ist\s+exklusiv\b[^,;]{0,80}
      | (?:jetzt\s+)?(?:weiterlesen|lesen\s+sie\s+(?:jetzt\s+)?(?:weiter\s+)?)\s*mit\s+[\w+&.\s-]{1,30}[.!]?
      | (?:cet\s+article|ce\s+contenu)\s+est\s+réservé\s+aux\s+abonnés[^,;]{0,60}
      | this\s+(?:article|story|content)\s+is\s+(?:exclusive\s+to|only\s+for|for|reserved\s+for)
            \s+(?:our\s+)?(?:paying\s+)?(?:[\w+&.'’-]+\s+)?subscribers\b[^,;]{0,80}
      # (its offer: "Become a paid subscriber to X to unlock this piece", "Unlock this
      # article — plus in-depth analysis ..."; a member of something else, "of the library
      # to access its e-books", is the story's advice)
      | become\s+an?\s+(?:paid\s+|paying\s+|premium\s+)?(?:subscriber|member)\s+
            (?!of\s+(?!us\b|our\b))(?:[\w+&.'’-]+\s+){0,4}?
            to\s+(?:unlock|read|continue\s+reading|keep\s+reading|access)\b.{0,100}
      | unlock\s+(?:this|the\s+(?:full|rest\s+of\s+this))\s+(?:article|story|piece|post)\b.{0,160}
    )$""",
    re.I | re.X,
)
# a verb of saying after a comma or semicolon: the line reports what someone said or wrote
REPORTED = re.compile(
    r"[,;]\s+(?:[\w'’.-]+\s+){0,6}?(?:said|says|say|urged|told|added|warned|wrote|reads|sagte|"
    r"sagt|sagten|erklärte|schreibt|a\s+(?:dit|déclaré|rappelé|affirmé|indiqué)|dijo|afirmó|"
    r"declaró)\b",
    re.I,
)
# What a line needs for PITCH_LINE to match it, tested on the line folded (caseless.ascii_fold):
# the opening of an alternative that starts the line (a prefix of each: "do" stands for
# "download", "ce" for "cek" and "cet", "t\xc3" for "téléchargez", é's first UTF-8 byte
# after the t), or a word of one that a run of any text opens (the "? get in touch" one
# needs a question mark and "touch"; "réservée" an é, so a line that is not ASCII).
# An alternative added to PITCH_LINE adds its opening or its word here.
OPENINGS = re.compile(
    "copyright|\xc2\xa9|\\(c\\)|get|contact|for|do|have|got|additional|reporting|mit|install|"
    "ce|suivez|retrouvez|t\xc3|d\xc3|jetzt|il|unlock|enjoy|already|dieser|der|weiterlesen|"
    "lesen|this|become|with\\s|\\((?:with|additional|reporting)|(?:\xe2\x80[\x93\x94]|-)\\s*(?:with|additional)")
INSIDE: tuple[str, ...] = ("redaktion", "expressed", "uygulamas")
# (and in a line that is not ASCII: "serv" of "réservée", and a letter re.I equates with an
# ASCII one: a line holding one goes on (has_odd))
INSIDE_WIDE = (*INSIDE, "serv")
MAX_LOWER = 2  # lower-case words (of 4+ letters) in a name; a sentence has more
ROLE_WORDS = frozenset(("reporting", "additional", "writing", "editing", "from"))
_WORD = re.compile(r"[^\W\d_][\w'’-]{3,}")


def has_odd(line: str) -> bool:
    """Whether the line holds a letter re.I equates with an ASCII one (caseless.CASE_ODD and
    the Kelvin sign), which ascii_fold() does not fold to it. Asked once a line: the
    call-to-action and the pitch tests both need it."""
    return "\u0130" in line or "\u0131" in line or "\u017f" in line or "\u212a" in line


def is_pitch_line(line: str, folded: str | None = None, odd: bool | None = None) -> bool:
    """Whether a normalised line is one of the notices and pitches above; ``folded``: the
    line's ascii_fold(), ``odd``: its has_odd(), when the caller has them."""
    return len(line) <= MAX_CHARS and \
        _may_match(line, ascii_fold(line) if folded is None else folded, odd) and _pitch(line)


def _pitch(line: str) -> bool:
    """is_pitch_line of a short line, without the test of what PITCH_LINE needs."""
    lowered = line.lower()
    for key in KEYS:  # (a loop, not any() over a generator: a fifth cheaper, most lines
        if key in lowered:  # having none of the keys)
            break
    else:
        return False
    match = PITCH_LINE.match(line)
    if match is None or REPORTED.search(line):
        return False
    owner, staff = match.group("owner"), match.group("staff")
    if owner is not None:
        return _named(owner.split(". ", 1)[0])
    if match.group("helpers") is not None:
        return _named(match.group("helpers"))
    return staff is None or _named(staff)


def _may_match(line: str, folded: str, odd: bool | None = None) -> bool:
    """Whether the line (``folded``: its ascii_fold(); ``odd``: its has_odd(), if known)
    holds what PITCH_LINE needs (OPENINGS, INSIDE): a line without it cannot match,
    whatever its keys."""
    wide = not line.isascii()
    if OPENINGS.match(folded) is not None or ("?" in line and "touch" in folded):
        return True
    for word in INSIDE_WIDE if wide else INSIDE:  # (a loop, as for the keys: a fifth of the
        if word in folded:  # test cheaper than any())
            return True
    return wide and (has_odd(line) if odd is None else odd)


def _named(text: str) -> bool:
    """Whether text names (a copyright owner, a wire's reporters and editors) rather than
    describes: few lower-case words beside the roles of a staff credit."""
    lower = [word for word in _WORD.findall(text)
             if word[0].islower() and word.lower() not in ROLE_WORDS]
    return len(lower) <= MAX_LOWER
