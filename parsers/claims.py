"""Claims of an Article: who said what, how it was said, and how firmly.

Work is per *unit*: a body sentence, or several when a quote runs across
sentence (or paragraph) ends.  A unit with neither a cue nor a quote mark
costs one regex probe; the others go to ``parsers.cues``.  Around that:

- a unit that is only a quote continues the previous speaker: in the same
  paragraph it extends that claim ("“A,” he said. “B.”" is one claim), in
  the next paragraph it is a new claim with the same source;
- "The figure could not be independently verified." hedges the claim before it;
- sources resolve to entities (mention overlap, pronoun → last person, role,
  surname, "the group" → the organisation meant), or, when the story has no
  entity for them, to the name the text itself gave ("Pentagon spokesman Pat
  Ryder" for "the Pentagon spokesman", "Islamic State (IS)" for "IS").

``kind`` is ``quote`` when the content is wholly or partly inside quotation
marks (titles in quotes, "“Harbour at Dusk”", do not count).  For anonymous
sources ``source.entity`` is the entity they are affiliated to ("a
spokesperson for Sudani" → Sudani), when the story has one.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from parsers.attribution import (
    ORG_HEADS,
    SourceInfo,
    classify_source,
    find_hedges,
    foldable,
    hedge_runs,
    letter_runs,
    probe,
)
from parsers.cues import Draft, content_start, unit_drafts
from parsers.model import Article, Claim, ClaimSource, Entity, Quantity, Span
from parsers.phrases import TRIM, TRIM_END, trim_span
from parsers.quotes import Quote, find_quotes, mark_positions
from parsers.speakers import SpeakerIndex

_UNVERIFIED = re.compile(
    r"\b(?:could not (?:be )?(?:immediately |independently )*(?:verif(?:y|ied)|confirm(?:ed)?)|"
    r"(?:was|were|has|have) not (?:been )?(?:independently )?(?:verified|confirmed)|unverified|unconfirmed|"
    r"did not (?:immediately )?confirm)\b",
    re.IGNORECASE,
)
# "the group said": nouns an organisation is referred back to by, never part of its name.
_GENERIC_ORG = frozenset(
    [
        "group",
        "company",
        "firm",
        "movement",
        "organisation",
        "organization",
        "militia",
        "party",
        "outfit",
        "lender",
        "insurer",
        "carrier",
        "airline",
        "miner",
        "retailer",
        "operator",
        "developer",
        "maker",
        "manufacturer",
        "network",
    ]
)
_ONE_NAME = re.compile(r"[A-Z][\w’'-]+")
# A quoted title ("Harbour at Dusk") is not a quotation.
_TITLE_SMALL = frozenset(["of", "at", "the", "and", "in", "on", "a", "an", "for", "to"])
_TITLE_CASE = re.compile(
    r"(?:[A-Z][\w’'-]*|of|at|the|and|in|on|a|an|for|to)(?:\s+(?:[A-Z][\w’'-]*|of|at|the|and|in|on|a|an|for|to))*"
)


def extract_claims(
    article: Article, entities: tuple[Entity, ...], numbers: tuple[Quantity, ...]
) -> tuple[Claim, ...]:
    """Every attributed statement in the story's body, in text order, ids C1…"""
    text = article.text
    body_paras = [p for p in article.paragraphs if p.kind in ("body", "quote", "dateline")]
    ascii_text = text.encode("ascii", "replace")  # a byte for each character: see letter_runs
    marks = mark_positions(text, ascii_text)
    quotes = find_quotes(text, body_paras, marks)
    sentences = [s for s in article.sentences if s.kind in ("body", "quote")]
    para_starts = [p.start for p in article.paragraphs]
    drafts: list[Draft] = []
    # Top-level quotes never overlap, so opens and closes are both sorted.
    opens = [q.open for q in quotes]
    closes = [q.close for q in quotes]
    runs = letter_runs(text, ascii_text)
    for lo, hi in _units(sentences, quotes, closes):
        present = probe(text, lo, hi, runs, marks)
        if present is None:
            if drafts and drafts[-1].para == bisect.bisect_right(para_starts, lo) - 1:
                _hedge_if_unverified(text, lo, hi, drafts[-1])
            continue
        uq = quotes[bisect.bisect_right(closes, lo) : bisect.bisect_left(opens, hi)]
        para = bisect.bisect_right(para_starts, lo) - 1
        found = unit_drafts(text, lo, hi, uq, present)
        if found:
            for d in found:
                d.para = para
            drafts.extend(found)
        elif uq:
            cont = _pure_quote(text, lo, hi, uq, quotes, drafts, para)
            if cont is not None:
                drafts.append(cont)
        elif drafts and drafts[-1].para == para:
            _hedge_if_unverified(text, lo, hi, drafts[-1])
    return _finish(text, runs, drafts, quotes, entities, numbers)


def _hedge_if_unverified(text: str, lo: int, hi: int, last: Draft) -> None:
    """'The figure could not be independently verified.' hedges the claim just before it."""
    m = _UNVERIFIED.search(text, lo, hi)
    if m is not None:
        last.extra_hedges += (" ".join(m.group(0).lower().split()),)


def _units(sentences: list[Span], quotes: list[Quote], closes: list[int]) -> list[tuple[int, int]]:
    """Sentences, merged where a quote runs over a sentence end (``closes``: the quotes' ``close``)."""
    if not quotes:
        return [(s.start, s.end) for s in sentences]  # nothing can run over a sentence end
    out: list[tuple[int, int]] = []
    qi = 0
    i = 0
    n = len(sentences)
    while i < n:
        lo, hi = sentences[i].start, sentences[i].end
        while True:
            qi = bisect.bisect_right(closes, lo, qi)  # past the quotes closed by lo
            # Of the next eight quotes only the first to close after hi can run over it: the
            # ones before it close by hi, the ones after it open after it closes (no overlaps).
            j = bisect.bisect_right(closes, hi, qi)
            if i + 1 < n and j < min(qi + 8, len(quotes)) and quotes[j].open < hi:
                i += 1
                hi = sentences[i].end
                continue
            break
        out.append((lo, hi))
        i += 1
    return out


def _pure_quote(
    text: str, lo: int, hi: int, uq: list[Quote], quotes: list[Quote], drafts: list[Draft], para: int
) -> Draft | None:
    """A unit that is (mostly) a quote with no cue: more words of the last speaker."""
    inner = sum(min(q.end, hi) - max(q.start, lo) for q in uq)
    if inner < 0.6 * len(text[lo:hi].strip()):
        return None
    span = trim_span(text, max(lo, uq[0].start), min(hi, uq[-1].end))
    if span is None:
        return None
    last = drafts[-1] if drafts else None
    if last is not None and last.para == para and _is_quote_claim(last, quotes):
        last.content = (last.content[0], span[1])
        return None
    d = Draft((span[0], span[0]), None, span, para=para)
    d.inherits = last is not None and para - last.para <= 1
    return d


def _is_quote_claim(d: Draft, quotes: list[Quote]) -> bool:
    s, e = d.content
    return any(q.start < e and s < q.end for q in quotes)


def _real_quotes(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Quote spans that quote someone: titles in quotes ("Harbour at Dusk") are left out."""
    out = []
    for q in quotes:
        inner = text[q.start : q.end]
        words = inner.split(None, 6)  # seven are enough to tell "more than six"
        if (
            1 < len(words) <= 6
            and words[0][:1].isupper()
            # The second word decides most quotes ("We will …") before the pattern runs.
            and (words[1][:1].isupper() or words[1] in _TITLE_SMALL)
            and _TITLE_CASE.fullmatch(inner.strip())
        ):
            continue
        out.append((q.start, q.end))
    return out


def _finish(
    text: str,
    runs: bytes,
    drafts: list[Draft],
    quotes: list[Quote],
    entities: tuple[Entity, ...],
    numbers: tuple[Quantity, ...],
) -> tuple[Claim, ...]:
    if not drafts:
        return ()  # most stories: spare them the per-story tables below
    hedging = hedge_runs(text, runs)
    index = SpeakerIndex(text, entities, hedging)
    fold = hedging is not None or foldable(text)  # hedge_runs looked: no need to look again
    quote_spans = [(q.start, q.end) for q in quotes]
    real = _real_quotes(text, quotes)
    real_starts = [qs for qs, _ in real]
    starts = [q.start for q in numbers]
    ends = [q.end for q in numbers]
    # Numbers come in text order without overlapping, as a rule: then the ones inside a content
    # are a run of indices, found by bisection alone.
    in_order = starts == sorted(starts) and ends == sorted(ends)
    num_starts = starts
    by_start: list[int] = []  # (in order, the indices themselves)
    if not in_order:
        by_start = sorted(range(len(numbers)), key=starts.__getitem__)
        num_starts = [starts[i] for i in by_start]
    out: list[Claim] = []
    prev: ClaimSource | None = None
    last_in_unit: ClaimSource | None = None
    # "The group said …" then "… claimed by the same group": one description, one referent.
    described: dict[str, ClaimSource] = {}
    for d in sorted(drafts, key=content_start):
        s, e = d.content
        # Most contents come trimmed (``forward`` and ``back_content`` trim them): one look at
        # each end spares them the call.
        if not (s < e and text[s] not in TRIM and text[e - 1] not in TRIM_END):
            span = trim_span(text, s, e)
            if span is None:
                continue
            s, e = span
        if d.src is not None:
            written = text[d.src[0] : d.src[1]]
            head = _generic_head(written)
            source = _source(text, written, d.src, index, quote_spans, described.get(head or "", prev))
            if head and source.entity:
                described.setdefault(head, source)
        elif d.inherits and (last_in_unit or prev) is not None:
            source = last_in_unit or prev  # type: ignore[assignment]
        else:
            source = _UNATTRIBUTED
        assert source is not None
        via = None
        if d.via is not None:
            vs, ve = d.via[0], _close_quote(text, d.via[0], d.via[1])
            vtext = text[vs:ve]
            vinfo = classify_source(vtext)
            via = ClaimSource(vtext, vinfo.kind, vinfo.anonymous, None, vs, ve)
        # Quotes do not overlap each other: only the last one starting before e can reach into [s, e).
        k = bisect.bisect_left(real_starts, e) - 1
        kind = "quote" if k >= 0 and real[k][1] > s else "paraphrase"
        hedges = find_hedges(text, s, e, fold=fold, runs=hedging)
        if d.src is not None and d.src[1] + 1 < d.cue[0] < d.src[1] + 40 and d.cue[1] <= s:
            # "X reportedly said": a hedge between source and cue counts too.
            hedges += tuple(
                h for h in find_hedges(text, d.src[1], d.cue[0], fold=fold, runs=hedging) if h not in hedges
            )
        first = bisect.bisect_left(num_starts, s)
        last = bisect.bisect_left(num_starts, e, first)
        if in_order:  # by_start is 0, 1, 2 …: the ones ending by e are a prefix of first…last
            nums = tuple(range(first, bisect.bisect_right(ends, e, first, last)))
        else:
            inside = by_start[first:last]
            nums = tuple(sorted([i for i in inside if ends[i] <= e])) if inside else ()
        for i in nums:
            h = numbers[i].hedge
            if h and h.lower() not in hedges:
                hedges += (h.lower(),)
        if d.extra_hedges:
            hedges += tuple(h for h in d.extra_hedges if h not in hedges)
        cue = Span(d.cue[0], d.cue[1], "cue") if d.cue[1] > d.cue[0] else None
        out.append(Claim(f"C{len(out) + 1}", kind, source, Span(s, e, "claim"), cue, via, hedges, nums))
        if source.kind != "unattributed":
            prev = source
        last_in_unit = source if source.kind != "unattributed" else None
    return tuple(out)


_UNATTRIBUTED = ClaimSource(None, "unattributed", False)  # frozen: one for every such claim


def _source(
    text: str,
    written: str,
    span: tuple[int, int],
    index: SpeakerIndex,
    quote_spans: list[tuple[int, int]],
    prev: ClaimSource | None,
) -> ClaimSource:
    """Who ``written`` (the source as the text gives it, at ``span``) is."""
    s, e = span
    info: SourceInfo = classify_source(written)
    if info.pronoun in ("he", "she"):
        ent = index.last_person(s, quote_spans)
        if ent is not None:
            return ClaimSource(written, "named", False, ent.id, s, e)
        if prev is not None and prev.kind == "named" and not prev.anonymous:
            return ClaimSource(prev.text, "named", False, prev.entity, prev.start, prev.end)
        return ClaimSource(written, "named", False, None, s, e)
    if info.pronoun is not None:
        if prev is not None and prev.kind in ("organization", "anonymous", "document"):
            return prev
        return ClaimSource(written, info.kind, info.anonymous, None, s, e)
    if info.anonymous or info.kind == "document":
        aff = index.overlapping(s, e)  # what the source belongs to, not who it is
        return ClaimSource(written, info.kind, info.anonymous, aff.id if aff else None, s, e)
    if info.role_only:
        ent = index.by_role(written, s)
        if ent is not None:
            return ClaimSource(written, _kind_of(ent, info), False, ent.id, s, e)
        hit = index.text_role(written, s)
        if hit is not None:
            ent = index.overlapping(*hit)
            return ClaimSource(text[hit[0] : hit[1]], "named", False, ent.id if ent else None, *hit)
        return ClaimSource(written, "named", False, None, s, e)
    ent = index.overlapping(s, e)
    if ent is None:
        ent = _definite_org(written, s, index, prev)
    if ent is None and _ONE_NAME.fullmatch(written):
        ent = index.by_surname(written)
        if ent is None and written.isupper():
            hit = index.acronym(written)
            if hit is not None:
                ent = index.overlapping(*hit)
                if ent is None:
                    return ClaimSource(text[hit[0] : hit[1]], "organization", False, None, *hit)
    if ent is not None:
        return ClaimSource(written, _kind_of(ent, info), False, ent.id, s, e)
    if prev is not None and prev.entity is None and _generic_head(written) and prev.kind == "organization":
        return ClaimSource(written, "organization", False, None, s, e)
    return ClaimSource(written, info.kind, info.anonymous, None, s, e)


@lru_cache(maxsize=4096)
def _generic_head(written: str) -> str | None:
    """'the ministry' → 'ministry': the head noun of a definite organisation description.

    Asked for every source (twice for some), and a story repeats its sources: cached.
    """
    words = [w for w in written.lower().split() if w != "same"]
    if len(words) >= 2 and words[0] == "the" and words[-1] in _ORG_NOUNS:
        return words[-1]
    return None


_ORG_NOUNS = ORG_HEADS | _GENERIC_ORG


def _definite_org(written: str, pos: int, index: SpeakerIndex, prev: ClaimSource | None) -> Entity | None:
    """'the ministry' → the Ministry of Water mentioned before; 'the group' → the group last speaking."""
    head = _generic_head(written)
    if head is None:
        return None
    named = index.last_org_named(head, pos)
    if named is not None or head not in _GENERIC_ORG:
        return named
    if prev is not None and prev.entity is not None and prev.kind == "organization":
        return index.by_id(prev.entity)
    return index.last_org(pos)


def _kind_of(ent: Entity, info: SourceInfo) -> str:
    if ent.type == "PERSON":
        return "named"
    if ent.type in ("ORG", "LOC"):
        return "organization"
    return info.kind


_PAIRS = {"“": "”", "«": "»", '"': '"'}


def _close_quote(text: str, start: int, end: int) -> int:
    """End of a phrase, taking in the closing mark of a quote it opens: 'citing an “informed source”'
    names the source with its marks, not with a dangling opening one."""
    phrase = text[start:end]
    for opening, closing in _PAIRS.items():
        if opening not in phrase:
            continue  # none opened (the usual phrase): nothing to count
        opened = phrase.count(opening) - (phrase.count(closing) if opening != closing else 0)
        if (opened % 2 if opening == closing else opened) > 0 and text.startswith(closing, end):
            return end + 1
    return end
