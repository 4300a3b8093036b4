"""Loading a folder off the UI thread: parse everything, then extract everything, in batches.

``load_stories`` runs in a thread worker (see DeskScreen._load).  It posts the
list of paths at once (the list shows before anything is parsed), then results
about every 0.25 s, as toolong's scanner does, so the UI thread handles a few
messages a second rather than one per story.  Parsing comes first so every
headline is listed quickly; extraction, the slow part, follows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from time import monotonic

from textual.message import Message

from parsers.load import iter_story_paths
from parsers.model import Article, Extraction
from tui.stories import extract_story, parse_story

BATCH_SECONDS = 0.25
# After the first story is posted the loader waits (at most this long) for it to be on screen,
# so the first paint does not share the GIL with parsing and extraction.
FIRST_PAINT_GRACE = 0.5


class StoriesFound(Message):
    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = paths


class StoriesParsed(Message):
    def __init__(self, batch: list[tuple[int, Article | str]], done: int) -> None:
        super().__init__()
        self.batch = batch
        self.done = done


class StoriesExtracted(Message):
    def __init__(self, batch: list[tuple[int, Extraction | str]], done: int) -> None:
        super().__init__()
        self.batch = batch
        self.done = done


class LoadFinished(Message):
    pass


class StoryReady(Message):
    """One story loaded on demand (opened before the loader reached it, or after a cancel)."""

    def __init__(self, index: int, article: Article | str, extraction: Extraction | str | None) -> None:
        super().__init__()
        self.index = index
        self.article = article
        self.extraction = extraction


def load_stories(
    paths: list[str],
    stdin_data: bytes | None,
    limit: int,
    *,
    post: Callable[[Message], object],
    cancelled: Callable[[], bool],
    first_shown: threading.Event,
) -> None:
    found = list(iter_story_paths(paths))
    post(StoriesFound(found))
    parsed: list[tuple[int, Article]] = []
    batch: list[tuple[int, Article | str]] = []
    last = monotonic()
    for i, path in enumerate(found):
        if cancelled():
            return
        result = parse_story(path, stdin_data, limit)
        batch.append((i, result))
        if isinstance(result, Article):
            parsed.append((i, result))
        if monotonic() - last >= BATCH_SECONDS or i == 0:
            post(StoriesParsed(batch, i + 1))
            batch, last = [], monotonic()
            if i == 0:
                first_shown.wait(FIRST_PAINT_GRACE)
    post(StoriesParsed(batch, len(found)))
    extracted: list[tuple[int, Extraction | str]] = []
    for n, (i, article) in enumerate(parsed, 1):
        if cancelled():
            return
        extracted.append((i, extract_story(article)))
        if monotonic() - last >= BATCH_SECONDS:
            post(StoriesExtracted(extracted, n))
            extracted, last = [], monotonic()
    post(StoriesExtracted(extracted, len(parsed)))
    post(LoadFinished())
