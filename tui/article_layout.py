"""Pure layout for the article pane: wrapping and highlight runs, no Textual.

Everything is in character offsets into ``Article.text`` so the widget can
map a sentence, an entity mention or a claim to screen lines with a bisect.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from parsers.model import Article, Extraction

_WORD = re.compile(r"\S+\s*")
# C0/C1 controls and DEL: the parser strips them already; the renderer must never emit one.
_CONTROL = {c: "\ufffd" for c in (*range(0x00, 0x20), *range(0x7F, 0xA0))}


def printable(text: str) -> str:
    """Same length, no control characters: offsets stay valid, the terminal stays safe."""
    return text.translate(_CONTROL)


@dataclass(frozen=True, slots=True)
class Line:
    """One screen line of the article pane.

    ``kind`` is "text" (``start``/``end`` index Article.text), or "meta"/"blank" whose
    ``start`` is the start of the next text line, so ``starts`` stays sorted for bisects.
    """

    kind: str
    start: int
    end: int
    para: int = -1
    # meta lines: (text, component class) pieces, already free of markup and controls
    pieces: tuple[tuple[str, str], ...] = ()


def wrap(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` to ``width`` cells: (start, end) per line, spaces trimmed."""
    width = max(width, 1)
    chunk = text[start:end]
    ascii_only = chunk.isascii()
    measure = len if ascii_only else cell_len
    if measure(chunk) <= width:
        return [(start, start + len(chunk.rstrip()))]
    lines: list[tuple[int, int]] = []
    line_start = start
    used = 0
    line_end = start
    for match in _WORD.finditer(chunk):
        word_start = start + match.start()
        word = match.group()
        stripped = word.rstrip()
        w = measure(stripped)
        if used and used + w > width:
            lines.append((line_start, line_end))
            line_start, used = word_start, 0
        if w > width:
            # A word wider than the pane (a URL): hard-split it by characters.
            pos = word_start
            for ch in stripped:
                cw = measure(ch)
                if used + cw > width and used:
                    lines.append((line_start, pos))
                    line_start, used = pos, 0
                used += cw
                pos += 1
            line_end = pos
            used += measure(word) - w
            continue
        used += measure(word)
        line_end = word_start + len(stripped)
    if line_start < end or not lines:
        lines.append((line_start, line_end))
    return lines


def wrap_plain(text: str, width: int) -> list[str]:
    return [text[s:e] for s, e in wrap(text, 0, len(text), width)]


def header_pieces(article: Article) -> list[tuple[tuple[str, str], ...]]:
    """Meta lines below the headline: agency · dateline · date · byline, markers, warnings."""
    m = article.meta
    out: list[tuple[tuple[str, str], ...]] = []
    facts = [printable(v) for v in (m.agency, m.dateline_place, m.date) if v]
    if m.byline:
        facts.append(printable(m.byline if m.byline.lower().startswith("by") else f"By {m.byline}"))
    line: list[tuple[str, str]] = [(" · ".join(facts) if facts else "(no agency, dateline or date)", "meta")]
    for marker in m.markers:
        line.append((" ", "meta"))
        line.append((f" {printable(marker)} ", "marker"))
    out.append(tuple(line))
    return out


def layout(article: Article, width: int) -> list[Line]:
    """The article as screen lines: headline, meta, markers, warnings, then the paragraphs."""
    text = article.text
    lines: list[Line] = []
    paras = article.paragraphs
    first_body = 1 if paras and paras[0].kind == "headline" else 0

    def meta_block(next_start: int) -> None:
        if first_body == 0:
            lines.append(Line("meta", next_start, next_start, pieces=(("(no headline)", "headline"),)))
        for pieces in header_pieces(article):
            lines.append(Line("meta", next_start, next_start, pieces=pieces))
        for warning in article.warnings:
            for part in wrap_plain(f"⚠ {printable(warning)}", width):
                lines.append(Line("meta", next_start, next_start, pieces=((part, "warning"),)))
        lines.append(Line("meta", next_start, next_start, pieces=(("─" * width, "rule"),)))

    for i, para in enumerate(paras):
        if i == first_body:
            meta_block(para.start)
        elif i:
            lines.append(Line("blank", para.start, para.start))
        for s, e in wrap(text, para.start, para.end, width):
            lines.append(Line("text", s, e, para=i))
    if first_body >= len(paras):
        meta_block(len(text))
    return lines


def line_starts(lines: Sequence[Line]) -> list[int]:
    return [line.start for line in lines]


def line_of(starts: Sequence[int], offset: int) -> int:
    """Index of the screen line that shows ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)


@dataclass(frozen=True, slots=True)
class Run:
    start: int
    end: int
    style: str  # a component class name without the "article--" prefix


def entity_runs(extraction: Extraction) -> list[Run]:
    runs = [Run(m.start, m.end, f"entity-{e.type.lower()}") for e in extraction.entities for m in e.mentions]
    runs.extend(Run(q.start, q.end, "quantity") for q in extraction.numbers)
    return runs


def claim_runs(extraction: Extraction) -> list[Run]:
    runs: list[Run] = []
    for claim in extraction.claims:
        runs.append(Run(claim.content.start, claim.content.end, "claim-content"))
        if claim.cue is not None:
            runs.append(Run(claim.cue.start, claim.cue.end, "claim-cue"))
        src = claim.source
        if src.start is not None and src.end is not None:
            runs.append(Run(src.start, src.end, "claim-source"))
    return runs


def runs_by_paragraph(article: Article, runs: Iterable[Run]) -> list[list[Run]]:
    """Runs bucketed by the paragraphs they touch, so a line only looks at its own few."""
    paras = article.paragraphs
    starts = [p.start for p in paras]
    buckets: list[list[Run]] = [[] for _ in paras]
    for run in runs:
        if run.end <= run.start:
            continue
        i = max(bisect_right(starts, run.start) - 1, 0)
        while i < len(paras) and paras[i].start < run.end:
            if paras[i].end > run.start:
                buckets[i].append(run)
            i += 1
    return buckets


def sentence_at(article: Article, offset: int) -> int:
    starts = [s.start for s in article.sentences]
    return max(bisect_right(starts, offset) - 1, 0)


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Case-insensitive, non-overlapping matches of ``query``; folding keeps offsets when lengths agree."""
    if not query:
        return []
    hay, needle = text.lower(), query.lower()
    if len(hay) != len(text):  # a rare case-fold that changes length: fall back to exact case
        hay, needle = text, query
    out: list[tuple[int, int]] = []
    pos = hay.find(needle)
    while pos != -1:
        out.append((pos, pos + len(needle)))
        pos = hay.find(needle, pos + len(needle))
    return out
