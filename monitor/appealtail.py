"""The donation appeal that closes a story: its opening line and all after it.

Non-profit and reader-funded newsrooms end a story with a pitch for support: "Since you
made it to the bottom of this article, we have a small favor to ask", "Enjoyed this piece?
We need your help to keep publishing", then the campaign, the ask, a thank-you and the
editor's signature, each a plain paragraph. Only near the end (TAIL_LINES), and only when
what follows is short paragraphs: a story about fundraising quotes such lines higher up.
Nor when the line reports speech ("If you value food banks, please consider donating, the
director said"): a story about a charity can end on its appeal, quoted.
"""

from __future__ import annotations

import re

from monitor.pitchlines import REPORTED

TAIL_LINES = 10  # lines after the opening, at most, for it to close the body
TAIL_CHARS = 600  # characters of a line of the appeal; a longer one is the story's
APPEAL_OPENING = re.compile(
    r"""(?:since\s+you(?:['’]ve|\s+have)?\s+made\s+it\s+to\s+the\s+(?:bottom|end)\b
      | .{0,80}\bwe\s+have\s+a\s+small\s+favou?r\s+to\s+ask\b
      | (?:enjoyed|liked|like|love)\s+(?:this|our)\s+(?:piece|article|story|post|reporting|journalism)
        \?\s+(?:we\s+need\s+your\s+help|please\s+(?:support|consider|donate)|support|consider|
        become|help)
      | if\s+you\s+(?:value|believe|enjoyed|appreciate|like)\b.{0,140}\bplease\s+consider\s+
        (?:supporting|donating|making\s+a|pitching\s+in|becoming|a\s+donation)
      | unterstützen\s+sie\s+(?:unseren|unabhängigen|jetzt)\b.{0,40}journalismus
    ).{0,300}""",
    re.I | re.X,
)


def cut_appeal_tail(lines: list[str]) -> list[str]:
    """The body lines without a donation appeal that closes them."""
    first = max(1, len(lines) - TAIL_LINES - 1)
    for index in range(first, len(lines)):
        line = lines[index]
        if APPEAL_OPENING.fullmatch(line) and not REPORTED.search(line) and all(
                len(after) <= TAIL_CHARS for after in lines[index + 1:]):
            return lines[:index]
    return lines
