"""Dates and times as the wire writes them, resolved against the story's date when it is known.

"Thursday" (the latest Thursday on or before the story date), "Jan 4", "mid-October", "December",
"four years ago", "since 2014", "yesterday", ISO dates.  ``resolved`` is an ISO date, or a shorter
ISO form ("2023-10", "2014") when the text is no more precise.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parsers.model import Mention
from parsers.ner.fastre import cased, first_char_branches
from parsers.ner.numerals import word_value

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH_ALT = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_AGO_NUM = (
    r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|few"
)
DATE_RE = re.compile(
    r"\b(?:"
    rf"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    rf"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:[ \t]+(?P<part>morning|afternoon|evening|night))?"
    rf"|(?:(?P<mpart>mid|early|late|end)[- ](?:of[ \t]+)?)?(?P<month>{_MONTH_ALT})"
    rf"(?:[ \t]+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:]))?(?:,?[ \t]+(?P<myear>(?:19|20)\d\d))?"
    rf"|(?P<ago>(?:{_AGO_NUM})[ \t]+(?P<unit>day|week|month|year)s?[ \t]+ago)"
    rf"|(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast[ \t]+(?:week|month|year|night)|[Tt]his[ \t]+(?:week|month|year))"
    rf"|(?P<prep>(?:[Ss]ince|[Ii]n|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom)[ \t]+)(?P<year>(?:19|20)\d\d)"
    r")(?![\w-])",
)
# Fast scans (see fastre): the first words of the letter-led forms as a trie, years and ISO dates by
# digits, and "ago"; each hit is then read with DATE_RE anchored where the expression starts.
_KEYWORDS = [
    *(w.title() for w in WEEKDAYS),
    *(m.title() for m in MONTHS),
    *cased(["mid-", "mid ", "early ", "late ", "end of ", "end-"]),
    *cased(["yesterday", "today", "tomorrow", "tonight"]),
    # Whole phrases, so the many other uses of "this" and "last" are not even hits.
    *cased([f"{a} {b}" for a in ("last", "this") for b in ("week", "month", "year", "night")]),
]
_YEAR_HIT = r"\d\d(?:-[01]\d-[0-3]\d)?(?![\w-])"  # after "19" or "20"


# The keywords ("mid-" and "early " hits too: DATE_RE decides) and years in one pass over the text:
# a top-level alternation whose branches all start with a literal character lets the regex engine
# skip to the next such character by itself.  A keyword hit and a year hit never overlap (letters,
# digits), so the hits are those of two separate scans; the first character tells them apart.
HIT_RE = re.compile(
    "|".join([*first_char_branches(_KEYWORDS, r"(?![a-z])"), f"19{_YEAR_HIT}", f"20{_YEAR_HIT}"])
)
PREP_REVERSED_RE = re.compile(r"[ \t]+(?:ecnis|ni|yb|litnu|erofeb|retfa|morf)(?![\w])", re.IGNORECASE)
AGO_RE = re.compile(r"ago(?![\w-])")
AGO_REVERSED_RE = re.compile(r"[ \t]+s?(?:yad|keew|htnom|raey)[ \t]+[\w]+(?![\w])")
# "May" and "March" are also words: a month name alone must be followed by a day or a year, or be
# preceded by a preposition, to count.
_PREP_BEFORE = re.compile(
    r"(?:in|since|until|by|from|of|early|late|mid|last|next|this|on|before|after)[ \t]+\Z", re.I
)


@dataclass(frozen=True, slots=True)
class DateMention:
    name: str
    mentions: tuple[Mention, ...]
    resolved: str | None


def _story_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _year_for(month: int, day: int, ref: dt.date) -> int:
    # News reports the recent past: a month after the story's month is last year's.
    return ref.year if (month, day) <= (ref.month, ref.day) or month <= ref.month else ref.year - 1


def _resolve(m: re.Match[str], ref: dt.date | None) -> str | None:
    # All the groups in one call: each m.group(name) is a call and a name lookup of its own.
    iso, year, month, myear, day, wd, mpart = m.group("iso", "year", "month", "myear", "day", "wd", "mpart")
    if iso:
        return iso
    if year:
        return year
    if ref is None:
        if month and myear:
            return f"{myear}-{MONTHS[month.lower().rstrip('.')]:02d}" + (f"-{int(day):02d}" if day else "")
        return None
    if wd:
        target = WEEKDAYS.index(wd.lower())
        return (ref - dt.timedelta(days=(ref.weekday() - target) % 7)).isoformat()
    if month:
        mon = MONTHS[month.lower().rstrip(".")]
        day_n = int(day) if day else 0
        year_n = int(myear) if myear else _year_for(mon, day_n or 1, ref)
        if day_n:
            try:
                return dt.date(year_n, mon, day_n).isoformat()
            except ValueError:
                return None
        if mpart:
            approx = {"early": 5, "mid": 15, "late": 25, "end": 28}[mpart.lower()]
            return dt.date(year_n, mon, approx).isoformat()
        return f"{year_n}-{mon:02d}"
    if m.group("ago"):
        n = m.group("ago").split()[0].lower()
        count = 1 if n in ("a", "an") else 3 if n in ("several", "few") else word_value(n)
        if count is None:
            return None
        unit = m.group("unit")
        k = int(count)
        if unit == "day":
            return (ref - dt.timedelta(days=k)).isoformat()
        if unit == "week":
            return (ref - dt.timedelta(weeks=k)).isoformat()
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - k, 12)
            return f"{y}-{mo + 1:02d}"
        return str(ref.year - k)
    rel = " ".join(m.group("rel").lower().split())
    if rel in ("today", "tonight"):
        return ref.isoformat()
    if rel == "yesterday":
        return (ref - dt.timedelta(days=1)).isoformat()
    if rel == "tomorrow":
        return (ref + dt.timedelta(days=1)).isoformat()
    if rel == "last year":
        return str(ref.year - 1)
    if rel == "this year":
        return str(ref.year)
    if rel == "last month":
        y, mo = divmod(ref.year * 12 + ref.month - 2, 12)
        return f"{y}-{mo + 1:02d}"
    if rel == "this month":
        return f"{ref.year}-{ref.month:02d}"
    if rel in ("last week", "this week"):
        return (ref - dt.timedelta(days=7 if rel == "last week" else 0)).isoformat()
    if rel == "last night":
        return (ref - dt.timedelta(days=1)).isoformat()
    return None


def find_dates(text: str, story_date: str | None) -> list[DateMention]:
    """DATE entities: one per distinct expression (case- and possessive-insensitive), in text order."""
    ref = _story_date(story_date)
    groups: dict[str, tuple[str, list[Mention], str | None]] = {}
    for m in _date_matches(text):
        start, end = m.span()
        prep, month = m.group("prep", "month")  # one call for both
        if prep:
            start = m.start("year")  # "since 2014": the date is "2014"
        if (
            month
            and not (m.group("day") or m.group("myear") or m.group("mpart"))
            and (month in ("May", "March", "Mar", "Jan", "Dec", "Sep", "Sept") or not month[0].isupper())
            and _PREP_BEFORE.search(text, max(0, start - 12), start) is None
        ):
            continue
        surface = text[start:end]
        key = surface.casefold()
        entry = groups.get(key)
        if entry is None:
            groups[key] = (surface, [Mention(start, end)], _resolve(m, ref))
        else:
            entry[1].append(Mention(start, end))
    return [DateMention(name, tuple(ms), res) for name, ms, res in groups.values()]


def _date_matches(text: str) -> list[re.Match[str]]:
    """DATE_RE matches, found through the fast scans, in text order, not overlapping."""
    starts: set[int] = set()
    for h in HIT_RE.finditer(text):
        p = h.start()
        if p and (text[p - 1].isalnum() or text[p - 1] == "-"):
            continue
        if text[p] not in "12":
            starts.add(p)  # a keyword (a year starts with 19 or 20)
            continue
        if h.end() - p > 4:
            starts.add(p)
            continue
        pm = PREP_REVERSED_RE.match(text[max(0, p - 8) : p][::-1])
        if pm is not None:
            starts.add(p - pm.end())
    for h in AGO_RE.finditer(text):
        p = h.start()
        am = AGO_REVERSED_RE.match(text[max(0, p - 24) : p][::-1])
        if am is not None:
            starts.add(p - am.end())
    out: list[re.Match[str]] = []
    if not starts:
        return out  # no date word at all (a results table): nothing to sort or match
    last_end = -1
    for p in sorted(starts):
        if p < last_end:
            continue
        m = DATE_RE.match(text, p)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def date_spans(dates: list[DateMention]) -> list[tuple[int, int]]:
    return [(mm.start, mm.end) for d in dates for mm in d.mentions]
