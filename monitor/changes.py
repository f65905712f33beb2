"""What an edit added to an article, in sentences a reader can scan in an alert."""

from __future__ import annotations

import re

MAX_ADDED = 5  # an alert lists the first few new sentences; `monitor history` has the rest
MAX_SENTENCE = 400  # characters kept of one sentence (a run-on paragraph stays readable)
_SENTENCE = re.compile(r"[^.!?。！？\n]+(?:[.!?。！？]+|$)", re.MULTILINE)


def sentences(text: str) -> list[str]:
    """Split on sentence punctuation (Latin and CJK) and line breaks."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def added_sentences(old: str, new: str) -> tuple[str, ...]:
    """Sentences of ``new`` that ``old`` did not have (whitespace-insensitive), in order."""
    before = {" ".join(s.split()) for s in sentences(old)}
    added: list[str] = []
    for sentence in sentences(new):
        flat = " ".join(sentence.split())
        if flat not in before and flat not in added:
            added.append(flat)
    return tuple(s[:MAX_SENTENCE] for s in added[:MAX_ADDED])
