"""Entities of an Article: people, organizations, places, other names, dates and numbers.

Entry point ``extract_entities(article) -> (entities, numbers)``.  The work is
in ``parsers.ner``: candidate runs and a trained tagger find the names,
story-level rules tidy the spans (titles out of PERSON, "pro-Iranian" →
"Iranian", one type per name in a story), ``aliases`` merges mentions into
entities, ``roles`` reads titles and appositions, ``dates`` and ``numbers``
add the rest.  Offline and deterministic.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import compress
from operator import itemgetter

from parsers.model import Article, Entity, Mention, Quantity
from parsers.ner.aliases import Group, RawMention, group_mentions, norm
from parsers.ner.dates import date_spans, find_dates
from parsers.ner.gazetteer import Gazetteer
from parsers.ner.heads import apply_heads, apply_heads_word
from parsers.ner.numbers import find_numbers
from parsers.ner.roles import appositions, org_descriptor, title_chain
from parsers.ner.tagger import Tagger, name_spans, tagger
from parsers.ner.tokens import Context, Run, run_contexts, split_run

TYPE_NAMES = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_GAZ_TYPES = {"LOC": "LOC", "MISC": "MISC", "ORG": "ORG"}
# A lower-case prefix that is not a name particle ("pro-Iranian", "majority-Shiite"); al-/bin-/van-
# belong to the name.
_PREFIX_RE = re.compile(
    r"(?!(?:al|el|ad|as|ash|at|bin|ibn|abu|ul|ur|de|di|da|du|van|von|ben|la|le)-)[a-z]+-(?=[A-ZÀ-ÖØ-Þ])"
)
_GROUP_TAIL_RE = re.compile(
    r"[ \t]+(?:(?:jihadist|militant|extremist|terrorist|Islamist|rebel|armed)[ \t]+)?group\b"
)
_WAR_TAIL_RE = re.compile(r"[ \t]+war\b")
_PARTICLE_RE = re.compile(r"^(?:[Aa]l|[Ee]l)-")
_START = itemgetter(0)  # a RawMention's start


def _gaz_type(word: str, gaz: Gazetteer) -> str | None:
    for section in gaz.words.get(word.lower(), ()):
        if section in _GAZ_TYPES:
            return _GAZ_TYPES[section]
    return None


# A mention as offsets relative to the start of its run: (type, start, end, tail).  Computed once per
# distinct run (see _RUN_INFO) and moved to each place the run occurs.  Tails are read from the
# story text at each use.
_NO_TAIL, _GROUP_TAIL, _WAR_TAIL = 0, 1, 2
Template = tuple[str, int, int, int]


def _templates(
    toks: tuple[str, ...],
    starts: tuple[int, ...],
    ends: tuple[int, ...],
    first: int,
    last: int,
    short_type: str,
    gaz: Gazetteer,
) -> tuple[Template, ...]:
    typ = TYPE_NAMES[short_type]
    # Titles and ranks are roles, never part of a person's name.
    while (
        typ == "PERSON"
        and first < last
        and (toks[first].lower() in gaz.titles or toks[first].lower().rstrip(".") in gaz.titles)
    ):
        first += 1
    start = starts[first]
    if first == last and "-" in toks[first]:  # both rules need a hyphen: most words skip the regex
        word = toks[first]
        pm = _PREFIX_RE.match(word)
        if pm:
            start += pm.end()
            typ = _gaz_type(word[pm.end() :], gaz) or typ
        elif word.count("-") == 1:
            # "Israel-Hamas war": two names joined, both known → two mentions.
            left, right = word.split("-")
            lt, rt = _gaz_type(left, gaz), _gaz_type(right, gaz)
            if lt and rt and right[:1].isupper():
                return (
                    (lt, start, start + len(left), _NO_TAIL),
                    (rt, ends[last] - len(right), ends[last], _NO_TAIL),
                )
    tail = _GROUP_TAIL if typ == "ORG" else _WAR_TAIL if typ == "LOC" else _NO_TAIL
    return ((typ, start, ends[last], tail),)


def _place(text: str, base: int, templates: tuple[Template, ...], out: list[RawMention]) -> None:
    """Append the mentions the templates give for the run that starts at ``base``."""
    for typ, rel_start, rel_end, tail in templates:
        start, end = base + rel_start, base + rel_end
        if tail == _GROUP_TAIL:
            g = _GROUP_TAIL_RE.match(text, end)
            if g:
                # "the Islamic State group": the wire's own name for it (merged with "Islamic State").
                end = g.end()
            out.append((start, end, typ, text[start:end]))
        else:
            out.append((start, end, typ, text[start:end]))
            if tail == _WAR_TAIL:
                w = _WAR_TAIL_RE.match(text, end)
                if w:
                    # "the Gaza war" names an event (MISC) and still mentions the place.
                    out.append((start, w.end(), "MISC", text[start : w.end()]))


def _one_type_per_name(mentions: list[RawMention], gaz: Gazetteer) -> list[RawMention]:
    """A story uses a name for one thing: every mention takes the type most of its mentions got,
    and a lone surname of a person named in full is that person."""
    votes: dict[str, dict[str, int]] = {}
    # The word a longer name ends with (a surname) or, for organizations, starts with (without its
    # al- particle: "Hashed" of "Al-Hashed al-Shaabi") names the same thing.
    heads: dict[str, str] = {}
    for m in mentions:
        _, _, typ, surface = m
        v = votes.get(surface)
        if v is None:
            votes[surface] = {typ: 1}
        elif typ in v:
            v[typ] += 1
            continue  # its head is in already: it depends on nothing but surface and type
        else:
            v[typ] = 1
        if typ != "PERSON" and typ != "ORG":
            continue
        words = surface.split()
        if len(words) < 2:
            continue
        if typ == "PERSON":
            heads.setdefault(words[-1], "PERSON")
        else:
            heads.setdefault(_PARTICLE_RE.sub("", words[0]), "ORG")
    # The type each name takes depends on the name alone, so it is settled once per name; a name
    # with one type and no head keeps it, and a story where none changes (most) keeps its list.
    retype: dict[str, str] = {}
    for surface, v in votes.items():
        head_type = heads.get(surface)
        if head_type is not None and (head_type == "PERSON" or surface.lower() not in gaz.words):
            retype[surface] = head_type
        elif len(v) > 1:
            retype[surface] = max(v, key=v.__getitem__)
    if not retype:
        return mentions
    out = []
    for m in mentions:
        start, end, old, surface = m
        typ = retype.get(surface, old)
        out.append(m if typ == old else (start, end, typ, surface))
    return out


# (short type, mention templates, tokens remembered for recovery or None)
_SpanInfo = tuple[str, tuple[Template, ...], tuple[str, ...] | None]
# Everything about a candidate run that depends only on its surface and context, not on where it
# sits: (tokens, their starts and ends relative to the run, tags, whether any tag is "O", spans as
# _SpanInfo, lone).  ``lone`` is for a lone lower-case word the model let go ("pro-Iranian"): None
# when the run is not one, else (type, length of the named part) with an empty type when nothing in
# it is named.  A plain tuple, not a NamedTuple: the garbage collector stops visiting plain tuples
# of strings and numbers, never a subclass's.
_RunInfo = tuple[
    tuple[str, ...],
    tuple[int, ...],
    tuple[int, ...],
    tuple[str, ...],
    bool,
    tuple[_SpanInfo, ...],
    tuple[str, int] | None,
]


# Runs recur (wire copy names the same people and places again and again, within and across
# stories), so a run is tokenized, tagged and turned into span templates once per distinct surface
# and context, and reused; bounded, cleared when full.
_RUN_INFO: dict[Context, _RunInfo] = {}
_RUN_INFO_SIZE = 200_000
_NO_SPANS: tuple[_SpanInfo, ...] = ()


# Offsets, tags and mention templates repeat from run to run ((0,), (0, 6), ("PER", "PER")), so the
# infos share one instance of each.  The garbage collector runs after every 700 new containers that
# stay alive (and walks the whole heap after every ~100 such runs): in a cold pass over the CoNLL
# text, where it takes a fifth of the time, sharing cuts its runs by a fifth.  Cleared with
# _RUN_INFO, so they hold no more than its entries use.
_OFFSETS: dict[tuple[int, ...], tuple[int, ...]] = {}
_TAGS: dict[tuple[str, ...], tuple[str, ...]] = {}
_TEMPLATES: dict[tuple[Template, ...], tuple[Template, ...]] = {}
# The info of a one-word run by (word, tag): all that a new context of a known word needs.
_WORD_INFO: dict[tuple[str, str], _RunInfo] = {}


def _word_info(word: str, t: str, gaz: Gazetteer) -> _RunInfo:
    """The info of a one-word run the tagger gave ``t``."""
    toks = (word,)
    starts = _OFFSETS.setdefault((0,), (0,))
    end: tuple[int, ...] = (len(word),)
    ends = _OFFSETS.setdefault(end, end)
    tags = _TAGS.setdefault((t,), (t,))
    if t == "O":
        lone = None
        if word[:1].islower():
            pm = _PREFIX_RE.match(word)
            rest = word[pm.end() :] if pm else ""
            typ = _gaz_type(rest, gaz) if rest else None
            lone = (typ, len(rest)) if typ is not None else ("", 0)
        return (toks, starts, ends, tags, True, _NO_SPANS, lone)
    if word[:1].islower() and "-" not in word:
        return (toks, starts, ends, tags, False, _NO_SPANS, None)  # trimmed away (see name_spans)
    templates = _templates(toks, starts, ends, 0, 0, t, gaz)
    span = (t, _TEMPLATES.setdefault(templates, templates), toks if len(word) > 2 else None)
    return (toks, starts, ends, tags, False, (span,), None)


def _run_info(ctx: Context, tg: Tagger) -> _RunInfo:
    gaz = tg.gaz
    surface, prev, nxt, si, ac = ctx
    if " " not in surface and "\t" not in surface:
        # One word, most runs: tagged without building a Run, at most one name, no loops.  Its
        # context only decides the tag; the rest is shared by every context that tags the word
        # alike (two thirds of the one-word runs in a cold pass are a known word in a new context).
        t = apply_heads_word(surface, tg.tag_word(surface, prev, nxt, si, ac), prev, nxt, ac, gaz)
        info = _WORD_INFO.get((surface, t))
        if info is None:
            info = _WORD_INFO[surface, t] = _word_info(surface, t, gaz)
        return info
    toks, starts, ends = split_run(surface)
    starts = _OFFSETS.setdefault(starts, starts)
    ends = _OFFSETS.setdefault(ends, ends)
    run = Run(toks, starts, ends, prev, nxt, si, ac)  # offsets relative to the run
    tags = apply_heads(run, tg.tag(run), gaz)  # head words make unseen names whole
    tags = _TAGS.setdefault(tags, tags)
    spans: list[_SpanInfo] = []
    for short_type, first, last in name_spans(toks, tags):
        found = toks[first : last + 1]
        templates = _templates(toks, starts, ends, first, last, short_type, gaz)
        spans.append(
            (
                short_type,
                _TEMPLATES.setdefault(templates, templates),
                found if len(found[0]) > 2 or len(found) > 1 else None,
            )
        )
    return (toks, starts, ends, tags, "O" in tags, tuple(spans) if spans else _NO_SPANS, None)


def _recover(text: str, contexts: list[Context], offsets: list[int], tg: Tagger) -> list[RawMention]:
    """Mentions of the tagged spans, plus names the tagger found once but missed elsewhere in the same
    story (at a sentence start, in a headline): a token sequence seen as a name is that name again."""
    gaz = tg.gaz
    known: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    out: list[RawMention] = []
    with_o: list[tuple[int, _RunInfo]] = []
    cache = _RUN_INFO
    for ctx, base in zip(contexts, offsets, strict=True):
        info = cache.get(ctx)
        if info is None:
            if len(cache) >= _RUN_INFO_SIZE:
                cache.clear()
                _OFFSETS.clear()
                _TAGS.clear()
                _TEMPLATES.clear()
                _WORD_INFO.clear()
            info = cache[ctx] = _run_info(ctx, tg)
        if info[4]:
            with_o.append((base, info))  # only runs with a word left out can hold a missed name
        for short_type, templates, toks in info[5]:
            _place(text, base, templates, out)
            if toks is not None:
                cands = known.get(toks[0])
                if cands is None:
                    known[toks[0]] = [(toks, short_type)]
                else:
                    for c in cands:  # a loop, not all(<generator>): usually one candidate
                        if c[0] == toks:
                            break
                    else:
                        cands.append((toks, short_type))
    for cands in known.values():
        if len(cands) > 1:
            cands.sort(key=lambda c: -len(c[0]))
    for base, (toks, starts, ends, tags, _has_o, _spans, lone) in with_o:
        if lone is not None:
            # "pro-Iranian" the model let go: a known nationality or place after a prefix is still named.
            typ, size = lone
            if typ:
                end = base + ends[0]
                out.append((end - size, end, typ, text[end - size : end]))
            continue
        if known.keys().isdisjoint(toks):
            continue
        i, n = 0, len(toks)
        while i < n:
            options = known.get(toks[i]) if tags[i] == "O" else None
            step = 1
            if options:
                for tup, short_type in options:
                    k = len(tup)
                    if toks[i : i + k] == tup and tags[i : i + k].count("O") == k:
                        _place(text, base, _templates(toks, starts, ends, i, i + k - 1, short_type, gaz), out)
                        step = k
                        break
            i += step
    out.sort(key=_START)
    return out


_ROLE_TYPES = frozenset(("PERSON", "ORG"))


def _roles(text: str, group: Group, spans: dict[int, int], gaz: Gazetteer) -> tuple[str, ...]:
    if group.type not in ("PERSON", "ORG"):
        return ()
    roles: list[str] = []
    for start, end, _, _ in group.mentions:
        if group.type == "PERSON":
            found = title_chain(text, start, spans, gaz) + appositions(text, start, end)
        elif start > 2 and text[start - 2] in "pntaye":  # the last letter of every descriptor head
            d = org_descriptor(text, start)
            found = [d] if d else []
        else:
            continue
        for r in found:
            r = " ".join(r.split())
            if r and r.casefold() not in (x.casefold() for x in roles):
                roles.append(r)
    return tuple(roles)


# The place part of a dateline: "TARSK, Ostrelia, May 9 (AFP) -" → "TARSK, Ostrelia"; it ends at the
# date, the agency in brackets or an archive date ("ROME 1996-12-06").
_DATELINE_PLACE = re.compile(
    r"[^(\d]*?(?=\s*(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d|\(|\d|[-—–]|$))"
)
_END = itemgetter(1)  # a RawMention's end
_SURFACE = itemgetter(3)  # a RawMention's surface


def _places_of_datelines(article: Article, mentions: list[RawMention]) -> list[RawMention]:
    """Names in a dateline's place part are places, and so is every other mention of those names.

    The tagger has never seen most small towns; the dateline is the one spot where the house style
    says what they are.  Applied after the per-story vote so a wrong majority cannot undo it."""
    text = article.text
    places: list[tuple[int, int]] = []
    for s in article.sentences:
        if s.kind == "dateline":
            m = _DATELINE_PLACE.match(text, s.start, s.end)
            if m and m.end() > s.start:
                places.append((s.start, m.end()))
    if not places:
        return mentions
    # map() with itemgetters and compress() walk the mentions in C: most of them are not the place.
    starts = list(map(_START, mentions))
    names = set()
    for a, b in places:
        k = bisect_left(starts, a)
        while k < len(mentions) and starts[k] < b:
            if mentions[k][1] <= b:
                names.add(mentions[k][3])
            k += 1
    if not names:
        return mentions
    # An all-caps dateline ("QUESSANT") names the town the body writes "Quessant".
    names |= {n.title() for n in names if n.isupper() and len(n) > 3}
    out = mentions.copy()
    for k in compress(range(len(mentions)), map(names.__contains__, map(_SURFACE, mentions))):
        start, end, typ, surface = mentions[k]
        if typ != "LOC":
            out[k] = (start, end, "LOC", surface)
    # Mentions are sorted by start and may nest ("Gaza war" holds "Gaza"): the furthest end reached
    # by the mentions starting before a hit's end tells whether the hit overlaps one.  Hits are few
    # (the dateline's own name and a mention or two), so max() over a slice per hit costs less than
    # a running maximum over every mention.
    ends = list(map(_END, mentions))
    size = len(out)
    for hs, he in _whole_word_hits(text, names):
        k = bisect_left(starts, he)
        if k and max(ends[:k]) > hs:
            continue
        out.append((hs, he, "LOC", text[hs:he]))
    if len(out) > size:
        out.sort(key=_START)
    return out


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what a regex's \w means for str patterns


def _whole_word_hits(text: str, names: set[str]) -> list[tuple[int, int]]:
    """Where any of ``names`` occurs between word boundaries, left to right, longest name first at a
    position, never overlapping: what ``\b(?:longest|...|shortest)\b`` finds, but by str.find per
    name (a C scan) instead of a regex trying every position of the story."""
    found: list[tuple[int, int]] = []
    size = len(text)
    for name in names:
        first_w, last_w = _is_word_char(name[0]), _is_word_char(name[-1])
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            before_w = at > 0 and _is_word_char(text[at - 1])
            after_w = end < size and _is_word_char(text[end])
            if before_w != first_w and after_w != last_w:
                found.append((at, -end))
            at = text.find(name, at + 1)
    found.sort()
    hits: list[tuple[int, int]] = []
    reached = 0
    for start, neg_end in found:
        if start >= reached:
            hits.append((start, -neg_end))
            reached = -neg_end
    return hits


def extract_entities(article: Article) -> tuple[tuple[Entity, ...], tuple[Quantity, ...]]:
    text = article.text
    tg = tagger()
    gaz = tg.gaz
    raw = _places_of_datelines(article, _one_type_per_name(_recover(text, *run_contexts(text), tg), gaz))
    groups = group_mentions(raw, text, gaz)
    spans = {end: start for start, end, _, _ in raw}
    entities: list[Entity] = []
    # A new Mention per mention, not one shared per (start, end) from a cache: a cache kept ~15,000
    # of them alive over the CoNLL text, and objects that live on are what make the garbage collector
    # walk the whole heap (cold pass: 28M fewer instructions without it, and fewer full collections).
    for g in groups:
        ms = g.mentions
        if len(ms) == 1:
            mentions: tuple[Mention, ...] = (Mention(ms[0][0], ms[0][1]),)
        else:
            mentions = tuple([Mention(s, e) for s, e in dict.fromkeys([m[:2] for m in ms])])
        roles = _roles(text, g, spans, gaz) if g.type in _ROLE_TYPES else ()
        # Positional (id, type, name, mentions, roles): keywords cost twice as much, once per entity.
        entities.append(Entity(f"E{len(entities) + 1}", g.type, g.name, mentions, roles))
    dates = find_dates(text, article.meta.date)
    for d in dates:
        entities.append(Entity(f"E{len(entities) + 1}", "DATE", d.name, d.mentions, (), d.resolved))
    return tuple(entities), find_numbers(text, date_spans(dates))


__all__ = ["extract_entities", "norm"]
