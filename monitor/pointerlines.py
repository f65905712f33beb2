"""Lines that point the reader at the site's other coverage of a topic: "Hier finden Sie
alle unsere Inhalte zum Krieg in Nahost", "Aktuelle Meldungen zum Krieg finden Sie
jederzeit in unserem Liveblog:", "Mehr über die Füchse lesen Sie hier.", "Alle
Informationen zur Weltmeisterschaft.", "Weitere Informationen zum Coronavirus:", "For the
latest on the storm, visit our live blog.", "Follow live updates from the campaign trail".

A topic box between or under the paragraphs holds such a line beside its link; the box is
no story's part, and neither is the line once the box's markup is gone. Each alternative
is a whole short line (at most MAX_CHARS) in the page's voice (sie, du, our): a sentence of
the story that goes on ("Mehr über die Täter lesen Sie in den Akten, sagte der Richter")
is longer than the pattern allows or reports speech. No line without one of KEYS is read
by the regex.
"""

from __future__ import annotations

import re

from monitor.caseless import ascii_fold
from monitor.pitchlines import REPORTED

MAX_CHARS = 160  # characters of a pointer: a line, not a paragraph
# the words an alternative needs (ASCII, read on the line's ascii_fold): a line without any
# of them needs no regex
KEYS = ("n sie", "st du", "alle ", "weitere ", "for the latest", "for more", "live ")
TOPIC = r"[^.!?:]{1,80}?"  # the topic named: a phrase without a sentence's end
# a topic box's one sentence on the topic before its pointer ("The fighting goes on. Here ...")
LEAD = r"[^.!?]{1,100}[.!?]\s+"
# a topic named by nouns alone (German capitalises them): "zur Weltmeisterschaft", not "zur
# Sicherheit wurden geprüft"
NOUNS = r"(?-i:(?:(?:der|die|das|des|dem|den|und|in|im|am|von|vom)\s+|[A-ZÄÖÜ0-9][\w-]*\s+){0,3}" \
    r"[A-ZÄÖÜ0-9][\w-]*)"
POINTER_LINE = re.compile(
    rf"""^(?:
      # "Hier finden Sie alle (unsere) Inhalte/Artikel zum ...", "... finden Sie jederzeit
      # in unserem Liveblog", "Mehr über ... lesen Sie hier", "Alles über ... findest du hier"
        (?:{LEAD})?(?:hier\s+)?(?:finden|lesen)\s+sie\s+alle\s+(?:unsere\s+|weiteren\s+)?
            (?:inhalte|artikel|beiträge|berichte|informationen|infos|news|nachrichten|texte)
            \s+(?:zu|zum|zur|über|rund\s+um)\b{TOPIC}
      | (?:{LEAD})?{TOPIC}\s(?:finden|lesen)\s+sie\s+(?:jederzeit\s+|stets\s+|laufend\s+|immer\s+)?
            (?:hier|in\s+unserem\s+(?:[\w-]*blog|[\w-]*ticker|dossier|special|themen\w*|
            überblick|newsletter))
      | (?:mehr|alles|alle\s+infos|alle\s+informationen)\s+(?:über|zu|zum|zur)\b{TOPIC}
            \s(?:lesen|finden)\s+sie\s+(?:hier|auf\s+unserer\s+\w+)
      | (?:mehr|alles)\s+(?:über|zu|zum|zur)\b{TOPIC}\s(?:liest|findest)\s+du\s+hier
      # a label of the topic's links: "Alle Informationen zur WM.", "Weitere Infos zum Thema:"
      | alle\s+(?:infos|informationen|news|nachrichten|artikel)\s+(?:zu|zum|zur|über)\s+
            {NOUNS}
      | weitere\s+(?:infos|informationen|artikel|nachrichten|meldungen)\s+(?:zu|zum|zur|über)
            \b{TOPIC}\s*:
      # "For (the) latest/more on ..., visit/see/follow our live blog/coverage"
      | for\s+(?:the\s+latest|more)(?:\s+news|\s+updates|\s+coverage)?\s+(?:on|about)
            \b{TOPIC},?\s+(?:visit|see|follow|read|head\s+to|go\s+to|check\s+out)\s+our\s+
            (?:live\s+blog|live\s+coverage|coverage|live\s+updates|[\w-]+\s+page|hub)
      | (?:(?:[\w’']+\s+){{0,2}}[\w’']+\s*:\s*)?follow\s+(?:our\s+|the\s+)?live\s+(?:updates|coverage|blog)\b
            [^.!?]{{0,80}}
    )\s*[.!:…]*$""",
    re.I | re.X,
)


def is_pointer_line(line: str, folded: str | None = None) -> bool:
    """Whether a normalised line points at the site's other coverage (see the module);
    ``folded``: the line's ascii_fold(), when the caller has it."""
    if len(line) > MAX_CHARS:
        return False
    folded = ascii_fold(line) if folded is None else folded
    for key in KEYS:  # (a loop, not any() over a generator: most lines hold none)
        if key in folded:
            break
    else:
        return False
    return POINTER_LINE.match(line) is not None and REPORTED.search(line) is None
