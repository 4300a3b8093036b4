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
from parsers.ner.fastre import cased, trie_pattern
from parsers.ner.numerals import FIRST_WORDS, WORD_ALT, word_value

HEDGES = (
    "at least|at most|more than|less than|fewer than|no fewer than|no more than|upwards of|up to|"
    "as many as|as few as|close to|nearly|almost|around|about|approximately|roughly|some|over|under|"
    "an estimated|estimated|just over|just under|well over|more then"
)
_SCALE = r"(?:[ \t]+(?:million|billion|trillion|thousand|hundred))?"
# Two scans, each starting with a literal or a digit so the regex engine skips ahead fast (an
# alternation of words, a look-behind or "\b" in front makes it try every position); word
# boundaries and hedges are checked on each hit.
DIGITS_RE = re.compile(rf"\d\d*(?:,\d{{3}})*(?:\.\d+)?{_SCALE}(?![\w-]|[.,:/]\d)")
WORDS_RE = re.compile(rf"{trie_pattern(cased(FIRST_WORDS))}(?:[- ](?:{WORD_ALT}))*{_SCALE}(?![\w-])")
TAIL_RE = re.compile(r"(?:[ \t]+(?:of[ \t]+)?[\w’'-]+){0,3}")
# Hedges, reversed, matched on the reversed text before the number.
HEDGE_REVERSED_RE = re.compile(
    r"[ \t]+(" + "|".join(h[::-1] for h in sorted(HEDGES.split("|"), key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_BAD_BEFORE = frozenset(".,:/$€£-_")
_FIRST_CHARS = frozenset("0123456789")
_CASUALTY_WORDS = [
    "killed",
    "wounded",
    "injured",
    "dead",
    "died",
    "hurt",
    "arrested",
    "detained",
    "missing",
    "displaced",
    "evacuated",
    "kidnapped",
    "abducted",
    "rescued",
    "captured",
    "executed",
    "slain",
]
CASUALTY_RE = re.compile(f"({trie_pattern(_CASUALTY_WORDS)})(?![\\w])")
SENTENCE_END_RE = re.compile(r"[.!?]\s")
_NOT_NOUNS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "was",
        "were",
        "is",
        "are",
        "had",
        "have",
        "has",
        "been",
        "be",
        "as",
        "that",
        "this",
        "than",
        "which",
        "who",
        "since",
        "after",
        "before",
        "during",
        "per",
        "percent",
        "pct",
        "times",
        "years",
        "year",
        "months",
        "month",
        "days",
        "day",
        "weeks",
        "week",
        "hours",
        "hour",
        "minutes",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "them",
        "whom",
        "these",
        "those",
        "near",
        "into",
        "across",
        "among",
        "including",
        "against",
        "inside",
        "outside",
        "while",
        "when",
        "where",
        "more",
        "less",
        "other",
        "others",
    ]
)
_UNITS = frozenset(
    [
        "percent",
        "pct",
        "%",
        "km",
        "miles",
        "metres",
        "meters",
        "kg",
        "tonnes",
        "tons",
        "dollars",
        "euros",
        "pounds",
    ]
)
_COUNTABLE_WORDS = [
    "people",
    "persons",
    "civilians",
    "soldiers",
    "troops",
    "fighters",
    "militants",
    "protesters",
    "children",
    "women",
    "men",
    "attacks",
    "strikes",
    "rockets",
    "missiles",
    "drones",
    "bombings",
    "raids",
    "incidents",
    "deaths",
    "casualties",
    "victims",
    "refugees",
    "migrants",
    "prisoners",
    "hostages",
    "journalists",
    "members",
    "police",
    "officers",
    "workers",
    "students",
    "homes",
    "houses",
    "buildings",
    "villages",
    "vehicles",
    "aircraft",
    "ships",
    "toll",
]
COUNTABLE_RE = re.compile(f"({trie_pattern(_COUNTABLE_WORDS)})(?![\\w])")
_DETERMINERS = frozenset(["the", "its", "their", "his", "her", "our", "these", "those", "them"])
# "killed at least 84": the verb before the number, read on the reversed text.
_VERB_BEFORE_REVERSED_RE = re.compile(
    r"[ \t]+(dellik|dednuow|derujni|truh|detserra|deniated|decalpsid|deppandik)(?![\w])"
)
_YEAR_RE = re.compile(r"(?:1[89]|20)\d\d\Z")
_START = re.Match.start
_OUTCOMES = frozenset(("killed", "wounded", "injured", "dead", "hurt", "missing", "arrested"))
# The last two letters of every hedge ("at least" → "st"), lower case.
_HEDGE_ENDS = frozenset(h[-2:] for h in HEDGES.split("|"))


def _counts(text: str, start: int, end: int, tail: str) -> str | None:
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
    if noun in _OUTCOMES:
        return noun
    noun_after = noun is not None
    if noun is None:
        # No noun after it: the nearest countable noun before it, within this or the last sentence.
        # Same paragraph only: a results table's numbers borrow nothing.
        lo = start - 200 if start > 200 else 0
        nl = text.rfind("\n", lo, start)  # searched within the window only: same answer, less scanning
        found = COUNTABLE_RE.findall(text, nl if nl >= 0 else lo, start)
        if found:
            noun = "killed" if found[-1] == "toll" else found[-1]
            if noun == "killed":
                return noun
    if noun:
        # A casualty verb shortly after ("two people were killed", "seven wounded"), in the same
        # sentence.  Looked for only when there is a noun to qualify (table numbers have none).
        verb = CASUALTY_RE.search(text, end, end + 40)
        if (
            verb is not None
            and verb.start() - end < 30
            and SENTENCE_END_RE.search(text, end, verb.start()) is None
        ):
            return f"{noun} {verb.group(1)}"
    # "bombings that killed at least 84 people"
    # Every verb in the list ends in "d" or "t": most numbers skip the look-back.
    before = (
        _VERB_BEFORE_REVERSED_RE.match(text[max(0, start - 14) : start][::-1])
        if start > 2 and text[start - 2] in "dt"
        else None
    )
    if before is not None:
        verb_before = before.group(1)[::-1]
        return f"{noun} {verb_before}" if noun_after else verb_before
    return noun


def find_numbers(text: str, skip: list[tuple[int, int]] | None = None) -> tuple[Quantity, ...]:
    """Quantities in text order; spans in ``skip`` (dates) are not numbers."""
    out: list[Quantity] = []
    taken = {p for a, b in skip or () for p in range(a, b)}
    hits = [*DIGITS_RE.finditer(text), *WORDS_RE.finditer(text)]
    hits.sort(key=_START)
    hedge_match = HEDGE_REVERSED_RE.match
    tail_match = TAIL_RE.match
    for m in hits:
        start, end = m.span()
        num = m.group()
        if start:
            before = text[start - 1]
            if before in "$€£":
                cur: str | None = before
                q_start = start - 1
            else:
                cur = None
                q_start = start
            if q_start and (text[q_start - 1].isalnum() or text[q_start - 1] in _BAD_BEFORE):
                continue
        else:
            cur, q_start = None, 0
        digit_led = num[0] in _FIRST_CHARS
        if not digit_led and num.lower() == "one":
            continue  # "one of them", "no one": a pronoun far more often than a count
        if start in taken:
            continue
        hedge = None
        # Every hedge ends in one of a few letter pairs ("least", "than", "about"): test those two
        # letters before paying for a slice, a reversal and a regex.
        if (
            q_start > 2
            and text[q_start - 1] == " "
            and text[q_start - 2].isalpha()
            and text[q_start - 3 : q_start - 1].lower() in _HEDGE_ENDS
        ):
            h = hedge_match(text[max(0, q_start - 24) : q_start][::-1])
            if h is not None:
                hedge = h.group(1)[::-1]
                q_start -= h.end()
        if hedge is None and digit_led and len(num) == 4 and _YEAR_RE.match(num):
            continue
        value = float(num) if num.isdigit() else word_value(num)
        if value is None:
            continue
        tail = tail_match(text, end).group()  # type: ignore[union-attr]
        counts = "dollars" if cur == "$" else _counts(text, q_start, end, tail)
        q_end = end
        if counts is not None and tail:
            words = tail.split()
            if words and words[0].lower() == counts.split()[0]:
                q_end = text.index(words[0], end) + len(words[0])
        # Positional arguments: half the cost of keywords for a frozen dataclass, made per number.
        out.append(Quantity(q_start, q_end, value, hedge.lower() if hedge else None, counts))
    return tuple(out)
