"""Small pure helpers the desk's keys need: find the annotation under the cursor, toggle a tag.

Each returns new frozen objects; the desk hands them to ``NotebookStore.add``/``update``/``remove``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from parsers.model import Article
from tui.notebook.anchor import make_anchor
from tui.notebook.model import Annotation, Grade, Target, new_annotation


def annotation_at(
    annotations: Iterable[Annotation],
    kind: str,
    start: int | None = None,
    end: int | None = None,
    ref: str | None = None,
) -> Annotation | None:
    """The plain (non-correction) annotation on this target: same kind and ref, or same anchor offsets."""
    for ann in annotations:
        if ann.correction is not None or ann.target.kind != kind:
            continue
        if ref is not None and ann.target.ref == ref:
            return ann
        if ref is None and ann.anchor is not None and (ann.anchor.start, ann.anchor.end) == (start, end):
            return ann
    return None


def annotate(
    article: Article,
    kind: str,
    start: int,
    end: int,
    *,
    ref: str | None = None,
    name: str | None = None,
    tags: tuple[str, ...] = (),
    note: str = "",
    grade: Grade | None = None,
) -> Annotation:
    """A new annotation on ``article.text[start:end]`` (sentence, paragraph, span, or an entity/claim
    given by ``ref`` with ``name`` — its name or content text — to re-find it later)."""
    text = name if name is not None else (article.text[start:end] if kind in ("entity", "claim") else None)
    return new_annotation(
        article.id,
        Target(kind, ref, text),
        make_anchor(article.text, start, end),
        tags=tags,
        note=note,
        grade=grade,
    )


def toggle_tag(annotation: Annotation, tag: str) -> Annotation:
    tags = (
        tuple(t for t in annotation.tags if t != tag) if tag in annotation.tags else (*annotation.tags, tag)
    )
    return dataclasses.replace(annotation, tags=tags)


def is_empty(annotation: Annotation) -> bool:
    """Nothing left worth keeping (the desk removes such an annotation rather than saving it)."""
    grade_empty = annotation.grade is None or not annotation.grade.code
    return (
        not annotation.tags and not annotation.note.strip() and grade_empty and annotation.correction is None
    )
