"""The file channel's batch sync (monitor/notify/filesync.py): contents durable before any
rename, one syncfs for a batch, an fsync each for a few files, and clean failures."""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from monitor.errors import ChannelError
from monitor.models import Alert
from monitor.notify import filesync
from monitor.notify.file import FileChannel


def alert(i: int) -> Alert:
    return Alert(key=f"msg_{i:040x}", kind="new", organisation="China Haisum", alias="Haisum",
                 url=f"https://news.example/{i}", title=f"Haisum signs deal {i}",
                 published="2026-11-20", source="s", snippet=f"Haisum deal {i}.", channel="c",
                 detected_at="2026-11-21T12:00:00+00:00")


class Syncs:
    """Records the syncs made, and what the directory held at each."""

    def __init__(self, directory: Path, fail: OSError | None = None) -> None:
        self.directory = directory
        self.fail = fail
        self.syncfs: list[set[str]] = []
        self.fsyncs = 0

    def visible(self) -> set[str]:
        return {p.name for p in self.directory.iterdir() if not p.name.startswith(".tmp-")}

    def fake_syncfs(self, fd: int) -> int:
        self.syncfs.append(self.visible())
        if self.fail is not None:
            raise self.fail  # (the real one returns -1; see test_a_failing_syncfs_...)
        return 0


@pytest.fixture()
def syncs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Syncs:
    record = Syncs(tmp_path / "alerts")
    real_fsync = os.fsync

    def counted(fd: int) -> None:
        record.fsyncs += 1
        real_fsync(fd)

    monkeypatch.setattr(filesync, "_loaded", True)
    monkeypatch.setattr(filesync, "_syncfs", record.fake_syncfs)
    monkeypatch.setattr(filesync, "on_block_device", lambda fd: True)  # (a tmpfs /tmp too)
    monkeypatch.setattr("monitor.notify.filesync.os.fsync", counted)
    return record


ENOSPC = OSError(errno.ENOSPC, "No space left on device")


def nth_call_raises(real: Callable[..., object], n: int,
                    exc: BaseException) -> Callable[..., object]:
    """``real``, except that its ``n``-th call raises ``exc``."""
    calls = 0

    def wrapper(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == n:
            raise exc
        return real(*args)

    return wrapper


def send(channel: FileChannel, ids: Sequence[int]) -> list[str | ChannelError]:
    return channel.send_many([alert(i) for i in ids])


def test_a_batch_is_synced_once_before_any_file_is_renamed_into_place(syncs: Syncs) -> None:
    channel = FileChannel("c", syncs.directory)
    answers = send(channel, range(1, 9))
    assert all(isinstance(a, str) and a.startswith("wrote ") for a in answers)
    assert syncs.syncfs == [set()]  # one sync, and no file was visible yet
    assert syncs.fsyncs == 1  # the directory's, after the renames
    assert syncs.visible() == {f"{alert(i).key}.json" for i in range(1, 9)}
    assert json.loads((syncs.directory / f"{alert(3).key}.json").read_text())["title"] \
        == "Haisum signs deal 3"


def test_a_few_files_are_synced_each_as_before(syncs: Syncs) -> None:
    channel = FileChannel("c", syncs.directory)
    send(channel, range(1, filesync.SYNCFS_FROM))
    assert syncs.syncfs == []
    assert syncs.fsyncs == filesync.SYNCFS_FROM - 1 + 1  # each file, then the directory


def test_a_filesystem_on_no_block_device_syncs_each_file(
        syncs: Syncs, monkeypatch: pytest.MonkeyPatch) -> None:
    """FUSE, SMB, 9p (WSL's /mnt/c) and overlayfs may do less in syncfs than in an fsync
    (no flush on the server; before Linux 5.15 overlayfs reports no writeback error): a
    batch there is synced file by file."""
    monkeypatch.setattr(filesync, "on_block_device", lambda fd: False)
    answers = send(FileChannel("c", syncs.directory), range(1, 9))
    assert all(isinstance(a, str) and a.startswith("wrote ") for a in answers)
    assert syncs.syncfs == []
    assert syncs.fsyncs == 8 + 1  # each file, then the directory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_a_pipe_is_on_no_block_device() -> None:
    """Device major 0 (pipefs, as tmpfs, NFS, FUSE, overlayfs, btrfs) is no block device."""
    read, write = os.pipe()
    try:
        assert filesync.on_block_device(read) is False
    finally:
        os.close(read)
        os.close(write)


def test_a_failing_batch_sync_places_no_file_and_leaves_no_temp_file(
        syncs: Syncs) -> None:
    """The files already there are answered as before; the first staged one gets the error
    (retryable: the outbox tries it and the rest again), and none of them is renamed."""
    channel = FileChannel("c", syncs.directory)
    send(channel, [1])  # (one file: fsync path)
    syncs.fail = OSError(errno.EIO, "Input/output error")
    answers = send(channel, range(1, 7))
    assert answers[0] == f"already written {syncs.directory / (alert(1).key + '.json')}"
    assert isinstance(answers[1], ChannelError) and answers[1].retryable
    assert "Input/output error" in str(answers[1]) and len(answers) == 2
    assert sorted(p.name for p in syncs.directory.iterdir()) == [f"{alert(1).key}.json"]
    syncs.fail = None
    assert all(isinstance(a, str) for a in send(channel, range(1, 7)))
    assert len(syncs.visible()) == 6


def test_a_failed_rename_keeps_the_files_placed_before_it(
        syncs: Syncs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "replace", nth_call_raises(os.replace, 3, ENOSPC))
    answers = send(FileChannel("c", syncs.directory), range(1, 7))
    assert [isinstance(a, str) for a in answers] == [True, True, False]
    assert "No space left" in str(answers[2])
    assert sorted(p.name for p in syncs.directory.iterdir()) == sorted(
        f"{alert(i).key}.json" for i in (1, 2))


def test_a_write_failure_mid_batch_places_the_files_before_it(
        syncs: Syncs, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "write", nth_call_raises(os.write, 5, ENOSPC))
    answers = send(FileChannel("c", syncs.directory), range(1, 9))
    assert [isinstance(a, str) for a in answers] == [True] * 4 + [False]
    assert syncs.syncfs == [set()]  # the four written files, synced together
    assert sorted(p.name for p in syncs.directory.iterdir()) == sorted(
        f"{alert(i).key}.json" for i in range(1, 5))


def test_a_disk_gone_read_only_reports_the_failure_that_stopped_the_batch(
        syncs: Syncs, monkeypatch: pytest.MonkeyPatch) -> None:
    """review24: the temporary files' removal fails as well on a disk gone read-only; the
    answer is still the write's error, marked unreachable (retried on the channel's
    schedule), not an internal error raised from the clean-up."""
    monkeypatch.setattr(os, "write", nth_call_raises(os.write, 3, ENOSPC))

    def read_only(path: str) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(os, "unlink", read_only)
    answers = send(FileChannel("c", syncs.directory), range(1, 5))
    assert [isinstance(a, str) for a in answers] == [True, True, False]
    failure = answers[2]
    assert isinstance(failure, ChannelError) and failure.unreachable
    assert "No space left" in str(failure)


def test_a_failing_syncfs_call_raises_its_errno(monkeypatch: pytest.MonkeyPatch) -> None:
    def failing(fd: int) -> int:
        return -1

    monkeypatch.setattr(filesync, "_loaded", True)
    monkeypatch.setattr(filesync, "_syncfs", failing)
    monkeypatch.setattr(filesync, "_errno", lambda: errno.EIO)
    monkeypatch.setattr(filesync, "on_block_device", lambda fd: True)
    with pytest.raises(OSError) as info:
        filesync.sync_files([0] * filesync.SYNCFS_FROM, 0)
    assert info.value.errno == errno.EIO


def test_no_directory_descriptor_falls_back_to_an_fsync_each(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    monkeypatch.setattr(filesync, "_loaded", True)
    monkeypatch.setattr(filesync, "_syncfs", _never)
    monkeypatch.setattr("monitor.notify.filesync.os.fsync", synced.append)
    filesync.sync_files([7, 8, 9, 10], None)
    assert synced == [7, 8, 9, 10]


def _never(fd: int) -> int:
    raise AssertionError("syncfs called")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_the_real_syncfs_loads_and_syncs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filesync, "_loaded", False)
    monkeypatch.setattr(filesync, "_syncfs", None)
    channel = FileChannel("c", tmp_path / "alerts")
    answers = send(channel, range(1, 9))
    assert (filesync._syncfs is not None) == filesync.reports_errors(os.uname().release)
    assert all(isinstance(a, str) for a in answers)
    assert len(list((tmp_path / "alerts").glob("*.json"))) == 8


@pytest.mark.parametrize(("release", "reports"), [
    ("6.1.0-18-amd64", True), ("5.8.0", True), ("5.10.0-28-cloud-amd64", True),
    ("5.7.19", False), ("4.18.0-513.el8.x86_64", False), ("3.10.0", False),
    ("5.15-rc1", True), ("weird", False), ("", False), ("5", False),
])
def test_syncfs_is_trusted_from_the_release_that_reports_errors(release: str,
                                                                 reports: bool) -> None:
    """Before Linux 5.8 syncfs answers success even when writeback failed: there the
    channel must keep an fsync each, which does report it."""
    assert filesync.reports_errors(release) is reports


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="syncfs is Linux's")
def test_an_old_kernel_syncs_each_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(filesync, "_loaded", False)
    monkeypatch.setattr(filesync, "_syncfs", None)
    monkeypatch.setattr(filesync, "reports_errors", lambda release: False)
    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    answers = send(FileChannel("c", tmp_path / "alerts"), range(1, 9))
    assert filesync._syncfs is None
    assert all(isinstance(a, str) for a in answers)
    assert len(synced) == 8 + 1  # each file, then the directory



@pytest.mark.parametrize("directory", ["alerts", "alerts/", "./alerts", ".", "a/../alerts"])
def test_answers_name_the_file_as_path_for_does(directory: str, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The file names are joined as strings once a batch: the same names and answers as
    pathlib's join (``path_for``), relative and dotted directories included."""
    monkeypatch.chdir(tmp_path)
    channel = FileChannel("c", Path(directory))
    answers = send(channel, range(1, 6))
    assert answers == [f"wrote {channel.path_for(alert(i))}" for i in range(1, 6)]
    assert all(channel.path_for(alert(i)).is_file() for i in range(1, 6))
    assert send(channel, [2]) == [f"already written {channel.path_for(alert(2))}"]


def test_a_bug_mid_batch_leaves_no_temp_file_and_the_retry_works(
        syncs: Syncs, monkeypatch: pytest.MonkeyPatch) -> None:
    """An exception that is no OSError (a bug rendering the third message) propagates as
    before, and the two files staged before it are removed: a retry in the same process
    would otherwise meet its own temp names (O_EXCL) and fail until a restart swept them."""
    from monitor.notify import file as file_module

    real_document = file_module.document

    def third_breaks(message: Alert) -> dict[str, object]:
        if message.key == alert(3).key:
            raise TypeError("a rendering bug")
        return real_document(message)

    channel = FileChannel("c", syncs.directory)
    monkeypatch.setattr(file_module, "document", third_breaks)
    with pytest.raises(TypeError):
        send(channel, range(1, 6))
    assert list(syncs.directory.iterdir()) == []
    monkeypatch.setattr(file_module, "document", real_document)
    assert all(isinstance(a, str) and a.startswith("wrote ") for a in send(channel, range(1, 6)))


def test_a_failed_close_keeps_the_batch_unplaced(syncs: Syncs,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real_close = os.close
    closed: list[int] = []

    def second_fails(fd: int) -> None:
        closed.append(fd)
        real_close(fd)
        if len(closed) == 2:
            raise OSError(errno.EIO, "Input/output error")

    channel = FileChannel("c", syncs.directory)
    monkeypatch.setattr("monitor.notify.file.os.close", second_fails)
    answers = send(channel, range(1, 5))
    assert len(answers) == 1 and isinstance(answers[0], ChannelError)
    assert len(closed) == len(set(closed)) == 5  # each file once, then the directory
    assert list(syncs.directory.iterdir()) == []


@pytest.mark.parametrize("failure", ["unencodable", "write", "rename"])
def test_a_failure_that_is_no_oserror_closes_and_removes_every_file(
        failure: str, syncs: Syncs, monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone surrogate in a message (json.dumps keeps it, UTF-8 cannot encode it), or Ctrl-C
    in a write or a rename (a send from the main thread): the exception propagates, every
    descriptor opened is closed once (the file being written included: it is not staged
    yet) and no temp file is left behind."""
    real_open, real_close = os.open, os.close
    opened: list[int] = []
    closed: list[int] = []

    def recording_open(*args: object) -> int:
        opened.append(real_open(*args))  # type: ignore[arg-type]
        return opened[-1]

    def recording_close(fd: int) -> None:
        closed.append(fd)
        real_close(fd)

    messages = [alert(i) for i in range(1, 6)]
    if failure == "unencodable":
        messages[1] = replace(messages[1], title="Haisum \ud800 deal")
    elif failure == "write":
        monkeypatch.setattr(os, "write", nth_call_raises(os.write, 2, KeyboardInterrupt()))
    else:
        monkeypatch.setattr(os, "replace", nth_call_raises(os.replace, 2, KeyboardInterrupt()))
    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(os, "close", recording_close)
    with pytest.raises(UnicodeEncodeError if failure == "unencodable" else KeyboardInterrupt):
        FileChannel("c", syncs.directory).send_many(messages)
    assert opened and sorted(closed) == sorted(opened)
    assert not [p.name for p in syncs.directory.iterdir() if p.name.startswith(".tmp-")]
