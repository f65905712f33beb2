"""Substring tests of one attribute ([class*="footer"], ...) arranged so that lexbor runs
fewer of them, for the same elements.

lexbor tests a value for a substring at every place in it, a call each: a ScrapingHub
page's class values hold ~8,000 characters, so each class test of the page-wide query
costs ~150,000 instructions, and nearly every one fails. Two arrangements spare most:

- a case-sensitive test goes behind its case-insensitive twin, [class*="footer" i]
  [class*="footer"]: the twin's test at a place looks a character up where the exact one
  calls memcmp, and the exact one runs only where the twin found the word;
- words that share a piece go behind one test of it (PIECES): "r" is in every word of
  the page-wide query but "comment", "re" in "related" and "recommend". A value without
  the piece fails once for all of them; one with it stops at its first place.

lexbor tries a compound's tests from the left and the selectors of an :is() in turn, and a
piece is part of each word under it: an element matches the arrangement exactly when it
matches one of the tests.
"""

from __future__ import annotations

from typing import Union

# a shared piece and what sits under it (words, or pieces of those words)
Piece = tuple[str, tuple[Union["Piece", str], ...]]

# the pieces of the page-wide query's class and id words, outermost first (chosen on the
# class values of the ScrapingHub pages: the class tests cost ~0.75M instructions a page
# instead of ~1.09M with the twins alone)
PIECES: Piece = ("r", (
    ("re", ("related", "recommend")),
    ("ar", ("sidebar", "popular")),
    ("ter", ("footer", "newsletter")),
))


def sieve(name: str, tests: list[str]) -> str:
    """One selector for substring tests of the attribute ``name`` (parts such as
    '[class*="footer"]' or '[style*="display:none" i]'): each twinned, the words PIECES
    holds behind their pieces, all behind a test that the element has the attribute."""
    words: dict[str, str] = {}
    for test in tests:  # (a word tested both ways: the case-insensitive test finds both)
        word = _word(name, test)
        if not words.get(word, "").endswith(" i]"):
            words[word] = test
    placed: set[str] = set()
    shared = _arranged(name, PIECES, (), words, placed)
    alts = [twinned(test) for word, test in words.items() if word not in placed] + shared
    if len(alts) == 1 and alts[0].startswith(f"[{name}*="):
        return alts[0]  # (its first test needs the attribute already)
    return f"[{name}]:is({', '.join(alts)})"


def twinned(test: str) -> str:
    """A case-sensitive substring test behind its case-insensitive twin; a test that is
    case-insensitive already as it is."""
    if test.endswith(" i]"):
        return test
    return f"{test[:-1]} i]{test}"


def _arranged(name: str, piece: Piece, outer: tuple[str, ...], words: dict[str, str],
              placed: set[str]) -> list[str]:
    """The alternatives for the words under ``piece`` (those of ``words`` that hold it and
    every piece ``outer`` to it), behind a test of the piece when two tests or more
    share it."""
    text, kids = piece
    chain = (*outer, text)
    alts: list[str] = []
    for kid in kids:
        if isinstance(kid, str):
            if kid in words and kid not in placed and all(p in kid.lower() for p in chain):
                alts.append(twinned(words[kid]))
                placed.add(kid)
        else:
            alts.extend(_arranged(name, kid, chain, words, placed))
    if len(alts) < 2:
        return alts
    return [f'[{name}*="{text}" i]:is({", ".join(alts)})']


def _word(name: str, test: str) -> str:
    """The substring a test looks for: 'footer' of '[class*="footer"]'."""
    return test[len(f'[{name}*="'):].split('"', 1)[0]
