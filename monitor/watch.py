"""Pure watchlist matching: which watched organisations an article's title and body mention.

Why one automaton: a regex per organisation costs time proportional to the watchlist (5 s
per article at 50,000 names); an Aho-Corasick automaton (``ahocorasick_rs``, chosen by
``bench/matching.py``) finds every alias in one pass whatever the watchlist size. The rules
are applied to its raw hits afterwards (see README "Matching"):

1. Text and aliases are compared in the normal form of :mod:`monitor.normalize` (NFKC,
   casefolding with ``ß``/``İ``, quotes, no-break spaces, soft hyphens, line breaks).
2. Whole words: an alias that begins (ends) with a letter or digit does not match when the
   character before (after) it is a letter or digit of a script written with spaces, so
   ``Poly Group`` never matches inside ``Polytechnic`` but ``Meta's`` and ``AT&T`` do. A
   Chinese, Japanese, Korean or Thai neighbour is a boundary, so a Latin name written inside
   Chinese text is found, and an alias in those scripts matches anywhere.
3. Case: insensitive, except for organisations with ``case_sensitive`` and for all-caps
   acronyms (``BP``, ``AT&T``), which would otherwise match ordinary words; such aliases
   are found through their folded form and confirmed in the case-preserving one (the
   folded form writes every sigma as ``σ``, so a capital sigma that str.lower would make
   final or not by its neighbours folds the same in alias and text).
4. Exclusions (``Haisum Road``) hide their organisation's hits inside them.
5. Leftmost-longest: among overlapping hits the leftmost wins, then the longest, so
   ``China Haisum Engineering`` beats ``China Haisum``. An alias shared by two
   organisations credits both. Hits are searched overlapping, so a hit rejected by rule 2
   never hides a valid one.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

import ahocorasick_rs

from monitor.models import Mention
from monitor.normalize import INVISIBLE, Normal, Normalizer

SNIPPET_CHARS = 240
# An all-caps alias of up to this many letters is an acronym (BP, AT&T, SIMIA): it would
# match ordinary words if case were ignored, so it is case-sensitive by default.
ACRONYM_MAX_LETTERS = 5

# Scripts written without spaces between words: their characters are word boundaries for
# Latin names, and their aliases match anywhere. Sorted (first, last) code point ranges.
_UNSPACED = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1100, 0x11FF), (0x1780, 0x17FF),
    (0x2E80, 0x2FDF), (0x3005, 0x3007), (0x3021, 0x3029), (0x3038, 0x303B),
    (0x3040, 0x30FF), (0x3130, 0x318F), (0x31F0, 0x31FF), (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF), (0xF900, 0xFAFF),
    (0xFF66, 0xFF9F), (0x20000, 0x3FFFF),
)
_UNSPACED_STARTS = tuple(first for first, _ in _UNSPACED)
_SPACE_AFTER_STOP = re.compile(r"(?<=[.,])\s+(?=\w)")
_NO_SPACE_AFTER_COMMA = re.compile(r"(?<=,)(?=[^\W\d_])")
_TIGHT_AMPERSAND = re.compile(r"(?<=\w)&(?=\w)")
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))
# Between title and body: not a space, so no alias spans the two (a title ending in "China"
# and a body starting with "Haisum" do not make "China Haisum"), and its own normal form.
_TITLE_END = "\x00"


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


def unspaced(ch: str) -> bool:
    """Whether ``ch`` belongs to a script written without spaces (CJK, Thai...)."""
    code = ord(ch)
    k = bisect_right(_UNSPACED_STARTS, code) - 1
    return k >= 0 and code <= _UNSPACED[k][1]


def joins(ch: str) -> bool:
    """Whether ``ch`` continues a word of a spaced script (so it is no word boundary)."""
    if ch < "\x80":
        return ch.isalnum()
    return unicodedata.category(ch)[0] in "LMN" and not unspaced(ch)


def is_acronym(alias: str) -> bool:
    """An all-caps single word of at most ACRONYM_MAX_LETTERS letters (``BP``, ``AT&T``)."""
    # str.isupper: every cased character is upper case, and there is one
    return (" " not in alias and alias.isupper()
            and sum(map(str.isalpha, alias)) <= ACRONYM_MAX_LETTERS)


def variants(alias: str) -> set[str]:
    """Spellings of punctuation spacing that name the same company: ``Co., Ltd.`` and
    ``Co.,Ltd.``, ``AT&T`` and ``AT & T``."""
    if "," not in alias and "." not in alias and "&" not in alias:
        return {alias}
    out = {alias, _SPACE_AFTER_STOP.sub("", alias), _NO_SPACE_AFTER_COMMA.sub(" ", alias)}
    out |= {v.replace(" & ", "&") for v in out} | {_TIGHT_AMPERSAND.sub(" & ", v) for v in out}
    return {v for v in out if v}


@dataclass(frozen=True, slots=True)
class _Owner:
    org: int
    alias: str  # as configured, reported in the Mention
    exclude: bool


@dataclass(frozen=True, slots=True)
class _Pattern:
    owners: tuple[_Owner, ...]
    left: bool  # the character before must not continue the word
    right: bool


# Up to this many patterns an automaton is a DFA: it finds the same hits twice as fast (19
# instead of 42 us for a 4 KB article against 1,800 patterns, issue 9) but takes about 1.1 KB
# a pattern (4 MB at 1,800; 200 MB at 150,000), so a larger watchlist keeps the default NFA.
DFA_PATTERNS = 10_000


class _Automaton:
    """One Aho-Corasick automaton over the folded form, and what each of its patterns stands
    for: a case-insensitive pattern, and the case-sensitive ones (acronyms, ``case_sensitive``
    organisations) that fold to it, confirmed against the case-preserving form at the same
    place (folding is one character for one). A second automaton for those scanned the whole
    text again: 12 of 97 us per synthetic article against 1,800 patterns (issue 9)."""

    def __init__(self, folded: dict[str, list[_Owner]], exact: dict[str, list[_Owner]],
                 fold: Callable[[str], str]) -> None:
        keys = list(folded)
        self.patterns: list[_Pattern | None] = [
            _Pattern(tuple(folded[k]), joins(k[0]), joins(k[-1])) for k in keys]
        self.exact: list[tuple[tuple[str, _Pattern], ...]] = [()] * len(keys)
        index = {k: i for i, k in enumerate(keys)}
        for key, owners in exact.items():
            at = index.setdefault(fold(key), len(keys))
            if at == len(keys):
                keys.append(fold(key))
                self.patterns.append(None)
                self.exact.append(())
            self.exact[at] += ((key, _Pattern(tuple(owners), joins(key[0]), joins(key[-1]))),)
        kind = ahocorasick_rs.Implementation.DFA if len(keys) <= DFA_PATTERNS else None
        self._ac = (ahocorasick_rs.AhoCorasick(keys, store_patterns=False, implementation=kind)
                    if keys else None)

    def hits(self, norm: Normal, out: list[tuple[int, int, _Pattern]],
             exact: list[tuple[int, int, _Pattern]]) -> None:
        """Append every hit that passes the word-boundary rule (overlapping ones too): the
        case-insensitive ones to ``out``, the case-sensitive ones to ``exact``."""
        if self._ac is None:
            return
        folded, text, size = norm.folded, norm.text, len(norm.text)
        for index, start, end in self._ac.find_matches_as_indexes(folded, overlapping=True):
            pattern = self.patterns[index]
            if pattern is not None and _bounded(pattern, folded, start, end, size):
                out.append((start, end, pattern))
            for key, sensitive in self.exact[index]:
                if text[start:end] == key and _bounded(sensitive, text, start, end, size):
                    exact.append((start, end, sensitive))


def _bounded(pattern: _Pattern, text: str, start: int, end: int, size: int) -> bool:
    """Whether a hit is a whole word (rule 2)."""
    if pattern.left and start > 0 and joins(text[start - 1]):
        return False
    return not (pattern.right and end < size and joins(text[end]))


class Matcher:
    """A watchlist, compiled on its first ``match`` (50,000 organisations take a second or
    two, 1,000 about 40 CPU-ms): a pass in which every article answers 304 matches nothing,
    and a daemon's reload builds a new Matcher that may never be asked before the next one
    (issue 9). ``match`` has no observable side effect (it only compiles and caches
    character forms); two threads matching at once may both compile, to the same result."""

    def __init__(self, organisations: Iterable[Organisation]) -> None:
        self._normalizer = Normalizer()
        self._organisations = tuple(organisations)
        self._names = [org.name for org in self._organisations]
        self._compiled: _Automaton | None = None

    def _automaton(self) -> _Automaton:
        """The automaton over every organisation's names, aliases and exclusions."""
        if self._compiled is None:
            folded: dict[str, list[_Owner]] = {}
            exact: dict[str, list[_Owner]] = {}
            for index, org in enumerate(self._organisations):
                terms = [(a, False) for a in dict.fromkeys((org.name, *org.aliases))]
                for term, excluded in [*terms, *((e, True) for e in org.exclude)]:
                    self._add(term, _Owner(index, term, excluded), org.case_sensitive, folded,
                              exact)
            self._compiled = _Automaton(folded, exact, self._normalizer.fold)
        return self._compiled

    def _add(self, term: str, owner: _Owner, case_sensitive: bool,
             folded: dict[str, list[_Owner]], exact: dict[str, list[_Owner]]) -> None:
        form = self._normalizer.normalize(term).text.strip()
        if not form:
            return
        sensitive = case_sensitive or is_acronym(form)
        table = exact if sensitive else folded
        for variant in variants(form):
            key = variant if sensitive else self._normalizer.fold(variant)
            owners = table.setdefault(key, [])
            if owner not in owners:
                owners.append(owner)

    def __len__(self) -> int:
        return len(self._names)

    def match(self, title: str, body: str) -> tuple[Mention, ...]:
        """Mentions in title and body, one per organisation, sorted by name."""
        text = f"{title}{_TITLE_END}{body}"
        norm = self._normalizer.normalize(text)
        raw: list[tuple[int, int, _Pattern]] = []
        exact: list[tuple[int, int, _Pattern]] = []
        self._automaton().hits(norm, raw, exact)
        raw += exact  # after the case-insensitive hits, as a second automaton's came
        if not raw:
            return ()
        return self._mentions(text, norm, _select(_credit(raw)))

    def _mentions(self, text: str, norm: Normal,
                  chosen: list[tuple[int, int, dict[int, str]]]) -> tuple[Mention, ...]:
        first: dict[int, tuple[int, int, str]] = {}
        counts: dict[int, int] = {}
        for start, end, orgs in chosen:
            for org, alias in orgs.items():
                counts[org] = counts.get(org, 0) + 1
                first.setdefault(org, (start, end, alias))
        found = []
        text = text.replace(_TITLE_END, "\n")
        for org, (start, end, alias) in first.items():
            piece = snippet(text, norm.start(start), norm.end(end))
            found.append(Mention(self._names[org], alias, counts[org], piece))
        return tuple(sorted(found, key=lambda m: m.organisation))


def _credit(raw: list[tuple[int, int, _Pattern]]) -> list[tuple[int, int, dict[int, str]]]:
    """Hits as (start, end, {organisation: alias}), without those their organisation's own
    exclusions cover; exclusion hits themselves credit nobody."""
    hidden: dict[int, list[tuple[int, int]]] = {}
    for start, end, pattern in raw:
        for owner in pattern.owners:
            if owner.exclude:
                hidden.setdefault(owner.org, []).append((start, end))
    credited = []
    for start, end, pattern in raw:
        orgs: dict[int, str] = {}
        for owner in pattern.owners:
            if owner.exclude or owner.org in orgs:
                continue
            spans = hidden.get(owner.org)
            if spans and any(s <= start and end <= e for s, e in spans):
                continue
            orgs[owner.org] = owner.alias
        if orgs:
            credited.append((start, end, orgs))
    return credited


def _select(hits: list[tuple[int, int, dict[int, str]]]) -> list[tuple[int, int, dict[int, str]]]:
    """Leftmost-longest, non-overlapping; hits on exactly the same span are all kept."""
    hits.sort(key=lambda h: (h[0], -h[1]))
    chosen: list[tuple[int, int, dict[int, str]]] = []
    last_end = -1
    for hit in hits:
        start, end, _ = hit
        if start >= last_end:
            chosen.append(hit)
            last_end = end
        elif chosen and (start, end) == chosen[-1][:2]:
            chosen.append(hit)
    return chosen


def snippet(text: str, start: int, end: int, width: int = SNIPPET_CHARS) -> str:
    """About ``width`` characters of the original text around a match, cut at spaces, on
    one line and without invisible characters."""
    pad = max(0, (width - (end - start)) // 2)
    lo, hi = max(0, start - pad), min(len(text), end + pad)
    if lo > 0:
        space = text.find(" ", lo, start)
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", end, hi)
        hi = space if space != -1 else hi
    piece = " ".join(text[lo:hi].translate(_DROP_INVISIBLE).split())
    return ("…" if lo > 0 else "") + piece + ("…" if hi < len(text) else "")
