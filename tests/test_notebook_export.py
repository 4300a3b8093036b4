"""Exports: JSON loads, CSV reads back, Markdown is inert, W3C carries the model's required fields."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from parsers.load import parse_path
from parsers.model import Article
from tests.notebook_support import article, extraction, find
from tui.cli import main
from tui.notebook.anchor import make_anchor
from tui.notebook.export import build_exports, md_escape, render_csv, render_json, render_markdown, render_w3c
from tui.notebook.model import Annotation, Correction, Grade, Notebook, StoryState, Target, new_annotation
from tui.notebook.store import NotebookStore

EVIL = (
    "Evil <script>alert(1)</script> [click](http://evil.example) headline\n\n"
    "KYIV (Wire) - Officials said **12** people died. See [here](javascript:alert(1)) and "
    "<img src=x onerror=alert(1)>.\n\n"
    "# Not a heading\n\n"
    "1. not a list & &amp; entity ![pic](http://x/y.png) `code` <http://auto.link>\n\n"
    "- not an item\n\n"
    "===\n\n"
    "| a | b |\n"
)


def _annotations(art: Article) -> tuple[Annotation, ...]:
    t = art.text
    sents = [s for s in art.sentences if s.kind != "headline"]
    return (
        new_annotation(
            art.id,
            Target("sentence"),
            make_anchor(t, sents[0].start, sents[0].end),
            tags=("key-judgement", "casualty-figure"),
            note="Check the toll.\n<b>second</b> line [x](y)",
            grade=Grade("B", 2),
        ),
        new_annotation(
            art.id,
            Target("claim", "c1", t[slice(*find(t, "We will rebuild every house,"))]),
            tags=("single-source",),
            grade=Grade("C", 3),
        ),
        new_annotation(art.id, Target("entity", "e3", "Kharkiv"), tags=("follow-up",), note="Aid route"),
        new_annotation(
            art.id, Target("entity", "e3", "Kharkiv"), correction=Correction("retype", type="LOC")
        ),
    )


def _stories(
    art: Article, anns: tuple[Annotation, ...], tags: tuple[str, ...] = ()
) -> tuple[Notebook, object]:
    nb = Notebook(
        stories=(StoryState(art.id, art.source, art.meta.headline or "", "flagged"),), annotations=anns
    )
    return nb, build_exports(nb, [art], tags=tags, extractor=extraction)


def test_json_export_loads_and_resolves_each_anchor() -> None:
    art = article()
    anns = _annotations(art)
    nb, stories = _stories(art, anns)
    doc = json.loads(render_json(nb, stories))  # type: ignore[arg-type]
    assert doc["notebook"]["schema"] == "wiredesk.notebook/1"
    assert len(doc["notebook"]["annotations"]) == 4
    by_id = {r["id"]: r for r in doc["resolved"]}
    first = by_id[anns[0].id]
    assert art.text[first["start"] : first["end"]] == first["text"] and first["text"].startswith("KYIV")
    assert by_id[anns[1].id]["text"] == "We will rebuild every house,"
    assert by_id[anns[2].id]["text"] == "Kharkiv" and not by_id[anns[2].id]["orphan"]


def test_csv_reads_back_one_row_per_annotation_and_defuses_formulas() -> None:
    art = article()
    anns = (
        *_annotations(art),
        new_annotation(art.id, Target("span"), make_anchor(art.text, 0, 5), note="=HYPERLINK(1)"),
    )
    _, stories = _stories(art, anns)
    rows = list(csv.DictReader(io.StringIO(render_csv(stories))))  # type: ignore[arg-type]
    assert [r["annotation_id"] for r in rows] == [a.id for a in anns]
    assert rows[0]["tags"] == "key-judgement;casualty-figure" and rows[0]["reliability"] == "B"
    assert rows[0]["note"] == "Check the toll.\n<b>second</b> line [x](y)"  # multi-line survives quoting
    assert rows[3]["correction"] == "retype"
    assert rows[4]["note"] == "'=HYPERLINK(1)"


def test_tag_filter_keeps_only_matching_annotations() -> None:
    art = article()
    _, stories = _stories(art, _annotations(art), tags=("follow-up",))
    (story,) = stories  # type: ignore[misc]
    assert [i.annotation.tags for i in story.items] == [("follow-up",)]
    _, none = _stories(art, _annotations(art), tags=("propaganda",))
    assert none == ()


def test_w3c_every_annotation_has_the_required_fields() -> None:
    art = article()
    anns = _annotations(art)
    _, stories = _stories(art, anns)
    doc = json.loads(render_w3c(stories))  # type: ignore[arg-type]
    assert doc["type"] == "AnnotationCollection" and doc["total"] == len(anns)
    items = doc["first"]["items"]
    assert len(items) == len(anns)
    for item in items:
        assert item["@context"] == "http://www.w3.org/ns/anno.jsonld"
        assert item["type"] == "Annotation" and item["id"].startswith("urn:wiredesk:annotation:")
        assert item["target"]["source"].startswith("urn:wiredesk:story:")
        bodies = item["body"] if isinstance(item["body"], list) else [item["body"]]
        assert all(b["type"] == "TextualBody" and b["value"] for b in bodies)
        motivations = item["motivation"] if isinstance(item["motivation"], list) else [item["motivation"]]
        assert {b["purpose"] for b in bodies} <= set(motivations)
    first = items[0]
    quote, position = first["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert art.text[position["start"] : position["end"]] == quote["exact"]
    assert first["motivation"] == ["tagging", "commenting", "assessing"]


def _render_html(markdown: str) -> str:
    # html=True (commonmark preset) and linkify on: the strictest renderer a reader might use.
    md = MarkdownIt("commonmark", {"linkify": True}).enable(["table", "strikethrough", "linkify"])
    return md.render(markdown)


def test_markdown_briefing_has_the_sections_an_analyst_expects() -> None:
    art = article()
    _, stories = _stories(art, _annotations(art))
    out = render_markdown(stories, title="Briefing")  # type: ignore[arg-type]
    html = _render_html(out)
    for needle in ("Key claims", "Tagged passages", "Entities of interest", "Corrections to extraction"):
        assert f"<h3>{needle}</h3>" in html
    assert "<h2>Strike kills 12 in city, mayor vows to rebuild</h2>" in html
    assert "Status:</strong> flagged" in html and "B2" in html
    assert "<code>key-judgement</code>" in html
    assert "Kharkiv</strong> (LOC)" in html  # the correction applied to the entity shown


def test_story_with_markdown_and_html_comes_out_escaped(tmp_path: Path) -> None:
    story = tmp_path / "evil.txt"
    story.write_text(EVIL, encoding="utf-8")
    art = parse_path(str(story))
    anns = tuple(
        new_annotation(
            art.id, Target("paragraph"), make_anchor(art.text, p.start, p.end), note="<i>n</i> [l](u)"
        )
        for p in art.paragraphs
    )
    nb = Notebook(stories=(StoryState(art.id, art.source, "", "read"),), annotations=anns)
    out = render_markdown(build_exports(nb, [art]))
    html = _render_html(out)
    for bad in (
        "<script",
        "<a ",
        "<img",
        "<strong>12",
        "<i>",
        "<h1>Not",
        "<ol",
        "<ul",
        "<table",
        "<code>code",
    ):
        assert bad not in html, bad
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[click](http://evil.example)" in html
    assert "&amp;amp; entity" in html  # a literal "&amp;" stays literal, not an entity


@pytest.mark.parametrize(
    "text",
    [
        "[a](b)",
        "<b>x</b>",
        "**x**",
        "# h",
        "- i",
        "1. i",
        "1) i",
        "> q",
        "===",
        "`c`",
        "![i](s)",
        "a\\",
        "&amp;",
        "x  ",
        "see http://evil.example/x or www.evil.example and a@b.example",
        "U.S. 3.5 10:30",
    ],
)
def test_md_escape_makes_syntax_literal(text: str) -> None:
    html = _render_html(md_escape(text))
    assert html == f"<p>{_html_text(text.rstrip())}</p>\n"


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def test_md_escape_drops_terminal_escapes() -> None:
    assert "\x1b" not in md_escape("red \x1b[31mALERT\x1b[0m")


def test_cli_export_writes_refuses_to_overwrite_and_forces(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(EVIL, encoding="utf-8")
    art = parse_path(str(story))
    nb_path = tmp_path / "case.json"
    with NotebookStore.open(nb_path) as store:
        store.note_story(art.id, str(story), art.meta.headline or "")
        store.add(new_annotation(art.id, Target("span"), make_anchor(art.text, 0, 4), tags=("follow-up",)))
        store.add(new_annotation(art.id, Target("span"), make_anchor(art.text, 5, 9), tags=("propaganda",)))
    out = tmp_path / "brief.md"
    assert main(["export", "--notebook", str(nb_path), "-o", str(out)]) == 0
    assert "Tagged passages" in out.read_text()
    out.write_text("analyst's own file")
    assert main(["export", "--notebook", str(nb_path), "-o", str(out)]) == 2
    assert out.read_text() == "analyst's own file"
    assert "exists (use --force" in capsys.readouterr().err
    assert main(["export", "--notebook", str(nb_path), "-o", str(out), "--force", "--format", "csv"]) == 0
    assert len(list(csv.DictReader(out.open()))) == 2
    capsys.readouterr()
    assert (
        main(["export", "--notebook", str(nb_path), "--format", "json", "--tag", "propaganda", "-o", "-"])
        == 0
    )
    doc = json.loads(capsys.readouterr().out)
    assert [r["text"] for r in doc["resolved"]] == [art.text[5:9]]
    # A bad notebook: one clear line, non-zero exit.
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert main(["export", "--notebook", str(bad)]) == 1
    assert "truncated" in capsys.readouterr().err


def test_export_does_not_import_textual(tmp_path: Path) -> None:
    import subprocess
    import sys

    nb = tmp_path / "nb.json"
    NotebookStore.open(nb).save()
    code = (
        "import sys; from tui.cli import main; rc = main(['export', '--notebook', sys.argv[1], '-o', '-']);"
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    root = Path(__file__).resolve().parents[1]
    res = subprocess.run(
        [sys.executable, "-c", code, str(nb)], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 0, res.stderr
