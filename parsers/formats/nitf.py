"""IPTC NITF 3.x: ``hedline/hl1`` headline, byline, dateline, ``body.content`` paragraphs,
``docdata`` date, urgency and key.  Also used for NITF carried inside NewsML and ninjs."""

from __future__ import annotations

from parsers.build import Block, build_article
from parsers.formats.common import (
    body_only,
    iso_date,
    place_of,
    provider_agency,
    split_signoff,
    strip_by,
    urgency_markers,
)
from parsers.formats.raw import ParseError, RawDocument
from parsers.formats.xmlutil import (
    Element,
    attr,
    child,
    element_blocks,
    find,
    first_text,
    parse_document,
    text_of,
)
from parsers.model import Article, Meta


def nitf_content(nitf: Element) -> tuple[list[Block], Meta]:
    """Blocks and metadata of one ``<nitf>`` element (wherever it was found)."""
    head = child(nitf, "head")
    body = child(nitf, "body") or find(nitf, "body")
    body_head = find(body, "body.head")
    headline = text_of(find(find(body_head, "hedline"), "hl1")) or first_text(head, "title") or None
    byline_el = find(body_head, "byline")
    byline = strip_by(text_of(byline_el, skip=("byttl",))) or strip_by(text_of(find(byline_el, "person")))
    dateline_el = find(body_head, "dateline")
    place = place_of(text_of(find(dateline_el, "location")) or text_of(dateline_el, skip=("story.date",)))
    docdata = find(head, "docdata")
    date = iso_date(
        attr(find(docdata, "date.issue"), "norm")
        or attr(find(dateline_el, "story.date"), "norm")
        or attr(find(head, "pubdata"), "date.publication")
    )
    slug = attr(find(docdata, "du-key"), "key") or attr(find(docdata, "keyword"), "key")
    distributor = text_of(find(body_head, "distributor")) or None
    blocks = element_blocks(find(body, "body.content"))
    if not blocks:
        blocks = element_blocks(find(body_head, "abstract"))
    meta = Meta(
        headline=headline,
        slug=slug or None,
        dateline_place=place,
        agency=provider_agency(blocks, distributor),
        byline=byline,
        date=date,
        markers=urgency_markers(attr(find(docdata, "urgency"), "ed-urg")),
        language=attr(nitf, "baselang") or attr(nitf, "lang"),
    )
    return blocks, meta


def read(doc: RawDocument) -> Article:
    root = parse_document(doc, "NITF")
    nitf = find(root, "nitf")
    if nitf is None:
        raise ParseError("NITF: no <nitf> element")
    blocks, meta = nitf_content(nitf)
    blocks, removed = split_signoff(body_only(blocks, meta.headline))
    warnings = list(doc.warnings)
    if not blocks:
        if not meta.headline:
            raise ParseError("NITF: no headline and no body text")
        warnings.append("no body text: headline only")
    return build_article(
        source=doc.source,
        fmt="nitf",
        blocks=blocks,
        meta=meta,
        warnings=warnings,
        removed=removed,
    )
