"""The pitch-line test's shortcut (what PITCH_LINE needs, tested on the folded line)
answers as the keys and the regex alone do, whatever the case or the letters re.I equates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from monitor import pitchlines
from monitor.caseless import ascii_fold
from monitor.pitchlines import MAX_CHARS, is_pitch_line

# one line for each alternative of PITCH_LINE, each a pitch
PITCHES = [
    "© dpa-infocom, dpa:230428-99-4830/5",
    "Copyright: Reuters",
    "(c) AFP",
    "Die Beiträge geben nicht unbedingt die Meinung der Redaktion wieder.",
    "The views expressed here are the author's own.",
    "Get in touch at news@example.org",
    "Questions? Get in touch with us",
    "For more stories like this, follow us.",
    "Got a story tip? Email tips@example.org",
    "Reporting by Jane Doe; Editing by John Roe",
    "Mit Agenturmaterial.",
    "Mit Material von dpa.",
    "Download the free News app",
    "Haberleri uygulamasını indirin",
    "Cek berita dan artikel lainnya di Google News",
    "Téléchargez les infos avec l'application du Monde",
    "Jetzt abonnieren und weiterlesen",
    "Il vous reste 75% de cet article à lire.",
    "Lisez. La suite est réservée aux abonnés.",
    "Unlock unlimited access to all stories",
    "Already a subscriber? Log in",
    "Dieser Artikel ist exklusiv für Abonnenten",
    "Weiterlesen mit Plus",
    "Cet article est réservé aux abonnés.",
    "This story is for paying subscribers.",
]
_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")  # İ ı ſ K: "i", "i", "s", "k" to re.I


def _plain(line: str) -> bool:
    return len(line) <= MAX_CHARS and pitchlines._pitch(line)


def _variants(line: str) -> list[str]:
    out = [line, line.upper(), line.swapcase(), "\u2019" + line]
    for odd in _ODD:
        for letter in ("i", "s", "k", "I", "S", "K"):
            out.append(line.replace(letter, odd))
    return out


@pytest.mark.parametrize("line", PITCHES)
def test_each_alternative_passes_the_shortcut(line: str) -> None:
    """Every alternative of PITCH_LINE has its opening or its word in the shortcut: a pitch
    line in any case, or with İ ı ſ K for its letters, is judged as without the shortcut."""
    assert is_pitch_line(line)
    for variant in _variants(line):
        assert is_pitch_line(variant) == _plain(variant), variant


_WORDS = ["get", "in", "touch", "app", "the", "our", "download", "story", "tip", "?", "©",
          "reporting", "by", "editing", "views", "expressed", "are", "own", "redaktion",
          "abonnés", "réservée", "la", "suite", "est", "aux", "jetzt", "abonnieren", "das",
          "ınstall", "uygulamasını", "indirin", "a@b.co", "said", ",", "Jane", *_ODD]


@given(st.lists(st.sampled_from(_WORDS), max_size=12), st.booleans())
def test_shortcut_changes_no_answer(words: list[str], upper: bool) -> None:
    """Lines made of the alternatives' words, in any order and case: the same answers."""
    line = " ".join(words)
    line = line.upper() if upper else line
    assert is_pitch_line(line) == _plain(line)


def test_most_prose_fails_the_shortcut() -> None:
    """The shortcut answers for ordinary prose, keys or not ("app" in "happened")."""
    for line in ("It happened in the apple orchard, a tipping point for the story.",
                 "Officials said the material was reported to the agency on Monday."):
        assert not pitchlines._may_match(line, ascii_fold(line))
        assert not is_pitch_line(line)
