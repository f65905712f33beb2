"""The one folded automaton finds exactly the hits a plain search finds: case-insensitive
aliases in the folded form, case-sensitive ones in the case-preserving form (issue 9 merged
the second automaton into the first; these pin that nothing was lost or added)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.normalize import Normalizer
from monitor.watch import Matcher, is_acronym, joins, variants

from .test_watch import Org


def _plain_hits(orgs: list[Org], text: str) -> set[tuple[int, int, str, bool]]:
    """Every whole-word occurrence of every alias, by str.find, as (start, end, alias, excluded)."""
    normalizer = Normalizer()
    norm = normalizer.normalize(text)
    found = set()
    for org in orgs:
        for term, excluded in [*((a, False) for a in (org.name, *org.aliases)),
                               *((e, True) for e in org.exclude)]:
            form = normalizer.normalize(term).text.strip()
            if not form:
                continue
            sensitive = org.case_sensitive or is_acronym(form)
            hay = norm.text if sensitive else norm.folded
            for variant in variants(form):
                key = variant if sensitive else normalizer.fold(variant)
                i = hay.find(key)
                while i != -1:
                    end = i + len(key)
                    if not ((joins(key[0]) and i > 0 and joins(hay[i - 1]))
                            or (joins(key[-1]) and end < len(hay) and joins(hay[end]))):
                        found.add((i, end, term, excluded))
                    i = hay.find(key, i + 1)
    return found


def _automaton_hits(orgs: list[Org], text: str) -> set[tuple[int, int, str, bool]]:
    matcher = Matcher(orgs)
    raw: list = []
    exact: list = []
    norm = matcher._normalizer.normalize(text)
    matcher._automaton().hits(norm, raw, exact)
    return {(s, e, o.alias, o.exclude) for s, e, p in raw + exact for o in p.owners}


def test_greek_capital_sigma_in_a_case_sensitive_alias() -> None:
    """str.lower makes a capital sigma final or not from its neighbours, so the folded
    alias and the folded text can disagree where the case-preserving forms agree: an
    acronym ending in a sigma before an apostrophe or a stop and a letter."""
    for text in ("ΑΣ'Α news", "the ΑΣ.Β report", "ΟΔΟΣ'Α"):
        orgs = [Org("ΑΣ"), Org("Odos", ("ΟΔΟΣ",), case_sensitive=True)]
        assert _automaton_hits(orgs, text) == _plain_hits(orgs, text)
        assert Matcher(orgs).match("", text)


def test_a_case_insensitive_alias_with_a_sigma_is_found_whatever_follows_it() -> None:
    """The folded form writes every sigma one way: str.lower made the capital sigma of
    ``ΟΔΟΣ'Α`` a medial one, so the alias ``Οδος`` (folded with a final one) was not found
    there, nor the alias ``Οδοσ`` in text that ends the word in a capital sigma. (An
    all-capital ``ΟΔΟΣ`` is an acronym, matched in its own case.)"""
    for alias, text in (("Οδος", "στην ΟΔΟΣ'Α"), ("Οδοσ", "η ΟΔΟΣ σήμερα"),
                        ("Οδοσ", "η οδος, σήμερα")):
        orgs = [Org("Odos", (alias,))]
        assert Matcher(orgs).match("", text), (alias, text)
        assert _automaton_hits(orgs, text) == _plain_hits(orgs, text)
    assert not Matcher([Org("Odos", ("Οδος",))]).match("", "οδοσμετρο")  # (still whole words)


_LETTERS = "aAΑΣσςİıß"
_TEXT = _LETTERS + " '.&-\u00ad\u0307"
_words = st.text(st.sampled_from(_LETTERS), min_size=1, max_size=4)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.tuples(_words, st.booleans(), st.booleans()), min_size=1, max_size=5),
       st.data())
def test_one_automaton_finds_what_a_plain_search_finds(
        spec: list[tuple[str, bool, bool]], data: st.DataObject) -> None:
    """Aliases that fold to the same letters, acronyms, case-sensitive organisations,
    exclusions, at text edges and next to ß, İ, ı, final sigma and combining marks."""
    orgs = [Org(f"org{k}", (alias,), sensitive, (alias + " " + alias,) if excl else ())
            for k, (alias, sensitive, excl) in enumerate(spec)]
    aliases = [alias for alias, _, _ in spec]
    pieces = [*aliases, *(a.swapcase() for a in aliases), *(a + p for a in aliases for p in "'."),
              *_TEXT]
    text = "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=12)))
    assert _automaton_hits(orgs, text) == _plain_hits(orgs, text)


def test_ten_thousand_patterns_either_side_of_the_dfa_limit() -> None:
    """Past DFA_PATTERNS keys (folded and case-sensitive counted together) the automaton is
    an NFA: the same hits."""
    rng = random.Random(9)
    words = ["".join(rng.choice("abcΣαß") for _ in range(rng.randint(3, 7))) for _ in range(8000)]
    orgs = [Org(f"org{k}", (w, w.upper()), k % 3 == 0) for k, w in enumerate(words)]
    text = " ".join(rng.choice(words) for _ in range(40)) + " " + " ".join(
        rng.choice(words).upper() + rng.choice(".' ") for _ in range(40))
    for count in (1, 4000, len(orgs)):
        assert _automaton_hits(orgs[:count], text) == _plain_hits(orgs[:count], text)
