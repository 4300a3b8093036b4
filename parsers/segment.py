"""Sentence segmentation fit for wire copy.

Knows abbreviations (U.S., Gen., Jan., No.), initials, decimals, closing quotes
after the full stop, and the missing-space typo ("Soleimani.The claim" is two
sentences) — without ever changing the text: sentences are spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from parsers.model import Span

# Titles, months, and other abbreviations that a full stop does not end a sentence after.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cpt",
        "sgt",
        "cmdr",
        "adm",
        "brig",
        "gov",
        "sen",
        "rep",
        "pres",
        "rev",
        "hon",
        "fr",
        "sec",
        "amb",
        "supt",
        "insp",
        "det",
        "cpl",
        "pvt",
        "gens",
        "adm",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "pp",
        "p",
        "fig",
        "approx",
        "est",
        "inc",
        "ltd",
        "co",
        "corp",
        "bros",
        "dept",
        "univ",
        "assn",
        "ave",
        "blvd",
        "rd",
        "vs",
        "v",
        "etc",
        "al",
        "e",
        "g",
        "i",
        "ie",
        "eg",
        "cf",
        "op",
    ]
)
# Dotted abbreviations: "U.S.", "U.N.", "a.m.", "p.m.", "e.g." — their last
# full stop ends a sentence only when a clear sentence start follows.
_DOTTED = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([" + "¿¡"

# A candidate end: terminal punctuation, optional closing quotes/brackets, then
# whitespace and something that can start a sentence.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]*[A-Z0-9\u00c0-\u024f\u0400-\u04ff])")
# The missing-space typo: "Soleimani.The" — a lower-case word, a full stop, then a capitalised word.
_GLUED = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
# Numbered-list or decimal guard: "No. 5", "3.5" never split (the regex needs whitespace anyway).
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.'’-]*)$")
_LEADING_SPACE = re.compile(r"\s*")
# How far back from a full stop we look for the word it ends (longer "words" are never abbreviations).
_LOOKBACK = 64


def _is_abbreviation(head: str) -> bool:
    """True when the full stop that ends ``head`` belongs to an abbreviation or initial."""
    m = _WORD_BEFORE.search(head[:-1] if head.endswith(".") else head)
    if not m:
        return False
    word = m.group(1)
    if _DOTTED.search(word + "."):
        return True
    bare = word.rstrip(".").lower()
    if bare in ABBREVIATIONS:
        return True
    # A single capital letter is an initial ("John F. Kennedy"), not a sentence end.
    return len(word) == 1 and word.isupper()


def _dotted_then_capital_name(text: str, end: int) -> bool:
    """'U.S. officials' keeps going; 'U.S. The' would end — we only split on a function word."""
    nxt = text[end : end + 40].lstrip()[:12]
    first = re.match(r"[A-Za-z]+", nxt)
    return not (first and first.group(0) in _SENTENCE_STARTERS)


_SENTENCE_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "But",
        "And",
        "In",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "On",
        "At",
        "As",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "However",
        "Meanwhile",
        "Some",
        "Many",
        "Most",
    ]
)


def split_sentences(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Yield (start, end) of each sentence inside ``text[start:end]`` (one paragraph)."""
    para = text[start:end]
    cuts: list[int] = []
    for m in _BOUNDARY.finditer(para):
        stop = m.end()
        punct_end = m.start() + len(m.group(0).rstrip(_CLOSERS))
        if para[punct_end - 1] == ".":
            # A bounded look-back: the word before the stop is all that matters, and slicing or
            # searching the whole paragraph prefix for every stop would be quadratic.
            lo = max(0, punct_end - _LOOKBACK)
            head = para[max(lo, para.rfind(" ", lo, punct_end) + 1) : punct_end]
            if _is_abbreviation(head):
                word = _WORD_BEFORE.search(head[:-1])
                dotted = word is not None and _DOTTED.search(word.group(1) + ".") is not None
                if not (dotted and not _dotted_then_capital_name(para, stop)):
                    continue
            # "3." in a list, "No. 1." — a number then a full stop then a capital is a sentence end.
        cuts.append(stop)
    for m in _GLUED.finditer(para):
        lo = max(0, m.start() - _LOOKBACK)
        word = _WORD_BEFORE.search(para[max(lo, para.rfind(" ", lo, m.start()) + 1) : m.start()])
        if word and (word.group(1).lower() in ABBREVIATIONS or "." in word.group(1)):
            continue
        cuts.append(m.end())
    cuts.sort()
    # Offsets found with a regex from the cut, not by copying and stripping each piece.
    pos = 0
    for cut in cuts:
        lead = _LEADING_SPACE.match(para, pos, cut).end()  # type: ignore[union-attr]
        if lead < cut:
            yield start + lead, start + cut
        pos = cut
    stop = len(para.rstrip())
    if pos < stop:
        lead = _LEADING_SPACE.match(para, pos, stop).end()  # type: ignore[union-attr]
        yield start + lead, start + stop


def segment(text: str, paragraphs: Iterable[Span]) -> tuple[Span, ...]:
    """Sentences of every paragraph; headlines and subheads are one sentence each."""
    out: list[Span] = []
    for para in paragraphs:
        if para.kind in ("headline", "subhead", "byline", "dateline"):
            out.append(Span(para.start, para.end, para.kind))
            continue
        for s, e in split_sentences(text, para.start, para.end):
            out.append(Span(s, e, para.kind))
    return tuple(out)
