"""An alert file's text is written without the json module's pure-Python indenting encoder,
byte for byte as it wrote it (receivers and the resend check compare files)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from monitor.notify.jsontext import indented

TRICKY = 'quote " backslash \\ tab \t newline \n nul \x00 del \x7f \u2028 é 漢 😀 \ud800 </script>'


@pytest.mark.parametrize("doc", [
    {},
    {"key": "msg_1", "kind": "new", "title": TRICKY, "published": None, "added": []},
    {"added": ["one", TRICKY, ""], "count": 3, "big": -12345678901234567890, "ok": True,
     "no": False},
    {TRICKY: "key with everything"},
    {"kind": "digest", "alerts": [{"key": "a", "added": ["x"]}, {"key": "b"}]},  # nested
    {"score": 0.5, "nan": float("nan")},  # floats: json.dumps's own repr rules
    {"mixed": ["a", 1, None]},
    {"flag": 1, "other": True},
])
def test_the_text_is_what_json_dumps_writes(doc: dict[str, Any]) -> None:
    assert indented(doc) == json.dumps(doc, ensure_ascii=False, indent=2)
