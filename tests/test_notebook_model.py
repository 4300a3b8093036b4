"""The notebook JSON contract: round trip, stable bytes, strict one-line errors."""

from __future__ import annotations

import json

import pytest

from tui.notebook.codec import dumps, loads, render
from tui.notebook.model import (
    SCHEMA,
    Anchor,
    Correction,
    Grade,
    Notebook,
    NotebookFormatError,
    StoryState,
    Target,
    new_annotation,
    notebook_from_json,
)


def _sample() -> Notebook:
    a1 = new_annotation(
        "s1",
        Target("sentence"),
        Anchor(10, 20, "0123456789", "pre", "suf"),
        tags=("key-judgement", "follow-up"),
        note="line one\nline two \u2028 sep \x85 nel «quotes»",
        grade=Grade("B", 2),
    )
    a2 = new_annotation("s1", Target("entity", "e3", "Kharkiv"), correction=Correction("retype", type="LOC"))
    a3 = new_annotation(
        "s2",
        Target("claim", "c1", "We will"),
        correction=Correction("merge", others=("e2",), mentions=((1, 2),)),
    )
    return Notebook(stories=(StoryState("s1", "a.txt", "Head", "flagged"),), annotations=(a1, a2, a3))


def test_round_trip_is_lossless() -> None:
    nb = _sample()
    assert loads(dumps(nb).encode()) == nb


def test_file_is_pretty_and_keys_keep_their_order() -> None:
    text = dumps(_sample())
    assert text.startswith('{\n  "schema": "wiredesk.notebook/1",\n  "stories": [')
    first = json.loads(text)["annotations"][0]
    assert list(first) == [
        "id", "story_id", "target", "anchor", "tags", "note", "grade", "correction", "created", "updated",
    ]  # fmt: skip


def test_fragment_assembly_writes_exactly_what_json_dumps_writes() -> None:
    nb = _sample()  # U+2028 / U+0085 / non-ASCII in a note included
    assert render(nb).decode() == dumps(nb)
    assert render(Notebook()).decode() == dumps(Notebook())
    one = Notebook(annotations=nb.annotations[:1])
    assert render(one).decode() == dumps(one)


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(schema="wiredesk.notebook/2"), "schema: expected 'wiredesk.notebook/1'"),
        (lambda d: d.pop("annotations"), "notebook: missing field 'annotations'"),
        (lambda d: d.update(extra=1), "notebook: unknown field 'extra'"),
        (lambda d: d["annotations"][0]["grade"].update(reliability="G"), "annotations[0].grade.reliability"),
        (lambda d: d["annotations"][0]["grade"].update(credibility=True), "annotations[0].grade.credibility"),
        (lambda d: d["annotations"][0].update(tags="x"), "annotations[0].tags: expected a list"),
        (lambda d: d["annotations"][0].update(anchor=None), "annotations[0].anchor: a sentence annotation"),
        (lambda d: d["annotations"][0]["target"].update(kind="page"), "annotations[0].target.kind"),
        (lambda d: d["annotations"][1].update(id=d["annotations"][0]["id"]), "annotations[1].id: duplicate"),
        (lambda d: d["stories"][0].update(status="maybe"), "stories[0].status"),
        (lambda d: d["annotations"][1]["correction"].update(op="explode"), "annotations[1].correction.op"),
    ],
)
def test_wrong_shape_gives_one_line_naming_the_field(mutate: object, expected: str) -> None:
    doc = json.loads(dumps(_sample()))
    mutate(doc)  # type: ignore[operator]
    with pytest.raises(NotebookFormatError) as err:
        notebook_from_json(doc)
    assert expected in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "empty file"),
        (b"\xff\xfe{", "not UTF-8"),
        (b"[1, 2]", "expected a JSON object"),
        (dumps(Notebook()).encode()[:-10], "truncated"),
        (b'{"schema": "wiredesk.notebook/1", }', "not valid JSON"),
    ],
)
def test_unreadable_bytes_are_refused_with_a_reason(data: bytes, expected: str) -> None:
    with pytest.raises(NotebookFormatError, match=expected):
        loads(data)


def test_new_annotation_refuses_what_the_file_would_refuse() -> None:
    with pytest.raises(NotebookFormatError, match="needs an anchor"):
        new_annotation("s", Target("span"))
    with pytest.raises(NotebookFormatError, match="reliability"):
        new_annotation("s", Target("span"), Anchor(0, 1, "x"), grade=Grade("Z", None))
    assert SCHEMA == "wiredesk.notebook/1"


def test_notebook_package_never_imports_textual_or_rich() -> None:
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    offenders = {}
    for path in [*(root / "tui" / "notebook").rglob("*.py"), root / "tui" / "export_cli.py"]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {
            (node.module if isinstance(node, ast.ImportFrom) else alias.name).split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
            if not isinstance(node, ast.ImportFrom) or node.module
        }
        if names & {"textual", "rich"}:
            offenders[path.name] = sorted(names & {"textual", "rich"})
    assert offenders == {}
