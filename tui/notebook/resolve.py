"""Annotations meet story text: which annotations belong to an article, where each sits now, orphans.

A story re-parsed or re-sent gets a new id (ids hash the text), so annotations are matched by story id
first and by the story's recorded source path second, then re-anchored by their quote selector.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from parsers.model import Article, Extraction
from tui.notebook.anchor import reanchor, refresh
from tui.notebook.model import Annotation, Notebook


@dataclass(frozen=True, slots=True)
class Resolved:
    """An annotation located in its story: ``start``/``end`` None when it could not be placed.

    ``orphan`` is True only when the story text was available and the anchor was not found in it;
    without the text (story file gone) an annotation is unplaced but not an orphan."""

    annotation: Annotation
    start: int | None
    end: int | None
    text: str
    orphan: bool


def story_annotations(article: Article, notebook: Notebook) -> tuple[Annotation, ...]:
    """This article's annotations: same story id, or recorded from the same source file."""
    ids = {article.id}
    ids.update(s.story_id for s in notebook.stories if s.source and s.source == article.source)
    return tuple(a for a in notebook.annotations if a.story_id in ids)


def resolve(article: Article | None, ann: Annotation, extraction: Extraction | None = None) -> Resolved:
    fallback = ann.anchor.exact if ann.anchor is not None else (ann.target.text or "")
    if article is None:
        return Resolved(ann, None, None, fallback, orphan=False)
    text = article.text
    if ann.anchor is not None:
        found = reanchor(text, ann.anchor)
        if found is not None:
            return Resolved(ann, found[0], found[1], text[found[0] : found[1]], orphan=False)
    if extraction is not None and ann.target.kind == "entity":
        for ent in extraction.entities:
            if ent.id == ann.target.ref or (
                ann.target.text and ent.name.casefold() == ann.target.text.casefold()
            ):
                first = ent.mentions[0] if ent.mentions else None
                if first is None:
                    return Resolved(ann, None, None, ent.name, orphan=False)
                return Resolved(ann, first.start, first.end, text[first.start : first.end], orphan=False)
    if extraction is not None and ann.target.kind == "claim":
        for claim in extraction.claims:
            span = claim.content
            if claim.id == ann.target.ref or (
                ann.target.text and text[span.start : span.end] == ann.target.text
            ):
                return Resolved(ann, span.start, span.end, text[span.start : span.end], orphan=False)
    if ann.anchor is None and ann.target.text and ann.target.text in text:
        # Entity/claim annotation without an anchor and without extraction: find its words.
        at = text.index(ann.target.text)
        return Resolved(ann, at, at + len(ann.target.text), ann.target.text, orphan=False)
    return Resolved(ann, None, None, fallback, orphan=True)


def reattach(
    text: str, annotations: Iterable[Annotation]
) -> tuple[tuple[Annotation, ...], tuple[Annotation, ...]]:
    """Re-anchor annotations to (new) story text.

    Returns (annotations whose anchor changed, re-made at the new place — give them to
    ``store.update`` if the new text is the one to keep; orphans — keep them and list them)."""
    moved: list[Annotation] = []
    orphans: list[Annotation] = []
    for ann in annotations:
        if ann.anchor is None:
            continue
        new = refresh(text, ann.anchor)
        if new is None:
            orphans.append(ann)
        elif new != ann.anchor:
            moved.append(dataclasses.replace(ann, anchor=new))
    return tuple(moved), tuple(orphans)
