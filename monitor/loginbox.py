"""Log-in boxes: a members-only notice or a "react to this story" tooltip, built around
buttons that lead to the log-in or registration page.

A paywall's pitch ("this story is for members", "log in to read on") or a widget's prompt
("log in to react") sits in a short block whose only way out is a button to /login or
/register. It carries no boilerplate class name a page would share with others, and its
one short sentence is prose of a kind, so the vote may keep it, or take it as more body.
An article's own links to such a page sit inside its sentences ("register at the town
hall's site to vote"): a link that is most of its own line is a button, one inside a
sentence is not, and a block longer than a pitch is the article's.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from monitor.placement import PAGE_LEVEL, nested_in
from monitor.scoring import text_len
from monitor.sitehost import page_site, registrable_site

LOGIN_BOX_CHARS = 300  # characters: a pitch, two buttons and a line of perks fit; body blocks run longer
BUTTON_SHARE = 0.6  # share of its line a link fills to be a button, not a link in a sentence
# the path of a log-in or sign-up page: /login, /user/sign-in, /service/regist, /register?next=
# (the word ends its folder or names a file: "/register-to-vote" is a page about registering)
LOGIN_PATH = re.compile(
    r"/(?:log-?in|sign-?in|regist(?:er|ration)?)(?:[/?#.]|$)", re.I)
FLOW_CHARS = 80  # characters of a paragraph of the story beside the box (a pitch's line is shorter)
FLOW_PARAGRAPHS = 2  # such paragraphs as the box's siblings: it sits inside the running text
ACCOUNT_DEPTH = 1  # folders above a site's log-in page (/service/login); deeper, it is an item's
# a language folder a site may put first (/en/, /pt-br/): not counted as a folder
_LANGUAGE = re.compile(r"^/[a-z]{2}(?:[-_][a-z]{2})?(?=/)", re.I)
_LINE_TAGS = frozenset(("p", "li", "div", "dd", "td", "span"))  # what holds a button's line
# the links whose address can match LOGIN_PATH, found by lexbor: a region lists dozens of
# links and almost none leads to a log-in page (testing each in Python cost ~2% of a page)
_MAY_LOG_IN = 'a:is([href*="log" i], [href*="sign" i], [href*="regist" i])'


def is_login_box(node: LexborNode) -> bool:
    """Whether a block is short and holds a button to a log-in or registration page."""
    length = text_len(node)
    if length > LOGIN_BOX_CHARS or node.tag in PAGE_LEVEL:
        return False
    links = node.css(_MAY_LOG_IN)
    if not links:
        return False
    site = page_site(node)
    return any(_button(link, site) for link in links)


def login_boxes(region: LexborNode, protect: set[int]) -> list[LexborNode]:
    """The largest short blocks below ``region`` (none protected) around a log-in button,
    outermost only, in document order."""
    found: list[LexborNode] = []
    ids: set[int] = set()
    links = region.css(_MAY_LOG_IN)
    site = page_site(region) if links else None
    for link in links:
        if not _button(link, site):
            continue
        box = _box(link, region, protect)
        if box is not None and box.mem_id not in ids:
            found.append(box)
            ids.add(box.mem_id)
    return [box for box in found if not nested_in(box, ids)]


def _button(link: LexborNode, site: str | None) -> bool:
    """A link to the site's log-in page that fills most of its line (a button, not a word
    in prose). A sign-up on another site (an event's, a government's) is the story's."""
    href = link.attributes.get("href") or ""
    try:
        path = urlsplit(href).path
    except ValueError:  # a malformed address ("http://[x")
        return False
    if not _account_page(path):
        return False
    other = registrable_site(href)
    if site is not None and other is not None and other != site:
        return False
    line = link.parent
    while line is not None and line.tag not in _LINE_TAGS:
        line = line.parent
    size = text_len(link)
    return line is None or size >= BUTTON_SHARE * max(text_len(line), 1)


def _account_page(path: str) -> bool:
    """Whether the path is the site's log-in or sign-up page: near the top of the site, not
    an item's own registration deep down (/events/harbour-meeting/register: a fact box's
    button to sign up for the event the story is about)."""
    match = LOGIN_PATH.search(path)
    if match is None:
        return False
    folders = path[:match.start()]
    language = _LANGUAGE.match(folders)
    if language is not None:
        folders = folders[language.end():]
    return folders.count("/") <= ACCOUNT_DEPTH


def _box(link: LexborNode, region: LexborNode, protect: set[int]) -> LexborNode | None:
    """The largest ancestor of the link below ``region`` that is still short (no protected
    one: the path to the body); None when even the link's parent is long."""
    box = None
    node = link.parent
    while node is not None and node.mem_id != region.mem_id and node.mem_id not in protect:
        if node.tag in PAGE_LEVEL or text_len(node) > LOGIN_BOX_CHARS:
            break
        if box is not None and _in_text_flow(node):
            break  # (the button's own line goes; the paragraph beside it is the story's)
        box = node
        node = node.parent
    return box


def _in_text_flow(node: LexborNode) -> bool:
    """Whether the node stands among the story's paragraphs: a "sign in to save this
    article" line wrapped with a paragraph of the text, not a pitch box of its own."""
    parent = node.parent
    if parent is None:
        return False
    prose = 0
    for child in parent.iter():
        if child.tag == "p" and child.mem_id != node.mem_id and text_len(child) >= FLOW_CHARS:
            prose += 1
    return prose >= FLOW_PARAGRAPHS
