"""Head-word rules over one tagged run: what a name ends or starts with says what it names.

The tagger is trained on CoNLL-2003 and leans on the words it has seen; a
name it has never seen ("Tarvel Shipping", "Ostra River") gets its type from
shape and context alone and is often split or mistyped.  The last word of an
organization's or a place's name is a strong, general cue the model weighs
too little: "... Shipping", "... Ministry", "Ministry of ...", "... River",
"Port ...".  These rules run once per distinct run (the caller caches the
result with the tags) and cost a set lookup when the run holds no head word.
"""

from __future__ import annotations

from collections.abc import Sequence

from parsers.ner.gazetteer import Gazetteer
from parsers.ner.tokens import Run

# Words that end an organization's name ("Tarvel Shipping", "Oskaro Holdings").  Only words that
# almost never end a person's or a place's name; "City", "United", "Times" are left to the model.
ORG_HEADS = frozenset(
    """Ministry Council Committee Commission Agency Authority Bank Group Party Force Forces Union
    Association Federation Institute University College Museum Hospital Airlines Airways Mining
    Capital Holdings Partners Polymers Corp Corp. Corporation Inc Inc. Ltd Ltd. Plc PLC Company Co
    Co. Foundation Front Movement Army Police Court Parliament Assembly Club Bureau Office
    Department Service Services Industries Motors Technologies Systems Laboratories Pharmaceuticals
    Chemicals Energy Petroleum Resources Investments Securities Insurance Bancorp Brotherhood
    Coalition Alliance Chamber Academy Tribunal Directorate Secretariat Trust Fund Brigade Brigades
    Guard Guards Corps Cooperative Society Network Media Studios Entertainment Railways Shipping
    Logistics Steel Metals Foods Brewery Gallery Library School Church Board Organisation
    Organization""".split()  # noqa: SIM905
)
# Heads that also end CoNLL places or events ("West Bank", "Soviet Union", "Islamic Museum"): a
# name the model typed LOC or MISC throughout keeps its type.
_SOFT_ORG_HEADS = frozenset(
    ["Bank", "Union", "Museum", "Hospital", "College", "School", "Gallery", "Library", "Church", "Court"]
)
# "Ministry of Fisheries", "Bank of Kessa": the name goes on after "of".
OF_HEADS = frozenset(
    """Ministry Council Committee Commission Agency Authority Bank Union Association Federation
    Institute University College Museum Department Office Bureau Court Chamber Academy Board
    Party Front Movement Army Forces Organisation Organization Secretariat Directorate Church
    Society""".split()  # noqa: SIM905
)
# Words that end a place's name ("Ostra River", "Dellin Valley").
LOC_HEADS = frozenset(
    """River Valley Lake Sea Ocean Bay Gulf Island Islands Mountains Mountain Hills Province Region
    District Street Road Avenue Square Bridge Strait Peninsula Desert Plain Plains Plateau Coast
    Canal Heights Highlands Basin Archipelago Falls Lagoon Creek Glacier Fjord Boulevard""".split()  # noqa: SIM905
)
# Words that start a place's name ("Port Saravo", "Mount Kerel").
LOC_PREFIXES = frozenset(["Port", "Mount", "Mt.", "Lake", "Cape", "Fort", "Ft.", "Isle"])
# "Gulf of Tarsa", "Bay of Kessa": a place head followed by "of".
LOC_OF_HEADS = frozenset(["Gulf", "Bay", "Sea", "Strait", "Isle", "Cape", "Lake", "Straits"])
# Lower-case words that may join the parts of one organization's name.
_JOINERS = frozenset(("of", "and", "&", "for", "the", "de"))

# Dates and the article are not part of a name ("August National Association ...", "The Acme Co").
_STOPS = frozenset(
    """January February March April May June July August September October November December Monday
    Tuesday Wednesday Thursday Friday Saturday Sunday The""".split()  # noqa: SIM905
)
_TRIGGERS = ORG_HEADS | LOC_HEADS | LOC_PREFIXES
_UPPER_TRIGGERS = frozenset(t.upper() for t in _TRIGGERS)


def _cap(tok: str) -> bool:
    return tok[:1].isupper()


def _key(tok: str, upper: bool) -> str:
    # In an ALL-CAPS headline or dateline "PORT SARAVO" is "Port Saravo".
    return tok.capitalize() if upper and tok.isupper() and len(tok) > 1 else tok


def _start_of_name(run: Run, keys: Sequence[str], tags: Sequence[str], head: int, gaz: Gazetteer) -> int:
    """The first token of the capitalized name that ends at ``head`` (joined by "of", "and", "&").

    In an ALL-CAPS line every word is capitalized, so there only words the model called names count."""
    upper = run.all_caps or keys is not run.tokens
    s = head
    while s > 0:
        t = keys[s - 1]
        if t in _JOINERS:
            # "Gold Fields of ... Ltd", "Smith & Co": but not "Dana Petrov of Orlin Capital", nor
            # two names in a list ("Marlo Corp and Vesta Industries", "Cargo and Vesta Corp" when the
            # model saw two names).
            if (
                upper
                or s < 2
                or not _cap(keys[s - 2])
                or tags[s - 2] == "PER"
                or keys[s - 2] in ORG_HEADS
                or (t != "of" and tags[s - 2] == "ORG" and tags[s - 1] == "O" and tags[s] != "O")
                or (t != "of" and not ORG_HEADS.isdisjoint(keys[: s - 1]))
                or not _may_start(run, keys, tags, s - 2, gaz)
            ):
                break
            s -= 2
            continue
        if not _cap(t) or (upper and tags[s - 1] == "O") or not _may_start(run, keys, tags, s - 1, gaz):
            break
        if tags[s - 1] == "MISC" and tags[s] != "MISC":
            break  # "Kessan Police", "Kessan Museum": the model's nationality stays apart
        s -= 1
    return s


def _may_start(run: Run, keys: Sequence[str], tags: Sequence[str], i: int, gaz: Gazetteer) -> bool:
    t = keys[i]
    if "-" in t and t.rpartition("-")[2].islower():
        return False  # "Ohio-based", "U.S.-led": a description before the name
    if t in _STOPS or t.lower() in gaz.titles or t.rstrip(".").lower() in gaz.titles:
        return False
    # The run's first word, which the model let go, after a sentence start or punctuation ("Shares of
    # ...", a table's "Underwriter ..."), is not a name; after a word or a possessive it may be.
    return not (
        i == 0 and tags[0] == "O" and (run.sent_initial or not (run.prev.isalpha() or run.prev in _POSS))
    )


_POSS = frozenset(("'s", "’s"))


def _ends_name(keys: Sequence[str], done: Sequence[bool], h: int) -> bool:
    """The head is the last word of its name: nothing capitalized follows it in the run."""
    return h + 1 >= len(keys) or not _cap(keys[h + 1]) or done[h + 1]


def _gaz_inside(keys: Sequence[str], s: int, e: int, h: int, gaz: Gazetteer) -> bool:
    """A known phrase that covers the head ("West Bank", "Soviet Union"): the gazetteer knows better."""
    low = [k.lower() for k in keys[s : e + 1]]
    h -= s
    for a in range(0, h + 1):
        for b in range(max(a + 1, h), len(low)):
            if " ".join(low[a : b + 1]) in gaz.phrases:
                return True
    return False


def _end_of_of(toks: Sequence[str], head: int, gaz: Gazetteer) -> int:
    """The last token of "Head of Y" ("Ministry of Water and Energy"), or ``head`` when none follows.

    A title ends it: "Reserve Bank of Kessa Governor Ana Lind" is a bank and a person."""
    n = len(toks)
    if (
        head + 2 >= n
        or toks[head + 1] not in ("of", "for")
        or not _cap(toks[head + 2])
        or toks[head + 2].lower() in gaz.titles
    ):
        return head
    e = head + 2
    while e + 1 < n:
        if toks[e + 1].lower() in gaz.titles:
            break
        if _cap(toks[e + 1]):
            e += 1
        elif toks[e + 1] in ("and", "&", "of", "the") and e + 2 < n and _cap(toks[e + 2]):
            e += 2
        else:
            break
    return e


# The word before a lone unknown name that makes it a place: "from Tarsa", "northern Kessa".
PLACE_PREV = frozenset(
    "in near from northern southern eastern western central neighbouring neighboring outside".split()  # noqa: SIM905
)
# The common noun before an organization's name: "environmental group Blue Harbour", "miner Ostra".
ORG_PREV = frozenset(
    """group company firm carrier lender retailer charity organisation organization broadcaster
    conglomerate subsidiary startup airline manufacturer""".split()  # noqa: SIM905
)
_CONTEXT_PREV = PLACE_PREV | ORG_PREV


# What may follow a place ("in Kessavar on Monday"); other lower-case words make the name a
# modifier ("in the Dutroux affair").
_AFTER_PLACE = frozenset(
    """on in at and or to for with after before since where which that last this earlier until as by
    from when during but is was were has have had said over overnight""".split()  # noqa: SIM905
)
# "faith in God": a name after "in" that is no place.
_NOT_PLACES = frozenset(("God", "Allah"))


def _unknown(tok: str, gaz: Gazetteer) -> bool:
    """Not a given name or a title the gazetteer knows."""
    low = tok.lower()
    return "FIRST" not in gaz.words.get(low, ()) and low not in gaz.titles


def _by_context(
    toks: tuple[str, ...], prev: str, nxt: str, all_caps: bool, tags: tuple[str, ...], gaz: Gazetteer
) -> tuple[str, ...]:
    """A name the model took for a person, where the words around it say place or organization."""
    if prev in PLACE_PREV:
        if (
            len(toks) == 1
            and tags[0] == "PER"
            and not all_caps
            and toks[0] not in _NOT_PLACES
            and (not nxt.isalpha() or nxt[0].isupper() or nxt in _AFTER_PLACE)
            and _unknown(toks[0], gaz)
        ):
            return ("LOC",)
        return tags
    if "PER" in tags and all(_cap(t) and _unknown(t, gaz) for t in toks) and len(toks) <= 4:
        return ("ORG",) * len(toks)
    return tags


def apply_heads(run: Run, tags: tuple[str, ...], gaz: Gazetteer) -> tuple[str, ...]:
    """Tags of the run with organization and place names made whole by their head words."""
    toks = run.tokens
    if run.prev in _CONTEXT_PREV:
        tags = _by_context(toks, run.prev, run.next, run.all_caps, tags, gaz)
    # Two set probes decide for nearly every run: no head word as written or in capitals.
    if _TRIGGERS.isdisjoint(toks) and _UPPER_TRIGGERS.isdisjoint(toks):
        return tags
    upper = any(t.isupper() and len(t) > 1 for t in toks)
    keys = tuple(_key(t, upper) for t in toks) if upper else toks
    if _TRIGGERS.isdisjoint(keys):
        return tags
    if run.next[:1].isdigit():
        return tags  # a results line ("Port Vale 2 Notts County 1"): teams, not places
    out = list(tags)
    n = len(toks)
    done = [False] * n
    # Organizations first: "Port Authority" and "Lake District Council" are organizations.
    for h in range(n - 1, -1, -1):
        k = keys[h]
        if k not in ORG_HEADS or done[h]:
            continue
        e = _end_of_of(keys, h, gaz) if k in OF_HEADS else h
        if e == h and not _ends_name(keys, done, h):
            continue
        s = _start_of_name(run, keys, out, h, gaz)
        if s == e or _gaz_inside(keys, s, e, h, gaz):
            continue
        seg = set(out[s : e + 1])
        if seg == {"MISC"} or (k in _SOFT_ORG_HEADS and len(seg) == 1 and seg <= {"LOC", "MISC"}):
            continue  # "Olympic Committee", "Islamic Museum": CoNLL's events and buildings
        for i in range(s, e + 1):
            out[i] = "ORG"
            done[i] = True
    for h in range(n):
        k = keys[h]
        if done[h]:
            continue
        if k in LOC_PREFIXES and h + 1 < n and _cap(keys[h + 1]) and keys[h + 1] not in _TRIGGERS:
            s, e = h, h + 1
            while e + 1 < n and _cap(keys[e + 1]) and not done[e + 1] and keys[e + 1] not in ORG_HEADS:
                e += 1
            if (run.all_caps or upper) and "O" in out[s : e + 1]:
                continue
        elif k in LOC_OF_HEADS and h + 2 < n and keys[h + 1] == "of" and _cap(keys[h + 2]):
            s, e = h, h + 2
        elif k in LOC_HEADS and h > 0 and _ends_name(keys, done, h):
            s, e = _start_of_name(run, keys, out, h, gaz), h
            if any(keys[i] in _JOINERS for i in range(s, e)):
                continue  # "Bank of the River": not a place name
            if out[s] == "PER" and not _unknown(keys[s], gaz):
                continue  # "Barry Rivers": a given name, then a surname that looks like a place
        else:
            continue
        if (
            s == e
            or any(done[s : e + 1])
            or _gaz_inside(keys, s, e, h, gaz)
            or set(out[s : e + 1]) == {"MISC"}
        ):
            continue
        for i in range(s, e + 1):
            out[i] = "LOC"
            done[i] = True
    return tuple(out)


def apply_heads_word(word: str, tag: str, prev: str, nxt: str, all_caps: bool, gaz: Gazetteer) -> str:
    """``apply_heads`` for a one-word run (most runs), without building the run.

    Every head rule joins a head word to its neighbours in the run, so a lone word can only be
    retyped by the words around it."""
    if prev in _CONTEXT_PREV:
        return _by_context((word,), prev, nxt, all_caps, (tag,), gaz)[0]
    return tag
