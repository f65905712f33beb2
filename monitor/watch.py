"""Pure watchlist matching: which watched organisations an article's title and body mention.

Policy (see README "Matching"): names and aliases match as whole words (``Poly Group`` never
inside ``Polytechnic``), case-insensitively unless an organisation asks otherwise; text is NFC
normalised and soft hyphens / zero-width characters are removed first, so ``Goo\\u00adgle``
still matches; an alias written in a script without spaces (CJK) matches anywhere; phrases in
``exclude`` (``Haisum Road``) hide the matches inside them. Patterns are escaped literals, so
matching is linear in the text whatever the watchlist says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from monitor.models import Mention

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
SNIPPET_CHARS = 240


class Organisation(Protocol):
    """What the matcher needs of a watched organisation (config.Organisation has it)."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def case_sensitive(self) -> bool: ...
    @property
    def exclude(self) -> Sequence[str]: ...


def prepare(text: str) -> str:
    """The form both text and aliases are matched in."""
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))


def _alias_pattern(alias: str) -> str:
    body = r"\s+".join(re.escape(word) for word in alias.split())
    if _CJK.search(alias):
        return body
    return rf"(?<!\w){body}(?!\w)"


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    aliases: dict[str, str]  # folded surface form -> alias as configured
    exclude: re.Pattern[str] | None
    case_sensitive: bool

    def fold(self, text: str) -> str:
        return _SPACES.sub(" ", text if self.case_sensitive else text.casefold())


def _rule(org: Organisation) -> _Rule:
    aliases = [prepare(a).strip() for a in (org.name, *org.aliases) if a and a.strip()]
    aliases = sorted(dict.fromkeys(aliases), key=len, reverse=True)
    flags = 0 if org.case_sensitive else re.IGNORECASE
    pattern = re.compile("|".join(_alias_pattern(a) for a in aliases), flags)
    excl = [prepare(e).strip() for e in org.exclude if e.strip()]
    exclude = re.compile("|".join(_alias_pattern(e) for e in excl), flags) if excl else None
    rule = _Rule(org.name, pattern, {}, exclude, org.case_sensitive)
    rule.aliases.update({rule.fold(a): a for a in aliases})
    return rule


class Matcher:
    """A compiled watchlist. Build once per config; ``match`` is pure."""

    def __init__(self, organisations: Iterable[Organisation]) -> None:
        self._rules = tuple(_rule(org) for org in organisations)

    def __len__(self) -> int:
        return len(self._rules)

    def match(self, title: str, body: str) -> tuple[Mention, ...]:
        """Mentions in title and body, one per organisation, sorted by name."""
        text = prepare(f"{title}\n{body}")
        found = [m for rule in self._rules if (m := _find(rule, text)) is not None]
        return tuple(sorted(found, key=lambda m: m.organisation))


def _find(rule: _Rule, text: str) -> Mention | None:
    hidden = [m.span() for m in rule.exclude.finditer(text)] if rule.exclude else []
    hits = [
        m for m in rule.pattern.finditer(text)
        if not any(start <= m.start() and m.end() <= end for start, end in hidden)
    ]
    if not hits:
        return None
    first = hits[0]
    alias = rule.aliases.get(rule.fold(first.group(0)), first.group(0))
    return Mention(rule.name, alias, len(hits), snippet(text, first.start(), first.end()))


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of context around a match, cut at word boundaries."""
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    piece = text[lo:hi].replace("\n", " ").strip()
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")
