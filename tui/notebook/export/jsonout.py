"""JSON export: the notebook itself plus, for each annotation, the text its anchor resolves to now."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tui.notebook.export.common import StoryExport
from tui.notebook.model import Notebook

EXPORT_SCHEMA = "wiredesk.export/1"


def export_json(notebook: Notebook, stories: Sequence[StoryExport]) -> dict[str, object]:
    """``notebook`` is the notebook document unchanged (all annotations, whatever the filter);
    ``resolved`` lists the exported annotations with their current place and text."""
    resolved: list[dict[str, object]] = []
    for story in stories:
        for item in story.items:
            resolved.append(
                {
                    "id": item.annotation.id,
                    "story_id": story.story_id,
                    "start": item.start,
                    "end": item.end,
                    "text": item.text,
                    "orphan": item.orphan,
                }
            )
    return {"schema": EXPORT_SCHEMA, "notebook": notebook.to_json(), "resolved": resolved}


def render_json(notebook: Notebook, stories: Sequence[StoryExport]) -> str:
    return json.dumps(export_json(notebook, stories), indent=2, ensure_ascii=False) + "\n"
