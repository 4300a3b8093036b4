"""What every export format starts from: stories with their (corrected) extraction and located notes."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from parsers.model import Article, Extraction
from tui.notebook.corrections import apply_corrections
from tui.notebook.model import Annotation, Notebook, StoryState
from tui.notebook.resolve import Resolved, resolve, story_annotations

# C0/C1 controls (ESC above all) never reach an export: a file cat'ed to a terminal must not drive it.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text with control characters removed (newlines and tabs kept)."""
    return _CONTROLS.sub("", text)


@dataclass(frozen=True, slots=True)
class StoryExport:
    story_id: str
    state: StoryState | None
    article: Article | None
    extraction: Extraction | None  # corrections applied
    items: tuple[Resolved, ...]

    @property
    def headline(self) -> str:
        if self.article is not None and self.article.meta.headline:
            return self.article.meta.headline
        if self.state is not None and self.state.headline:
            return self.state.headline
        return "(no headline)"

    @property
    def status(self) -> str:
        return "unread" if self.state is None else self.state.status


def _wanted(ann: Annotation, tags: Collection[str]) -> bool:
    return not tags or any(t in tags for t in ann.tags)


def build_exports(
    notebook: Notebook,
    articles: Sequence[Article] = (),
    *,
    tags: Collection[str] = (),
    extractor: Callable[[Article], Extraction] | None = None,
    only_given: bool = False,
) -> tuple[StoryExport, ...]:
    """One StoryExport per story with something to say (annotations, or a status other than unread).

    ``articles`` supply story text (matched by id, then by source path); ``only_given`` limits the
    export to them.  With ``tags`` only annotations carrying one of them are kept, and only stories
    that have such annotations.  Corrections are applied to the extraction regardless of ``tags``."""
    out: list[StoryExport] = []
    claimed: set[str] = set()
    for article in articles:
        anns = story_annotations(article, notebook)
        story_ids = {a.story_id for a in anns} | {article.id}
        claimed |= story_ids
        state = notebook.story(article.id) or next(
            (notebook.story(s) for s in sorted(story_ids) if notebook.story(s) is not None), None
        )
        extraction = None
        if extractor is not None:
            extraction = apply_corrections(article, extractor(article), anns)
        kept = tuple(a for a in anns if _wanted(a, tags))
        if tags and not kept:
            continue
        if not kept and (state is None or state.status == "unread") and not only_given:
            continue
        items = tuple(resolve(article, a, extraction) for a in kept)
        out.append(StoryExport(article.id, state, article, extraction, items))
    if only_given:
        return tuple(out)
    for state in notebook.stories:
        if state.story_id in claimed:
            continue
        kept = tuple(a for a in notebook.for_story(state.story_id) if _wanted(a, tags))
        if (tags and not kept) or (not kept and state.status == "unread"):
            continue
        out.append(StoryExport(state.story_id, state, None, None, tuple(resolve(None, a) for a in kept)))
    return tuple(out)
