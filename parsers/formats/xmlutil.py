"""Shared helpers for the XML and HTML readers (NITF, NewsML 1.2, NewsML-G2, ninjs bodies, HTML).

XML is parsed only through defusedxml: no entity declarations (so no
billion-laughs and no XXE), no external references.  A DOCTYPE that only names
an external DTD is allowed (NITF files carry one) because nothing is fetched.

Bodies become Blocks through one event-driven collector (``BlockCollector``)
fed either by an ElementTree walk or by the stdlib ``html.parser``; both walks
are iterative, so deeply nested markup never recurses.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator

import defusedxml.ElementTree as DET
from defusedxml.common import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from parsers.build import Block
from parsers.formats.raw import ParseError, RawDocument
from parsers.sanitize import clean_text

Element = ET.Element

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_WS = re.compile(r"\s+")


def parse_xml(data: bytes | str, what: str = "XML") -> Element:
    """Parse untrusted XML safely; every failure is a one-line ParseError that quotes no content."""
    try:
        return DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)  # type: ignore[no-any-return]
    except EntitiesForbidden:
        raise ParseError(
            f"{what}: entity declarations refused (entity expansion or external entity attack)"
        ) from None
    except ExternalReferenceForbidden:
        raise ParseError(f"{what}: external reference refused") from None
    except DTDForbidden:
        raise ParseError(f"{what}: DTD refused") from None
    except ET.ParseError as err:
        # expat's message names a line and column, never the document's text.
        raise ParseError(f"{what}: malformed XML ({str(err).splitlines()[0][:80]})") from None


def parse_document(doc: RawDocument, what: str = "XML") -> Element:
    """Parse the raw bytes (so the XML declaration's encoding is honoured); when that fails on an
    encoding or control-character problem, retry once on the sanitized decoded text."""
    try:
        return parse_xml(doc.data, what)
    except ParseError as first:
        if "refused" in str(first):
            raise
        retry = _XML_DECL.sub("", clean_text(doc.text).lstrip("\ufeff"), count=1)
        try:
            return parse_xml(retry, what)
        except ParseError:
            raise first from None


def lname(el: Element) -> str:
    """Local name, namespace dropped, lower-cased: ``{http://iptc.org/…}newsItem`` → ``newsitem``."""
    tag = el.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def attr(el: Element | None, name: str) -> str | None:
    """An attribute by local name, namespace-agnostic."""
    if el is None:
        return None
    name = name.lower()
    for key, value in el.attrib.items():
        if key.rsplit("}", 1)[-1].lower() == name:
            return value
    return None


def find(el: Element | None, *names: str) -> Element | None:
    """The first descendant (or ``el`` itself) whose local name is one of ``names``."""
    if el is None:
        return None
    wanted = {n.lower() for n in names}
    for node in el.iter():
        if lname(node) in wanted:
            return node
    return None


def findall(el: Element | None, *names: str) -> list[Element]:
    if el is None:
        return []
    wanted = {n.lower() for n in names}
    return [node for node in el.iter() if lname(node) in wanted]


def child(el: Element | None, *names: str) -> Element | None:
    """A direct child by local name."""
    if el is None:
        return None
    wanted = {n.lower() for n in names}
    return next((c for c in el if lname(c) in wanted), None)


def text_of(el: Element | None, skip: Iterable[str] = ()) -> str:
    """All text inside ``el`` on one line (whitespace collapsed), skipping named sub-elements."""
    if el is None:
        return ""
    parts = [text for kind, _, text in _events(el, frozenset(s.lower() for s in skip)) if kind == "text"]
    return _WS.sub(" ", "".join(parts)).strip()


def _events(root: Element, skip: frozenset[str] = frozenset()) -> Iterator[tuple[str, Element, str]]:
    """Iterative walk: ("start", el, ""), ("text", el, text), ("end", el, "") — tails included,
    skipped subtrees left out (their tails kept).  No recursion, so depth is harmless."""
    stack: list[tuple[Element, bool]] = [(root, False)]
    while stack:
        el, closing = stack.pop()
        if closing:
            yield "end", el, ""
            if el is not root and el.tail:
                yield "text", el, el.tail
            continue
        if lname(el) in skip or not isinstance(el.tag, str):
            if el is not root and el.tail:
                yield "text", el, el.tail
            continue
        yield "start", el, ""
        if el.text:
            yield "text", el, el.text
        stack.append((el, True))
        stack.extend((c, False) for c in reversed(el))


# ----------------------------------------------------------------- bodies → blocks

HEADLINE_TAGS = frozenset({"h1", "hl1"})
SUBHEAD_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "hl2"})
PARA_TAGS = frozenset({"p", "li", "dd", "dt", "blockquote", "pre", "tr", "caption", "figcaption", "address"})
BLOCK_TAGS = (
    HEADLINE_TAGS
    | SUBHEAD_TAGS
    | PARA_TAGS
    | frozenset(
        {"div", "section", "article", "main", "ul", "ol", "dl", "table", "tbody", "thead", "block", "body"}
    )
)
# Page furniture and non-text: dropped with everything inside.
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "nav",
        "footer",
        "aside",
        "noscript",
        "template",
        "svg",
        "iframe",
        "form",
        "button",
        "select",
        "head",
        "title",
        "media",
        "figure",
        "object",
        "embed",
        "video",
        "audio",
        "canvas",
        "menu",
    }
)
# Skipped elements whose content is code or binary, not text worth listing in ``removed``.
_CODE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "head",
        "title",
        "select",
        "button",
    }
)
# Inline cells get a separator so table rows stay readable.
CELL_TAGS = frozenset({"td", "th"})
VOID_TAGS = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr"}
)
# A <br> inside a block: one is a line break (a space in text), two in a row end a paragraph.
_BR = "\u2028"
_DOUBLE_BR = re.compile(r"\u2028\s*\u2028\s*")
_ALIGNED = re.compile(r"\S {3,}\S")
_SKIP_CLASSES = re.compile(
    r"\b(?:np-nonpublic|nonpublic|advert\w*|ad-slot|share\w*|related|newsletter)\b", re.I
)


class BlockCollector:
    """Turns start/end/data events of an HTML-ish body into Blocks.

    Text is flushed at every block boundary, so nested blocks never repeat
    text; ``<header>`` keeps only its ``<h1>``; skipped elements drop their
    content.  Open elements live in a list, never on the call stack.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buf: list[str] = []
        self._open: list[tuple[str, bool]] = []  # (name, skipping)
        self._names: Counter[str] = Counter()
        self._skip = 0
        self._header = 0
        self._kinds: list[str] = ["body"]
        self.title = ""
        # Blocks [start, end) of the first <article> element: on a web page, the story itself.
        self.article: tuple[int, int] | None = None
        self._article_depth = 0
        # Text of dropped page furniture, one line per element, so nothing is silently lost.
        self.dropped: list[str] = []
        self._dropped: list[str] = []
        self._skipping: list[bool] = []

    def start(self, name: str, attrs: dict[str, str | None] | None = None) -> None:
        if name in VOID_TAGS:
            if name == "br" and not self._skip:
                self._buf.append(_BR)
            return
        if name in ("p", "li", "dt", "dd") and self._open and self._open[-1][0] == name:
            self.end(name)  # HTML lets <p> and <li> close themselves
        cls = (attrs or {}).get("class") or ""
        skipping = name in SKIP_TAGS or (bool(cls) and _SKIP_CLASSES.search(cls) is not None)
        self._open.append((name, skipping))
        self._names[name] += 1
        if skipping:
            self._skip += 1
            self._skipping.append(name not in _CODE_TAGS)
            return
        if name == "header":
            self._header += 1
        elif name == "article":
            self._flush(self._kinds[-1])
            self._article_depth += 1
            if self.article is None:
                self.article = (len(self.blocks), -1)
        if name in BLOCK_TAGS:
            self._flush(self._kinds[-1])
            kind = (
                "headline"
                if name in HEADLINE_TAGS
                else "subhead"
                if name in SUBHEAD_TAGS
                else self._kinds[-1]
            )
            self._kinds.append(kind)
        elif name in CELL_TAGS:
            self._buf.append("  ")

    def end(self, name: str) -> None:
        if not self._names[name]:
            return  # a stray close tag
        while self._open:
            open_name, skipping = self._open.pop()
            self._names[open_name] -= 1
            if skipping:
                self._skip -= 1
                self._skipping.pop()
                if not self._skip and self._dropped:
                    line = _WS.sub(" ", "".join(self._dropped)).strip()
                    self._dropped.clear()
                    if line:
                        self.dropped.append(line[:300])
            elif open_name == "header":
                self._header -= 1
            elif open_name == "article":
                self._flush(self._kinds[-1])
                self._article_depth -= 1
                if self.article is not None and self.article[1] < 0 and not self._article_depth:
                    self.article = (self.article[0], len(self.blocks))
            elif open_name in BLOCK_TAGS:
                self._flush(self._kinds.pop())
            if open_name == name:
                break

    def data(self, text: str) -> None:
        if self._skip:
            if self._skipping[-1]:  # page furniture (nav, footer, aside …), not code or markup
                self._dropped.append(text)
            return
        if self._header and self._kinds[-1] != "headline":
            return  # header furniture: slug lists, dates, genre labels
        self._buf.append(text)

    def close(self) -> list[Block]:
        while self._open:
            self.end(self._open[-1][0])
        self._flush(self._kinds[-1])
        return self.blocks

    def _flush(self, kind: str) -> None:
        if not self._buf:
            return
        raw = "".join(self._buf)
        self._buf.clear()
        if "\n" in raw and _ALIGNED.search(raw):
            # Agate (results tables, standings) sent as column-aligned lines: one block per line.
            lines = [ln for ln in raw.split("\n") if ln.strip()]
            if sum(1 for ln in lines if _ALIGNED.search(ln)) >= 3:
                self.blocks.extend(Block(_WS.sub(" ", ln).strip(), kind) for ln in lines)
                return
        # Scraped pages often separate paragraphs with <br><br> instead of <p>.
        for part in _DOUBLE_BR.split(raw) if _BR in raw else (raw,):
            text = _WS.sub(" ", part).strip()
            if text:
                self.blocks.append(Block(text, kind))


def element_blocks(root: Element | None) -> list[Block]:
    """Blocks of an XML body (NITF ``body.content``, XHTML ``body``), via the shared collector."""
    if root is None:
        return []
    collector = BlockCollector()
    for kind, el, text in _events(root):
        if kind == "start":
            collector.start(lname(el), {k.rsplit("}", 1)[-1]: v for k, v in el.attrib.items()})
        elif kind == "end":
            collector.end(lname(el))
        else:
            collector.data(text)
    return collector.close()


def html_blocks(markup: str) -> tuple[list[Block], str]:
    """Blocks (and the <title>) of an HTML fragment or page, through the stdlib html.parser."""
    from parsers.formats.html import collect

    return collect(markup)


def first_text(root: Element | None, *names: str) -> str | None:
    value = text_of(find(root, *names))
    return value or None
