"""The elements that mark their date as the publication's: microdata, RDFa, <time>.

What monitor.dates reads after JSON-LD and the meta tags (its "declared" dates, and the
timestamps among which a UTC date finds the publisher's offset). One page-wide query
finds them; the junk walk's list of <time> elements (monitor.junkwalk) spares the query
its tag selector on most pages.
"""

from __future__ import annotations

from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from monitor.datescan import CSS_SPACE, has_word
from monitor.tagids import tag_id

# Elements (not <meta>) that mark their date as the publication's: microdata, and RDFa as
# Drupal writes it (<span property="dc:date dc:created" content="2024-05-10T09:00:00+08:00">
# around a shown "Fri, 05/10/2024 - 09:00" that a day-first page would misread).
MARKED_PROPERTIES = ("datePublished", "schema:datePublished", "dc:date", "dc:created",
                     "dcterms:created", "dcterms:issued", "dcterms:date")
MARKED_DATES = ", ".join(['[itemprop~="datePublished"]']
                         + [f'[property~="{name}"]' for name in MARKED_PROPERTIES])
DATE_NODES = MARKED_DATES + ", time[pubdate], time[datetime]"  # see marked_dates
# each name of MARKED_PROPERTIES holds one: what marked_by tests (spelled out there, three
# substring tests costing less than a generator over them)
PROPERTY_HINTS = ("date", "created", "issued")
_TIME = tag_id("time")


def marked_dates(tree: LexborHTMLParser) -> list[LexborNode]:
    """tree.css(DATE_NODES), each node once per selector it matches: one query for the three
    attributes/tags and a test of the values costs less than ten selectors tried on every
    element (lexbor lists a node once per matching selector, one after the other)."""
    return [node for node, _ in marked_elements(tree)]


Marked = list[tuple[LexborNode, dict[str, str | None]]]  # elements with their attributes


def marked_elements(tree: LexborHTMLParser, times: list[LexborNode] | None = None,
                    listed: list[Marked] | None = None) -> Marked:
    """marked_dates, each node with its attributes (declared reads them again: each read
    builds the dict anew). ``times``: the <time> elements of the page, listed by its junk
    walk (those removed since have no parent); the query then leaves the tag out (a third
    of its cost): the answer is the named elements' when no time is stamped, the stamped
    times' when no element is named, and else (both kinds, whose order the two lists do
    not give) the whole query's, as without ``times``. ``listed`` (when given) receives
    every element the query listed once, with its attributes, in document order: the
    itemprop/property elements of the page as they are now (monitor.markedbody reads the
    marked body among them rather than query <body> again)."""
    every: Marked | None = None if listed is None else []
    if times is None:
        found = marked_by(tree.css("[itemprop], [property], time"), every=every)
    else:
        found = marked_by(tree.css("[itemprop], [property]"), stamps=False, every=every)
        stamped = _stamped(times)
        if found and stamped:
            every = None if every is None else []  # (the whole query lists them again)
            found = marked_by(tree.css("[itemprop], [property], time"), every=every)
        else:
            found = found or stamped
    if listed is not None and every is not None:
        listed.append(every)
    return found


def marked_by(nodes: Iterable[LexborNode], stamps: bool = True, every: Marked | None = None
              ) -> Marked:
    """The nodes a query found, each once per selector of DATE_NODES it matches (but for
    the time ones without ``stamps``). A word is split out only
    from a value that holds one of PROPERTY_HINTS ("date", "created", "issued"): most
    marked nodes are Open Graph <meta property>, and split costs. The tag is read only for
    an element with a pubdate or datetime attribute: a tag read costs more than the two
    dict tests. ``every``: receives each node once, with its attributes."""
    found: Marked = []
    previous = None
    for node in nodes:
        if node.mem_id == previous:
            continue
        previous = node.mem_id
        attrs = node.attributes
        if every is not None:
            every.append((node, attrs))
        count = int(has_word(attrs.get("itemprop"), "datePublished"))
        prop = attrs.get("property")
        if prop and ("date" in prop or "created" in prop or "issued" in prop):
            words = CSS_SPACE.split(prop)
            count += sum(name in words for name in MARKED_PROPERTIES)
        stamped = ("pubdate" in attrs) + ("datetime" in attrs) if stamps else 0
        if stamped and node.tag_id == _TIME:
            count += stamped
        found.extend([(node, attrs)] * count)
    return found


def _stamped(times: list[LexborNode]) -> list[tuple[LexborNode, dict[str, str | None]]]:
    """The <time> elements still in the page (a removed one has no parent), each once per
    time selector of DATE_NODES it matches (the walk lists each once)."""
    found: list[tuple[LexborNode, dict[str, str | None]]] = []
    for node in times:
        if node.parent is not None:
            attrs = node.attributes
            count = ("pubdate" in attrs) + ("datetime" in attrs)
            if count:
                found.extend([(node, attrs)] * count)
    return found
