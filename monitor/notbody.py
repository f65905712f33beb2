"""Blocks that never are the body, however many paragraphs vote for them: a paper's list of
references, the author's box, a dialog, a log-in form, a list of teasers that won on its
class name (monitor.namedlisting).

On a journal page whose text is only an abstract (the rest behind a paywall), the reference
list, a hundred entries of a few hundred characters, outvotes the abstract; on a short post
the writer's biography outvotes the post. When the winner is named as one of those, the vote
is taken again without it. Names are read on the winner itself, and for references on two
boxes above it too (a plain list in "article__references"); a wrapper's names often mention
an author or a modal, so those words count on the winner alone. A post's own names are not
read as such: its term classes ("tag-citations"), a box holding the headline, a box that
another of its names calls the text ("blog-content popup-gallery").
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from monitor import selectors as sel
from monitor.dom import unlink
from monitor.namedlisting import named_listing
from monitor.placement import PAGE_LEVEL, nested_in
from monitor.scoring import Candidate, best_candidate, flat_text, node_names, text_len
from monitor.voting import score_candidates

# class/id words of a list of cited works
CITATION_WORDS = frozenset((
    "references", "reference", "bibliography", "citations", "refs", "reflist", "footnotes",
))
CITATION_LEVELS = 2  # boxes above the winner that may name it (a plain list in "article__references")
WRAPPED_SHARE = 0.6  # share of such a box's text the winner holds, at least
VOTES = 3  # votes taken at most: a list of references and an author's box may each win one
FORM_SHARE = 0.5  # share of the page's text a form around the winner holds, at most, to be a panel
# what a log-in or registration panel asks for, over and over (password, account, log in); a
# story a CMS wraps in a form (a "rate this story" widget) or a quiz names it once at most
ACCOUNT_CUE = re.compile(
    r"passw|kennwort|mot de passe|contrase|senha|wachtwoord|has[łl]o|\blog\s?in\b|"
    r"\bsign\s?in\b|anmeld|einlogg|connexion|iniciar sesi|accedi|account|konto|compte\b|"
    r"cuenta|registr", re.I)
ACCOUNT_CUES = 2  # cues a panel's text holds at least
PANEL_LINE = 160  # characters; a panel's hints and error messages are shorter, a story's paragraphs often not
_OWN_WORDS = sel.BIO_WORDS | sel.DIALOG_WORDS  # the author's box, a dialog: on the winner itself
# a class that names one of the post's terms (WordPress's post_class: "tag-author-visits",
# "category-popup-shops"): it says what the post is about, not what the box is
_TERM_CLASS = re.compile(r"(?<!\S)(?:tag|category)-\S+")
# a name, or a part of one, that says what the box has ("has-footnotes", a CSS framework's
# "text-component--has-footnotes", "with-references"): the box holds those besides its text;
# or lacks ("block-elements--no-byline", a live blog entry's text): it is not that part
_HAS_PART = re.compile(r"(?<![^\s_-])(?:has|with|no|without)-\S*")
# a class/id that names the box as the post's text: "blog-content", "post-body", "hentry"
_TEXT_NAME = re.compile(r"(?:^|[-_])(?:content|body|text|entry|hentry|post|article|story)$")


def _names(node: LexborNode) -> str:
    """The node's class/id, lower-cased, without its term classes and "has-..." parts: a
    post box tagged "author-visits" or "citations" (a story on traffic tickets) is the post,
    and a text box that "has-footnotes" is the text (removed or left out of the vote, the
    page had no body, a tagline for one, or the wrapper and the boxes built like it)."""
    return _HAS_PART.sub(" ", _TERM_CLASS.sub(" ", node_names(node).lower()))


def _named(node: LexborNode, words: frozenset[str]) -> bool:
    """The node's class/id (as _names reads them) holds one of ``words``."""
    return not words.isdisjoint(sel.NAME_TOKENS.split(_names(node)))


def _named_own(node: LexborNode) -> bool:
    """The winner's class/id names it an author's box or a dialog, no other of its names
    calls it the text, and it holds no <h1>.

    A theme names the post's text for the script that opens its pictures in a popup too
    ("blog-content popup-gallery"): the text, removed, left the page without a body. A box
    that holds the headline is the article whatever its names: WordPress names a post's
    writers in its classes ("author-priya-nair", the taxonomy of a co-authors plugin), and
    a story opened in a dialog is still the story."""
    own = False
    for name in _names(node).split():
        if not _OWN_WORDS.isdisjoint(sel.NAME_TOKENS.split(name)):
            own = True
        elif _TEXT_NAME.search(name):
            return False
    return own and node.css_first("h1") is None


def citation_list(node: LexborNode) -> LexborNode | None:
    """The winner, or a box just above it, whose class/id names it a list of references.

    A box above names the winner only when it is little more than the winner (the list and
    its heading): a documentation page lays its sections out in "reference-layout__body",
    and one section winning there left the page with its one-line summary for a body."""
    probe: LexborNode | None = node
    for level in range(CITATION_LEVELS + 1):
        if probe is None or probe.tag in PAGE_LEVEL:
            return None
        if _named(probe, CITATION_WORDS):
            if level == 0 or text_len(node) >= WRAPPED_SHARE * text_len(probe):
                return probe
            return None
        probe = probe.parent
    return None


def best_elsewhere(root: LexborNode, best: Candidate | None, cands: dict[int, Candidate],
                   family: bool) -> tuple[Candidate | None, dict[int, Candidate]]:
    """``best`` and ``cands``, or the vote taken again when ``best`` is never the body.

    An author's box or a dialog is removed from the page before the new vote (its paragraphs
    voted for its wrappers too); a list of references stays in the page (a part of the
    article, below its text) and only its candidates are left out, of every later vote too,
    and so is a list of teasers (a box of the page the pruning may still take).
    The new winner is read again: with the notes of a short post left out, the writer's
    biography below them won the second vote and stood as the body. A winner inside a form
    that is a panel on the page goes with every such form (see _form_around)."""
    gone: set[int] = set()  # lists of references left out
    for _ in range(VOTES - 1):
        if best is None:
            break
        own = _named_own(best.node)
        if own or _form_around(best.node, root) is not None:
            for node in [best.node] if own else _panels(root):
                unlink(node)
            cands = _without(score_candidates(root), gone)
            best = best_candidate(cands, family=family)
            continue
        listed = citation_list(best.node)
        if listed is None:
            listed = named_listing(best, cands)  # (left out as a list of references is)
        if listed is None:
            break
        rest = _without(cands, gone | {listed.mem_id})
        for cand in rest.values():
            cand.score = cand.raw  # (the first vote corrected the scores of its leaders in place)
        found = best_candidate(rest, family=family)
        if found is None:
            break
        gone.add(listed.mem_id)
        best, cands = found, rest
    return best, cands


def _form_around(node: LexborNode, root: LexborNode) -> LexborNode | None:
    """The <form> around the winner when it is a form on the page, not the page: its text
    is a log-in or sign-up panel's labels, hints and error messages. A site built on one
    page-wide form (ASP.NET's) puts the headline and most of the text inside it."""
    probe = node.parent
    while probe is not None and probe.tag not in PAGE_LEVEL:
        if probe.tag == "form":
            if not _panel_shaped(probe, text_len(root)) or _holds_paragraph(node):
                return None
            return probe if len(ACCOUNT_CUE.findall(probe.text_lexbor())) >= ACCOUNT_CUES else None
        probe = probe.parent
    return None


def _holds_paragraph(node: LexborNode) -> bool:
    """Whether the winner holds a paragraph longer than a panel's line: a story about a
    breach, set in a form, names the password and the account as a panel does."""
    return any(len(flat_text(para)) > PANEL_LINE for para in node.css("p"))


def _panel_shaped(form: LexborNode, total: int) -> bool:
    """A form that may be a panel: no headline, a small share of the page's text (``total``).
    The winner's form must also ask for an account (ACCOUNT_CUE): a story a CMS sets in a
    form does not; the panels that come with it (a password request) need not."""
    return form.css_first("h1") is None and text_len(form) < FORM_SHARE * total


def _panels(root: LexborNode) -> list[LexborNode]:
    """Every form on the page that is a panel (see _form_around), the outermost only: a log-in
    dialog comes with its registration and profile panels, each a form of its own."""
    total = text_len(root)
    forms = [form for form in root.css("form") if _panel_shaped(form, total)]
    ids = {form.mem_id for form in forms}  # (a parser nests no forms; a script may have)
    return [form for form in forms if not nested_in(form, ids)]


def _without(cands: dict[int, Candidate], gone: set[int]) -> dict[int, Candidate]:
    """The candidates outside the boxes ``gone``."""
    if not gone:
        return cands
    return {key: cand for key, cand in cands.items()
            if key not in gone and not nested_in(cand.node, gone)}
