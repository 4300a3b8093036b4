"""Quantities: a number with its hedge ("at least", "around") and what it counts ("people killed").

One regex pass finds numerals and number words with an optional hedge in front; the counted noun
is the word after the number, and a casualty verb nearby ("were killed", "wounded") qualifies it.
A bare number ("900 in Syria", "more than 100 since") borrows the nearest countable noun before it
in the same or the previous sentence.  Years, times, dates and numbers glued to letters (G7, F-16)
are not quantities.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

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
# boundaries and hedges are checked on each hit.  find_numbers reads the number from group 1.
_DIGITS_REST = rf"\d*(?:,\d{{3}})*(?:\.\d+)?{_SCALE}(?![\w-]|[.,:/]\d)"
# In the scans, a number glued to what is before it (a letter, digit, "_", ".", ",", ":", "/" or
# "-": "G7", the "91" of "1990-91", the "5" of "2.5.1") fails in the regex engine instead of being
# dropped by find_numbers one match object later.  No other number is found instead: every digit
# inside such a match follows a digit, "," or ".", so it fails the same test.  "$", "€" and "£"
# are left to find_numbers ("$5" counts, "x$5" does not).
_NOT_GLUED = r"(?<![\w.,:/-]\d)"
# "\d" costs a Unicode table lookup at every character the scan passes.  Two equivalent scans avoid
# it: for ASCII text (str.isascii() is a flag check) the ASCII-only pattern, where "\d" and "\w"
# mean the same; otherwise one that stops only at ASCII digits and non-ASCII characters (a plain
# range test) and there checks that the character is a digit.
_DIGITS_ASCII_RE = re.compile(rf"(\d{_NOT_GLUED}{_DIGITS_REST})", re.ASCII)
_DIGITS_UNICODE_RE = re.compile(rf"([0-9\x80-\U0010ffff](?<=\d){_NOT_GLUED}{_DIGITS_REST})")
WORDS_RE = re.compile(rf"{trie_pattern(cased(FIRST_WORDS))}(?:[- ](?:{WORD_ALT}))*{_SCALE}(?![\w-])")
# WORDS_RE alone is tried at every letter its words start with, mid-word too.  This scan stops
# only at a character that cannot end a word, a fraction of the positions, and matches the number
# after it there (see _word_hits); _FIRST_WORD_RE is for a number that opens the text.
_WORD_START_RE = re.compile(rf"[^A-Za-z0-9_]({WORDS_RE.pattern})")
_FIRST_WORD_RE = re.compile(rf"({WORDS_RE.pattern})")
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
_TAIL_START = frozenset(" \t")
# Values of "1,500", "2.5 million", "twenty-five": the same few recur, so remember them.
_word_value = lru_cache(maxsize=4096)(word_value)


# What the words after a number say on their own, cached per distinct tail: wire copy repeats the
# same few tails ("people were killed", "" before punctuation), so most numbers skip the splitting
# and lower-casing.  Cleared when large so a long-running desk does not grow it without bound.
_TAIL_CACHE: dict[str, tuple[str | None, str | None, str, int]] = {}
_TAIL_CACHE_MAX = 20_000
_NO_TAIL: tuple[str | None, str | None, str, int] = (None, None, "", 0)


def _read_tail(tail: str) -> tuple[str | None, str | None, str, int]:
    """(answer, noun, first word lower-cased, end of the first word in ``tail``) for the words after a number.

    ``answer`` is set when the tail alone decides what the number counts (a unit, an outcome);
    otherwise ``noun`` is the counted noun right after the number, if any.
    """
    words = tail.split()
    if not words:
        return None, None, "", 0
    first_lower = words[0].lower()
    first_end = tail.index(words[0]) + len(words[0])
    noun = None
    if first_lower == "of":
        words = words[1:]
        while words and words[0].lower() in _DETERMINERS:
            words = words[1:]
    if words:
        w0 = words[0].strip("’'").lower()
        if w0 in _UNITS:
            return w0, None, first_lower, first_end
        if w0 not in _NOT_NOUNS and w0.isalpha() and not words[0][:1].isupper():
            noun = w0
    if noun in _OUTCOMES:
        return noun, None, first_lower, first_end
    return None, noun, first_lower, first_end


class _LineScan:
    """How far the look-back for a countable noun has read the current line, and what it found.

    A results table puts many numbers on one line ("Arsenal 3 2 1 0 5 2 7"), and each number looked
    back over the whole line again.  Reading on from the end of the last number that looked back
    finds the same words: none can cross the start of a number without a hedge (no letter before
    it) or its end (no letter after it), and none is inside a number (see tests/test_numbers.py).
    """

    __slots__ = ("last", "nl", "upto")

    def __init__(self) -> None:
        self.nl = -1  # the newline the line starts at; -1: nothing read yet
        self.upto = 0  # read from nl up to here
        self.last: str | None = None  # the last countable noun found there


# No countable word fits in a gap shorter than this ("3 2": nothing to read between the numbers).
_SHORTEST_COUNTABLE = min(map(len, _COUNTABLE_WORDS))


def _counts(text: str, start: int, end: int, noun: str | None, scan: _LineScan | None) -> str | None:
    """What the number at ``start:end`` counts, given the noun right after it (see ``_read_tail``).

    ``scan`` carries what earlier numbers on the same line read; None when the number has a hedge
    (a hedge can be glued to the word before it, so the look-back cannot be continued).
    """
    noun_after = noun is not None
    if noun is None:
        # No noun after it: the nearest countable noun before it, within this or the last sentence.
        # Same paragraph only: a results table's numbers borrow nothing.
        lo = start - 200 if start > 200 else 0
        nl = text.rfind("\n", lo, start)  # searched within the window only: same answer, less scanning
        if nl < 0 or scan is None:
            found = COUNTABLE_RE.findall(text, nl if nl >= 0 else lo, start)
            last = found[-1] if found else None
        elif nl == scan.nl and start >= scan.upto:
            last = scan.last
            if start - scan.upto >= _SHORTEST_COUNTABLE:
                found = COUNTABLE_RE.findall(text, scan.upto, start)
                if found:
                    last = scan.last = found[-1]
            scan.upto = end
        else:
            found = COUNTABLE_RE.findall(text, nl, start)
            last = found[-1] if found else None
            scan.nl, scan.upto, scan.last = nl, end, last
        if last is not None:
            noun = "killed" if last == "toll" else last
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
    # Every verb in the list ends in "d" or "t" and is followed by a space or tab: most numbers skip
    # the look-back.
    before = (
        _VERB_BEFORE_REVERSED_RE.match(text[max(0, start - 14) : start][::-1])
        if start > 2 and text[start - 2] in "dt" and text[start - 1] in " \t"
        else None
    )
    if before is not None:
        verb_before = before.group(1)[::-1]
        return f"{noun} {verb_before}" if noun_after else verb_before
    return noun


def _word_hits(text: str) -> list[re.Match[str]]:
    """WORDS_RE matches that start a word, in text order, the number as group 1.

    Only word starts are tried: a number word inside another word ("someone", "often") is no
    number, and must not swallow the real one after it ("someone two hundred" holds "two
    hundred"), which a plain ``WORDS_RE.finditer`` did.
    """
    # The word start and the number in one regex: where the number does not match ("Tennis" only
    # starts like one) the scan goes on from the next character, as a separate match there did.
    first = _FIRST_WORD_RE.match(text)
    if first is None:
        return list(_WORD_START_RE.finditer(text))
    return [first, *_WORD_START_RE.finditer(text, first.end())]


def find_numbers(text: str, skip: list[tuple[int, int]] | None = None) -> tuple[Quantity, ...]:
    """Quantities in text order; spans in ``skip`` (dates) are not numbers."""
    out: list[Quantity] = []
    # Spans sorted by start, with the furthest end reached so far: a number is in a span when the
    # last span starting at or before it reaches past it.  Cheaper than a set of every position.
    skip_starts: list[int] = []
    skip_reach: list[int] = []
    if skip:
        reach = -1
        for a, b in sorted(skip):
            reach = b if b > reach else reach
            skip_starts.append(a)
            skip_reach.append(reach)
    digits = _DIGITS_ASCII_RE if text.isascii() else _DIGITS_UNICODE_RE
    hits = [*digits.finditer(text), *_word_hits(text)]
    # By where the whole match starts: for a word hit the character before the number, where no
    # digit hit can start (it would be glued to the word), so the order is the numbers' order.
    hits.sort(key=_START)
    hedge_match = HEDGE_REVERSED_RE.match
    tail_match = TAIL_RE.match
    tail_cache = _TAIL_CACHE
    if len(tail_cache) > _TAIL_CACHE_MAX:
        tail_cache.clear()
    line_scan = _LineScan()
    for m in hits:
        start, end = m.span(1)
        num = m.group(1)
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
        if not digit_led and (num == "one" or num == "One"):  # the only casings WORDS_RE finds
            continue  # "one of them", "no one": a pronoun far more often than a count
        if skip_starts:
            i = bisect_right(skip_starts, start)
            if i and skip_reach[i - 1] > start:
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
        value = float(num) if num.isdigit() else _word_value(num)
        if value is None:
            continue
        # The words after it, read only when they can say something: a tail needs a space or tab
        # right after the number, and one whose first word starts with a digit ("3 2 1" in a
        # results table) names nothing, just like no tail.
        after = text[end : end + 2]
        if after[:1] not in _TAIL_START or after[1:].isdigit():
            info = _NO_TAIL
        else:
            tail = tail_match(text, end).group()  # type: ignore[union-attr]
            cached = tail_cache.get(tail)
            if cached is None:
                cached = tail_cache[tail] = _read_tail(tail)
            info = cached
        answer, noun, first_lower, first_end = info
        if cur == "$":
            counts: str | None = "dollars"
        elif answer is not None:
            counts = answer
        else:
            counts = _counts(text, q_start, end, noun, None if hedge else line_scan)
        q_end = end
        # The counted word right after the number belongs to the quantity ("84 people").
        if counts is not None and first_lower and first_lower == counts.split()[0]:
            q_end = end + first_end
        # Positional arguments: half the cost of keywords for a frozen dataclass, made per number.
        out.append(Quantity(q_start, q_end, value, hedge.lower() if hedge else None, counts))
    return tuple(out)
