"""The notebook's notes view (`A`: every annotation, filterable, enter jumps) and export (`e`)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from parsers.model import Article, Extraction
from tui.notebook.listing import note_rows
from tui.notebook.model import Notebook
from tui.notebook.resolve import Resolved, resolve, story_annotations
from tui.notebook.store import data_dir
from tui.screens.export_dialog import ExportDialog, ExportRequest
from tui.screens.notes_view import NotesView

if TYPE_CHECKING:
    from tui.screens.desk_notebook import DeskNotebook


def export_text(
    fmt: str,
    notebook: Notebook,
    articles: list[Article],
    extractions: dict[str, Extraction],
) -> str:
    """The export of ``notebook``; stories the desk has already extracted are not extracted again."""
    from tui.export_cli import render_stories
    from tui.notebook.export import build_exports

    def extractor(article: Article) -> Extraction:
        known = extractions.get(article.id)
        if known is not None:
            return known
        from parsers.extract import extract

        return extract(article)

    return render_stories(fmt, notebook, build_exports(notebook, articles, extractor=extractor))


def key_notes(nb: DeskNotebook) -> None:
    stories = [s for s in nb.desk.stories if s.article is not None]
    by_id = {s.article.id: s.article for s in stories if s.article is not None}
    by_source = {s.article.source: s.article for s in stories if s.article is not None}
    notebook = nb.store.notebook
    sources = {s.story_id: s.source for s in notebook.stories}
    headlines = {s.story_id: s.headline for s in notebook.stories}
    view = nb.desk.article_view
    items: list[Resolved] = []
    for ann in notebook.annotations:
        article = by_id.get(ann.story_id) or by_source.get(sources.get(ann.story_id, "") or "\0")
        extraction = view.extraction if article is not None and article is view.article else None
        items.append(resolve(article, ann, extraction))
        if article is not None:
            headlines.setdefault(ann.story_id, (article.meta.headline or ""))
            if not headlines[ann.story_id]:
                headlines[ann.story_id] = article.meta.headline or ""
    current = view.article
    story_id = None
    if current is not None:
        mine = {a.story_id for a in story_annotations(current, notebook)} | {current.id}
        story_id = next((i.annotation.story_id for i in items if i.annotation.story_id in mine), current.id)
    nb.desk.app.push_screen(NotesView(note_rows(items, headlines), story_id), partial(_jump, nb))


def _jump(nb: DeskNotebook, annotation_id: str | None) -> None:
    ann = nb.store.get(annotation_id or "")
    if ann is None:
        return
    desk = nb.desk
    state = nb.store.story(ann.story_id)
    source = state.source if state is not None else ""
    index = next(
        (
            i
            for i, s in enumerate(desk.stories)
            if s.article is not None
            and (s.article.id == ann.story_id or (source and s.article.source == source))
        ),
        None,
    )
    if index is None:
        desk.app.notify("that story is not open in the desk", severity="warning", markup=False, timeout=4)
        return
    if index != desk.current:
        desk.open_story(index)
    view = desk.article_view
    article = view.article
    if article is None:
        return
    item = resolve(article, ann, view.extraction)
    if item.start is None or item.end is None:
        desk.app.notify("orphan: its text is no longer in the story", severity="warning", markup=False)
        return
    if ann.target.kind == "sentence":
        view.clear_selection()
        view.go_to_offset(item.start)
    elif ann.target.kind == "claim" and any(c.id == ann.target.ref for c in view.extraction.claims):
        view.select_claim(ann.target.ref or "")
    else:
        view.select_span(item.start, item.end)
    view.focus()


def key_export(nb: DeskNotebook) -> None:
    folders = (Path.cwd(), data_dir())
    nb.desk.app.push_screen(ExportDialog(folders), partial(_export, nb))


def _export(nb: DeskNotebook, request: ExportRequest | None) -> None:
    if request is None:
        return
    stories = nb.desk.stories
    notebook = nb.store.notebook
    # Only stories the notebook says something about: the rest would be extracted for nothing.
    ids = {a.story_id for a in notebook.annotations} | {s.story_id for s in notebook.stories}
    sources = {s.source for s in notebook.stories if s.source}
    articles = [
        s.article
        for s in stories
        if s.article is not None and (s.article.id in ids or s.article.source in sources)
    ]
    extractions = {
        # Raw extractions: build_exports applies the notebook's corrections itself.
        s.article.id: s.extraction
        for s in stories
        if s.article is not None and s.extraction is not None
    }
    app = nb.desk.app

    def job() -> None:
        from tui.notebook.export.output import write_export

        try:
            text = export_text(request.fmt, notebook, articles, extractions)
            write_export(request.path, text, force=request.force)
        except OSError as err:
            reason = err.strerror or str(err) if not isinstance(err, FileExistsError) else str(err)
            app.call_from_thread(
                app.notify, f"export failed: {reason}", severity="error", markup=False, timeout=8
            )
        else:
            app.call_from_thread(app.notify, f"exported to {request.path}", markup=False, timeout=6)

    nb.desk.run_worker(job, thread=True, group="export", exit_on_error=False)
