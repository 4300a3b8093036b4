"""IPTC ninjs 1.x, 2.x and 3.x JSON: headline(s), body_text / body_html / bodies, byline(s),
versioncreated and located.  A JSON schema or any JSON that is not a story is refused."""

from __future__ import annotations

import json
from typing import Any

from parsers.build import Block, build_article
from parsers.formats.common import (
    as_dict,
    body_only,
    iso_date,
    place_of,
    plain_blocks,
    strip_by,
    urgency_markers,
)
from parsers.formats.nitf import nitf_content
from parsers.formats.raw import ParseError, RawDocument
from parsers.formats.xmlutil import find, html_blocks, parse_xml
from parsers.model import Article, Meta

_MEDIA_TYPES = frozenset({"picture", "video", "audio", "graphic", "graphics", "image", "event", "planning"})
_TEXT_KEYS = ("body_html", "body_xhtml", "body_text", "bodies", "headline", "headlines")


def _load(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ParseError("ninjs: JSON nested too deeply") from None
    except json.JSONDecodeError as err:
        raise ParseError(f"ninjs: not valid JSON (line {err.lineno}, column {err.colno})") from None


def _story(data: Any) -> dict[str, Any]:
    if isinstance(data, list):
        data = next((d for d in data if isinstance(d, dict)), {})
    obj = as_dict(data)
    # API envelopes: {"item": {...}}, {"items": [...]}, {"data": {...}}.
    for key in ("item", "data", "items"):
        inner = obj.get(key)
        if isinstance(inner, list):
            inner = next((d for d in inner if isinstance(d, dict)), None)
        if isinstance(inner, dict) and any(k in inner for k in _TEXT_KEYS):
            return inner
    if "$schema" in obj and ("properties" in obj or "definitions" in obj or "$defs" in obj):
        raise ParseError("not an article: a JSON Schema (ninjs schema?), not a story")
    return obj


def _headline(obj: dict[str, Any]) -> str | None:
    if isinstance(obj.get("headline"), str):
        return str(obj["headline"])
    heads = obj.get("headlines")
    if isinstance(heads, list):
        dicts = [h for h in heads if isinstance(h, dict) and isinstance(h.get("value"), str)]
        main = next((h for h in dicts if h.get("role") in (None, "main")), dicts[0] if dicts else None)
        if main:
            return str(main["value"])
    title = obj.get("title")
    return title if isinstance(title, str) else None


def _from_markup(value: str, kind: str) -> list[Block]:
    if kind == "nitf":
        nitf = find(parse_xml(value.encode("utf-8"), "ninjs NITF body"), "nitf")
        return nitf_content(nitf)[0] if nitf is not None else []
    return html_blocks(value)[0]


def _bodies(obj: dict[str, Any]) -> list[Block]:
    """The richest body there is: HTML, then NITF, then plain text."""
    for key in ("body_html", "body_xhtml"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            blocks = _from_markup(obj[key], "html")
            if blocks:
                return blocks
    if isinstance(obj.get("body_text"), str) and obj["body_text"].strip():
        return plain_blocks(obj["body_text"])
    bodies = [b for b in obj.get("bodies") or [] if isinstance(b, dict) and isinstance(b.get("value"), str)]

    def rank(b: dict[str, Any]) -> int:
        ctype = str(b.get("contentType") or b.get("contenttype") or "").lower()
        role = str(b.get("role") or "").lower()
        if "html" in ctype or "html" in role:
            return 0
        if "nitf" in ctype or role == "nitf":
            return 1
        if ctype in ("", "text/plain") or role == "text":
            return 2
        return 9

    for body in sorted(bodies, key=rank):
        r = rank(body)
        if r == 9:
            continue
        blocks = (
            plain_blocks(body["value"]) if r == 2 else _from_markup(body["value"], "nitf" if r else "html")
        )
        if blocks:
            return blocks
    return []


def _byline(obj: dict[str, Any]) -> str | None:
    if isinstance(obj.get("byline"), str):
        return strip_by(obj["byline"])
    if isinstance(obj.get("by"), str):
        return strip_by(obj["by"])
    people = obj.get("bylines")
    if isinstance(people, list):
        names = [str(p.get("byline") or p.get("name")) for p in people if isinstance(p, dict)]
        return strip_by(", ".join(n for n in names if n and n != "None")) or None
    return None


def _located(obj: dict[str, Any]) -> str | None:
    located = obj.get("located")
    if isinstance(located, str):
        return place_of(located)
    return None


def read(doc: RawDocument) -> Article:
    obj = _story(_load(doc.text))
    ntype = obj.get("type")
    if isinstance(ntype, str) and ntype.lower() in _MEDIA_TYPES:
        # A picture's caption is not a story.
        raise ParseError(f"not an article: ninjs {ntype[:20]} item")
    headline = _headline(obj)
    blocks = body_only(_bodies(obj), headline)
    warnings = list(doc.warnings)
    if not blocks:
        desc = obj.get("description_text")
        if not isinstance(desc, str):
            descs = obj.get("descriptions")
            desc = (
                next(
                    (
                        d.get("value")
                        for d in descs
                        if isinstance(d, dict) and isinstance(d.get("value"), str)
                    ),
                    None,
                )
                if isinstance(descs, list)
                else None
            )
        if isinstance(desc, str) and desc.strip():
            blocks = plain_blocks(desc)
    if not blocks:
        if not headline:
            raise ParseError("not an article: JSON without a headline or body (not ninjs?)")
        warnings.append("no body text: headline only")

    version = obj.get("versioncreated") or obj.get("versionCreated")
    first = obj.get("firstcreated") or obj.get("firstCreated")
    urgency = obj.get("urgency")
    meta = Meta(
        headline=headline,
        slug=obj.get("slugline") if isinstance(obj.get("slugline"), str) else None,
        dateline_place=_located(obj),
        byline=_byline(obj),
        date=iso_date(str(first or version)) if (first or version) else None,
        markers=urgency_markers(str(urgency)) if isinstance(urgency, int | str) else (),
        language=obj.get("language") if isinstance(obj.get("language"), str) else None,
    )
    return build_article(source=doc.source, fmt="ninjs", blocks=blocks, meta=meta, warnings=warnings)
