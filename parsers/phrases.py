"""Phrases around a cue: the source noun phrase, the content span, sentence-end checks.

Pure span arithmetic over the article text (offsets in, offsets out), shared
by the cue analysers in ``parsers.cues``.  A "source" must look like a noun
phrase: a clause ("the steps include …") or a 20-word run is rejected here so
that a wrong guess never reaches the claim list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from parsers.attribution import ANON_HEADS, ORG_HEADS, words
from parsers.quotes import Quote, in_quote

_OPEN = "“\"«„‘'"
_CLOSE = "”\"»’'“"
TRIM = " \t\n,;:—–-" + _OPEN + _CLOSE
SUBORD = re.compile(
    r"\b(?:as|while|when|after|before|because|since|though|although|whereas|but|that|which|who|whom|"
    r"where|if|until|once|whether)\b",
    re.IGNORECASE,
)
SUBORD_LOW = re.compile(SUBORD.pattern)  # for ASCII text lower-cased: same matches, faster
ANON_CLAUSE = re.compile(
    r",?\s*(?:who (?:asked|declined|requested|spoke)|speaking (?:on condition|anonymously|on the condition))"
)
_LEAD_STRIP = re.compile(
    r"^(?:(?:but|and|or|so|yet|also|however|meanwhile|moreover|still|then|now|later|earlier|separately|"
    r"instead|indeed|with|while|as|in a (?:\w+ )?statement(?: on [\w-]+)?|in an interview|on \w+day|"
    r"last \w+|this \w+|according to|by|from|citing)\b[\s,]*)+",
    re.IGNORECASE,
)
_LEAD_STRIP_LOW = re.compile(_LEAD_STRIP.pattern)
_TRAIL_STRIP = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|again|repeatedly|had|has|have|would|will|then|now|once|"
    r"[a-z]+ly|on \w+day|late \w+|early \w+|last \w+|this \w+|today|yesterday|tonight))+$"
)
# Finite verbs: a "source" holding one is a clause, not a noun phrase ("the steps include …").
_FINITE = words(
    "is are was were has have had will would can could should shall did does do include includes "
    "included made make makes got gets showed shows"
)
_ABBREV = frozenset(["inc", "co", "corp", "ltd", "jr", "sr", "bros", "plc", "llc", "st"])
_LEAD_TAG = re.compile(r"\([\w/ .-]{1,20}\)\s*[_—–-]+\s*")
_SOURCE_FIRST_WORDS = words(
    "he she they it we i a an the one two three four several some many other his her their its state "
    "security government"
)
_THAT_LEAD = re.compile(r"[\s,:]*(?:that\s+)?")
_CAPITAL = re.compile(r"\b[A-Z]")
_STOP_THEN_START = re.compile(r"[.!?]\s+(?=[«“\"]?\s*[A-Z])")
_NP_END = re.compile(r",|;|\.(?:\s|$)|\s+(?:who|which|that|as saying)\b")
_QUOTE_CHAR = re.compile('[“”"«»]')
_QUOTE_LEAD = re.compile(r"\s*(?:an?\s+)?([«“\"])")
# A quote, a clause mark or "that": what follows the attribution is more than a place or time.
_NOT_A_TAIL = re.compile(r'[“"«,:;]|\bthat\b')
_ANON_MIDDLE = re.compile(r"who (?:asked|declined|requested|spoke)|speaking (?:on|anonymously)")
_PREPOSITIONS = ("from", "in", "at", "on", "for", "with", "to")
_PREP_PHRASE = re.compile(rf"(?:{'|'.join(_PREPOSITIONS)})\s+\S+(?:\s+\S+){{0,2}}")
_COORD_TAIL = re.compile(r"[\s,]+(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")


def quote_first(text: str, s: int, hi: int) -> tuple[int, int]:
    """A content that starts with a quote ends with it: '“pure propaganda”, hours after …' → the quote."""
    m = _QUOTE_LEAD.match(text[s:hi])
    if m:
        close = {"«": "»", "“": "”", '"': '"'}[m.group(1)]
        end = text.find(close, s + m.end(), hi)
        if end > 0:
            return (s, end + 1)
    return (s, hi)


def last_boundary(text: str, lo: int, pos: int) -> int:
    c = max(text.rfind(",", lo, pos), text.rfind(";", lo, pos))
    while c > lo and text[c - 1 : c].isdigit() and text[c + 1 : c + 2].isdigit():
        c = max(text.rfind(",", lo, c), text.rfind(";", lo, c))
    return c + 1 if c >= lo else lo


def short_tail(rest: str) -> bool:
    """What follows an attribution at a sentence end: nothing, or a few words ('in Washington.')."""
    # Most contents are turned away by their first word ("that the toll …"): with a second word
    # after it, it is the first word of ``body`` below (the stripping only reaches the last).
    head = rest.split(None, 1)
    if len(head) == 2 and head[0].lower() not in _TAIL_PREPOSITIONS:
        return False
    body = rest.strip().rstrip('.!?…”"’»').strip()
    if not body:
        return True
    # The word test first: it turns most contents away ("the toll was …") without the
    # regex scanning them.  Seven words are enough to tell "more than six".
    words = body.split(None, 6)
    return len(words) <= 6 and words[0].lower() in _TAIL_PREPOSITIONS and not _NOT_A_TAIL.search(body)


_TAIL_PREPOSITIONS = words(
    "in at on by outside inside from during after before via over through near to after while"
)


def appositive_subject(text: str, lo: int, comma_after: int) -> tuple[tuple[int, int], int] | None:
    """'Harakat al-Nujaba, one of the Hashed's factions, said' → Harakat al-Nujaba;
    'Orvan's chief executive, Delia Marsh, told' → Delia Marsh.  Also returns the clause start."""
    c1 = comma_after - 1
    if text[c1] != ",":
        return None
    c0 = text.rfind(",", lo, c1)
    if c0 < 0:
        return None
    middle = text[c0 + 1 : c1].strip()
    if not middle:
        return None
    c_prev = max(
        text.rfind(",", lo, c0), text.rfind("”", lo, c0), text.rfind("»", lo, c0), text.rfind(";", lo, c0)
    )
    start = c_prev + 1 if c_prev >= lo else lo
    head = clean_source(text, start, c0)
    if head is None:
        return None
    first = middle.split()[0]
    if _ANON_MIDDLE.match(middle):
        return (head[0], c1), start  # the anonymity clause is part of the source as written
    if first[0].isupper() and first not in ("A", "An", "The", "One") and len(middle.split()) <= 5:
        ms = text.find(middle, c0)
        return (ms, ms + len(middle)), start  # role first, then the name
    if first[0].islower() or first in ("A", "An", "The", "One"):
        return head, start
    return None


def antecedent(text: str, lo: int, seg_lo: int) -> tuple[int, int] | None:
    """'…, according to Ryder, who said …' → Ryder."""
    c = seg_lo - 1
    if c < lo or text[c] != ",":
        return None
    prev = max(text.rfind(",", lo, c), text.rfind("”", lo, c), lo - 1)
    return clean_source(text, prev + 1, c)


def may_be_anon(phrase: str) -> bool:
    """False when ``ANON_CLAUSE`` cannot match: every branch holds "who " or "speaking "."""
    return "who " in phrase or "speaking " in phrase


# What ``_TRAIL_STRIP`` can end on: its last alternative is the last token (or, for the
# two-word ones, the last two), so a phrase ending otherwise is spared the search.
_TRAIL_WORDS = words(
    "also later earlier previously again repeatedly had has have would will then now once today yesterday tonight"
)
_TRAIL_LEADS = words("on late early last this")


def _may_trail(tokens: list[str]) -> bool:
    return bool(tokens) and (
        tokens[-1] in _TRAIL_WORDS
        or tokens[-1].endswith("ly")
        or (len(tokens) > 1 and tokens[-2] in _TRAIL_LEADS)
    )


def clean_source(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The source phrase without leading conjunctions or trailing adverbs; None if it is no noun phrase."""
    found = _clean_phrase(text[s:e])
    return None if found is None else (s + found[0], s + found[1])


@lru_cache(maxsize=4096)
def _clean_phrase(phrase: str) -> tuple[int, int] | None:
    """``clean_source`` with offsets into ``phrase``.  The answer depends on the phrase alone
    (no pattern looks outside it), and a story names the same sources again and again, so
    it is worked out once per distinct phrase."""
    s = 0
    tag = _LEAD_TAG.search(phrase)  # "… (AP) _ Nutrisystem Inc. said"
    if tag:
        s = tag.end()
        phrase = phrase[s:]
    lead = phrase.lstrip()
    # ASCII lower-cased, the case-sensitive twin matches at the same offsets, several times faster.
    m = _LEAD_STRIP_LOW.match(lead.lower()) if lead.isascii() else _LEAD_STRIP.match(lead)
    off = len(phrase) - len(lead) + (m.end() if m else 0)
    core = phrase[off:].rstrip(" ,")
    words = core.split()  # reused below while core stays as it is
    t = _TRAIL_STRIP.search(core) if _may_trail(words) else None
    if t:
        core = core[: t.start()].rstrip(" ,")
        words = core.split()
    if core.endswith(".") and core[:-1].split()[-1:] and core[:-1].split()[-1].lower() not in _ABBREV:
        core = core[:-1]  # the sentence's full stop, not an abbreviation's
        words = core.split()
    anon_at = ANON_CLAUSE.search(core) if may_be_anon(core) else None
    if anon_at is None:
        if not _FINITE.isdisjoint(words) and any(w in _FINITE for w in words[1:]):
            return None
    elif any(w in _FINITE for w in core[: anon_at.start()].split()[1:]):
        return None
    longest = 24 if anon_at else 12  # "an official who asked not to be named because …"
    if not words or len(words) > longest or _QUOTE_CHAR.search(core):
        return None
    first = words[0].lower()
    head = words[-1].lower().strip(".")
    plausible = (
        words[0][0].isupper()
        or first in _SOURCE_FIRST_WORDS
        or _CAPITAL.search(core) is not None
        or head in ANON_HEADS
        or head in ORG_HEADS
        or (head.endswith("s") and len(words) <= 3)
    )
    if not plausible:
        return None
    return s + off, s + off + len(core)


def np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase after 'according to' / 'citing', up to a comma, clause or sentence end."""
    m = _NP_END.search(text, pos, hi)
    return trim_span(text, pos, m.start() if m else hi)


def trim_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s] in TRIM:
        s += 1
    while e > s and text[e - 1] in TRIM_END:
        e -= 1
    return (s, e) if s < e else None


TRIM_END = TRIM + "."  # built once: trim_span runs for every content and source


def forward(text: str, s: int, hi: int, uq: list[Quote] | None = None) -> tuple[int, int] | None:
    """Content after a cue: past 'that', up to the unit's end or a sentence end outside quotes."""
    m = _THAT_LEAD.match(text, s, hi)
    start = m.end() if m else s
    # A search loop rather than finditer: most contents hold no such sentence end, and one
    # search costs less than setting up an iterator.
    b = _SENT_END.search(text, start, hi)
    while b is not None:
        if not in_quote(b.start(), uq or []) and not _ABBREV_END.search(
            text, max(start, b.start() - 6), b.start() + 1
        ):
            hi = b.start() + 1
            break
        b = _SENT_END.search(text, b.end(), hi)
    span = trim_span(text, start, hi)
    if span is not None and text.startswith(_PREPOSITIONS, span[0]) and _PREP_PHRASE.fullmatch(text, *span):
        return None
    return span


# A sentence end the segmenter may have missed ("talks. « Nobody wins …»").
_SENT_END = re.compile(r"[.!?](?=\s+[«“\"]\s*[A-Z])")
_ABBREV_END = re.compile(r"\b(?:[A-Z]|[A-Z][a-z]{0,3}|[a-z]\.[a-z])\.$")


def back_content(text: str, lo: int, region_lo: int, uq: list[Quote]) -> tuple[int, int] | None:
    """Content before a trailing attribution: from the last sentence end outside quotes, a few words at least."""
    start = lo
    # The window ends the text for the lookahead just as a slice would: no copy needed.  A
    # search loop, not finditer: most windows hold one sentence end or none.
    m = _STOP_THEN_START.search(text, lo, region_lo)
    while m is not None:
        if not in_quote(m.start(), uq):
            start = m.end()
        m = _STOP_THEN_START.search(text, m.end(), region_lo)
    span = trim_span(text, start, region_lo)
    if span is None:
        return None
    if not _THREE_WORDS.search(text, *span) and text[start:region_lo].lstrip()[:1] not in _OPEN:
        return None
    return span


# Three words at least, found without splitting the content: re's \s and \S are str.split's
# whitespace and non-whitespace (both are Python's isspace).
_THREE_WORDS = re.compile(r"\S\s+\S+\s+\S")


def coord_cut(text: str, s: int, cue: int) -> int:
    """End of the first claim in 'X said A and insisted B': before ' and'."""
    m = _COORD_TAIL.search(text[s:cue])
    return s + m.start() if m else cue
