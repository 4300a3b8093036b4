"""The notebook's data: annotations, anchors, grades, corrections and story status.

The JSON form is the on-disk contract (``"schema": "wiredesk.notebook/1"``): keys are always
written in the same order and the file is pretty-printed, so a team can keep a notebook in git and
read the diffs.  Reading is strict: a file of the wrong shape is refused with a one-line reason
naming the offending field, never half-loaded (a half-loaded notebook saved back would lose work).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, cast

SCHEMA = "wiredesk.notebook/1"

TargetKind = Literal["sentence", "paragraph", "span", "entity", "claim"]
TARGET_KINDS: tuple[TargetKind, ...] = ("sentence", "paragraph", "span", "entity", "claim")
Status = Literal["unread", "read", "flagged", "done"]
STATUSES: tuple[Status, ...] = ("unread", "read", "flagged", "done")
CorrectionOp = Literal["retype", "merge", "split", "dismiss", "add_entity", "set_source"]
CORRECTION_OPS: tuple[CorrectionOp, ...] = ("retype", "merge", "split", "dismiss", "add_entity", "set_source")
# Admiralty code: source reliability A (reliable) … F (cannot be judged); credibility 1 … 6.
RELIABILITY = ("A", "B", "C", "D", "E", "F")
CREDIBILITY = (1, 2, 3, 4, 5, 6)
# Text-anchored kinds must carry an anchor; entity and claim targets are found by id or name.
_ANCHORED: frozenset[str] = frozenset({"sentence", "paragraph", "span"})


class NotebookFormatError(ValueError):
    """The notebook JSON has the wrong schema or shape; ``str(err)`` is one line naming the field."""


def now_iso() -> str:
    """UTC timestamp with milliseconds: sortable as text and readable in a diff."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id() -> str:
    return uuid.uuid4().hex[:16]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation sits: offsets into ``Article.text`` plus a quote selector to re-find it."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
        }


@dataclass(frozen=True, slots=True)
class Grade:
    """Admiralty grade: source reliability A–F and information credibility 1–6 (either may be unset)."""

    reliability: str | None = None
    credibility: int | None = None

    @property
    def code(self) -> str:
        """ "B2", "B", "2" or "" — the form analysts write."""
        return f"{self.reliability or ''}{self.credibility or ''}"

    def to_json(self) -> dict[str, object]:
        return {"reliability": self.reliability, "credibility": self.credibility}


@dataclass(frozen=True, slots=True)
class Target:
    """What is annotated.  ``ref`` is the entity/claim id; ``text`` its name or content, to re-find it
    when a re-extraction hands out different ids."""

    kind: str  # one of TargetKind
    ref: str | None = None
    text: str | None = None

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind, "ref": self.ref, "text": self.text}


@dataclass(frozen=True, slots=True)
class Correction:
    """A fix to the extraction, applied on top of it wherever the story is shown or exported.

    - ``retype``: the target entity gets ``type``.
    - ``merge``: the entities ``others`` (ids or names) fold into the target entity.
    - ``split``: the target entity's mentions at ``mentions`` (offsets) — or, with none given, those
      reading ``name`` — become a new entity ``name`` of ``type`` (default: the old type).
    - ``dismiss``: the target entity or claim is dropped (a false positive).
    - ``add_entity``: the annotation's anchor (a selection) is a missed entity ``name``/``type``.
    - ``set_source``: the target claim's source becomes ``source_text`` (``source_entity``,
      ``source_kind`` optional).
    """

    op: str  # one of CorrectionOp
    type: str | None = None
    name: str | None = None
    others: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    source_text: str | None = None
    source_kind: str | None = None
    source_entity: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "op": self.op,
            "type": self.type,
            "name": self.name,
            "others": list(self.others),
            "mentions": [[s, e] for s, e in self.mentions],
            "source_text": self.source_text,
            "source_kind": self.source_kind,
            "source_entity": self.source_entity,
        }


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    story_id: str
    target: Target
    anchor: Anchor | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    grade: Grade | None = None
    created: str = ""
    updated: str = ""
    correction: Correction | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "story_id": self.story_id,
            "target": self.target.to_json(),
            "anchor": None if self.anchor is None else self.anchor.to_json(),
            "tags": list(self.tags),
            "note": self.note,
            "grade": None if self.grade is None else self.grade.to_json(),
            "correction": None if self.correction is None else self.correction.to_json(),
            "created": self.created,
            "updated": self.updated,
        }


@dataclass(frozen=True, slots=True)
class StoryState:
    story_id: str
    source: str = ""
    headline: str = ""
    status: str = "unread"  # one of Status

    def to_json(self) -> dict[str, object]:
        return {
            "story_id": self.story_id,
            "source": self.source,
            "headline": self.headline,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class Notebook:
    stories: tuple[StoryState, ...] = ()
    annotations: tuple[Annotation, ...] = field(default=())
    schema: str = SCHEMA

    def to_json(self) -> dict[str, object]:
        return {
            "schema": self.schema,
            "stories": [s.to_json() for s in self.stories],
            "annotations": [a.to_json() for a in self.annotations],
        }

    def story(self, story_id: str) -> StoryState | None:
        return next((s for s in self.stories if s.story_id == story_id), None)

    def for_story(self, story_id: str) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if a.story_id == story_id)


def new_annotation(
    story_id: str,
    target: Target,
    anchor: Anchor | None = None,
    *,
    tags: tuple[str, ...] = (),
    note: str = "",
    grade: Grade | None = None,
    correction: Correction | None = None,
) -> Annotation:
    """A fresh annotation with a new id and both timestamps set to now (validated)."""
    stamp = now_iso()
    ann = Annotation(
        id=new_id(),
        story_id=story_id,
        target=target,
        anchor=anchor,
        tags=tags,
        note=note,
        grade=grade,
        created=stamp,
        updated=stamp,
        correction=correction,
    )
    annotation_from_json(ann.to_json())  # the same rules as a file read: no invalid object gets saved
    return ann


# ------------------------------------------------------------------------------------ reading
# Each check takes the path of the object (``annotations[3].grade``) and the field name, and only
# joins them when it fails: a 10,000-annotation notebook would otherwise format 100,000 paths.


def _fail(where: str, what: str) -> NotebookFormatError:
    return NotebookFormatError(f"{where}: {what}")


def _at(where: str, key: str) -> str:
    return f"{where}.{key}" if key else where


def _obj(value: object, where: str, keys: frozenset[str], order: tuple[str, ...]) -> dict[str, object]:
    if not isinstance(value, dict):
        raise _fail(where, f"expected an object, got {type(value).__name__}")
    if value.keys() != keys:
        missing = [k for k in order if k not in value]
        if missing:
            raise _fail(where, f"missing field {missing[0]!r}")
        extra = sorted(str(k) for k in value if k not in keys)
        raise _fail(where, f"unknown field {extra[0]!r}")
    return cast(dict[str, object], value)


def _keys(*names: str) -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(names), names


def _opt_str(value: object, where: str, key: str) -> str | None:
    if value is None or type(value) is str:
        return value
    raise _fail(_at(where, key), f"expected a string or null, got {type(value).__name__}")


def _req_str(value: object, where: str, key: str = "") -> str:
    if type(value) is str:
        return value
    raise _fail(_at(where, key), f"expected a string, got {type(value).__name__}")


def _int(value: object, where: str, key: str = "") -> int:
    # type() is int: bool is an int in Python, not in a notebook.
    if type(value) is int:
        return value
    raise _fail(_at(where, key), f"expected an integer, got {type(value).__name__}")


def _choice(value: object, where: str, key: str, options: tuple[str, ...]) -> str:
    text = _req_str(value, where, key)
    if text not in options:
        raise _fail(_at(where, key), f"expected one of {', '.join(options)}, got {text!r}")
    return text


def _list(value: object, where: str, key: str = "") -> list[object]:
    if type(value) is list:
        return value
    raise _fail(_at(where, key), f"expected a list, got {type(value).__name__}")


def _strs(value: object, where: str, key: str) -> tuple[str, ...]:
    items = _list(value, where, key)
    for i, item in enumerate(items):
        if type(item) is not str:
            raise _fail(f"{_at(where, key)}[{i}]", f"expected a string, got {type(item).__name__}")
    return tuple(cast(list[str], items))


_ANCHOR = _keys("start", "end", "exact", "prefix", "suffix")


def _anchor(value: object, where: str) -> Anchor:
    d = _obj(value, where, *_ANCHOR)
    start, end = _int(d["start"], where, "start"), _int(d["end"], where, "end")
    if not 0 <= start <= end:
        raise _fail(where, f"bad offsets {start}..{end}")
    return Anchor(
        start,
        end,
        _req_str(d["exact"], where, "exact"),
        _req_str(d["prefix"], where, "prefix"),
        _req_str(d["suffix"], where, "suffix"),
    )


_GRADE = _keys("reliability", "credibility")


def _grade(value: object, where: str) -> Grade:
    d = _obj(value, where, *_GRADE)
    rel, cred = d["reliability"], d["credibility"]
    if not (rel is None or (type(rel) is str and rel in RELIABILITY)):
        raise _fail(f"{where}.reliability", f"expected one of A–F or null, got {rel!r}")
    if not (cred is None or (type(cred) is int and cred in CREDIBILITY)):
        raise _fail(f"{where}.credibility", f"expected 1–6 or null, got {cred!r}")
    return Grade(rel, cred)


_TARGET = _keys("kind", "ref", "text")


def _target(value: object, where: str) -> Target:
    d = _obj(value, where, *_TARGET)
    return Target(
        _choice(d["kind"], where, "kind", TARGET_KINDS),
        _opt_str(d["ref"], where, "ref"),
        _opt_str(d["text"], where, "text"),
    )


_CORRECTION = _keys("op", "type", "name", "others", "mentions", "source_text", "source_kind", "source_entity")


def _correction(value: object, where: str) -> Correction:
    d = _obj(value, where, *_CORRECTION)
    mentions: list[tuple[int, int]] = []
    for i, m in enumerate(_list(d["mentions"], where, "mentions")):
        at = f"{where}.mentions[{i}]"
        pair = _list(m, at)
        if len(pair) != 2:
            raise _fail(at, "expected [start, end]")
        mentions.append((_int(pair[0], at), _int(pair[1], at)))
    return Correction(
        op=_choice(d["op"], where, "op", CORRECTION_OPS),
        type=_opt_str(d["type"], where, "type"),
        name=_opt_str(d["name"], where, "name"),
        others=_strs(d["others"], where, "others"),
        mentions=tuple(mentions),
        source_text=_opt_str(d["source_text"], where, "source_text"),
        source_kind=_opt_str(d["source_kind"], where, "source_kind"),
        source_entity=_opt_str(d["source_entity"], where, "source_entity"),
    )


_ANNOTATION = _keys(
    "id", "story_id", "target", "anchor", "tags", "note", "grade", "correction", "created", "updated"
)


def annotation_from_json(value: object, where: str = "annotation") -> Annotation:
    d = _obj(value, where, *_ANNOTATION)
    target = _target(d["target"], f"{where}.target")
    anchor = None if d["anchor"] is None else _anchor(d["anchor"], f"{where}.anchor")
    if anchor is None and target.kind in _ANCHORED:
        raise _fail(f"{where}.anchor", f"a {target.kind} annotation needs an anchor")
    if target.kind in ("entity", "claim") and target.ref is None and target.text is None:
        raise _fail(f"{where}.target", f"a {target.kind} annotation needs a ref or text")
    ann_id = _req_str(d["id"], where, "id")
    if not ann_id:
        raise _fail(f"{where}.id", "empty id")
    return Annotation(
        id=ann_id,
        story_id=_req_str(d["story_id"], where, "story_id"),
        target=target,
        anchor=anchor,
        tags=_strs(d["tags"], where, "tags"),
        note=_req_str(d["note"], where, "note"),
        grade=None if d["grade"] is None else _grade(d["grade"], f"{where}.grade"),
        correction=None if d["correction"] is None else _correction(d["correction"], f"{where}.correction"),
        created=_req_str(d["created"], where, "created"),
        updated=_req_str(d["updated"], where, "updated"),
    )


_STORY = _keys("story_id", "source", "headline", "status")


def story_from_json(value: object, where: str = "story") -> StoryState:
    d = _obj(value, where, *_STORY)
    return StoryState(
        story_id=_req_str(d["story_id"], where, "story_id"),
        source=_req_str(d["source"], where, "source"),
        headline=_req_str(d["headline"], where, "headline"),
        status=_choice(d["status"], where, "status", STATUSES),
    )


_NOTEBOOK = _keys("schema", "stories", "annotations")


def notebook_from_json(value: object) -> Notebook:
    """A Notebook from parsed JSON; raises NotebookFormatError with a one-line reason."""
    if not isinstance(value, dict):
        raise _fail("notebook", f"expected a JSON object, got {type(value).__name__}")
    schema = value.get("schema")
    if schema != SCHEMA:
        raise _fail("schema", f"expected {SCHEMA!r}, got {schema!r}")
    d = _obj(value, "notebook", *_NOTEBOOK)
    stories = tuple(story_from_json(s, f"stories[{i}]") for i, s in enumerate(_list(d["stories"], "stories")))
    anns = tuple(
        annotation_from_json(a, f"annotations[{i}]")
        for i, a in enumerate(_list(d["annotations"], "annotations"))
    )
    seen: set[str] = set()
    for i, a in enumerate(anns):
        if a.id in seen:
            raise _fail(f"annotations[{i}].id", f"duplicate id {a.id!r}")
        seen.add(a.id)
    story_ids: set[str] = set()
    for i, s in enumerate(stories):
        if s.story_id in story_ids:
            raise _fail(f"stories[{i}].story_id", f"duplicate story {s.story_id!r}")
        story_ids.add(s.story_id)
    return Notebook(stories=stories, annotations=anns)
