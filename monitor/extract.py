"""Turn one HTML page into an Article: automatic main-content detection plus metadata.

Stages: decode bytes, parse with lexbor (repairing an unclosed <title>), read structured
metadata, drop junk elements, prune boilerplate blocks by class/id/role, score containers by
the paragraphs they hold (readability-style, with link density and class priors), render the
chosen container to lines at block boundaries, then filter lines (credits, share text, image
file names, header metadata). Per-source rules replace any stage they name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from monitor import (
    dom,
    faqs,
    gathering,
    inlinecards,
    leads,
    metadata,
    notbody,
    otherstories,
    regions,
    streamed,
    voting,
)
from monitor import selectors as sel
from monitor.ariahidden import drop_decorations
from monitor.attrnames import make_known
from monitor.blockmarks import mark_blocks
from monitor.captions import drop_captions
from monitor.caseless import wide_twin
from monitor.clean import carry_links, clean_lines, normalize_line
from monitor.commentheads import drop_threads
from monitor.comments import remove_comments
from monitor.encoding import utf8_source
from monitor.errors import ExtractionFailed
from monitor.factbox import drop_fact_boxes
from monitor.galleries import unwrap_gallery
from monitor.gapheads import with_headings
from monitor.hiddensplit import HIDDEN_OR_PARAGRAPHS, split_hidden
from monitor.introlists import add_announced
from monitor.joinurl import join
from monitor.junkwalk import Walked
from monitor.ldbody import declared_lines
from monitor.leftovers import global_query
from monitor.markedbody import explicit_bodies, same_build
from monitor.markers import PARA
from monitor.models import Article, ExtractRules
from monitor.nestedcards import drop_nested_cards
from monitor.noscriptbody import has_noscript, noscript_tree, without_notices
from monitor.nosnippet import drop_nosnippet
from monitor.openedboxes import drop_opened_boxes
from monitor.scoring import Measures, deep_text, link_density
from monitor.scriptbody import script_markup
from monitor.shadowroots import walk_shown
from monitor.storycards import drop_story_cards
from monitor.teaserboxes import drop_teaser_rows
from monitor.unvoted import add_unvoted

_TITLE_OPEN = re.compile(r"<title\b[^>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title", re.I)
HIDDEN_KEEP = 0.6  # share of the page's text above which a hidden block is the article itself
REGION_KEEP = 0.6  # share of the text above which a block named like boilerplate is kept
LAST_RESORT_TEXT = 80  # characters: less, read off a page's leftovers, is a label, not a story
LAST_RESORT_LINKS = 0.5  # linked share of the leftovers above which they index other pages
wide_twin(sel.BOILERPLATE_LINE)  # (its guard comes from sre's parse of it, ~9 ms: at import, not in a page)


def _to_text(html: bytes | str, content_type: str | None = None) -> tuple[str, bytes | None]:
    """Page text, and its UTF-8 form when the page's bytes are that already: bytes go
    through the charset rules of monitor.encoding (NULs neutralised there; parse()
    neutralises those of text given as such)."""
    if isinstance(html, bytes | bytearray):
        return utf8_source(bytes(html), content_type)
    return html, None


def parse(html: str, utf8: bytes | None = None) -> LexborHTMLParser:
    """Parse, closing an unclosed <title> first (lexbor would swallow the page into it), and
    put React's streamed segments in place.

    As a browser that runs scripts does: <noscript> holds text, not markup. Read as markup,
    an unclosed <div> in it swallowed the rest of the page, which then went with the
    <noscript> (an empty body), and an <img> in it closed <head> early.

    The attribute names the queries test are made known to the document at once
    (monitor.attrnames): each query then finds its id once, not at every element. Without
    lexbor's mutation events (a tenth of the parse): they only serve <select>s, junk here.

    NULs become U+FFFD (lexbor would drop them from text). The page goes in as the UTF-8
    bytes lexbor would make of the str; a NUL is looked for in those: on a str wider than
    Latin-1 a search for "\\x00" walks it character by character. ``utf8``: the page's
    bytes when they are exactly ``html.encode("utf-8")`` (encoding.utf8_source), given to
    lexbor as they are unless the <title> needs closing.
    """
    opening = _TITLE_OPEN.search(html)
    if opening is not None and _TITLE_CLOSE.search(html, opening.end()) is None:
        end = html.find("<", opening.end())
        end = len(html) if end < 0 else end
        html, utf8 = html[:end] + "</title>" + html[end:], None
    data = html.encode("utf-8", errors="ignore") if utf8 is None else utf8  # (as selectolax would)
    if b"\x00" in data:
        html = html.replace("\x00", "\ufffd")
        data = html.encode("utf-8", errors="ignore")
    tree = LexborHTMLParser(data, options=LexborDocumentOptions.WO_EVENTS, scripting=True)
    if tree.root is not None:  # (before the first query: monitor.attrnames)
        make_known(tree.root)
    if streamed.present(tree):
        streamed.reveal(tree, html)
    return tree


def _select(root: LexborNode, selector: str) -> list[LexborNode]:
    """Nodes for a user-written selector; an invalid selector selects nothing."""
    try:
        return list(root.css(selector))
    except Exception:
        return []


def _drop(root: LexborNode, selectors: tuple[str, ...]) -> None:
    """Remove what a source's ``drop`` selectors name (innermost first, so nodes stay valid)."""
    for selector in selectors:
        for node in reversed(_select(root, selector)):
            node.decompose()


def _auto_nodes(root: LexborNode, family: bool = True, walked: Walked | None = None
                ) -> list[LexborNode]:
    """The automatic choice of body container(s).

    Class/id pruning is the costly selector, so it runs only around the container that
    paragraph voting chose, with the path to that container protected. ``family``: see
    scoring.best_candidate.
    """
    parts = explicit_bodies(root, walked.marked[0] if walked and walked.marked else None)
    if parts and dom.text_len(parts[0]) >= 200:
        parts = gathering.distinct([part for part in parts if same_build(part, parts[0])])
        for part in parts:
            dom.remove_boilerplate(part, sel.STRUCTURAL_BOILERPLATE, 0.5)
            dom.prune_region(part, 0.3, {part.mem_id})
        return parts
    hidden_left = _drop_hidden(root)
    drop_threads(root, walked.openers if walked else None)  # (no name marks these threads)
    # the first vote only picks the path to protect: the plain winner is enough for that
    # (chrome it protects is kept out of the second vote all the same; Measures: what the
    # second vote need not read)
    reading, measures = voting.read(root, walked.voters if walked else None), Measures()
    first = dom.best_candidate(voting.count(reading), family=False, measures=measures)
    protect = dom.ancestry(like := first.node if first is not None else None)
    removals = voting.Removals()  # (the second vote reads again only what they changed)
    comments_left = remove_comments(root, protect, removals) if first is not None else None
    global_boilerplate = global_query(hidden_left, comments_left)
    dom.remove_boilerplate(root, global_boilerplate, REGION_KEEP, protect, removals, like)
    cands = voting.count(voting.reread(reading, removals))
    if regions.body_level(root, cands):
        dom.prune_region(root, REGION_KEEP, set())
        return [root]
    measures.forget(removals.changed)
    best, cands = notbody.best_elsewhere(
        root, dom.best_candidate(cands, family=family, measures=measures), cands, family)
    if best is None:
        return [root]
    voted = best  # a body in sections spread over many boxes: take the box that holds them
    best = regions.widen(best, cands)
    region = best.node.parent if best.node.parent is not None else best.node
    if region.tag in ("html", "-document"):
        region = best.node
    protect = dom.ancestry(best.node)
    if best is not voted:
        held = dom.ancestry(voted.node) | regions.held_paths(best, cands)
        protect |= held
        regions.trim_head(best.node, held)
    lead, faq = leads.find_lead(best.node), faqs.find_faq(best.node)
    for found in (lead, faq):
        if found is not None:
            protect |= dom.ancestry(found)
    dom.prune_region(region, REGION_KEEP, protect)
    nodes = gathering.cousins(best, cands, gathering.gather(best, cands))
    nodes = add_announced(add_unvoted(best, cands, nodes))
    for node in nodes:
        drop_teaser_rows(node)
    return gathering.distinct(faqs.with_faq(faq, leads.with_lead(lead, nodes)))


def _drop_hidden(root: LexborNode) -> list[LexborNode]:
    """Remove the hidden blocks (sparing those that hold the page's text: HIDDEN_KEEP) and
    then the hidden paragraphs that are ornaments (ariahidden); returns the blocks spared.
    One query lists both kinds (monitor.hiddensplit)."""
    hiding = root.css(HIDDEN_OR_PARAGRAPHS)
    if not hiding:  # (a page where no element holds a hiding attribute)
        return []
    blocks, paragraphs = split_hidden(hiding)
    spared = dom.remove_boilerplate(root, blocks, HIDDEN_KEEP)
    # (the selectors spare hidden paragraphs: those left once the blocks went)
    drop_decorations(root, [para for para in paragraphs if para.parent is not None])
    return spared


def _raw_lines(nodes: list[LexborNode]) -> list[str]:
    """Text of the nodes split at block boundaries (link markers kept for later filters)."""
    parts: list[str] = []
    for node in nodes:
        inlinecards.remove_cards(node)
        mark_blocks(node)
        text = deep_text(node)
        parts.append(text if node.tag != "br" else PARA)
        parts.append(PARA)
    return carry_links("".join(parts)).split(PARA)


def _body_lines(
    tree: LexborHTMLParser, rules: ExtractRules | None, title: str,
    credits: list[str] | None = None, family: bool = True,
    walked: Walked | None = None,
) -> list[str]:
    """Clean body lines; ``credits`` (when given) receives the last raw lines for bylines;
    ``walked``: the junk walk of the tree, when it lost elements only since (voting.read)."""
    root = tree.body
    if root is None:
        return []
    if rules is not None and rules.drop:
        _drop(root, rules.drop)
    nodes: list[LexborNode] = []
    if rules is not None and rules.body:
        nodes = _select(root, rules.body)
    if not nodes:
        unwrap_gallery(root)
        drop_opened_boxes(root, walked.openers if walked else None)
        nodes = with_headings(_auto_nodes(root, family, walked))
        drop_nosnippet(nodes)
        nodes = drop_fact_boxes(nodes)
        drop_captions(nodes)
        drop_story_cards(nodes)
        drop_nested_cards(nodes)
    return _body_lines_of(nodes, title, credits)


def _body_lines_of(nodes: list[LexborNode], title: str, credits: list[str] | None = None
                   ) -> list[str]:
    """The chosen nodes' text as clean body lines (``credits``: see _body_lines)."""
    raw = _raw_lines(nodes)
    if credits is not None:
        credits.extend(line for line in raw[-60:] if line and not line.isspace())
    return clean_lines(
        raw, title, sel.BOILERPLATE_LINE, sel.META_LINE, sel.CALL_TO_ACTION, sel.PHOTO_CREDIT_END,
        sel.LIST_LABEL,
    )


def _rule_text(tree: LexborHTMLParser, selector: str | None) -> tuple[str, LexborNode | None]:
    """Text of the first node a source's selector names, and the node (for the date scope)."""
    if not selector:
        return "", None
    found = _select(tree.root, selector) if tree.root is not None else []
    if not found:
        return "", None
    node = found[0]
    return metadata.clean_text(node.text()), node


def _rule_date(node: LexborNode | None) -> str | None:
    """A date from the node a source's date selector names: datetime/content, else text."""
    if node is None:
        return None
    attrs = node.attributes
    return metadata.parse_date(attrs.get("datetime") or attrs.get("content") or node.text())


def extract(
    html: bytes | str, url: str | None = None, rules: ExtractRules | None = None,
    content_type: str | None = None,
) -> Article:
    """Extract the article of one page; raises ExtractionFailed when there is no body.
    Bytes are decoded by monitor.encoding's rules (``content_type``: the HTTP header's).

    Any other failure inside the parser or the heuristics is reported as ExtractionFailed
    too, so callers handle one exception for one bad page.
    """
    try:
        return _extract(html, url, rules, content_type)
    except ExtractionFailed:
        raise
    except Exception as exc:
        raise ExtractionFailed(f"extraction error: {type(exc).__name__}") from exc


def _extract(html: bytes | str, url: str | None, rules: ExtractRules | None,
             content_type: str | None) -> Article:
    text, utf8 = _to_text(html, content_type)
    if not text.strip():
        raise ExtractionFailed("empty page")
    tree = parse(text, utf8)
    walked = walk_shown(tree)  # (the junk, and the metadata's elements with it)
    ld = metadata.ld_article(metadata.json_ld(tree, walked))
    metas = metadata.meta_map(tree, walked)
    dom.remove_junk(tree, walked)
    title, title_node = _rule_text(tree, rules.title if rules else None)
    seen: dict[str, metadata.Shown] = {}  # (find_title asks for the headline too)
    headline = otherstories.headline_of(tree, seen)
    title = title or metadata.find_title(tree, ld, metas, url, seen)
    otherstories.drop(tree, headline, title)
    published = None
    if rules is not None and rules.date:
        dates = _select(tree.root, rules.date) if tree.root is not None else []
        published = _rule_date(dates[0] if dates else None)
    lang = metadata.find_lang(tree, metas)
    if published is None:
        walked.marked = []  # (the marked elements, when the date search queries them)
        published = metadata.find_published(tree, ld, metas, title_node or headline, url, lang,
                                            walked.times, walked.marked)
    author = metadata.find_author(tree, ld, metas)
    canonical = metadata.find_canonical(tree, metas)
    if canonical and url:
        canonical = join(url, canonical)
    tail: list[str] = []
    body = _body_lines(tree, rules, title, tail, walked=walked) \
        or _second_try(text, rules, title) \
        or declared_lines(ld) or _script_body(text, rules, title) or _last_resort(text, title, rules)
    if not body:
        raise ExtractionFailed("no main content")
    author = author or metadata.author_from_credits(tail)
    return Article(
        url=url or canonical or "",
        title=title,
        body="\n".join(body),
        published=published,
        author=author,
        lang=lang,
        canonical_url=canonical,
    )


def _second_try(text: str, rules: ExtractRules | None, title: str) -> list[str]:
    """Body lines from a fresh tree with the plain vote, when the first choice cleaned to
    nothing (a family of same-class sections that were all boilerplate lines)."""
    tree = parse(text)
    dom.remove_junk(tree, walk_shown(tree))
    return _body_lines(tree, rules, title, family=False)


def _script_body(text: str, rules: ExtractRules | None, title: str) -> list[str]:
    """Body lines from the article markup an inline script carries (monitor.scriptbody),
    for a page drawn in the browser whose markup and JSON-LD hold no body."""
    markup = script_markup(text)
    if markup is None:
        return []
    tree = parse(f"<html><body><article>{markup}</article></body></html>")
    dom.remove_junk(tree)
    return _body_lines(tree, rules, title, family=False)


def _last_resort(text: str, title: str, rules: ExtractRules | None = None) -> list[str]:
    """The page's text outside its frame (navigation, footers, sidebars), cleaned as any body,
    when no reading found a body: a story told in list items or in headings alone gave the
    vote nothing but a footer's line, which cleaning dropped, and the page came out empty.
    Then, on a page drawn by scripts, what its <noscript> blocks show a reader without them.
    Only such pages get here, so no page that had a body changes. A source's rules hold
    here too: its drop selectors, and its body selector's verdict when that matched."""
    drops, own = (rules.drop, rules.body) if rules is not None else ((), None)
    lines = _outside_frame(parse(text), title, drops, own)
    if lines or not has_noscript(text):
        return lines
    return _outside_frame(noscript_tree(text), title, drops, None, without_notices)


def _outside_frame(tree: LexborHTMLParser, title: str, drops: tuple[str, ...],
                   own: str | None, keep: Callable[[list[str]], list[str]] = list
                   ) -> list[str]:
    dom.remove_junk(tree, walk_shown(tree))
    root = tree.body
    if root is None:
        return []
    _drop(root, drops)
    if own and _select(root, own):
        return []  # (the source's own body box is there, and held nothing)
    dom.remove_boilerplate(root, sel.STRUCTURAL_BOILERPLATE, 1.0)
    if link_density(root) > LAST_RESORT_LINKS:
        return []  # (a section or search page's headlines: other stories, not this one's)
    lines = keep(_body_lines_of([root], title))
    return lines if sum(map(len, lines)) >= LAST_RESORT_TEXT else []


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """The article body alone, for benchmarks; never raises (an empty string instead). It
    skips what only the date, author and canonical URL need; its body is extract()'s (the
    drop of the other stories an infinite-scroll page renders included)."""
    try:
        text, utf8 = _to_text(html)
        tree = parse(text, utf8)
        walked = walk_shown(tree)
        metas = metadata.meta_map(tree, walked)
        ld = metadata.ld_article(metadata.json_ld(tree, walked))
        dom.remove_junk(tree, walked)
        seen: dict[str, metadata.Shown] = {}
        title = metadata.find_title(tree, ld, metas, url, seen)
        if otherstories.may_drop(tree, title):
            otherstories.drop(tree, otherstories.headline_of(tree, seen), title)
        title = normalize_line(title)
        body = _body_lines(tree, None, title, walked=walked) \
            or _second_try(text, None, title) \
            or declared_lines(ld) or _script_body(text, None, title) or _last_resort(text, title)
        return "\n".join(body)
    except Exception:
        return ""
