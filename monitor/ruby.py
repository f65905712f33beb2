"""Ruby readings: furigana over kanji are junk, a lesson's spelled-out readings are text.

Easy-Japanese and children's news set kana readings over each kanji (<rt>); read into the
line, each word came twice, so <rt> and <rp> are junk tags. A language lesson sets a
reading in Latin letters (pinyin, romaji) over its word, and that reading is what the
lesson teaches: such a ruby keeps its readings and their brackets ("你好(nǐ hǎo)"); a ruby
without <rp> gets the brackets its reading would show in a browser without ruby support.

A newspaper glosses only the odd hard name, once ("尹錫悦（ユンソンニョル）": a Korean or Chinese
name read in kana): a page with so few readings is not furigana over every kanji, and the
reading, in its brackets, is part of the sentence as printed (references keep it).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")  # a reading spelled in Latin letters (with tone marks)
RARE_READINGS = 4  # <rt> on a page at most: names glossed once each, not furigana throughout


def rare_readings(junk: list[LexborNode], rt_id: int) -> bool:
    """Whether the page's junk elements (the junk walk's) hold at most RARE_READINGS <rt>."""
    return sum(node.tag_id == rt_id for node in junk) <= RARE_READINGS


def spelled_reading(node: LexborNode) -> bool:
    """Whether ``node`` (an <rt> or <rp>) belongs to a ruby whose readings are spelled in
    Latin letters."""
    ruby = node.parent
    if ruby is None:
        return False
    return any(_LATIN.search(rt.text_lexbor()) for rt in ruby.iter() if rt.tag == "rt")


def bracket_reading(rt: LexborNode) -> None:
    """A kept reading set off from its word: "你好(nǐ hǎo)", not "你好nǐ hǎo", when the ruby
    has no <rp> brackets of its own."""
    ruby = rt.parent
    if ruby is not None and not any(node.tag == "rp" for node in ruby.iter()):
        rt.insert_before("(")
        rt.insert_after(")")
