"""The notebook on disk: one JSON file, saved atomically on every change, locked, never clobbered.

Decisions (the file mechanics live in ``files``, the byte layout in ``codec``):

- **Atomic save**: write a temp file in the same folder, fsync it, hard-link the current file to
  ``NAME.bak`` (so the previous version survives), ``os.replace`` the temp file over the notebook,
  fsync the folder.  At every instant the notebook path holds either the old or the new complete
  document; a SIGKILL at any moment loses at most the change whose save had not returned.
- **Permissions**: files 0600 (``mkstemp``), folders we create 0700 — notes are private.
- **Second instance**: a ``NAME.lock`` sidecar is held with ``fcntl.flock`` for the life of the
  store.  A second instance does **not** merge; it opens **read-only** with a reason naming the
  holder's pid.  Merging two live editors' undo stacks safely is a research problem; refusing to
  write is simple and cannot corrupt anything.  (flock is released by the kernel when a process
  dies, so a crashed desk never leaves a stale lock.)
- **Bad file**: an unreadable, truncated or wrong-schema notebook opens read-only with a one-line
  reason and is never written — not even re-saved in a "fixed" form.
- **Failed save** (disk full, permission denied): the change stays in memory, the error comes back
  to the caller as a one-line message, and the whole document is written again on the next change
  and on close.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.notebook.codec import assemble, fragment, loads
from tui.notebook.files import atomic_write, lock, make_private_dirs, sweep_temp_files, unlock, why
from tui.notebook.model import (
    STATUSES,
    Annotation,
    Notebook,
    NotebookFormatError,
    StoryState,
    annotation_from_json,
    now_iso,
)

ENV_DATA_DIR = "WIREDESK_DATA_DIR"
NOTEBOOK_NAME = "notebook.json"
UNDO_LIMIT = 1000


class NotebookReadError(Exception):
    """The notebook could not be read; ``str(err)`` is one line for the analyst."""


def data_dir() -> Path:
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("wiredesk", appauthor=False))


def default_path() -> Path:
    return data_dir() / NOTEBOOK_NAME


def load_notebook(path: str | Path) -> Notebook:
    """Read a notebook (no lock, never writes); raises NotebookReadError with a one-line reason."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotebookReadError(f"{path}: no such notebook") from None
    except IsADirectoryError:
        raise NotebookReadError(f"{path}: is a folder, not a notebook") from None
    except OSError as err:
        raise NotebookReadError(f"{path}: cannot read ({why(err)})") from None
    try:
        return loads(data)
    except NotebookFormatError as err:
        raise NotebookReadError(f"{path}: {err}") from None


# ------------------------------------------------------------------------------- operations


@dataclass(frozen=True, slots=True)
class Op:
    """One undoable change.  ``before``/``after`` are None where the thing did not exist."""

    kind: str  # "add" | "update" | "remove" | "status"
    before: Annotation | StoryState | None
    after: Annotation | StoryState | None
    index: int = -1  # a removed annotation's place, so undo puts it back where it was

    def inverse(self) -> Op:
        kind = {"add": "remove", "remove": "add"}.get(self.kind, self.kind)
        return Op(kind, self.after, self.before, self.index)


@dataclass(frozen=True, slots=True)
class Change:
    """What a mutation did (``op``; None when nothing happened) and the save error, if any.

    ``error`` set with ``op`` set means: the change is made in memory but not yet on disk — show
    the error; the store retries on the next change and on close.  ``op`` None with ``error``
    set means the change was refused (read-only notebook, unknown id, nothing to undo)."""

    op: Op | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


# ------------------------------------------------------------------------------------ store


class NotebookStore:
    """The open notebook: in-memory state, undo/redo, and a save after every change.

    Open with :meth:`open`; check :attr:`read_only` / :attr:`read_only_reason` and show the reason
    as a banner.  Every mutation returns a :class:`Change`; show ``change.error`` when set.
    """

    def __init__(
        self,
        path: Path,
        notebook: Notebook,
        *,
        read_only_reason: str | None = None,
        lock_fd: int | None = None,
    ) -> None:
        self.path = path
        self.read_only_reason = read_only_reason
        self._lock_fd = lock_fd
        self._stories: dict[str, StoryState] = {s.story_id: s for s in notebook.stories}
        self._anns: dict[str, Annotation] = {a.id: a for a in notebook.annotations}
        self._undo: list[Op] = []
        self._redo: list[Op] = []
        # Each annotation's rendered bytes, in file order; built on the first save (see codec).
        self._frags: dict[str, bytes] | None = None
        self._version = 0  # bumped by every change, so warm() never installs stale fragments
        self.pending = False  # in-memory changes not yet on disk
        self.last_error: str | None = None

    # -- opening and closing

    @classmethod
    def open(cls, path: str | Path | None = None) -> NotebookStore:
        """Open (or start) a notebook; never raises for a bad file — it opens read-only instead."""
        path = Path(os.path.realpath(path if path is not None else default_path()))
        empty = Notebook()
        try:
            make_private_dirs(path.parent)
        except OSError as err:
            return cls(path, empty, read_only_reason=f"{path.parent}: cannot create folder ({why(err)})")
        lock_fd, holder = lock(path)
        reason: str | None = None
        if lock_fd is None:
            reason = (
                f"{path}: another wiredesk{holder} has this notebook open — opened read-only"
                if holder is not None
                else f"{path}: cannot lock the notebook — opened read-only"
            )
        try:
            notebook = load_notebook(path) if path.exists() else empty
        except NotebookReadError as err:
            unlock(lock_fd)
            return cls(path, empty, read_only_reason=f"{err} — opened read-only, the file is left as it is")
        if lock_fd is None:
            return cls(path, notebook, read_only_reason=reason)
        sweep_temp_files(path)
        return cls(path, notebook, lock_fd=lock_fd)

    def close(self) -> str | None:
        """Save anything pending (one more try) and release the lock; returns a save error or None."""
        error = self.save() if self.pending else None
        unlock(self._lock_fd)
        self._lock_fd = None
        if error is None and self.read_only_reason is None:
            self.read_only_reason = "closed"
        return error

    def __enter__(self) -> NotebookStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def notebook(self) -> Notebook:
        return Notebook(stories=tuple(self._sorted_stories()), annotations=tuple(self._anns.values()))

    def annotations(self, story_id: str | None = None) -> tuple[Annotation, ...]:
        if story_id is None:
            return tuple(self._anns.values())
        return tuple(a for a in self._anns.values() if a.story_id == story_id)

    def get(self, annotation_id: str) -> Annotation | None:
        return self._anns.get(annotation_id)

    def story(self, story_id: str) -> StoryState | None:
        return self._stories.get(story_id)

    def status(self, story_id: str) -> str:
        story = self._stories.get(story_id)
        return "unread" if story is None else story.status

    @property
    def can_undo(self) -> bool:
        return bool(self._undo) and not self.read_only

    @property
    def can_redo(self) -> bool:
        return bool(self._redo) and not self.read_only

    # -- changing

    def note_story(self, story_id: str, source: str = "", headline: str = "") -> None:
        """Remember where a story came from (for export); written with the next change, not undoable."""
        old = self._stories.get(story_id)
        status = "unread" if old is None else old.status
        new = StoryState(
            story_id, source or (old.source if old else ""), headline or (old.headline if old else ""), status
        )
        if new != old and not self.read_only:
            self._stories[story_id] = new
            self.pending = True

    def add(self, annotation: Annotation) -> Change:
        annotation_from_json(annotation.to_json())  # refuse an invalid object before it reaches disk
        if annotation.id in self._anns:
            return Change(None, f"annotation {annotation.id} already exists")
        return self._do(Op("add", None, annotation))

    def update(self, annotation: Annotation) -> Change:
        """Replace the annotation with the same id; its ``updated`` time is set to now."""
        old = self._anns.get(annotation.id)
        if old is None:
            return Change(None, f"no annotation {annotation.id}")
        new = dataclasses.replace(annotation, updated=now_iso())
        annotation_from_json(new.to_json())
        return self._do(Op("update", old, new))

    def remove(self, annotation_id: str) -> Change:
        old = self._anns.get(annotation_id)
        if old is None:
            return Change(None, f"no annotation {annotation_id}")
        return self._do(Op("remove", old, None, list(self._anns).index(annotation_id)))

    def set_status(
        self, story_id: str, status: str, *, source: str = "", headline: str = "", undoable: bool = True
    ) -> Change:
        """``undoable=False`` for the desk's automatic unread → read on opening a story: ``u`` should
        undo what the analyst did, not the act of reading."""
        if status not in STATUSES:
            return Change(None, f"unknown status {status!r} (one of {', '.join(STATUSES)})")
        old = self._stories.get(story_id)
        new = StoryState(
            story_id,
            source or (old.source if old else ""),
            headline or (old.headline if old else ""),
            status,
        )
        return self._do(Op("status", old, new), undoable=undoable)

    def undo(self) -> Change:
        if self.read_only:
            return Change(None, self._refusal())
        if not self._undo:
            return Change(None, "nothing to undo")
        op = self._undo.pop()
        self._apply(op.inverse())
        self._redo.append(op)
        return Change(op.inverse(), self._save_now())

    def redo(self) -> Change:
        if self.read_only:
            return Change(None, self._refusal())
        if not self._redo:
            return Change(None, "nothing to redo")
        op = self._redo.pop()
        self._apply(op)
        self._undo.append(op)
        return Change(op, self._save_now())

    def warm(self) -> None:
        """Render every annotation's fragment now (the first save otherwise does it: ~0.4 s at
        10,000 annotations).  Safe to call from a worker thread right after :meth:`open`."""
        version = self._version
        snapshot = tuple(self._anns.items())
        frags = {k: fragment(a) for k, a in snapshot}
        if self._version == version and self._frags is None:
            self._frags = frags

    def save(self) -> str | None:
        """Write the whole notebook now; returns None or a one-line error (the change stays in memory)."""
        if self.read_only:
            return self._refusal()
        return self._save_now()

    # -- internals

    def _refusal(self) -> str:
        return f"notebook is read-only: {self.read_only_reason}"

    def _do(self, op: Op, undoable: bool = True) -> Change:
        if self.read_only:
            return Change(None, self._refusal())
        self._apply(op)
        if undoable:
            self._undo.append(op)
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
        return Change(op, self._save_now())

    def _apply(self, op: Op) -> None:
        if op.kind == "status":
            if isinstance(op.after, StoryState):
                self._stories[op.after.story_id] = op.after
            elif isinstance(op.before, StoryState):
                del self._stories[op.before.story_id]
        elif op.kind == "add" and isinstance(op.after, Annotation):
            ann = op.after
            if 0 <= op.index < len(self._anns):
                items = list(self._anns.items())
                items.insert(op.index, (ann.id, ann))
                self._anns = dict(items)
                self._frags = None  # re-built in the new order on the next save (undo of a remove)
            else:
                self._anns[ann.id] = ann
                if self._frags is not None:
                    self._frags[ann.id] = fragment(ann)
            if ann.story_id not in self._stories:
                self._stories[ann.story_id] = StoryState(ann.story_id)
        elif op.kind == "update" and isinstance(op.after, Annotation):
            self._anns[op.after.id] = op.after
            if self._frags is not None:
                self._frags[op.after.id] = fragment(op.after)
        elif op.kind == "remove" and isinstance(op.before, Annotation):
            del self._anns[op.before.id]
            if self._frags is not None:
                del self._frags[op.before.id]
        self._version += 1
        self.pending = True

    def _sorted_stories(self) -> Iterator[StoryState]:
        # Sorted by id so a diff shows a story in the same place whatever order it was opened in.
        return (self._stories[k] for k in sorted(self._stories))

    def _save_now(self) -> str | None:
        try:
            if self._frags is None:
                self._frags = {k: fragment(a) for k, a in self._anns.items()}
            data = assemble([fragment(s) for s in self._sorted_stories()], list(self._frags.values()))
            atomic_write(self.path, data)
        except OSError as err:
            self.pending = True
            self.last_error = (
                f"could not save the notebook {self.path}: {why(err)} — "
                "your changes are kept in memory and saving will be retried"
            )
            return self.last_error
        self.pending = False
        self.last_error = None
        return None
