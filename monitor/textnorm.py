"""Line and text normalisation, and the content hash taken over it: what counts as "the same
article" is defined in one place. Kept apart from the cleaning rules (monitor.clean) because
storing an article needs the hash, and every command that stores or searches would otherwise
import the extractor's line tests and patterns at start (~0.25G instructions, issue 9)."""

from __future__ import annotations

import hashlib
import unicodedata

INVISIBLE = "\u200c\u200d\u2060\u00ad\u200e\u200f"  # joiners, soft hyphen, direction marks
ASCII_SPACE = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what str.split() splits an ASCII text at, but " "
MEMCHR_LINE = 64  # characters; a shorter ASCII line is tested by categories (ten searches cost more)


def normalize_line(text: str) -> str:
    """Collapse every kind of white space (NBSP, U+3000, ...) to one space and strip.

    Most lines are that once stripped (no split and join then). An ASCII line is when it holds
    no space doubled and none of ASCII_SPACE, a memchr search for each on a long line
    (isprintable() costs ~27 instructions a character); another when printable (no white
    space but " ", no zero-width space or BOM: any other is a control or a separator)."""
    stripped = text.strip()  # (the same white space as str.split(); the text itself if none)
    if text.isascii():
        if "  " in stripped:
            plain = False
        elif len(stripped) < MEMCHR_LINE:
            plain = stripped.isprintable()
        else:  # (ASCII_SPACE's characters, spelled out: a loop over them cost more)
            plain = not ("\n" in stripped or "\t" in stripped or "\r" in stripped
                         or "\x0b" in stripped or "\x0c" in stripped or "\x1c" in stripped
                         or "\x1d" in stripped or "\x1e" in stripped or "\x1f" in stripped)
        return stripped if plain else " ".join(stripped.split())
    if stripped.isprintable() and "  " not in stripped:  # (one category pass, not one before
        return stripped  # the strip and one after: a line's end is often its markup's "\n")
    if "\u200b" in text or "\ufeff" in text:  # (white space too; split() keeps them; no regex)
        text = text.replace("\u200b", " ").replace("\ufeff", " ")
    line = " ".join(text.split())  # (str.split(): the characters regex \s matches, faster)
    # joiners and marks alone (a page builder's "&zwj;" spacer) show nothing: an empty line
    return line if line.strip(INVISIBLE + " ") else ""


def normalize_text(text: str) -> str:
    """One line per paragraph, each whitespace-normalised, no empty lines."""
    lines = (normalize_line(line) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def content_hash(title: str, body: str) -> str:
    """SHA-256 of the normalised title and body: equal for pages that read the same."""
    canon = unicodedata.normalize("NFC", normalize_line(title) + "\n\n" + normalize_text(body))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()
