"""What every reader receives: the raw bytes, their decoded text and where they came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawDocument:
    source: str
    data: bytes
    text: str  # decoded (see parsers.sanitize.decode) but not yet sanitized
    warnings: tuple[str, ...] = ()


class ParseError(Exception):
    """A story that cannot be read; ``str(err)`` is a one-line reason for the user."""
