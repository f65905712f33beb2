"""Pure text rules that turn extracted text into a clean body (the normalisation of lines and
the content hash are monitor.textnorm's; import them from there)."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from monitor.bodytails import cut_closing_blocks
from monitor.linetests import (
    LINKED_LINE,
    SENTENCE_END,
    is_boilerplate_line,
    is_dateline,
    is_meta_line,
)
from monitor.markers import (
    BLANK,
    HEADING,
    LINK_CLOSE,
    LINK_OPEN,
    LIST_ITEM,
    NAMED_OPEN,
    PARA,
    strip_markers,
)
from monitor.selectors import READ_ALSO_LEAD
from monitor.textnorm import normalize_line

# --- cleaning rules for extracted lines -------------------------------------------------
_LINKED = re.compile(f"{LINK_OPEN}([^{LINK_OPEN}{LINK_CLOSE}]*){LINK_CLOSE}")
PROSE_AFTER = 80  # characters of unlinked text after a linked subheading that make it a section
LINKED_SENTENCE = 4  # words of a linked line ending like a sentence for it to be one, not a button
LABEL_CHARS = 50  # characters; a boilerplate line this short labels what follows ("More:", "Don't miss")
TEASER_RUN = 2  # linked lines under such a label that make a list of teasers (one is a subheading)
SUBHEAD_CHARS = 120  # characters; a longer linked line is a teaser's headline and excerpt
SUBHEAD_LINKS = 3  # linked lines opening prose paragraphs that make them a roundup's subheadings
SUBHEAD_PROSE = 150  # characters of the paragraph after such a line (a teaser's excerpt is shorter)
LIST_LABEL_CHARS = 80  # characters; a longer line naming other articles is a sentence of the text
DROP_CAP_LINES = 3  # lines at the top where a lone capital can be the opening paragraph's drop cap
_FULL_STOP = re.compile(r"(?<!\.)[.。][\"”'’»)]?$")  # a statement's end (headlines ask, exclaim, trail off)
END = -3  # a _FULL_STOP match starts this far from the end: searched from there, not at every offset
# The writer's bio closing a page: a name, then what the person is ("Jane Roe is a freelance
# writer living in ..."); with the label line above it ("Contributing Writer", "Written by X").
# a boilerplate label that heads no list: an ad's label, whatever links follow it
_AD_LABEL = re.compile(r"(?:advertisement|advertising|anzeige|werbung|publicit[ée]|publicidad|"
                       r"pubblicit[àa]|sponsored|реклама|ad)\b", re.I)
# "Related court filings are linked below:" opens a sentence; "Related", "Related stories"
# label a list of other articles
_RELATED_SENTENCE = re.compile(
    r"related\s+(?!(?:stories|articles|posts|news|content|coverage|links|reading|reads|topics|"
    r"videos|items|pages)\b)\w", re.I)


# a link whose text runs over a block break (a card: <a><h3>headline</h3><p>excerpt</p></a>);
# the pattern opens with its marker, the look-behind after it ("not a second of two"): a leading
# look-behind left re no literal to skip to, and it tried every character (~4% of a page's cost)
_SPANNING_LINK = re.compile(
    f"{LINK_OPEN}(?<!{NAMED_OPEN})(?!{LINK_OPEN})[^{LINK_CLOSE}]*?{PARA}"
    f"[^{LINK_CLOSE}]*{LINK_CLOSE}")
_EMPTY_LINK = re.compile(f"{LINK_OPEN}(\\s*){LINK_CLOSE}")  # a split link's piece with no text
CARD_PROSE = 200  # characters of a linked full sentence that make it text (a teaser excerpt runs to ~160)


def carry_links(text: str) -> str:
    """Marked text whose links each close at a block break and reopen after it (after the
    next line's heading or item marker), so that every line of a card wrapped in one <a> reads
    as linked: split at the breaks, its headline line held no link marker and passed for
    unlinked text (the "Most read" list under a dropped label, a teaser's title)."""
    if LINK_OPEN not in text:
        return text
    return _SPANNING_LINK.sub(_split_link, text)


def _split_link(link: re.Match[str]) -> str:
    """A link over block breaks, closed and reopened at each. A block inside the <a> puts a
    break before and after itself; one break alone is a <br> ("Severely<br>restricted", a
    URL with a trailing <br>): such a link, or one with no text after its first break, stays
    as it was (its lines, as before, unlinked past the break). A piece that is a paragraph
    of prose (CARD_PROSE) is not reopened: a teaser's excerpt is shorter, and a timeline's
    entries each linked to their year's story (<a><h3>2007</h3><p>A public inquiry ...</p>
    </a>) or a whole entry wrapped in its permalink are the text."""
    span = link.group()
    if span.count(PARA) < 2 or not strip_markers(span[span.index(PARA):]).strip():
        return span
    pieces = span[:-1].split(PARA)  # (the last piece without its LINK_CLOSE)
    out = [pieces[0] + LINK_CLOSE]
    for piece in pieces[1:]:
        text = piece.lstrip(f" \t\n\r{HEADING}{LIST_ITEM}")
        lead = piece[:len(piece) - len(text)]
        words = normalize_line(strip_markers(text))
        if len(words) >= CARD_PROSE and _FULL_STOP.search(words, len(words) + END):
            out.append(lead + text)
        else:
            out.append(f"{lead}{LINK_OPEN}{text}{LINK_CLOSE}")
    return _EMPTY_LINK.sub(r"\1", PARA.join(out))


def clean_text(text: str | None) -> str:
    """Visible or declared text (a title, a meta value, a byline) as one clean line: markers
    out, stray entities decoded. (An ASCII text holds no marker: str.isascii() reads a
    flag, where the substitution scans the text.)"""
    text = text or ""
    if not text.isascii():
        text = strip_markers(text)
    if "&" in text:
        text = html.unescape(text)  # double-escaped meta content: &amp;#8216; -> ‘
    return normalize_line(text)


def line_link_density(raw: str, total: int | None = None) -> float:
    """Share of a marked line's characters that sit inside links; ``total``: the length of
    its normalised text without markers, when the caller has it."""
    if total is None:
        total = len(plain_line(raw))
    if not total:
        return 0.0
    return min(_linked_chars(raw) / total, 1.0)


# The cleaning reads a line's text and its linked characters two or three times (the prose
# bounds, the linked titles, the pass over the lines, the teasers after a label): each is
# worked out once (-0.9% of a ScrapingHub page's instructions).
LINE_CACHE = 512


@lru_cache(maxsize=LINE_CACHE)
def plain_line(raw: str) -> str:
    """A marked line's text: markers out, white space normalised."""
    return normalize_line(strip_markers(raw))


@lru_cache(maxsize=LINE_CACHE)
def _linked_chars(raw: str) -> int:
    return sum(len(normalize_line(m)) for m in _LINKED.findall(raw))


def _drop_trailing_labels(out: list[str], links_after: list[int]) -> None:
    """Drop closing labels whose link list was removed ("Related stories", "Most read").

    A short line without sentence punctuation that only introduced a list of links says
    nothing once the links are gone. A signature ("Kim Gump, Dallas") has no links after
    it, and a list item with its one shop link is not a label, hence two links at least.
    """
    while out and links_after[-1] >= 2 and len(out[-1]) <= 50 and not SENTENCE_END.search(out[-1]):
        out.pop()
        links_after.pop()


def _lone_link(raw_lines: list[str], index: int) -> bool:
    """A linked line between lines that are not mostly links: one link of the text, not an
    item of a list of links."""
    if index + 1 < len(raw_lines) and line_link_density(raw_lines[index + 1]) > LINKED_LINE:
        return False
    return not index or line_link_density(raw_lines[index - 1]) <= LINKED_LINE


def _kept_link_line(raw: str, line: str, raw_lines: list[str], index: int) -> bool:
    """A linked subheading that opens a section (a listicle's "3. Product name"), or a whole
    linked sentence ("Read the full transcript of the interview.") standing alone.

    Teaser lists and menus are linked lines too, but each sits next to another linked line
    or (a teaser's title) before a subheading or a short excerpt. Calls to action end in "!".
    """
    following = raw_lines[index + 1] if index + 1 < len(raw_lines) else HEADING
    if raw.lstrip().startswith(HEADING):
        if HEADING in following or (LINK_OPEN in following and not _is_prose(following)):
            return _lone_link(raw_lines, index) and HEADING not in following
        return (len(plain_line(following)) >= PROSE_AFTER
                or _lone_link(raw_lines, index))
    return line.endswith(".") and len(line.split()) >= LINKED_SENTENCE and _lone_link(
        raw_lines, index)


def _teasers_after(raw_lines: list[str], index: int) -> int:
    """Index past the linked lines right below a dropped label ("More:", "Don't miss") at
    ``index``: headlines of other stories, which an in-text list of links would otherwise
    keep. A linked sentence ends the run; fewer than TEASER_RUN lines are no list."""
    end, found = index + 1, 0
    for probe in range(index + 1, len(raw_lines)):
        raw = raw_lines[probe]
        text = plain_line(raw)
        if not text:
            continue
        if line_link_density(raw, len(text)) <= LINKED_LINE or _FULL_STOP.search(text, len(text) + END):
            break
        found, end = found + 1, probe + 1
    return end if found >= TEASER_RUN else index + 1


def _linked_subheads(raw_lines: list[str]) -> set[int]:
    """Indexes of linked lines that open the prose paragraph after them, when a page has
    SUBHEAD_LINKS of them or more: a roundup's items, each titled with a link to its story
    in a plain paragraph. A linked line after another is an item of a list of links; one or
    two between paragraphs are teasers of other stories."""
    found: set[int] = set()
    linked = _linked_titles(raw_lines)
    if len(linked) < SUBHEAD_LINKS:
        return found
    after_of, before_of = _filled_neighbours(raw_lines)
    for index in linked:
        after = after_of[index]
        if after is None or len(strip_markers(after).strip()) < SUBHEAD_PROSE \
                or not _is_prose(after):
            continue
        before = before_of[index]
        if before is None or line_link_density(before) <= LINKED_LINE:
            found.add(index)
    return found if len(found) >= SUBHEAD_LINKS else set()


def _linked_titles(raw_lines: list[str]) -> list[int]:
    """Indexes of the mostly linked lines that read like an item's title: short, no full
    stop, not shouted (a teaser's headline, "SENATOR SAYS ..."), not a cited address."""
    found = []
    for index, raw in enumerate(raw_lines):
        if LINK_OPEN not in raw:
            continue
        text = plain_line(raw)
        if not text or len(text) > SUBHEAD_CHARS or _FULL_STOP.search(text, len(text) + END) \
                or text.isupper():
            continue
        if text.startswith(("http:", "https:", "www.")) or READ_ALSO_LEAD.match(text) \
                or line_link_density(raw, len(text)) <= LINKED_LINE:
            continue  # (a labelled "Read more: <a>" titles another story, no item of this one)
        found.append(index)
    return found


def _filled_neighbours(raw_lines: list[str]) -> tuple[list[str | None], list[str | None]]:
    """For each line, the nearest line after it and before it that holds text: found in two
    passes (a walk per line was quadratic on a gallery of thousands of image links)."""
    filled = [bool(raw.strip(BLANK)) for raw in raw_lines]
    after: list[str | None] = [None] * len(raw_lines)
    before: list[str | None] = [None] * len(raw_lines)
    last: str | None = None
    for index in range(len(raw_lines) - 1, -1, -1):
        after[index] = last
        last = raw_lines[index] if filled[index] else last
    last = None
    for index, raw in enumerate(raw_lines):
        before[index] = last
        last = raw if filled[index] else last
    return after, before


def _prose_bounds(raw_lines: list[str]) -> tuple[int, int]:
    """Indexes of the first and last lines of unlinked prose (-1: none). A list of links
    between them sits in the text (the tools a post names, the products of a guide); one
    above the first opens the page (sections, share buttons), one below the last closes it
    (related stories, tags)."""
    first = next((i for i, raw in enumerate(raw_lines) if _is_prose(raw)), -1)
    if first < 0:
        return -1, -1
    last = next(i for i in range(len(raw_lines) - 1, first - 1, -1) if _is_prose(raw_lines[i]))
    return first, last


def _is_prose(raw: str) -> bool:
    total = len(plain_line(raw))
    return total >= PROSE_AFTER and (
        LINK_OPEN not in raw or line_link_density(raw, total) <= LINKED_LINE)


def clean_lines(
    raw_lines: list[str],
    title: str,
    boiler: re.Pattern[str],
    meta: re.Pattern[str],
    cta: re.Pattern[str] | None = None,
    credit: re.Pattern[str] | None = None,
    label: re.Pattern[str] | None = None,
) -> list[str]:
    """Marked raw lines to clean body paragraphs: drop chrome, credits, header metadata.

    ``label`` names lists of other articles ("You may also like"): such a line goes with the
    linked lines under it."""
    out: list[str] = []
    links_after: list[int] = []  # per kept line: pure link lines dropped right after it
    dated: dict[str, bool] = {}  # is_dateline of each line read (_trim_ends asks again)
    title_key = normalize_line(title).casefold()
    raw_lines = [raw for raw in raw_lines if raw and not raw.isspace()]
    first_prose, last_prose = _prose_bounds(raw_lines)
    subheads = _linked_subheads(raw_lines)
    teasers_end = 0  # lines below this index are teasers under a dropped label
    for index, raw in enumerate(raw_lines):
        if index < teasers_end:
            continue
        linked = LINK_OPEN in raw or LINK_CLOSE in raw
        marked = linked or HEADING in raw or LIST_ITEM in raw
        line = plain_line(raw) if marked else normalize_line(raw)
        if not line:
            continue
        density = line_link_density(raw, len(line)) if linked else 0.0
        if label is not None and len(line) <= LIST_LABEL_CHARS and label.match(line) \
                and not _RELATED_SENTENCE.match(line):
            teasers_end = _teasers_after(raw_lines, index)
            if teasers_end > index + 1:
                continue  # (the label goes with its list)
        if density > LINKED_LINE and (_kept_link_line(raw, line, raw_lines, index) or index in subheads or (
                first_prose < index < last_prose  # an item, or the block opening one (a bare item line above)
                and LIST_ITEM in (raw.lstrip()[:1], raw_lines[index - 1].strip())
                and READ_ALSO_LEAD.match(line) is None)):  # ("See also: <a>": another story's)
            density = 0.0  # a list or table of links within the text (tools, sources, films)
        if is_boilerplate_line(line, density, boiler, cta, credit):
            if len(line) <= LABEL_CHARS and boiler.match(line) and not _AD_LABEL.match(line):
                teasers_end = _teasers_after(raw_lines, index)
                if links_after:  # (dropped links, as _drop_trailing_labels counts them)
                    links_after[-1] += teasers_end - index - 1
            if density >= 0.999 and links_after:
                links_after[-1] += 1
            continue
        if title_key and len(line) <= len(title_key) and line.casefold() == title_key:
            continue  # (casefolding never shortens a line: a longer one is not the title)
        dated[line] = is_dateline(line)
        if dated[line] and not raw.lstrip().startswith(HEADING):
            continue  # (a date as a subheading orders a timeline's entries: it stays)
        out.append(line)
        links_after.append(0)
    _drop_trailing_labels(out, links_after)
    return _join_drop_cap(_trim_ends(out, meta, dated))


def _join_drop_cap(out: list[str]) -> list[str]:
    """The opening paragraph with its drop cap: a page that sets the first letter in a box
    of its own beside the <p> ("T" above "urkey, Poland and ...") read it as a line.

    Only near the top (DROP_CAP_LINES), where the story opens: further down, a lone capital
    over a lower-case line is a glossary's letter over its first entry. Nor when another
    line of the body is a lone capital too: a glossary opening on "A" over "abseil: ..." has
    its "B" and "C" further down."""
    for index, line in enumerate(out[:DROP_CAP_LINES]):
        if len(line) == 1 and line.isupper() and index + 1 < len(out) \
                and out[index + 1][:1].islower():
            if any(len(other) == 1 and other.isupper() for other in out[index + 1:]):
                return out  # the letters of an index
            return [*out[:index], line + out[index + 1], *out[index + 2:]]
    return out


def _trim_ends(out: list[str], meta: re.Pattern[str], dated: dict[str, bool]) -> list[str]:
    """The body without the header metadata above it, the dates below it and the closing
    blocks after the text (monitor.bodytails: a writer's bio, a donation appeal); ``dated``:
    is_dateline of the lines. (A line's length before a metadata search at every offset.)"""
    start = 0
    while start < len(out) and start < 4 and (is_meta_line(out[start], meta) or dated[out[start]]):
        start += 1
    end = len(out)
    while end > start and ((len(out[end - 1]) < 60 and is_meta_line(out[end - 1], meta))
                           or dated[out[end - 1]]):
        end -= 1
    return cut_closing_blocks(out[start:end])
