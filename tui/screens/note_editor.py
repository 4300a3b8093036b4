"""`a`: the note editor — a text area; ctrl+s saves, esc cancels (asking first if there are changes).

Returns the note text via ``dismiss`` (possibly "" — the desk treats that as "remove the note"),
or None when cancelled.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea


class ConfirmDiscard(ModalScreen[bool]):
    """y discards the changes, n / esc goes back to editing."""

    DEFAULT_CSS = """
    ConfirmDiscard { align: center middle; }
    ConfirmDiscard > Static { width: 44; height: auto; border: round $warning; padding: 0 1; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Discard", id="discard-yes"),
        Binding("n,escape,ctrl+g", "answer(False)", "Keep editing", id="discard-no"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(
            Content.assemble(("Discard your changes to this note?", "bold"), "\n\ny discard · n keep editing")
        )

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)


class NoteEditor(ModalScreen[str | None]):
    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical { width: 80%; max-width: 100; height: 70%; border: round $accent; background: $surface; }
    NoteEditor TextArea { height: 1fr; }
    NoteEditor .note-help { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the text area would otherwise take the keys first.
        Binding("ctrl+s", "save", "Save", priority=True, id="note-save"),
        Binding("escape,ctrl+g", "cancel", "Cancel", priority=True, id="note-cancel"),
    ]

    def __init__(self, text: str = "", title: str = "Note") -> None:
        super().__init__()
        self.initial = text
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble((self.title_text, "bold")), classes="note-help")
            yield TextArea(self.initial, soft_wrap=True, tab_behavior="focus", id="note-text")
            yield Static(Content("ctrl+s save · esc cancel"), classes="note-help")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def action_save(self) -> None:
        self.dismiss(self.text)

    def action_cancel(self) -> None:
        if self.text == self.initial:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDiscard(), answered)
