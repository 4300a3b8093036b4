"""Layering: parsers/ never imports Textual or tui/, and the headless commands never load Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_parsers_import_neither_textual_nor_tui() -> None:
    offenders = {
        str(p.relative_to(ROOT)): sorted(_imports(p) & {"textual", "tui", "rich"})
        for p in (ROOT / "parsers").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_extract_command_does_not_load_textual() -> None:
    code = (
        "import sys; from tui.cli import main; "
        "rc = main(['extract', '--json', sys.argv[1]]); "
        "assert 'textual' not in sys.modules, 'textual imported'; sys.exit(rc)"
    )
    seed = ROOT / "seeds" / "000_e0c84c8124d96021.txt"
    proc = subprocess.run([sys.executable, "-c", code, str(seed)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
