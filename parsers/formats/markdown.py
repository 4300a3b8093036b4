"""Markdown stories (markdown-it-py): ``# headline``, ``##`` subheads, inline markup reduced
to plain text (links keep their text, images and raw HTML are dropped)."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from parsers.build import Block, build_article
from parsers.formats.common import pull_byline
from parsers.formats.raw import RawDocument
from parsers.model import Article, Meta


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # CommonMark keeps nesting bounded (maxNesting), so hostile input cannot recurse deeply.
    return MarkdownIt("commonmark")


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def blocks_of(source: str) -> tuple[list[Block], list[str]]:
    """Blocks of a Markdown document, and the raw HTML blocks left out of it."""
    blocks: list[Block] = []
    removed: list[str] = []
    kind = "body"
    for token in _md().parse(source):
        if token.type == "heading_open":
            kind = "headline" if token.tag == "h1" and not blocks else "subhead"
        elif token.type == "paragraph_open":
            kind = "body"
        elif token.type == "inline":
            text = _inline_text(token)
            if text.strip():
                blocks.append(Block(text, kind))
        elif token.type in ("fence", "code_block") and token.content.strip():
            blocks.append(Block(token.content))
        elif token.type == "html_block" and token.content.strip():
            removed.append(" ".join(token.content.split())[:200])
    return blocks, removed


def read(doc: RawDocument) -> Article:
    blocks, removed = blocks_of(doc.text)
    if blocks and blocks[0].kind == "subhead":
        blocks[0] = Block(blocks[0].text, "headline")
    elif blocks and blocks[0].kind == "body" and len(blocks[0].text) <= 150 and len(blocks) > 1:
        # No "# headline": like plain wire copy, a short first line is the headline.
        blocks[0] = Block(blocks[0].text, "headline")
    blocks, byline = pull_byline(blocks)
    return build_article(
        source=doc.source,
        fmt="markdown",
        blocks=blocks,
        meta=Meta(byline=byline),
        warnings=doc.warnings,
        removed=removed,
    )
