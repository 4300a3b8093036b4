"""The stories the desk has open, and loading them (pure Python: runs in worker threads)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from parsers.formats import ParseError
from parsers.load import DEFAULT_SIZE_LIMIT, STDIN, parse_bytes, parse_path
from parsers.model import Article, Extraction


@dataclass(slots=True)
class Story:
    """One entry of the story list; filled in as workers report back (UI thread only)."""

    path: str
    article: Article | None = None
    extraction: Extraction | None = None
    error: str | None = None

    @property
    def loaded(self) -> bool:
        return self.article is not None or self.error is not None

    @property
    def name(self) -> str:
        return "(stdin)" if self.path == STDIN else os.path.basename(self.path) or self.path


def parse_story(path: str, stdin_data: bytes | None, limit: int = DEFAULT_SIZE_LIMIT) -> Article | str:
    """An Article, or the one-line reason it could not be read."""
    try:
        if path == STDIN:
            if stdin_data is None:
                return "stdin: nothing read"
            if len(stdin_data) > limit:
                return f"too large (limit {limit} bytes)"
            return parse_bytes(stdin_data, STDIN, None)
        return parse_path(path, limit)
    except ParseError as err:
        return str(err).splitlines()[0] if str(err) else "cannot parse"
    except Exception as err:  # noqa: BLE001 — one broken story must not stop the desk
        return f"{type(err).__name__}: {err}".splitlines()[0][:200]


def extract_story(article: Article) -> Extraction | str:
    from parsers.extract import extract

    try:
        return extract(article)
    except Exception as err:  # noqa: BLE001 — the story still reads without its extraction
        return f"extraction failed: {type(err).__name__}: {err}".splitlines()[0][:200]
