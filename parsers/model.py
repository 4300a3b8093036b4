"""The one document model every part of wiredesk shares.

Every offset anywhere in wiredesk (paragraphs, sentences, entity mentions,
numbers, claims, annotations) is a character offset into ``Article.text``:
the exact text the reader sees.  Nothing here knows about terminals or files.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import MISSING, dataclass, field, fields
from typing import Literal, TypeVar

SpanKind = Literal["headline", "subhead", "dateline", "byline", "body", "quote"]
EntityType = Literal["PERSON", "ORG", "LOC", "MISC", "DATE", "NUMBER"]
ClaimKind = Literal["quote", "paraphrase"]
SourceKind = Literal["named", "organization", "anonymous", "document", "unattributed"]
_Model = TypeVar("_Model", bound=type)


def _stored_by_slots(cls: _Model) -> _Model:
    """Give a frozen, slotted dataclass an ``__init__`` that stores each field through its slot.

    The generated one calls ``object.__setattr__`` per field (a frozen class has to go around its
    own ``__setattr__``): about twice the cost of the slot's own setter.  Extraction makes these
    objects by the hundred thousand per thousand stories (every mention, number, claim), where
    that was 2-3% of the entity pass and a seventh of the claims pass.  Only construction
    changes: same parameters and defaults, instances still frozen (assignment raises), and
    ``dataclasses.replace``, equality, hashing and repr are untouched.  Built from the class's own
    field list, the way ``dataclasses`` builds its ``__init__``; nothing outside this module goes
    into the generated source.
    """
    if "__slots__" not in cls.__dict__ or not cls.__dataclass_params__.frozen:  # type: ignore[attr-defined]
        raise TypeError(f"{cls.__name__}: a frozen dataclass with slots only")
    params: list[str] = []
    body: list[str] = []
    env: dict[str, object] = {}
    for k, f in enumerate(fields(cls)):
        if f.default_factory is not MISSING or not f.init or not f.name.isidentifier():
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields")
        params.append(f.name if f.default is MISSING else f"{f.name}=_default{k}")
        env[f"_default{k}"] = f.default
        env[f"_store{k}"] = getattr(cls, f.name).__set__  # the slot's member descriptor
        body.append(f"    _store{k}(self, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body) + "\n"
    exec(source, env)  # our own field names only, as dataclasses does
    init = env["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]
    return cls


@_stored_by_slots
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of ``Article.text``: ``text[start:end]``."""

    start: int
    end: int
    kind: str = "body"

    def to_json(self) -> dict[str, object]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Meta:
    """What the wire says about a story, as opposed to the story itself."""

    headline: str | None = None
    slug: str | None = None
    dateline_place: str | None = None
    agency: str | None = None
    byline: str | None = None
    # ISO 8601 date or datetime as given by the source, normalised where we can.
    date: str | None = None
    # Priority and version markers: URGENT, FLASH, UPDATE 2, CORRECTED, REFILE …
    markers: tuple[str, ...] = ()
    # Production credits such as Reuters' "(Reporting by …; Editing by …)" tail.
    credits: str | None = None
    language: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "headline": self.headline,
            "slug": self.slug,
            "dateline_place": self.dateline_place,
            "agency": self.agency,
            "byline": self.byline,
            "date": self.date,
            "markers": list(self.markers),
            "credits": self.credits,
            "language": self.language,
        }


@dataclass(frozen=True, slots=True)
class Article:
    """One story, parsed.  ``text`` is headline then paragraphs joined by blank lines."""

    id: str
    source: str
    format: str
    meta: Meta
    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]
    warnings: tuple[str, ...] = ()
    # Lines taken out of the text (site boilerplate, framing) so nothing is silently lost.
    removed: tuple[str, ...] = ()

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_json(self, path: str | None = None) -> dict[str, object]:
        return {
            "path": self.source if path is None else path,
            "format": self.format,
            "id": self.id,
            "meta": self.meta.to_json(),
            "text": self.text,
            "paragraphs": [p.to_json() for p in self.paragraphs],
            "sentences": [s.to_json() for s in self.sentences],
            "warnings": list(self.warnings),
            "removed": list(self.removed),
        }


def article_id(text: str) -> str:
    """A stable id: the same story text gives the same id whatever file it came in.

    Normalised (NFKC, case-folded, whitespace collapsed) so a re-transmission
    that differs only in spacing or quote style keeps its id.
    """
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


# --------------------------------------------------------------------- extraction


@_stored_by_slots
@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int


@_stored_by_slots
@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: str  # one of EntityType
    name: str
    mentions: tuple[Mention, ...]
    roles: tuple[str, ...] = ()
    # DATE entities: the calendar date (ISO) when the story's date lets us resolve it.
    resolved: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "type": self.type,
            "name": self.name,
            "roles": list(self.roles),
            "mentions": [{"start": m.start, "end": m.end} for m in self.mentions],
        }
        if self.resolved is not None:
            out["resolved"] = self.resolved
        return out


@_stored_by_slots
@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in the text, with its hedge ("at least") and what it counts ("people killed")."""

    start: int
    end: int
    value: float
    hedge: str | None = None
    counts: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "hedge": self.hedge,
            "counts": self.counts,
        }


@_stored_by_slots
@dataclass(frozen=True, slots=True)
class ClaimSource:
    text: str | None
    kind: str  # one of SourceKind
    anonymous: bool
    entity: str | None = None
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "entity": self.entity,
            "kind": self.kind,
            "anonymous": self.anonymous,
            "start": self.start,
            "end": self.end,
        }


@_stored_by_slots
@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    kind: str  # one of ClaimKind
    source: ClaimSource
    content: Span
    cue: Span | None = None
    via: ClaimSource | None = None
    hedges: tuple[str, ...] = ()
    numbers: tuple[int, ...] = ()

    def to_json(self, text: str) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "source": self.source.to_json(),
            "via": None if self.via is None else {"text": self.via.text, "anonymous": self.via.anonymous},
            "cue": None
            if self.cue is None
            else {
                "text": text[self.cue.start : self.cue.end],
                "start": self.cue.start,
                "end": self.cue.end,
            },
            "content": {"start": self.content.start, "end": self.content.end},
            "hedges": list(self.hedges),
            "numbers": list(self.numbers),
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one Article."""

    entities: tuple[Entity, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    claims: tuple[Claim, ...] = field(default=())

    def to_json(self, text: str) -> dict[str, object]:
        return {
            "entities": [e.to_json() for e in self.entities],
            "numbers": [n.to_json() for n in self.numbers],
            "claims": [c.to_json(text) for c in self.claims],
        }
