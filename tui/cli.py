"""The `wiredesk` command line.

Start-up paths stay light: `parse` and `extract` never import Textual, so a
pipeline pays only for the parsers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence

from parsers.formats import ParseError
from parsers.load import DEFAULT_SIZE_LIMIT, STDIN, iter_story_paths, parse_path, read_stdin
from parsers.model import Article
from tui import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _safe_one_line(text: str) -> str:
    """Error text may quote a file name from outside: keep it printable and on one line."""
    return "".join(ch if ch.isprintable() else "?" for ch in text)[:300]


def iter_articles(paths: Sequence[str], limit: int) -> Iterator[tuple[str, Article | ParseError]]:
    for path in iter_story_paths(paths):
        try:
            yield path, parse_path(path, limit)
        except ParseError as err:
            yield path, err


def _write_json_lines(paths: Sequence[str], limit: int, with_extraction: bool) -> int:
    status = EXIT_OK
    out = sys.stdout
    if with_extraction:
        from parsers.extract import extract
    for path, result in iter_articles(paths, limit):
        if isinstance(result, ParseError):
            print(_safe_one_line(f"wiredesk: {path}: {result}"), file=sys.stderr)
            status = EXIT_SOME_FAILED
            continue
        obj = result.to_json(path)
        if with_extraction:
            obj.update(extract(result).to_json(result.text))
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()
    return status


def add_max_size(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_SIZE_LIMIT,
        metavar="BYTES",
        help=f"refuse stories larger than this (default {DEFAULT_SIZE_LIMIT})",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="A keyboard-driven terminal desk for reading news-agency wire copy.",
    )
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    add_max_size(parser)
    sub = parser.add_subparsers(dest="command")
    p_parse = sub.add_parser("parse", help="parse stories and print one JSON object per story")
    p_parse.add_argument("--json", action="store_true", required=True, help="JSON lines output")
    p_parse.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    p_extract = sub.add_parser("extract", help="parse and extract entities, numbers and claims")
    p_extract.add_argument("--json", action="store_true", required=True, help="JSON lines output")
    p_extract.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    from tui.export_cli import add_export_parser

    add_export_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = {"parse", "extract", "export"}
    if not any(a in commands for a in args_list[:3]):
        return open_desk(args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "parse":
        return _write_json_lines(args.paths, args.max_size, with_extraction=False)
    if args.command == "extract":
        return _write_json_lines(args.paths, args.max_size, with_extraction=True)
    if args.command == "export":
        from tui.export_cli import run_export

        return run_export(args, args.max_size)
    parser.print_help()
    return EXIT_USAGE


def build_desk_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="A keyboard-driven terminal desk for reading news-agency wire copy. "
        "Press ? in the desk for every key.",
        epilog="Also: `wiredesk parse --json PATH...` and `wiredesk extract --json PATH...` "
        "print JSON lines without opening the desk. NO_COLOR is honoured.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="story files, folders (searched recursively) or - for stdin; default: the shipped seeds",
    )
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    parser.add_argument(
        "--theme", metavar="NAME", help="a Textual theme, e.g. ansi-dark, ansi-light, textual-dark"
    )
    parser.add_argument("--notebook", metavar="FILE", help="the notebook file to keep annotations in")
    parser.add_argument(
        "--config", metavar="FILE", help="config TOML (default: the user config folder, or $WIREDESK_CONFIG)"
    )
    add_max_size(parser)
    return parser


def _reopen_keyboard() -> bool:
    """Stories came on stdin: read keys from the terminal instead (as toolong does)."""
    import os

    try:
        fd = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(fd, 0)
    os.close(fd)
    return True


def open_desk(args: list[str]) -> int:
    """Open the desk (Textual is imported here only, so `parse`/`extract` never pay for it)."""
    from seeds import SEED_DIR
    from tui.config import load_config

    try:
        ns = build_desk_parser().parse_args(args)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    paths: list[str] = ns.paths or [str(SEED_DIR)]
    stdin_data: bytes | None = None
    if STDIN in paths:
        try:
            stdin_data = read_stdin(ns.max_size)
        except ParseError as err:
            print(_safe_one_line(f"wiredesk: stdin: {err}"), file=sys.stderr)
            return EXIT_USAGE
        if not sys.stdin.isatty() and not _reopen_keyboard():
            print("wiredesk: stories on stdin need a terminal (/dev/tty) for the keyboard", file=sys.stderr)
            return EXIT_USAGE
    config = load_config(ns.config)

    from tui.app import WireDeskApp

    app = WireDeskApp(
        paths,
        stdin_data=stdin_data,
        config=config,
        theme=ns.theme,
        notebook_path=ns.notebook,
        max_size=ns.max_size,
    )
    app.run()
    return EXIT_OK


def run() -> None:
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = EXIT_OK
    sys.exit(code)
