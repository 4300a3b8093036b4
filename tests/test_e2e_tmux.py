"""The installed `wiredesk` in a real terminal (tmux) at 80×24: TERM, NO_COLOR, escapes, keys.

Catches what Pilot cannot: the console script, terminal setup, real key
sequences and what actually reaches the screen.  Skips when tmux is absent;
the session is always killed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.desk_support import FIXTURES, HARBOUR, INJECTION

WIREDESK = Path(sys.executable).with_name("wiredesk")
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed")


class Tmux:
    """One desk in its own tmux server (``-L``): the developer's sessions, or anything else using
    tmux at the same time, can neither see it nor end it."""

    def __init__(self, name: str) -> None:
        self.name = name

    def command(self, *args: str) -> list[str]:
        return ["tmux", "-L", self.name, "-f", os.devnull, *args]

    def start(self, home: Path, command: str, *env: str) -> None:
        """``command`` at 80×24 in a clean environment (plus ``env``): the e2e run must not depend
        on the developer's shell."""
        subprocess.run(
            self.command("new-session", "-d", "-s", self.name, "-x", "80", "-y", "24", "env", "-i",
                         f"PATH={os.environ.get('PATH', '')}", f"HOME={home}", *env, "sh", "-c", command),
            check=True,
            timeout=10,
        )  # fmt: skip

    def run(self, *args: str) -> str:
        return subprocess.run(
            self.command(*args), check=True, capture_output=True, text=True, timeout=10
        ).stdout

    def close(self) -> None:
        subprocess.run(self.command("kill-server"), capture_output=True, timeout=10)
        # tmux leaves its socket file behind; it lives where tmux documents it for -L.
        socket_dir = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (socket_dir / self.name).unlink(missing_ok=True)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", self.name, key)
            time.sleep(0.15)

    def screen(self, escapes: bool = False) -> str:
        return self.run("capture-pane", "-p", *(["-e"] if escapes else []), "-t", self.name)

    def wait_for(self, text: str, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


@pytest.fixture(params=["xterm-256color", "NO_COLOR"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Tmux]:
    request.node.no_color = request.param == "NO_COLOR"
    if not WIREDESK.exists():
        pytest.skip(f"wiredesk not installed beside {sys.executable}")
    env = {"TERM": "xterm-256color", "WIREDESK_CONFIG": str(tmp_path / "none.toml")}
    if request.param == "NO_COLOR":
        env["NO_COLOR"] = "1"
    name = f"wiredesk-e2e-{uuid.uuid4().hex[:8]}"
    command = " ".join(
        [
            *(f"{k}={v}" for k, v in env.items()),
            str(WIREDESK),
            str(HARBOUR),
            str(INJECTION),
            str(FIXTURES / "04_broken.txt"),
        ]
    )
    tmux = Tmux(name)
    tmux.start(tmp_path, command)
    try:
        tmux.run("set-option", "-t", name, "escape-time", "10")
        yield tmux
    finally:
        tmux.close()


def test_desk_in_tmux(desk: Tmux, request: pytest.FixtureRequest) -> None:
    screen = desk.wait_for("Harbour cranes idle")
    assert "sentence 1/" in screen
    styled = desk.screen(escapes=True)
    if request.node.no_color:
        # no colour at all, yet meaning survives as bold / underline
        assert "[38;" not in styled and "[48;" not in styled and "[3" + "1m" not in styled
        assert "\x1b[1m" in styled
    else:
        assert "[38;" in styled or "[3" in styled
    desk.keys("j", "j")
    screen = desk.wait_for("sentence 3/")
    desk.keys("/")
    for ch in "Okafor":
        desk.keys(ch)
    desk.keys("Enter")
    screen = desk.wait_for("Okafor” 1/")
    desk.keys("n")
    desk.wait_for("Okafor” 2/")
    desk.keys("?")
    desk.wait_for("wiredesk keys")
    desk.keys("Escape")
    desk.wait_for("sentence ")
    # next story: the injection story renders literally and triggers nothing
    desk.keys("J")
    screen = desk.wait_for("[@click=app.quit]")
    assert "[bold]" in screen and "[link=file:///etc/passwd]" in screen
    assert "passwd[/link]" in screen
    # the app is still running after rendering it
    desk.keys("J")
    screen = desk.wait_for("✗ binary file, not a story")  # the reason first, however long the path
    desk.keys("q")
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            if "Harbour" not in desk.screen():
                break
        except subprocess.CalledProcessError:
            break  # the session ended with the app
        time.sleep(0.1)
    else:
        raise AssertionError("q did not quit")


def test_stories_on_stdin_with_keys_from_the_terminal(tmp_path: Path) -> None:
    if not WIREDESK.exists():
        pytest.skip(f"wiredesk not installed beside {sys.executable}")
    name = f"wiredesk-e2e-{uuid.uuid4().hex[:8]}"
    command = f"cat {FIXTURES / '02_rain.txt'} | {WIREDESK} -"
    tmux = Tmux(name)
    tmux.start(tmp_path, command, "TERM=xterm-256color", f"WIREDESK_CONFIG={tmp_path / 'none.toml'}")
    try:
        tmux.wait_for("Heavy rain closes mountain roads")
        tmux.keys("j")
        tmux.wait_for("sentence 2/")  # the keyboard works although stdin was a pipe
    finally:
        tmux.close()
