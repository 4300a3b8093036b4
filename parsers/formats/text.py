"""Plain-text wire copy: AFP, AP and Reuters house styles, and web-scraped copy.

The first line is the headline.  Paragraphs are separated by blank lines (or,
in copy without any blank line, by line breaks).  Short title-like lines are
subheads; site boilerplate is taken out of the text and kept in ``removed``.
"""

from __future__ import annotations

import re

from parsers.build import Block, build_article
from parsers.formats.raw import RawDocument
from parsers.model import Article, Meta
from parsers.sanitize import clean_text

_BOILERPLATE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|share(?: this(?: article| story| post)?)?(?: on \w+)?|"
    r"leave a (?:comment|reply)|\d* ?comments?|tweet|print|email|e-mail|whatsapp|facebook|twitter|linkedin|"
    r"read more(?::.*)?|related(?: articles| stories| content| news)?:?|recommended(?: for you)?|"
    r"(?:click|tap) here.*|subscribe(?: now| to .*)?|sign up(?: for| to) .*newsletter.*|"
    r"(?:accept|reject|manage)(?: all)? cookies|.*\bcookies?\b.*(?:accept|consent|policy|settings).*|"
    r"skip to (?:main )?content|menu|home|search|log ?in|sign in|back to top|"
    r"follow us on .*|all rights reserved\.?|copyright .*|© .*|(?:photo|image|video): .*|"
    r"(?:home|news|world|politics|business|sport|sports|opinion|culture)(?:\s*[|/>»]\s*\w+)+)$",
    re.IGNORECASE,
)
_CREDITS = re.compile(
    r"^\((?:Reporting|Additional reporting|Writing|Editing|Compiled) by [^)]*\)$", re.IGNORECASE
)
_BYLINE = re.compile(
    r"^By\s+(?P<who>[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|de|van|al-\w+))*)(?:\s*[,|].*)?$"
)
# A first line longer than this is a paragraph of copy without a headline, not a headline.
_MAX_HEADLINE = 300
_END_PUNCT = (".", "!", "?", ":", ";", ",", '"', "”", "’", "'", ")", "…", "-", "—")


def _paragraphs(text: str) -> list[str]:
    text = text.strip("\n")
    if "\n\n" in re.sub(r"\n[ \t]+\n", "\n\n", text):
        chunks = re.split(r"\n[ \t]*\n+", text)
        # The headline line is often followed directly by the body with no blank line.
        first = chunks[0].split("\n", 1)
        if len(first) == 2 and len(first[0]) <= 200:
            chunks[0:1] = first
    else:
        chunks = text.split("\n")
    return [c for c in (ch.strip() for ch in chunks) if c]


def is_subhead(line: str) -> bool:
    """A short title-like line without final punctuation ("Regional tensions")."""
    words = line.split()
    return (
        0 < len(words) <= 10
        and len(line) <= 80
        and not line.endswith(_END_PUNCT)
        and line[0].isupper()
        and not re.search(r"\d{4}-\d{2}-\d{2}$", line)
    )


def read(doc: RawDocument, fmt: str = "text") -> Article:
    warnings = list(doc.warnings)
    chunks = _paragraphs(clean_text(doc.text, warnings))
    removed: list[str] = []
    blocks: list[Block] = []
    byline: str | None = None
    credits: str | None = None
    for i, chunk in enumerate(chunks):
        line = " ".join(chunk.split())
        if len(line) <= 100 and _BOILERPLATE.match(line):
            removed.append(line)
            continue
        if _CREDITS.match(line):
            credits = line[1:-1]
            continue
        if not blocks and len(line) <= _MAX_HEADLINE:
            blocks.append(Block(line, "headline"))
            continue
        m = _BYLINE.match(line) if len(blocks) <= 2 else None
        if m and byline is None:
            byline = m.group("who")
            continue
        last = i == len(chunks) - 1
        kind = "subhead" if is_subhead(line) and not last and len(blocks) > 1 else "body"
        blocks.append(Block(chunk, kind))
    meta = Meta(byline=byline, credits=credits)
    return build_article(
        source=doc.source, fmt=fmt, blocks=blocks, meta=meta, warnings=warnings, removed=removed
    )
