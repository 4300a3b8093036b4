"""The story list: a Line API list that stays instant with thousands of stories.

Stories are one row each (a failed story takes two: its name and its reason),
rendered only when visible and cached per row, so a loader batch that fills in
200 headlines repaints a screenful, not the whole list.  Moving the highlight
opens the story: reading the list is reading the stories.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.article_layout import printable
from tui.keymap import LIST_KEYS, LIST_PAGE_KEYS, bindings
from tui.stories import Story
from tui.widgets.style_cache import StyleCache


def story_row(story: Story) -> list[tuple[str, str]]:
    """The pieces of a story's row as (text, component) pairs; plain text, never markup."""
    if story.error is not None:
        return [("✗ ", "failed"), (printable(story.name), "failed")]
    if story.article is None:
        return [("… ", "pending"), (printable(story.name), "pending")]
    meta = story.article.meta
    pieces = [(f"{printable(m)} ", "marker") for m in meta.markers]
    pieces.append((printable(meta.headline or story.name), "headline"))
    sub = " · ".join(printable(v) for v in (meta.agency, meta.dateline_place) if v)
    if sub:
        pieces.append(("  " + sub, "meta"))
    return pieces


class StoryList(ScrollView, can_focus=True):
    BINDINGS = bindings((*LIST_KEYS, *LIST_PAGE_KEYS))
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        f"story-list--{n}"
        for n in ("highlight", "failed", "reason", "pending", "marker", "headline", "meta", "status")
    }
    DEFAULT_CSS = """
    StoryList { overflow-x: hidden; overflow-y: auto; scrollbar-size-vertical: 1; }
    StoryList > .story-list--highlight { background: $boost; text-style: bold; }
    StoryList:focus > .story-list--highlight { background: $accent 40%; text-style: bold reverse; }
    StoryList > .story-list--failed { color: $error; text-style: strike; }
    StoryList > .story-list--reason { color: $error; text-style: italic; }
    StoryList > .story-list--pending { color: $text-muted; }
    StoryList > .story-list--marker { text-style: bold reverse; }
    StoryList > .story-list--headline { }
    StoryList > .story-list--meta { color: $text-muted; }
    StoryList > .story-list--status { text-style: bold; }
    """

    class Opened(Message):
        def __init__(self, index: int, chosen: bool) -> None:
            super().__init__()
            self.index = index
            # True when enter was pressed (narrow layouts close the list then).
            self.chosen = chosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Stories"
        self._stories: Sequence[Story] = ()
        self._rows: list[tuple[int, int]] = []  # (story index, 0 = the story / 1 = its failure reason)
        self._first_row: list[int] = []
        self._highlighted: int | None = None
        self._versions: list[int] = []
        self._cache: LRUCache[tuple[int, int, int, bool, bool], Strip] = LRUCache(1024)
        self._styles = StyleCache(self, "story-list")
        # The notebook's status mark for a story (one character: ● unread, ⚑ flagged, ✓ done).
        self.status_of: Callable[[Story], str] | None = None

    @property
    def count(self) -> int:
        return len(self._stories)

    # ------------------------------------------------------------------ data

    def set_stories(self, stories: Sequence[Story]) -> None:
        self._stories = stories
        self._versions = [0] * len(stories)
        self._highlighted = None
        self._cache.clear()
        self._rebuild_rows()
        self.update_title(stories)

    def update_stories(self, stories: Sequence[Story], indexes: Sequence[int]) -> None:
        self._stories = stories
        failed_changed = False
        for i in indexes:
            self._versions[i] += 1
            failed_changed = failed_changed or stories[i].error is not None
        if failed_changed:
            self._rebuild_rows()
        self.update_title(stories)
        self.refresh()

    def update_title(self, stories: Sequence[Story]) -> None:
        failed = sum(1 for s in stories if s.error is not None)
        self.border_title = f"Stories {len(stories)}" + (f" ({failed} failed)" if failed else "")

    def _rebuild_rows(self) -> None:
        rows: list[tuple[int, int]] = []
        first: list[int] = []
        for i, story in enumerate(self._stories):
            first.append(len(rows))
            rows.append((i, 0))
            if story.error is not None:
                rows.append((i, 1))
        self._rows, self._first_row = rows, first
        self.virtual_size = Size(self.scrollable_content_region.width, len(rows))
        self.refresh()

    # ------------------------------------------------------------------ highlight

    @property
    def highlighted(self) -> int | None:
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        self._move(index, chosen=False)

    def _move(self, index: int | None, chosen: bool) -> None:
        if not self._stories:
            return
        if index is not None:
            index = min(max(index, 0), len(self._stories) - 1)
        changed = index != self._highlighted
        self._highlighted = index
        if index is None:
            self.refresh()
            return
        self._scroll_into_view(index)
        self.refresh()
        if changed or chosen:
            self.post_message(self.Opened(index, chosen))

    def _scroll_into_view(self, index: int) -> None:
        first = self._first_row[index]
        last = first + (1 if self._stories[index].error is not None else 0)
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif height > 0 and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False)

    def action_cursor_down(self) -> None:
        self._move(0 if self._highlighted is None else self._highlighted + 1, chosen=False)

    def action_cursor_up(self) -> None:
        self._move(0 if self._highlighted is None else self._highlighted - 1, chosen=False)

    def action_first(self) -> None:
        self._move(0, chosen=False)

    def action_last(self) -> None:
        self._move(len(self._stories) - 1, chosen=False)

    def action_select(self) -> None:
        if self._highlighted is not None:
            self._move(self._highlighted, chosen=True)

    def action_page_down(self) -> None:
        step = max(self.scrollable_content_region.height - 1, 1)
        self._move((self._highlighted or 0) + step, chosen=False)

    def action_page_up(self) -> None:
        step = max(self.scrollable_content_region.height - 1, 1)
        self._move((self._highlighted or 0) - step, chosen=False)

    def on_click(self, event: events.Click) -> None:
        row = int(self.scroll_y) + event.y
        if 0 <= row < len(self._rows):
            self._move(self._rows[row][0], chosen=event.chain >= 2)

    # ------------------------------------------------------------------ rendering

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def on_resize(self) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows))

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = int(self.scroll_y) + y
        base = self._styles.base()
        if row >= len(self._rows):
            return Strip.blank(width, base)
        index, sub = self._rows[row]
        lit = index == self._highlighted
        key = (row, width, self._versions[index], lit, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            story = self._stories[index]
            style = base + self._styles.component("highlight") if lit else base
            pieces = [("  " + printable(story.error or ""), "reason")] if sub else story_row(story)
            mark = self.status_of(story)[:1] if self.status_of is not None and not sub else ""
            segs = [Segment(mark or " ", style + self._styles.component("status")), Segment(" ", style)]
            segs.extend(Segment(text, style + self._styles.component(cls)) for text, cls in pieces)
            strip = Strip(segs)
            if strip.cell_length > width:
                strip = Strip([*strip.crop(0, max(width - 1, 0)), Segment("…", style)])
            strip = strip.adjust_cell_length(width, style)
            self._cache[key] = strip
        return strip

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
