"""`t`: the tag palette — 1–9 pick one of the first nine tags, typing adds a new tag.

Returns the chosen tag (normalised) via ``dismiss``, or None when cancelled.  Tags already on the
target are marked ✓ so the desk can treat a pick as a toggle.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.notebook.tags import normalise_tag


def _prompt(index: int, tag: str, on: bool) -> Content:
    number = f"{index + 1}" if index < 9 else " "
    return Content.assemble((f"{number} ", "bold"), ("✓ " if on else "  ", "bold"), tag)


class TagPicker(ModalScreen[str | None]):
    DEFAULT_CSS = """
    TagPicker { align: center middle; }
    TagPicker > Vertical { width: 50; height: auto; max-height: 80%; border: round $accent; padding: 0 1;
                           background: $surface; }
    TagPicker OptionList { height: auto; max-height: 16; }
    TagPicker #tag-help { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "Cancel", id="tag-picker-cancel"),
        *(
            Binding(str(n), f"pick({n - 1})", f"Tag {n}", show=False, id=f"tag-picker-{n}")
            for n in range(1, 10)
        ),
    ]

    def __init__(self, tags: Sequence[str], current: Sequence[str] = (), title: str = "Tag") -> None:
        super().__init__()
        self.tags = tuple(tags)
        self.current = frozenset(current)
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble((self.title_text, "bold")), id="tag-title")
            yield OptionList(
                *(Option(_prompt(i, t, t in self.current), id=t) for i, t in enumerate(self.tags)),
                id="tag-list",
            )
            yield Input(placeholder="type a new tag, enter adds it", id="tag-new", select_on_focus=False)
            yield Static(Content("1–9 pick · type to add · enter choose · esc cancel"), id="tag-help")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.tags):
            self.dismiss(self.tags[index])

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#tag-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    @on(Input.Submitted, "#tag-new")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        tag = normalise_tag(event.value)
        if tag is None:
            self.app.bell()
            return
        self.dismiss(tag)

    def on_key(self, event: events.Key) -> None:
        # Typing anywhere starts a new tag: letters go to the input even when the list has focus.
        field = self.query_one("#tag-new", Input)
        if (
            self.focused is not field
            and event.character
            and event.is_printable
            and not event.character.isdigit()
        ):
            if event.character == " ":
                return
            event.stop()
            event.prevent_default()
            field.focus()
            field.insert_text_at_cursor(event.character)
