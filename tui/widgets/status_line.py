"""One-line status under the article: loading progress or story, then matches, sentence, highlight flags.

A plain Widget whose ``render`` returns Content: updating it repaints one line
and never asks the screen for a new layout (a Static.update would).  The right
part is aligned at render time, so it follows a resize.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

from tui.article_layout import printable


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._left = ""
        self._right = ""

    @property
    def text(self) -> str:
        return f"{self._left} {self._right}"

    def set_parts(self, left: str, right: str) -> None:
        left, right = printable(left), printable(right)
        if (left, right) != (self._left, self._right):
            self._left, self._right = left, right
            self.refresh()

    def render(self) -> Content:
        width = max(self.content_region.width, 1)
        pad = width - len(self._left) - len(self._right)
        if pad >= 1:
            return Content(f"{self._left}{' ' * pad}{self._right}")
        return Content(f"{self._left} {self._right}"[:width])


def status_parts(
    *,
    loading: bool,
    load_note: str,
    total: int,
    parsed: int,
    extracted: int,
    failed: int,
    story: int | None,
    words: int | None,
    sentence: int | None,
    sentences: int,
    match_label: str,
    match: tuple[int, int],
    entities_on: bool,
    claims_on: bool,
) -> tuple[str, str]:
    """The status text: (left, right)."""
    if loading:
        left = f"loading: parsed {parsed}/{total}, extracted {extracted}"
        left += (f", {failed} failed" if failed else "") + " · esc cancels"
    elif load_note:
        left = load_note
    else:
        left = f"story {story + 1}/{total}" if story is not None else f"{total} stories"
        if words is not None:
            left += f" · {words} words"
    right = f"sentence {sentence + 1}/{sentences}" if sentence is not None and sentences else ""
    pos, count = match
    if count:
        right = f"{match_label[:30]} {pos}/{count} · " + right
    flags = ("E" if entities_on else "-") + ("C" if claims_on else "-")
    return left, f"{right}  {flags}"
