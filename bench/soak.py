"""Soak test of T27: SIGKILL `monitor run --once` at random events, then count what was lost
or doubled. Not part of the test suite (it takes minutes).

    python bench/soak.py [--kills 200] [--per-round 4] [--seed 27]

Each round starts a fresh archive on the bundled sample sites, kills a pass at up to
``--per-round`` random events (before/after an article save, before/after an alert is
written; see tests/crashpoint.py), then runs a clean pass and checks the archive. A chosen
event that a pass never reaches (e.g. the 12th send when 3 alerts are left) is not a kill and
is not counted. Prints the totals; exit code 1 if anything was lost or doubled.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
from dataclasses import fields
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.sites import SiteServer  # noqa: E402
from tests.conftest import SITE_NAMES, SITES  # noqa: E402
from tests.crashpoint import Outcome, invariants  # noqa: E402
from tests.flows import write_config  # noqa: E402

HARNESS = ROOT / "tests" / "crashpoint.py"
ARTICLES, ALERTS = 14, 13


def _run(event: str, count: int, sendlog: Path, config: Path) -> int:
    args = [sys.executable, str(HARNESS), event, str(count), str(sendlog), "--",
            "--config", str(config), "run", "--once"]
    return subprocess.run(args, capture_output=True, timeout=300, check=False).returncode


def one_round(tmp: Path, servers: dict[str, SiteServer], rng: random.Random, kills: int
              ) -> tuple[int, Outcome]:
    cfg = write_config(tmp, servers)
    sendlog = tmp / "sent.log"
    landed = 0
    for _ in range(kills):
        event = rng.choice(("presave", "save", "presend", "send"))
        count = rng.randint(1, ARTICLES if event.endswith("save") else ALERTS)
        code = _run(event, count, sendlog, cfg.path)
        if code == -9:
            landed += 1
        elif code != 0:
            raise SystemExit(f"unexpected exit code {code} at {event} {count}")
    if _run("none", 0, sendlog, cfg.path) != 0:
        raise SystemExit("the clean pass after the kills failed")
    return landed, invariants(cfg.settings.database, cfg.settings.alerts_dir, sendlog, ARTICLES)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200)
    parser.add_argument("--per-round", type=int, default=4)
    parser.add_argument("--seed", type=int, default=27)
    options = parser.parse_args()
    rng = random.Random(options.seed)
    servers = {name: SiteServer(SITES / name).start() for name in SITE_NAMES}
    names = [f.name for f in fields(Outcome) if f.name not in ("articles", "integrity")]
    totals = dict.fromkeys(names, 0)
    kills = rounds = corrupt = 0
    try:
        while kills < options.kills:
            with tempfile.TemporaryDirectory() as tmp:
                landed, outcome = one_round(Path(tmp), servers, rng,
                                            min(options.per_round, options.kills - kills))
            kills, rounds = kills + landed, rounds + 1
            corrupt += outcome.integrity != "ok"
            for name in names:
                totals[name] += getattr(outcome, name)
            print(f"round {rounds}: {landed} kills ({kills} in all) {outcome}", flush=True)
    finally:
        for server in servers.values():
            server.stop()
    print(f"\n{kills} kills in {rounds} rounds; integrity failures: {corrupt}")
    for name, value in totals.items():
        print(f"{name:>20}: {value}")
    bad = corrupt + sum(v for k, v in totals.items() if k != "resent")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
