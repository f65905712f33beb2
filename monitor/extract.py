"""Turn one HTML page into an Article: automatic main-content detection plus metadata.

Stages: decode bytes, parse with lexbor (repairing an unclosed <title>), read structured
metadata, drop junk elements, prune boilerplate blocks by class/id/role, score containers by
the paragraphs they hold (readability-style, with link density and class priors), render the
chosen container to lines at block boundaries, then filter lines (credits, share text, image
file names, header metadata). Per-source rules replace any stage they name.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import (
    dom,
    faqs,
    gathering,
    leads,
    metadata,
    notbody,
    otherstories,
    regions,
    voting,
)
from monitor import selectors as sel
from monitor.ariahidden import drop_decorations
from monitor.bodylines import body_lines_of, drop_selected, select_nodes
from monitor.captions import drop_captions
from monitor.caseless import wide_twin
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
from monitor.lastresort import last_resort
from monitor.ldbody import declared_lines
from monitor.leftovers import global_query
from monitor.markedbody import explicit_bodies, same_build
from monitor.models import Article, ExtractRules
from monitor.nestedcards import drop_nested_cards
from monitor.nosnippet import drop_nosnippet
from monitor.openedboxes import drop_opened_boxes
from monitor.pageparse import parse
from monitor.scoring import Measures
from monitor.scriptbody import script_markup
from monitor.shadowroots import walk_shown
from monitor.storycards import drop_story_cards
from monitor.teaserboxes import drop_teaser_rows
from monitor.textnorm import normalize_line
from monitor.unvoted import add_unvoted

HIDDEN_KEEP = 0.6  # share of the page's text above which a hidden block is the article itself
REGION_KEEP = 0.6  # share of the text above which a block named like boilerplate is kept
wide_twin(sel.BOILERPLATE_LINE)  # (its guard comes from sre's parse of it, ~9 ms: at import, not in a page)


def _to_text(html: bytes | str, content_type: str | None = None) -> tuple[str, bytes | None]:
    """Page text, and its UTF-8 form when the page's bytes are that already: bytes go
    through the charset rules of monitor.encoding (NULs neutralised there; parse()
    neutralises those of text given as such)."""
    if isinstance(html, bytes | bytearray):
        return utf8_source(bytes(html), content_type)
    return html, None


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
        drop_selected(root, rules.drop)
    nodes: list[LexborNode] = []
    if rules is not None and rules.body:
        nodes = select_nodes(root, rules.body)
    if not nodes:
        unwrap_gallery(root)
        drop_opened_boxes(root, walked.openers if walked else None)
        nodes = with_headings(_auto_nodes(root, family, walked))
        drop_nosnippet(nodes)
        nodes = drop_fact_boxes(nodes)
        drop_captions(nodes)
        drop_story_cards(nodes)
        drop_nested_cards(nodes)
    return body_lines_of(nodes, title, credits)


def _rule_text(tree: LexborHTMLParser, selector: str | None) -> tuple[str, LexborNode | None]:
    """Text of the first node a source's selector names, and the node (for the date scope)."""
    if not selector:
        return "", None
    found = select_nodes(tree.root, selector) if tree.root is not None else []
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
        dates = select_nodes(tree.root, rules.date) if tree.root is not None else []
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
        or declared_lines(ld) or _script_body(text, rules, title) or last_resort(text, title, rules)
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
            or declared_lines(ld) or _script_body(text, None, title) or last_resort(text, title)
        return "\n".join(body)
    except Exception:
        return ""
