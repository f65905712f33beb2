"""The consent box of an embed that loads on a click: its notice is no body text.

A story that embeds a video or a post from another platform often shows, until the reader
agrees, a small box in its place: a title ("Recommended content"), a line saying what the
embed is, a switch (<input type="checkbox"> with its <label for=...>, the input gone as
junk) and a data notice naming third parties and the privacy policy. Its class names are
the site's own and name nothing, so only its build tells: a short box around a <label for>
that names what data goes where. The box is the largest ancestor of the label that is still
short, holds a few paragraphs and no heading, table, list, picture or quote (a fact box's
toggle), whose label lets the embed in, and opens with its title, not with
the label (a CSS-only accordion's item opens with its label, the panel's title, above the
panel's text).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.placement import PAGE_LEVEL
from monitor.scoring import flat_text

CONSENT_BOX_CHARS = 700  # characters: a title, a line on the embed, a switch and a data notice
CONSENT_BOX_PARAGRAPHS = 4  # <p> such a box holds at most; a stretch of the story holds more
CONSENT_LABEL_CHARS = 60  # characters of a switch's label ("Allow YouTube content"), no question

# what a consent box names: the data sent to a third party, the policy ("external" alone
# is a word of many a story)
CONSENT_CUE = re.compile(
    r"third[\s-]part|drittanbieter|drittplattform|datenschutz|privacy|personal\s+data|"
    r"personenbezogen|données\s+personnelles|datos\s+personales|dati\s+personali|"
    r"cookie", re.I)
# what a consent switch's label does or names: lets the embed show, load or play ("Show
# external content", "YouTube-Inhalte erlauben"), or names the outside content it lets in;
# a story's own switch names a thing of the story ("Analytics cookies", a demo in an
# explainer on cookie rules) or another action ("Listen")
CONSENT_SWITCH = re.compile(
    r"\b(?:show|load|allow|accept|agree|consent|enable|activate|display|unblock|play|"
    r"anzeigen|einblenden|laden|erlauben|aktivieren|zulassen|akzeptieren|zustimm|einwillig|"
    r"afficher|autoriser|accepter|activer|charger|mostrar|cargar|permitir|aceptar|activar|"
    r"mostra|carica|consenti|accetta|attiva|toon|toestaan|accepteren|pokaż|załaduj|"
    r"zgadzam|akceptuj|włącz|показать|загрузить|разрешить|принять|"
    r"extern|estern|embed|einbett|drittanbieter|third)", re.I)
# a CSS-only expander's label ("Show more", "Mehr anzeigen"): it unfolds the story, lets
# nothing in
_EXPANDER = re.compile(
    r"\b(?:more|less|mehr|weniger|plus|moins|más|menos|mais|meer|minder|więcej|mniej|"
    r"больше|меньше)\b", re.I)
# what a consent box (a placeholder: a title, a line, a switch, a notice) never holds: a
# heading of the story, a table, a list, a picture or a quote (a fact box's toggle has them)
_CONTENT = "h1, h2, h3, h4, h5, h6, table, ul, ol, dl, img, figure, picture, blockquote"


def consent_box(label: LexborNode, region: LexborNode, protect: set[int]) -> LexborNode | None:
    """The consent box around a switch's ``label``, or None when the label is no switch of
    one (a question over an accordion's panel, a label of a form the pruning judges)."""
    text = flat_text(label)
    if not text or len(text) > CONSENT_LABEL_CHARS or text.endswith(("?", "？")):
        return None
    if not CONSENT_SWITCH.search(text) or _EXPANDER.search(text):
        return None  # (no switch that lets an embed in: a story's own toggle or demo)
    box = label
    node = label.parent
    while node is not None and node.mem_id != region.mem_id and node.mem_id not in protect:
        if node.tag == "form":
            return None  # a form's field: signupbox and the pruning of forms judge it
        if node.tag in PAGE_LEVEL or len(flat_text(node)) > CONSENT_BOX_CHARS:
            break
        if len(node.css("p")) > CONSENT_BOX_PARAGRAPHS:
            break
        if node.css_first(_CONTENT) is not None:
            break
        box, node = node, node.parent
    if box is label:
        return None
    words = flat_text(box)
    if words.startswith(text) or not CONSENT_CUE.search(words):
        return None  # (a label that opens its box heads a panel: an accordion's item)
    return box
