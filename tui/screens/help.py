"""`?` help: every binding, grouped by where it works, with the user's own keys."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.keymap import ALL_KEYS, display_keys
from tui.widgets.claim_sidebar import LEGEND


def help_text(keymap: Mapping[str, str]) -> Content:
    lines: list[Content] = [Content.assemble(("wiredesk keys", "bold underline"), "\n")]
    scope = ""
    for key in ALL_KEYS:
        if key.scope != scope:
            scope = key.scope
            lines.append(Content.assemble("\n", (scope, "bold"), "\n"))
        lines.append(
            Content.assemble((f"  {display_keys(key, keymap):<24}", "bold"), f" {key.description}\n")
        )
    lines.append(Content.assemble("\n", ("Claim marks", "bold"), f"\n  {LEGEND}\n"))
    lines.append(
        Content.assemble(
            "\n",
            ("Notebook", "bold"),
            "\n  t a r x act on: the claim when the claim sidebar has focus, the entity when the entity"
            "\n  sidebar has focus, else the span selection (v, then j/k; v or esc ends it), else the"
            "\n  current sentence.  Gutter and sidebar marks: ● note · ! graded · # tagged · ✎ correction."
            "\n  Story list: ● unread · (blank) read · ⚑ flagged · ✓ done.\n",
        )
    )
    lines.append(
        Content.assemble(
            "\n",
            ("Article", "bold"),
            "\n  entities: underlined · claim source: bold · cue: underlined italic · "
            "claim content: italic · matches: reversed · cursor: ▌ in the gutter\n",
            '\n  Change keys in config.toml under [keymap], e.g.  next-sentence = "j,down"\n',
            "  ctrl+p opens the command palette with every action.\n",
        )
    )
    return Content("").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help-close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
    ]

    def __init__(self, keymap: Mapping[str, str]) -> None:
        super().__init__()
        self._keymap = dict(keymap)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(help_text(self._keymap), id="help-text")

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down(animate=False)
        else:
            body.scroll_up(animate=False)
