"""The site's home link: whether a link leads to the home page, and the name it reads.

A title's last segment that the home link (the logo) reads is the site's name, and a
heading that links home is the logo (monitor.titles reads both).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from monitor.clean import clean_text
from monitor.scoring import deep_text

MIN_SITE_NAME = 3  # characters; a home link's shorter text ("Go") names no site
MAX_SITE_NAME = 60  # characters; a longer last segment is part of the headline, not a site
HOME_LINKS = 80  # links looked at for the one to the home page (the logo comes early)
# an absolute link whose path goes on past "/" (a letter or digit after it, inside the host
# no character urlsplit would stop at or refuse): never a link to the home page
_DEEP_LINK = re.compile(r"https?://[^/?#\[\]]*/[0-9A-Za-z]")


def home_name(tree: LexborHTMLParser, title: str) -> str | None:
    """The site's name as its home link reads it (the logo's text or image alt), when the
    title ends with it: "Headline | Example News" beside <a href="/">Example News</a>."""
    key = title.casefold()
    for count, link in enumerate(tree.css("a[href]")):
        if count >= HOME_LINKS:
            break
        if not links_home((link.attrs.get("href") or "").strip()):  # (.attrs: one lookup)
            continue
        image = link.css_first("img[alt]")
        for name in (clean_text(deep_text(link)), clean_text(image.attributes.get("alt"))
                     if image is not None else ""):
            if MIN_SITE_NAME <= len(name) <= MAX_SITE_NAME and key.endswith(name.casefold()) \
                    and len(name) < len(title):
                return name
    return None


def links_home(href: str) -> bool:
    """A link to a site's home page: relative ("/", "index.html") or absolute with no path
    ("https://blog.example.com/", as Blogger's header writes it)."""
    if href in ("/", "./", "index.html"):
        return True
    if "//" not in href or _DEEP_LINK.match(href):  # no host part, or a path past it: the
        return False  # usual links, known without parsing them (urlsplit: ~1% of a page)
    parts = urlsplit(href)
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query
