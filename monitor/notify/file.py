"""The file channel: one JSON file per alert (or digest) in a directory (the default channel)."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from monitor.errors import ChannelError
from monitor.models import Digest, Message
from monitor.notify.base import FILE_SCHEDULE
from monitor.notify.filesync import open_directory, sync_directory, sync_files

_TMP_PREFIX = ".tmp-"
# a new file only (never one planted or left at the name), not through a symlink
_CREATE = (os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
           | getattr(os, "O_NOFOLLOW", 0))


def _writer() -> str:
    return f"{os.getpid()}-{threading.get_ident()}"


def document(message: Message) -> dict[str, object]:
    """The JSON a receiver reads: an alert's payload, or a digest with its alerts."""
    if isinstance(message, Digest):
        return {"kind": "digest", "key": message.key,
                "alerts": [alert.payload() for alert in message.alerts]}
    return message.payload()


def _write_all(fd: int, data: bytes) -> None:
    """os.write may write less than asked (a full disk, a signal): go on until all is written."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # never for a regular file, but never loop forever either
            raise OSError(errno.EIO, "the file accepted no more bytes")
        view = view[written:]


def _same_file(target: str, data: str) -> bool:
    try:
        with open(target, encoding="utf-8") as file:
            return file.read() == data
    except (OSError, UnicodeDecodeError):
        return False  # absent (the usual case) or unreadable: write it


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
        answer = self.send_many([message])[0]
        if isinstance(answer, ChannelError):
            raise answer
        return answer

    def send_many(self, messages: Sequence[Message]) -> list[str | ChannelError]:
        """Write each message's file, make their contents durable together (filesync.py),
        rename them into place, then make the renames durable with one directory sync:
        a receiver never sees a file whose contents a power cut could lose, and the outbox
        records nothing sent before its file is durable."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            if not self._swept:
                self._sweep()
        except OSError as exc:
            return [self._error(exc)]
        directory_fd = open_directory(self.directory)  # before the writes (filesync.py)
        try:
            answers = self._place(messages, directory_fd)
            if any(isinstance(answer, str) for answer in answers):
                try:
                    sync_directory(directory_fd)
                except OSError as exc:
                    error = self._error(exc)
                    return [error if isinstance(answer, str) else answer for answer in answers]
            return answers
        finally:
            if directory_fd is not None:
                os.close(directory_fd)

    def _place(self, messages: Sequence[Message], directory_fd: int | None
               ) -> list[str | ChannelError]:
        """Each message's answer, stopping after the first failure; no temp file is left."""
        answers: list[str | ChannelError | _Staged] = []
        # the directory's path with its separator (as pathlib joins a name to it) and the
        # writer's id, once a batch: pathlib's join cost more than the rest of a message
        prefix, writer = str(self.directory / "_")[:-1], _writer()
        try:
            for message in messages:
                try:
                    answers.append(self._write(message, prefix, writer))
                except ChannelError as exc:
                    answers.append(exc)
                    break
            staged = [answer for answer in answers if isinstance(answer, _Staged)]
            sync_files([item.fd for item in staged], directory_fd)
        except OSError as exc:  # the sync failed: none of the staged files is placed
            _abandon(answers)
            return self._until_staged(answers, exc)
        except BaseException:  # a bug (or Ctrl-C): no open file, no temp file left behind
            _abandon(answers)
            raise
        unclosed = _close_all(staged)  # each once: a number closed twice may be reused
        if unclosed is not None:
            _discard(staged)
            return self._until_staged(answers, unclosed)
        placed: list[str | ChannelError] = []
        for answer in answers:
            if isinstance(answer, _Staged):
                try:
                    os.replace(answer.tmp, answer.target)
                except BaseException as exc:  # (also Ctrl-C when sent from the main thread)
                    _discard(staged)  # (the ones renamed already are gone from there)
                    if isinstance(exc, OSError):
                        return [*placed, self._error(exc)]
                    raise
                answer = f"wrote {answer.target}"
            placed.append(answer)
        return placed

    def _until_staged(self, answers: Sequence[str | ChannelError | _Staged], exc: OSError
                      ) -> list[str | ChannelError]:
        """The answers before the first staged file, then the error that stopped them."""
        done: list[str | ChannelError] = []
        for answer in answers:
            if isinstance(answer, _Staged):
                break
            done.append(answer)
        return [*done, self._error(exc)]

    def _error(self, exc: OSError) -> ChannelError:
        error = ChannelError(f"cannot write alert to {self.directory}: {exc}", unreachable=True)
        error.__cause__ = exc
        return error

    def _write(self, message: Message, prefix: str, writer: str) -> str | _Staged:
        """The message's file written under a temporary name and still open (to be synced
        and renamed by ``_place``), or the answer for a file already there. ``prefix``: the
        directory's path and separator; ``writer``: this process's and thread's id."""
        data = json.dumps(document(message), ensure_ascii=False, indent=2) + "\n"
        target = f"{prefix}{message.key}.json"  # (what path_for says, as a string)
        if _same_file(target, data):
            # a resend after a crash (up to a chunk of them): the file is already there, so
            # nothing is renamed over it and a watcher of the directory sees no second event
            return f"already written {target}"
        # encoded before the file is opened: text it cannot encode (a lone surrogate) opens none
        payload = data.encode("utf-8")
        # named after the key and the writer, not random (a random name cost a third more to
        # create: 0.15 vs 0.10 CPU-ms, ext4); the writer's part keeps two writers of one key
        # apart (a lease that ran out, two monitors sharing the directory)
        tmp = f"{prefix}{_TMP_PREFIX}{message.key}.{writer}.json"
        try:
            fd = os.open(tmp, _CREATE, 0o600)
            try:
                _write_all(fd, payload)
            except BaseException:  # not in _place's hands yet: closed here, whatever failed
                os.close(fd)
                raise
        except BaseException as exc:  # e.g. the disk is full: no half-written file left
            _remove([tmp])
            if isinstance(exc, OSError):
                raise self._error(exc) from exc
            raise
        return _Staged(fd, tmp, target)


def _discard(staged: Sequence[_Staged]) -> None:
    """Remove the temporary files of a batch that will not be placed."""
    _remove([item.tmp for item in staged])


def _remove(paths: Sequence[str]) -> None:
    """Remove temporary files as far as the filesystem lets us: the error that stopped the
    batch is the one to report (a disk gone read-only refuses the removal too), and the
    next sweep takes what is left."""
    for path in paths:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _close_all(staged: Sequence[_Staged]) -> OSError | None:
    """Close every staged file once; the first error, if any (the file is then not
    placed, as when its own close failed before)."""
    first: OSError | None = None
    for item in staged:
        try:
            os.close(item.fd)
        except OSError as exc:
            first = first or exc
    return first


def _abandon(answers: Sequence[str | ChannelError | _Staged]) -> None:
    """Close and remove the staged files among ``answers`` (still open: closed first,
    since Windows removes no open file)."""
    staged = [answer for answer in answers if isinstance(answer, _Staged)]
    _close_all(staged)
    _discard(staged)


@dataclass(frozen=True, slots=True)
class _Staged:
    """A message's file written under its temporary name, open, not yet synced or renamed."""

    fd: int
    tmp: str
    target: str
