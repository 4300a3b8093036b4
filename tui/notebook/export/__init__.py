"""Notebook exports: Markdown briefing, JSON, CSV and W3C Web Annotation.  No Textual here."""

from __future__ import annotations

from tui.notebook.export.common import StoryExport, build_exports
from tui.notebook.export.csvout import render_csv
from tui.notebook.export.jsonout import render_json
from tui.notebook.export.markdown import md_escape, render_markdown
from tui.notebook.export.w3c import render_w3c

FORMATS = ("md", "json", "csv", "w3c")

__all__ = [
    "FORMATS",
    "StoryExport",
    "build_exports",
    "md_escape",
    "render_csv",
    "render_json",
    "render_markdown",
    "render_w3c",
]
