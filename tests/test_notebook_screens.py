"""The notebook's standalone screens, each driven by keys in a tiny harness app (Pilot)."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static, TextArea

from tui.notebook.listing import NoteRow, filter_rows
from tui.notebook.model import Grade
from tui.screens.grade_picker import GradePicker
from tui.screens.note_editor import ConfirmDiscard, NoteEditor
from tui.screens.notes_view import NotesView
from tui.screens.status_picker import StatusPicker
from tui.screens.tag_picker import TagPicker

TAGS = ("key-judgement", "follow-up", "contradiction", "single-source", "unverified", "propaganda", "casualty-figure",
        "disinformation", "timeline", "background")  # fmt: skip


class Harness(App[None]):
    """Pushes one modal on mount and records what it dismissed with."""

    def __init__(self, screen: ModalScreen[Any]) -> None:
        super().__init__()
        self.modal = screen
        self.results: list[object] = []

    def compose(self) -> ComposeResult:
        yield Static("desk")

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.results.append)


async def _run(screen: ModalScreen[Any], *keys: str) -> list[object]:
    app = Harness(screen)
    async with app.run_test() as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
    return app.results


async def test_tag_picker_number_picks_one_of_the_first_nine() -> None:
    assert await _run(TagPicker(TAGS), "3") == ["contradiction"]
    assert await _run(TagPicker(TAGS), "9") == ["timeline"]


async def test_tag_picker_typing_adds_a_new_normalised_tag() -> None:
    keys = ["S", "o", "u", "r", "c", "e", "space", "2", "enter"]
    assert await _run(TagPicker(TAGS), *keys) == ["source-2"]  # digits inside a new tag are text


async def test_tag_picker_enter_on_list_and_escape() -> None:
    assert await _run(TagPicker(TAGS), "down", "enter") == ["follow-up"]
    assert await _run(TagPicker(TAGS), "escape") == [None]


async def test_tag_picker_shows_tag_text_without_markup() -> None:
    app = Harness(TagPicker(("[b]x[/b]", "[@click=app.quit]y[/]")))
    async with app.run_test() as pilot:
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(2)]
        assert "[b]x[/b]" in shown[0] and "[@click=app.quit]y[/]" in shown[1]
        await pilot.press("1")
        await pilot.pause()
    assert app.results == ["[b]x[/b]"]


async def test_note_editor_ctrl_s_saves_the_text() -> None:
    assert await _run(NoteEditor("Draft"), "space", "o", "k", "enter", "x", "ctrl+s") == ["Draft ok\nx"]


async def test_note_editor_escape_without_changes_cancels_at_once() -> None:
    assert await _run(NoteEditor("same"), "escape") == [None]


async def test_note_editor_escape_with_changes_asks_first() -> None:
    app = Harness(NoteEditor("v1"))
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("!", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard) and app.results == []
        await pilot.press("n")  # keep editing: the text is still there
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "v1!"
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.results == [None]


async def test_grade_picker_sets_reliability_and_credibility() -> None:
    assert await _run(GradePicker(), "b", "2", "enter") == [Grade("B", 2)]
    # Pressing the current value again clears it; backspace clears both.
    assert await _run(GradePicker(Grade("A", 1)), "a", "enter") == [Grade(None, 1)]
    assert await _run(GradePicker(Grade("A", 1)), "backspace", "enter") == [Grade()]
    assert await _run(GradePicker(Grade("C", 3)), "f", "escape") == [None]


async def test_status_picker_keys_and_list() -> None:
    assert await _run(StatusPicker("unread"), "f") == ["flagged"]
    assert await _run(StatusPicker("read"), "down", "enter") == ["flagged"]
    assert await _run(StatusPicker(), "escape") == [None]


ROWS = (
    NoteRow("a1", "s1", "Strike kills 12", "sentence", ("casualty-figure",), "B2", "at least 12 killed", "check", False, 10),
    NoteRow("a2", "s1", "Strike kills 12", "claim", ("single-source",), "C3", "We will rebuild", "", False, 40),
    NoteRow("a3", "s2", "Talks stall", "entity", ("follow-up",), "", "Kharkiv", "aid route", False, 5),
    NoteRow("a4", "s2", "Talks stall", "span", ("follow-up", "unverified"), "B", "[b]gone[/b]", "", True, None),
)  # fmt: skip


def test_filter_rows_by_tag_grade_kind_words_and_scope() -> None:
    ids = lambda rows: [r.annotation_id for r in rows]  # noqa: E731
    assert ids(filter_rows(ROWS, "#follow-up")) == ["a3", "a4"]
    assert ids(filter_rows(ROWS, "grade:B")) == ["a1", "a4"]
    assert ids(filter_rows(ROWS, "grade:B2")) == ["a1"]
    assert ids(filter_rows(ROWS, "grade:3")) == ["a2"]
    assert ids(filter_rows(ROWS, "kind:claim")) == ["a2"]
    assert ids(filter_rows(ROWS, "is:orphan")) == ["a4"]
    assert ids(filter_rows(ROWS, "tag:follow-up aid")) == ["a3"]
    assert ids(filter_rows(ROWS, "", story_id="s1")) == ["a1", "a2"]


async def test_notes_view_filters_jumps_and_switches_scope() -> None:
    app = Harness(NotesView(ROWS, story_id="s2"))
    async with app.run_test() as pilot:
        await pilot.pause()
        view = app.screen
        assert isinstance(view, NotesView)
        assert [r.annotation_id for r in view.shown] == ["a3", "a4"]
        # Untrusted text shows literally.
        assert "[b]gone[/b]" in str(view.query_one(OptionList).get_option_at_index(1).prompt)
        await pilot.press("c")  # whole corpus
        assert len(view.shown) == 4
        await pilot.press("slash", "#", "f", "o", "l", "l", "o", "w", "-", "u", "p", "enter")
        await pilot.pause()
        assert [r.annotation_id for r in view.shown] == ["a3", "a4"]
        await pilot.press("j", "enter")
        await pilot.pause()
    assert app.results == ["a4"]


async def test_notes_view_escape_closes() -> None:
    assert await _run(NotesView(ROWS), "escape") == [None]
