"""The notebook on the desk: the keys t a r x u ctrl+r s v e A R, marks, status, corrections, export.

The desk (``DeskScreen``) knows nothing of the notebook beyond its hooks; this controller holds the
open ``NotebookStore`` and turns keys into store changes and store changes into what the desk shows:
gutter and sidebar marks, the story list's status column, corrected extractions (through
``set_extraction_filter``) and the banner for a read-only notebook or a failed save.

What t/a/r/x act on (the *aim*): the highlighted claim when the claim list has focus, the
highlighted entity when the entity list has focus, else the span selection (``v``), else the
current sentence.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parsers.model import Article, Extraction
from tui.notebook.anchor import make_anchor
from tui.notebook.corrections import apply_corrections
from tui.notebook.model import Annotation, Grade
from tui.notebook.ops import annotate, is_empty, toggle_tag
from tui.notebook.resolve import Resolved, resolve, story_annotations
from tui.notebook.store import Change, NotebookStore, Op
from tui.notebook.tags import tag_set
from tui.screens.grade_picker import GradePicker
from tui.screens.note_editor import NoteEditor
from tui.screens.status_picker import StatusPicker
from tui.screens.tag_picker import TagPicker
from tui.stories import Story
from tui.widgets.claim_sidebar import ClaimList
from tui.widgets.entity_sidebar import EntitySidebar
from tui.widgets.notebook_banner import NotebookBanner

if TYPE_CHECKING:
    from tui.screens.desk import DeskScreen

MARK_NOTE, MARK_GRADE, MARK_TAG, MARK_FIX = "●", "!", "#", "✎"
_MARK_RANK = {MARK_NOTE: 4, MARK_GRADE: 3, MARK_TAG: 2, MARK_FIX: 1}
STATUS_MARKS = {"unread": "●", "read": "", "flagged": "⚑", "done": "✓"}


@dataclass(frozen=True, slots=True)
class Aim:
    """What t/a/r/x act on: an article span, and the entity or claim it stands for."""

    kind: str  # sentence | span | entity | claim
    start: int
    end: int
    label: str
    ref: str | None = None
    name: str | None = None


def annotation_mark(ann: Annotation) -> str:
    if ann.correction is not None:
        return MARK_FIX
    if ann.note.strip():
        return MARK_NOTE
    if ann.grade is not None and ann.grade.code:
        return MARK_GRADE
    return MARK_TAG if ann.tags else ""


def _stronger(old: str | None, new: str) -> str:
    return new if old is None or _MARK_RANK.get(new, 0) > _MARK_RANK.get(old, 0) else old


def _clip(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


class DeskNotebook:
    """Owns nothing on screen; drives the desk's hooks from the store (UI thread only)."""

    def __init__(self, desk: DeskScreen, store: NotebookStore, tags: tuple[str, ...] | None = None) -> None:
        self.desk = desk
        self.store = store
        self.config_tags = tags
        self._shown: str | None = None  # id of the article whose marks are on screen
        self._shown_extraction = 0  # and id() of the extraction they were made from
        self._resolved: tuple[Resolved, ...] = ()
        self._sources: dict[str, str] | None = None  # source path → status, rebuilt after changes
        self.save_error: str | None = store.last_error

    # ------------------------------------------------------------------ set-up

    @classmethod
    def install(cls, desk: DeskScreen) -> DeskNotebook | None:
        """The desk's notebook, from the app's store (None for an app without one)."""
        store = getattr(desk.app, "notebook_store", None)
        if not isinstance(store, NotebookStore):
            return None
        notebook = cls(desk, store, getattr(getattr(desk.app, "config", None), "tags", None))
        notebook.attach()
        return notebook

    def attach(self) -> None:
        desk = self.desk
        desk.story_list.status_of = self._status_mark
        desk.set_extraction_filter(self.corrected)
        self._update_banner()
        if not self.store.read_only:
            # The first save renders every annotation once; do that off the UI thread now.
            desk.run_worker(self.store.warm, thread=True, group="notebook-warm", exit_on_error=False)

    @property
    def status_flag(self) -> str:
        """A word for the status line: the notebook's trouble, if any."""
        if self.store.read_only:
            return "notebook read-only"
        return "NOT SAVED" if self.save_error else ""

    def _update_banner(self) -> None:
        banner = self.desk.query_one(NotebookBanner)
        if self.save_error:
            banner.show_message(f"⚠ {self.save_error}", error=True)
        elif self.store.read_only:
            banner.show_message(f"⚠ {self.store.read_only_reason}")
        else:
            banner.show_message("")

    def _report_save(self, error: str | None) -> None:
        if error is not None:
            self.desk.app.notify(error, title="Notebook", severity="error", markup=False, timeout=10)
        if error != self.save_error:
            self.save_error = error
            self._update_banner()
            self.desk.refresh_status()

    # ------------------------------------------------------------------ reading the store

    def _story_anns(self, article: Article) -> tuple[Annotation, ...]:
        return story_annotations(article, self.store.notebook)

    def corrected(self, article: Article, extraction: Extraction) -> Extraction:
        anns = self._story_anns(article)
        if not any(a.correction is not None for a in anns):
            return extraction
        return apply_corrections(article, extraction, anns)

    def _status(self, article: Article) -> str:
        state = self.store.story(article.id)
        if state is not None:
            return state.status
        if self._sources is None:
            self._sources = {s.source: s.status for s in self.store.notebook.stories if s.source}
        return self._sources.get(article.source, "unread")

    def _status_mark(self, story: Story) -> str:
        return "" if story.article is None else STATUS_MARKS.get(self._status(story.article), "")

    # ------------------------------------------------------------------ following the desk

    def target_changed(self) -> None:
        """The desk's TargetChanged: a new story on screen gets its marks (and is now read)."""
        view = self.desk.article_view
        article = view.article
        key = article.id if article is not None else None
        # The extraction arrives (or is corrected) after the text: its marks are re-made then too.
        if (key, id(view.extraction)) == (self._shown, self._shown_extraction):
            return
        if key != self._shown and article is not None:
            self._opened(article)
        self._shown, self._shown_extraction = key, id(view.extraction)
        self.refresh_marks()

    def _opened(self, article: Article) -> None:
        if self.store.read_only or self._status(article) != "unread":
            return
        change = self.store.set_status(
            article.id, "read", source=article.source, headline=(article.meta.headline or ""), undoable=False
        )
        self._report_save(change.error if change.op is not None else None)
        self._sources = None
        self._refresh_story_rows()

    def refresh_marks(self) -> None:
        desk, view = self.desk, self.desk.article_view
        article = view.article
        if article is None:
            self._resolved = ()
            return
        extraction = view.extraction
        self._resolved = tuple(resolve(article, a, extraction) for a in self._story_anns(article))
        starts = [s.start for s in article.sentences]
        entity_ids = {e.id for e in extraction.entities}
        by_name = {e.name.casefold(): e.id for e in extraction.entities}
        claim_ids = {c.id for c in extraction.claims}
        gutter: dict[int, str] = {}
        entities: dict[str, str] = {}
        claims: dict[str, str] = {}
        for item in self._resolved:
            ann = item.annotation
            mark = annotation_mark(ann)
            if not mark:
                continue
            if item.start is not None and starts:
                i = max(bisect_right(starts, item.start) - 1, 0)
                gutter[i] = _stronger(gutter.get(i), mark)
            ref, text = ann.target.ref, ann.target.text
            if ann.target.kind == "entity":
                eid = ref if ref in entity_ids else by_name.get((text or "").casefold())
                if eid is not None:
                    entities[eid] = _stronger(entities.get(eid), mark)
            elif ann.target.kind == "claim" and ref in claim_ids and ref is not None:
                claims[ref] = _stronger(claims.get(ref), mark)
        desk.set_marks(gutter)
        desk.entity_sidebar.set_marks(entities)
        desk.claim_sidebar.set_marks(claims)

    def _refresh_story_rows(self, article_ids: Iterable[str] | None = None) -> None:
        stories = self.desk.stories
        wanted = None if article_ids is None else set(article_ids)
        rows = [
            i
            for i, s in enumerate(stories)
            if s.article is not None and (wanted is None or s.article.id in wanted)
        ]
        if rows:
            self.desk.story_list.update_stories(stories, rows)

    # ------------------------------------------------------------------ aim

    def aim(self) -> Aim | None:
        desk = self.desk
        view = desk.article_view
        article = view.article
        if article is None:
            return None
        focused = desk.focused
        if isinstance(focused, EntitySidebar):
            entity = focused.highlighted_entity
            if entity is not None:
                eid, name, spans = entity
                start, end = spans[0] if spans else (0, 0)
                return Aim("entity", start, end, f"entity {_clip(name)}", ref=eid, name=name)
        if isinstance(focused, ClaimList):
            cid = desk.claim_sidebar.highlighted_claim
            claim = next((c for c in view.extraction.claims if c.id == cid), None)
            if claim is not None:
                content = article.text[claim.content.start : claim.content.end]
                return Aim(
                    "claim",
                    claim.content.start,
                    claim.content.end,
                    f"claim “{_clip(content)}”",
                    ref=claim.id,
                    name=content,
                )
        sentence = article.sentences[view.current_sentence] if article.sentences else None
        span = view.selected_span
        if span is not None and (sentence is None or span != (sentence.start, sentence.end)):
            return Aim("span", span[0], span[1], f"selection “{_clip(article.text[span[0] : span[1]])}”")
        if sentence is None:
            return None
        return Aim("sentence", sentence.start, sentence.end, f"sentence {view.current_sentence + 1}")

    def _existing(self, aim: Aim) -> Annotation | None:
        """The plain annotation already on the aim (found where it sits now, after re-anchoring)."""
        self.refresh_marks()
        for item in self._resolved:
            ann = item.annotation
            if ann.correction is not None or ann.target.kind != aim.kind:
                continue
            if aim.kind in ("entity", "claim"):
                if ann.target.ref == aim.ref or (
                    aim.name is not None
                    and ann.target.text is not None
                    and ann.target.text.casefold() == aim.name.casefold()
                ):
                    return ann
            elif (item.start, item.end) == (aim.start, aim.end):
                return ann
        return None

    # ------------------------------------------------------------------ changing

    def writable(self) -> bool:
        if self.store.read_only:
            self.desk.app.notify(
                f"notebook is read-only: {self.store.read_only_reason}",
                severity="warning",
                markup=False,
                timeout=6,
            )
            return False
        return True

    def current_article(self) -> Article | None:
        return self.desk.article_view.article

    def _fresh(self, aim: Aim) -> Annotation | None:
        article = self.current_article()
        if article is None:
            return None
        return annotate(article, aim.kind, aim.start, aim.end, ref=aim.ref, name=aim.name)

    def _put(self, old: Annotation | None, new: Annotation | None, done: str) -> None:
        """Add, update or (when nothing is left on it) remove an annotation, then show the result."""
        article = self.current_article()
        if article is not None:
            self.store.note_story(article.id, article.source, (article.meta.headline or ""))
        if old is None:
            if new is None or is_empty(new):
                return
            change = self.store.add(new)
        elif new is None or is_empty(new):
            change = self.store.remove(old.id)
            done = "annotation removed"
        else:
            if article is not None and new.anchor is not None:
                # Re-anchored to where it sits now, so the next re-open finds it at once.
                found = next((r for r in self._resolved if r.annotation.id == old.id), None)
                if found is not None and found.start is not None and found.end is not None:
                    new = dataclasses.replace(new, anchor=make_anchor(article.text, found.start, found.end))
            change = self.store.update(new)
        self.after(change, done)

    def after(self, change: Change, done: str) -> None:
        if change.op is None:
            self.desk.app.notify(
                change.error or "nothing changed", severity="warning", markup=False, timeout=4
            )
            return
        self._report_save(change.error)
        self._changed(change.op)
        self.desk.app.notify(done, markup=False, timeout=3)

    def _changed(self, op: Op) -> None:
        self._sources = None
        anns = [a for a in (op.before, op.after) if isinstance(a, Annotation)]
        if any(a.correction is not None for a in anns):
            self.desk.set_extraction_filter(self.corrected)  # re-shows the story, corrected
        if op.kind == "status":
            self._refresh_story_rows()
        self.refresh_marks()
        self.desk.refresh_status()

    # ------------------------------------------------------------------ keys

    def run(self, verb: str) -> None:
        handler: Callable[[], None] | None = getattr(self, f"key_{verb}", None)
        if handler is not None:
            handler()

    # Larger keys live in their own modules (the notes view and export; corrections).

    def key_notes(self) -> None:
        from tui.screens.desk_notes_export import key_notes

        key_notes(self)

    def key_export(self) -> None:
        from tui.screens.desk_notes_export import key_export

        key_export(self)

    def key_correct(self) -> None:
        from tui.screens.desk_corrections import key_correct

        key_correct(self)

    def _start(self) -> tuple[Aim, Annotation | None] | None:
        if not self.writable():
            return None
        aim = self.aim()
        if aim is None:
            self.desk.app.notify("no story open", severity="warning", markup=False, timeout=3)
            return None
        return aim, self._existing(aim)

    def key_tag(self) -> None:
        started = self._start()
        if started is None:
            return
        aim, old = started
        used = {t for a in self.store.annotations() for t in a.tags}
        palette = tag_set(self.config_tags, sorted(used))

        def chosen(tag: str | None) -> None:
            base = old or self._fresh(aim)
            if tag is None or base is None:
                return
            new = toggle_tag(base, tag)
            verb = "tagged" if tag in new.tags else "untagged"
            self._put(old, new, f"{verb} #{tag}: {aim.label}")

        self.desk.app.push_screen(
            TagPicker(palette, old.tags if old else (), title=f"Tag {aim.label}"), chosen
        )

    def key_note(self) -> None:
        started = self._start()
        if started is None:
            return
        aim, old = started

        def written(text: str | None) -> None:
            base = old or self._fresh(aim)
            if text is None or base is None:
                return
            self._put(old, dataclasses.replace(base, note=text.rstrip()), f"note saved: {aim.label}")

        self.desk.app.push_screen(NoteEditor(old.note if old else "", title=f"Note on {aim.label}"), written)

    def key_grade(self) -> None:
        started = self._start()
        if started is None:
            return
        aim, old = started

        def graded(grade: Grade | None) -> None:
            base = old or self._fresh(aim)
            if grade is None or base is None:
                return
            new = dataclasses.replace(base, grade=grade if grade.code else None)
            self._put(old, new, f"graded {grade.code or '(cleared)'}: {aim.label}")

        self.desk.app.push_screen(GradePicker(old.grade if old else None, title=f"Grade {aim.label}"), graded)

    def key_remove(self) -> None:
        started = self._start()
        if started is None:
            return
        aim, old = started
        if old is None:
            self.desk.app.notify(f"no annotation on {aim.label}", markup=False, timeout=3)
            return
        self.after(self.store.remove(old.id), f"annotation removed: {aim.label} (u undoes)")

    def key_undo(self) -> None:
        if self.writable():
            self.after(self.store.undo(), "undone (ctrl+r redoes)")

    def key_redo(self) -> None:
        if self.writable():
            self.after(self.store.redo(), "redone")

    def key_status(self) -> None:
        article = self.current_article()
        if article is None or not self.writable():
            return

        def chosen(status: str | None) -> None:
            if status is None:
                return
            change = self.store.set_status(
                article.id, status, source=article.source, headline=(article.meta.headline or "")
            )
            self.after(change, f"story marked {status}")

        self.desk.app.push_screen(StatusPicker(self._status(article)), chosen)

    def key_select(self) -> None:
        view = self.desk.article_view
        if view.span_mode:
            view.end_span()
            self.desk.app.notify("selection set: t a r x act on it · esc clears", markup=False, timeout=3)
        else:
            view.focus()
            view.start_span()
            self.desk.app.notify("selecting: j/k extend · v or esc ends", markup=False, timeout=3)
