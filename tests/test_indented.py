"""The alert file's JSON text: identical to json.dumps(doc, ensure_ascii=False, indent=2)."""

from __future__ import annotations

import json
from enum import IntEnum, StrEnum
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.models import Alert, Digest
from monitor.notify.file import document
from monitor.notify.indented import indented


def standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
            | st.text())
_keys = st.text() | st.integers() | st.booleans() | st.none() | st.floats(allow_nan=False)
_documents = st.recursive(
    _scalars,
    lambda inner: (st.lists(inner, max_size=4) | st.tuples(inner, inner)
                   | st.dictionaries(st.text(), inner, max_size=4)
                   | st.dictionaries(_keys, inner, max_size=3)),
    max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(_documents)
def test_any_json_document_gets_the_standard_text(value: Any) -> None:
    assert indented(value) == standard(value)


class Kind(StrEnum):
    NEW = "new"


class Level(IntEnum):
    HIGH = 3


def test_strings_that_need_escapes_and_subclasses() -> None:
    doc = {"a\nb": "tab\there \"quoted\" \\ \u2028 \x00 海笙 😀 \ud800", Kind.NEW: Kind.NEW,
           "n": [Level.HIGH, 1e300, -0.0, float("inf"), True, None], "e": {}, "l": [],
           "nested": {"x": [{"y": []}, [[]]]}}
    assert indented(doc) == standard(doc)


def alert(i: int, added: tuple[str, ...] = ()) -> Alert:
    return Alert(key=f"msg_{i:040x}", kind="new", organisation="China Haisum", alias="Haisum",
                 url=f"https://news.example/{i}", title=f"海笙 signs deal {i}",
                 published=None, source="s", snippet="…Haisum signs…", channel="c",
                 detected_at="2026-11-21T12:00:00+00:00", added=added)


def test_alert_and_digest_documents() -> None:
    for message in (alert(1), alert(2, ("a sentence", "another")),
                    Digest("dig_1", "c", (alert(3), alert(4, ("x",))))):
        assert indented(document(message)) == standard(document(message))
