"""Two small modals the corrections use: pick one of a few choices, or type a short text.

Both return their answer via ``dismiss`` (None when cancelled); labels are plain Content, never markup.
"""

from __future__ import annotations

from collections.abc import Sequence
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


class ChoicePicker(ModalScreen[str | None]):
    """A titled list: 1–9 pick, j/k or arrows move, enter chooses, esc cancels."""

    DEFAULT_CSS = """
    ChoicePicker { align: center middle; }
    ChoicePicker > Vertical { width: 60; height: auto; max-height: 80%; border: round $accent; padding: 0 1;
                              background: $surface; }
    ChoicePicker OptionList { height: auto; max-height: 18; }
    ChoicePicker .choice-help { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g,q", "cancel", "Cancel", id="choice-cancel"),
        Binding("j", "move(1)", "Down", show=False, id="choice-down"),
        Binding("k", "move(-1)", "Up", show=False, id="choice-up"),
        *(
            Binding(str(n), f"pick({n - 1})", f"Choice {n}", show=False, id=f"choice-{n}")
            for n in range(1, 10)
        ),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = tuple(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble((printable(self.title_text), "bold")))
            yield OptionList(
                *(
                    Option(
                        Content.assemble((f"{i + 1 if i < 9 else ' '} ", "bold"), printable(label)), id=key
                    )
                    for i, (key, label) in enumerate(self.choices)
                ),
                id="choice-list",
            )
            yield Static(Content("1–9 pick · enter choose · esc cancel"), classes="choice-help")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.choices else None
        options.focus()

    def action_pick(self, index: int) -> None:
        if 0 <= index < len(self.choices):
            self.dismiss(self.choices[index][0])

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected, "#choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)


class TextPrompt(ModalScreen[str | None]):
    """One line of text: enter accepts (empty is refused), esc cancels."""

    DEFAULT_CSS = """
    TextPrompt { align: center middle; }
    TextPrompt > Vertical { width: 70; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    TextPrompt .prompt-help { color: $text-muted; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,ctrl+g", "cancel", "Cancel", id="prompt-cancel"),
    ]

    def __init__(self, title: str, initial: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.initial = initial
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.assemble((printable(self.title_text), "bold")))
            yield Input(printable(self.initial), id="prompt-input")
            yield Static(Content(printable(self.hint or "enter accept · esc cancel")), classes="prompt-help")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted, "#prompt-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        value = " ".join(event.value.split())
        if not value:
            self.app.bell()
            return
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)
