"""`s`: the story's analyst status — u unread, r read, f flagged, d done.  Returns the status or None."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.notebook.model import STATUSES

STATUS_KEYS = {"unread": "u", "read": "r", "flagged": "f", "done": "d"}


class StatusPicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    StatusPicker { align: center middle; }
    StatusPicker > Vertical { width: 36; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    StatusPicker OptionList { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"pick('{status}')", status.title(), id=f"status-{status}")
            for status, key in STATUS_KEYS.items()
        ),
        Binding("escape,ctrl+g", "cancel", "Cancel", id="status-cancel"),
    ]

    def __init__(self, current: str = "unread") -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble(("Story status", "bold")))
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (f"{STATUS_KEYS[s]} ", "bold"), ("● " if s == self.current else "  ", "bold"), s
                        ),
                        id=s,
                    )
                    for s in STATUSES
                ),
                id="status-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = STATUSES.index(self.current) if self.current in STATUSES else 0
        options.focus()

    def action_pick(self, status: str) -> None:
        self.dismiss(status)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#status-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)
