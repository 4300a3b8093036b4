"""The `/` search bar under the article: live matches as you type, enter to go, esc to close."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import Input

from tui.keymap import SEARCH_KEYS, bindings


class SearchBar(Input):
    BINDINGS = bindings(SEARCH_KEYS)

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="search this story — enter: go, esc: close, then n/N", id=id)

    def action_close(self) -> None:
        self.post_message(self.Closed())
