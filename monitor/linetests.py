"""Tests of one clean line: page chrome (navigation, share and ad labels, credits, calls to
action), datelines and header metadata. clean.py applies them in the context of the body.
"""

from __future__ import annotations

import re

from monitor.captioncredit import is_caption_credit
from monitor.caseless import ascii_fold, finds, matches_wide
from monitor.pitchlines import MAX_CHARS, has_odd, is_pitch_line
from monitor.pointerlines import is_pointer_line
from monitor.selectors import PHOTO_CREDIT_END, READ_ALSO_LEAD

# what ends the words before a call that opens a sentence: a sentence, or a label ("Ground
# Game: Sign up for the weekly politics newsletter")
CALL_OPENS = ".!?:"
# words before a colon, since the last sentence, that make it a label ("Ground Game:"); more
# are a clause the colon continues ("The council's advice was simple: sign up early")
CALL_LABEL_WORDS = 3
_SENTENCE_BREAK = re.compile(r"[.!?]\s")
# a verb of saying: a line with a newsletter sign-up in it reports one ("The council said
# 4,000 people signed up for its newsletter, sent to your inbox weekly"; "the fake newsletter
# lands in your inbox, police warned")
_SAYS = re.compile(r"\b(?:said|says|told|according\s+to|warned|warns|wrote|writes|added|"
                   r"sagte|sagt|sagten|warnt|warnte|schrieb)\b", re.I)
_QUOTES = "\"“”„«»"  # a sign-up after an odd number of these is quoted speech, a slogan
# a line that is one web address: a link whose text is where it goes
_BARE_URL = re.compile(r"(?:https?://|www\.)\S+$", re.I)
LINKED_LINE = 0.5  # linked share above which a short line without a sentence end is a link label
CREDIT_TAIL = 24  # characters at the end of a normalised line that hold any photo credit
# how each of PHOTO_CREDIT_END's names ends (before its optional ")"): a line ending in none,
# in any case, holds no credit, unless it has a letter re.I equates with an ASCII one (has_odd)
CREDIT_ENDS = ("images", "shutterstock", "istock", "alamy", "photo", "afp", "reuters", "epa")
CTA_WORDS = ("subscribe", "sign", "newsletter", "follow", "share", "mailing")  # in every call
_FOLLOW_US = re.compile(r"follow\s+us\b", re.I)  # the site's own accounts, asked anywhere
# words to the reader just before a 'follow <account> on <platform>'
_TO_READER = re.compile(
    r"\b(?:you\s+(?:can|could|should|may)(?:\s+also)?|please|sure\s+to|forget\s+to|remember\s+to|"
    r"and|or|also)$", re.I)
# a file type named in a link ("the full report (PDF, 40 pages)"): a document, no other story
_DOCUMENT = re.compile(r"\b(?:pdf|docx?|xlsx?|csv|odt)\b", re.I)
# The words of a dateline ("Updated Monday, May 9, 2023 4:12 PM EDT | Published ..."): dates,
# times, weekdays, months, zones and the labels around them, in English and (the months,
# weekdays and connectors of "segunda-feira, 22 de janeiro de 2018 às 0:13", "Montag, 10.
# Januar 2022") German, French, Spanish, Portuguese and Italian ("Stand", as of: _AS_OF).
# A set lookup per word: one regex of all these alternatives cost more than the rest of the
# cleaning of a line.
_DATE_NAME_WORDS = """
    jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december mon monday tue tuesday wed wednesday thu
    thursday fri friday sat saturday sun sunday am a.m a.m. pm p.m p.m. utc gmt est edt cst
    cdt mst mdt pst pdt bst cet cest ist jst hkt sgt aest aedt updated published posted
    modified last on at | · • – — -
    montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi
    vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira lunedì martedì mercoledì
    giovedì venerdì sabato domenica de del às à um le alle uhr
    giriş güncelleme güncellenme yayınlanma
"""
# the months of those languages (_DATE_LIKE reads them after a day too)
_OTHER_MONTHS = """
    januar februar märz mai juni juli oktober dezember janvier février mars avril juin
    juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio
    julio agosto septiembre setiembre octubre noviembre diciembre janeiro fevereiro março
    maio junho julho setembro outubro novembro dezembro gennaio febbraio aprile maggio giugno
    luglio settembre ottobre dicembre
"""
_DATE_NAMES = frozenset(_DATE_NAME_WORDS.split() + _OTHER_MONTHS.split())
_MONTHS = "|".join(_OTHER_MONTHS.split())  # (for _DATE_LIKE)
_DATE_NUMBER = re.compile(r"[\d:./-]+(?:st|nd|rd|th|h)?", re.I)  # 2023, 4:12, 9th, 10h
DATELINE_SHARE = 0.85  # share of a line's words that are date words for it to be a dateline
# a German dateline's label "Stand" (as of) opening the line before a date or a time
# ("Stand: 28.04.2023 17:23 Uhr", "Stand: 28. April 2023", "Stand: Freitag, 28.04.2023");
# before a plain number it is a fair's stand ("Stand 12, 10.06.2024, 10:00")
_AS_OF = re.compile(r"stand:?\s+(?:\d{1,4}[.:/-]\d|\d{1,2}\.\s|[^\W\d]+\.?,?\s+\d)", re.I)
DIGIT = re.compile(r"\d")  # every date holds one (a line without one needs no date search)
SENTENCE_END = re.compile(r"[.!?。！？\"”'’»)\]:;…]$")
_DATE_LIKE = re.compile(
    r"\b(?:19|20)\d\d[-/.年]\d{1,2}|\b\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)?\d\d\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?"
    r"\s+\d{4}|"
    r"\b\d{1,2}(?:st|nd|rd|th)?\.?[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
    r"\.?[\s-]+\d{4}|"
    rf"\b\d{{1,2}}\.?\s+(?:de\s+)?(?:{_MONTHS})\s+(?:de\s+)?\d{{4}}",
    re.I,
)


def _call_to_action(line: str, cta: re.Pattern[str], credit: re.Pattern[str],
                    folded: str | None = None, odd: bool | None = None) -> bool:
    """'Subscribe to...', '...our newsletter', 'Follow us on...', '.../Getty Images'.

    Credit patterns end the line in a name (a letter) or its bracket, and on a normalised
    line (one space between words) the longest ("shutterstock)") is half CREDIT_TAIL: the
    tail is all a search needs (cut off, as no credit pattern looks behind where it starts,
    and lowered on its own). A line whose fold (``folded``, caseless.ascii_fold) holds none of
    CTA_WORDS (the case-insensitive pattern's words) holds no call, unless it has a letter
    the pattern equates with one of theirs but the fold does not (has_odd; ``odd``: its
    answer, when the caller has it). (Loops, not
    any() over a map: a word test through a method wrapper cost twice as much.)
    """
    last = line[-1:]
    if len(line) < 140 and (last.isalpha() or last == ")") and _credit_end(line, credit, odd):
        return True
    folded = ascii_fold(line) if folded is None else folded
    if line.isascii() or not (has_odd(line) if odd is None else odd):
        for word in CTA_WORDS:
            if word in folded:
                break
        else:
            return False
    for match in cta.finditer(line):
        if match.group("own"):
            quotes = sum(line.count(mark, 0, match.start()) for mark in _QUOTES)
            return quotes % 2 == 0 and _SAYS.search(line) is None
        if match.group("start"):
            before = line[: match.start()].rstrip()
            if not before or (len(before) <= 120 and _opens_call(before)):
                return True
        elif match.group("end"):
            if len(line) - match.end() <= 21:
                return True
        elif match.start() <= 100 and _addressed(line, match):
            return True
    return False


def _credit_end(line: str, credit: re.Pattern[str], odd: bool | None) -> bool:
    """Whether the credit pattern is found in the line's tail (which ends in a letter or a
    ")", never a line break). PHOTO_CREDIT_END is searched only in a tail ending like one
    of its names (~4k instructions a line saved: the search tries each of its 24 places)."""
    tail = line[-CREDIT_TAIL:]
    if credit is PHOTO_CREDIT_END and not (has_odd(line) if odd is None else odd) \
            and not tail.lower().removesuffix(")").endswith(CREDIT_ENDS):
        return False
    return finds(credit, tail)


def _opens_call(before: str) -> bool:
    """Whether the words before a call end a sentence or a label (not a clause's colon)."""
    if before[-1] not in CALL_OPENS:
        return False
    if before[-1] != ":":
        return True
    return len(_SENTENCE_BREAK.split(before)[-1].split()) <= CALL_LABEL_WORDS


def _addressed(line: str, match: re.Match[str]) -> bool:
    """Whether a 'follow ... on <platform>' match asks the reader: 'follow us' anywhere, a
    named account where a sentence opens or after words to the reader ("be sure to",
    "you can", "and"); "He urged fans to follow him on Telegram" reports a call, and is the
    story's."""
    if not match.group().lower().startswith("follow") or _FOLLOW_US.match(match.group()):
        return True
    before = line[: match.start()].rstrip()
    return not before or not (before[-1].isalnum() or before[-1] == ",") \
        or _TO_READER.search(before) is not None


def is_boilerplate_line(
    line: str,
    density: float,
    pattern: re.Pattern[str],
    cta: re.Pattern[str] | None = None,
    credit: re.Pattern[str] | None = None,
) -> bool:
    """A normalised line that navigation, credits or page chrome would produce."""
    folded = ascii_fold(line) if len(line) <= MAX_CHARS else None  # (what the word tests read)
    odd = not line.isascii() and has_odd(line)  # (both word tests ask it of a wider line)
    if len(line) < 240:
        if matches_wide(pattern, line, folded):  # (folded: an ASCII line's lower())
            return True
        if cta is not None and credit is not None \
                and _call_to_action(line, cta, credit, folded, odd):
            return True
    if is_caption_credit(line) or is_pitch_line(line, folded, odd) \
            or is_pointer_line(line, folded):
        return True
    if density > LINKED_LINE and _BARE_URL.match(line):
        return False  # (a cited address, shown as its link's text: the story's source)
    if density >= 0.999 and len(line) < 200:
        return True
    if density > LINKED_LINE and len(line) < 200 and _read_also(line, density):
        return True
    return density > LINKED_LINE and len(line) < 80 and not SENTENCE_END.search(line)


def _read_also(line: str, density: float) -> bool:
    """A read-also line ("Read more: <a>A headline longer than a label</a>"): its label, then
    nothing but the link. The linked share covers all that follows the label (less a
    character of rounding: the label's space)."""
    lead = READ_ALSO_LEAD.match(line)
    if lead is None or _DOCUMENT.search(line, lead.end()):
        return False  # (a link to a file is the story's source document: "the full report (PDF)")
    return density * len(line) >= len(line) - lead.end() - 1


def is_dateline(line: str) -> bool:
    """A line of dates and their labels only ("Updated Monday, February 27, 2023 4:12 PM EDT
    Published ..."): metadata wherever it sits and however long (a timestamps block that a
    short article's vote joined to its body)."""
    if len(line) > 200 or not _has_digit(line):
        return False
    words = line.split()
    if len(words) < 3:
        return False
    # undated words allowed: counted first (prose fails at its first words, before the search)
    spare = len(words) - DATELINE_SHARE * len(words)
    for word in words[1:] if _AS_OF.match(line) else words:
        # _date_word(word), inlined: a call per word of every line cost more than its test
        bare = word[:-1] if word[-1] in ",.:;" else word
        if bare.lower() in _DATE_NAMES:
            continue
        number = bare or word
        if (number[0].isdecimal() or number[0] in ":./-") and \
                _DATE_NUMBER.fullmatch(number) is not None:
            continue
        spare -= 1
        if spare < 0:
            return False
    return _DATE_LIKE.search(line) is not None


def _has_digit(line: str) -> bool:
    """DIGIT.search(line) is not None; on an ASCII line (the digits 0-9 only) a search for
    each digit, which memchr runs, costs a fifth of the category test of every character."""
    if not line.isascii():
        return DIGIT.search(line) is not None
    for digit in "0123456789":  # (a loop, not any() over a generator: see pitchlines)
        if digit in line:
            break
    else:
        return False
    return True


def _date_word(word: str) -> bool:
    """A word of a dateline (see _DATE_NAMES), with one trailing comma, stop or colon.
    (is_dateline holds its own copy of this test: tests prove the two agree.)"""
    bare = word[:-1] if word[-1] in ",.:;" else word
    if bare.lower() in _DATE_NAMES:
        return True
    number = bare or word  # (a number starts as _DATE_NUMBER does: a digit or [:./-])
    return (number[0].isdecimal() or number[0] in ":./-") and \
        _DATE_NUMBER.fullmatch(number) is not None


def is_meta_line(line: str, pattern: re.Pattern[str]) -> bool:
    """A short header line (date, views, source) rather than prose. (The date search, tried
    at every offset, goes last.)"""
    if len(line) > 150:
        return False
    if finds(pattern, line):
        return True
    return len(line) < 80 and not SENTENCE_END.search(line) and _DATE_LIKE.search(line) is not None
