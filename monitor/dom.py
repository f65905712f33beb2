"""DOM stages of automatic extraction: prune boilerplate, gather the body around the winner.

The heavy lifting stays inside lexbor (CSS selection, subtree text). Python only loops over
paragraph-like elements and a handful of candidates, which keeps a page within a few
milliseconds.
"""

from __future__ import annotations

from functools import lru_cache

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor import selectors as sel
from monitor.scoring import (
    NAME_CACHE,
    Candidate,
    ancestry,
    article_root,
    best_candidate,
    class_weight,
    holds_prose,
    in_comments,
    link_density,
    node_names,
    score_candidates,
    text_len,
)

MIN_DUPLICATE = 40  # characters; a chosen block this long seen twice is a copy, not a refrain
SECTION_LEVELS = 8  # levels above the best block within which a same-class section is found
MIN_SECTION_SCORE = 2.0  # raw score (one sentence-long paragraph) for a same-class section to count
CLIMB_LEVELS = 4  # levels above the best block whose own prose paragraphs join the body
PARAGRAPH_STYLE = 3  # <p> sharing one class list: that class is the page's paragraph style
SIBLING_LINKS = 0.3  # linked share above which a same-kind sibling is a teaser list, not body
CODE_LEVELS = 3  # levels above a highlighted token searched for its <pre> or <code>

__all__ = [
    "Candidate", "ancestry", "best_candidate", "cousins", "distinct", "gather", "prune_region",
    "remove_boilerplate", "remove_comments", "remove_junk", "score_candidates", "text_len",
]


def in_code(node: LexborNode) -> bool:
    """Whether a node is markup inside a code block: syntax highlighters name their token
    spans "comment", "meta" or "tag", words that mark boilerplate anywhere else."""
    probe = node.parent
    for _ in range(CODE_LEVELS):
        if probe is None or probe.tag in ("pre", "code"):
            return probe is not None
        probe = probe.parent
    return False


def remove_junk(tree: LexborHTMLParser) -> None:
    """Drop elements that never carry article text (scripts, styles, forms controls...).

    One css() walk finds them all (strip_tags walks the page once per tag); each is unlinked
    as strip_tags does it, without its subtree being taken apart.
    """
    root = tree.root
    for node in reversed(root.css(_JUNK) if root is not None else []):
        node.decompose(recursive=False)


_JUNK = ", ".join(sel.JUNK_TAGS)


def remove_boilerplate(
    root: LexborNode, selector: str, keep_share: float, protect: set[int] | None = None
) -> None:
    """Decompose boilerplate blocks, sparing any that hold more than ``keep_share`` of the text.

    The guards matter because class names are matched by substring: a wrapper called
    ``page-with-sidebar`` must not take the article with it. ``protect`` holds the path to
    the container a first scoring pass preferred.
    """
    total = 0  # the root's text length: read before any removal, if the selector finds a block
    protect = protect or set()
    protect.add(root.mem_id)
    for node in reversed(root.css(selector)):
        total = total or max(text_len(root), 1)
        if node.mem_id in protect or node.tag in ("html", "body", "main", "article"):
            continue
        if node.tag in ("h1",):
            continue
        if text_len(node) > keep_share * total or (node.tag == "span" and in_code(node)):
            continue
        node.decompose()


def remove_comments(root: LexborNode, protect: set[int]) -> None:
    """Remove reader comment threads, whatever their size, except on the article's path.

    The share guard of remove_boilerplate would keep a thread longer than the article; the
    path to the container the first vote chose (``protect``) already spares a wrapper whose
    class merely mentions comments ("comments-open").
    """
    for node in reversed(root.css(sel.COMMENT_BLOCKS)):
        if node.mem_id in protect or node.tag in ("html", "body", "main", "article"):
            continue
        if sel.COMMENT_NAME.search(node_names(node)) and not in_code(node):
            node.decompose()


@lru_cache(maxsize=NAME_CACHE)
def boilerplate_names(names: str) -> bool:
    """Whether class/id names mark a boilerplate block (see selectors.BOILER_*); cached, as
    the same names come back on many elements of a page and of a site."""
    previous = ""
    for token in sel.NAME_TOKENS.split(names.lower()):
        if token:
            if (
                token in sel.BOILER_WORDS
                or token.startswith(sel.BOILER_PREFIXES)
                or token.endswith(sel.BOILER_SUFFIXES)
                or f"{previous}-{token}" in sel.BOILER_PAIRS
            ):
                return True
            previous = token
    return False


def _is_boilerplate(node: LexborNode) -> bool:
    """Figure/caption/form elements, hidden styles, or boilerplate class/id names.

    A <figure> that holds a <table> is the article's data (block editors wrap every table
    in one), not an image with its caption.
    """
    attrs = node.attributes
    if node.tag in ("figcaption", "picture", "form"):
        return True
    if node.tag == "figure" and node.css_first("table") is None:
        return True
    style = attrs.get("style")
    if style and sel.HIDDEN_STYLE.search(style):
        return True
    names = node_names(node)
    return len(names) > 1 and boilerplate_names(names)


def _paragraph_styles(region: LexborNode) -> set[str]:
    """Class lists that several <p> of the region share: the page's paragraph style.

    Such a class ("contextmenu Body") names how paragraphs look, whatever words it holds.
    """
    seen: dict[str, int] = {}
    for para in region.css("p[class]"):
        names = para.attributes.get("class") or ""
        seen[names] = seen.get(names, 0) + 1
    return {names for names, count in seen.items() if count >= PARAGRAPH_STYLE}


def prune_region(region: LexborNode, keep_share: float, protect: set[int]) -> None:
    """Remove class/id/style boilerplate inside the chosen region.

    One lexbor query for elements with attributes, then one compiled regex per element:
    cheaper than a selector per pattern over the region.
    """
    total = 0  # the region's text length, read only when a block is boilerplate
    victims: list[LexborNode] = []
    styles = _paragraph_styles(region)
    query = "[class], [id], [style], " + sel.REGION_BOILERPLATE_TAGS
    for node in region.css(query):
        if node.mem_id in protect or node.tag in ("html", "body", "main", "article", "h1"):
            continue
        if not _is_boilerplate(node):
            continue
        total = total or max(text_len(region), 1)
        if node.tag == "p" and node.attributes.get("class") in styles:
            continue
        if node.tag == "span" and in_code(node):
            continue
        length = text_len(node)
        if length <= keep_share * total and not holds_prose(node, length):
            victims.append(node)
    for node in reversed(victims):
        node.decompose()



def _prose_paragraph(node: LexborNode, boxed: bool = False) -> bool:
    """A <p> that reads like prose: long with few links, or a short full sentence.

    ``boxed`` also accepts a neutrally named box holding just one such <p> (the usual
    "intro"/"lead" wrapper); only used above the best container, never for its siblings.
    """
    if boxed and node.tag in ("div", "section") and class_weight(node) >= 0:
        kids = list(node.iter())
        node = kids[0] if len(kids) == 1 else node
    if node.tag != "p":
        return False
    text = (node.text() or "").strip()
    if not text:
        return False
    density = link_density(node, len(text))
    if len(text) > 80 and density < 0.25:
        return True
    return density == 0 and text[-1:] in ".!?。！？\"”" and len(text) > 20


def _same_kind(node: LexborNode, best: LexborNode) -> bool:
    """A sibling built like the best container: one more block of a body split into blocks.

    List-style posts, how-to steps and sectioned long reads repeat one block (same tag, same
    first class) per part; a part that scores low is still part of the body. A classless <div>
    says too little, so only named blocks and <section>s count, and linked lists never do.
    """
    if node.tag != best.tag or node.tag == "article":
        return False
    names = (node.attributes.get("class") or "").split()
    if names[:1] != (best.attributes.get("class") or "").split()[:1]:
        return False
    if not names and node.tag != "section":
        return False
    if _is_boilerplate(node) or in_comments(node):
        return False
    length = text_len(node)
    return length > 0 and link_density(node, length) <= SIBLING_LINKS


def _sibling_ok(node: LexborNode, cands: dict[int, Candidate], threshold: float,
                best: LexborNode) -> bool:
    """A sibling of the best container that reads like more of the article."""
    cand = cands.get(node.mem_id)
    if cand is not None and cand.score >= threshold:
        return True
    return _prose_paragraph(node) or _same_kind(node, best)


def _climb(start: LexborNode, nodes: list[LexborNode], levels: int = CLIMB_LEVELS
           ) -> list[LexborNode]:
    """Add prose paragraphs that sit beside the best container's ancestors.

    Bodies are often split: a lead and the first paragraphs straight in the article wrapper,
    the rest in a nested "more" box that wins the vote on its own. Only plain <p> prose is
    taken from those upper levels, never whole blocks, and never across an <article>.
    """
    probe = start
    for _ in range(levels):
        parent = probe.parent
        if parent is None or probe.tag in ("main", "body"):
            break
        if parent.tag in ("html", "body", "#document"):
            break
        if probe.tag == "article" and article_root(parent) is None:
            break  # an <article> in another is one of its parts; an outermost one is not
        before: list[LexborNode] = []
        after: list[LexborNode] = []
        seen = False
        for count, child in enumerate(parent.iter()):
            if count > 300:
                break
            if child.mem_id == probe.mem_id:
                seen = True
            elif _prose_paragraph(child, boxed=True):
                (after if seen else before).append(child)
        nodes = before + nodes + after
        probe = parent
    return nodes


def gather(best: Candidate, cands: dict[int, Candidate]) -> list[LexborNode]:
    """The best container plus siblings that look like more of the same article."""
    parent = best.node.parent
    if parent is None or parent.tag in ("html", "#document"):
        return [best.node]
    threshold = max(10.0, best.score * 0.2)
    out: list[LexborNode] = []
    best_id = best.node.mem_id
    separate = best.node.tag == "article"
    for count, child in enumerate(parent.iter()):
        if count > 300:
            break
        is_best = child.mem_id == best_id
        other_article = separate and child.tag == "article"
        if is_best or (not other_article and _sibling_ok(child, cands, threshold, best.node)):
            out.append(child)
    return _climb(parent, out) if out else [best.node]


def _depth_below(ancestor_ids: list[int], node: LexborNode, limit: int) -> int:
    """How many levels above ``node`` its path meets ``ancestor_ids`` (-1: not within limit)."""
    probe: LexborNode | None = node
    for level in range(limit + 1):
        if probe is None:
            return -1
        if probe.mem_id in ancestor_ids:
            return level
        probe = probe.parent
    return -1


def _path(node: LexborNode, levels: int) -> list[int]:
    """mem_ids of a node and up to ``levels`` ancestors below <body>."""
    path: list[int] = []
    probe: LexborNode | None = node
    for _ in range(levels + 1):
        if probe is None or probe.tag in ("body", "html"):
            break
        path.append(probe.mem_id)
        probe = probe.parent
    return path


def _same_class(node: LexborNode, best: LexborNode) -> bool:
    """Same tag and the same first class: one more section of a sectioned body.

    Sections often add a modifier to the shared class ("rich-text", "rich-text mt-4"), so
    only the first class, the block's kind, has to agree.
    """
    names = (node.attributes.get("class") or "").split()
    other = (best.attributes.get("class") or "").split()
    return bool(names) and bool(other) and node.tag == best.tag and names[0] == other[0]


def _named_off(node: LexborNode, best: LexborNode) -> bool:
    """A class/id that marks boilerplate, unless the block is built like the winner (its
    name is then the page's name for body blocks) or is mostly prose (see holds_prose)."""
    if not (_is_boilerplate(node) or class_weight(node) < 0) or _same_class(node, best):
        return False
    return not holds_prose(node, text_len(node))


def _cousin_ok(cand: Candidate, best: Candidate, near: list[int], far: list[int],
               levels: int, threshold: float) -> bool:
    """A candidate near the best one that holds more of the same article.

    Near (within ``levels``) it must score like article text; a block built like the best
    one (same tag and class: the sections of a long read) may sit further away
    (SECTION_LEVELS) and score less.
    """
    if cand.raw >= threshold and _depth_below(near, cand.node, levels) >= 0:
        return True
    return (cand.raw >= MIN_SECTION_SCORE and _same_class(cand.node, best.node)
            and _depth_below(far, cand.node, SECTION_LEVELS) >= 0)


def cousins(best: Candidate, cands: dict[int, Candidate], chosen: list[LexborNode],
            levels: int = 4) -> list[LexborNode]:
    """Add nearby containers that hold more of the article (bodies split by ads or sections).

    A cousin must score like article text, sit within ``levels`` of the best container's
    ancestors (further for blocks built like the best one), not be nested in (or contain)
    what is already chosen, and have few links.
    """
    near, far = _path(best.node, levels), _path(best.node, SECTION_LEVELS)
    chosen_ids = {n.mem_id for n in chosen}
    home = article_root(best.node)
    threshold = max(3.0, 0.3 * best.raw)
    extra: list[Candidate] = []
    for cand in cands.values():
        if cand.node.mem_id in chosen_ids or cand.node.mem_id in far:
            continue
        if not _cousin_ok(cand, best, near, far, levels, threshold):
            continue
        if ancestry(cand.node) & chosen_ids or in_comments(cand.node):
            continue
        if _named_off(cand.node, best.node):
            continue
        if home is not None and article_root(cand.node) not in (home, None):
            continue
        if link_density(cand.node) > 0.25:
            continue
        extra.append(cand)
    if not extra:
        return chosen
    # drop extras nested in other extras (keep the outermost)
    ids = {c.node.mem_id for c in extra}
    kept = [c for c in extra if not (ancestry(c.node.parent) & ids)]
    for cand in kept:
        prune_region(cand.node, 0.4, {cand.node.mem_id})
    nodes = [(_chosen_order(i, n, chosen, best, cands), n) for i, n in enumerate(chosen)]
    nodes += [(c.order, c.node) for c in kept]
    nodes.sort(key=lambda item: item[0])
    return [n for _, n in nodes]


def _chosen_order(index: int, node: LexborNode, chosen: list[LexborNode], best: Candidate,
                  cands: dict[int, Candidate]) -> int:
    """Document rank of a chosen block, for sorting it among the cousins.

    Candidates carry their rank; a lead paragraph taken from an ancestor (see _climb) and
    placed before the winner ranks with that ancestor, so it stays ahead of the cousins.
    """
    if node.mem_id in cands:
        return cands[node.mem_id].order
    parent = node.parent
    ahead = index < next((i for i, n in enumerate(chosen) if n.mem_id == best.node.mem_id), 0)
    if ahead and parent is not None and parent.mem_id in cands:
        return min(cands[parent.mem_id].order, best.order)
    return best.order


def distinct(nodes: list[LexborNode]) -> list[LexborNode]:
    """The chosen blocks without second copies of the same text (a print or mobile variant).

    A block whose text was already chosen, or sits inside an earlier block's text, adds
    nothing but a duplicate body.
    """
    if len(nodes) < 2:
        return nodes
    kept: list[LexborNode] = []
    texts: list[str] = []
    for node in nodes:
        text = " ".join((node.text() or "").split())
        if len(text) >= MIN_DUPLICATE and any(text in seen for seen in texts):
            continue
        kept.append(node)
        texts.append(text)
    return kept
