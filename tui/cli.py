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
from parsers.load import DEFAULT_SIZE_LIMIT, iter_story_paths, parse_path
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


def _print_table(paths: Sequence[str], limit: int) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    table = Table(title="wiredesk — parsed stories", expand=True)
    for col in ("headline", "agency", "dateline", "words", "warnings"):
        table.add_column(col, overflow="fold", justify="right" if col == "words" else "left")
    status = EXIT_OK
    for path, result in iter_articles(paths, limit):
        if isinstance(result, ParseError):
            table.add_row(Text(path), Text(""), Text(""), Text(""), Text(str(result), style="red"))
            status = EXIT_SOME_FAILED
            continue
        m = result.meta
        table.add_row(
            Text(m.headline or "(no headline)"),
            Text(m.agency or ""),
            Text(m.dateline_place or ""),
            Text(str(result.words)),
            Text("; ".join(result.warnings)),
        )
    Console().print(table)
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wiredesk",
        description="A keyboard-driven terminal desk for reading news-agency wire copy.",
    )
    parser.add_argument("--version", action="version", version=f"wiredesk {__version__}")
    parser.add_argument(
        "--max-size",
        type=int,
        default=DEFAULT_SIZE_LIMIT,
        metavar="BYTES",
        help=f"refuse stories larger than this (default {DEFAULT_SIZE_LIMIT})",
    )
    sub = parser.add_subparsers(dest="command")
    p_parse = sub.add_parser("parse", help="parse stories and print one JSON object per story")
    p_parse.add_argument("--json", action="store_true", required=True, help="JSON lines output")
    p_parse.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    p_extract = sub.add_parser("extract", help="parse and extract entities, numbers and claims")
    p_extract.add_argument("--json", action="store_true", required=True, help="JSON lines output")
    p_extract.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    commands = {"parse", "extract"}
    if not any(a in commands for a in args_list[:3]) and not any(
        a in ("-h", "--help", "--version") for a in args_list
    ):
        return open_desk(args_list)
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:
        return int(exc.code or 0) if isinstance(exc.code, int) else EXIT_USAGE
    if args.command == "parse":
        return _write_json_lines(args.paths, args.max_size, with_extraction=False)
    if args.command == "extract":
        return _write_json_lines(args.paths, args.max_size, with_extraction=True)
    parser.print_help()
    return EXIT_USAGE


def open_desk(args: list[str]) -> int:
    """Until the desk lands: print the parsed corpus as a table."""
    from seeds import SEED_DIR

    paths = [a for a in args if not a.startswith("--")] or [str(SEED_DIR)]
    return _print_table(paths, DEFAULT_SIZE_LIMIT)


def run() -> None:
    try:
        code = main()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = EXIT_OK
    sys.exit(code)
