"""Ruby readings: furigana over kanji are junk, a lesson's spelled-out readings are text.

Easy-Japanese and children's news set kana readings over each kanji (<rt>); read into the
line, each word came twice, so <rt> and <rp> are junk tags. A language lesson sets a
reading in Latin letters (pinyin, romaji) over its word, and that reading is what the
lesson teaches: such a ruby keeps its readings and their brackets ("你好(nǐ hǎo)").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")  # a reading spelled in Latin letters (with tone marks)


def spelled_reading(node: LexborNode) -> bool:
    """Whether ``node`` (an <rt> or <rp>) belongs to a ruby whose readings are spelled in
    Latin letters."""
    ruby = node.parent
    if ruby is None:
        return False
    return any(_LATIN.search(rt.text_lexbor()) for rt in ruby.iter() if rt.tag == "rt")
