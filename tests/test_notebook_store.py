"""The notebook on disk: atomic, private, backed up, locked, and never clobbered when bad."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import stat
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from tui.notebook.codec import dumps
from tui.notebook.model import Anchor, Annotation, Grade, Notebook, Target, new_annotation
from tui.notebook.store import NotebookStore, default_path, load_notebook

ROOT = Path(__file__).resolve().parents[1]


def _ann(note: str = "", story: str = "s1") -> Annotation:
    return new_annotation(story, Target("span"), Anchor(0, 4, "Kyiv"), tags=("follow-up",), note=note)


def _nb_path(tmp_path: Path) -> Path:
    return tmp_path / "deep" / "cases" / "notebook.json"


def test_every_change_is_on_disk_private_and_backed_up(tmp_path: Path) -> None:
    path = _nb_path(tmp_path)
    store = NotebookStore.open(path)
    assert not store.read_only
    a1 = _ann("first")
    assert store.add(a1).ok
    first_bytes = path.read_bytes()
    assert store.set_status("s1", "flagged", source="a.txt", headline="H").ok
    # Saved on every change, in the documented format.
    saved = load_notebook(path).story("s1")
    assert saved is not None and saved.status == "flagged"
    assert path.read_bytes().decode() == dumps(store.notebook)
    # The previous version is kept as .bak.
    assert Path(str(path) + ".bak").read_bytes() == first_bytes
    # Files 0600, folders we created 0700, no temp files left behind.
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for folder in (path.parent, path.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not [n for n in os.listdir(path.parent) if n.endswith(".tmp")]
    store.close()


def test_a_shared_0644_notebook_is_saved_private(tmp_path: Path) -> None:
    path = tmp_path / "notebook.json"
    path.write_text(dumps(Notebook()), encoding="utf-8")
    os.chmod(path, 0o644)
    with NotebookStore.open(path) as store:
        assert store.add(_ann()).ok
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(Path(str(path) + ".bak").stat().st_mode) == 0o600


def test_quit_and_reopen_restores_everything(tmp_path: Path) -> None:
    path = _nb_path(tmp_path)
    with NotebookStore.open(path) as store:
        a = _ann("keep me")
        store.add(a)
        store.update(dataclasses.replace(a, grade=Grade("A", 1)))
        store.set_status("s1", "done")
        before = store.notebook
    again = NotebookStore.open(path)
    assert again.notebook == before and not again.read_only
    again.close()


def test_undo_redo_covers_add_update_remove_and_status(tmp_path: Path) -> None:
    store = NotebookStore.open(_nb_path(tmp_path))
    a = _ann("v1")
    store.add(a)
    b = _ann("other")
    store.add(b)
    store.update(dataclasses.replace(a, note="v2"))
    store.remove(a.id)
    store.set_status("s1", "read")
    assert store.status("s1") == "read" and store.get(a.id) is None
    store.undo()
    assert store.status("s1") == "unread"
    store.undo()  # remove undone: back in its old place, with its last note
    assert [x.id for x in store.annotations()] == [a.id, b.id]
    assert store.get(a.id).note == "v2"
    store.undo()
    assert store.get(a.id).note == "v1"
    store.redo()
    assert store.get(a.id).note == "v2"
    # Every undo/redo is saved too.
    assert load_notebook(store.path).annotations[0].note == "v2"
    assert store.undo().ok and store.undo().ok and store.undo().ok
    assert store.annotations() == () and not store.undo().ok  # nothing left to undo
    store.redo()
    store.add(_ann("new branch"))
    assert not store.can_redo  # a new change drops the redo stack
    store.close()


def test_default_path_is_in_the_data_folder_and_env_overridable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIREDESK_DATA_DIR", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "notebook.json"
    store = NotebookStore.open()
    store.add(_ann())
    store.close()
    assert (tmp_path / "data" / "notebook.json").exists()


BAD_FILES = {
    "corrupt": b'{"schema": "wiredesk.notebook/1", "stories": [}, "annotations": []}\n',
    "truncated": dumps(
        Notebook(annotations=(new_annotation("s", Target("span"), Anchor(0, 1, "x")),))
    ).encode()[:90],
    "wrong-schema": json.dumps({"schema": "hypothesis/2", "rows": []}).encode(),
    "wrong-shape": json.dumps({"schema": "wiredesk.notebook/1", "stories": {}, "annotations": []}).encode(),
    "binary": b"\x00\x01\x02\xff" * 10,
}
REASONS = {
    "corrupt": "not valid JSON",
    "truncated": "truncated",
    "wrong-schema": "schema: expected 'wiredesk.notebook/1', got 'hypothesis/2'",
    "wrong-shape": "stories: expected a list",
    "binary": "not UTF-8",
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_bad_notebook_opens_read_only_and_is_never_touched(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "notebook.json"
    path.write_bytes(BAD_FILES[kind])
    os.chmod(path, 0o644)
    before = (path.read_bytes(), path.stat().st_mtime_ns, stat.S_IMODE(path.stat().st_mode))
    store = NotebookStore.open(path)
    assert store.read_only
    reason = store.read_only_reason or ""
    assert REASONS[kind] in reason and str(path) in reason and "read-only" in reason
    assert "\n" not in reason
    change = store.add(_ann())
    assert change.op is None and "read-only" in (change.error or "")
    assert store.save() is not None
    store.close()
    assert (path.read_bytes(), path.stat().st_mtime_ns, stat.S_IMODE(path.stat().st_mode)) == before
    assert not Path(str(path) + ".bak").exists()


def test_unreadable_notebook_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notebook.json"
    path.write_bytes(dumps(Notebook()).encode())
    before = path.read_bytes()

    def denied(self: Path) -> bytes:
        raise PermissionError(errno.EACCES, "Permission denied", str(self))

    # Simulated: the tests may run as root, for whom chmod 000 denies nothing.
    monkeypatch.setattr(Path, "read_bytes", denied)
    store = NotebookStore.open(path)
    monkeypatch.undo()
    assert store.read_only and "cannot read (permission denied)" in (store.read_only_reason or "")
    assert not store.add(_ann()).ok
    store.close()
    assert path.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_notebook_real_chmod(tmp_path: Path) -> None:
    path = tmp_path / "notebook.json"
    path.write_bytes(dumps(Notebook()).encode())
    os.chmod(path, 0)
    store = NotebookStore.open(path)
    assert store.read_only and "permission denied" in (store.read_only_reason or "")
    store.close()
    os.chmod(path, 0o600)


def test_disk_full_keeps_changes_in_memory_and_retries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _nb_path(tmp_path)
    store = NotebookStore.open(path)
    first = _ann("saved")
    store.add(first)
    on_disk = path.read_bytes()
    real_write = os.write

    def full(fd: int, data: object) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    def full_v(fd: int, buffers: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    monkeypatch.setattr(os, "writev", full_v)
    second = _ann("while the disk is full")
    change = store.add(second)
    monkeypatch.undo()
    assert change.op is not None  # made in memory …
    assert "no space left on device" in (change.error or "") and "kept in memory" in (change.error or "")
    assert store.get(second.id) == second and store.pending
    assert path.read_bytes() == on_disk  # … the file still holds the last good version
    assert not [n for n in os.listdir(path.parent) if n.endswith(".tmp")]
    # The next change saves everything.
    third = _ann("after")
    assert store.add(third).ok
    assert {a.id for a in load_notebook(path).annotations} == {first.id, second.id, third.id}
    store.close()


def test_failed_fsync_or_permission_denied_is_reported_and_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _nb_path(tmp_path)
    store = NotebookStore.open(path)

    def enospc(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", enospc)
    a = _ann()
    assert "no space left" in (store.add(a).error or "")
    monkeypatch.undo()

    def denied(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    assert "permission denied" in (store.set_status("s1", "read").error or "")
    assert not path.exists() and store.pending
    monkeypatch.undo()
    assert store.save() is None  # cause gone: everything held in memory reaches the disk
    saved = load_notebook(path)
    assert [x.id for x in saved.annotations] == [a.id] and saved.stories[0].status == "read"
    # Still failing at quit: close() hands the error back for the desk to show.
    monkeypatch.setattr(tempfile, "mkstemp", denied)
    store.set_status("s1", "done")
    assert "permission denied" in (store.close() or "")


def test_close_retries_a_pending_save(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _nb_path(tmp_path)
    store = NotebookStore.open(path)

    def enospc(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", enospc)
    a = _ann()
    assert not store.add(a).ok
    monkeypatch.undo()
    assert store.close() is None
    assert [x.id for x in load_notebook(path).annotations] == [a.id]


HOLDER = textwrap.dedent(
    """
    import sys
    from tui.notebook.model import Anchor, Target, new_annotation
    from tui.notebook.store import NotebookStore
    store = NotebookStore.open(sys.argv[1])
    print("read-only" if store.read_only else "writer", flush=True)
    for line in sys.stdin:
        if line.strip() == "add":
            for i in range(20):
                assert store.add(new_annotation("s", Target("span"), Anchor(0, 1, "x"), note=str(i))).ok
            print("added", flush=True)
        else:
            break
    store.close()
    print("closed", flush=True)
    """
)


def test_second_process_opens_read_only_and_never_corrupts(tmp_path: Path) -> None:
    path = tmp_path / "notebook.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    second = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert first.stdout is not None and first.stdin is not None
        assert second.stdout is not None and second.stdin is not None
        roles = sorted([first.stdout.readline().strip(), second.stdout.readline().strip()])
        # The two start at once: whichever locks first writes, the other is read-only.
        assert roles == ["read-only", "writer"]
        for proc in (first, second):
            assert proc.stdin is not None
            proc.stdin.write("add\n")
            proc.stdin.flush()
        # The writer adds; the reader's adds are refused (its assert fails and it exits non-zero).
        outs = []
        for proc in (first, second):
            proc.stdin.close()
            outs.append(proc.stdout.read())
            proc.wait(timeout=20)
        assert sorted(p.returncode for p in (first, second)) == [0, 1]
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.kill()
    nb = load_notebook(path)
    assert len(nb.annotations) == 20  # exactly the writer's, file whole


def test_in_process_second_store_names_the_holder(tmp_path: Path) -> None:
    path = tmp_path / "notebook.json"
    owner = NotebookStore.open(path)
    owner.add(_ann())
    before = path.read_bytes()
    other = NotebookStore.open(path)
    assert other.read_only and f"pid {os.getpid()}" in (other.read_only_reason or "")
    assert other.notebook == owner.notebook  # it can still read
    assert not other.add(_ann()).ok
    other.close()
    assert path.read_bytes() == before
    owner.close()
    # Once the owner is gone, the next opener can write.
    third = NotebookStore.open(path)
    assert not third.read_only
    third.close()


def test_short_writes_are_resumed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.notebook.files import atomic_write

    real_writev, real_write = os.writev, os.write

    def stingy_writev(fd: int, buffers: list[bytes]) -> int:
        return real_writev(fd, [bytes(buffers[0])[:3]])  # at most 3 bytes per call

    def stingy_write(fd: int, data: bytes) -> int:
        return real_write(fd, bytes(data)[:3]) if fd > 2 else real_write(fd, data)

    monkeypatch.setattr(os, "writev", stingy_writev)
    monkeypatch.setattr(os, "write", stingy_write)
    chunks = [b"{\n", b'"a": ', b"12345", b"", b"\n}\n"]
    atomic_write(tmp_path / "f.json", chunks)
    monkeypatch.undo()
    assert (tmp_path / "f.json").read_bytes() == b"".join(chunks)


def test_backup_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "notebook.json"
    store = NotebookStore.open(path)
    store.add(_ann("one"))
    first = path.read_bytes()

    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    assert store.add(_ann("two")).ok
    monkeypatch.undo()
    assert Path(str(path) + ".bak").read_bytes() == first
    assert stat.S_IMODE(Path(str(path) + ".bak").stat().st_mode) == 0o600
    store.close()


def test_warm_then_save_matches_a_cold_save(tmp_path: Path) -> None:
    path = tmp_path / "notebook.json"
    with NotebookStore.open(path) as store:
        for i in range(5):
            store.add(_ann(str(i)))
    warm = NotebookStore.open(path)
    warm.warm()
    warm.set_status("s1", "done")
    cold_text = dumps(warm.notebook)
    assert path.read_text(encoding="utf-8") == cold_text
    warm.close()
