"""IPTC 7901 wire copy (dpa's English service among others).

SOH, a header line (service id, priority, category, word count, agency,
sequence), a keyword line, STX, the heading lines up to one ending in ``=``
(version markers, headline, byline), the body, a notebook of links and
contacts "not for publication", the editors' initials, ETX and a time stamp.
Framing and notebook become metadata or ``removed``, never text.
"""

from __future__ import annotations

import re

from parsers.build import Block, build_article
from parsers.formats.anpa import split_frame
from parsers.formats.common import plain_blocks
from parsers.formats.raw import ParseError, RawDocument
from parsers.model import Article, Meta
from parsers.sanitize import clean_text

_HEADER = re.compile(
    r"^(?P<id>[a-z]{2,4}\d+)\s+(?P<prio>\d)\s+(?P<cat>[a-z])\s+(?P<words>\d+)\s+(?:\S+\s+)*?(?P<agency>[a-z][\w-]*)\s+\d+\s*$"
)
_MARKER = re.compile(
    r"^(?:URGENT|FLASH|EILT|BULLETIN|REFILE|CORRECTION|CORRECTED|EXTRA|ADVISORY|"
    r"\d+(?:ST|ND|RD|TH) LEAD|LEAD|UPDATE \d*|SUMMARY|NEW)$"
)
_PRIORITY = {"1": "FLASH", "2": "URGENT"}
_NOTEBOOK = re.compile(r"^(?:#+ .*notebook.*|\* \* \*.*|#+ .*|The following information is not.*)$", re.I)
_CREDIT = re.compile(r"^-?\s*(?:Reporting|Editing|Writing) by:?\s*(?P<who>.+)$", re.I)
_CLOSING = re.compile(r"^(?:dpa|[a-z]{2,6})(?:[ -][a-z]{2,4})+$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})(?:,[^()]{1,30})? \((?P<agency>[\w/ .-]{2,20})\) [-–—] "
)


def read(doc: RawDocument) -> Article:
    warnings = list(doc.warnings)
    raw = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    head, story, tail = split_frame(raw)
    markers: list[str] = []
    slug = agency = None
    for line in (ln.strip() for ln in clean_text(head).split("\n")):
        if m := _HEADER.match(line):
            agency = m.group("agency")
            if m.group("prio") in _PRIORITY:
                markers.append(_PRIORITY[m.group("prio")])
        elif line and slug is None and not line.startswith(("\x01",)):
            slug = line.rstrip("/").strip() or None

    lines = clean_text(story, warnings).split("\n")
    # Heading lines run to the first line ending in "=" (within a few lines), else the first line.
    end = next((i for i, ln in enumerate(lines[:8]) if ln.rstrip().endswith("=")), None)
    heading_end = end if end is not None else next((i for i, ln in enumerate(lines) if ln.strip()), 0)
    headline_parts: list[str] = []
    byline = None
    for line in lines[: heading_end + 1]:
        text = line.strip().rstrip("=").strip()
        if not text:
            continue
        if _MARKER.match(text.upper()) and text.isupper():
            markers.append(text)
        elif text.startswith("By "):
            byline = text[3:].strip()
        else:
            headline_parts.append(text)
    headline = " ".join(headline_parts) or None

    body: list[Block] = []
    removed: list[str] = []
    credits: list[str] = []
    in_notebook = False
    for block in plain_blocks("\n".join(lines[heading_end + 1 :])):
        first_line = block.text.split("\n", 1)[0].strip()
        if not in_notebook and _NOTEBOOK.match(first_line):
            in_notebook = True
        for line in block.text.split("\n"):
            if m := _CREDIT.match(line.strip()):
                credits.append(f"{m.group(0).lstrip('- ').split(':')[0].strip()} {m.group('who').strip()}")
        if in_notebook or _CLOSING.match(block.text.strip()):
            removed.append(" ".join(block.text.split()))
        else:
            body.append(block)
    if not body and not headline:
        raise ParseError("IPTC 7901: no headline and no story text")

    place = None
    if body and (m := _DATELINE.match(" ".join(body[0].text.split()))):
        place = m.group("place")
        agency = agency or m.group("agency")
    trailer = " ".join(clean_text(tail).split())
    if trailer:
        removed.append(trailer)
    meta = Meta(
        headline=headline,
        slug=slug,
        dateline_place=place,
        agency=agency,
        byline=byline,
        markers=tuple(dict.fromkeys(markers)),
        credits="; ".join(credits) or None,
    )
    return build_article(
        source=doc.source, fmt="iptc7901", blocks=body, meta=meta, warnings=warnings, removed=removed
    )
