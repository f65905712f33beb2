"""The body a page declares in its JSON-LD, for a page whose markup holds none.

A page rendered by scripts (the text arrives as data and is drawn in the browser) or an AMP
or app shell may have no article text in its HTML at all, while its JSON-LD, written for
search engines, carries the whole text as ``articleBody``. When the markup gives no body,
that declared text is the body rather than no article. It is never preferred over a body
found in the markup: declared bodies are often older or cut (a teaser's first paragraph,
the text before an edit) and on the dev pages that have both, the markup's scored as well
or better.
"""

from __future__ import annotations

import html
import re
from typing import Any

from monitor.textnorm import normalize_line

MIN_DECLARED = 200  # characters; shorter is a description or a teaser, not an article's text
_BREAK = re.compile(r"<(?:br|/?(?:p|div|h[1-6]|li|ul|ol|blockquote|section|tr))\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")


def declared_lines(ld: dict[str, Any]) -> list[str]:
    """The lines of the JSON-LD article's ``articleBody``: plain text, or HTML a CMS put
    there (its block tags read as line breaks, other tags dropped, entities decoded);
    none when it is missing or too short to be an article."""
    body = ld.get("articleBody")
    if isinstance(body, list):  # a body given in parts
        body = "\n".join(part for part in body if isinstance(part, str))
    if not isinstance(body, str) or len(body) < MIN_DECLARED:
        return []
    if "<" in body:
        body = _TAG.sub("", _BREAK.sub("\n", body))
    lines = (normalize_line(html.unescape(line)) for line in body.splitlines())
    kept = [line for line in lines if line]
    return kept if sum(map(len, kept)) >= MIN_DECLARED else []
