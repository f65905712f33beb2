"""Alert channels and the outbox that feeds them.

    base.py     the Channel protocol (the contract, documented once)
    file.py     FileChannel: one JSON file per alert (the default)
    outbox.py   claim due alerts, send, retry with backoff, mark sent or dead

``CHANNELS`` maps a config ``type`` to its class; email and webhook join it as they land.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from monitor.config import FileChannelConfig
from monitor.notify.base import Channel
from monitor.notify.file import FileChannel

CHANNELS: dict[str, type[FileChannel]] = {"file": FileChannel}

__all__ = ["CHANNELS", "Channel", "FileChannel", "build_channels", "channel_names"]


def channel_names(configs: Sequence[FileChannelConfig]) -> tuple[str, ...]:
    """Stable names for configured channels: the type, then ``type2``, ``type3``... The name
    is part of each alert's idempotency key, so it must not depend on anything volatile."""
    names, seen = [], dict[str, int]()
    for cfg in configs:
        seen[cfg.type] = seen.get(cfg.type, 0) + 1
        names.append(cfg.type if seen[cfg.type] == 1 else f"{cfg.type}{seen[cfg.type]}")
    return tuple(names)


def build_channels(configs: Sequence[FileChannelConfig], alerts_dir: Path) -> dict[str, Channel]:
    """Channel objects by name, ready for the outbox."""
    built: dict[str, Channel] = {}
    for name, cfg in zip(channel_names(configs), configs, strict=True):
        built[name] = FileChannel(name, cfg.dir or alerts_dir)
    return built
