"""The article pane: a Line API view of one story with a sentence cursor.

Only visible lines are rendered, each from an LRU cache keyed by what can
change it (width, highlight version, whether the cursor is on it), so a key
press on a 50,000-word story re-renders a screenful at most.  Story text goes
to the terminal as plain Segments with Styles: it is never parsed as markup.

Hooks for the notebook: ``current_sentence``, ``selection``, ``set_marks``,
``set_extraction`` and the ``CursorMoved`` message.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Mapping
from itertools import pairwise
from textwrap import wrap
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from parsers.model import Article, Extraction
from tui.article_layout import (
    Line,
    Run,
    claim_runs,
    entity_runs,
    find_all,
    layout,
    line_of,
    line_starts,
    printable,
    runs_by_paragraph,
    sentence_at,
)
from tui.keymap import ARTICLE_KEYS, bindings
from tui.widgets.style_cache import StyleCache

GUTTER = 2
_OVERLAYS = (
    "entity-person", "entity-org", "entity-loc", "entity-misc", "entity-date", "entity-number", "quantity",
    "claim-content", "claim-cue", "claim-source", "claim-selected", "selection", "match", "match-current",
)  # fmt: skip
_BASES = ("headline", "subhead", "dateline", "byline", "quote", "body")
_STYLE_NAMES = (*_BASES, "meta", "marker", "warning", "rule", "cursor", "cursor-bar", "mark", *_OVERLAYS)
# Overlays are applied in this order, later ones on top.
_LAYER_ORDER = {name: i for i, name in enumerate(_OVERLAYS)}


def placeholder_lines(message: str, width: int) -> list[str]:
    """A placeholder's lines, wrapped to the pane: a long path must not hide the reason."""
    lines: list[str] = []
    for paragraph in message.split("\n"):
        lines.extend(wrap(printable(paragraph), max(width, 10), break_on_hyphens=False) or [""])
    return lines


class ArticleView(ScrollView, can_focus=True):
    """One story, wrapped to the pane, with a sentence cursor and highlights."""

    BINDINGS = bindings(ARTICLE_KEYS)
    COMPONENT_CLASSES: ClassVar[set[str]] = {f"article--{name}" for name in _STYLE_NAMES}

    class CursorMoved(Message):
        """The sentence cursor (or the selection) moved: the notebook's current target changed."""

        def __init__(self, view: ArticleView, sentence: int) -> None:
            super().__init__()
            self.view = view
            self.sentence = sentence

    class SearchRequested(Message):
        pass

    class HighlightsToggled(Message):
        def __init__(self, entities: bool, claims: bool) -> None:
            super().__init__()
            self.entities = entities
            self.claims = claims

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.article: Article | None = None
        self.extraction = Extraction()
        self.placeholder = "No story open."
        self.show_entities = True
        self.show_claims = True
        self._lines: list[Line] = []
        self._starts: list[int] = []
        self._sentence_starts: list[int] = []
        self._width = 0
        self._cache: LRUCache[tuple[int, int, int, int], Strip] = LRUCache(2048)
        self._version = 0
        self._cursor = 0
        self._runs: list[list[Run]] = []
        self._matches: list[tuple[int, int]] = []
        self._match_starts: list[int] = []
        self._match_index = -1
        self.match_label = ""
        self.selected_entity: str | None = None
        self.selected_claim: str | None = None
        self._selection: tuple[int, int] | None = None
        # The sentence where `v` started a span selection; j/k extend it while set.
        self._span_anchor: int | None = None
        self._marks: dict[int, str] = {}
        self._styles = StyleCache(self, "article")

    # ------------------------------------------------------------------ public API

    def show(
        self, article: Article | None, extraction: Extraction | None = None, placeholder: str = ""
    ) -> None:
        """Show a story (or a short placeholder such as a parse error) from the top."""
        self.article = article
        self.extraction = extraction or Extraction()
        self.placeholder = placeholder or "No story open."
        self._cursor = 0
        self._matches, self._match_starts, self._match_index, self.match_label = [], [], -1, ""
        self.selected_entity = self.selected_claim = None
        self._selection = None
        self._span_anchor = None
        self._marks = {}
        self._sentence_starts = [s.start for s in article.sentences] if article else []
        self._rebuild_runs()
        self._relayout(force=True)
        self.scroll_to(y=0, animate=False)
        self._moved()

    def set_extraction(self, extraction: Extraction) -> None:
        """Replace what is highlighted (e.g. extraction with the notebook's corrections applied)."""
        self.extraction = extraction
        ids = {e.id for e in extraction.entities}
        if self.selected_entity not in ids:
            self.selected_entity = None
        if self.selected_claim not in {c.id for c in extraction.claims}:
            self.selected_claim = None
        self._rebuild_runs()
        self._invalidate()

    def set_marks(self, marks: Mapping[int, str]) -> None:
        """Per-sentence gutter marks (one or two characters), e.g. ``{3: "●"}``; replaces the old set."""
        self._marks = {int(k): printable(v)[:1] for k, v in marks.items() if v}
        self._invalidate()

    @property
    def current_sentence(self) -> int:
        return self._cursor

    @property
    def sentence_count(self) -> int:
        return len(self._sentence_starts)

    @property
    def selection(self) -> tuple[int, int] | None:
        """The span the user points at: a selected span, else the current sentence."""
        if self._selection is not None:
            return self._selection
        if self.article and self.article.sentences:
            s = self.article.sentences[self._cursor]
            return (s.start, s.end)
        return None

    def select_span(self, start: int, end: int) -> None:
        """Select a span (shown reversed) and move the cursor to its sentence."""
        self._selection = (start, end) if end > start else None
        self._invalidate()
        self.go_to_offset(start)

    @property
    def selected_span(self) -> tuple[int, int] | None:
        """The span selection only (None when the user has not selected one)."""
        return self._selection

    @property
    def span_mode(self) -> bool:
        return self._span_anchor is not None

    def start_span(self) -> None:
        """`v`: select the current sentence; j/k then extend the selection sentence by sentence."""
        if self.article is None or not self.article.sentences:
            return
        self._span_anchor = self._cursor
        self._select_sentences()
        self._moved()

    def end_span(self) -> None:
        """Stop extending; the selection stays (it is what t/a/r/x act on)."""
        self._span_anchor = None

    def _select_sentences(self) -> None:
        assert self.article is not None and self._span_anchor is not None
        lo, hi = sorted((self._span_anchor, self._cursor))
        self._selection = (self.article.sentences[lo].start, self.article.sentences[hi].end)
        self._invalidate()

    def clear_selection(self) -> None:
        self._span_anchor = None
        if self._selection is not None:
            self._selection = None
            self._invalidate()

    def set_cursor(self, sentence: int) -> None:
        if not self._sentence_starts:
            return
        sentence = min(max(sentence, 0), len(self._sentence_starts) - 1)
        if sentence != self._cursor:
            self._cursor = sentence
            self.refresh()
            self._moved()
        self._scroll_to_sentence()

    def go_to_offset(self, offset: int) -> None:
        if self.article:
            self.set_cursor(sentence_at(self.article, offset))
            self._scroll_to_offset(offset)

    def set_matches(self, spans: list[tuple[int, int]], label: str, offset: int | None = None) -> int:
        """Mark spans (search hits, an entity's mentions) for n/N; jump to the first at/after the cursor."""
        self._matches = sorted(spans)
        self._match_starts = [s for s, _ in self._matches]
        self.match_label = label
        self._match_index = -1
        self._invalidate()
        if self._matches:
            here = offset if offset is not None else self._cursor_offset()
            i = bisect_left(self._match_starts, here)
            self._jump_match(i % len(self._matches))
        return len(self._matches)

    def select_claim(self, claim_id: str) -> None:
        claim = next((c for c in self.extraction.claims if c.id == claim_id), None)
        if claim is None:
            return
        self.selected_claim = claim_id
        self._rebuild_runs()
        self._invalidate()
        self.go_to_offset(claim.content.start)
        start = (
            claim.content.start
            if claim.source.start is None
            else min(claim.source.start, claim.content.start)
        )
        self._scroll_to_offset(start)

    @property
    def match_position(self) -> tuple[int, int]:
        return (self._match_index + 1, len(self._matches))

    # ------------------------------------------------------------------ actions

    def action_next_sentence(self) -> None:
        self._step(+1)

    def action_previous_sentence(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        if self._span_anchor is None:
            self.clear_selection()
            self.set_cursor(self._cursor + step)
            return
        # Extending a span: the selection must be set before CursorMoved reaches the notebook.
        self._cursor = min(max(self._cursor + step, 0), len(self._sentence_starts) - 1)
        self._select_sentences()
        self._scroll_to_sentence()
        self._moved()

    def action_top(self) -> None:
        self.set_cursor(0)
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.set_cursor(len(self._sentence_starts) - 1)
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_search(self) -> None:
        self.post_message(self.SearchRequested())

    def action_next_match(self) -> None:
        if self._matches:
            self._jump_match((self._match_index + 1) % len(self._matches))
        else:
            self.notify("Nothing to cycle through: press / to search or pick an entity", markup=False)

    def action_previous_match(self) -> None:
        if self._matches:
            self._jump_match((self._match_index - 1) % len(self._matches))

    def action_clear_matches(self) -> None:
        self.selected_entity = None
        self.set_matches([], "")
        self.clear_selection()

    def action_toggle_entities(self) -> None:
        self.show_entities = not self.show_entities
        self._rebuild_runs()
        self._invalidate()
        self.post_message(self.HighlightsToggled(self.show_entities, self.show_claims))

    def action_toggle_claims(self) -> None:
        self.show_claims = not self.show_claims
        self._rebuild_runs()
        self._invalidate()
        self.post_message(self.HighlightsToggled(self.show_entities, self.show_claims))

    def search(self, query: str) -> int:
        if not self.article:
            return 0
        return self.set_matches(find_all(self.article.text, query), f"“{query}”")

    def on_click(self, event: events.Click) -> None:
        """The mouse works too: a click puts the sentence cursor on the sentence under it."""
        index = int(self.scroll_y) + event.y
        if self.article is None or not 0 <= index < len(self._lines):
            return
        line = self._lines[index]
        if line.kind != "text":
            return
        column = max(event.x - GUTTER, 0)
        offset = min(line.start + column, max(line.end - 1, line.start))
        self.clear_selection()
        self.set_cursor(sentence_at(self.article, offset))

    # ------------------------------------------------------------------ internals

    def _moved(self) -> None:
        self.post_message(self.CursorMoved(self, self._cursor))

    def _cursor_offset(self) -> int:
        return self._sentence_starts[self._cursor] if self._sentence_starts else 0

    def _jump_match(self, index: int) -> None:
        self._match_index = index
        self._invalidate()
        start, _ = self._matches[index]
        self.go_to_offset(start)

    def _page(self, direction: int) -> None:
        height = max(self.scrollable_content_region.height, 1)
        target = min(max(self.scroll_y + direction * (height - 1), 0), self.max_scroll_y)
        self.scroll_to(y=target, animate=False)
        if not self.article or not self._lines:
            return
        top = int(target)
        line = self._lines[min(top, len(self._lines) - 1)]
        if direction > 0 and target >= self.max_scroll_y:
            self.set_cursor(len(self._sentence_starts) - 1)
        else:
            sentence = sentence_at(self.article, line.start)
            if self._sentence_starts and self._sentence_starts[sentence] < line.start:
                sentence += 1  # the sentence starting above the viewport is not on screen
            self._cursor = min(sentence, len(self._sentence_starts) - 1)
            self.refresh()
            self._moved()

    def _scroll_to_sentence(self) -> None:
        if not self.article or not self.article.sentences:
            return
        span = self.article.sentences[self._cursor]
        first = line_of(self._starts, span.start)
        last = line_of(self._starts, max(span.end - 1, span.start))
        self._scroll_lines(first, last)

    def _scroll_to_offset(self, offset: int) -> None:
        y = line_of(self._starts, offset)
        self._scroll_lines(y, y)

    def _scroll_lines(self, first: int, last: int) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = int(self.scroll_y)
        if first < top:
            self.scroll_to(y=first, animate=False)
        elif last >= top + height:
            self.scroll_to(y=min(first, last - height + 1), animate=False)

    def _rebuild_runs(self) -> None:
        if self.article is None:
            self._runs = []
            return
        runs: list[Run] = []
        if self.show_entities:
            runs.extend(entity_runs(self.extraction))
        if self.show_claims:
            runs.extend(claim_runs(self.extraction))
        if self.selected_claim is not None:
            claim = next((c for c in self.extraction.claims if c.id == self.selected_claim), None)
            if claim is not None:
                runs.append(Run(claim.content.start, claim.content.end, "claim-selected"))
        self._runs = runs_by_paragraph(self.article, runs)

    def _invalidate(self) -> None:
        self._version += 1
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()
        self._version += 1

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self, force: bool = False) -> None:
        width = max(self.scrollable_content_region.width - GUTTER - 1, 10)
        if width == self._width and not force:
            return
        self._width = width
        self._lines = layout(self.article, width) if self.article else []
        self._starts = line_starts(self._lines)
        self._cache.clear()
        self._version += 1
        self.virtual_size = Size(self.scrollable_content_region.width, max(len(self._lines), 1))
        self._scroll_to_sentence()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_y) + y
        base = self._styles.base()
        if self.article is None:
            lines = placeholder_lines(self.placeholder, width - GUTTER)
            if 1 <= y <= len(lines):
                return Strip([Segment(" " * GUTTER, base), Segment(lines[y - 1], base)]).adjust_cell_length(
                    width, base
                )
            return Strip.blank(width, base)
        if index >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[index]
        on_cursor = -1
        if line.kind == "text" and self.article.sentences:
            cur = self.article.sentences[self._cursor]
            if (line.start < cur.end and line.end > cur.start) or (line.start == line.end == cur.start):
                on_cursor = self._cursor
        key = (index, width, self._version, on_cursor)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_line_uncached(line, width, base, on_cursor >= 0)
            self._cache[key] = strip
        return strip

    def _render_line_uncached(self, line: Line, width: int, base: Style, on_cursor: bool) -> Strip:
        assert self.article is not None
        gutter_style = base + self._styles.component("mark")
        if line.kind == "meta":
            segs = [Segment(" " * GUTTER, base)]
            segs.extend(Segment(text, base + self._styles.component(cls)) for text, cls in line.pieces)
            return Strip(segs).crop(0, width).adjust_cell_length(width, base)
        if line.kind == "blank":
            return Strip.blank(width, base)
        para = self.article.paragraphs[line.para]
        text_style = base + self._styles.component(para.kind if para.kind in _STYLE_NAMES else "body")
        mark = self._mark_for(line)
        segs = [
            Segment(mark or " ", gutter_style),
            Segment(
                "▌" if on_cursor else " ", base + self._styles.component("cursor-bar") if on_cursor else base
            ),
        ]
        if on_cursor:
            cur = self.article.sentences[self._cursor]
        overlays = self._overlays(line)
        cuts = {line.start, line.end}
        for s, e, _ in overlays:
            cuts.add(min(max(s, line.start), line.end))
            cuts.add(min(max(e, line.start), line.end))
        if on_cursor:
            cuts.add(min(max(cur.start, line.start), line.end))
            cuts.add(min(max(cur.end, line.start), line.end))
        points = sorted(cuts)
        text = self.article.text
        cursor_style = self._styles.component("cursor")
        for a, b in pairwise(points):
            style = text_style
            if on_cursor and cur.start <= a < cur.end:
                style = style + cursor_style
            for s, e, name in overlays:
                if s <= a < e:
                    style = style + self._styles.component(name)
            segs.append(Segment(printable(text[a:b]), style))
        return Strip(segs).adjust_cell_length(width, base)

    def _mark_for(self, line: Line) -> str:
        if not self._marks:
            return ""
        lo = bisect_left(self._sentence_starts, line.start)
        hi = bisect_right(self._sentence_starts, max(line.end - 1, line.start))
        # the first line of a sentence carries its mark
        for i in range(lo, hi):
            if i in self._marks:
                return self._marks[i]
        return ""

    def _overlays(self, line: Line) -> list[tuple[int, int, str]]:
        out = [
            (r.start, r.end, r.style)
            for r in (self._runs[line.para] if line.para < len(self._runs) else ())
            if r.start < line.end and r.end > line.start
        ]
        if self._matches:
            i = bisect_right(self._match_starts, line.end)
            j = i - 1
            while j >= 0 and j >= i - 64:
                s, e = self._matches[j]
                if e > line.start and s < line.end:
                    out.append((s, e, "match-current" if j == self._match_index else "match"))
                j -= 1
        if self._selection is not None:
            s, e = self._selection
            if s < line.end and e > line.start:
                out.append((s, e, "selection"))
        out.sort(key=lambda o: _LAYER_ORDER.get(o[2], 0))
        return out
