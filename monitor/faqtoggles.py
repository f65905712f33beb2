"""An FAQ's question written as the button that opens its answer: the question is text.

Accordion FAQs put each question in a ``<button aria-expanded>``; buttons are junk (they
carry "Menu", "Share", "Load more"), so the answers stayed and their questions went. A
button inside a heading is spared already (dom._accordion_toggle); many builders do it the
other way round (the heading inside the button) or with no heading at all. Such a button
is spared when its label is a question and an answer follows it: the element after the
button, or after the box that holds nothing but the button. A control's label is seldom
a question, and one that is ("Looking for something else?") opens a menu, a panel of
links, not an answer; such a one goes with its box wherever that box is boilerplate.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from monitor.placement import sibling
from monitor.scoring import link_density, text_len

QUESTION_MIN = 12  # characters: shorter ("Why?", "More?") is a control's label, not a question
QUESTION_MAX = 250  # characters: longer is a block of text wrapped in a button, not a question
ANSWER_MIN = 40  # characters the answer panel holds at least (a sentence, not a link list's label)
ANSWER_LINKS = 0.5  # linked share of the panel above which it is a menu's links, not an answer
_ASKS = ("?", "？", "؟")  # how a question ends (Latin script, CJK full-width, Arabic)


def question_toggle(button: LexborNode) -> bool:
    """Whether a button (with ``aria-expanded``) is an FAQ question over its answer."""
    label = (button.text() or "").strip()
    if not QUESTION_MIN <= len(label) <= QUESTION_MAX or not label.endswith(_ASKS):
        return False
    panel = sibling(button, before=False)
    if panel is None:
        box = button.parent  # (a title box around the button alone: the panel follows the box)
        if box is None or text_len(box) != text_len(button):
            return False
        panel = sibling(box, before=False)
    if panel is None or panel.tag == "button":
        return False
    length = text_len(panel)
    return length >= ANSWER_MIN and link_density(panel, length) <= ANSWER_LINKS
