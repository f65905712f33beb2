"""Watchlist matching: names and aliases as whole words, the sample expectations, edge cases."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
import yaml

from monitor.watch import Matcher

from .conftest import FIXTURES, all_articles


@dataclass(frozen=True)
class Org:
    name: str
    aliases: tuple[str, ...] = ()
    case_sensitive: bool = False
    exclude: tuple[str, ...] = field(default=())


def sample_matcher() -> Matcher:
    data = yaml.safe_load((FIXTURES / "watchlist.yaml").read_text("utf-8"))
    return Matcher(Org(o["name"], tuple(o["aliases"])) for o in data["organisations"])


@pytest.mark.parametrize(("site", "article"), all_articles(), ids=lambda v: str(v)[-30:])
def test_expected_mentions(site: str, article: dict) -> None:
    mentions = sample_matcher().match(article["title"], article["body"])
    assert sorted(m.organisation for m in mentions) == article["mentions"]


@pytest.mark.parametrize(("text", "org", "hit"), [
    ("Poly Group signs deal", Org("Poly Group"), True),
    ("Shenzhen Polytechnic opens", Org("Poly Group", ("Poly",)), False),  # T25 word boundary
    ("the metadata layer", Org("Meta"), False),
    ("Meta's new model", Org("Meta"), True),  # possessive
    ("BPM suite", Org("BP"), False),
    ("AT&T and C&A agree", Org("AT&T"), True),
    ("at&t results", Org("AT&T"), False),  # an all-caps acronym is case-sensitive
    ("AT&T results", Org("AT&T"), True),
    ("simia says", Org("SIMIA", case_sensitive=True), False),
    ("Goo\u00adgle and Goo\u200bgle", Org("Google"), True),  # soft hyphen / zero width
    ("Zu\u0308rich Insurance", Org("Zürich Insurance"), True),  # NFD text, NFC alias
    ("中国海诚工程科技股份有限公司发布", Org("中国海诚"), True),  # CJK: no word boundaries
    ("China\nHaisum news", Org("China Haisum"), True),  # a line break inside the name
])
def test_matching_policy(text: str, org: Org, hit: bool) -> None:
    """T25: the documented matching policy."""
    assert bool(Matcher([org]).match("", text)) is hit


def test_exclusions_hide_only_their_occurrences() -> None:
    org = Org("Haisum", exclude=("Haisum Road",))
    assert Matcher([org]).match("", "Shops on Haisum Road reopen") == ()
    (mention,) = Matcher([org]).match("", "Haisum Road again; Haisum itself signs")
    assert mention.count == 1


def test_mention_fields() -> None:
    (mention,) = Matcher([Org("China Haisum", ("Haisum",))]).match(
        "Title", "First Haisum. Then China Haisum. " + "x " * 300)
    assert mention.organisation == "China Haisum"
    assert mention.alias == "Haisum" and mention.count == 2
    assert "Haisum" in mention.snippet and len(mention.snippet) < 300


def test_case_sensitive_and_folded_aliases_of_one_spelling() -> None:
    """Case-sensitive aliases are found in the same pass as the others and confirmed in the
    original case, also where a case-insensitive alias folds to the same letters; word
    boundaries are checked for each."""
    matcher = Matcher([Org("Apple Inc", ("Apple",), case_sensitive=True),
                       Org("Applewood", ("apple",)), Org("APPL Corp", ("APPL",)),
                       Org("Pie Co", ("PIE",))])
    text = "Apple and apple and APPL, Appl, APPLE and APPLY; a PIE, not pie nor PIES."
    found = {m.organisation: m.count for m in matcher.match("Title", text)}
    assert found == {"Apple Inc": 1, "Applewood": 3, "APPL Corp": 1, "Pie Co": 1}
