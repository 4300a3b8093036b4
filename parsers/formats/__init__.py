"""Format readers: one module each, all returning an Article.

``sniff`` decides the format from the content (the extension is only a hint),
``READERS`` maps a format name to its reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.formats import text
from parsers.formats.raw import ParseError, RawDocument
from parsers.model import Article

Reader = Callable[[RawDocument], Article]

READERS: dict[str, Reader] = {
    "text": text.read,
}

# File extensions a folder walk picks up.
EXTENSIONS = frozenset(
    {
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".xml",
        ".nitf",
        ".newsml",
        ".json",
        ".html",
        ".htm",
        ".anpa",
        ".tst",
        ".7901",
        ".ipt",
        "",
    }
)

_XML_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")


def sniff(doc: RawDocument) -> str:
    """The format of a document, from its content first and its name second."""
    head = doc.text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith("\x01") or "\x16\x16\x01" in head[:64] or head.startswith("\x16"):
        return "anpa" if "anpa" in READERS else "text"
    if head.startswith(("{", "[")):
        return "ninjs" if "ninjs" in READERS else "text"
    if head.startswith("<"):
        low = head.lower()
        if "<nitf" in low:
            return _have("nitf")
        if "<newsml" in low and "newsitem" not in low:
            return _have("newsml1")
        if "newsitem" in low or "newsmessage" in low or "packageitem" in low:
            return _have("newsmlg2")
        if "<html" in low or "<!doctype html" in low or "<body" in low or "<p>" in low:
            return _have("html")
        return _have("xml")
    name = doc.source.lower()
    if name.endswith((".md", ".markdown")) or re.match(r"#{1,2} \S", head):
        return _have("markdown")
    return "text"


def _have(fmt: str) -> str:
    return fmt if fmt in READERS else "text"


__all__ = ["EXTENSIONS", "READERS", "ParseError", "RawDocument", "sniff"]
