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

from parsers.model import Article, Entity, Mention, Quantity
from parsers.ner.aliases import Group, RawMention, group_mentions, norm
from parsers.ner.dates import date_spans, find_dates
from parsers.ner.gazetteer import Gazetteer
from parsers.ner.numbers import find_numbers
from parsers.ner.roles import appositions, org_descriptor, title_chain
from parsers.ner.tagger import TaggedSpan, spans_of, tagger
from parsers.ner.tokens import Run, iter_runs

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


def _gaz_type(word: str, gaz: Gazetteer) -> str | None:
    for section in gaz.words.get(word.lower(), ()):
        if section in _GAZ_TYPES:
            return _GAZ_TYPES[section]
    return None


def _mentions_of(text: str, run: Run, sp: TaggedSpan, gaz: Gazetteer) -> list[RawMention]:
    typ = TYPE_NAMES[sp.type]
    first = sp.first
    # Titles and ranks are roles, never part of a person's name.
    while (
        typ == "PERSON"
        and first < sp.last
        and (run.tokens[first].lower() in gaz.titles or run.tokens[first].lower().rstrip(".") in gaz.titles)
    ):
        first += 1
    start, end = run.starts[first], sp.end
    if first == sp.last:
        word = run.tokens[first]
        pm = _PREFIX_RE.match(word)
        if pm:
            start += pm.end()
            typ = _gaz_type(word[pm.end() :], gaz) or typ
        elif "-" in word and word.count("-") == 1:
            # "Israel-Hamas war": two names joined, both known → two mentions.
            left, right = word.split("-")
            lt, rt = _gaz_type(left, gaz), _gaz_type(right, gaz)
            if lt and rt and right[:1].isupper():
                return [
                    RawMention(start, start + len(left), lt, left),
                    RawMention(end - len(right), end, rt, right),
                ]
    out = [RawMention(start, end, typ, text[start:end])]
    if typ == "ORG":
        g = _GROUP_TAIL_RE.match(text, end)
        if g:
            # "the Islamic State group": the wire's own name for it (merged with "Islamic State").
            out[0] = RawMention(start, g.end(), typ, text[start : g.end()])
    elif typ == "LOC":
        w = _WAR_TAIL_RE.match(text, end)
        if w:
            # "the Gaza war" names an event (MISC) and still mentions the place.
            out.append(RawMention(start, w.end(), "MISC", text[start : w.end()]))
    return out


def _one_type_per_name(mentions: list[RawMention], gaz: Gazetteer) -> list[RawMention]:
    """A story uses a name for one thing: every mention takes the type most of its mentions got,
    and a lone surname of a person named in full is that person."""
    votes: dict[str, dict[str, int]] = {}
    for m in mentions:
        v = votes.setdefault(m.surface, {})
        v[m.type] = v.get(m.type, 0) + 1
    # The word a longer name ends with (a surname) or, for organizations, starts with (without its
    # al- particle: "Hashed" of "Al-Hashed al-Shaabi") names the same thing.
    heads: dict[str, str] = {}
    for m in mentions:
        words = m.surface.split()
        if len(words) < 2:
            continue
        if m.type == "PERSON":
            heads.setdefault(words[-1], "PERSON")
        elif m.type == "ORG":
            heads.setdefault(_PARTICLE_RE.sub("", words[0]), "ORG")
    out = []
    for m in mentions:
        head_type = heads.get(m.surface)
        if head_type is not None and (head_type == "PERSON" or m.surface.lower() not in gaz.words):
            typ = head_type
        else:
            v = votes[m.surface]
            typ = m.type if len(v) == 1 else max(v, key=v.__getitem__)
        out.append(m if typ == m.type else RawMention(m.start, m.end, typ, m.surface))
    return out


def _recover(
    text: str, tagged: list[tuple[Run, list[str], list[TaggedSpan]]], gaz: Gazetteer
) -> list[RawMention]:
    """Mentions of the tagged spans, plus names the tagger found once but missed elsewhere in the same
    story (at a sentence start, in a headline): a token sequence seen as a name is that name again."""
    known: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    out: list[RawMention] = []
    for run, _tags, spans in tagged:
        for sp in spans:
            out.extend(_mentions_of(text, run, sp, gaz))
            toks = run.tokens[sp.first : sp.last + 1]
            if len(toks[0]) > 2 or len(toks) > 1:
                entry = (toks, sp.type)
                cands = known.setdefault(toks[0], [])
                if all(c[0] != toks for c in cands):
                    cands.append(entry)
    for cands in known.values():
        cands.sort(key=lambda c: -len(c[0]))
    for run, tags, _spans in tagged:
        toks = run.tokens
        if len(toks) == 1 and tags[0] == "O" and toks[0][:1].islower():
            # "pro-Iranian" the model let go: a known nationality or place after a prefix is still named.
            pm = _PREFIX_RE.match(toks[0])
            rest = toks[0][pm.end() :] if pm else ""
            typ = _gaz_type(rest, gaz) if rest else None
            if typ is not None:
                out.append(RawMention(run.ends[0] - len(rest), run.ends[0], typ, rest))
            continue
        if "O" not in tags or known.keys().isdisjoint(toks):
            continue
        i, n = 0, len(toks)
        while i < n:
            options = known.get(toks[i]) if tags[i] == "O" else None
            step = 1
            if options:
                for tup, short_type in options:
                    k = len(tup)
                    if toks[i : i + k] == tup and all(t == "O" for t in tags[i : i + k]):
                        sp = TaggedSpan(run.starts[i], run.ends[i + k - 1], short_type, i, i + k - 1)
                        out.extend(_mentions_of(text, run, sp, gaz))
                        step = k
                        break
            i += step
    out.sort(key=lambda m: m.start)
    return out


def _roles(text: str, group: Group, spans: dict[int, int], gaz: Gazetteer) -> tuple[str, ...]:
    if group.type not in ("PERSON", "ORG"):
        return ()
    roles: list[str] = []
    for m in group.mentions:
        if group.type == "PERSON":
            found = title_chain(text, m.start, spans, gaz) + appositions(text, m.start, m.end)
        elif m.start > 2 and text[m.start - 2] in "pntaye":  # the last letter of every descriptor head
            d = org_descriptor(text, m.start)
            found = [d] if d else []
        else:
            continue
        for r in found:
            r = " ".join(r.split())
            if r and r.casefold() not in (x.casefold() for x in roles):
                roles.append(r)
    return tuple(roles)


def extract_entities(article: Article) -> tuple[tuple[Entity, ...], tuple[Quantity, ...]]:
    text = article.text
    tg = tagger()
    gaz = tg.gaz
    tagged = []
    for run in iter_runs(text):
        tags = tg.tag(run)
        tagged.append((run, tags, spans_of(run, tags)))
    raw = _one_type_per_name(_recover(text, tagged, gaz), gaz)
    groups = group_mentions(raw, text, gaz)
    spans = {m.end: m.start for m in raw}
    entities: list[Entity] = []
    for g in groups:
        mentions = tuple([Mention(a, b) for a, b in dict.fromkeys([(m.start, m.end) for m in g.mentions])])
        entities.append(
            Entity(
                id=f"E{len(entities) + 1}",
                type=g.type,
                name=g.name,
                mentions=mentions,
                roles=_roles(text, g, spans, gaz),
            )
        )
    dates = find_dates(text, article.meta.date)
    for d in dates:
        entities.append(
            Entity(
                id=f"E{len(entities) + 1}", type="DATE", name=d.name, mentions=d.mentions, resolved=d.resolved
            )
        )
    return tuple(entities), find_numbers(text, date_spans(dates))


__all__ = ["extract_entities", "norm"]
