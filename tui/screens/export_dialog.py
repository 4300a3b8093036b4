"""`e`: export the notebook — choose a format, check the path, never overwrite without asking.

Returns an :class:`ExportRequest` via ``dismiss`` or None when cancelled.  The path defaults to a
name not yet taken in the current folder (or the notebook's data folder when that is not writable).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.article_layout import printable

FORMATS: tuple[tuple[str, str, str], ...] = (
    ("md", "md", "Markdown briefing"),
    ("json", "json", "JSON (notebook + resolved text)"),
    ("csv", "csv", "CSV (one row per annotation)"),
    ("w3c", "jsonld", "W3C Web Annotation (JSON-LD)"),
)
_EXT = {fmt: ext for fmt, ext, _ in FORMATS}
STEM = "wiredesk-briefing"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: str
    path: Path
    force: bool  # the user confirmed overwriting an existing file


def default_export_path(fmt: str, folders: tuple[Path, ...]) -> Path:
    """``wiredesk-briefing.md`` (or ``-2``, ``-3`` … if taken) in the first writable folder."""
    ext = _EXT.get(fmt, fmt)
    folder = next((f for f in folders if os.access(f, os.W_OK)), folders[-1])
    for n in range(1, 1000):
        path = folder / (f"{STEM}.{ext}" if n == 1 else f"{STEM}-{n}.{ext}")
        if not path.exists():
            return path
    return folder / f"{STEM}.{ext}"


class ExportDialog(ModalScreen[ExportRequest | None]):
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > Vertical { width: 76; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    ExportDialog OptionList { height: auto; }
    ExportDialog #export-note { color: $text-muted; }
    ExportDialog #export-note.-warning { color: $warning; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "Cancel", id="export-cancel"),
        Binding("ctrl+s", "export", "Export", priority=True, id="export-go"),
    ]

    def __init__(self, folders: tuple[Path, ...], fmt: str = "md") -> None:
        super().__init__()
        self.folders = folders
        self.fmt = fmt
        self._default = default_export_path(fmt, folders)
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble(("Export the notebook", "bold")))
            yield OptionList(
                *(
                    Option(Content.assemble((f"{i + 1} ", "bold"), label), id=fmt)
                    for i, (fmt, _, label) in enumerate(FORMATS)
                ),
                id="export-format",
            )
            yield Input(str(self._default), id="export-path", select_on_focus=False)
            yield Static(
                Content("enter on a format → path · enter on the path (or ctrl+s) exports · esc cancel"),
                id="export-note",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = [f for f, _, _ in FORMATS].index(self.fmt)
        options.focus()

    @on(OptionList.OptionHighlighted, "#export-format")
    def _format_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.fmt = event.option_id or "md"
        field = self.query_one(Input)
        # Follow the format while the path is still the suggested one.
        if field.value == str(self._default):
            self._default = default_export_path(self.fmt, self.folders)
            field.value = str(self._default)

    @on(OptionList.OptionSelected, "#export-format")
    def _format_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.query_one(Input).focus()

    @on(Input.Submitted, "#export-path")
    def _path_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    @on(Input.Changed, "#export-path")
    def _path_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._confirmed = None
        self._note("enter (or ctrl+s) exports · esc cancel")

    def _note(self, text: str, warning: bool = False) -> None:
        note = self.query_one("#export-note", Static)
        note.update(Content(printable(text)))
        note.set_class(warning, "-warning")

    def action_export(self) -> None:
        raw = self.query_one(Input).value.strip()
        if not raw:
            self.app.bell()
            return
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.folders[0] / path
        if path.is_dir():
            self._note(f"{path} is a folder: give a file name", warning=True)
            return
        if path.exists() and self._confirmed != path:
            self._confirmed = path
            self._note(f"{path} exists — press enter again to overwrite it, or change the name", warning=True)
            return
        self.dismiss(ExportRequest(self.fmt, path, force=path.exists()))

    def action_cancel(self) -> None:
        self.dismiss(None)
