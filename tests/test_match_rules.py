"""Issue 7: the matching rules, one row of tests/data/match_cases.yaml per case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import ahocorasick_rs
import pytest
import yaml

from monitor import watch as watch_module
from monitor.watch import Matcher, is_acronym, joins, unspaced, variants

from .test_watch import Org

DFA = ahocorasick_rs.Implementation.DFA

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "data" / "match_cases.yaml").read_text("utf-8"))


def org_of(row: dict[str, Any]) -> Org:
    return Org(row["name"], tuple(row.get("aliases", ())), row.get("case_sensitive", False),
               tuple(row.get("exclude", ())))


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_edge_case(case: dict[str, Any]) -> None:
    mentions = Matcher([org_of(o) for o in case["watch"]]).match(case.get("title", ""),
                                                                 case["text"])
    assert [m.organisation for m in mentions] == case["expect"]
    if mentions:
        first = mentions[0]
        assert first.alias == case.get("alias", first.alias)
        assert first.count == case.get("count", first.count)
        assert case.get("snippet", "") in first.snippet


def test_the_table_covers_every_rule_of_the_issue() -> None:
    ids = {c["id"] for c in CASES}
    for needed in ("poly-group-not-inside-polytechnic", "meta-possessive", "ampersand-name",
                   "co-ltd", "latin-name-between-chinese-characters",
                   "chinese-alias-inside-chinese-text", "strasse-upper-case-text",
                   "name-broken-by-newline", "name-broken-by-no-break-space",
                   "short-acronym-that-is-a-word", "overlapping-aliases-longest-wins"):
        assert needed in ids


@pytest.mark.parametrize(("alias", "acronym"), [
    ("BP", True), ("AT&T", True), ("SIMIA", True), ("3M", True), ("NASDAQ", False),
    ("Meta", False), ("China Haisum", False), ("at&t", False), ("中国海诚", False),
])
def test_acronyms(alias: str, acronym: bool) -> None:
    assert is_acronym(alias) is acronym


@pytest.mark.parametrize(("ch", "word"), [
    ("a", True), ("7", True), ("é", True), ("ф", True), ("\u0301", True),
    ("中", False), ("は", False), ("은", False), ("ก", False), ("'", False), (" ", False),
    ("&", False), ("\U0001F680", False), ("𠀋", False),
])
def test_word_characters(ch: str, word: bool) -> None:
    assert joins(ch) is word
    assert unspaced(ch) is (ch in "中は은ก𠀋")


def test_punctuation_spacing_variants() -> None:
    assert variants("Co., Ltd.") == {"Co., Ltd.", "Co.,Ltd."}
    assert variants("Co.,Ltd.") == {"Co.,Ltd.", "Co., Ltd."}
    assert variants("S.A.") == {"S.A."}
    assert {"AT&T", "AT & T"} <= variants("AT&T")


def test_snippet_is_original_text_around_the_first_hit() -> None:
    body = "x " * 300 + "Die Stra\u00adße\u00a0Bau AG meldet. " + "y " * 300
    (mention,) = Matcher([Org("Strasse Bau AG")]).match("", body)
    assert "Die Straße Bau" in mention.snippet and "\u00ad" not in mention.snippet
    assert mention.snippet.startswith("…") and mention.snippet.endswith("…")
    assert len(mention.snippet) < 300


def test_snippet_after_length_changing_characters_is_centred() -> None:
    body = "ß…\u00ad" * 400 + " China Haisum signs. " + "ß" * 400
    (mention,) = Matcher([Org("China Haisum")]).match("", body)
    assert "China Haisum signs." in mention.snippet


def test_matcher_counts_organisations_and_handles_an_empty_watchlist() -> None:
    assert len(Matcher([Org("A Co"), Org("B Co")])) == 2
    assert Matcher([]).match("Title", "Body") == ()
    assert Matcher([Org(" ", ("",))]).match("", "   ") == ()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_a_large_watchlist_finds_the_same(case: dict[str, Any],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 9: small watchlists search with a DFA, large ones with the default automaton
    (memory); both give every case of the table the same mentions, snippets included."""
    built: list[object] = []
    real = ahocorasick_rs.AhoCorasick

    def recording(keys: list[str], **options: Any) -> Any:
        built.append(options.get("implementation"))
        return real(keys, **options)

    monkeypatch.setattr(ahocorasick_rs, "AhoCorasick", recording)
    watch = [org_of(o) for o in case["watch"]]
    title, text = case.get("title", ""), case["text"]
    small = Matcher(watch)
    found_small = small.match(title, text)  # (the automaton is built by the first match)
    assert built and all(kind == DFA for kind in built)
    built.clear()
    monkeypatch.setattr(watch_module, "DFA_PATTERNS", 0)
    large = Matcher(watch)
    assert large.match(title, text) == found_small
    assert built and all(kind is None for kind in built)
