"""Pilot tests of the desk: what the analyst sees and relies on, headless."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from parsers.model import Article, Extraction
from tests.desk_support import (
    BROKEN,
    FIXTURES,
    HARBOUR,
    INJECTION,
    fixed_extract,
    fixed_extraction,  # noqa: F401 — a fixture
    make_app,
    wait_loaded,
)
from tui.article_layout import sentence_at
from tui.screens.desk import DeskScreen
from tui.screens.help import HelpScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.status_line import StatusLine

pytestmark = pytest.mark.usefixtures("fixed_extraction")


def screen_text(app: App[None]) -> str:
    """The plain text on screen (all layers composited), as a terminal would show it."""
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(seg.text for seg in strip) for strip in strips)


async def test_seed_opens_and_first_story_shows() -> None:
    from seeds import SEED_DIR

    app = make_app(SEED_DIR)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        assert desk.stories and desk.current == 0
        article = desk.article_view.article
        assert article is not None and article.meta.headline
        assert article.meta.headline[:30] in screen_text(app)


async def test_sentence_cursor_moves_with_vim_keys_and_arrows() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        assert desk.current_sentence == 0
        await pilot.press("j", "j", "down")
        assert desk.current_sentence == 3
        await pilot.press("k", "up")
        assert desk.current_sentence == 1
        await pilot.press("G")
        assert desk.current_sentence == desk.article_view.sentence_count - 1
        await pilot.press("g")
        assert desk.current_sentence == 0
        # the cursor bar marks the current sentence in the gutter
        assert "▌" + "Harbour cranes" in screen_text(app).replace(" ", "").replace(
            "Harbourcranes", "Harbour cranes"
        )


async def test_entity_enter_jumps_and_n_cycles_mentions() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(180, 40)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        view = desk.article_view
        article = view.article
        assert article is not None
        await pilot.press("E")  # focus the entity sidebar
        assert app.focused is desk.entity_sidebar
        text = screen_text(app)
        assert "PEOPLE (2)" in text and "Maria Okafor ×2" in text and "union leader" in text
        assert "NUMBERS (2)" in text and "at least 40 ships waiting" in text
        await pilot.press("enter")  # most mentioned person first: Okafor
        await pilot.pause()
        okafor = [m.start for m in fixed_extract(article).entities[0].mentions]
        assert view.selected_entity == "e1"
        assert view.match_position == (1, 2)
        assert desk.current_sentence == sentence_at(article, okafor[0])
        await pilot.press("o", "n")
        assert view.match_position == (2, 2)
        assert desk.current_sentence == sentence_at(article, okafor[1])
        await pilot.press("n")
        assert view.match_position == (1, 2)  # wraps around
        await pilot.press("N")
        assert view.match_position == (2, 2)
        assert "Okafor 2/2" in screen_text(app).replace("“", "").replace("”", "")


async def test_claim_enter_jumps_and_selects() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(180, 40)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        article = desk.article_view.article
        assert article is not None
        await pilot.press("C")
        text = screen_text(app)
        assert "“   union leader Maria Okafo → We will not" in text
        assert "≈~? A port official → talks could resume" in text
        await pilot.press("down")
        assert "cue said" in screen_text(app) and "[anonymous]" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert desk.selected_claim_id == "c2"
        claim = fixed_extract(article).claims[1]
        assert desk.current_sentence == sentence_at(article, claim.content.start)
        assert desk.target.claim_id == "c2"


async def test_search_finds_and_n_cycles() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        await pilot.press("slash")
        assert app.focused is desk.query_one("#search")
        await pilot.press(*"talks", "enter")
        assert app.focused is desk.article_view
        assert desk.article_view.match_position == (1, 2)
        first = desk.current_sentence
        await pilot.press("n")
        assert desk.article_view.match_position == (2, 2)
        assert desk.current_sentence > first
        await pilot.press("escape")
        assert desk.article_view.match_position == (0, 0)


async def test_highlight_toggles_change_what_is_drawn() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        view = app.desk.article_view
        assert view.show_entities and view.show_claims

        def underlined_okafor() -> bool:
            for y in range(app.size.height):
                for seg in view.render_line(y):
                    if "Okafor" in seg.text and seg.style is not None and seg.style.underline:
                        return True
            return False

        assert underlined_okafor()
        await pilot.press("h")
        assert not view.show_entities and not underlined_okafor()
        await pilot.press("c")
        assert not view.show_claims
        await pilot.press("h", "c")
        assert view.show_entities and view.show_claims and underlined_okafor()


async def test_failed_story_under_a_long_path_shows_reason_and_whole_path(tmp_path: Path) -> None:
    deep = tmp_path / ("a-very-long-folder-name-for-wire-copy-" * 3) / "incoming"
    deep.mkdir(parents=True)
    broken = deep / "broken-story-name.txt"
    broken.write_bytes(BROKEN.read_bytes())
    app = make_app(broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.pause()
        screen = screen_text(app)
        assert "✗ binary file, not a story" in screen
        # the path wraps inside the pane instead of running off its edge
        joined = "".join(line.strip() for line in screen.splitlines())
        assert str(broken) in joined


async def test_switch_stories_and_failed_story_shows_reason() -> None:
    app = make_app(FIXTURES)
    async with app.run_test(size=(180, 40)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        assert len(desk.stories) == 4
        await pilot.press("J")
        assert desk.current == 1
        assert "Heavy rain closes mountain roads" in screen_text(app)
        await pilot.press("K")
        assert desk.current == 0
        broken = next(i for i, s in enumerate(desk.stories) if s.path == str(BROKEN))
        assert desk.stories[broken].error == "binary file, not a story"
        assert "binary file, not a story" in screen_text(app)  # listed with its reason
        await pilot.press("left_square_bracket", "left_square_bracket")  # hide and show the list
        assert app.focused is desk.story_list
        await pilot.press("G", "enter")
        assert desk.current == broken
        assert "✗" in screen_text(app)
        await pilot.press("K")
        assert desk.current == broken - 1  # the rest keeps working
        assert desk.article_view.article is not None


async def test_help_screen_lists_every_binding() -> None:
    from tui.keymap import ALL_KEYS

    app = make_app(HARBOUR)
    async with app.run_test(size=(100, 60)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = str(app.screen.query_one("#help-text").render())
        for key in ALL_KEYS:
            assert key.description in help_text
        await pilot.press("escape")
        assert isinstance(app.screen, DeskScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, DeskScreen)


async def test_keymap_override_from_config(tmp_path: Path) -> None:
    from tui.config import load_config

    cfg = tmp_path / "config.toml"
    cfg.write_text('[keymap]\nnext-sentence = "ctrl+n"\n')
    app = make_app(HARBOUR, config=load_config(str(cfg)))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        await pilot.press("ctrl+n")
        assert app.desk.current_sentence == 1
        await pilot.press("j")
        assert app.desk.current_sentence == 1  # j is no longer bound


async def test_resize_80x24_keeps_article_wide_and_panes_overlay() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        sidebar = desk.query_one("#sidebar")
        assert desk.story_list.display and sidebar.display
        assert desk.article_view.region.width >= 100
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not desk.story_list.display and not sidebar.display
        assert desk.article_view.region.width >= 60
        await pilot.press("right_square_bracket")
        assert sidebar.display and app.focused is desk.entity_sidebar
        assert desk.article_view.region.width >= 60  # an overlay: the article does not reflow
        await pilot.press("enter")  # choosing closes the overlay and returns to the article
        assert not sidebar.display and app.focused is desk.article_view
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert desk.story_list.display and sidebar.display


async def test_a_resize_while_stories_load_rewraps_the_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    def slow_extract(article: Article) -> Extraction:
        time.sleep(0.01)  # 100 stories take a second: the resize surely lands while loading
        return fixed_extract(article)

    monkeypatch.setattr("parsers.extract.extract", slow_extract)
    long_line = "word " * 40
    for i in range(100):
        (tmp_path / f"{i:04}.txt").write_text(f"Story {i}\n\nBODY (Wirefix) - {long_line}end.\n")
    app = make_app(tmp_path)
    async with app.run_test(size=(30, 24)) as pilot:
        await pilot.pause(0.05)
        assert app.desk.stories_loading
        await pilot.resize_terminal(100, 30)
        await wait_loaded(pilot, app)
        await pilot.pause(0.1)
        widest = max(len(line.rstrip()) for line in screen_text(app).splitlines() if "word" in line)
        assert widest > 60  # wrapped to the new width, not the 30 columns the desk started with


async def test_markup_and_escape_injection_render_literally() -> None:
    app = make_app(INJECTION)
    async with app.run_test(size=(160, 40)) as pilot:
        await wait_loaded(pilot, app)
        text = screen_text(app)
        assert "[bold]bold markup[/bold]" in text
        assert "[@click=app.quit]click me[/]" in text
        assert "[link=file:///etc/passwd]passwd[/link]" in text
        assert "\x1b" not in text and "\x07" not in text
        await pilot.click("#article", offset=(20, 5))
        await pilot.press("j", "j")
        assert app.is_running  # nothing in the story ran an action
        for y in range(app.size.height):
            for seg in app.desk.article_view.render_line(y):
                assert seg.style is None or (not seg.style.link and not seg.style.meta)


async def test_notebook_hooks_marks_and_replaced_extraction() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(180, 40)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        desk.set_marks({0: "●"})
        await pilot.pause()
        assert "●▌Harbour cranes" in screen_text(app)
        desk.show_extraction(Extraction())
        await pilot.pause()
        assert "no entities found" in screen_text(app)
        target = desk.target
        assert target.sentence == 0 and target.start == 0 and target.article_id


async def test_escape_cancels_loading_and_stdin_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    def slow_extract(article: Article) -> Extraction:
        time.sleep(0.01)  # 300 stories take 3 s: esc surely lands while loading
        return fixed_extract(article)

    monkeypatch.setattr("parsers.extract.extract", slow_extract)
    for i in range(300):
        (tmp_path / f"{i:04}.txt").write_text(f"Story {i}\n\nBODY (Wirefix) - Text of story {i}.\n")
    app = make_app(tmp_path, "-", stdin_data=b"Piped story\n\nA story that came on stdin.\n")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.05)
        assert app.desk.stories_loading
        status = app.desk.query_one(StatusLine).text
        assert status.startswith("loading: parsed ") and "esc cancels" in status  # progress is shown
        await pilot.press("escape")
        await pilot.pause(0.3)
        assert not app.desk.stories_loading
        assert "loading cancelled" in app.desk.query_one(StatusLine).text
        assert len(app.desk.stories) == 301
        await pilot.press("G")  # unloaded stories still open on demand
        await pilot.press("left_square_bracket", "G", "enter")
        await pilot.pause(0.5)
        assert app.desk.current_story is not None and app.desk.current_story.path == "-"
        assert "Piped story" in screen_text(app)


@pytest.mark.parametrize("theme", ["ansi-light", "textual-dark"])
async def test_theme_option(theme: str) -> None:
    app = make_app(HARBOUR, theme=theme)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        assert app.theme == theme


def test_article_view_is_line_api() -> None:
    from textual.scroll_view import ScrollView

    assert issubclass(ArticleView, ScrollView)


async def test_no_color_renders_and_keeps_meaning(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(FIXTURES)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        assert app.no_color
        await pilot.press("j", "J", "J", "J", "K", "question_mark", "escape")
        await pilot.pause()
        view = app.desk.article_view
        await pilot.press("K", "K", "K")
        # without colour, entities are still underlined and the cursor still has its gutter bar
        segs = [seg for y in range(app.size.height) for seg in view.render_line(y)]
        assert any("Okafor" in s.text and s.style is not None and s.style.underline for s in segs)
        assert any(s.text == "▌" for s in segs)
        app.export_screenshot()  # the NO_COLOR filter ran over every segment without error


async def test_mouse_click_moves_cursor_and_palette_lists_actions() -> None:
    app = make_app(HARBOUR)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot, app)
        desk = app.desk
        view = desk.article_view
        # row 7 of the article is the second body paragraph (the Okafor quote)
        await pilot.click("#article", offset=(10, 7))
        article = view.article
        assert article is not None
        assert "We will not go back" in article.text[article.sentences[desk.current_sentence].start :][:40]
        titles = {c.title for c in app.get_system_commands(desk)}
        for wanted in ("Next sentence", "Search", "Entity colours", "Claim colours", "Next story", "Sidebar"):
            assert wanted in titles
        await pilot.press("g")
        assert desk.current_sentence == 0
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert type(app.screen).__name__ == "CommandPalette"
        await pilot.press(*"next sentence")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert desk.current_sentence == 1


async def test_page_keys_scroll_and_keep_the_cursor_on_screen() -> None:
    from seeds import SEED_DIR

    app = make_app(SEED_DIR)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot, app)
        view = app.desk.article_view
        assert view.scroll_y == 0
        await pilot.press("pagedown")
        assert view.scroll_y > 0 and app.desk.current_sentence > 0
        first_page = app.desk.current_sentence
        await pilot.press("space")
        assert app.desk.current_sentence > first_page
        await pilot.press("pageup", "pageup")
        assert view.scroll_y == 0
