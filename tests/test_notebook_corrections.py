"""Corrections are annotations applied on top of extraction: the analyst's fixes win, purely."""

from __future__ import annotations

import dataclasses

from tests.notebook_support import article, extraction, find
from tui.notebook.anchor import make_anchor
from tui.notebook.corrections import apply_corrections, apply_corrections_report
from tui.notebook.model import Annotation, Correction, Target, new_annotation

ART = article()
EXT = extraction(ART)


def _fix(kind: str, ref: str | None, text: str | None, corr: Correction, **kw: object) -> Annotation:
    return new_annotation(ART.id, Target(kind, ref, text), correction=corr, **kw)  # type: ignore[arg-type]


def _ent(ext: object, name: str) -> object:
    return next(e for e in ext.entities if e.name == name)  # type: ignore[attr-defined]


def test_no_corrections_changes_nothing() -> None:
    plain = new_annotation(ART.id, Target("entity", "e3", "Kharkiv"), tags=("follow-up",))
    assert apply_corrections(ART, EXT, [plain]) == EXT


def test_retype_entity() -> None:
    out = apply_corrections(ART, EXT, [_fix("entity", "e3", "Kharkiv", Correction("retype", type="LOC"))])
    assert _ent(out, "Kharkiv").type == "LOC"  # type: ignore[attr-defined]
    assert _ent(EXT, "Kharkiv").type == "PERSON"  # pure: the input is untouched  # type: ignore[attr-defined]


def test_retype_finds_the_entity_by_name_when_ids_changed() -> None:
    fix = _fix("entity", "old-id", "kharkiv", Correction("retype", type="LOC"))
    assert _ent(apply_corrections(ART, EXT, [fix]), "Kharkiv").type == "LOC"  # type: ignore[attr-defined]


def test_merge_entities_relinks_claims() -> None:
    fix = _fix("entity", "e2", "Petrenko", Correction("merge", others=("e1",), name="Ivan Petrenko"))
    out = apply_corrections(ART, EXT, [fix])
    names = [e.name for e in out.entities]
    assert names.count("Ivan Petrenko") == 1 and "Petrenko" not in names
    merged = _ent(out, "Ivan Petrenko")
    assert len(merged.mentions) == 2 and merged.id == "e2"  # type: ignore[attr-defined]
    assert out.claims[0].source.entity == "e2"


def test_split_entity_by_mentions() -> None:
    t = ART.text
    both = dataclasses.replace(
        EXT.entities[0], mentions=(*EXT.entities[0].mentions, *EXT.entities[1].mentions), name="Petrenko"
    )
    ext = dataclasses.replace(EXT, entities=(both, *EXT.entities[2:]))
    second = t.index("Petrenko said")
    fix = _fix(
        "entity",
        "e1",
        "Petrenko",
        Correction("split", name="Oleh Petrenko", mentions=((second, second + 8),)),
    )
    out = apply_corrections(ART, ext, [fix])
    assert [m.start for m in _ent(out, "Petrenko").mentions] == [find(t, "Ivan Petrenko")[0]]  # type: ignore[attr-defined]
    new = _ent(out, "Oleh Petrenko")
    assert new.type == "PERSON" and [m.start for m in new.mentions] == [second]  # type: ignore[attr-defined]


def test_dismiss_entity_and_claim() -> None:
    fixes = [
        _fix("entity", "e5", "Tuesday", Correction("dismiss")),
        _fix("claim", "c2", "the figure could rise", Correction("dismiss")),
    ]
    out = apply_corrections(ART, EXT, fixes)
    assert "Tuesday" not in [e.name for e in out.entities]
    assert [c.id for c in out.claims] == ["c1"]


def test_add_missed_entity_from_a_selection_finds_every_mention() -> None:
    t = ART.text
    sel = make_anchor(t, *find(t, "Petrenko"))  # first occurrence, inside "Ivan Petrenko"
    fix = new_annotation(ART.id, Target("span"), sel, correction=Correction("add_entity", type="PERSON"))
    ext = dataclasses.replace(EXT, entities=())
    out = apply_corrections(ART, ext, [fix])
    (ent,) = out.entities
    assert ent.name == "Petrenko" and ent.type == "PERSON"
    assert [t[m.start : m.end] for m in ent.mentions] == ["Petrenko", "Petrenko"]


def test_set_claim_source() -> None:
    fix = _fix(
        "claim",
        "c2",
        "the figure could rise",
        Correction("set_source", source_text="A military source", source_kind="anonymous"),
    )
    out = apply_corrections(ART, EXT, [fix])
    src = out.claims[1].source
    assert (src.text, src.kind, src.anonymous) == ("A military source", "anonymous", True)
    assert (src.start, src.end) == find(ART.text, "A military source")
    named = _fix("claim", "c2", None, Correction("set_source", source_text="Ivan Petrenko"))
    assert apply_corrections(ART, EXT, [named]).claims[1].source.entity == "e1"


def test_corrections_apply_in_order_and_missing_targets_are_reported() -> None:
    merge = _fix("entity", "e2", "Petrenko", Correction("merge", others=("e1",)))
    retype = _fix("entity", "e2", "Petrenko", Correction("retype", type="ORG"))
    ghost = _fix("entity", "e99", "Nobody", Correction("dismiss"))
    merge = dataclasses.replace(merge, created="2026-01-01T10:00:00.000Z")
    retype = dataclasses.replace(retype, created="2026-01-01T10:05:00.000Z")
    # Given in the wrong order: applied by creation time, so the retype sees the merged entity.
    out, unapplied = apply_corrections_report(ART, EXT, [retype, ghost, merge])
    petrenko = _ent(out, "Petrenko")
    assert petrenko.type == "ORG" and len(petrenko.mentions) == 2  # type: ignore[attr-defined]
    assert unapplied == (ghost,)


def test_desk_helpers_find_toggle_and_empty() -> None:
    from tui.notebook.ops import annotate, annotation_at, is_empty, toggle_tag

    sent = ART.sentences[1]
    ann = annotate(ART, "sentence", sent.start, sent.end, tags=("follow-up",))
    claim = annotate(ART, "claim", *find(ART.text, "We will rebuild every house,"), ref="c1")
    assert claim.target.text == "We will rebuild every house,"
    assert annotation_at([claim, ann], "sentence", sent.start, sent.end) is ann
    assert annotation_at([ann, claim], "claim", ref="c1") is claim
    assert annotation_at([ann], "sentence", sent.start + 1, sent.end) is None
    tagged = toggle_tag(ann, "unverified")
    assert tagged.tags == ("follow-up", "unverified")
    assert is_empty(toggle_tag(toggle_tag(tagged, "unverified"), "follow-up"))
