"""Snapshots of the main screen at 80×24 and 160×48 (pytest-textual-snapshot 1.1).

Deterministic: a fixed fixture story, a fixed hand-made Extraction (the real
extractor is swapped out), an explicit theme and no clock anywhere on screen.
Update with ``pytest --snapshot-update tests/test_desk_snapshots.py`` after a
deliberate visual change.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.desk_support import (
    HARBOUR,
    fixed_extraction,  # noqa: F401 — a fixture
    make_app,
    wait_loaded,
)

pytestmark = pytest.mark.usefixtures("fixed_extraction")


async def _ready(pilot: Any) -> None:
    await wait_loaded(pilot, pilot.app)
    await pilot.press("j", "j")
    await pilot.pause()


def test_main_screen_80x24(snap_compare: Any) -> None:
    app = make_app(HARBOUR, theme="ansi-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=_ready)


def test_main_screen_160x48(snap_compare: Any) -> None:
    app = make_app(HARBOUR, theme="ansi-dark")
    assert snap_compare(app, terminal_size=(160, 48), run_before=_ready)


def test_main_screen_80x24_sidebar_overlay(snap_compare: Any) -> None:
    async def open_sidebar(pilot: Any) -> None:
        await _ready(pilot)
        await pilot.press("right_square_bracket")
        await pilot.pause()

    app = make_app(HARBOUR, theme="ansi-dark")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_sidebar)
