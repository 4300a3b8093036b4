"""ANPA-1312 wire copy (the AP's transmission format).

Framing: SYN SYN SOH, a selector line (service, sequence, selector codes), a
priority/category/keyword line, STX, the story, ETX, a post-text trailer
("AP-WF-11-13-13 1509GMT"), EOT.  Inside the story, lines opening with ``^``
are header lines (keyword, headline, editors' notes, byline), body paragraphs
start with a tab or an indent, ``<`` and ``=`` end lines, ```` `` '' ```` are
typewriter quotes and `` _ `` is a dash.  The framing becomes metadata (slug,
markers, agency, date), never text.
"""

from __future__ import annotations

import re

from parsers.build import Block, build_article
from parsers.formats.raw import ParseError, RawDocument
from parsers.formats.text import is_subhead
from parsers.model import Article, Meta
from parsers.sanitize import clean_text

SOH, STX, ETX, EOT = "\x01", "\x02", "\x03", "\x04"

_PRIORITY = {"f": "FLASH", "b": "BULLETIN", "u": "URGENT"}
_LINE_END = re.compile(r"[ \t]*[<=]+[ \t]*$", re.M)
_KEYWORD_LINE = re.compile(
    r"^(?P<prio>[a-z])\s+(?P<cat>[a-z])\W*?\s+(?P<slug>\S+)(?:\s+(?P<version>\S.*?))?\s+\d\d-\d\d(?:\s+\d+)?\s*$"
)
_TRAILER = re.compile(
    r"(?P<agency>[A-Z]{2,5})-\w+-(?P<m>\d\d)-(?P<d>\d\d)-(?P<y>\d\d) (?P<h>\d\d)(?P<mi>\d\d)GMT"
)
_NOTE = re.compile(
    r"^\(?(?:Eds?:|Editors?:|EDITOR'?S NOTE|AP Photos?\b|AP Video\b|With AP Photos|Note to editors)", re.I
)
_BY = re.compile(r"^By\s+(?P<who>.+)$")
_CREDIT_LINE = re.compile(
    r"^(?:The )?(?:Associated Press|AP\b[\w ]*Writer|AP [A-Z][\w ]+ (?:Writer|Editor|Correspondent))$"
)
_DASH = re.compile(r"(?<=\S) _{1,2} (?=\S)|^_ | _$")
_ALIGNED = re.compile(r"\S {2,}\S")
_FIRST_CARET = re.compile(r"(?<=\n)(?=\^)")
_RULE = re.compile(r"^[_\-=* ]{3,}$")


def typewriter(text: str) -> str:
    """`` '' → “ ”, a lone ` → ‘, `` _ `` → —: the typewriter conventions of wire copy."""
    text = text.replace("``", "“").replace("''", "”").replace("`", "‘")
    return _DASH.sub(lambda m: m.group(0).replace("__", "—").replace("_", "—"), text)


def split_frame(raw: str) -> tuple[str, str, str]:
    """(header before STX, story, trailer after ETX).  Copy that lost its control characters
    on the way still has its header: the lines before the first ``^`` line."""
    start, skip = raw.find(STX), 1
    if start < 0 and (m := _FIRST_CARET.search(raw[:400])):
        start, skip = m.start(), 0
    head, rest = (raw[:start], raw[start + skip :]) if start >= 0 else ("", raw)
    rest = rest.lstrip(STX)
    end = rest.find(ETX)
    story, tail = (rest[:end], rest[end + 1 :]) if end >= 0 else (rest, "")
    return head, story, tail


def _paragraphs(lines: list[str]) -> list[str]:
    """Body paragraphs: a new one at a blank line, an indented line, or after a ``<`` line end."""
    paras: list[list[str]] = []
    new = True
    for raw in lines:
        line = raw.rstrip()
        if not line.strip():
            new = True
            continue
        # Agate (standings, results) comes as column-aligned rows: one row, one paragraph.
        row = _ALIGNED.search(line.strip()) is not None
        indented = line[:1] == "\t" or line[:2] == "  " or line.lstrip()[:1] == "^"
        if new or indented or row or not paras:
            paras.append([])
        paras[-1].append(line.strip().lstrip("^").strip())
        new = row or raw.rstrip().endswith("<")
    return [" ".join(p) for p in paras if p]


def read(doc: RawDocument) -> Article:
    warnings = list(doc.warnings)
    raw = doc.text.replace("\r\n", "\n").replace("\r", "\n")
    head, story, tail = split_frame(raw)
    markers: list[str] = []
    slug: str | None = None
    removed: list[str] = []

    # Header: selector line and priority/category/keyword line.
    for line in clean_text(head.replace("\x1f", " ")).split("\n"):
        m = _KEYWORD_LINE.match(line.strip())
        if m:
            if m.group("prio") in _PRIORITY:
                markers.append(_PRIORITY[m.group("prio")])
            slug = m.group("slug")

    story = clean_text(story, warnings)
    lines = [_LINE_END.sub("", ln) for ln in story.split("\n")]
    # Header lines: the ^-lines before the first body line.
    header: list[str] = []
    i = 0
    while i < len(lines) and (not lines[i].strip() or lines[i].lstrip().startswith("^")):
        if lines[i].strip():
            header.append(lines[i].strip())
        i += 1
    body_lines = lines[i:]

    headline: str | None = None
    byline: str | None = None
    extra: list[str] = []
    for n, line in enumerate(header):
        # "^*9006< ^AP-Top-…": a keyword line may carry a routing prefix; the last ^ starts the line.
        text = line.rsplit("^", 1)[-1].strip() if n == 0 else line.lstrip("^").strip()
        if n == 0 and re.match(r"^[A-Z]{1,3}-", text):
            parts = [p.strip() for p in text.split(",")]
            slug = parts[0] or slug
            markers.extend(p for p in parts[1:-1] if p and not p.isdigit())
            removed.append(text)
            continue
        if _NOTE.match(text):
            removed.append(text)
        elif (m := _BY.match(text)) and byline is None:
            byline = m.group("who").strip()
        elif _CREDIT_LINE.match(text):
            removed.append(text)
        elif headline is None:
            headline = text
        else:
            extra.append(text)

    paragraphs = _paragraphs(body_lines)
    first = paragraphs[0] if paragraphs else ""
    blocks: list[Block] = []
    for text in extra:
        # A summary repeated by the lead paragraph is not shown twice.
        if first and text[:40] in first:
            removed.append(text)
        else:
            blocks.append(Block(typewriter(text), "subhead" if is_subhead(text) else "body"))
    for n, para in enumerate(paragraphs):
        if _RULE.match(para):
            removed.append(para)
            continue
        if _TRAILER.fullmatch(para) and not tail:
            tail = para  # a trailer that lost its ETX still dates the story (kept in removed below)
            continue
        para = typewriter(para)
        last = n == len(paragraphs) - 1
        blocks.append(Block(para, "subhead" if is_subhead(para) and not last else "body"))
    if not blocks and not headline:
        raise ParseError("ANPA: no headline and no story text")

    trailer = " ".join(clean_text(tail).split()).rstrip("<= ")
    agency = date = None
    if trailer:
        removed.append(trailer)
        if m := _TRAILER.search(trailer):
            agency = m.group("agency")
            date = f"20{m['y']}-{m['m']}-{m['d']}T{m['h']}:{m['mi']}:00Z"
    meta = Meta(
        headline=typewriter(headline) if headline else None,
        slug=slug,
        agency=agency,
        byline=byline,
        date=date,
        markers=tuple(dict.fromkeys(markers)),
    )
    return build_article(
        source=doc.source, fmt="anpa", blocks=blocks, meta=meta, warnings=warnings, removed=removed
    )
