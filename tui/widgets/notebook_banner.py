"""A one-line banner above the desk for the notebook's trouble: read-only, or changes not saved."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.article_layout import printable


class NotebookBanner(Widget):
    DEFAULT_CSS = """
    NotebookBanner { height: auto; max-height: 2; display: none; background: $warning 30%; text-style: bold;
                     padding: 0 1; }
    NotebookBanner.-error { background: $error 40%; }
    NotebookBanner.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.message = ""

    def show_message(self, message: str, error: bool = False) -> None:
        """An empty message hides the banner.  The text may hold a path: plain text, never markup."""
        self.message = printable(" ".join(message.split()))
        self.set_class(bool(self.message), "-shown")
        self.set_class(error, "-error")
        self.refresh(layout=True)

    def render(self) -> Content:
        return Content(self.message)
