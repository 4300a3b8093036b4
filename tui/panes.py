"""Which panes show, and how, for a terminal width: pure logic the desk screen applies.

≥ 160 columns: story list | article | sidebar side by side.  120–159: article and
sidebar; the list is an overlay.  Below 120 (80×24 over SSH): the article keeps the
whole width and the list and sidebar are overlays, one at a time, toggled by key.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDE, MEDIUM = 160, 120
LIST_WIDTH, LIST_OVERLAY_WIDTH, SIDEBAR_WIDTH = 36, 44, 46


@dataclass(slots=True)
class Panes:
    mode: str = ""
    list_open: bool = False
    sidebar_open: bool = False

    def fit(self, width: int) -> None:
        """A new width: on a change of mode, reset to that mode's defaults."""
        mode = "wide" if width >= WIDE else "medium" if width >= MEDIUM else "narrow"
        if mode != self.mode:
            self.mode = mode
            self.list_open = mode == "wide"
            self.sidebar_open = mode != "narrow"

    @property
    def list_overlay(self) -> bool:
        return self.mode != "wide"

    @property
    def sidebar_overlay(self) -> bool:
        return self.mode == "narrow"

    def toggle_list(self) -> bool:
        self.list_open = not self.list_open
        if self.list_open and self.sidebar_overlay:
            self.sidebar_open = False
        return self.list_open

    def toggle_sidebar(self) -> bool:
        self.sidebar_open = not self.sidebar_open
        if self.sidebar_open and self.sidebar_overlay:
            self.list_open = False
        return self.sidebar_open

    def reveal_sidebar(self) -> bool:
        """Open the sidebar if closed; True when something changed."""
        if self.sidebar_open:
            return False
        self.toggle_sidebar()
        return True

    def close_overlays(self) -> bool:
        """Close whatever floats over the article; True when something was open."""
        closed = False
        if self.list_overlay and self.list_open:
            self.list_open, closed = False, True
        if self.sidebar_overlay and self.sidebar_open:
            self.sidebar_open, closed = False, True
        return closed

    def close_after_choice(self, pane: str) -> bool:
        """After enter in an overlay pane, close it so the article shows; True when closed."""
        if pane == "list" and self.list_overlay and self.list_open:
            self.list_open = False
            return True
        if pane == "sidebar" and self.sidebar_overlay and self.sidebar_open:
            self.sidebar_open = False
            return True
        return False

    def widths(self, width: int) -> tuple[int, int]:
        """(story list, sidebar) widths in columns."""
        list_width = LIST_OVERLAY_WIDTH if self.list_overlay else LIST_WIDTH
        return min(list_width, max(width - 4, 20)), min(SIDEBAR_WIDTH, max(width - 4, 20))
