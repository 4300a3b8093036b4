"""Mentions → entities: one entity per thing the story names, aliases merged.

Merges, within one story only: a surname into the full name ("Ryder" → "Pat
Ryder"); an acronym into its expansion when the story introduces it in
parentheses ("Islamic State (IS)"), when its letters are the initials of a
name in the story, or when it is well known (gazetteer ``[ACRONYM]``:
"US" → "United States"); dotted and plain acronyms ("U.N." = "UN"); and a
shortened organization name into the longer one ("Hashed" → "Al-Hashed
al-Shaabi").  The canonical name is the fullest form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from operator import itemgetter

from parsers.ner.gazetteer import Gazetteer

_ARTICLE_RE = re.compile(r"^(?:the|The|THE)\s+")
_PARTICLE_RE = re.compile(r"^(?:al|el|Al|El|AL|EL)-")
_STOP = frozenset({"of", "the", "and", "for", "in", "on", "de", "la", "al", "el", "bin", "&"})
_GENERIC_TAIL = frozenset(
    {"group", "jihadist", "militant", "extremist", "terrorist", "islamist", "rebel", "armed"}
)


# A mention before grouping: (start, end, type, surface).  A plain tuple rather than a NamedTuple:
# one is made for every name in every story, a NamedTuple's constructor is a Python-level call (a
# plain tuple costs a third as much), and the garbage collector stops tracking a plain tuple of
# strings and ints at its first collection but never a subclass's, so the mentions of the story being
# worked on were promoted to the old generation, and that is what triggers full collections.
RawMention = tuple[int, int, str, str]


_START = itemgetter(0)  # a RawMention's start


@dataclass(slots=True)
class Group:
    type: str
    surfaces: list[str]
    mentions: list[RawMention] = field(default_factory=list)

    @property
    def name(self) -> str:
        # The fullest form: most words, then longest, then earliest — but "Islamic State", not the
        # wire's "Islamic State jihadist group".
        surfaces = self.surfaces
        if len(surfaces) == 1:
            return surfaces[0]
        proper = [s for s in surfaces if s.rsplit(None, 1)[-1].lower() not in _GENERIC_TAIL] or surfaces
        # Among equals, the body's spelling beats an all-caps headline or dateline ("Quessant", not "QUESSANT").
        return max(proper, key=lambda s: (s.count(" "), len(s), not s.isupper(), -surfaces.index(s)))


_NORM_CACHE: dict[str, str] = {}
_CACHE_LIMIT = 100_000  # names recur across stories; the caches are cleared when they grow past this
_ARTICLES = ("the", "The", "THE")  # what _ARTICLE_RE needs first: most names skip the regex


def _strip_article(surface: str) -> str:
    return _ARTICLE_RE.sub("", surface) if surface[:3] in _ARTICLES else surface


def norm(surface: str) -> str:
    hit = _NORM_CACHE.get(surface)
    if hit is None:
        if len(_NORM_CACHE) > _CACHE_LIMIT:
            _NORM_CACHE.clear()
        s = _strip_article(surface).replace("’", "'").replace(".", "")
        hit = _NORM_CACHE[surface] = " ".join(s.split()).casefold()
    return hit


def _core_tokens(normed: str) -> tuple[str, ...]:
    """Content words of a normalized name, without al-/el- particles or a generic "group" tail."""
    # Hyphens split words and are not words: "al-hashed" → "hashed".
    out = [tok for tok in normed.replace("-", " ").split() if tok not in _STOP]
    while len(out) > 1 and out[-1] in _GENERIC_TAIL:
        out.pop()
    # A tuple, not a list: the cache lives long, and the garbage collector stops visiting tuples of
    # strings but visits every list on every full collection.
    return tuple(out)


def initials(surface: str) -> str:
    words = _strip_article(surface).replace("-", " ").split()
    return "".join([w[0] for w in words if w[0].isupper()])


# Per name, what grouping asks of it: content words, whether it is an acronym, its initials (None
# for one word) and its first three normalized words.  One look-up per name instead of four calls;
# names recur across stories.  Computed straight from the name, not through one cache per part:
# the parts are asked for nowhere else, and a cold pass would pay for filling four caches.
_NAME_INFO: dict[str, tuple[tuple[str, ...], bool, str | None, str]] = {}


def _name_info(name: str) -> tuple[tuple[str, ...], bool, str | None, str]:
    if len(_NAME_INFO) > _CACHE_LIMIT:
        _NAME_INFO.clear()
    normed = norm(name)
    hit = _NAME_INFO[name] = (
        _core_tokens(normed),
        _is_acronym(name),
        initials(name) if " " in name else None,
        " ".join(normed.split()[:3]),
    )
    return hit


def _is_acronym(surface: str) -> bool:
    bare = surface.replace(".", "")
    return 2 <= len(bare) <= 6 and bare.isupper() and bare.isalpha()


def group_mentions(mentions: list[RawMention], text: str, gaz: Gazetteer) -> list[Group]:
    """Group mentions (in text order) into entities; returns groups in order of first mention.

    Every comparison goes through an index (by end offset, by first or last content word), so a
    story with many names costs no more than a few dictionary look-ups per name.
    """
    groups: list[Group] = []
    by_key: dict[tuple[str, str], Group] = {}
    # 1. Same normalized surface and type → same entity.
    normed = _NORM_CACHE
    for m in mentions:
        _, _, typ, surface = m
        ns = normed.get(surface)
        if ns is None:
            ns = norm(surface)
        key = (ns, typ)
        g = by_key.get(key)
        if g is None:
            g = by_key[key] = Group(typ, [surface], [m])
            groups.append(g)
        else:
            if surface not in g.surfaces:
                g.surfaces.append(surface)
            g.mentions.append(m)
    n = len(groups)
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    merged_any = [False]

    def union(child: int, target: int) -> None:
        a, b = find(child), find(target)
        if a != b:
            parent[a] = b
            merged_any[0] = True

    names = [g.surfaces[0] if len(g.surfaces) == 1 else g.name for g in groups]
    info_get = _NAME_INFO.get
    infos = [info_get(nm) or _name_info(nm) for nm in names]
    cores = [i[0] for i in infos]
    acronym = [i[1] for i in infos]
    by_first: dict[tuple[str, str], list[int]] = {}
    by_word: dict[str, list[int]] = {}
    by_last: dict[str, list[int]] = {}  # organizations of two words or more, by their last word
    for k, g in enumerate(groups):
        core = cores[k]
        if acronym[k] or not core:
            continue
        by_first.setdefault((g.type, core[0]), []).append(k)
        if g.type == "PERSON":
            for w in core[1:]:
                by_word.setdefault(w, []).append(k)
        elif g.type == "ORG" and len(core) > 1:
            by_last.setdefault(core[-1], []).append(k)
    # What the acronyms (one or two a story) are compared with.  A scan of these for each acronym
    # costs less than indexing every name; mention ends, for an acronym in parentheses (rare), are
    # looked at only when one is.
    inits = [i[2] for i in infos] if any(acronym) else []
    ends: dict[int, int] | None = None
    for k, g in enumerate(groups):
        if acronym[k]:
            # 2. An acronym in parentheses right after a name: "Islamic State (IS)".
            bare = names[k].replace(".", "")
            for start, *_ in g.mentions:
                if start >= 2 and text[start - 1] == "(":
                    if ends is None:
                        ends = {x[1]: j for j, h in enumerate(groups) for x in h.mentions}
                    j = ends.get(start - 1, ends.get(start - 2, -1))
                    if (
                        j >= 0
                        and j != k
                        and groups[j].type != "PERSON"
                        and set(bare) <= set(initials(names[j]))
                    ):
                        union(k, j)
            # 3. A well-known acronym, or the initials of a name in the story (not an acronym, and
            # with content words: the names indexed above).
            full = gaz.acronyms.get(names[k]) or gaz.acronyms.get(bare)
            cands: list[int] = []
            if full is not None:
                nf = norm(full)
                nf3 = " ".join(nf.split()[:3])
                cands = [
                    j
                    for j, info in enumerate(infos)
                    if info[3] == nf3 and not acronym[j] and cores[j] and norm(names[j]).startswith(nf)
                ]
            if not cands and bare in inits:
                cands = [
                    j
                    for j, name_initials in enumerate(inits)
                    if name_initials == bare and not acronym[j] and cores[j] and groups[j].type == g.type
                ]
            if cands:
                union(k, cands[0])
            continue
        core = cores[k]
        if not core:
            continue
        if g.type == "MISC" and len(core) == 1 and "MISC" in gaz.words.get(core[0], ()):
            continue  # "Australian" (a nationality) is not short for "Australian Grand Prix"
        # 4. A surname or shortened name → the longest compatible name.
        cand = by_first[(g.type, core[0])]  # built in group order, so sorted, and holds k itself
        if g.type == "PERSON":
            more = by_word.get(core[0])
            if more:
                cand = sorted(set(cand) | set(more))
        if len(cand) == 1:
            # "the Guards" after "Revolutionary Guards", "United" after "Manchester United": an
            # organization's last word alone names it, when exactly one organization in the story
            # ends with it (two ministries make "the Ministry" ambiguous, and it stays apart).
            if g.type == "ORG" and len(core) == 1:
                ends_with = by_last.get(core[0])
                if ends_with is not None and len(ends_with) == 1:
                    union(k, ends_with[0])
            continue  # nothing but itself: the common case, decided without the loop below
        best, best_len = -1, len(core) - 1
        for j in cand:
            if j == k:
                continue
            other = cores[j]
            if len(other) < len(core):
                continue
            if len(other) == len(core):
                # Same content words ("Hashed al-Shaabi" / "Al-Hashed al-Shaabi"): one entity.
                if other == core and j < k and best_len < len(other):
                    best, best_len = j, len(other)
                continue
            if g.type == "PERSON":
                ok = other[-len(core) :] == core or (len(core) == 1 and core[0] in other[1:])
            else:
                # A shortened name keeps the head of the full one ("Hashed" of "Al-Hashed al-Shaabi",
                # "Gaza" of "Gaza Strip"); types already agree, so "Iraq" never joins "Iraq Petroleum".
                ok = other[: len(core)] == core
            if ok and len(other) > best_len:
                best, best_len = j, len(other)
        if best >= 0:
            union(k, best)
    if not merged_any[0]:
        return groups  # already one group per entity, in order of first mention
    roots = [find(k) for k in range(n)]
    members: dict[int, list[int]] = {}
    for k, root in enumerate(roots):
        members.setdefault(root, []).append(k)
    out: list[Group] = []
    for root, ks in members.items():  # roots in order of their first member
        if len(ks) == 1:
            out.append(groups[root])  # nothing joined it: already whole, its mentions in order
            continue
        tgt = Group(groups[root].type, [], [])
        for k in ks:
            g = groups[k]
            for s in g.surfaces:
                if s not in tgt.surfaces:
                    tgt.surfaces.append(s)
            tgt.mentions.extend(g.mentions)
        tgt.mentions.sort(key=_START)
        out.append(tgt)
    out.sort(key=lambda g: g.mentions[0][0])
    return out
