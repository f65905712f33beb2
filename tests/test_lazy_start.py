"""An unchanged pass pays for nothing it does not use (issue 9: < 0.5 CPU-ms per known
article, start-up included): no page is parsed, so the extraction stack is not imported, and
no article is matched, so the watch list is not compiled. Both still happen, once, when the
first page needs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import ahocorasick_rs
import pytest
import yaml

from monitor.config import load_config
from monitor.watch import Matcher

from .flows import one_pass
from .servers import scripted
from .test_conditional import conditional_site
from .test_pagination import PER_PAGE
from .test_watch import Org

# Modules only a page that is parsed (or a source with article selectors) needs.
PARSING = ("monitor.extract", "monitor.rulecheck", "monitor.encoding", "charset_normalizer")
_PASS = """
import json, sys
from monitor.cli import main
sys.argv = ["monitor", "--config", sys.argv[1], "run", "--once", "--json"]
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "loaded": [m for m in %r if m in sys.modules]}))
"""


def _news_config(tmp_path: Path, url: str, source: dict[str, Any] | None = None) -> Path:
    """sources.yaml of one source at ``url`` (with ``source``'s extra keys) watching for
    China Haisum."""
    doc = {"settings": {"database": "a.db", "alerts_dir": "alerts", "retries": 0,
                        "robots": False, "per_host": {"delay": "0s"}},
           "watch": [{"name": "China Haisum"}],
           "sources": [{"name": "news", "url": url, **(source or {})}]}
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(doc), "utf-8")
    return path


def _pass_in_a_process(config: Path) -> dict[str, Any]:
    """``monitor run --once --json`` in a fresh interpreter: its results, exit code and which
    of PARSING it imported."""
    out = subprocess.run([sys.executable, "-c", _PASS % (PARSING,), str(config)],
                         capture_output=True, text=True, timeout=120, check=False)
    *results, last = out.stdout.strip().splitlines()
    summary: dict[str, Any] = json.loads(last)
    summary["results"] = json.loads("\n".join(results))
    return summary


def test_an_unchanged_pass_imports_no_parser(tmp_path: Path) -> None:
    with scripted(conditional_site()) as srv:
        path = _news_config(tmp_path, srv.url + "/")
        (first,) = one_pass(load_config(path))
        second = _pass_in_a_process(path)
    assert (first.new, first.mentions) == (PER_PAGE, PER_PAGE)
    assert second["code"] == 0
    assert [(r["new"], r["unchanged"]) for r in second["results"]] == [(0, PER_PAGE)]
    assert second["loaded"] == []


def test_a_changed_page_still_imports_and_extracts(tmp_path: Path) -> None:
    """The same pass in a fresh process where the articles are new: the parser is imported
    on the first page and every article is stored and matched."""
    with scripted(conditional_site()) as srv:
        path = _news_config(tmp_path, srv.url + "/", {"article": {"body": "article"}})
        fresh = _pass_in_a_process(path)
    assert fresh["code"] == 0
    assert [(r["new"], r["mentions"]) for r in fresh["results"]] == [(PER_PAGE, PER_PAGE)]
    assert set(fresh["loaded"]) >= {"monitor.extract", "monitor.rulecheck"}


def test_the_watch_list_compiles_on_its_first_match(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []
    real = ahocorasick_rs.AhoCorasick

    def recording(keys: list[str], **options: Any) -> Any:
        built.append(len(keys))
        return real(keys, **options)

    monkeypatch.setattr(ahocorasick_rs, "AhoCorasick", recording)
    matcher = Matcher([Org("China Haisum", ("Haisum",)), Org("Poly Group")])
    assert (len(matcher), built) == (2, [])
    (mention,) = matcher.match("", "Haisum signs")
    assert (mention.organisation, built) == ("China Haisum", [3])
    assert matcher.match("Poly Group", "and Haisum")[0].organisation == "China Haisum"
    assert built == [3]  # once per Matcher, not per article
