"""Roles: the titles and descriptions a story gives a person or an organization.

Two places say who someone is: the title chain right before the name
("Pentagon spokesman Major General Pat Ryder" → "Pentagon spokesman",
"Major General") and an apposition beside it ("the deputy commander of
operations for Baghdad, Mushtaq Talib al-Saidi"; "Ryder, the Pentagon
spokesman,").  Title words are never part of the PERSON span.
"""

from __future__ import annotations

import re

from parsers.ner.gazetteer import Gazetteer

ROLE_NOUNS = frozenset(
    [
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "minister",
        "president",
        "commander",
        "chief",
        "head",
        "leader",
        "official",
        "officer",
        "envoy",
        "ambassador",
        "director",
        "secretary",
        "general",
        "chairman",
        "chairwoman",
        "founder",
        "governor",
        "mayor",
        "adviser",
        "advisor",
        "analyst",
        "correspondent",
        "reporter",
        "editor",
        "prosecutor",
        "judge",
        "lawyer",
        "attorney",
        "coach",
        "captain",
        "manager",
        "striker",
        "ceo",
        "executive",
        "economist",
        "researcher",
        "professor",
        "lawmaker",
        "senator",
        "candidate",
        "activist",
        "negotiator",
        "representative",
        "delegate",
        "coordinator",
        "expert",
        "premier",
        "chancellor",
        "king",
        "queen",
        "prince",
        "emir",
        "cleric",
        "imam",
        "commissioner",
        "inspector",
        "colonel",
        "major",
        "lieutenant",
        "sergeant",
        "admiral",
        "marshal",
        "colonel",
        "brigadier",
        "dean",
        "rector",
    ]
)
# Lower-case words that may qualify a role inside a title chain.
ROLE_MODIFIERS = frozenset(
    [
        "deputy",
        "vice",
        "acting",
        "former",
        "senior",
        "top",
        "chief",
        "foreign",
        "defence",
        "defense",
        "interior",
        "security",
        "military",
        "police",
        "army",
        "navy",
        "air",
        "national",
        "regional",
        "local",
        "state",
        "federal",
        "prime",
        "assistant",
        "associate",
        "executive",
        "general",
        "special",
        "opposition",
        "ruling",
        "party",
        "government",
        "presidential",
    ]
)
ORG_DESCRIPTORS_RE = re.compile(
    r"(?:(?:terrorist|jihadist|militant|extremist|armed|rebel|Islamist|paramilitary|opposition|political)\s+)+"
    r"(?:group|organi[sz]ation|movement|faction|militia|party|alliance)\s+\Z"
)
_ROLE_ALT = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_PHRASE = rf"(?:[\w’'-]+\s+){{0,4}}?(?:{_ROLE_ALT})(?:\s+(?:of|for|at|in|to|on)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)*"
APPOS_AFTER_RE = re.compile(rf"[ \t]*,[ \t]+(?:the|a|an|an?\s+former)\s+({_PHRASE})[ \t]*(?=[,.;:)”\"]|\Z)")
APPOS_BEFORE_RE = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+({_PHRASE}),\s*[”\"“]?\Z")
_STRIP_BEFORE = "\"'“‘(«[—–"
_DESCRIPTOR_HEADS = frozenset(
    {"group", "organisation", "organization", "movement", "faction", "militia", "party", "alliance"}
)


# Everything up to the last space, newline or tab: greedy, so it runs to the end and steps back over
# one word, whatever the length of the text before it.  One call instead of an rfind per separator.
_UP_TO_LAST_SEP = re.compile(r".*[ \n\t]", re.DOTALL)


def word_before(text: str, pos: int) -> tuple[str, int]:
    """The word ending at ``pos`` (no spaces skipped) and where it starts; ("", pos) when none."""
    sep = _UP_TO_LAST_SEP.match(text, 0, pos)
    word = text[sep.end() if sep else 0 : pos]
    stripped = word.lstrip(_STRIP_BEFORE)
    return stripped, pos - len(stripped)


def title_chain(text: str, start: int, entity_ends: dict[int, int], gaz: Gazetteer) -> list[str]:
    """Roles from the words right before a PERSON mention, split where one title ends.

    ``entity_ends`` maps the end offset of every name in the story to its start, so a name inside
    the chain ("Pentagon spokesman") is taken whole.
    """
    chain: list[str] = []
    pos = start
    while pos > 0:
        j = pos
        while j > 0 and text[j - 1] in " \t":
            j -= 1
        if j == pos:
            break
        ent_start = entity_ends.get(j)
        if ent_start is not None and ent_start < j:
            chain.insert(0, text[ent_start:j])
            pos = ent_start
            continue
        word, wstart = word_before(text, j)
        if not word:
            break
        low = word.lower()
        if low in gaz.titles or low.rstrip(".") in gaz.titles or low in ROLE_NOUNS or low in ROLE_MODIFIERS:
            chain.insert(0, word)
            pos = wstart
            continue
        break
    if not chain:
        return []  # most names have no title before them
    # Drop leading words that do not describe anyone ("But", "The").
    while chain and chain[0].lower() in ("but", "the", "and", "a", "an"):
        chain.pop(0)
    return _split_roles(chain, gaz)


def _split_roles(chain: list[str], gaz: Gazetteer) -> list[str]:
    roles: list[str] = []
    cur: list[str] = []
    for i, word in enumerate(chain):
        cur.append(word)
        nxt = chain[i + 1] if i + 1 < len(chain) else ""
        # A lower-case role noun followed by a capitalized title ends a role: "spokesman | Major General".
        if word.islower() and word in ROLE_NOUNS and nxt[:1].isupper():
            roles.append(" ".join(cur))
            cur = []
    if cur and any(w.lower() in gaz.titles or w.lower() in ROLE_NOUNS for w in cur):
        roles.append(" ".join(cur))
    return [
        r
        for r in roles
        if any(w.lower().rstrip(".") in gaz.titles or w.lower() in ROLE_NOUNS for w in r.split())
    ]


def appositions(text: str, start: int, end: int) -> list[str]:
    out: list[str] = []
    m = APPOS_AFTER_RE.match(text, end, min(len(text), end + 160))
    if m:
        out.append(m.group(1))
    j = start
    while j > 0 and text[j - 1] in ' \t"“”':
        j -= 1
    if j > 0 and text[j - 1] == ",":
        b = APPOS_BEFORE_RE.search(text, max(0, start - 160), start)
        if b:
            out.append(b.group(1))
    return out


def org_descriptor(text: str, start: int) -> str | None:
    """ "terrorist group Islamic State" → "terrorist group"."""
    j = start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    word, _ = word_before(text, j)
    if word.lower() not in _DESCRIPTOR_HEADS:
        return None
    m = ORG_DESCRIPTORS_RE.search(text, max(0, start - 60), start)
    return m.group().strip() if m else None
