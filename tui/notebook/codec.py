"""Notebook ⇄ bytes: the exact on-disk text, and a cached renderer fast enough to save on every key.

The file is ``json.dumps(notebook.to_json(), indent=2, ensure_ascii=False)`` plus a newline.
Re-serialising 10,000 annotations on every keystroke would cost tens of milliseconds, so
:class:`Renderer` keeps each annotation's rendered bytes (annotations are frozen: an unchanged
object renders the same) and only assembles the document — byte-for-byte the same output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from tui.notebook.model import (
    SCHEMA,
    Annotation,
    Notebook,
    NotebookFormatError,
    StoryState,
    notebook_from_json,
)

_ITEM_INDENT = "    "  # list items sit two levels deep in the document


def dumps(notebook: Notebook) -> str:
    return json.dumps(notebook.to_json(), indent=2, ensure_ascii=False) + "\n"


def loads(data: bytes) -> Notebook:
    """Parse and validate; raises NotebookFormatError with a one-line reason."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise NotebookFormatError(f"not UTF-8 text (byte {err.start})") from None
    if not text.strip():
        raise NotebookFormatError("empty file")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        # A notebook always ends with "}"; a parse error in a file that does not is a cut-off write
        # (a crash of some other tool, a full disk, a sync conflict) — say so, it is the useful clue.
        if err.pos >= len(text.rstrip()) or not text.rstrip().endswith("}"):
            raise NotebookFormatError(
                f"truncated: the JSON ends early (line {err.lineno}, column {err.colno})"
            ) from None
        raise NotebookFormatError(
            f"not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})"
        ) from None
    except RecursionError:
        raise NotebookFormatError("not valid JSON: nested too deeply") from None
    return notebook_from_json(value)


def _item(value: object) -> bytes:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    # split("\n"), not splitlines(): JSON never holds a raw newline inside a string, but it may hold
    # U+2028 or U+0085, which splitlines() would wrongly treat as line ends.
    return "\n".join(_ITEM_INDENT + line for line in text.split("\n")).encode("utf-8")


def _block(items: list[bytes]) -> bytes:
    if not items:
        return b"[]"
    return b"[\n" + b",\n".join(items) + b"\n  ]"


class Renderer:
    """Renders a notebook to the same bytes as :func:`dumps`, re-rendering only changed annotations."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Annotation, bytes]] = {}

    def render(self, stories: Iterable[StoryState], annotations: Iterable[Annotation]) -> bytes:
        fresh: dict[str, tuple[Annotation, bytes]] = {}
        items: list[bytes] = []
        for ann in annotations:
            hit = self._cache.get(ann.id)
            if hit is None or hit[0] is not ann:
                hit = (ann, _item(ann.to_json()))
            fresh[ann.id] = hit
            items.append(hit[1])
        self._cache = fresh
        story_items = [_item(s.to_json()) for s in stories]
        return b"".join(
            (
                b'{\n  "schema": ',
                json.dumps(SCHEMA).encode(),
                b',\n  "stories": ',
                _block(story_items),
                b',\n  "annotations": ',
                _block(items),
                b"\n}\n",
            )
        )
