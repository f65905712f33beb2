"""A UTC timestamp's day where the publisher is: "2021-09-27T02:05:00Z" may be the 26th.

The publisher's day is, in order of evidence: what its own offset (from another timestamp of
the page) gives, or the day as written when that timestamp reads the same clock; the day the
page itself shows when that is one day off and a real time zone could be on it; what the
offset of the page's locale gives (monitor.timezones).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from monitor.datetext import MONTHS, parse_date, valid_day
from monitor.timezones import locale_offset

_RFC_UTC = re.compile(  # "Wed, 04 May 2022 02:41:00 GMT" (RSS and HTTP style)
    r"\b(\d{1,2})\s+([a-z]{3})[a-z]*\s+((?:19|20)\d\d)\s+(\d\d):(\d\d)(?::\d\d)?\s*"
    r"(?:GMT|UTC|Z|\+0000)\b", re.I
)
# a timestamp with its offset: "2021-09-27T02:05:00Z", "2021-09-26 22:05+02:00"
STAMP = re.compile(
    r"((?:19|20)\d\d-\d\d-\d\d)[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|[+-]\d\d:?\d\d)\b"
)
WEST_MOST = timedelta(hours=12)  # the furthest time zone behind UTC (Baker Island, UTC-12)
EAST_MOST = timedelta(hours=14)  # ... and ahead of it (Line Islands, UTC+14)


def _offset(sign_value: str) -> timedelta | None:
    """'+02:00' -> 2 hours; 'Z' and zero offsets -> None (they say nothing local)."""
    if sign_value in ("Z", "z"):
        return None
    digits = sign_value[1:].replace(":", "")
    delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    delta = -delta if sign_value[0] == "-" else delta
    return delta or None


def local_offset(stamps: list[str]) -> timedelta | None:
    """The publisher's UTC offset, from the first timestamp of the page written with one."""
    local = _first_local(stamps)
    return None if local is None else local[1]


def _first_local(stamps: list[str]) -> tuple[str, timedelta] | None:
    """The date and clock ('2019-04-19 20:00') and the offset of the page's first timestamp
    written with an offset (not "Z" or zero): the publisher's own clock.

    A stamp with no "+" and fewer than three "-" (two are the date's) can hold no offset
    but "Z": its first match, if any, offers none, and the search is skipped (most pages
    list many "...Z" stamps, of teasers' <time> elements)."""
    for stamp in stamps:
        if "+" not in stamp and stamp.count("-") < 3:
            continue
        match = STAMP.search(stamp)
        found = _offset(match.group(4)) if match else None
        if match and found is not None:
            return f"{match.group(1)} {match.group(2)}:{match.group(3)}", found
    return None


def utc_stamp(text: str) -> datetime | None:
    """The moment of a timestamp written in UTC ('Z', +00:00, GMT), else None."""
    rfc = _RFC_UTC.search(text)
    if rfc is not None and rfc.group(2).lower() in MONTHS:
        day = valid_day(int(rfc.group(3)), MONTHS[rfc.group(2).lower()], int(rfc.group(1)))
        return datetime.fromisoformat(f"{day}T{rfc.group(4)}:{rfc.group(5)}") if day else None
    match = STAMP.search(text)
    if match is None or _offset(match.group(4)) is not None:
        return None
    if match.group(4) not in ("Z", "z") and match.group(4)[1:].replace(":", "") != "0000":
        return None
    try:
        return datetime.fromisoformat(f"{match.group(1)}T{match.group(2)}:{match.group(3)}")
    except ValueError:
        return None


def reachable(moment: datetime, other: str | None) -> bool:
    """Whether a YYYY-MM-DD day is another day of the UTC ``moment`` somewhere on Earth.

    14:14Z is the same day from UTC-12 to UTC+9: a day before or after it is another date
    (a creation or an update), not the publisher's day.
    """
    if not other or other == moment.date().isoformat():
        return False
    earliest = (moment - WEST_MOST).date().isoformat()
    latest = (moment + EAST_MOST).date().isoformat()
    return earliest <= other <= latest


def publisher_day(raw: str, stamps: list[str], shown: list[str | None],
                  lang: str | None = None) -> str | None:
    """The day of a declared date in the publisher's time zone.

    A UTC timestamp names the UTC day. The publisher's day is, in order of evidence: what
    its own offset (from the page's first timestamp written with one) gives, or the day as
    written when that stamp reads the same date and clock (gizmodo.jp declares
    '2019-04-19T20:00:00.000Z' beside '<time datetime="2019-04-19T20:00:00+09:00">': a "Z"
    put on local time; only that stamp says so, a teaser's <time> further down may share
    the clock by chance); the day the page itself shows (the URL, a visible date, a
    declared date without time) when that is one day off, a real time zone could be on it,
    and no later declared timestamp (an update) falls on it; what the offset of the page's
    locale gives.
    """
    moment = utc_stamp(raw)
    if moment is None:
        return parse_date(raw)
    day = moment.date().isoformat()
    local = _first_local(stamps)
    if local is not None:
        clock, offset = local
        if clock == moment.strftime("%Y-%m-%d %H:%M"):
            return day  # the "Z" was written on the publisher's clock: its day is theirs
        return (moment + offset).date().isoformat()
    plain = [parse_date(s) for s in stamps if not STAMP.search(s) and utc_stamp(s) is None]
    if day in shown:
        return day  # the page's own date agrees with the UTC day (a nearby one is an update)
    later = (utc_stamp(stamp) for stamp in stamps)
    updates = {when.date().isoformat() for when in later if when is not None and when > moment}
    for other in shown + plain:
        if reachable(moment, other) and other not in updates:
            return other
    guess = locale_offset(lang, moment)
    return (moment + guess).date().isoformat() if guess is not None else day

