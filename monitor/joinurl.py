"""urljoin for a page's canonical URL, without parsing the common plain absolute one.

Most pages name themselves by an absolute http(s) URL of a host and a path, and urljoin
parses that and the page's URL twice over to give it back as it was (~1.5% of a synthetic
page's extraction). For such a URL (no query, fragment, parameters, white space or
brackets, ASCII) and a base of the same plain kind, urljoin's answer is the URL itself:
another scheme returns it as given, the same one as urlunparse(urlparse(url)), which
rebuilds it unchanged. Anything else goes to urljoin.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

_PLAIN = re.compile(r"https?://[^/?#;\[\]\s\\]+(?:/[^?#;\[\]\s\\]*)?")  # (fullmatch: the whole URL)
_PLAIN_BASE = re.compile(r"https?://[^/?#\[\]\s\\]")  # (match: how the base begins)


def join(base: str, url: str) -> str:
    """urljoin(base, url)."""
    if base.isascii() and url.isascii() and _PLAIN.fullmatch(url) is not None \
            and _PLAIN_BASE.match(base) is not None and "[" not in base and "]" not in base:
        return url
    return urljoin(base, url)
