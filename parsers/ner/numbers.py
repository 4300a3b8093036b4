"""Quantities: a number with its hedge ("at least", "around") and what it counts ("people killed").

One regex pass finds numerals and number words with an optional hedge in front; the counted noun
is the word after the number, and a casualty verb nearby ("were killed", "wounded") qualifies it.
A bare number ("900 in Syria", "more than 100 since") borrows the nearest countable noun before it
in the same or the previous sentence.  Years, times, dates and numbers glued to letters (G7, F-16)
are not quantities.
"""

from __future__ import annotations

import re

from parsers.model import Quantity
from parsers.ner.numerals import FIRST_WORD_ALT, WORD_ALT, word_value

HEDGES = (
    "at least|at most|more than|less than|fewer than|no fewer than|no more than|upwards of|up to|"
    "as many as|as few as|close to|nearly|almost|around|about|approximately|roughly|some|over|under|"
    "an estimated|estimated|just over|just under|well over|more then"
)
_NUM = rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?:{FIRST_WORD_ALT})(?:[- ](?:{WORD_ALT}))*"
NUMBER_RE = re.compile(
    rf"(?<![\w.,:/$€£-])(?:(?P<hedge>{HEDGES})[ \t]+)?(?P<cur>[$€£])?"
    rf"(?P<num>(?:{_NUM})(?:[ \t]+(?:million|billion|trillion|thousand|hundred))?)"
    rf"(?![\w-]|[.,:/]\d)(?=(?P<tail>(?:[ \t]+(?:of[ \t]+)?[\w’'-]+){{0,3}}))",
    re.IGNORECASE,
)
_FIRST_CHARS = frozenset("0123456789")
CASUALTY_RE = re.compile(
    r"\b(killed|wounded|injured|dead|died|hurt|arrested|detained|missing|displaced|evacuated|kidnapped|"
    r"abducted|rescued|captured|executed|slain)\b"
)
SENTENCE_END_RE = re.compile(r"[.!?]\s")
_NOT_NOUNS = frozenset(
    """the a an of in on at to for from by with and or but was were is are had have has been be as that
    this than which who since after before during per percent pct times years year months month days
    day weeks week hours hour minutes its their his her our my your them whom these those near into
    across among including against inside outside while when where more less other others""".split()
)
_UNITS = frozenset("percent pct % km miles metres meters kg tonnes tons dollars euros pounds".split())
COUNTABLE_RE = re.compile(
    r"\b(people|persons|civilians|soldiers|troops|fighters|militants|protesters|children|women|men|"
    r"attacks|strikes|rockets|missiles|drones|bombings|raids|incidents|deaths|casualties|victims|"
    r"refugees|migrants|prisoners|hostages|journalists|members|police|officers|workers|students|"
    r"homes|houses|buildings|villages|vehicles|aircraft|ships|toll)\b"
)
_DETERMINERS = frozenset("the its their his her our these those them".split())
_VERB_BEFORE_RE = re.compile(r"(killed|wounded|injured|hurt|arrested|detained|displaced|kidnapped)[ \t]+\Z")
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d\Z")


def _counts(text: str, m: re.Match[str]) -> str | None:
    tail = m.group("tail")
    words = tail.split()
    noun = None
    if words and words[0].lower() == "of":
        words = words[1:]
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
    if words:
        w0 = words[0].strip("’'").lower()
        if w0 in _UNITS:
            return w0
        if w0 not in _NOT_NOUNS and w0.isalpha() and not words[0][:1].isupper():
            noun = w0
    end = m.end("num")
    # A casualty verb shortly after ("two people were killed", "seven wounded").
    window = text[end : end + 40]
    stop = SENTENCE_END_RE.search(window)
    if stop:
        window = window[: stop.start()]
    verb = CASUALTY_RE.search(window)
    if noun in ("killed", "wounded", "injured", "dead", "hurt", "missing", "arrested"):
        return noun
    noun_after = noun is not None
    if noun is None:
        # No noun after it: the nearest countable noun before it, within this or the last sentence.
        before = text[max(0, m.start() - 250) : m.start()]
        found = None
        for found in COUNTABLE_RE.finditer(before):
            pass
        if found is not None:
            noun = "killed" if found.group(1) == "toll" else found.group(1)
            if noun == "killed":
                return noun
    if noun and verb and (verb.start() < 30):
        return f"{noun} {verb.group(1)}"
    # "bombings that killed at least 84 people"
    before = _VERB_BEFORE_RE.search(text, max(0, m.start() - 20), m.start())
    if before is not None:
        return f"{noun} {before.group(1)}" if noun_after else before.group(1)
    return noun


def find_numbers(text: str, skip: list[tuple[int, int]] | None = None) -> tuple[Quantity, ...]:
    """Quantities in text order; spans in ``skip`` (dates) are not numbers."""
    out: list[Quantity] = []
    taken = skip or []
    for m in NUMBER_RE.finditer(text):
        num = m.group("num")
        start, end = m.span("num")
        if _YEAR_RE.match(num) and m.group("hedge") is None:
            continue
        if any(a <= start < b for a, b in taken):
            continue
        if num[0] not in _FIRST_CHARS and num.lower() == "one":
            continue  # "one of them", "no one": a pronoun far more often than a count
        value = word_value(num)
        if value is None:
            continue
        hedge = m.group("hedge")
        q_start = m.start("hedge") if hedge else m.start("cur") if m.group("cur") else start
        tail = m.group("tail")
        words = tail.split()
        q_end = end
        counts = "dollars" if m.group("cur") == "$" else _counts(text, m)
        if words and counts is not None and words[0].lower() == counts.split()[0]:
            q_end = text.index(words[0], end) + len(words[0])
        out.append(
            Quantity(
                start=q_start, end=q_end, value=value, hedge=hedge.lower() if hedge else None, counts=counts
            )
        )
    return tuple(out)
