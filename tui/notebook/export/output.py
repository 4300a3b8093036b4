"""Writing an export file: never over an existing file unless forced, never half-written."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_export(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path``; FileExistsError if it exists and ``force`` is False.

    The text goes to a temp file first; without ``force`` it is hard-linked into place, which fails
    atomically if the name was taken meanwhile (no check-then-write race).  Exports hold notes, so
    the file is 0600 like the notebook."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not force and path.exists():
        raise FileExistsError(f"{path} exists (use --force to overwrite)")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        if force:
            os.replace(tmp, path)
        else:
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise FileExistsError(f"{path} exists (use --force to overwrite)") from None
            os.unlink(tmp)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
