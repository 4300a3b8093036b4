"""Crash safety: a saver SIGKILLed at random moments never loses a save that had returned."""

from __future__ import annotations

import os
import random
from pathlib import Path

from tests.notebook_support import kill_cycle
from tui.notebook.store import load_notebook

KILLS = 20  # bench/notebook.py runs 200+


def test_sigkill_at_random_moments_loses_nothing_committed(tmp_path: Path) -> None:
    path = tmp_path / "nb" / "notebook.json"
    rng = random.Random(6)
    committed: set[str] = set()
    mid_save = 0  # kills that left a temp file: they interrupted a save, the case that matters
    for cycle in range(KILLS):
        ids, problem = kill_cycle(str(path), rng, max_delay=0.12)
        assert problem is None, f"cycle {cycle}: {problem}"
        committed |= ids
        mid_save += any(n.endswith(".tmp") for n in os.listdir(path.parent))
        # Whatever moment the kill hit, the file is a whole notebook holding every returned save.
        on_disk = {a.id for a in load_notebook(path).annotations}
        missing = committed - on_disk
        assert not missing, f"cycle {cycle}: {len(missing)} committed annotations lost"
    assert len(committed) > KILLS  # the children really did save between kills
    assert mid_save > 0  # and some kills landed in the middle of a save (P(none) is ~1e-8)
    # The next opener sweeps the temp files killed writers left behind.
    from tui.notebook.store import NotebookStore

    NotebookStore.open(path).close()
    assert not [n for n in os.listdir(path.parent) if n.endswith(".tmp")]
