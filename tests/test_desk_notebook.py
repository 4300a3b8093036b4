"""Pilot tests of the notebook on the desk: keys, marks, corrections, status, save, reopen, export."""

from __future__ import annotations

import asyncio
import errno
import json
from pathlib import Path

import pytest

from tests.desk_support import (
    HARBOUR,
    fixed_extraction,  # noqa: F401 — a fixture
    make_app,
    wait_loaded,
)
from tests.test_desk_pilot import screen_text
from tui.app import WireDeskApp
from tui.notebook.store import NotebookStore
from tui.screens.choice_dialog import ChoicePicker
from tui.screens.desk import DeskScreen
from tui.screens.export_dialog import ExportDialog
from tui.screens.grade_picker import GradePicker
from tui.screens.note_editor import NoteEditor
from tui.screens.tag_picker import TagPicker
from tui.widgets.notebook_banner import NotebookBanner

pytestmark = pytest.mark.usefixtures("fixed_extraction")
SIZE = (180, 50)


def nb_app(path: Path) -> WireDeskApp:
    return make_app(HARBOUR, notebook_path=str(path))


def annotations(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == "wiredesk.notebook/1"
    return list(data["annotations"])


async def until(pilot: object, check: object, timeout: float = 5.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline and not check():  # type: ignore[operator]
        await asyncio.sleep(0.02)
    await pilot.pause()  # type: ignore[attr-defined]


async def test_annotate_undo_correct_status_then_reopen(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    app = nb_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        article = desk.article_view.article
        assert article is not None
        store = app.notebook_store
        assert store.status(article.id) == "read"  # opening a story reads it

        # Tag the current sentence (1 picks the first tag).
        await pilot.press("t")
        assert isinstance(app.screen, TagPicker)
        await pilot.press("1")
        assert isinstance(app.screen, DeskScreen)
        # A note on the next sentence.
        await pilot.press("j", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Check with union", "ctrl+s")
        await pilot.pause()
        assert "●▌" in screen_text(app)  # the note's gutter mark on the cursor line
        # Grade and tag a claim from the claim sidebar.
        await pilot.press("C")
        claim_id = desk.claim_sidebar.highlighted_claim
        assert claim_id is not None
        await pilot.press("r")
        assert isinstance(app.screen, GradePicker)
        await pilot.press("b", "2", "enter")
        await pilot.press("t", "2")
        # Tag an entity from the entity sidebar.
        await pilot.press("E")
        entity = desk.entity_sidebar.highlighted_entity
        assert entity is not None
        await pilot.press("t", "3")
        await pilot.pause()
        kinds = sorted(a.target.kind for a in store.annotations())
        assert kinds == ["claim", "entity", "sentence", "sentence"]
        claim_ann = next(a for a in store.annotations() if a.target.kind == "claim")
        assert claim_ann.grade is not None and claim_ann.grade.code == "B2"
        assert claim_ann.tags == ("follow-up",)
        # Undo the entity tag, redo it.
        await pilot.press("u")
        assert sorted(a.target.kind for a in store.annotations()) == ["claim", "sentence", "sentence"]
        await pilot.press("ctrl+r")
        assert len(store.annotations()) == 4
        # Correct the entity's type: R, retype, LOC (3rd type).
        await pilot.press("R")
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("1")
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("3")
        await pilot.pause()
        shown = {e.id: e.type for e in desk.article_view.extraction.entities}
        assert shown[entity[0]] == "LOC"
        # Story status: flagged, and shown in the story list.
        await pilot.press("o", "s", "f")
        await pilot.pause()
        assert store.status(article.id) == "flagged"
        assert "⚑" in screen_text(app)
        await pilot.press("q")
    assert not app.is_running

    on_disk = annotations(path)
    assert sorted(str(a["target"]["kind"]) for a in on_disk) == [
        "claim",
        "entity",
        "entity",
        "sentence",
        "sentence",
    ]  # type: ignore[index]
    assert len(on_disk) == 5
    assert any(a["note"] == "Check with union" for a in on_disk)
    assert any(a["correction"] and a["correction"]["op"] == "retype" for a in on_disk)
    stories = json.loads(path.read_text())["stories"]
    assert [s["status"] for s in stories] == ["flagged"]

    again = nb_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, again)
        desk = again.desk
        await pilot.pause()
        assert len(again.notebook_store.annotations()) == 5
        shown = {e.id: e.type for e in desk.article_view.extraction.entities}
        assert shown[entity[0]] == "LOC"  # the correction is applied on reopen
        assert desk.article_view._marks  # gutter marks restored
        assert desk.claim_sidebar._marks.get(claim_id) == "!"
        text = screen_text(again)
        assert "⚑" in text and "●▌" not in text.split("\n")[0]


async def test_span_selection_with_v_and_remove(tmp_path: Path) -> None:
    path = tmp_path / "nb.json"
    app = nb_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        view = app.desk.article_view
        article = view.article
        assert article is not None
        await pilot.press("v", "j", "j", "v")
        assert not view.span_mode
        assert view.selected_span == (article.sentences[0].start, article.sentences[2].end)
        await pilot.press("t", "1")
        ann = app.notebook_store.annotations()[0]
        assert ann.target.kind == "span" and ann.anchor is not None
        assert ann.anchor.start == article.sentences[0].start
        await pilot.press("x")
        assert app.notebook_store.annotations() == ()
        await pilot.press("u")
        assert len(app.notebook_store.annotations()) == 1
        await pilot.press("escape")  # clears the selection
        assert view.selected_span is None


async def test_second_instance_is_read_only_with_a_banner(tmp_path: Path) -> None:
    path = tmp_path / "nb.json"
    first = NotebookStore.open(path)
    try:
        app = nb_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot, app)
            banner = app.desk.query_one(NotebookBanner)
            assert banner.display and "another wiredesk" in banner.message
            await pilot.press("t")
            assert isinstance(app.screen, DeskScreen)  # refused, no picker
            assert "read-only" in screen_text(app)
    finally:
        first.close()


async def test_corrupt_notebook_opens_read_only_and_is_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "nb.json"
    path.write_bytes(b'{"schema": "wiredesk.notebook/1", "stories": [')
    before = path.read_bytes()
    app = nb_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        banner = app.desk.query_one(NotebookBanner)
        assert banner.display and "read-only" in banner.message
        await pilot.press("s")
        assert isinstance(app.screen, DeskScreen)
        await pilot.press("q")
    assert path.read_bytes() == before
    assert not path.with_name("nb.json.bak").exists()


async def test_save_error_is_shown_and_kept_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nb.json"
    app = nb_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)

        def disk_full(*_: object, **__: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("tui.notebook.store.atomic_write", disk_full)
        await pilot.press("t", "1")
        await pilot.pause()
        banner = app.desk.query_one(NotebookBanner)
        assert banner.display and "no space left" in banner.message
        assert "NOT SAVED" in screen_text(app)
        assert len(app.notebook_store.annotations()) == 1  # nothing lost
        await pilot.press("q")
        assert app.is_running  # quitting with unsaved notes asks first
        monkeypatch.undo()
        await pilot.press("t", "2")  # the next change saves everything
        await pilot.pause()
        assert not banner.has_class("-shown")
        await pilot.press("q")
    assert len(annotations(path)) == 1
    assert len(annotations(path)[0]["tags"]) == 2


async def test_export_from_the_desk_writes_a_file_and_asks_before_overwriting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    app = nb_app(tmp_path / "nb.json")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("a", *"Harbour note", "ctrl+s")
        await pilot.press("e")
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter", "enter")  # markdown, default path
        out = tmp_path / "wiredesk-briefing.md"
        await until(pilot, out.exists)
        assert "Harbour note" in out.read_text(encoding="utf-8")

        out.write_text("keep me")
        await pilot.press("e", "down", "enter")  # JSON
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        field = dialog.query_one("#export-path")
        assert str(getattr(field, "value", "")).endswith("wiredesk-briefing.json")
        field.value = str(out)  # type: ignore[attr-defined]
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog)  # asks first
        assert out.read_text() == "keep me"
        await pilot.press("enter")
        await until(pilot, lambda: out.read_text() != "keep me")
        assert json.loads(out.read_text())


STORY = (
    "Ferry service halted after storm\n\n"
    "NORDHAVN, May 2 (Wirefix) - Ferries between Nordhavn and Sollby stopped on Friday.\n\n"
    "Harbour master Lena Vik said crossings would resume on Sunday.\n\n"
    "The operator said about 400 passengers were stranded overnight.\n"
)


async def test_notes_view_jumps_across_stories(tmp_path: Path) -> None:
    from tests.desk_support import FIXTURES
    from tui.screens.notes_view import NotesView

    app = make_app(
        FIXTURES / "01_harbour.txt", FIXTURES / "02_rain.txt", notebook_path=str(tmp_path / "nb.json")
    )
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        await pilot.press("j", "a", *"first story note", "ctrl+s")
        await pilot.press("J")
        await until(pilot, lambda: desk.current == 1 and desk.article_view.article is not None)
        await pilot.press("A")
        assert isinstance(app.screen, NotesView)
        assert "first story note" not in screen_text(app)  # this story has none
        await pilot.press("c")  # whole corpus
        assert "first story note" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert desk.current == 0 and desk.current_sentence == 1


async def test_reopened_story_reanchors_and_keeps_orphans(tmp_path: Path) -> None:
    from tui.screens.notes_view import NotesView

    story = tmp_path / "ferry.txt"
    story.write_text(STORY)
    nb = tmp_path / "nb.json"
    app = make_app(story, notebook_path=str(nb))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        view = app.desk.article_view
        article = view.article
        assert article is not None
        for needle, tag_key in (("Lena Vik", "1"), ("400 passengers", "2")):
            view.set_cursor(
                next(i for i, s in enumerate(article.sentences) if needle in article.text[s.start : s.end])
            )
            await pilot.press("t", tag_key)
        await pilot.press("q")
    # The agency re-sends the story: a paragraph added on top, the last one rewritten.
    story.write_text(
        STORY.replace("NORDHAVN", "Updated: storm warning extended.\n\nNORDHAVN").replace(
            "The operator said about 400 passengers were stranded overnight.",
            "All ferries are cancelled until further notice, officials said.",
        )
    )
    again = make_app(story, notebook_path=str(nb))
    async with again.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, again)
        await pilot.pause()
        view = again.desk.article_view
        article = view.article
        assert article is not None
        vik = next(i for i, s in enumerate(article.sentences) if "Lena Vik" in article.text[s.start : s.end])
        assert view._marks == {vik: "#"}  # found by its quote, one sentence further down
        await pilot.press("A")
        assert isinstance(again.screen, NotesView)
        text = screen_text(again)
        assert "orphan" in text and "400 passengers" in text  # kept and listed, never dropped
    assert len(annotations(nb)) == 2


async def test_correct_claim_source_dismiss_and_add_entity(tmp_path: Path) -> None:
    from tui.screens.choice_dialog import TextPrompt

    app = nb_app(tmp_path / "nb.json")
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        # Set the second claim's source.
        await pilot.press("C", "j", "R")
        assert isinstance(app.screen, ChoicePicker)
        await pilot.press("1")
        assert isinstance(app.screen, TextPrompt)
        await pilot.press(*"Jonas Berg", "enter")
        await pilot.pause()
        claims = {c.id: c for c in desk.article_view.extraction.claims}
        assert claims["c2"].source.text == "Jonas Berg"
        # Dismiss the first claim.
        await pilot.press("C", "R", "2")
        await pilot.pause()
        assert [c.id for c in desk.article_view.extraction.claims] == ["c2"]
        # Add a missed entity from the current sentence.
        await pilot.press("o")
        view = desk.article_view
        assert view.article is not None
        text = view.article.text
        view.set_cursor(
            next(i for i, s in enumerate(view.article.sentences) if "Wirefix" in text[s.start : s.end])
        )
        await pilot.press("R", "1")
        await pilot.press(*"Wirefix", "enter", "2")  # ORG
        await pilot.pause()
        added = [e for e in desk.article_view.extraction.entities if e.name == "Wirefix"]
        assert added and added[0].type == "ORG"
        assert "Wirefix" in screen_text(app)  # in the entity sidebar
        await pilot.press("u", "u", "u")
        await pilot.pause()
        assert len(desk.article_view.extraction.claims) == 2
        assert not any(e.name == "Wirefix" for e in desk.article_view.extraction.entities)


async def test_notebook_keys_in_footer_help_palette_and_overridable(tmp_path: Path) -> None:
    from tui.config import load_config
    from tui.keymap import NOTEBOOK_KEYS
    from tui.screens.help import HelpScreen

    cfg = tmp_path / "config.toml"
    cfg.write_text('[keymap]\nnb-tag = "T"\n\n[notebook]\ntags = ["alpha-check", "beta"]\n')
    app = make_app(HARBOUR, config=load_config(str(cfg)), notebook_path=str(tmp_path / "nb.json"))
    async with app.run_test(size=(200, 50)) as pilot:
        await wait_loaded(pilot, app)
        footer = screen_text(app).splitlines()[-1]
        assert "T Tag" in footer and "a Note" in footer and "q Quit" in footer
        await pilot.press("t")
        assert isinstance(app.screen, DeskScreen)  # t is no longer the tag key
        await pilot.press("T")
        assert isinstance(app.screen, TagPicker)
        assert app.screen.tags[:2] == ("alpha-check", "beta")  # the configured palette
        await pilot.press("escape")
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text").render())
        assert all(k.description in help_text for k in NOTEBOOK_KEYS)
        assert "entity sidebar has focus" in help_text.replace("\n  ", " ")
        await pilot.press("escape")
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {k.description for k in NOTEBOOK_KEYS} <= titles
