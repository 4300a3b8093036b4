"""Files that survive crashes: atomic replace with a backup, private folders, the sidecar lock.

See the module docs of ``store`` for why each step is there.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path


def why(err: OSError) -> str:
    if err.errno == errno.ENOSPC:
        return "no space left on device"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if err.errno == errno.EROFS:
        return "read-only file system"
    return err.strerror or str(err)


def make_private_dirs(folder: Path) -> None:
    missing: list[Path] = []
    probe = folder
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for made in missing:
        os.chmod(made, 0o700)  # mkdir's mode is filtered by the umask; we mean 0700


_IOV_MAX = min(getattr(os, "sysconf", lambda _n: 1024)("SC_IOV_MAX") or 1024, 1024)


def _write_all(fd: int, data: bytes | Sequence[bytes]) -> None:
    """Write every byte; a list of chunks goes out with writev (short writes resumed)."""
    chunks: list[bytes | memoryview] = [data] if isinstance(data, bytes) else list(data)
    i = 0
    while i < len(chunks):
        batch = chunks[i : i + _IOV_MAX]
        written = os.writev(fd, batch) if len(batch) > 1 else os.write(fd, batch[0])
        if written == sum(map(len, batch)):
            i += len(batch)
            continue
        for chunk in batch:  # short write: skip what went out, resume mid-chunk
            if written >= len(chunk):
                written -= len(chunk)
                i += 1
            else:
                chunks[i] = memoryview(chunk)[written:]
                break


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_in(folder: Path, name: str, data: bytes | Sequence[bytes]) -> str:
    """A complete, fsynced 0600 temp file beside the target; removed again if anything fails."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.close(fd)
    return tmp


def _keep_backup(path: Path, bak: Path) -> None:
    """Point ``bak`` at the current version without ever leaving either path missing."""
    folder, name = path.parent, path.name
    link_tmp = folder / f".{name}.bak.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        os.unlink(link_tmp)
    try:
        os.link(path, link_tmp)
    except FileNotFoundError:
        return  # first save: nothing to keep
    except OSError:
        # No hard links on this file system: copy the bytes instead (slower, same guarantees).
        tmp = _temp_in(folder, name, path.read_bytes())
        os.replace(tmp, bak)
        return
    os.replace(link_tmp, bak)
    # A notebook that arrived 0644 (a git checkout) still gets a private .bak.
    os.chmod(bak, 0o600)


def atomic_write(path: Path, data: bytes | Sequence[bytes], *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix."""
    folder = path.parent
    tmp = _temp_in(folder, path.name, data)
    try:
        if backup:
            _keep_backup(path, path.with_name(path.name + ".bak"))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(folder)


def lock(path: Path) -> tuple[int | None, str | None]:
    """(fd, None) when we hold the lock; (None, " (pid N)") when another process does."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError:
        return None, None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as err:
        holder = ""
        with contextlib.suppress(OSError, ValueError):
            pid = int(os.pread(fd, 32, 0).decode("ascii").strip() or "0")
            holder = f" (pid {pid})" if pid else ""
        os.close(fd)
        return None, holder if err.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES) else None
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
    return fd, None


def unlock(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def sweep_temp_files(path: Path) -> None:
    """Remove temp files a killed writer left behind (safe: we hold the lock, nobody else writes)."""
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if entry.name.startswith(prefix) and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
