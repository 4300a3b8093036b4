"""Helpers every reader shares, whatever its format: plain-text paragraphs and the
normalisation of metadata (dates, bylines, urgency, datelines, agency names, sign-offs)."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from typing import Any

from parsers.build import Block

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_INDENTED = re.compile(r"\n(?=[ \t]+\S)")


def plain_blocks(text: str) -> list[Block]:
    """Plain text: paragraphs at blank lines; without any, at indented lines (wire copy wraps its
    lines and indents each paragraph), else at every line break.  Stray HTML tags are dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text and _TAG.search(text):
        text = html_unescape(_TAG.sub("\n", text))
    text = text.strip()
    if re.search(r"\n[ \t]*\n", text):
        chunks = re.split(r"\n[ \t]*\n+", text)
    elif len(_INDENTED.findall(text)) >= 1:
        chunks = _INDENTED.split(text)
    else:
        chunks = text.split("\n")
    return [Block(c.strip()) for c in chunks if c.strip()]


# ----------------------------------------------------------------- small metadata helpers

_COMPACT_DT = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def iso_date(value: str | None) -> str | None:
    """'20131020T192751+1100' → '2013-10-20T19:27:51+11:00'; ISO input passes through tidied."""
    if not value:
        return None
    value = value.strip()
    m = _COMPACT_DT.match(value)
    if not m:
        return value[:40] or None
    y, mo, d, h, mi, s, tz = m.groups()
    if h is None:
        return f"{y}-{mo}-{d}"
    out = f"{y}-{mo}-{d}T{h}:{mi}:{s or '00'}"
    if tz:
        out += "Z" if tz == "Z" else f"{tz[:3]}:{tz[-2:]}"
    return out


def strip_by(byline: str | None) -> str | None:
    """'By BERNARD CONDON' → 'BERNARD CONDON'."""
    if not byline:
        return None
    byline = re.sub(r"^\s*(?:by|von|par|por|av|af)\s+", "", byline.strip(), flags=re.I).strip()
    return byline or None


def urgency_markers(value: str | None) -> tuple[str, ...]:
    """IPTC urgency 1 (most urgent) and 2 become FLASH and URGENT markers; the rest are routine."""
    if value and value.strip().isdigit():
        return {1: ("FLASH",), 2: ("URGENT",)}.get(int(value.strip()), ())
    return ()


def place_of(dateline: str | None) -> str | None:
    """The place of a dateline element such as 'FORT WASHINGTON, Pa.' or 'London (dpa) - '."""
    if not dateline:
        return None
    place = re.split(r"\s*[(,]|\s+[-–—_]\s*", dateline.strip(), maxsplit=1)[0].strip(" -–—")
    if not place or place[0].isdigit() or len(place) > 60:
        return None
    return place.title() if place.isupper() else place


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


_AGENCY_NAMES = (
    ("australian associated press", "AAP"),
    ("associated press", "AP"),
    ("agence france", "AFP"),
    ("reuters", "Reuters"),
    ("agencia efe", "EFE"),
    ("deutsche presse", "dpa"),
    ("press association", "PA"),
)


def agency_name(value: str | None) -> str | None:
    """A provider or distributor name in the short form datelines use ('The Associated Press' → 'AP')."""
    if not value:
        return None
    low = value.strip().lower()
    for long, short in _AGENCY_NAMES:
        if long in low:
            return short
    from parsers.dateline import normalize_agency

    short = normalize_agency(value)
    return short if len(short) <= 40 else None


def body_only(blocks: list[Block], headline: str | None) -> list[Block]:
    """Body blocks under a headline given elsewhere: a repeated headline is dropped, other
    headline-level blocks become subheads (only one headline per story)."""
    out = [Block(b.text, "subhead") if b.kind == "headline" else b for b in blocks]
    if out and headline and " ".join(out[0].text.split()) == " ".join(headline.split()):
        out = out[1:]
    return out


# Editors' sign-offs ("hh/ph/ts/hd", "dpa grj rmo") and rules ("___") that close wire copy.
_SIGNOFF = re.compile(r"^(?:[a-z]{1,5}(?:/[a-z]{1,5})+|[_\-=*~ ]{3,}|(?:dpa|afp|ap)(?: [a-z]{2,4})+)$")


def split_signoff(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """Blocks without the sign-off and rule lines, and those lines (kept for ``removed``)."""
    kept = [b for b in blocks if not _SIGNOFF.match(b.text.strip())]
    return kept, [b.text for b in blocks if _SIGNOFF.match(b.text.strip())]


_BYLINE_BLOCK = re.compile(r"^By\s+(?P<who>[^,—|(]{3,60}?)\s*(?:[,—|(].*)?$")


def pull_byline(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """A short "By …" paragraph near the top is the byline, not story text."""
    for i, block in enumerate(blocks[:3]):
        if block.kind == "body" and len(block.text) <= 160 and (m := _BYLINE_BLOCK.match(block.text.strip())):
            return blocks[:i] + blocks[i + 1 :], m.group("who").strip()
    return blocks, None


def provider_agency(blocks: list[Block], provider: str | None) -> str | None:
    """The provider's short name, unless the story's own dateline names the agency ("(AFP) -")."""
    from parsers.dateline import find_dateline

    first = next((b.text for b in blocks if b.kind == "body"), "")
    found = find_dateline(" ".join(first.split())) if first else None
    if found is not None and found.agency:
        return None
    return agency_name(provider)
