"""Plain HTML articles: ``<h1>`` headline, ``<h2>``/``<h3>`` subheads, ``<p>`` paragraphs.

Read with the stdlib ``html.parser`` (a tokenizer, not an XML parser: no
entities to expand, nothing fetched).  Script, style, nav, footer and aside
are dropped; the shared ``BlockCollector`` keeps open elements in a list, so
deeply nested markup never recurses.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from parsers.build import Block, build_article
from parsers.formats.common import iso_date, pull_byline, strip_by
from parsers.formats.raw import RawDocument
from parsers.formats.xmlutil import BlockCollector
from parsers.model import Article, Meta


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.collector = BlockCollector()
        self.meta: dict[str, str] = {}
        self._in_title = False
        self.title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta":
            key = (a.get("name") or a.get("property") or "").lower()
            if key and a.get("content"):
                self.meta.setdefault(key, a["content"] or "")
        elif tag == "title":
            self._in_title = True
        elif tag == "html" and a.get("lang"):
            self.meta.setdefault("lang", a["lang"] or "")
        self.collector.start(tag, a)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in ("br", "img", "hr", "meta", "link", "input"):
            self.collector.end(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        self.collector.end(tag)

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        self.collector.data(data)


def collect(markup: str) -> tuple[list[Block], str]:
    """Blocks and <title> text of an HTML page or fragment."""
    blocks, title, _, _ = _parse(markup)
    return blocks, title


def _parse(markup: str) -> tuple[list[Block], str, dict[str, str], BlockCollector]:
    parser = _Parser()
    parser.feed(markup)
    parser.close()
    blocks = parser.collector.close()
    return blocks, " ".join("".join(parser.title).split()), parser.meta, parser.collector


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{2,40}$")


def read(doc: RawDocument) -> Article:
    blocks, title, meta, collector = _parse(doc.text)
    removed = list(collector.dropped)
    article = collector.article
    if article is not None:
        # A page with an <article> that holds text: that is the story, the rest is page furniture.
        start, end = article[0], len(blocks) if article[1] < 0 else article[1]
        if any(b.kind == "body" for b in blocks[start:end]):
            removed += [b.text for b in blocks[:start] + blocks[end:]]
            blocks = blocks[start:end]
    headline: str | None = None
    first = next((i for i, b in enumerate(blocks) if b.kind == "headline"), None)
    if first is None:
        # No <h1>: the page title (minus a " | Site name" suffix) is the best headline there is.
        headline = _SITE_SUFFIX.sub("", title) or meta.get("og:title") or None
    else:
        # Anything before the <h1> is furniture (kickers, breadcrumbs); later <h1>s are section titles.
        removed += [b.text for b in blocks[:first]]
        rest = [Block(b.text, "subhead") if b.kind == "headline" else b for b in blocks[first + 1 :]]
        blocks = [blocks[first], *rest]
    blocks, byline = pull_byline(blocks)
    return build_article(
        source=doc.source,
        fmt="html",
        blocks=blocks,
        meta=_meta(meta, headline, byline),
        warnings=doc.warnings,
        removed=removed,
    )


def _meta(meta: dict[str, str], headline: str | None, byline: str | None) -> Meta:
    return Meta(
        headline=headline,
        byline=byline or strip_by(meta.get("author") or meta.get("byl")),
        date=iso_date(meta.get("article:published_time") or meta.get("date")),
        language=meta.get("lang") or None,
    )
