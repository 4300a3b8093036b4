"""Fast unit tests of the desk's pure parts: wrapping, search, config, keymap, CLI import hygiene."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tui.article_layout import find_all, printable, wrap
from tui.config import load_config
from tui.keymap import ALL_KEYS, NOTEBOOK_KEYS, RESERVED_KEYS, check_keymap


def test_wrap_keeps_offsets_and_width() -> None:
    text = "one two three four five six seven eight nine ten " * 3
    lines = wrap(text, 0, len(text), 17)
    assert all(len(text[s:e]) <= 17 for s, e in lines)
    assert " ".join(text[s:e] for s, e in lines).split() == text.split()


def test_wrap_splits_a_word_wider_than_the_pane() -> None:
    text = "see https://example.org/" + "x" * 40
    lines = wrap(text, 0, len(text), 10)
    assert all(len(text[s:e]) <= 10 for s, e in lines)
    assert "".join(text[s:e] for s, e in lines).replace(" ", "") == text.replace(" ", "")


def test_find_all_is_case_insensitive_and_keeps_offsets() -> None:
    text = "Okafor said. okafor said again."
    assert find_all(text, "OKAFOR") == [(0, 6), (13, 19)]
    assert find_all(text, "") == []


def test_printable_removes_controls_and_keeps_length() -> None:
    raw = "a\x1b[31mb\x07c\x9b"
    assert len(printable(raw)) == len(raw)
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in printable(raw))


def test_config_reads_keymap_and_reports_problems(tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('theme = "ansi-light"\nbogus = 1\n[keymap]\nnext-sentence = ["j", "ctrl+n"]\n')
    config = load_config(str(cfg))
    assert config.theme == "ansi-light"
    assert config.keymap["next-sentence"] == "j,ctrl+n"
    assert config.problems == ("config: unknown setting 'bogus'",)
    assert check_keymap({"no-such-action": "x"}) == ["keymap: unknown binding id 'no-such-action'"]


def test_broken_config_is_reported_not_fatal(tmp_path: Path, monkeypatch: object) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("theme = [unclosed\n")
    config = load_config(str(cfg))
    assert config.theme is None and len(config.problems) == 1


def test_config_env_var(tmp_path: Path, monkeypatch: object) -> None:
    import pytest

    assert isinstance(monkeypatch, pytest.MonkeyPatch)
    cfg = tmp_path / "env.toml"
    cfg.write_text('theme = "textual-light"\n')
    monkeypatch.setenv("WIREDESK_CONFIG", str(cfg))
    assert load_config().theme == "textual-light"


def test_binding_ids_unique_and_notebook_keys_only_bound_by_the_notebook() -> None:
    ids = [k.id for k in ALL_KEYS]
    assert len(ids) == len(set(ids))
    others = {key.strip() for k in ALL_KEYS if k not in NOTEBOOK_KEYS for key in k.keys.split(",")}
    assert not others & RESERVED_KEYS
    notebook = {key.strip() for k in NOTEBOOK_KEYS for key in k.keys.split(",")}
    assert notebook == RESERVED_KEYS  # every notebook key is bound, once


def test_parse_and_extract_never_import_textual() -> None:
    code = (
        "import sys; from tui.cli import main; "
        "main(['extract', '--json', 'seeds']); "
        "assert 'textual' not in sys.modules, 'textual imported'"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]


def test_cli_help_and_version() -> None:
    root = Path(__file__).resolve().parents[1]
    for flag, expected in (("--help", "--notebook"), ("--version", "wiredesk ")):
        result = subprocess.run(
            [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())", flag],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0 and expected in result.stdout


def test_desk_options_parse() -> None:
    from tui.cli import build_desk_parser

    ns = build_desk_parser().parse_args(["a.txt", "-", "--theme", "ansi-light", "--notebook", "n.json"])
    assert ns.paths == ["a.txt", "-"] and ns.theme == "ansi-light" and ns.notebook == "n.json"


def test_panes_follow_width_and_keep_one_overlay_at_80_columns() -> None:
    from tui.panes import Panes

    panes = Panes()
    panes.fit(200)
    assert (panes.list_open, panes.sidebar_open, panes.list_overlay) == (True, True, False)
    panes.fit(80)
    assert (panes.list_open, panes.sidebar_open) == (False, False)
    assert panes.toggle_list() and not panes.sidebar_open
    assert panes.toggle_sidebar() and not panes.list_open  # one overlay at a time
    assert panes.close_overlays() and not panes.sidebar_open
    assert not panes.close_overlays()
    panes.fit(130)
    assert panes.sidebar_open and not panes.sidebar_overlay and panes.list_overlay
