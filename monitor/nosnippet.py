"""Blocks a publisher keeps out of search snippets: never the article's text.

``data-nosnippet`` tells search engines which parts of a page not to quote: publishers put
it on sign-up pitches, notices, code widgets and the like. On the dev pages no such block
held reference text. A block that holds most of a body's text is kept all the same (a
paywalled site may mark its whole article), and so is an inline element inside a sentence,
and so are paragraphs of the story's prose: a site may keep a quote or a price out of
search results, paragraph by paragraph. A widget is no paragraph, and a pitch is short or
speaks to the reader ("Get our free briefing ... to your inbox") outside any quote.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor.dom import text_len
from monitor.placement import in_sentence
from monitor.scoring import link_density
from monitor.sweep import unlink_inside

QUERY = "[data-nosnippet]"
MOST = 0.5  # share of a body's text above which a marked block is the article itself
STORY_PARAGRAPH = 110  # characters of a marked <p> of the story (a sign-up pitch is shorter)
STORY_SHARE = 0.8  # share of a marked block's text in such paragraphs for it to be the story's
STORY_LINKS = 0.2  # linked share above which a paragraph is a teaser, not the story
SENTENCE_ENDS = tuple(".!?。！？\"”»")
QUOTED = re.compile(r"[\"“„«][^\"“”„«»]*[\"”“»]")
# words to or from the site (English, German, French, Spanish): a pitch's, not a report's
# (German 'Sie' and 'Ihr' also open a report's sentences: she, her)
TO_READER = re.compile(
    r"\b(?:you|your|our|unser|unsere|unseren|unserem|unserer|vous|votre|vos|notre|nos|usted|"
    r"nuestro|nuestra|nuestros|nuestras)\b", re.I)


def drop_nosnippet(nodes: list[LexborNode]) -> None:
    """Unlink the snippet-excluded blocks inside the chosen body containers; a container
    marked whole is the article (like a block above MOST), and its marked parts stay."""
    unlink_inside([node for node in nodes if "data-nosnippet" not in node.attributes],
                  QUERY, MOST, _excluded)


def _excluded(block: LexborNode, most: float) -> bool:
    """Whether a marked block is no part of the text: not inside a sentence, no more than
    ``most`` characters, and no paragraphs of the story's prose."""
    length = text_len(block)
    return not in_sentence(block) and length <= most and not _story_prose(block, length)


def _story_prose(block: LexborNode, length: int) -> bool:
    """Whether a marked block is paragraphs of the story: long unlinked <p> sentences."""
    prose = 0
    for para in [block] if block.tag == "p" else block.css("p"):
        text = para.text(deep=True).strip()
        if len(text) >= STORY_PARAGRAPH and text.endswith(SENTENCE_ENDS) \
                and link_density(para, len(text)) <= STORY_LINKS \
                and TO_READER.search(QUOTED.sub("", text)) is None:
            prose += len(text)
    return prose > 0 and prose >= STORY_SHARE * length
