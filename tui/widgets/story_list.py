"""The story list: every story found, filled in as the loader reports; failures with their reason."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.article_layout import printable
from tui.keymap import LIST_KEYS, bindings
from tui.stories import Story


def story_prompt(story: Story) -> Content:
    if story.error is not None:
        return Content.assemble(
            ("✗ ", "bold"), (printable(story.name), "strike"), ("\n  " + printable(story.error), "italic")
        )
    if story.article is None:
        return Content.assemble(("… ", "dim"), (printable(story.name), "dim"))
    meta = story.article.meta
    headline = printable(meta.headline or story.name)
    markers = "".join(f"{printable(m)} " for m in meta.markers)
    parts: list[tuple[str, str] | str] = []
    if markers:
        parts.append((markers, "reverse"))
    parts.append(headline)
    sub = " · ".join(printable(v) for v in (meta.agency, meta.dateline_place) if v)
    if sub:
        parts.append(("  " + sub, "dim"))
    return Content.assemble(*parts)


class StoryList(OptionList):
    """Moving the highlight opens the story: reading the list is reading the stories."""

    BINDINGS = bindings(LIST_KEYS)

    class Opened(Message):
        def __init__(self, index: int, chosen: bool) -> None:
            super().__init__()
            self.index = index
            # True when enter was pressed (narrow layouts close the list then).
            self.chosen = chosen

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Stories"

    def set_stories(self, stories: Sequence[Story]) -> None:
        self.set_options(Option(story_prompt(s)) for s in stories)
        self.update_title(stories)

    def update_stories(self, stories: Sequence[Story], indexes: Sequence[int]) -> None:
        for i in indexes:
            self.replace_option_prompt_at_index(i, story_prompt(stories[i]))
        self.update_title(stories)

    def update_title(self, stories: Sequence[Story]) -> None:
        failed = sum(1 for s in stories if s.error is not None)
        self.border_title = f"Stories {len(stories)}" + (f" ({failed} failed)" if failed else "")

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Opened(event.option_index, chosen=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Opened(event.option_index, chosen=True))
