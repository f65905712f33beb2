"""Declarative shadow DOM put in place, as a browser attaches it.

A web component rendered on the server sends what it shows inside ``<template
shadowrootmode="open">``; the browser makes that the element's shadow root and displays it.
lexbor keeps a template's content out of the tree, and the junk walk drops templates, so a
story sent that way came out empty.
"""

from __future__ import annotations

from collections.abc import Iterable

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from monitor.junkwalk import Walked, walk

SHADOW_TEMPLATES = "template[shadowrootmode], template[shadowroot]"
SHADOW_ATTRIBUTES = ("shadowrootmode", "shadowroot")  # the standard's, and Chrome's first
MAX_DEPTH = 4  # levels of shadow roots nested in shadow roots read (deeper ones go)


def held(templates: Iterable[LexborNode]) -> bool:
    """Whether any of the page's <template>s (the junk walk's) is a shadow root."""
    return any(name in template.attributes for template in templates
               for name in SHADOW_ATTRIBUTES)


def attach(tree: LexborHTMLParser, depth: int = 0) -> None:
    """Replace each shadow-root template by its content (the content's own shadow roots
    first: a template's content does not come along when its node is moved), with no box
    around it: a shadow root adds none, and an inline component (a name in a sentence) in
    a <div> split its sentence into three lines. (Each template is detached, not freed: a
    foreign one, an <svg>'s, may hold another that the loop comes to next.)"""
    for template in tree.css(SHADOW_TEMPLATES):
        markup = template.html or ""
        inner = markup[markup.find(">") + 1: markup.rfind("</template>")]
        fragment = LexborHTMLParser(f"<html><body><div>{inner}</div></body></html>",
                                    options=LexborDocumentOptions.WO_EVENTS, scripting=True)
        if depth < MAX_DEPTH:
            attach(fragment, depth + 1)
        root = fragment.body.child if fragment.body is not None else None
        for node in root.iter(include_text=True) if root is not None else ():
            template.insert_before(node)  # (a copy into the page's document)
        template.decompose(recursive=False)


def walk_shown(tree: LexborHTMLParser) -> Walked:
    """The junk walk (monitor.junkwalk), after the shadow roots are put in place on the rare
    page that has them (walked again then: they add nodes)."""
    walked = walk(tree)
    if walked.templates and held(walked.templates):
        attach(tree)
        walked = walk(tree)
    return walked
