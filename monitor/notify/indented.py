"""The alert file's JSON text (``json.dumps(doc, ensure_ascii=False, indent=2)``) built
without the standard encoder's pure-Python path.

``json`` encodes with its C encoder only without ``indent``; an indented alert document
went through the Python one, a generator frame per value: 7.1 us an alert against 3.1
here, where strings go to the C string encoder and the layout is joined around them
(identical text: the test compares both on generated documents)."""

from __future__ import annotations

import json
from json.encoder import encode_basestring

INDENT = "  "


def indented(value: object, level: int = 0) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` for documents of dicts with
    string keys, lists, tuples and scalars; anything else is left to ``json`` itself."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = []
        for key, item in value.items():
            if not isinstance(key, str):
                return _standard(value, level)
            items.append(encode_basestring(key) + ": " + (
                encode_basestring(item) if type(item) is str else indented(item, level + 1)))
        inner = "\n" + INDENT * (level + 1)
        return "{" + inner + ("," + inner).join(items) + "\n" + INDENT * level + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        inner = "\n" + INDENT * (level + 1)
        items = [indented(v, level + 1) for v in value]
        return "[" + inner + ("," + inner).join(items) + "\n" + INDENT * level + "]"
    return _standard(value, level)


def _standard(value: object, level: int) -> str:
    """The standard encoder's text for a scalar (its exact number, boolean and null forms)
    or an unusual container, re-indented to ``level``."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + INDENT * level) if level else text
