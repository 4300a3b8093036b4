"""Format readers: one module each, all returning an Article.

``sniff`` decides the format from the content (the extension is only a hint),
``READERS`` maps a format name to its reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from parsers.formats import anpa, html, iptc7901, markdown, newsml1, newsml_g2, ninjs, nitf, text, xmlgeneric
from parsers.formats.raw import ParseError, RawDocument
from parsers.model import Article

Reader = Callable[[RawDocument], Article]

READERS: dict[str, Reader] = {
    "text": text.read,
    "markdown": markdown.read,
    "anpa": anpa.read,
    "iptc7901": iptc7901.read,
    "nitf": nitf.read,
    "newsml-g2": newsml_g2.read,
    "newsml1": newsml1.read,
    "ninjs": ninjs.read,
    "html": html.read,
    "xml": xmlgeneric.read,
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


# ANPA copy whose control characters were lost: selector line, then priority/category/keyword line.
_ANPA_BARE = re.compile(r"[A-Za-z]\d{4}\S*[ \t]*\r?\n[a-z] [a-z]\W{0,3}[ \t]?[A-Za-z]{1,3}-\S+.*\d\d-\d\d")
# A JSON document, not a text story that happens to open with a bracket ("[Updated] …").
_JSON_START = re.compile(r'(?:\{\s*(?:"|\})|\[\s*[\[{"\d\]-])')
_G2_ROOTS = frozenset(
    {"newsitem", "newsmessage", "packageitem", "planningitem", "conceptitem", "knowledgeitem", "catalog"}
)
# IPTC 7901 header after SOH: service id, priority digit, category letter, word count.
_IPTC7901_HEADER = re.compile(r"\x01\s*[a-z]{2,4}\d+\s+\d\s+[a-z]\s+\d+")
# Skip the XML declaration, comments, processing instructions and DOCTYPE to reach the root.
_PROLOG = re.compile(r"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.S | re.I)


def sniff(doc: RawDocument) -> str:
    """The format of a document, from its content first and its name second."""
    head = doc.text[:4096].lstrip("\ufeff \t\r\n")
    if head.startswith(("\x01", "\x16")):
        if _IPTC7901_HEADER.match(head) and "\x1f" not in head[:80]:
            return _have("iptc7901")
        return _have("anpa")
    if _ANPA_BARE.match(head):
        return _have("anpa")
    if _JSON_START.match(head):
        return _have("ninjs")
    if head.startswith("<"):
        return _sniff_markup(head)
    name = doc.source.lower()
    if name.endswith((".md", ".markdown")) or re.match(r"#{1,2} \S", head):
        return _have("markdown")
    return "text"


def _sniff_markup(head: str) -> str:
    low = head.lower()
    body = _PROLOG.sub("", head, count=1)
    m = _XML_ROOT.match(body)
    root = m.group(1).lower() if m else ""
    if root == "nitf":
        return _have("nitf")
    if root == "newsml":
        return _have("newsml1")
    if root in _G2_ROOTS:
        return _have("newsml-g2")
    if (
        root in ("html", "body", "head", "article", "div", "p", "section", "main", "h1")
        or "<!doctype html" in low
    ):
        return _have("html")
    if "<nitf" in low:
        return _have("nitf")
    return _have("xml")


def _have(fmt: str) -> str:
    return fmt if fmt in READERS else "text"


__all__ = ["EXTENSIONS", "READERS", "ParseError", "RawDocument", "sniff"]
