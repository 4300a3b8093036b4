"""Corrections on top of extraction: the analyst's fixes, applied wherever a story is shown or exported.

Pure: (article, extraction, annotations) in, a new Extraction out.  Corrections apply in the order
they were made (``created``), so a later fix sees the result of an earlier one (merge, then retype
the merged entity).  Entities and claims are found by id first and by name / content text second,
because a re-extraction may hand out new ids; a correction whose target is gone is reported by
:func:`apply_corrections_report`, never silently mis-applied.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from parsers.model import Article, Claim, ClaimSource, Entity, Extraction, Mention
from tui.notebook.anchor import reanchor
from tui.notebook.model import Annotation


def _find_entity(entities: list[Entity], ref: str | None, name: str | None) -> int | None:
    if ref is not None:
        for i, e in enumerate(entities):
            if e.id == ref:
                return i
    if name:
        folded = name.casefold()
        for i, e in enumerate(entities):
            if e.name.casefold() == folded:
                return i
    return None


def _find_claim(claims: list[Claim], text: str, ref: str | None, content: str | None) -> int | None:
    if ref is not None:
        for i, c in enumerate(claims):
            if c.id == ref:
                return i
    if content:
        for i, c in enumerate(claims):
            if text[c.content.start : c.content.end] == content:
                return i
    return None


def _word_occurrences(text: str, word: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)")
    return [(m.start(), m.end()) for m in pattern.finditer(text)]


def _relink_claims(claims: list[Claim], old_ids: set[str], new_id: str | None) -> None:
    for i, c in enumerate(claims):
        if c.source.entity in old_ids:
            claims[i] = dataclasses.replace(c, source=dataclasses.replace(c.source, entity=new_id))


def _apply_one(article: Article, ann: Annotation, entities: list[Entity], claims: list[Claim]) -> bool:
    corr = ann.correction
    assert corr is not None
    target = ann.target
    text = article.text
    if corr.op == "dismiss" and target.kind == "claim":
        ci = _find_claim(claims, text, target.ref, target.text)
        if ci is None:
            return False
        del claims[ci]
        return True
    if corr.op == "add_entity":
        found = None if ann.anchor is None else reanchor(text, ann.anchor)
        if found is None:
            return False
        surface = text[found[0] : found[1]]
        name = corr.name or surface
        spans = {found, *_word_occurrences(text, surface)}
        existing = _find_entity(entities, None, name)
        if existing is not None and entities[existing].type == (corr.type or entities[existing].type):
            ent = entities[existing]
            have = {(m.start, m.end) for m in ent.mentions}
            merged = sorted(have | spans)
            entities[existing] = dataclasses.replace(ent, mentions=tuple(Mention(s, e) for s, e in merged))
        else:
            entities.append(
                Entity(
                    id=f"a-{ann.id}",
                    type=corr.type or "MISC",
                    name=name,
                    mentions=tuple(Mention(s, e) for s, e in sorted(spans)),
                )
            )
        return True
    if corr.op == "set_source":
        ci = _find_claim(claims, text, target.ref, target.text)
        if ci is None:
            return False
        claim = claims[ci]
        ent_i = _find_entity(entities, corr.source_entity, None) if corr.source_entity else None
        if ent_i is None and corr.source_text:
            ent_i = _find_entity(entities, None, corr.source_text)
        kind = corr.source_kind or ("named" if ent_i is not None else "unattributed")
        start = end = None
        if corr.source_text:
            spots = _word_occurrences(text, corr.source_text)
            if spots:
                start, end = min(spots, key=lambda se: abs(se[0] - claim.content.start))
        claims[ci] = dataclasses.replace(
            claim,
            source=ClaimSource(
                text=corr.source_text,
                kind=kind,
                anonymous=kind == "anonymous",
                entity=None if ent_i is None else entities[ent_i].id,
                start=start,
                end=end,
            ),
        )
        return True
    # The rest act on an entity.
    if target.kind != "entity":
        return False
    ei = _find_entity(entities, target.ref, target.text)
    if ei is None:
        return False
    ent = entities[ei]
    if corr.op == "retype":
        if not corr.type:
            return False
        entities[ei] = dataclasses.replace(ent, type=corr.type)
        return True
    if corr.op == "dismiss":
        del entities[ei]
        _relink_claims(claims, {ent.id}, None)
        return True
    if corr.op == "merge":
        absorbed: list[Entity] = []
        for other in corr.others:
            oi = _find_entity(entities, other, other)
            if oi is not None and entities[oi].id != ent.id:
                absorbed.append(entities[oi])
        if not absorbed:
            return False
        spans = {(m.start, m.end) for e in (ent, *absorbed) for m in e.mentions}
        roles = tuple(dict.fromkeys(r for e in (ent, *absorbed) for r in e.roles))
        combined = dataclasses.replace(
            ent,
            name=corr.name or ent.name,
            mentions=tuple(Mention(s, e) for s, e in sorted(spans)),
            roles=roles,
        )
        gone = {e.id for e in absorbed}
        entities[:] = [combined if e.id == ent.id else e for e in entities if e.id not in gone]
        _relink_claims(claims, gone, ent.id)
        return True
    if corr.op == "split":
        if not corr.name:
            return False
        if corr.mentions:
            chosen = {m for m in ent.mentions if (m.start, m.end) in set(corr.mentions)}
        else:
            folded = corr.name.casefold()
            chosen = {m for m in ent.mentions if text[m.start : m.end].casefold() == folded}
        if not chosen or len(chosen) == len(ent.mentions):
            return False
        keep = tuple(m for m in ent.mentions if m not in chosen)
        entities[ei] = dataclasses.replace(ent, mentions=keep)
        entities.insert(
            ei + 1,
            Entity(
                id=f"s-{ann.id}",
                type=corr.type or ent.type,
                name=corr.name,
                mentions=tuple(sorted(chosen, key=lambda m: (m.start, m.end))),
            ),
        )
        return True
    return False


def apply_corrections_report(
    article: Article, extraction: Extraction, annotations: Iterable[Annotation]
) -> tuple[Extraction, tuple[Annotation, ...]]:
    """The corrected extraction, and the corrections that found nothing to apply to.

    ``annotations`` are this story's (the caller matches a re-sent story to its old annotations)."""
    entities = list(extraction.entities)
    claims = list(extraction.claims)
    unapplied: list[Annotation] = []
    fixes = sorted(
        (a for a in annotations if a.correction is not None),
        key=lambda a: a.created,  # stable: same-millisecond fixes keep the notebook's order
    )
    for ann in fixes:
        if not _apply_one(article, ann, entities, claims):
            unapplied.append(ann)
    out = dataclasses.replace(extraction, entities=tuple(entities), claims=tuple(claims))
    return out, tuple(unapplied)


def apply_corrections(
    article: Article, extraction: Extraction, annotations: Iterable[Annotation]
) -> Extraction:
    """The extraction with every applicable correction of this story applied (pure)."""
    return apply_corrections_report(article, extraction, annotations)[0]
