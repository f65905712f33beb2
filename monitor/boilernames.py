"""Whether class/id names mark a boilerplate block: the name vocabulary of selectors.BOILER_*.

Names are split into lower-case tokens; a token is boilerplate when it is one of the
words, begins with one of the prefixes, ends with one of the suffixes, or makes a pair
with the token before it, unless a neutral pair says it qualifies something else.
"""

from __future__ import annotations

from functools import lru_cache
from operator import itemgetter

from monitor import selectors as sel
from monitor.scoring import NAME_CACHE, unlive

_STYLE_CLASS = "has-"  # how a block editor's style classes begin ("has-large-font-size")
_DIGITS = "0123456789"  # a generated suffix on a class word ("heading10415")


@lru_cache(maxsize=NAME_CACHE)
def boilerplate_names(names: str) -> bool:
    """Whether class/id names mark a boilerplate block (see selectors.BOILER_*); cached, as
    the same names come back on many elements of a page and of a site.

    A block editor's style classes ("has-font-18-px-font-size", "has-background") say how
    a block looks, not what it is: they are left out."""
    names = unlive(names)  # (a live blog's entry, "live-match-comment", is the story)
    if _STYLE_CLASS in names:
        names = " ".join(word for word in names.split() if not word.startswith(_STYLE_CLASS))
    tokens = name_words(names)
    if _FLAGGED.isdisjoint(tokens) and _PREFIX_HEADS.isdisjoint(map(_head, tokens)) \
            and _SUFFIX_TAILS.isdisjoint(map(_tail, tokens)):
        return False  # (no token may be flagged: most names, tested without a Python loop)
    for index, token in enumerate(tokens):  # (no token is empty: the one before is "previous")
        if token not in _FLAGGED and token[:_HEAD] not in _PREFIX_HEADS \
                and token[-_TAIL:] not in _SUFFIX_TAILS:
            continue  # (no test of _boiler_token can hold: most tokens, without a call)
        previous = tokens[index - 1] if index else ""
        if previous not in _NEUTRAL_BEFORE.get(token, _NO_WORDS) \
                and _boiler_token(token, previous) and not _qualifies_next(tokens, index):
            return True
    return False


def name_words(names: str) -> list[str]:
    """The words of class/id names: sel.NAME_TOKENS.split(names.lower()) without its empty
    strings. ASCII names (nearly all) by one translate and a whitespace split: the regex
    split cost ~9,000 instructions for a name of 27 characters, more than all the tests."""
    if names.isascii():  # (a bytes table: str.translate looks each character up in a dict)
        return names.encode().translate(_TO_WORDS).decode().split()
    return [word for word in sel.NAME_TOKENS.split(names.lower()) if word]


# every ASCII character: letters lower-cased, digits kept, any other a space (the rest of
# the byte table is never read: the names are ASCII)
_TO_WORDS = bytes(ord(chr(code).lower()) if chr(code).isalnum() else 32 for code in range(256))


def _boiler_token(token: str, previous: str) -> bool:
    """Whether a token is a boilerplate word, or one of a pair with the token before it.

    A name's first page misses the caches, and its tokens are mostly no such word (Tailwind
    writes dozens a class): each test of a prefix or a suffix runs only for a token that
    begins (ends) as one does, so most tokens cost four lookups, not forty-three calls."""
    return (
        token in sel.BOILER_WORDS
        or (token[:_HEAD] in _PREFIX_HEADS and token.startswith(sel.BOILER_PREFIXES))
        or (token[-_TAIL:] in _SUFFIX_TAILS and token.endswith(sel.BOILER_SUFFIXES))
        or previous in _BOILER_BEFORE.get(token, _NO_WORDS)
    )


def _before(pairs: frozenset[str]) -> dict[str, frozenset[str]]:
    """Token pairs ("most-read") by their second token: the first tokens it pairs with.

    Tokens hold no "-" (selectors.NAME_TOKENS splits at it), so f"{previous}-{token}" is
    a pair exactly when ``previous`` is one of the first tokens of ``token``'s pairs."""
    found: dict[str, set[str]] = {}
    for pair in pairs:
        first, second = pair.split("-")
        found.setdefault(second, set()).add(first)
    return {second: frozenset(firsts) for second, firsts in found.items()}


_NO_WORDS: frozenset[str] = frozenset()
_NEUTRAL_BEFORE = _before(sel.NEUTRAL_PAIRS)
_BOILER_BEFORE = _before(sel.BOILER_PAIRS)
_HEAD = min(map(len, sel.BOILER_PREFIXES))  # a token with a boilerplate prefix begins as it does
_PREFIX_HEADS = frozenset(prefix[:_HEAD] for prefix in sel.BOILER_PREFIXES)
_TAIL = min(map(len, sel.BOILER_SUFFIXES))
_SUFFIX_TAILS = frozenset(suffix[-_TAIL:] for suffix in sel.BOILER_SUFFIXES)
_head, _tail = itemgetter(slice(None, _HEAD)), itemgetter(slice(-_TAIL, None))
# the tokens a boilerplate word or the second of a boilerplate pair may be
_FLAGGED = sel.BOILER_WORDS | frozenset(_BOILER_BEFORE)


def _qualifies_next(tokens: list[str], index: int) -> bool:
    """Whether the boilerplate word at ``index`` qualifies the token after it, a pair of
    NEUTRAL_PAIRS ("adv-heading10415": its generated digits dropped)."""
    following = tokens[index + 1].rstrip(_DIGITS) if index + 1 < len(tokens) else ""
    return f"{tokens[index]}-{following}" in sel.NEUTRAL_PAIRS
