"""Notebook ⇄ bytes: the exact on-disk text, and a cached renderer fast enough to save on every key.

The file is ``json.dumps(notebook.to_json(), indent=2, ensure_ascii=False)`` plus a newline.
Re-serialising 10,000 annotations on every keystroke would cost hundreds of milliseconds, so the
store keeps each annotation's rendered :func:`fragment` and a save only :func:`assemble`\\s them —
byte-for-byte the same output (tested).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.encoder import encode_basestring

from tui.notebook.model import (
    SCHEMA,
    Annotation,
    Notebook,
    NotebookFormatError,
    StoryState,
    notebook_from_json,
)


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


_escape = encode_basestring  # the C escaper json.dumps(ensure_ascii=False) uses


def _pretty(value: object, indent: str) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` for our JSON shapes, nested at ``indent``.

    Hand-rolled because the pure-Python pretty encoder costs ~80 µs an annotation and a first save
    of a 10,000-annotation notebook renders them all; strings still go through json's C escaper."""
    if isinstance(value, str):
        return _escape(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = ",\n".join(f"{inner}{_escape(k)}: {_pretty(v, inner)}" for k, v in value.items())
        return "{\n" + body + "\n" + indent + "}"
    if isinstance(value, list):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _pretty(v, inner) for v in value) + "\n" + indent + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a notebook")


_ITEM_INDENT = "    "  # list items sit two levels deep in the document
_SEP = b",\n"


def fragment(thing: Annotation | StoryState) -> bytes:
    """One list item exactly as it sits in the file, preceded by its separator ``,\\n``.

    The store keeps one per annotation (objects are frozen, so a fragment stays valid until the
    annotation is replaced) and a save only assembles them: no re-serialising 10,000 annotations."""
    return _SEP + (_ITEM_INDENT + _pretty(thing.to_json(), _ITEM_INDENT)).encode("utf-8")


def _block(parts: list[bytes], frags: Sequence[bytes]) -> None:
    if not frags:
        parts.append(b"[]")
        return
    parts.append(b"[\n")
    parts.append(frags[0][len(_SEP) :])
    parts.extend(frags[1:])
    parts.append(b"\n  ]")


_HEAD = b'{\n  "schema": ' + json.dumps(SCHEMA).encode() + b',\n  "stories": '


def assemble(stories: Sequence[bytes], annotations: Sequence[bytes]) -> list[bytes]:
    """The whole document as byte chunks (for ``os.writev``: cheaper than joining 8 MB)."""
    parts = [_HEAD]
    _block(parts, stories)
    parts.append(b',\n  "annotations": ')
    _block(parts, annotations)
    parts.append(b"\n}\n")
    return parts


def render(notebook: Notebook) -> bytes:
    """Same bytes as :func:`dumps`, built the way the store builds them."""
    return b"".join(
        assemble([fragment(s) for s in notebook.stories], [fragment(a) for a in notebook.annotations])
    )
