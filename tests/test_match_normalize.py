"""The normal form text and aliases are matched in, and its map back to the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.normalize import Normalizer, char_form

ALPHABET = ("aZ0 \n\t'&.,-" "ßẞİıéü\u0301\u0308\u00ad\u200b\u00a0\u202f\u3000’“”…ﬁ½"
            "ＡＢ１中国海诚한국ا\U0001F680")


@pytest.mark.parametrize(("text", "form"), [
    ("Straße", "Strasse"), ("STRASSE", "STRASSE"), ("İstanbul", "Istanbul"),
    ("ıstanbul", "istanbul"), ("Meta\u2019s", "Meta's"), ("\u201cQuote\u201d", '"Quote"'),
    ("China\u00a0Haisum", "China Haisum"), ("China\n \t Haisum", "China Haisum"),
    ("Goo\u00adgle", "Google"), ("ＢＹＤ　Ｃｏ", "BYD Co"), ("ﬁnance", "finance"),
    ("Zu\u0308rich", "Zürich"), ("a\u200b\u200bb", "ab"), ("x \u00ad y", "x y"),
])
def test_normal_form(text: str, form: str) -> None:
    normal = Normalizer().normalize(text)
    assert normal.text == form
    assert normal.folded == form.lower() and len(normal.folded) == len(normal.text)


def test_folding_is_one_character_for_one_everywhere() -> None:
    """Why folding may use str.lower: after char_form no character changes length."""
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        form = char_form(chr(code))
        assert len(form.lower()) == len(form), hex(code)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_fast_paths_agree_with_the_exact_path(text: str) -> None:
    normalizer = Normalizer()
    fast, exact = normalizer.normalize(text), normalizer._exact(text)
    assert fast.text == exact.text
    assert [fast.start(i) for i in range(len(fast.text))] == \
        [exact.start(i) for i in range(len(exact.text))]
    assert [fast.end(j) for j in range(1, len(fast.text) + 1)] == \
        [exact.end(j) for j in range(1, len(exact.text) + 1)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_offsets_map_back_to_the_characters_they_came_from(text: str) -> None:
    normal = Normalizer().normalize(text)
    starts = [normal.start(i) for i in range(len(normal.text))]
    assert starts == sorted(starts) and all(0 <= s < len(text) for s in starts)
    for i, ch in enumerate(normal.text):
        s, e = normal.start(i), normal.end(i + 1)
        assert s < e <= len(text)
        source = unicodedata.normalize("NFC", text[s:e])
        assert ch in "".join(char_form(c) for c in source) or ch == " "


def test_uneven_text_without_marks_is_anchored_only_where_needed() -> None:
    """A long text with a ``ß`` (its form is two characters), blank runs and an invisible
    character maps back like the exact path, without the per-run walk (``_runs``)."""
    text = ("Die Straße \u201eam Fluss\u201c f\u00fchrt \u00fcber Gr\u00fc\u00dfe.\n\n"
            "Zweiter  Absatz\u00ad mit\u00a0\u00a0Leerraum und \u00dfen.\n") * 40
    normalizer = Normalizer()
    normalizer._runs = None  # type: ignore[assignment,method-assign]  # must not be needed
    fast, exact = normalizer.normalize(text), normalizer._exact(text)
    assert fast.text == exact.text and "Strasse" in fast.text and "  " not in fast.text
    assert [fast.start(i) for i in range(len(fast.text))] == \
        [exact.start(i) for i in range(len(exact.text))]
    assert [fast.end(j) for j in range(1, len(fast.text) + 1)] == \
        [exact.end(j) for j in range(1, len(exact.text) + 1)]
