"""W3C Web Annotation (JSON-LD) export, so annotations move into other annotation tools.

Each annotation carries the model's required fields — ``@context``, ``id``, ``type: "Annotation"``,
``target`` — and a body per tag (purpose ``tagging``), for the note (``commenting``), for the grade
(``assessing``) and for a correction (``editing``).  The target selects the text two ways: a
TextQuoteSelector (exact/prefix/suffix, survives edits) and, when the anchor resolved, a
TextPositionSelector (start/end in the story text).  The whole export is an AnnotationCollection.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from tui.notebook.export.common import StoryExport
from tui.notebook.resolve import Resolved

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def story_iri(story_id: str) -> str:
    return f"urn:wiredesk:story:{story_id}"


def annotation_iri(annotation_id: str) -> str:
    return f"urn:wiredesk:annotation:{annotation_id}"


def _text_body(value: str, purpose: str) -> dict[str, object]:
    return {"type": "TextualBody", "value": value, "purpose": purpose, "format": "text/plain"}


def _target(story: StoryExport, item: Resolved) -> dict[str, object]:
    ann = item.annotation
    selectors: list[dict[str, object]] = []
    if ann.anchor is not None:
        exact, prefix, suffix = ann.anchor.exact, ann.anchor.prefix, ann.anchor.suffix
    else:
        exact, prefix, suffix = item.text, "", ""
    if story.article is not None and item.start is not None and item.end is not None:
        text = story.article.text
        exact = text[item.start : item.end]
        prefix = text[max(0, item.start - 32) : item.start]
        suffix = text[item.end : item.end + 32]
    if exact:
        quote: dict[str, object] = {"type": "TextQuoteSelector", "exact": exact}
        if prefix:
            quote["prefix"] = prefix
        if suffix:
            quote["suffix"] = suffix
        selectors.append(quote)
    if item.start is not None and item.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": item.start, "end": item.end})
    target: dict[str, object] = {"source": story_iri(ann.story_id)}
    if selectors:
        target["selector"] = selectors[0] if len(selectors) == 1 else selectors
    return target


def web_annotation(story: StoryExport, item: Resolved) -> dict[str, object]:
    ann = item.annotation
    bodies: list[dict[str, object]] = [_text_body(tag, "tagging") for tag in ann.tags]
    motivations: list[str] = ["tagging"] if ann.tags else []
    if ann.note:
        bodies.append(_text_body(ann.note, "commenting"))
        motivations.append("commenting")
    if ann.grade is not None and ann.grade.code:
        bodies.append(_text_body(f"Admiralty grade {ann.grade.code}", "assessing"))
        motivations.append("assessing")
    if ann.correction is not None:
        corr = ann.correction
        detail = corr.type or corr.name or corr.source_text or ", ".join(corr.others)
        bodies.append(_text_body(f"{corr.op}: {detail}".rstrip(": "), "editing"))
        motivations.append("editing")
    out: dict[str, object] = {
        "@context": CONTEXT,
        "id": annotation_iri(ann.id),
        "type": "Annotation",
        "motivation": (motivations[0] if len(motivations) == 1 else motivations)
        if motivations
        else "highlighting",
        "created": ann.created,
        "modified": ann.updated,
        "target": _target(story, item),
    }
    if bodies:
        out["body"] = bodies[0] if len(bodies) == 1 else bodies
    return out


def export_w3c(stories: Sequence[StoryExport], *, label: str = "wiredesk notebook") -> dict[str, object]:
    items = [web_annotation(story, item) for story in stories for item in story.items]
    return {
        "@context": CONTEXT,
        "id": "urn:wiredesk:export",
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "first": {
            "id": "urn:wiredesk:export:page1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def render_w3c(stories: Sequence[StoryExport]) -> str:
    return json.dumps(export_w3c(stories), indent=2, ensure_ascii=False) + "\n"
