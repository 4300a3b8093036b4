"""Other XML: agency-specific story formats (e.g. Ritzau's RBNews) read by element names,
and everything else refused with a one-line reason (schemas, metadata fragments)."""

from __future__ import annotations

import re
from html import unescape as html_unescape

from parsers.build import Block, build_article
from parsers.formats.common import agency_name, iso_date, place_of, plain_blocks, strip_by
from parsers.formats.raw import ParseError, RawDocument
from parsers.formats.xmlutil import Element, element_blocks, find, html_blocks, lname, parse_document, text_of
from parsers.model import Article, Meta

_HEADLINE = ("headline", "hl1", "title", "heading")
_CONTENT = ("content", "bodytext", "body", "text", "story", "storytext", "articlebody")
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,6}|#x[0-9A-Fa-f]{2,5});")
_MARKERS = {"flash": "FLASH", "urgent": "URGENT", "bulletin": "BULLETIN"}
# Corpus files in "vertical" form (one token a line with tab-separated annotation
# columns, as TreeTagger/TEI corpora ship) are linguistic data, not a story.
_VERTICAL_LINE = re.compile(r"^[^\t\n<]+\t[^\t\n]*\t", re.MULTILINE)


def _content_blocks(el: Element) -> list[Block]:
    if len(el):
        return element_blocks(el)
    raw = el.text or ""
    # Content often arrives as escaped HTML inside one element, sometimes escaped twice over.
    blocks = html_blocks(raw)[0] if "<" in raw and ">" in raw else plain_blocks(raw)
    return [Block(html_unescape(b.text), b.kind) if _ENTITY.search(b.text) else b for b in blocks]


def read(doc: RawDocument) -> Article:
    root = parse_document(doc, "XML")
    name = lname(root)
    if name == "schema":
        raise ParseError("not an article: an XML Schema (.xsd), not a story")
    if len(_VERTICAL_LINE.findall(doc.text, 0, 20000)) >= 20:
        raise ParseError("not an article: token-per-line corpus XML (annotation columns), not a story")
    headline = next((t for t in (text_of(find(root, n)) for n in _HEADLINE) if t), None)
    content = next((c for c in (find(root, n) for n in _CONTENT) if c is not None and text_of(c)), None)
    blocks = _content_blocks(content) if content is not None else []
    if not blocks:
        raise ParseError(f"not an article: XML <{root.tag.rsplit('}', 1)[-1][:40]}> has no story text")
    fmt = (text_of(find(root, "format")) or "").lower()
    meta = Meta(
        headline=headline,
        dateline_place=place_of(text_of(find(root, "town")) or text_of(find(root, "dateline"))),
        agency=agency_name(text_of(find(root, "origin")).strip("/ ") or None),
        byline=strip_by(text_of(find(root, "byline"))) or strip_by(text_of(find(root, "author"))),
        date=iso_date(text_of(find(root, "publishdate")) or text_of(find(root, "date")) or None),
        markers=(_MARKERS[fmt],) if fmt in _MARKERS else (),
    )
    return build_article(source=doc.source, fmt="xml", blocks=blocks, meta=meta, warnings=doc.warnings)
