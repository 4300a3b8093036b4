"""Sample wire copy shipped with wiredesk: what `wiredesk` opens with no arguments."""

from __future__ import annotations

from pathlib import Path

SEED_DIR = Path(__file__).resolve().parent
