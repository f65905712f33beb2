"""Shortcuts of the page-wide pruning (speed15a) give the answers of the plain tests."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor import selectors as sel
from monitor.boilernames import boilerplate_names, name_words
from monitor.scoring import unlive

_VOCABULARY = sorted(
    sel.BOILER_WORDS | set(sel.BOILER_PREFIXES) | set(sel.BOILER_SUFFIXES)
    | {word for pair in sel.BOILER_PAIRS | sel.NEUTRAL_PAIRS for word in pair.split("-")}
)
# words, their pieces and their neighbours: a prefix's head with another ending, a
# suffix's tail with another beginning, generated digits, a live blog's entry name
_TOKENS = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.builds(lambda word, cut: word[:cut], st.sampled_from(_VOCABULARY), st.integers(1, 6)),
    st.builds(lambda word, cut: word[-cut:], st.sampled_from(_VOCABULARY), st.integers(1, 6)),
    st.builds(lambda a, b: a + b, st.sampled_from(_VOCABULARY), st.sampled_from(_VOCABULARY)),
    st.builds(lambda word: word + "10415", st.sampled_from(_VOCABULARY)),
    st.sampled_from(["", "x", "live", "comment", "has", "has-background", "Nav", "SIDEBAR"]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8),
)
_NAMES = st.builds(
    lambda tokens, seps: "".join(t + s for t, s in zip(tokens, seps, strict=False)),
    st.lists(_TOKENS, min_size=1, max_size=8),
    st.lists(st.sampled_from([" ", "-", "_", "--", "__", " -", "."]), min_size=8, max_size=8),
)


def _reference(names: str) -> bool:
    """boilerplate_names as the plain loop wrote it: every test on every token."""
    previous = ""
    names = unlive(names)
    if "has-" in names:
        names = " ".join(word for word in names.split() if not word.startswith("has-"))
    tokens = sel.NAME_TOKENS.split(names.lower())
    for index, token in enumerate(tokens):
        if token:
            if f"{previous}-{token}" in sel.NEUTRAL_PAIRS:
                previous = token
                continue
            following = tokens[index + 1].rstrip("0123456789") if index + 1 < len(tokens) else ""
            if (
                token in sel.BOILER_WORDS
                or token.startswith(sel.BOILER_PREFIXES)
                or token.endswith(sel.BOILER_SUFFIXES)
                or f"{previous}-{token}" in sel.BOILER_PAIRS
            ) and f"{token}-{following}" not in sel.NEUTRAL_PAIRS:
                return True
            previous = token
    return False


@settings(max_examples=3000)
@given(_NAMES)
def test_boilerplate_names_tests_only_tokens_that_may_match(names: str) -> None:
    """The prefix/suffix/pair pre-tests skip only tokens that no test would flag."""
    assert boilerplate_names(names) == _reference(names)


def test_boilerplate_names_finds_every_word_of_the_vocabulary() -> None:
    """Each word, prefix, suffix and pair is found alone (the pre-tests' sets miss none)."""
    for word in (*sel.BOILER_WORDS, *sel.BOILER_PREFIXES, *sel.BOILER_SUFFIXES, *sel.BOILER_PAIRS):
        assert boilerplate_names(f"box {word} x"), word
    for prefix in sel.BOILER_PREFIXES:
        assert boilerplate_names(f"{prefix}zz")
    for suffix in sel.BOILER_SUFFIXES:
        assert boilerplate_names(f"zz{suffix}")
    assert not boilerplate_names("label-hidden field")  # a neutral pair
    assert not boilerplate_names("kt-adv-heading10415")


@given(st.one_of(_NAMES, st.text(max_size=40), st.text(alphabet="aZ9-_ .\t\x1cİK\u212a", max_size=20)))
def test_name_words_are_the_regex_split_without_empty_words(names: str) -> None:
    """name_words (a translate and a whitespace split for ASCII) gives the regex's words."""
    assert name_words(names) == [word for word in sel.NAME_TOKENS.split(names.lower()) if word]
