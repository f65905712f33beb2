"""The collector settings a run starts with (issue 9): start-up objects frozen, young
collections rarer, and garbage cycles made afterwards still collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import gcsettings
from monitor.cli import cli
from monitor.sites import SiteServer

from .flows import write_config


@pytest.fixture
def restored() -> Iterator[None]:
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


class _Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.mark.usefixtures("restored")
def test_settle_freezes_startup_and_still_collects_cycles() -> None:
    gcsettings.settle()
    assert gc.get_freeze_count() > 1000  # the modules and objects imported so far
    assert gc.get_threshold()[0] == gcsettings.YOUNG_THRESHOLD
    assert gc.isenabled()
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    del cycle
    gc.collect()
    assert gone() is None  # a cycle made after start-up is garbage, not frozen


@pytest.mark.usefixtures("restored")
def test_settle_does_not_walk_the_old_generation() -> None:
    """A full collection at start cost ~27 CPU-ms to find a few dozen objects."""
    seen: list[int] = []

    def note(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(info["generation"])

    gc.callbacks.append(note)
    try:
        gcsettings.settle()
    finally:
        gc.callbacks.remove(note)
    assert seen and max(seen) < 2, seen


@pytest.mark.usefixtures("restored")
def test_run_once_settles_the_collector(tmp_path: Path,
                                        site_servers: dict[str, SiteServer]) -> None:
    """`monitor run --once` (the demo runs the same pass) settles the collector before the
    pass: a real pass over the loopback sample sites."""
    cfg = write_config(tmp_path, site_servers)
    gc.unfreeze()
    gc.set_threshold(700)
    result = CliRunner().invoke(cli, ["--config", str(cfg.path), "run", "--once"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert gc.get_freeze_count() > 1000
    assert gc.get_threshold()[0] == gcsettings.YOUNG_THRESHOLD
