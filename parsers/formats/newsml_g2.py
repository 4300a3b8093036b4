"""IPTC NewsML-G2: a ``newsItem`` (alone or in a ``newsMessage``) with its headline,
``contentMeta`` and an inline XHTML or NITF body.

Items that are not stories are refused with a one-line reason: package,
planning, concept and knowledge items, and news items of another class
(picture, video) that carry no text.
"""

from __future__ import annotations

import re

from parsers.build import Block, build_article
from parsers.formats.common import (
    body_only,
    iso_date,
    place_of,
    plain_blocks,
    provider_agency,
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

_NOT_STORIES = ("packageitem", "planningitem", "conceptitem", "knowledgeitem", "catalog")
_SLUG_MARKERS = re.compile(r"\b(URGENT|FLASH|REFILE|CORRECTED|UPDATE \d+|WRAPUP \d+|REPEAT)\b")


def _items(root: Element) -> list[Element]:
    if lname(root) in ("newsitem", *_NOT_STORIES):
        return [root]
    item_set = find(root, "itemset")
    return [
        c for c in (item_set if item_set is not None else root) if lname(c) in ("newsitem", *_NOT_STORIES)
    ]


def _content_meta(item: Element) -> Element | None:
    return child(item, "contentmeta") or find(item, "contentmeta")


def _body(item: Element) -> tuple[list[Block], Meta | None]:
    content_set = child(item, "contentset") or find(item, "contentset")
    if content_set is None:
        return [], None
    for holder in findall(content_set, "inlinexml", "inlinedata"):
        nitf = find(holder, "nitf")
        if nitf is not None:
            blocks, meta = nitf_content(nitf)
            if blocks:
                return blocks, meta
            continue
        html_body = find(holder, "body")
        if html_body is not None:
            blocks = element_blocks(html_body)
        elif lname(holder) == "inlinedata":
            blocks = plain_blocks(holder.text or "")
        else:
            blocks = [b for c in holder for b in element_blocks(c)]
        if blocks:
            return blocks, None
    return [], None


def item_article(item: Element, doc: RawDocument, warnings: list[str]) -> Article:
    kind = lname(item)
    cm = _content_meta(item)
    item_meta = child(item, "itemmeta")
    headline = text_of(find(cm, "headline")) or None
    item_class = attr(find(item_meta, "itemclass"), "qcode") or ""
    if kind in _NOT_STORIES:
        # A package of a story and its pictures may carry the story's headline; a package label ("UK")
        # or a planning item is not a story at all.
        headline = headline or text_of(find(item, "headline")) or None
        if kind != "packageitem" or not headline or len(headline.split()) < 3:
            refs = len(findall(item, "itemref"))
            raise ParseError(
                f"not an article: NewsML-G2 {item.tag.rsplit('}', 1)[-1]} ({refs} item references)"
            )
        warnings.append("package item: headline only, the story is in the referenced items")
        blocks: list[Block] = []
        nitf_meta = None
    else:
        blocks, nitf_meta = _body(item)
    if not blocks and kind == "newsitem":
        description = text_of(find(cm, "description"))
        if description:
            blocks = [Block(description)]
        elif headline:
            warnings.append("no body text: headline only")
    if not blocks and not headline:
        what = item_class.split(":")[-1] or "news"
        raise ParseError(f"not an article: NewsML-G2 {what} item with no headline and no text")
    dateline = text_of(find(cm, "dateline")) or None
    located = text_of(find(find(cm, "located"), "name")) or None
    slug = text_of(find(cm, "slugline")) or None
    markers = urgency_markers(text_of(find(cm, "urgency")))
    if slug:
        markers += tuple(_SLUG_MARKERS.findall(slug.upper()))
    lang = attr(find(cm, "language"), "tag") or attr(item, "lang")
    provider = find(item_meta, "provider")
    meta = Meta(
        headline=headline or (nitf_meta.headline if nitf_meta else None),
        slug=slug,
        dateline_place=place_of(dateline) or located or (nitf_meta.dateline_place if nitf_meta else None),
        agency=provider_agency(blocks, text_of(find(provider, "name")) or attr(provider, "literal")),
        byline=strip_by(text_of(find(cm, "by"))) or (nitf_meta.byline if nitf_meta else None),
        date=iso_date(
            text_of(find(item_meta, "firstcreated"))
            or text_of(find(item_meta, "versioncreated"))
            or text_of(find(cm, "contentcreated"))
        ),
        markers=tuple(dict.fromkeys(markers)),
        language=lang,
    )
    blocks, removed = split_signoff(body_only(blocks, meta.headline))
    return build_article(
        source=doc.source, fmt="newsml-g2", blocks=blocks, meta=meta, warnings=warnings, removed=removed
    )


def read(doc: RawDocument) -> Article:
    root = parse_document(doc, "NewsML-G2")
    items = _items(root)
    if not items:
        raise ParseError(f"not an article: NewsML-G2 <{root.tag.rsplit('}', 1)[-1]}> holds no news item")
    stories = [i for i in items if lname(i) == "newsitem"] or items
    warnings = list(doc.warnings)
    if len(stories) > 1:
        warnings.append(f"newsMessage holds {len(stories)} items: the first story is shown")
    last: ParseError | None = None
    for item in stories:
        try:
            return item_article(item, doc, list(warnings))
        except ParseError as err:
            last = err
    assert last is not None
    raise last
