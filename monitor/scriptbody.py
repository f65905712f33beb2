"""The article markup a script carries, for a page whose markup and JSON-LD hold no body.

A page drawn in the browser (Next.js, Nuxt, React Query or Apollo state) often ships its
article as data: the body's HTML is a string inside a JSON object in an inline script, for
example ``"contentHtml":"\\u003cp\\u003e..."``, or, in Next.js's streamed payload, a string
inside a string. When neither the markup nor JSON-LD gives a body, that HTML is the article
rather than no article. It is the last resort: a string is only taken when it reads as prose
markup (several paragraphs, enough text), and the one with the most text wins, so an ad
template or a teaser card is not taken for the story.
"""

from __future__ import annotations

import json
import re

from monitor.ldbody import MIN_DECLARED

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script\s*>", re.I | re.S)
# A JSON string literal long enough to be an article's markup, escapes kept for json.loads.
_STRING = re.compile(r'"((?:[^"\\]|\\.){' + str(MIN_DECLARED) + r',})"', re.S)
_PARAGRAPH = re.compile(r"<p[\s>]", re.I)
_TAG = re.compile(r"<[^>]{0,2000}>")
# A CMS's slot marker a renderer fills in ("$$ARTICLEAD$$", "{{ad_slot}}"): never text.
_PLACEHOLDER = re.compile(r"\$\$[A-Za-z0-9_]+\$\$|\{\{\s*[A-Za-z0-9_.]+\s*\}\}|%%[A-Z0-9_]+%%")
MIN_PARAGRAPHS = 2  # fewer is a caption, a teaser card or an ad template, not a story
NESTING = 2  # strings inside strings followed (Next.js's payload is JSON in a JS string)


def _strings(code: str, depth: int) -> list[str]:
    """The decoded string literals of ``code`` that hold prose markup, and those found in
    the strings it holds, ``depth`` levels down."""
    found: list[str] = []
    for match in _STRING.finditer(code):
        try:
            value = json.loads(f'"{match.group(1)}"')
        except ValueError:  # a JavaScript literal JSON does not read (\x41, a raw newline)
            continue
        # code or data holding strings (Next.js's payload), not markup whose quotes are
        # its attributes' ("class="lead">...<p class="" would read as a string)
        nested = depth > 1 and '"' in value and not value.lstrip().startswith("<")
        inner = _strings(value, depth - 1) if nested else []
        if inner:  # the markup is a string in this one (the text around it is code)
            found += inner
        elif len(_PARAGRAPH.findall(value)) >= MIN_PARAGRAPHS:
            found.append(value)
    return found


def _text_size(markup: str) -> int:
    return len("".join(_TAG.sub(" ", markup).split()))


def script_markup(page: str) -> str | None:
    """The prose markup with the most text among the strings of the page's inline scripts,
    or None when no string has ``MIN_DECLARED`` characters of text in paragraphs; the
    slot markers a renderer would fill in are taken out."""
    best, size = None, MIN_DECLARED - 1
    for script in _SCRIPT.finditer(page):
        for markup in _strings(script.group(1), NESTING):
            markup_size = _text_size(markup)
            if markup_size > size:
                best, size = markup, markup_size
    return None if best is None else _PLACEHOLDER.sub("", best)
