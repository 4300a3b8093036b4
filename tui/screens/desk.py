"""The main desk: story list | article | entities + claims, live on resize.

Loading happens in a thread worker that posts results in batches, so the desk
paints at once and keeps working while a big folder parses; Esc cancels.

Hooks for the notebook (see ``target``, ``set_marks``, ``show_extraction``,
``set_extraction_filter`` and the ``TargetChanged`` message).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Resize
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from parsers.load import DEFAULT_SIZE_LIMIT
from parsers.model import Article, Extraction
from tui.keymap import APP_KEYS, NOTEBOOK_KEYS, SCREEN_KEYS, bindings
from tui.loader import (
    LoadFinished,
    StoriesExtracted,
    StoriesFound,
    StoriesParsed,
    StoryReady,
    load_stories,
)
from tui.panes import Panes
from tui.screens.desk_notebook import DeskNotebook
from tui.screens.desk_search import DeskSearch
from tui.stories import Story, extract_story, parse_story
from tui.widgets.article_view import ArticleView
from tui.widgets.claim_sidebar import ClaimSidebar
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.notebook_banner import NotebookBanner
from tui.widgets.status_line import StatusLine, status_parts
from tui.widgets.story_list import StoryList

ExtractionFilter = Callable[[Article, Extraction], Extraction]


@dataclass(frozen=True, slots=True)
class Target:
    """What the user points at in the article: the notebook annotates this."""

    story: int
    article_id: str | None
    sentence: int
    start: int | None
    end: int | None
    entity_id: str | None
    claim_id: str | None


class DeskScreen(DeskSearch, Screen[None]):
    # APP_KEYS again here (same ids, so keymap overrides reach both) to put q ? ^p before the notebook's
    # keys in the footer: at 80 columns the footer holds about nine keys and Quit/Help must be among them.
    BINDINGS = bindings((*APP_KEYS, *SCREEN_KEYS, *NOTEBOOK_KEYS))
    AUTO_FOCUS = "#article"

    class TargetChanged(Message):
        """The cursor, selection, chosen entity or claim changed (or another story opened)."""

        def __init__(self, target: Target) -> None:
            super().__init__()
            self.target = target

    def __init__(
        self,
        paths: Sequence[str],
        stdin_data: bytes | None = None,
        max_size: int = DEFAULT_SIZE_LIMIT,
        highlight_entities: bool = True,
        highlight_claims: bool = True,
    ) -> None:
        super().__init__()
        self.paths = list(paths)
        self.stdin_data = stdin_data
        self.max_size = max_size
        self.stories: list[Story] = []
        self.current = -1
        # Stories still parsing in the worker.  Not Textual's ``loading``: that covers the screen with a
        # loading indicator, and a terminal resized under the cover left the article wrapped to the
        # old width.
        self.stories_loading = False
        self.load_status = "starting…"
        self._parsed = self._extracted = 0
        self.panes = Panes()
        self._filter: ExtractionFilter | None = None
        self._initial_highlights = (highlight_entities, highlight_claims)
        # Set once the first story is on screen: the loader holds back until then so the
        # first paint does not share the GIL with parsing and extraction.
        self._first_shown = threading.Event()
        self._word_count: tuple[str, int] = ("", 0)
        # The notebook's keys and marks (tui/screens/desk_notebook.py); None without a store.
        self.notebook: DeskNotebook | None = None

    def compose(self) -> ComposeResult:
        yield NotebookBanner(id="notebook-banner")
        with Horizontal(id="desk"):
            yield StoryList(id="stories")
            with Vertical(id="reader"):
                yield ArticleView(id="article")
            with Vertical(id="sidebar"):
                yield EntitySidebar(id="entities")
                yield ClaimSidebar(id="claims")
        yield StatusLine(id="status")
        yield Footer(compact=True, show_command_palette=False)

    # ------------------------------------------------------------------ widgets

    @property
    def article_view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def story_list(self) -> StoryList:
        return self.query_one(StoryList)

    @property
    def entity_sidebar(self) -> EntitySidebar:
        return self.query_one(EntitySidebar)

    @property
    def claim_sidebar(self) -> ClaimSidebar:
        return self.query_one(ClaimSidebar)

    # ------------------------------------------------------------------ notebook hooks

    @property
    def current_story(self) -> Story | None:
        return self.stories[self.current] if 0 <= self.current < len(self.stories) else None

    @property
    def current_sentence(self) -> int:
        return self.article_view.current_sentence

    @property
    def selected_entity_id(self) -> str | None:
        return self.article_view.selected_entity

    @property
    def selected_claim_id(self) -> str | None:
        return self.article_view.selected_claim

    @property
    def target(self) -> Target:
        view = self.article_view
        span = view.selection
        return Target(
            story=self.current,
            article_id=view.article.id if view.article else None,
            sentence=view.current_sentence,
            start=span[0] if span else None,
            end=span[1] if span else None,
            entity_id=view.selected_entity,
            claim_id=view.selected_claim,
        )

    def set_marks(self, marks: dict[int, str]) -> None:
        """Gutter marks for sentences of the open story (cleared when another story opens)."""
        self.article_view.set_marks(marks)

    def show_extraction(self, extraction: Extraction) -> None:
        """Show a different Extraction for the open story (e.g. with corrections applied)."""
        story = self.current_story
        view = self.article_view
        view.set_extraction(extraction)
        self.entity_sidebar.show(view.article, extraction)
        self.claim_sidebar.show(view.article, extraction)
        if story is not None:
            self._post_target()

    def set_extraction_filter(self, fn: ExtractionFilter | None) -> None:
        """Applied to every story's Extraction before it is shown, now and whenever a story opens."""
        self._filter = fn
        story = self.current_story
        if story is not None and story.article is not None and story.extraction is not None:
            self.show_extraction(self._filtered(story.article, story.extraction))

    def _filtered(self, article: Article, extraction: Extraction) -> Extraction:
        return self._filter(article, extraction) if self._filter else extraction

    def _post_target(self) -> None:
        self.post_message(self.TargetChanged(self.target))

    def on_desk_screen_target_changed(self, _: DeskScreen.TargetChanged) -> None:
        if self.notebook is not None:
            self.notebook.target_changed()

    def action_notebook(self, verb: str) -> None:
        """Every notebook key (NOTEBOOK_KEYS) lands here: ``notebook('tag')`` …"""
        if self.notebook is not None:
            self.notebook.run(verb)

    # ------------------------------------------------------------------ start-up and layout

    def on_mount(self) -> None:
        view = self.article_view
        view.show_entities, view.show_claims = self._initial_highlights
        view.show(None, placeholder="Loading…")
        self.entity_sidebar.show(None, Extraction())
        self.claim_sidebar.show(None, Extraction())
        self._apply_layout(self.app.size.width)
        self.call_after_refresh(view.focus)
        self.stories_loading = True
        self.notebook = DeskNotebook.install(self)
        self.refresh_status()
        self._load(self.paths, self.stdin_data, self.max_size)

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width)

    def _apply_layout(self, width: int) -> None:
        self.panes.fit(width)
        self._sync_panes(width)

    def _sync_panes(self, width: int | None = None) -> None:
        width = self.app.size.width if width is None else width
        panes = self.panes
        stories, sidebar = self.story_list, self.query_one("#sidebar")
        stories.set_class(not panes.list_open, "-hidden")
        stories.set_class(panes.list_overlay, "-overlay")
        sidebar.set_class(not panes.sidebar_open, "-hidden")
        sidebar.set_class(panes.sidebar_overlay, "-overlay")
        list_width, side_width = panes.widths(width)
        stories.styles.width = list_width
        sidebar.styles.width = side_width
        sidebar.styles.offset = (width - side_width, 0) if panes.sidebar_overlay else (0, 0)
        self.set_class(panes.mode == "narrow", "-narrow")

    # ------------------------------------------------------------------ loading (worker thread)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, paths: list[str], stdin_data: bytes | None, limit: int) -> None:
        worker = get_current_worker()
        load_stories(
            paths,
            stdin_data,
            limit,
            post=self.post_message,
            cancelled=lambda: worker.is_cancelled,
            first_shown=self._first_shown,
        )

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load_one(self, index: int, path: str, article: Article | None) -> None:
        result: Article | str = (
            article if article is not None else parse_story(path, self.stdin_data, self.max_size)
        )
        extraction = extract_story(result) if isinstance(result, Article) else None
        if not get_current_worker().is_cancelled:
            self.post_message(StoryReady(index, result, extraction))

    def on_stories_found(self, message: StoriesFound) -> None:
        self.stories = [Story(p) for p in message.paths]
        self.story_list.set_stories(self.stories)
        if not self.stories:
            self.article_view.show(None, placeholder="No stories found in the given paths.")
        self.refresh_status()

    def on_stories_parsed(self, message: StoriesParsed) -> None:
        for i, result in message.batch:
            story = self.stories[i]
            if story.loaded:
                continue
            if isinstance(result, Article):
                story.article = result
            else:
                story.error = result
        self._parsed = message.done
        self.story_list.update_stories(self.stories, [i for i, _ in message.batch])
        if self.current < 0 and message.batch:
            self._open_first()
        elif any(i == self.current for i, _ in message.batch):
            self._open(self.current)
        self.refresh_status()

    def on_stories_extracted(self, message: StoriesExtracted) -> None:
        for i, result in message.batch:
            story = self.stories[i]
            if story.extraction is None:
                self._set_extraction(i, result)
        self._extracted = message.done
        self.refresh_status()

    def on_load_finished(self, _: LoadFinished) -> None:
        self.stories_loading = False
        self.refresh_status()

    def on_story_ready(self, message: StoryReady) -> None:
        story = self.stories[message.index]
        if isinstance(message.article, Article):
            fresh = story.article is None
            story.article = story.article or message.article
            if fresh:
                self.story_list.update_stories(self.stories, [message.index])
        elif story.error is None:
            story.error = message.article
            self.story_list.update_stories(self.stories, [message.index])
        if message.extraction is not None and story.extraction is None:
            self._set_extraction(message.index, message.extraction, reshow=False)
        if message.index == self.current:
            self._open(self.current)

    def _set_extraction(self, index: int, result: Extraction | str, reshow: bool = True) -> None:
        story = self.stories[index]
        if isinstance(result, str):
            story.extraction = Extraction()
            self.notify(f"{story.name}: {result}", severity="warning", markup=False)
        else:
            story.extraction = result
        if reshow and index == self.current and story.article is not None:
            self.show_extraction(self._filtered(story.article, story.extraction))

    def _open_first(self) -> None:
        first = next((i for i, s in enumerate(self.stories) if s.article is not None), None)
        if first is None and self.stories:
            first = 0  # every story failed: show the first one's reason, not "Loading…" forever
        if first is not None:
            self.story_list.highlighted = first  # posts Opened
            self._open(first)
            self.call_after_refresh(self._first_shown.set)
        else:
            self._first_shown.set()

    # ------------------------------------------------------------------ opening stories

    def _open(self, index: int) -> None:
        if not 0 <= index < len(self.stories):
            return
        story = self.stories[index]
        view = self.article_view
        same = index == self.current and view.article is not None and view.article is story.article
        self.current = index
        if story.error is not None:
            view.show(None, placeholder=f"✗ {story.error}\n{story.path}")
            self.entity_sidebar.show(None, Extraction())
            self.claim_sidebar.show(None, Extraction())
        elif story.article is None:
            view.show(None, placeholder=f"Loading {story.name}…")
            self._load_one(index, story.path, None)
        elif not same:
            extraction = (
                self._filtered(story.article, story.extraction)
                if story.extraction is not None
                else Extraction()
            )
            view.show(story.article, extraction)
            self.entity_sidebar.show(story.article, extraction)
            self.claim_sidebar.show(story.article, extraction)
            if story.extraction is None:
                self._load_one(index, story.path, story.article)
        elif story.extraction is not None:
            self.show_extraction(self._filtered(story.article, story.extraction))
        self.refresh_status()
        self._post_target()

    @on(StoryList.Opened)
    def _story_opened(self, message: StoryList.Opened) -> None:
        if message.index != self.current:
            self._open(message.index)
        if message.chosen:
            if self.panes.close_after_choice("list"):
                self._sync_panes()
            self.article_view.focus()

    def _step_story(self, step: int) -> None:
        if self.stories:
            self.open_story(min(max(self.current + step, 0), len(self.stories) - 1))

    def open_story(self, index: int) -> None:
        self.story_list.highlighted = index
        self._open(index)

    # ------------------------------------------------------------------ sidebar → article

    @on(EntitySidebar.Chosen)
    def _entity_chosen(self, message: EntitySidebar.Chosen) -> None:
        view = self.article_view
        view.selected_entity = message.entity_id
        count = view.set_matches(message.spans, message.label)
        self._after_sidebar_jump()
        self.notify(f"{message.label}: {count} mention(s) — n/N to cycle", markup=False, timeout=3)

    @on(ClaimSidebar.Chosen)
    def _claim_chosen(self, message: ClaimSidebar.Chosen) -> None:
        self.article_view.select_claim(message.claim_id)
        self._after_sidebar_jump()

    def _after_sidebar_jump(self) -> None:
        if self.panes.close_after_choice("sidebar"):
            self._sync_panes()
            self.article_view.focus()
        self.refresh_status()
        self._post_target()

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, _: ArticleView.CursorMoved) -> None:
        self.refresh_status()
        self._post_target()

    @on(ArticleView.HighlightsToggled)
    def _highlights_toggled(self, message: ArticleView.HighlightsToggled) -> None:
        on_off = {True: "on", False: "off"}
        self.notify(
            f"entity colours {on_off[message.entities]}, claim colours {on_off[message.claims]}",
            markup=False,
            timeout=2,
        )

    # ------------------------------------------------------------------ actions

    def action_toggle_list(self) -> None:
        shown = self.panes.toggle_list()
        self._sync_panes()
        (self.story_list if shown else self.article_view).focus()

    def action_toggle_sidebar(self) -> None:
        shown = self.panes.toggle_sidebar()
        self._sync_panes()
        (self.entity_sidebar if shown else self.article_view).focus()

    def action_next_story(self) -> None:
        self._step_story(+1)

    def action_previous_story(self) -> None:
        self._step_story(-1)

    def action_focus_article(self) -> None:
        self.article_view.focus()

    def action_focus_entities(self) -> None:
        self._reveal_sidebar()
        self.entity_sidebar.focus()

    def action_focus_claims(self) -> None:
        self._reveal_sidebar()
        self.query_one("#claim-list").focus()

    def _reveal_sidebar(self) -> None:
        if self.panes.reveal_sidebar():
            self._sync_panes()

    def action_cancel(self) -> None:
        if self.article_view.span_mode:  # esc ends a `v` selection, keeping it; esc again clears it
            self.article_view.end_span()
            return
        workers = [w for w in self.workers if w.group == "load" and w.is_running]
        if self.stories_loading and workers:
            for w in workers:
                w.cancel()
            self.stories_loading = False
            self.load_status = "loading cancelled — unloaded stories load when opened"
            self.notify(self.load_status, markup=False, timeout=3)
        elif self.panes.close_overlays():
            self._sync_panes()
            self.article_view.focus()
        else:
            self.article_view.action_clear_matches()
        self.refresh_status()

    # ------------------------------------------------------------------ status line

    def _words(self, article: Article) -> int:
        # Article.words splits the whole text: too slow to redo on every key of a long story.
        if self._word_count[0] != article.id:
            self._word_count = (article.id, article.words)
        return self._word_count[1]

    def refresh_status(self) -> None:
        view = self.article_view
        story = self.current_story
        cancelled = not self.stories_loading and self.load_status.startswith("loading cancelled")
        left, right = status_parts(
            loading=self.stories_loading,
            load_note=self.load_status if cancelled else "",
            total=len(self.stories),
            parsed=self._parsed,
            extracted=self._extracted,
            failed=sum(1 for s in self.stories if s.error is not None) if self.stories_loading else 0,
            story=self.current if story else None,
            words=self._words(story.article) if story and story.article else None,
            sentence=view.current_sentence if view.article is not None else None,
            sentences=view.sentence_count,
            match_label=view.match_label,
            match=view.match_position,
            entities_on=view.show_entities,
            claims_on=view.show_claims,
        )
        flag = self.notebook.status_flag if self.notebook is not None else ""
        self.query_one(StatusLine).set_parts(left, f"{flag} · {right}" if flag else right)
