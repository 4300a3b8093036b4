"""Roles: the titles and descriptions a story gives a person or an organization.

Two places say who someone is: the title chain right before the name
("Pentagon spokesman Major General Pat Ryder" → "Pentagon spokesman",
"Major General") and an apposition beside it ("the deputy commander of
operations for Baghdad, Mushtaq Talib al-Saidi"; "Ryder, the Pentagon
spokesman,").  Title words are never part of the PERSON span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from parsers.ner.gazetteer import Gazetteer

ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson minister president commander chief head leader official officer
    envoy ambassador director secretary general chairman chairwoman founder governor mayor adviser advisor
    analyst correspondent reporter editor prosecutor judge lawyer attorney coach captain manager striker
    ceo executive economist researcher professor lawmaker senator candidate activist negotiator
    representative delegate coordinator expert premier chancellor king queen prince emir cleric imam
    commissioner inspector colonel major lieutenant sergeant admiral marshal colonel brigadier dean rector""".split()
)
# Lower-case words that may qualify a role inside a title chain.
ROLE_MODIFIERS = frozenset(
    """deputy vice acting former senior top chief foreign defence defense interior security military police
    army navy air national regional local state federal prime assistant associate executive general special
    opposition ruling party government presidential""".split()
)
ORG_DESCRIPTORS_RE = re.compile(
    r"(?:(?:terrorist|jihadist|militant|extremist|armed|rebel|Islamist|paramilitary|opposition|political)\s+)+"
    r"(?:group|organi[sz]ation|movement|faction|militia|party|alliance)\s+\Z"
)
_ROLE_ALT = "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
_PHRASE = rf"(?:[\w’'-]+\s+){{0,4}}?(?:{_ROLE_ALT})(?:\s+(?:of|for|at|in|to|on)\s+(?:the\s+)?[\w’'-]+(?:\s+[A-Z][\w’'-]*)*)*"
APPOS_AFTER_RE = re.compile(rf"[ \t]*,[ \t]+(?:the|a|an|an?\s+former)\s+({_PHRASE})[ \t]*(?=[,.;:)”\"]|\Z)")
APPOS_BEFORE_RE = re.compile(rf"\b(?:[Tt]he|[Aa]n?)\s+({_PHRASE}),\s*[”\"“]?\Z")
_CHAIN_TOKEN_RE = re.compile(r"[\w’'.-]+[ \t]*\Z")


def title_chain(text: str, start: int, entity_spans: Sequence[tuple[int, int]], gaz: Gazetteer) -> list[str]:
    """Roles from the words right before a PERSON mention, split where one title ends."""
    chain: list[str] = []
    pos = start
    lo = max(0, start - 120)
    spans = sorted(entity_spans)
    while pos > lo:
        m = _CHAIN_TOKEN_RE.search(text, lo, pos)
        if m is None or m.end() != pos:
            break
        word = m.group().rstrip()
        low = word.lower()
        covering = next((s for s in spans if s[0] <= m.start() < s[1] and s[1] <= start), None)
        if covering is not None:
            word = text[covering[0] : covering[1]]
            chain.insert(0, word)
            pos = covering[0]
            continue
        if low in gaz.titles or low.rstrip(".") in ROLE_NOUNS or (low in ROLE_MODIFIERS and word.islower()):
            chain.insert(0, word)
            pos = m.start()
            continue
        if word[:1].isupper() and low in ROLE_MODIFIERS:
            chain.insert(0, word)
            pos = m.start()
            continue
        break
    # Drop leading words that do not describe anyone ("But", "The").
    while chain and chain[0].lower() not in gaz.titles and chain[0].lower() in ("but", "the", "and", "a", "an"):
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
    return [r for r in roles if any(w.lower().rstrip(".") in gaz.titles or w.lower() in ROLE_NOUNS for w in r.split())]


def appositions(text: str, start: int, end: int) -> list[str]:
    out: list[str] = []
    m = APPOS_AFTER_RE.match(text, end, min(len(text), end + 160))
    if m:
        out.append(m.group(1))
    b = APPOS_BEFORE_RE.search(text, max(0, start - 160), start)
    if b:
        out.append(b.group(1))
    return out


def org_descriptor(text: str, start: int) -> str | None:
    m = ORG_DESCRIPTORS_RE.search(text, max(0, start - 60), start)
    return m.group().strip() if m else None
