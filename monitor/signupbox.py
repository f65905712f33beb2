"""The box around a sign-up form: its pitch and consent lines go with the form.

A newsletter or text-alert box inside the body is a <form> (its inputs and buttons already
gone as junk) wrapped in a block with a short pitch ("Be the first to know!") and a consent
line. When the box carries no boilerplate class name, pruning removes only the <form> and
the pitch and consent stay in the body. The box is the largest ancestor of the form that is
still short and holds at most one paragraph and no table: the article's own blocks are
longer, hold several paragraphs or hold its data. A form sent by GET (a search, a recipe
card's print button) signs no one up: only the form goes.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.placement import PAGE_LEVEL, nested_in
from monitor.scoring import flat_text

SIGNUP_BOX_CHARS = 600  # characters: a pitch, a sub-line and a consent notice fit; a body part rarely does
SIGNUP_BOX_PARAGRAPHS = 1  # <p> a sign-up box holds at most (its pitch); body blocks hold more
SIGNUP_PITCH_CHARS = 100  # characters; a longer <p> beside the form is the article's, unless a consent notice

# what a sign-up box asks for or promises (a calculator's or a quote form's box names none)
SIGNUP_CUE = re.compile(
    r"\b(?:sign(?:ing)?\s+up|subscrib|newsletter|inbox|e-?mail|text\s+alerts|abonn|anmeld|"
    r"inscri|suscr)", re.I)
# a consent notice under the form ("By signing up, you agree ...", "Unsubscribe at any time")
CONSENT = re.compile(
    r"^\W*by\s+(?:sign|subscrib|submit|click|enter|provid|regist|continu)|"
    r"(?:unsubscribe|opt\s+out)\s+(?:at\s+)?any\s?time|\bour\s+privacy\s+(?:policy|notice)", re.I)


def signup_box(form: LexborNode, region: LexborNode, protect: set[int]) -> LexborNode:
    """The form itself, or its largest short ancestor below ``region`` (none protected)."""
    if (form.attributes.get("method") or "").lower() == "get":
        return form  # a search, print or filter form fetches a page: no sign-up
    box = form
    node = form.parent
    while node is not None and node.mem_id != region.mem_id and node.mem_id not in protect:
        if node.tag in PAGE_LEVEL or len(flat_text(node)) > SIGNUP_BOX_CHARS:
            break
        if len(node.css("p")) > SIGNUP_BOX_PARAGRAPHS or node.css_first("table") is not None:
            break  # the article's paragraphs, or its data (a price table beside a quote form)
        if _article_paragraph(node, form):
            break
        box, node = node, node.parent
    return box if box is form or SIGNUP_CUE.search(box.text_lexbor()) else form


def _article_paragraph(node: LexborNode, form: LexborNode) -> bool:
    """Whether ``node`` holds, outside the form, a run of text longer than a pitch that is no
    consent notice: a paragraph of the article set in a layout row beside a form ("In an
    e-mail to the Courier, the contractor said ..." beside a "Was this useful?" form), in a
    <p> or as a <div>'s own text between <br>s, is no sign-up."""
    for element in node.css("*"):
        text = " ".join(element.text(deep=False).split())
        if len(text) > SIGNUP_PITCH_CHARS and not CONSENT.search(text) \
                and not nested_in(element, (form.mem_id,)):
            return True
    return False


