"""The file channel: one JSON file per alert (or digest) in a directory (the default channel)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from monitor.errors import ChannelError
from monitor.models import Digest, Message
from monitor.notify.base import FILE_SCHEDULE

_TMP_PREFIX = ".tmp-"


def document(message: Message) -> dict[str, object]:
    """The JSON a receiver reads: an alert's payload, or a digest with its alerts."""
    if isinstance(message, Digest):
        return {"kind": "digest", "key": message.key,
                "alerts": [alert.payload() for alert in message.alerts]}
    return message.payload()


class FileChannel:
    """Writes ``<dir>/<key>.json`` atomically; a resend rewrites the same file, so it is
    idempotent by construction."""

    schedule = FILE_SCHEDULE

    def __init__(self, name: str, directory: Path) -> None:
        self.name = name
        self.directory = directory
        self._swept = False

    def close(self) -> None:
        """Nothing held between messages."""

    def _sweep(self) -> None:
        """Remove half-written files a killed process left behind (one writer holds the
        archive lock, so no other writer can be mid-write here)."""
        for leftover in self.directory.glob(f"{_TMP_PREFIX}*"):
            leftover.unlink(missing_ok=True)
        self._swept = True

    def path_for(self, message: Message) -> Path:
        return self.directory / f"{message.key}.json"

    def send(self, message: Message) -> str:
        data = json.dumps(document(message), ensure_ascii=False, indent=2) + "\n"
        target = self.path_for(message)
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not self._swept:
                self._sweep()
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=_TMP_PREFIX, suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError as exc:
            raise ChannelError(f"cannot write alert to {self.directory}: {exc}") from exc
        return f"wrote {target}"
