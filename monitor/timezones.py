"""A publisher's likely UTC offset from the page's declared locale, for dating UTC timestamps.

Only a fallback: an explicit offset on the page, or the page's own visible date, is better
evidence. Offsets are standard time; European and North American zones add an hour from
April to October (the exact switch days are ignored: a one-hour error near midnight costs
less than a whole day on every late-evening article). Regions spanning several zones (US,
Canada, Australia) are left out, and so is a bare "en": en-US is many sites' default locale.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

# region (ISO 3166) -> standard UTC offset in hours
REGION_OFFSETS: dict[str, float] = {
    "mx": -6, "br": -3, "ar": -3, "uy": -3, "cl": -4, "py": -4, "bo": -4,
    "ve": -4, "co": -5, "pe": -5, "ec": -5, "gb": 0, "ie": 0, "pt": 0, "is": 0,
    "de": 1, "at": 1, "ch": 1, "fr": 1, "it": 1, "es": 1, "nl": 1, "be": 1, "lu": 1, "pl": 1,
    "cz": 1, "sk": 1, "hu": 1, "si": 1, "hr": 1, "dk": 1, "se": 1, "no": 1, "rs": 1, "ng": 1,
    "fi": 2, "ee": 2, "lv": 2, "lt": 2, "gr": 2, "ro": 2, "bg": 2, "ua": 2, "il": 2, "eg": 2,
    "za": 2, "ru": 3, "tr": 3, "sa": 3, "ke": 3, "ae": 4, "in": 5.5, "th": 7, "vn": 7, "id": 7,
    "cn": 8, "hk": 8, "tw": 8, "sg": 8, "my": 8, "ph": 8, "jp": 9, "kr": 9, "au": 10, "nz": 12,
}
# language without a region -> the region its news mostly comes from (none for world languages)
LANGUAGE_REGIONS: dict[str, str] = {
    "de": "de", "fr": "fr", "it": "it", "nl": "nl", "pl": "pl", "cs": "cz", "sk": "sk",
    "hu": "hu", "sl": "si", "hr": "hr", "da": "dk", "sv": "se", "nb": "no", "nn": "no",
    "no": "no", "fi": "fi", "et": "ee", "lv": "lv", "lt": "lt", "el": "gr", "ro": "ro",
    "bg": "bg", "uk": "ua", "he": "il", "ru": "ru", "tr": "tr", "th": "th", "vi": "vn",
    "id": "id", "zh": "cn", "ja": "jp", "ko": "kr",
}
# regions whose clocks go forward in (roughly) April to October
SUMMER_TIME: frozenset[str] = frozenset(
    ("gb", "ie", "pt", "de", "at", "ch", "fr", "it", "es", "nl", "be", "lu", "pl",
     "cz", "sk", "hu", "si", "hr", "dk", "se", "no", "rs", "fi", "ee", "lv", "lt", "gr", "ro",
     "bg", "ua")
)


def locale_offset(lang: str | None, moment: datetime) -> timedelta | None:
    """The UTC offset of the publisher a locale such as 'pt-BR' or 'de' suggests, if any."""
    parts = re.split(r"[-_]", (lang or "").strip().lower())
    region = parts[1] if len(parts) > 1 and len(parts[1]) == 2 else LANGUAGE_REGIONS.get(parts[0])
    if region is None or region not in REGION_OFFSETS:
        return None
    hours = REGION_OFFSETS[region]
    if region in SUMMER_TIME and 4 <= moment.month <= 10:
        hours += 1
    return timedelta(hours=hours)
