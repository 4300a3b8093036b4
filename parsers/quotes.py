"""Quotation marks paired into quotes: what a story puts in someone's mouth.

Marks pair by type (“ ” with each other, « » with each other, straight " with
straight "), single quotes count only where they can be quotes (‘…’ opened at
a word start, or nested inside a double quote), and an apostrophe
(Soleimani’s, journalists’ access, don't) is never a quote.  A paragraph that
opens a quote and never closes it, followed by a paragraph that reopens one,
is the wire convention for a quote running over paragraphs: those become ONE
quote.  Anything that does not pair is ignored, so an odd number of marks
never raises.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.model import Span

# Every character that can be a quotation mark; found once per story (``mark_positions``).
_MARKS = re.compile("[\"'“”„‟«»‘’‚‹›]")
_MARK_CHARS = frozenset("\"'“”„‟«»‘’‚‹›")
# In ``text.encode("ascii", "replace")`` (a byte for each character) every mark is '"', "'"
# or, not being ASCII, "?": those bytes made 1 and all others 0, a one-byte literal search finds
# them at memchr speed, where the class above costs a lookup per character.
_MAY_BE_MARK = bytes(1 if chr(b) in "\"'?" else 0 for b in range(256))
_FLAG = re.compile(b"\x01")
# Double-family openers and the closers each one accepts (curly pairs with curly, guillemets with guillemets).
_DOUBLE_CLOSERS = {"“": '”"', "„": "“”", "‟": "”", "«": "»", '"': '"”', "‹": "›"}
_SPACE_BEFORE = " \t\n([{—–-/"


@dataclass(slots=True)  # not frozen, which costs over three times as much to build; never changed
class Quote:
    """Quoted text: ``start``/``end`` inside the marks, ``open``/``close`` include them."""

    start: int
    end: int
    open: int
    close: int
    # True when the quote was still open at the end of a paragraph and continued in the next one.
    multi_paragraph: bool = False


def _opens(text: str, i: int, lo: int, hi: int) -> bool:
    """A mark at i sits where a quote opens: after a space/start, before a non-space."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return (before in _SPACE_BEFORE or before in "“‘«\"'") and not after.isspace()


def _closes(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """’ or ' inside a word (Soleimani’s, don't) or after a plural s with no quote open."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return before.isalnum() and after.isalnum()


def _scan_paragraph(
    text: str, lo: int, hi: int, carry: int | None, marks: Sequence[int]
) -> tuple[list[tuple[int, int]], int | None]:
    """Pairs (open, close-after) of top-level double/single quotes in text[lo:hi].

    ``carry`` is the open position of a quote left open by the previous paragraph; the
    return's second item is the open position this paragraph leaves unclosed (or None).
    ``marks`` are the positions of the ``_MARKS`` characters in text[lo:hi], in order.
    """
    pairs: list[tuple[int, int]] = []
    d_open: int | None = None  # position of the open double mark
    d_char = ""
    s_open: int | None = None  # open single mark (top level or nested)
    s_top = False
    if carry is not None:
        # Continuing a quote: this paragraph must reopen it with its first mark.
        m = _MARKS.match(text, lo)
        if m and m.group(0) in _DOUBLE_CLOSERS:
            d_open, d_char = carry, m.group(0)
        else:
            carry = None
    first_reopen = carry is not None
    for i in marks:
        ch = text[i]
        if first_reopen:
            first_reopen = False
            continue  # the reopening mark of a continued quote
        if ch in "'’‘‚":
            if ch in "’'" and _is_apostrophe(text, i, lo, hi):
                continue
            if s_open is not None and ch in "’'" and _closes(text, i, lo, hi):
                if s_top:
                    pairs.append((s_open, i + 1))
                s_open = None
                continue
            if ch in "‘'‚" and s_open is None and _opens(text, i, lo, hi):
                s_open, s_top = i, d_open is None
            continue
        if d_open is not None:
            if ch in _DOUBLE_CLOSERS.get(d_char, "") and (ch != d_char or _closes(text, i, lo, hi)):
                # A straight " closes only in closing position; curly/guillemet closers always do.
                if ch == '"' and not _closes(text, i, lo, hi):
                    continue
                pairs.append((d_open, i + 1))
                d_open = None
                if s_open is not None and not s_top:
                    s_open = None  # a nested single left open dies with its double
            continue
        if ch in _DOUBLE_CLOSERS and (ch != '"' or _opens(text, i, lo, hi)):
            if s_open is not None and s_top:
                s_open = None  # a stray ‘ before a real double quote: drop it
            d_open, d_char = i, ch
    return pairs, d_open


def _start(m: re.Match[bytes]) -> int:
    return m.start()


def mark_positions(text: str, ascii_text: bytes | None = None) -> list[int]:
    """Where the characters that can be quotation marks are, in order.

    ``ascii_text`` is ``text.encode("ascii", "replace")`` when the caller has it: faster.
    Wire copy holds few of the bytes a mark can be ('"', "'", and "?" for any character ASCII
    lacks): a search for each, at memchr speed, costs less than mapping every byte, which is
    done only where the "?" are many.
    """
    if ascii_text is None:
        return [m.start() for m in _MARKS.finditer(text)]
    found: list[int] = []
    seen = 0
    i = ascii_text.find(b"?")
    while i >= 0:
        seen += 1
        if seen > _FEW:
            flagged = ascii_text.translate(_MAY_BE_MARK)
            return [i for i in map(_start, _FLAG.finditer(flagged)) if text[i] in _MARK_CHARS]
        if text[i] in _MARK_CHARS:  # a "?" may be any character
            found.append(i)
        i = ascii_text.find(b"?", i + 1)
    for byte in b'"', b"'":
        i = ascii_text.find(byte)
        while i >= 0:
            found.append(i)
            i = ascii_text.find(byte, i + 1)
    found.sort()
    return found


_FEW = 24  # "?" past which one pass over all the bytes costs less than a search for each


def find_quotes(text: str, paragraphs: Sequence[Span], marks: list[int] | None = None) -> list[Quote]:
    """Top-level quotes of the story, in text order (nested quotes stay inside theirs).

    ``marks`` is ``mark_positions(text)`` when the caller has it.
    """
    out: list[Quote] = []
    carry: int | None = None
    # Where the marks are, found once: a paragraph without one is skipped by a bisect, the
    # others are handed theirs.
    if marks is None:
        marks = mark_positions(text)
    if not marks:
        return out
    # Paragraph ends (paragraphs come in text order), to go straight to the next paragraph
    # holding a mark: most hold none.
    ends = [p.end for p in paragraphs]
    idx = 0
    while idx < len(paragraphs):
        para = paragraphs[idx]
        lo, hi = para.start, para.end
        k = bisect.bisect_left(marks, lo)
        if carry is None and (k == len(marks) or marks[k] >= hi):
            if k == len(marks):
                break  # no mark left, and no quote running on: nothing more to find
            # The paragraphs before the first one ending after marks[k] hold no mark.
            idx = bisect.bisect_right(ends, marks[k], idx + 1)
            continue
        pairs, left_open = _scan_paragraph(text, lo, hi, carry, marks[k : bisect.bisect_left(marks, hi, k)])
        for o, c in pairs:
            out.append(Quote(o + 1, c - 1, o, c, o < lo))
        carry = None
        idx += 1
        if left_open is None:
            continue
        nxt = paragraphs[idx].start if idx < len(paragraphs) else -1
        # The wire convention: an unclosed quote whose next paragraph opens with a mark runs on.
        if nxt >= 0 and text[nxt : nxt + 1] in _DOUBLE_CLOSERS:
            carry = left_open
        elif text[lo:hi].count(text[left_open]) == 1 or text[left_open] != '"':
            # A quote never closed (a typo): it runs to the end of its paragraph.
            end = hi
            while end > left_open + 1 and text[end - 1] in " .,;:!?":
                end -= 1
            if end > left_open + 1 and any(ch.isalnum() for ch in text[left_open + 1 : end]):
                out.append(Quote(left_open + 1, end, left_open, hi, left_open < lo))
    return out


def quoted_chars(quotes: Sequence[Quote], start: int, end: int) -> int:
    """How many characters of text[start:end] lie inside quotes."""
    n = 0
    for q in quotes:
        if q.end <= start or q.start >= end:
            continue
        n += min(q.end, end) - max(q.start, start)
    return n


def in_quote(pos: int, quotes: Sequence[Quote]) -> bool:
    """True when pos lies between the marks of one of the quotes (marks included)."""
    for q in quotes:  # noqa: SIM110 - a plain loop beats any() + generator: called for every cue
        if q.open <= pos < q.close:
            return True
    return False
