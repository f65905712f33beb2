"""Human-friendly durations ("1h30m") and sizes ("5MB") for the config file.

Pure functions, no I/O. Sizes use binary multiples throughout: ``KB`` = ``KiB`` = 1024 bytes,
``MB`` = ``MiB`` = 1024**2, ``GB`` = ``GiB`` = 1024**3, because scraper users reading
``max_page_bytes: 5MB`` expect the 5 MiB cap that tools such as Scrapy's ``DOWNLOAD_MAXSIZE``
document. Invalid input raises ``ValueError("invalid duration '1 hour'")`` so the config loader
can show the message as it is.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime

_DURATION_UNITS: dict[str, float] = {
    "ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0, "w": 604800.0,
}
_DURATION_PART = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)", re.IGNORECASE)
_NUMBER = re.compile(r"\s*\d+(?:\.\d+)?\s*")

_SIZE_UNITS: dict[str, int] = {
    "": 1, "b": 1,
    "k": 1024, "kb": 1024, "kib": 1024,
    "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
    "g": 1024**3, "gb": 1024**3, "gib": 1024**3,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_duration(value: str | int | float) -> float:
    """Seconds from ``90``, ``"90s"``, ``"30m"``, ``"1h30m"``, ``"500ms"``, ``"1d"``.

    A bare number (int, float or numeric string) is seconds. Negative, NaN, infinite and
    boolean values are rejected: a bool here is always a YAML slip, never a duration.
    """
    if isinstance(value, bool):
        raise ValueError(f"invalid duration {value!r}")
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"invalid duration {value!r}")
        return float(value)
    if not isinstance(value, str):
        raise ValueError(f"invalid duration {value!r}")
    if _NUMBER.fullmatch(value):
        return float(value)
    total = 0.0
    pos = 0
    for match in _DURATION_PART.finditer(value):
        if match.start() != pos:
            break
        total += float(match.group(1)) * _DURATION_UNITS[match.group(2).lower()]
        pos = match.end()
    if pos == 0 or value[pos:].strip():
        raise ValueError(f"invalid duration '{value}'")
    return total


def parse_size(value: str | int) -> int:
    """Bytes from ``1048576``, ``"512KB"``, ``"5MB"``, ``"1GiB"`` (all multiples are 1024-based)."""
    if isinstance(value, bool):
        raise ValueError(f"invalid size {value!r}")
    if isinstance(value, int):
        if value < 0:
            raise ValueError(f"invalid size {value!r}")
        return value
    if not isinstance(value, str):
        raise ValueError(f"invalid size {value!r}")
    match = _SIZE.fullmatch(value)
    unit = match.group(2).lower() if match else ""
    if match is None or unit not in _SIZE_UNITS:
        raise ValueError(f"invalid size '{value}'")
    return int(float(match.group(1)) * _SIZE_UNITS[unit])


def format_duration(seconds: float) -> str:
    """The shortest string ``parse_duration`` reads back, e.g. 5400 -> ``"1h30m"``."""
    if seconds <= 0:
        return "0s"
    millis = round(seconds * 1000)
    parts: list[str] = []
    for unit, size in (("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000)):
        count, millis = divmod(millis, size)
        if count:
            parts.append(f"{count}{unit}")
    if millis:
        parts.append(f"{millis}ms")
    return "".join(parts)


def format_size(size: int) -> str:
    """A size ``parse_size`` reads back: ``"5MB"`` when exact, else the byte count."""
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if size and size % factor == 0:
            return f"{size // factor}{unit}"
    return str(size)


def stamp(now: datetime) -> str:
    """Timestamps are ISO-8601 UTC strings: readable in Datasette and ordered as text."""
    return now.astimezone(UTC).isoformat(timespec="seconds")
