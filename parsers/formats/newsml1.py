"""IPTC NewsML 1.2 (AFP's wire format among others): NewsItem → NewsComponent → ContentItem,
whose DataContent holds the story as NITF or XHTML.  NewsLines give headline, dateline and slug."""

from __future__ import annotations

import re

from parsers.build import Block, build_article
from parsers.formats.common import (
    agency_name,
    body_only,
    iso_date,
    place_of,
    plain_blocks,
    split_signoff,
    strip_by,
    urgency_markers,
)
from parsers.formats.nitf import nitf_content
from parsers.formats.raw import ParseError, RawDocument
from parsers.formats.xmlutil import (
    Element,
    attr,
    child,
    element_blocks,
    find,
    findall,
    lname,
    parse_document,
    text_of,
)
from parsers.model import Article, Meta

# Components that are not the story text.
_NOT_BODY = frozenset(
    {
        "stylesheet",
        "contact",
        "logo",
        "video",
        "photo",
        "picture",
        "graphic",
        "caption",
        "headline",
        "subheadline",
    }
)
_DASH_END = re.compile(r"\s[-–—_]{1,2}\s*$")


def _role(component: Element) -> str:
    return (attr(child(component, "role"), "formalname") or "").lower()


def _content_blocks(item: Element) -> list[Block]:
    media = (attr(find(item, "mediatype"), "formalname") or "text").lower()
    data = child(item, "datacontent")
    if data is None or media not in ("text", ""):
        return []
    nitf = find(data, "nitf")
    if nitf is not None:
        return nitf_content(nitf)[0]
    body = find(data, "body")
    if body is not None:
        return element_blocks(body)
    if len(data):  # bare <p> elements straight inside DataContent
        return element_blocks(data)
    mime = (attr(find(item, "mimetype"), "formalname") or "text/plain").lower()
    if len(data) == 0 and mime == "text/plain":
        return plain_blocks(data.text or "")
    return []


def _body(news_item: Element) -> list[Block]:
    candidates: list[tuple[int, Element]] = []
    for comp in findall(news_item, "newscomponent"):
        role = _role(comp)
        if role in _NOT_BODY:
            continue
        rank = 0 if role in ("main", "body", "main text") else 1
        candidates.extend((rank, ci) for ci in comp if lname(ci) == "contentitem")
    for _, ci in sorted(candidates, key=lambda c: c[0]):
        blocks = _content_blocks(ci)
        if blocks:
            return blocks
    return []


def read(doc: RawDocument) -> Article:
    root = parse_document(doc, "NewsML 1.2")
    news_item = find(root, "newsitem")
    if news_item is None:
        raise ParseError("not an article: NewsML 1.2 document without a NewsItem")
    lines = find(news_item, "newslines")
    headline = next((t for t in map(text_of, findall(news_item, "headline")) if t), None)
    dateline = next((t for t in map(text_of, findall(news_item, "dateline")) if t), None)
    blocks, removed = split_signoff(body_only(_body(news_item), headline))
    warnings = list(doc.warnings)
    if not blocks:
        if not headline:
            raise ParseError("not an article: NewsML 1.2 item with no headline and no text")
        warnings.append("no body text: headline only")
    elif dateline and _DASH_END.search(dateline) and not blocks[0].text.startswith(dateline[:8]):
        # AFP sends the dateline beside the text; on the wire it opens the first paragraph.
        blocks[0] = Block(f"{dateline.rstrip()} {blocks[0].text}", blocks[0].kind)
    management = find(news_item, "newsmanagement")
    agency = re.search(r"\(([A-Za-z]{2,12})\)", dateline or "")
    meta = Meta(
        headline=headline,
        slug=text_of(find(lines, "slugline")) or text_of(find(news_item, "namelabel")) or None,
        dateline_place=place_of(dateline),
        agency=agency_name(
            agency.group(1) if agency else attr(find(find(news_item, "provider"), "party"), "formalname")
        ),
        byline=strip_by(text_of(find(lines, "byline"))),
        date=iso_date(
            text_of(find(management, "firstcreated")) or text_of(find(management, "thisrevisioncreated"))
        ),
        markers=urgency_markers(attr(find(management, "urgency"), "formalname")),
        credits=text_of(find(lines, "creditline")) or None,
        language=attr(find(news_item, "language"), "formalname") or attr(news_item, "lang"),
    )
    return build_article(
        source=doc.source, fmt="newsml1", blocks=blocks, meta=meta, warnings=warnings, removed=removed
    )
