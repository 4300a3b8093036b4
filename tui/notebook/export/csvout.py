"""CSV export: one row per annotation, for spreadsheets and pandas."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from tui.notebook.export.common import StoryExport, plain

COLUMNS = (
    "annotation_id",
    "story_id",
    "headline",
    "source",
    "status",
    "target_kind",
    "target_ref",
    "target_text",
    "start",
    "end",
    "quote",
    "orphan",
    "tags",
    "note",
    "reliability",
    "credibility",
    "correction",
    "created",
    "updated",
)


def _cell(value: object) -> str:
    text = "" if value is None else plain(str(value))
    # A cell starting with = + - @ is a formula to a spreadsheet: story text must not run as one.
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def render_csv(stories: Sequence[StoryExport]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for story in stories:
        source = (
            story.article.source if story.article is not None else (story.state.source if story.state else "")
        )
        for item in story.items:
            ann = item.annotation
            grade = ann.grade
            corr = ann.correction
            row = (
                ann.id,
                ann.story_id,
                story.headline,
                source,
                story.status,
                ann.target.kind,
                ann.target.ref,
                ann.target.text,
                item.start,
                item.end,
                item.text,
                "yes" if item.orphan else "",
                ";".join(ann.tags),
                ann.note,
                None if grade is None else grade.reliability,
                None if grade is None else grade.credibility,
                None if corr is None else corr.op,
                ann.created,
                ann.updated,
            )
            writer.writerow([_cell(v) for v in row])
    return buf.getvalue()
