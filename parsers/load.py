"""Paths and bytes → Articles, with the safety limits in one place.

Size is checked before a file is read, binary files are refused with a
one-line reason, and one bad file never stops a folder from opening.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from parsers.formats import EXTENSIONS, READERS, ParseError, RawDocument, sniff
from parsers.model import Article
from parsers.sanitize import decode, looks_binary

DEFAULT_SIZE_LIMIT = 5 * 1024 * 1024
STDIN = "-"


def _limit_text(limit: int) -> str:
    return f"{limit / (1024 * 1024):g} MB"


def read_limited(path: str, limit: int = DEFAULT_SIZE_LIMIT) -> bytes:
    """Read a file, refusing before reading when it is larger than ``limit``."""
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise ParseError(f"too large: {size / (1024 * 1024):.1f} MB (limit {_limit_text(limit)})")
        with open(path, "rb") as fh:
            # A file that grows while we read (or a FIFO) is still bounded.
            data = fh.read(limit + 1)
    except ParseError:
        raise
    except IsADirectoryError:
        raise ParseError("is a folder") from None
    except FileNotFoundError:
        raise ParseError("no such file") from None
    except PermissionError:
        raise ParseError("permission denied") from None
    except OSError as err:
        raise ParseError(f"cannot read: {err.strerror or err}") from None
    if len(data) > limit:
        raise ParseError(f"too large (limit {_limit_text(limit)})")
    return data


def read_stdin(limit: int = DEFAULT_SIZE_LIMIT) -> bytes:
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ParseError(f"too large (limit {_limit_text(limit)})")
    return data


def parse_bytes(data: bytes, source: str, fmt: str | None = None) -> Article:
    """Decode, sniff and read one story; raises ParseError with a one-line reason."""
    if not data.strip():
        raise ParseError("empty file")
    if looks_binary(data):
        raise ParseError("binary file, not a story")
    decoded = decode(data)
    doc = RawDocument(source=source, data=data, text=decoded.text, warnings=tuple(decoded.warnings))
    fmt = fmt or sniff(doc)
    try:
        article = READERS[fmt](doc)
    except ParseError:
        raise
    except RecursionError:
        raise ParseError(f"{fmt}: nested too deeply") from None
    except Exception as err:  # noqa: BLE001 — a reader bug must not take the corpus down
        raise ParseError(f"{fmt}: {type(err).__name__}: {err}".splitlines()[0][:200]) from None
    if not article.text.strip():
        raise ParseError(f"{fmt}: no story text found")
    return article


def parse_path(path: str, limit: int = DEFAULT_SIZE_LIMIT) -> Article:
    if path == STDIN:
        return parse_bytes(read_stdin(limit), STDIN)
    return parse_bytes(read_limited(path, limit), path)


def iter_story_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders walked recursively (sorted) for supported formats."""
    for path in paths:
        if path != STDIN and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith(".") or name.endswith(".gold.json"):
                        continue
                    if Path(name).suffix.lower() in EXTENSIONS:
                        yield os.path.join(root, name)
        else:
            yield path
