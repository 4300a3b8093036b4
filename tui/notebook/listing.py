"""The notes view's data: one row per annotation, and the filter (tag, grade, words) it types.

Kept out of the screen so the filter is tested headless and the export could reuse it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from tui.notebook.resolve import Resolved


@dataclass(frozen=True, slots=True)
class NoteRow:
    annotation_id: str
    story_id: str
    headline: str
    kind: str
    tags: tuple[str, ...]
    grade: str  # "B2", "B", "2" or ""
    quote: str
    note: str
    orphan: bool
    start: int | None = None  # where to jump in the story


def note_rows(items: Iterable[Resolved], headlines: Mapping[str, str] | None = None) -> tuple[NoteRow, ...]:
    heads = headlines or {}
    out = []
    for item in items:
        ann = item.annotation
        kind = ann.target.kind if ann.correction is None else f"fix:{ann.correction.op}"
        out.append(
            NoteRow(
                annotation_id=ann.id,
                story_id=ann.story_id,
                headline=heads.get(ann.story_id, ""),
                kind=kind,
                tags=ann.tags,
                grade="" if ann.grade is None else ann.grade.code,
                quote=item.text,
                note=ann.note,
                orphan=item.orphan,
                start=item.start,
            )
        )
    return tuple(out)


def _matches(row: NoteRow, token: str) -> bool:
    low = token.casefold()
    if low.startswith("#") or low.startswith("tag:"):
        want = low.split(":", 1)[1] if low.startswith("tag:") else low[1:]
        return any(t.casefold() == want for t in row.tags) if want else bool(row.tags)
    if low.startswith("grade:"):
        want = token.split(":", 1)[1].upper()
        if not want:
            return bool(row.grade)
        if len(want) == 2:
            return row.grade == want
        return want in row.grade
    if low in ("is:orphan", "orphan:yes"):
        return row.orphan
    if low.startswith("kind:"):
        return row.kind.startswith(low[5:])
    return any(low in field.casefold() for field in (row.quote, row.note, row.headline, *row.tags))


def filter_rows(rows: Sequence[NoteRow], query: str, story_id: str | None = None) -> tuple[NoteRow, ...]:
    """Rows of ``story_id`` (or all) matching every token: ``#tag`` / ``tag:x``, ``grade:B`` /
    ``grade:2`` / ``grade:B2``, ``kind:claim``, ``is:orphan``, or words found in quote, note or headline."""
    tokens = query.split()
    return tuple(
        r
        for r in rows
        if (story_id is None or r.story_id == story_id) and all(_matches(r, t) for t in tokens)
    )
