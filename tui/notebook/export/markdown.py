"""The Markdown briefing: per story, then the corpus — what an analyst pastes into a report.

Everything that came from a story or a note goes through :func:`md_escape`, so wire copy holding
``[text](url)``, ``<script>``, ``**`` or a line starting ``# `` renders as the literal characters,
never as a link, HTML or structure, in whatever renders the Markdown.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from tui.notebook.export.common import StoryExport, plain
from tui.notebook.resolve import Resolved

# Inline syntax: escaped wherever it appears (CommonMark lets any ASCII punctuation be escaped).
_INLINE = re.compile(r"([\\`*_{}\[\]()<>#!|~&^$])")
# Bare URLs, domains and e-mail addresses: renderers with linkify/GFM autolinks would make links of
# them.  An escaped "." ":" or "@" splits the text node those extensions scan, so none matches; the
# rendered text reads exactly the same.
_URLISH = re.compile(r"(?<=\w)([.:@])(?=\w|/)")
_SAFE_TAG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def md_escape(text: str) -> str:
    """Literal text for Markdown: no links, HTML, emphasis, headings, lists or hard breaks."""
    lines = []
    for raw in plain(text).replace("\r", "").replace("\t", " ").split("\n"):
        line = _INLINE.sub(r"\\\1", raw.rstrip())
        line = _URLISH.sub(r"\\\1", line)
        # Block syntax only counts at the start of a line: lists, quotes, setext underlines, "1." lists.
        line = re.sub(r"^(\s*)([-+=:])", r"\1\\\2", line)
        line = re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", line)
        lines.append(line)
    return "\n".join(lines)


def _tag(tag: str) -> str:
    return f"`{tag}`" if _SAFE_TAG.match(tag) else md_escape(" ".join(plain(tag).split()))


def _one_line(text: str) -> str:
    return md_escape(" ".join(plain(text).split()))


def _quote_block(text: str) -> list[str]:
    return ["> " + line if line else ">" for line in md_escape(text).split("\n")]


def _grade_of(item: Resolved) -> str:
    grade = item.annotation.grade
    return "" if grade is None or not grade.code else grade.code


def _story_lines(story: StoryExport) -> list[str]:
    out = [f"## {_one_line(story.headline)}", ""]
    facts: list[str] = []
    if story.article is not None:
        meta = story.article.meta
        source = ", ".join(x for x in (meta.agency, meta.dateline_place, meta.date) if x)
        if source:
            facts.append(f"**Source:** {_one_line(source)}")
        facts.append(f"**File:** {_one_line(story.article.source)}")
    elif story.state is not None and story.state.source:
        facts.append(f"**File:** {_one_line(story.state.source)} (story text not available)")
    facts.append(f"**Status:** {story.status}")
    grades = Counter(_grade_of(i) for i in story.items if _grade_of(i))
    if grades:
        facts.append(
            "**Grades:** " + ", ".join(f"{g} ×{n}" if n > 1 else g for g, n in sorted(grades.items()))
        )
    out += [" · ".join(facts), ""]

    claims = [
        i for i in story.items if i.annotation.target.kind == "claim" and i.annotation.correction is None
    ]
    if claims:
        out += ["### Key claims", ""]
        for item in claims:
            src = _claim_source(story, item)
            bits = [f"“{_one_line(item.text)}”"]
            if src:
                bits.append(f"— {_one_line(src)}")
            if _grade_of(item):
                bits.append(f"· grade **{_grade_of(item)}**")
            if item.annotation.tags:
                bits.append("· " + ", ".join(_tag(t) for t in item.annotation.tags))
            out.append("- " + " ".join(bits))
            if item.annotation.note:
                out.append("")
                out += ["  " + line for line in _quote_block(item.annotation.note)]
                out.append("")
        out.append("")

    passages = [
        i
        for i in story.items
        if i.annotation.target.kind in ("sentence", "paragraph", "span") and i.annotation.correction is None
    ]
    if passages:
        out += ["### Tagged passages", ""]
        for item in passages:
            out += _quote_block(item.text)
            meta_bits = []
            if item.annotation.tags:
                meta_bits.append("**Tags:** " + ", ".join(_tag(t) for t in item.annotation.tags))
            if _grade_of(item):
                meta_bits.append(f"**Grade:** {_grade_of(item)}")
            if item.orphan:
                meta_bits.append("**not found in the current text** (orphan)")
            if meta_bits:
                out += [">", "> " + " · ".join(meta_bits)]
            if item.annotation.note:
                out.append(">")
                out += _quote_block(item.annotation.note)
            out.append("")

    entities = [
        i for i in story.items if i.annotation.target.kind == "entity" and i.annotation.correction is None
    ]
    if entities:
        out += ["### Entities of interest", ""]
        for item in entities:
            name = item.annotation.target.text or item.text
            etype = _entity_type(story, item)
            line = f"- **{_one_line(name)}**" + (f" ({etype})" if etype else "")
            if item.annotation.tags:
                line += " · " + ", ".join(_tag(t) for t in item.annotation.tags)
            if item.annotation.note:
                line += " — " + _one_line(item.annotation.note)
            out.append(line)
        out.append("")

    fixes = [i for i in story.items if i.annotation.correction is not None]
    if fixes:
        out += ["### Corrections to extraction", ""]
        for item in fixes:
            corr = item.annotation.correction
            assert corr is not None
            what = item.annotation.target.text or item.text
            detail = corr.type or corr.name or corr.source_text or ", ".join(corr.others)
            out.append(f"- {corr.op}: {_one_line(what)}" + (f" → {_one_line(detail)}" if detail else ""))
        out.append("")
    return out


def _claim_source(story: StoryExport, item: Resolved) -> str:
    if story.extraction is None or story.article is None:
        return ""
    for claim in story.extraction.claims:
        if claim.id == item.annotation.target.ref or (claim.content.start, claim.content.end) == (
            item.start,
            item.end,
        ):
            return claim.source.text or claim.source.kind
    return ""


def _entity_type(story: StoryExport, item: Resolved) -> str:
    if story.extraction is None:
        return ""
    for ent in story.extraction.entities:
        if ent.id == item.annotation.target.ref or ent.name == item.annotation.target.text:
            return ent.type if ent.type.isalpha() else ""
    return ""


def render_markdown(stories: Sequence[StoryExport], *, title: str = "Briefing", generated: str = "") -> str:
    n_notes = sum(len(s.items) for s in stories)
    head = [f"# {_one_line(title)}", ""]
    summary = f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}, {n_notes} {'annotation' if n_notes == 1 else 'annotations'}"
    if generated:
        summary += f" · exported {_one_line(generated)}"
    head += [f"_{summary}_", ""]
    flagged = [s for s in stories if s.status == "flagged"]
    if len(stories) > 1:
        head += ["| Story | Status | Notes |", "| --- | --- | --- |"]
        for s in stories:
            head.append(f"| {_one_line(s.headline)} | {s.status} | {len(s.items)} |")
        head.append("")
        if flagged:
            head += [f"**Flagged:** {len(flagged)}", ""]
    body: list[str] = []
    for story in stories:
        body += _story_lines(story)
    # Sections end with a blank line each; never leave two (every text line is prefixed or inline).
    return re.sub(r"\n{3,}", "\n\n", "\n".join(head + body)).rstrip() + "\n"
