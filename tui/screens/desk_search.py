"""`/` search on the desk: the search bar is mounted on first use, typing searches, enter closes."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.widgets import Input

from tui.widgets.article_view import ArticleView
from tui.widgets.search_bar import SearchBar

if TYPE_CHECKING:
    from tui.screens.desk import DeskScreen


class DeskSearch:
    """Mixed into DeskScreen; handlers are found by name (on_…) through the MRO."""

    @property
    def _desk(self) -> DeskScreen:
        return cast("DeskScreen", self)

    async def on_article_view_search_requested(self, _: ArticleView.SearchRequested) -> None:
        # Mounted on first use: one widget fewer to style before the first paint.
        desk = self._desk
        bars = desk.query(SearchBar)
        if bars:
            bar = bars.first()
        else:
            bar = SearchBar(id="search")
            await desk.query_one("#reader").mount(bar)
        bar.display = True
        bar.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search" and len(event.value) >= 2:
            self._desk.article_view.search(event.value)
            self._desk.refresh_status()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search":
            return
        count = self._desk.article_view.search(event.value)
        self.on_search_bar_closed()
        if event.value and not count:
            self._desk.notify(f"not found: {event.value}", markup=False, severity="warning", timeout=2)

    def on_search_bar_closed(self, _: SearchBar.Closed | None = None) -> None:
        self._desk.article_view.focus()
        self._desk.refresh_status()
