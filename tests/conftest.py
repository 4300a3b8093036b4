"""Shared test fixtures: where the public evaluation corpora live (read-only, never copied)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_STORY = SEEDS / "000_e0c84c8124d96021.txt"
# ../shared/corpora beside the checkout (CI clones with shared/ beside it);
# WIREDESK_CORPORA points elsewhere when needed.
CORPORA = Path(os.environ.get("WIREDESK_CORPORA", ROOT.parent / "shared" / "corpora"))
SHARED_SEEDS = CORPORA.parent / "seeds"


def corpus(*parts: str) -> Path:
    """A path under the shared corpora, or skip the test when it is not on this machine."""
    path = CORPORA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus not present: {path}")
    return path


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk opens a notebook on start: never the real user data folder's in tests."""
    if "WIREDESK_DATA_DIR" not in os.environ:
        monkeypatch.setenv("WIREDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))
