"""One-line status under the article: loading progress, story, sentence, matches, highlight flags.

A plain Widget whose ``render`` returns Content: updating it repaints one line
and never asks the screen for a new layout (a Static.update would).
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = Content("")

    @property
    def text(self) -> str:
        return self._content.plain

    def set_text(self, text: str) -> None:
        if text != self._content.plain:
            self._content = Content(text)
            self.refresh()

    def render(self) -> Content:
        return self._content
