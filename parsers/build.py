"""Blocks → Article: the one place every reader's output becomes an Article.

Readers only find blocks (headline, subheads, paragraphs) and metadata; this
module sanitizes them, lays them out as ``text`` (headline first, then the
paragraphs, joined by blank lines), finds the dateline and segments sentences,
so every format gets the same coordinate system and the same safety.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from parsers.dateline import find_dateline, split_markers
from parsers.model import Article, Meta, Span, article_id
from parsers.sanitize import clean_text
from parsers.segment import segment

_WS_CHARS = "\\t\\n\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000"
# Runs of whitespace other than a lone plain space (matching every single space made tidy slow).
_SPACES = re.compile(rf"(?: *[{_WS_CHARS}][ {_WS_CHARS}]*| {{2,}})")
_OPEN_QUOTES = ("“", '"', "«", "‘", "„")


@dataclass(frozen=True, slots=True)
class Block:
    text: str
    kind: str = "body"


def tidy(text: str, warnings: list[str] | None = None) -> str:
    """Sanitize, then collapse runs of whitespace (wrapped wire lines) to single spaces."""
    return _SPACES.sub(" ", clean_text(text, warnings)).strip()


def build_article(
    *,
    source: str,
    fmt: str,
    blocks: Sequence[Block],
    meta: Meta,
    warnings: Sequence[str] = (),
    removed: Sequence[str] = (),
) -> Article:
    warns = list(warnings)
    cleaned = [Block(tidy(b.text, warns), b.kind) for b in blocks]
    cleaned = [b for b in cleaned if b.text]

    headline = tidy(meta.headline, warns) if meta.headline else None
    if cleaned and cleaned[0].kind == "headline":
        headline = cleaned[0].text
        cleaned = cleaned[1:]
    markers = meta.markers
    if headline:
        headline, more = split_markers(headline)
        markers = tuple(dict.fromkeys((*markers, *more)))
        cleaned.insert(0, Block(headline, "headline"))

    # Quote paragraphs are marked so the desk and the claim finder can see them at a glance.
    cleaned = [
        Block(b.text, "quote") if b.kind == "body" and b.text.startswith(_OPEN_QUOTES) else b for b in cleaned
    ]

    parts: list[str] = []
    paragraphs: list[Span] = []
    pos = 0
    for block in cleaned:
        if parts:
            pos += 2
        paragraphs.append(Span(pos, pos + len(block.text), block.kind))
        parts.append(block.text)
        pos += len(block.text)
    text = "\n\n".join(parts)

    place, agency, date = meta.dateline_place, meta.agency, meta.date
    sentences = list(segment(text, paragraphs))
    first_body = next(
        (i for i, p in enumerate(paragraphs) if p.kind not in ("headline", "subhead", "byline")), None
    )
    if first_body is not None:
        para = paragraphs[first_body]
        found = find_dateline(text[para.start : para.end])
        if found is not None:
            found_place = found.place.title() if found.place.isupper() else found.place
            place = place or found_place
            agency = agency or found.agency
            date = date or found.date
            cut = para.start + found.end
            if cut >= para.end:
                paragraphs[first_body] = Span(para.start, para.end, "dateline")
            sentences = _split_dateline(text, sentences, para.start, cut)

    meta = dataclasses.replace(
        meta,
        headline=headline or None,
        markers=markers,
        dateline_place=place,
        agency=agency,
        date=date,
    )
    return Article(
        id=article_id(text),
        source=source,
        format=fmt,
        meta=meta,
        text=text,
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        warnings=tuple(dict.fromkeys(warns)),
        removed=tuple(removed),
    )


def _split_dateline(text: str, sentences: list[Span], start: int, cut: int) -> list[Span]:
    """Carve the dateline off the first sentence of its paragraph as a sentence of its own."""
    out: list[Span] = []
    for s in sentences:
        if s.start == start and s.end > cut:
            end = len(text[start:cut].rstrip()) + start
            out.append(Span(s.start, end, "dateline"))
            out.append(Span(cut, s.end, s.kind))
        elif s.start == start:
            out.append(Span(s.start, s.end, "dateline"))
        else:
            out.append(s)
    return out
