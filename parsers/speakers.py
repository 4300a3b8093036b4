"""Who a source phrase points at: entity by mention, pronoun, surname, role or acronym.

Uses the story's entities when there are any; when there are none (or none
matches) it falls back on what the text itself says: "Pentagon spokesman Pat
Ryder" teaches it that "the Pentagon spokesman" is Ryder, "Islamic State (IS)"
that "IS" is Islamic State.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from parsers.attribution import folded, hedge_runs, is_title, letter_runs
from parsers.model import Entity

_ROLE_NOUNS = (
    r"spokesman|spokeswoman|spokesperson|minister|president|chief|commander|secretary|director|"
    r"ambassador|envoy|governor|mayor|leader|head|chairman|chairwoman|chair|general|official|adviser|"
    r"advisor|prosecutor|CEO|premier|chancellor|negotiator|representative|coordinator|administrator|"
    r"inspector|detective|superintendent|lawyer|attorney|curator|delegate|mediator|envoy|judge"
)
_NAME = r"(?:[A-Z][\w’'-]+\.?\s+){0,4}[A-Z][\w’'-]+"
# "Pentagon spokesman Major General Pat Ryder": role words, then titles and the name.
_ROLE_THEN_NAME = re.compile(
    rf"\b((?:[A-Z][\w’'-]+\s+){{0,3}}(?:[a-z]+\s+){{0,2}}(?i:{_ROLE_NOUNS}))\s+({_NAME})"
)
# "Pat Ryder, the Pentagon spokesman," / "Ryder, a spokesman for …".
_NAME_THEN_ROLE = re.compile(
    rf"\b({_NAME}),\s+(?:the|a|an|its|his|her)\s+((?:[\w’'-]+\s+){{0,4}}?(?:{_ROLE_NOUNS}))\b"
)
_THEN_CAPITAL = re.compile(r"\s+[A-Z]")
_ROLE_WORD = re.compile(rf"\b(?i:{_ROLE_NOUNS})\b")
_ROLE_WORD_LOW = re.compile(rf"\b(?:{_ROLE_NOUNS.lower()})\b")  # over folded text: same hits, 4x faster
# Where a role noun can start in lower-cased ``letter_runs``: after a space (any non-letter).
# Opening with a literal, the pattern is scanned for at memchr speed, where \b costs a Unicode
# lookup at every character.
_ROLE_START = re.compile(b" (?:" + _ROLE_NOUNS.lower().encode("ascii") + b")")
_ACRONYM = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){1,6}?(?:[A-Z][\w’'-]+))\s+\(([A-Z]{2,8})\)")
_LEAD = re.compile(r"^(?:(?:But|And|The|A|An|Then|Now|Also|While|As|When|After|However)\s+)+")
_STOP = frozenset(["the", "a", "an", "of", "for", "to", "in", "at", "on", "'s", "’s"])


def role_key(phrase: str) -> tuple[str, ...]:
    """Words of a role, lower-case, without determiners: 'The Pentagon's spokesman' → (pentagon, spokesman)."""
    words = re.findall(r"[\w-]+", phrase.lower().replace("’s", "").replace("'s", ""))
    return tuple(w for w in words if w not in _STOP)


def _role_matches(ref: tuple[str, ...], role: tuple[str, ...]) -> bool:
    return bool(ref) and bool(role) and ref[-1] == role[-1] and set(ref) <= set(role)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A source pointed at: the entity id (if any) and the best written name with its span."""

    entity: Entity | None
    text: str | None = None
    start: int | None = None
    end: int | None = None


class SpeakerIndex:
    """Per-story lookup tables; built once, queried for every claim."""

    def __init__(self, text: str, entities: tuple[Entity, ...], low_runs: bytes | None = None) -> None:
        """``low_runs`` is ``hedge_runs(text, letter_runs(text))`` when the caller has it."""
        self.text = text
        self.entities = entities
        self._low_runs = low_runs
        # Sorted by (start, end), ties in entity order: the entity's index settles every tie
        # (a repeated mention gives two equal tuples), so no sort key is needed.
        spans = [
            (m.start, m.end, i, ent)
            for i, ent in enumerate(entities)
            if ent.type not in ("DATE", "NUMBER")
            for m in ent.mentions
        ]
        spans.sort()
        self._spans = spans
        self._starts = [s for s, _, _, _ in spans]
        # No mention is longer than this: spans starting this far before a phrase cannot reach it.
        self._longest = max([e - s for s, e, _, _ in spans], default=0)
        # Built on first use: only pronoun sources need the people in text order.
        self._persons: list[tuple[int, int, Entity]] | None = None
        self._person_starts: list[int] = []
        self._text_roles: list[tuple[tuple[str, ...], int, int]] | None = None
        self._acronyms: dict[str, tuple[int, int]] | None = None

    # ------------------------------------------------------------ entities
    def overlapping(self, start: int, end: int) -> Entity | None:
        """The entity with the longest mention overlapping text[start:end] (people first)."""
        starts = self._starts
        hi = bisect.bisect_left(starts, end)  # the spans before hi start before end
        first = bisect.bisect_right(starts, start - self._longest)
        if first < hi - 64:
            first = hi - 64
        best: Entity | None = None
        best_score = -1  # below every score: the first overlapping span is taken
        for s, e, _, ent in self._spans[first:hi]:
            if e <= start:
                continue
            score = (e - s) + (1000 if ent.type == "PERSON" else 500 if ent.type == "ORG" else 0)
            if score > best_score:  # the first of equal scores wins
                best, best_score = ent, score
        return best

    def last_person(self, pos: int, skip: list[tuple[int, int]] | None = None) -> Entity | None:
        """The last PERSON mentioned before pos, outside the given spans (quotes)."""
        persons = self._persons
        if persons is None:
            persons = sorted(
                (m.start, m.end, e) for e in self.entities if e.type == "PERSON" for m in e.mentions
            )
            self._persons = persons
            self._person_starts = [p[0] for p in persons]
        i = bisect.bisect_left(self._person_starts, pos)
        while i > 0:
            i -= 1
            s, e, ent = persons[i]
            if e > pos:
                continue
            if skip and any(a <= s < b for a, b in skip):
                continue
            return ent
        return None

    def by_id(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def last_org(self, pos: int) -> Entity | None:
        """The organisation mentioned last before pos."""
        best: tuple[int, Entity] | None = None
        for s, _e, _, ent in self._spans[: bisect.bisect_left(self._starts, pos)]:
            if ent.type == "ORG" and (best is None or s > best[0]):
                best = (s, ent)
        return None if best is None else best[1]

    def last_org_named(self, head: str, pos: int) -> Entity | None:
        """The organisation whose name holds ``head`` ('ministry' → Ministry of Water), last before pos."""
        best: tuple[int, Entity] | None = None
        for s, _e, _, ent in self._spans[: bisect.bisect_left(self._starts, pos)]:
            if ent.type == "ORG" and head in ent.name.lower().split() and (best is None or s > best[0]):
                best = (s, ent)
        return None if best is None else best[1]

    def by_surname(self, word: str) -> Entity | None:
        w = word.lower()
        for ent in self.entities:
            if ent.type == "PERSON" and ent.name.lower().split()[-1:] == [w]:
                return ent
        return None

    def by_role(self, phrase: str, pos: int) -> Entity | None:
        """The entity holding a role ('the Pentagon spokesman'), preferring one mentioned before pos."""
        ref = role_key(phrase)
        found: list[Entity] = [
            e for e in self.entities if any(_role_matches(ref, role_key(r)) for r in e.roles)
        ]
        if not found:
            return None
        before = [e for e in found if any(m.start < pos for m in e.mentions)]
        pool = before or found
        return max(pool, key=lambda e: max((m.start for m in e.mentions if m.start < pos), default=-1))

    # ------------------------------------------------------------ text fallbacks
    def text_role(self, phrase: str, pos: int) -> tuple[int, int] | None:
        """Span of the name the text gave for a role before pos, when no entity holds it."""
        if self._text_roles is None:
            self._text_roles = self._build_roles()
        ref = role_key(phrase)
        hit: tuple[int, int] | None = None
        for role, s, e in self._text_roles:
            if s < pos and _role_matches(ref, role):
                hit = (s, e)
        return hit

    def _build_roles(self) -> list[tuple[tuple[str, ...], int, int]]:
        """Role → name pairs the text states.  Anchored on the role nouns themselves: the
        two patterns run only at those few places, not at every word of the story."""
        out: list[tuple[tuple[str, ...], int, int]] = []
        text = self.text
        for hit in _role_words(text, self._low_runs):
            lo = max(0, hit.start() - 80)
            # Each pattern needs what most role words lack, checked first: a name's capital
            # right after the role ("spokesman Pat Ryder"), a comma before it ("Pat Ryder, the
            # spokesman": the comma comes before the role phrase, which ends with this word).
            if _THEN_CAPITAL.match(text, hit.end()):
                m = _ROLE_THEN_NAME.search(text, lo, min(len(text), hit.end() + 80))
                while m is not None and m.start() < hit.end():
                    if m.end(1) == hit.end():
                        s, e = _strip_titles(text, m.start(2), m.end(2))
                        if s < e:
                            out.append((role_key(_LEAD.sub("", m.group(1))), s, e))
                        break
                    m = _ROLE_THEN_NAME.search(text, m.start() + 1, min(len(text), hit.end() + 80))
            if text.find(",", lo, hit.start()) < 0:
                continue
            back = _NAME_THEN_ROLE.search(text, lo, hit.end())
            if back is not None and back.end(2) == hit.end():
                s, e = _strip_titles(text, back.start(1), back.end(1))
                if s < e:
                    out.append((role_key(back.group(2)), s, e))
        out.sort(key=lambda r: r[1])
        return out

    def acronym(self, word: str) -> tuple[int, int] | None:
        """Span of the long form the text defined for an acronym: 'Islamic State (IS)'."""
        if self._acronyms is None:
            self._acronyms = {}
            for m in _ACRONYM.finditer(self.text):
                lead = _LEAD.match(m.group(1))
                long_s = m.start(1) + (len(lead.group(0)) if lead else 0)
                self._acronyms.setdefault(m.group(2), (long_s, m.end(1)))
        return self._acronyms.get(word)


def _role_words(text: str, low_runs: bytes | None = None) -> list[re.Match[str]]:
    """The role nouns of ``text`` as whole words, in order (what ``_ROLE_WORD`` finds).

    Over folded text ``_ROLE_WORD_LOW`` finds the same, and is tried only where the
    lower-cased letter runs (``hedge_runs``; ``low_runs`` when the caller has them) show a
    role noun starting (``_ROLE_START``, or the text's start): a role word is a whole word, so
    it starts a letter run.
    """
    low = folded(text)
    if low is None:
        return list(_ROLE_WORD.finditer(text))
    if low_runs is None:
        low_runs = hedge_runs(text, letter_runs(text))
    if low_runs is None:  # the Kelvin sign lower-cases to "k" but is no letter in the runs
        return list(_ROLE_WORD_LOW.finditer(low))
    # Role words are whole words, so no two overlap: each place is tried on its own.
    hits = []
    for p in [0, *(c.start() + 1 for c in _ROLE_START.finditer(low_runs))]:
        m = _ROLE_WORD_LOW.match(low, p)
        if m is not None:
            hits.append(m)
    return hits


def _strip_titles(text: str, start: int, end: int) -> tuple[int, int]:
    """'Major General Pat Ryder' → 'Pat Ryder' (titles are not the name)."""
    words = list(re.finditer(r"\S+", text[start:end]))
    k = 0
    while k < len(words) - 1 and is_title(words[k].group(0)):
        k += 1
    return start + words[k].start(), end
