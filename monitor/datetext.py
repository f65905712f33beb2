"""Reading a written date: "27 Sep 2021", "09/27/2021", "2021年9月27日", a date in a URL path.

Pure string functions; finding which date of a page is its publication date is monitor.dates.
Numeric dates are read month-first only when asked (``month_first`` gives the page's order).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    # English, German, French, Spanish, Portuguese, Italian, Dutch (accents kept and dropped,
    # with the short forms their papers print: "19 abr 2024", "3 janv. 2021", "5 ott 2022"),
    # then Russian and Polish in the genitive a date writes ("3 марта 2021", "3 marca 2021"),
    # and Arabic as Egyptian and Gulf papers name the months ("03 مارس 2021")
    ("jan", "january", "januar", "jänner", "janvier", "janv", "enero", "ene", "janeiro",
     "gennaio", "gen", "januari", "января", "stycznia", "يناير"),
    ("feb", "february", "februar", "février", "fevrier", "févr", "fevr", "febrero", "fevereiro",
     "fev", "febbraio", "februari", "февраля", "lutego", "فبراير"),
    ("mar", "march", "märz", "maerz", "mars", "marzo", "março", "marco", "maart", "mär", "mrt",
     "марта", "marca", "مارس"),
    ("apr", "april", "avril", "avr", "abril", "abr", "aprile", "апреля", "kwietnia", "أبريل",
     "ابريل", "إبريل"),
    ("may", "mai", "mayo", "maio", "maggio", "mag", "mei", "мая", "maja", "مايو"),
    ("jun", "june", "juni", "juin", "junio", "junho", "giugno", "giu", "июня", "czerwca",
     "يونيو", "يونيه"),
    ("jul", "july", "juli", "juillet", "juil", "julio", "julho", "luglio", "lug", "июля",
     "lipca", "يوليو", "يوليه"),
    ("aug", "august", "août", "aout", "agosto", "ago", "augustus", "августа", "sierpnia",
     "أغسطس", "اغسطس"),
    ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "setembro",
     "settembre", "set", "сентября", "września", "wrzesnia", "سبتمبر"),
    ("oct", "october", "okt", "oktober", "octobre", "octubre", "outubro", "out", "ottobre",
     "ott", "октября", "października", "pazdziernika", "أكتوبر", "اكتوبر"),
    ("nov", "november", "novembre", "noviembre", "novembro", "ноября", "listopada", "نوفمبر"),
    ("dec", "december", "dez", "dezember", "décembre", "decembre", "déc", "diciembre",
     "dic", "dezembro", "dicembre", "декабря", "grudnia", "ديسمبر"),
)
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, 1) for name in names}
_ISO = re.compile(r"((?:19|20)\d\d)\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})")  # 2021년 3월 3일
_COMPACT = re.compile(r"^((?:19|20)\d\d)(\d\d)(\d\d)(?:\D|$)")
_MDY = re.compile(r"\b([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b")
# "\b(\d{1,2})", starting with a digit (as _NUMERIC): the engine skips to digits
_DMY = re.compile(
    r"(\d(?<!\w\d)\d?)(?:st|nd|rd|th|er|º)?\.?(?:\s+|-)(?:de\s+|of\s+)?([^\W\d_]{3,12})\.?,?(?:\s+|-)"
    r"(?:de\s+)?((?:19|20)\d\d)\b"
)
# \b(\d{1,2})..., but starting with a digit, so the regex engine skips to digits
_NUMERIC = re.compile(r"(\d(?<!\w\d)\d?)[/.-](\d{1,2})[/.-]((?:19|20)\d\d)\b")
# 23.09.22; "(?<![\d.])(\d{1,2})", starting with a digit
_SHORT_YEAR = re.compile(r"(\d(?<![\d.]\d)\d?)\.(\d{1,2})\.(\d\d)(?![\d.])")
# Arabic-Indic and Persian digits, read as the ASCII digits the patterns name ("٢٠٢١")
_NATIVE_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_.]|$)")
# /2017/7/12/: unpadded parts, only as whole path segments (a slug's "2017-7" is no date)
_URL_UNPADDED = re.compile(r"/((?:19|20)\d\d)/(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])/")
# /29-10-2021: a day-first or month-first segment, read only when one part exceeds 12
_URL_NUMERIC = re.compile(r"/(\d\d?)-(\d\d?)-((?:19|20)\d\d)(?:/|$)")
MDY_REGIONS = frozenset(("us", "ph", "fm", "mh", "pw"))  # locales that write month/day/year
# the clock and US time zone after a numeric date: "03/04/2021 10:15 AM EST", "3/4/2021, 9:30
# a.m. ET" (AM/PM alone says little: Australia and India write day-first dates with it)
_US_CLOCK = re.compile(r"[,\s]+(?:at\s+)?\d{1,2}:\d\d(?::\d\d)?\s*[ap]\.?m\.?\s*[ECMP][SD]?T\b",
                       re.I)
DATE_CACHE = 4096  # dates remembered (texts of at most 300 characters)
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
    return _parse_date(text.strip()[:300], month_first)


@lru_cache(maxsize=DATE_CACHE)
def _parse_date(text: str, month_first: bool) -> str | None:
    """parse_date of a stripped text of at most 300 characters. Cached: a page's declared
    date is read several times over, its stamps come in the site's few forms, and the
    pattern tries cost far more than the lookup."""
    if not text.isascii():
        text = text.translate(_NATIVE_DIGITS)
    if "19" in text or "20" in text:  # (every pattern but _SHORT_YEAR's spells a century)
        match = _ISO.search(text)
        if match:
            return valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = _COMPACT.match(text)
        if match:
            return valid_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        for match in _MDY.finditer(text) if _mdy_possible(text) else ():
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
    match = _SHORT_YEAR.search(text) if "." in text else None
    if match:
        return valid_day(2000 + int(match.group(3)), int(match.group(2)), int(match.group(1)))
    return None


def _mdy_possible(text: str) -> bool:
    """Whether _MDY can match ``text``: its year follows blanks that follow a digit, a
    suffix ("st") or a comma between. _MDY tries its letters at every word and backs off
    letter by letter (~80k instructions over a 200-character line); the centuries are
    found by str.find, and most texts (a date written day first) have no such year."""
    for century in _CENTURIES:
        for year in _find_all(text, century):
            start = year
            while start and text[start - 1].isspace():
                start -= 1
            if start < year and any(char.isdigit() for char in text[max(start - 4, 0):start]):
                return True
    return False


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
    it, a US-style locale (en-US) decides; a bare language ("en") leaves it to a US time
    zone after a date ("03/04/2021 10:15 AM EST"); everywhere else day-first is the default.
    """
    us_clock = False
    for count, match in enumerate(numeric_dates(text)):
        if count >= NUMERIC_SCAN:
            break
        first, second = int(match.group(1)), int(match.group(2))
        if first > 12 >= second:
            return False
        if second > 12 >= first:
            return True
        us_clock = us_clock or _US_CLOCK.match(text, match.end()) is not None
    region = re.split(r"[-_]", (lang or "").lower())
    return region[1] in MDY_REGIONS if len(region) > 1 else us_clock


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
