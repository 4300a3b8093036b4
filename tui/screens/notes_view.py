"""The notes view: every annotation of the story or the corpus, filterable, enter jumps to one.

Filter syntax (typed in the box; ``/`` focuses it): ``#follow-up`` or ``tag:follow-up``, ``grade:B``,
``grade:2``, ``grade:B2``, ``kind:claim``, ``is:orphan`` and plain words.  ``c`` switches between this
story and the whole corpus.  Returns the chosen annotation id via ``dismiss``, or None.
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

from tui.notebook.listing import NoteRow, filter_rows


def _clip(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def row_prompt(row: NoteRow, with_headline: bool) -> Content:
    """One option: grade, kind, tags, quote, first words of the note — all as plain Content, no markup."""
    parts: list[Content | str | tuple[str, str]] = [
        (f"{row.grade or '--':<3}", "bold"),
        (f"{row.kind:<10} ", "italic"),
    ]
    if row.orphan:
        parts.append(("orphan ", "reverse"))
    if row.tags:
        parts.append((" ".join(f"#{t}" for t in row.tags) + " ", "bold"))
    parts.append(f"“{_clip(row.quote, 70)}”")
    if row.note:
        parts.append(("  — " + _clip(row.note, 50), "italic"))
    if with_headline and row.headline:
        parts += ["\n   ", (_clip(row.headline, 90), "dim")]
    return Content.assemble(*parts)


class NotesView(ModalScreen[str | None]):
    DEFAULT_CSS = """
    NotesView { align: center middle; }
    NotesView > Vertical { width: 90%; height: 85%; border: round $accent; background: $surface; }
    NotesView OptionList { height: 1fr; }
    NotesView #notes-status { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", key_display="/", id="notes-filter"),
        Binding("c", "toggle_scope", "Story / corpus", id="notes-scope"),
        Binding("escape,ctrl+g,q", "close", "Close", id="notes-close"),
        Binding("j", "cursor('down')", "Down", show=False, id="notes-down"),
        Binding("k", "cursor('up')", "Up", show=False, id="notes-up"),
    ]

    def __init__(self, rows: Sequence[NoteRow], story_id: str | None = None, query: str = "") -> None:
        super().__init__()
        self.rows = tuple(rows)
        self.story_id = story_id
        self.corpus = story_id is None
        self.query_text = query
        self.shown: tuple[NoteRow, ...] = ()

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(
                self.query_text,
                placeholder="/ filter: #tag grade:B2 kind:claim is:orphan words",
                id="notes-query",
                select_on_focus=False,
            )
            yield OptionList(id="notes-list")
            yield Static(id="notes-status")

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self) -> None:
        scope = None if self.corpus else self.story_id
        self.shown = filter_rows(self.rows, self.query_one(Input).value, scope)
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(Option(row_prompt(r, self.corpus), id=r.annotation_id) for r in self.shown)
        if self.shown:
            options.highlighted = 0
        where = "whole corpus" if self.corpus else "this story"
        self.query_one("#notes-status", Static).update(
            Content(
                f"{len(self.shown)} of {len(self.rows)} annotations · {where} · enter jump · c story/corpus · esc close"
            )
        )

    @on(Input.Changed, "#notes-query")
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill()

    @on(Input.Submitted, "#notes-query")
    def _query_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected, "#notes-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_focus_filter(self) -> None:
        self.query_one(Input).focus()

    def action_toggle_scope(self) -> None:
        if self.story_id is not None:
            self.corpus = not self.corpus
            self._fill()

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
