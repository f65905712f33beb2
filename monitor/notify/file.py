"""The file channel: one JSON file per alert in a directory (the default channel)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from monitor.errors import ChannelError
from monitor.models import Alert

_TMP_PREFIX = ".tmp-"
PAYLOAD_KEYS = ("url", "title", "published", "source", "organisation", "alias", "snippet",
                "kind", "key")


class FileChannel:
    """Writes ``<dir>/<key>.json`` atomically; a resend rewrites the same file, so it is
    idempotent by construction."""

    def __init__(self, name: str, directory: Path) -> None:
        self.name = name
        self.directory = directory
        self._swept = False

    def _sweep(self) -> None:
        """Remove half-written files a killed process left behind (one writer holds the
        archive lock, so no other writer can be mid-write here)."""
        for leftover in self.directory.glob(f"{_TMP_PREFIX}*"):
            leftover.unlink(missing_ok=True)
        self._swept = True

    def path_for(self, alert: Alert) -> Path:
        return self.directory / f"{alert.key}.json"

    def send(self, alert: Alert) -> None:
        record = {k: v for k, v in asdict(alert).items() if k in PAYLOAD_KEYS}
        data = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not self._swept:
                self._sweep()
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=_TMP_PREFIX, suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, self.path_for(alert))
        except OSError as exc:
            raise ChannelError(f"cannot write alert to {self.directory}: {exc}") from exc
