"""Reading a written date: "27 Sep 2021", "09/27/2021", "2021年9月27日", a date in a URL path.

Pure string functions; finding which date of a page is its publication date is monitor.dates.
Numeric dates are read month-first only when asked (``month_first`` gives the page's order).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    # English, German, French, Spanish, Portuguese, Italian, Dutch (accents kept and dropped)
    ("jan", "january", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio", "januari"),
    ("feb", "february", "februar", "février", "fevrier", "febrero", "fevereiro", "febbraio",
     "februari"),
    ("mar", "march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mär"),
    ("apr", "april", "avril", "abril", "aprile"),
    ("may", "mai", "mayo", "maio", "maggio", "mei"),
    ("jun", "june", "juni", "juin", "junio", "junho", "giugno"),
    ("jul", "july", "juli", "juillet", "julio", "julho", "luglio"),
    ("aug", "august", "août", "aout", "agosto", "augustus"),
    ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "setembro",
     "settembre"),
    ("oct", "october", "okt", "oktober", "octobre", "octubre", "outubro", "ottobre"),
    ("nov", "november", "novembre", "noviembre", "novembro"),
    ("dec", "december", "dez", "dezember", "décembre", "decembre", "diciembre", "dezembro",
     "dicembre"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_ISO = re.compile(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")
_MDY = re.compile(r"\b([^\W\d_]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
_DMY = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?(?:\s+|-)(?:de\s+)?([^\W\d_]{3,10})\.?,?(?:\s+|-)"
    r"(?:de\s+)?((?:19|20)\d\d)\b"
)
# \b(\d{1,2})..., but starting with a digit, so the regex engine skips to digits
_NUMERIC = re.compile(r"(\d(?<!\w\d)\d?)[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
_SHORT_YEAR = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d\d)(?![\d.])")  # 23.09.22
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
# /2017/7/12/: unpadded parts, only as whole path segments (a slug's "2017-7" is no date)
_URL_UNPADDED = re.compile(r"/((?:19|20)\d\d)/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/")
# /29-10-2021: a day-first or month-first segment, read only when one part exceeds 12
_URL_NUMERIC = re.compile(r"/(\d\d?)-(\d\d?)-((?:19|20)\d\d)(?:/|$)")
MDY_REGIONS = frozenset(("us", "ph", "fm", "mh", "pw"))  # locales that write month/day/year
NUMERIC_SCAN = 60  # numeric dates looked at for evidence of the page's day/month order
# a numeric date's century after its second separator: plain substrings, which str.find
# finds far faster than _NUMERIC's scan tries every character of a page's text
_CENTURIES = ("19", "20")
_SEPARATORS = frozenset("/.-")  # (those of _NUMERIC)
_DAY_MONTH = (3, 5)  # characters from a numeric date's start to its second separator (1-2, sep, 1-2)


def valid_day(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD when the parts make a plausible date (1990-2100), else None."""
    if 1 <= month <= 12 and 1 <= day <= 31 and 1990 <= year <= 2100:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _numeric(match: re.Match[str], month_first: bool) -> str | None:
    """A numeric date: an unambiguous part decides, else the page's order."""
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if first > 12 or (second <= 12 and not month_first):
        return valid_day(year, second, first)
    return valid_day(year, first, second)


def parse_date(text: str | None, month_first: bool = False) -> str | None:
    """The first date written in ``text`` as YYYY-MM-DD, or None.

    ``month_first`` reads an ambiguous 04/05/2024 as April 5 (the page writes US dates).
    """
    if not text:
        return None
    text = text.strip()[:300]
    match = _ISO.search(text)
    if match:
        return valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _COMPACT.match(text)
    if match:
        return valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    for match in _MDY.finditer(text):
        if match.group(1).lower() in MONTHS:
            month = MONTHS[match.group(1).lower()]
            return valid_day(int(match.group(3)), month, int(match.group(2)))
    for match in _DMY.finditer(text):
        if match.group(2).lower() in MONTHS:
            month = MONTHS[match.group(2).lower()]
            return valid_day(int(match.group(3)), month, int(match.group(1)))
    match = _NUMERIC.search(text)
    if match:
        return _numeric(match, month_first)
    match = _SHORT_YEAR.search(text)
    if match:
        return valid_day(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def url_date(url: str | None) -> str | None:
    """A full date in a URL path: /2021/09/27/, /2021-09-27/, /20210927/, /2021/9/27/, and
    /29-10-2021 (day and month in either order, when the order is beyond doubt)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    match = _URL_DATE.search(path) or _URL_UNPADDED.search(path)
    if match is not None:
        return valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _URL_NUMERIC.search(path)
    if match is None or max(int(match.group(1)), int(match.group(2))) <= 12:
        return None
    return _numeric(match, month_first=False)


def month_first(text: str, lang: str | None) -> bool:
    """Whether the page writes numeric dates month first.

    Evidence on the page wins: 27/09/2021 proves day-first, 09/27/2021 month-first. Without
    it, a US-style locale (en-US) decides; everywhere else day-first is the default.
    """
    for count, match in enumerate(numeric_dates(text)):
        if count >= NUMERIC_SCAN:
            break
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            return False
        if second > 12 >= first:
            return True
    region = re.split(r"[-_]", (lang or "").lower())
    return len(region) > 1 and region[1] in MDY_REGIONS



def numeric_dates(text: str) -> Iterator[re.Match[str]]:
    """_NUMERIC.finditer(text), found faster (the same matches): a match can only start 3
    to 5 characters before a separator followed by a century, so _NUMERIC is tried at those
    starts alone, left to right, past the last match."""
    shortest, longest = _DAY_MONTH
    starts = {start for century in _CENTURIES for found in _find_all(text, century)
              if found and text[found - 1] in _SEPARATORS
              for start in range(found - 1 - longest, found - shortest)}
    end = 0
    for start in sorted(starts):
        if start >= end and (match := _NUMERIC.match(text, start)):
            yield match
            end = match.end()


def _find_all(text: str, part: str) -> Iterator[int]:
    """Where ``part`` occurs in ``text`` (overlapping occurrences included)."""
    found = text.find(part)
    while found >= 0:
        yield found
        found = text.find(part, found + 1)
