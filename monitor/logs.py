"""Logging for people and for log collectors: ISO timestamps with their UTC offset, our own
messages at -v, library chatter (httpx, apscheduler, ...) only at -vv, or JSON lines."""

from __future__ import annotations

import json
import logging
from datetime import datetime

LIBRARIES = ("httpx", "httpcore", "apscheduler", "asyncio", "charset_normalizer", "aiosmtpd",
             "apprise", "urllib3")


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = f"{_timestamp(record)} {record.levelname} {record.name}: {record.getMessage()}"
        if record.exc_info:
            line += "\n" + self.formatException(record.exc_info)
        return line


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message (and the exception)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {"time": _timestamp(record), "level": record.levelname, "logger": record.name,
                 "message": record.getMessage()}
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure(verbose: int, fmt: str = "text") -> None:
    """-v: our INFO; -vv: everything at DEBUG, libraries included."""
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel((logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)])
    for name in LIBRARIES:
        logging.getLogger(name).setLevel(logging.NOTSET if verbose >= 2 else logging.WARNING)
