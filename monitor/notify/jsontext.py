"""An alert file's JSON text, as ``json.dumps(doc, ensure_ascii=False, indent=2)`` writes it.

With ``indent`` the json module encodes in pure Python (its C encoder takes no indent):
21 us for an alert's flat payload, the largest part of writing its file (4,666 files a fresh
pass, issue 9). A flat object of strings, numbers, null, booleans and lists of strings is
written here from the C string encoder in ~5 us, byte for byte the same; anything else
(a digest's nested alerts, floats) goes to ``json.dumps``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C encoder when there is one
from typing import Any


def indented(doc: dict[str, Any]) -> str:
    """``json.dumps(doc, ensure_ascii=False, indent=2)``."""
    parts = []
    for key, value in doc.items():
        text = _value(value)
        if text is None or not isinstance(key, str):
            return json.dumps(doc, ensure_ascii=False, indent=2)
        parts.append(f"  {encode_basestring(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}" if parts else "{}"


def _value(value: Any) -> str | None:
    """A member's value at the first level, or None when it is not one written here."""
    if isinstance(value, str):
        return str(encode_basestring(value))
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return repr(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        if not value:
            return "[]"
        return "[\n    " + ",\n    ".join(map(encode_basestring, value)) + "\n  ]"
    return None
