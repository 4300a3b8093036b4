"""`wiredesk export`: the notebook out as a Markdown briefing, JSON, CSV or W3C Web Annotation.

Headless: imports no Textual.  Story text comes from the PATHs given, or else from the source
paths the notebook recorded; stories whose text is gone are still exported from their quotes.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from parsers.formats import ParseError
from parsers.load import iter_story_paths, parse_path
from parsers.model import Article
from tui.notebook.export import FORMATS, build_exports, render_csv, render_json, render_markdown, render_w3c
from tui.notebook.export.common import StoryExport
from tui.notebook.export.output import write_export
from tui.notebook.model import Notebook, now_iso
from tui.notebook.store import NotebookReadError, default_path, load_notebook
from tui.notebook.tags import normalise_tag

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _say(message: str) -> None:
    print("".join(ch if ch.isprintable() else "?" for ch in f"wiredesk: {message}")[:300], file=sys.stderr)


def add_export_parser(sub: Any) -> None:
    """Register the `export` subcommand on the CLI's subparsers object."""
    p = sub.add_parser("export", help="export the notebook: Markdown briefing, JSON, CSV or W3C annotations")
    p.add_argument("--format", choices=FORMATS, default="md", help="output format (default md)")
    p.add_argument("--notebook", metavar="FILE", help="notebook file (default: the user data folder's)")
    p.add_argument(
        "--tag",
        action="append",
        default=[],
        metavar="TAG",
        help="only annotations with this tag (repeatable)",
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", default="-", help="output file, or - for stdout (default)"
    )
    p.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    p.add_argument(
        "paths", nargs="*", metavar="PATH", help="stories to export (default: the notebook's stories)"
    )


def render(
    fmt: str, notebook: Notebook, articles: Sequence[Article], tags: Sequence[str], only_given: bool
) -> str:
    """The export text; the desk's `e` key calls this too."""
    from parsers.extract import extract

    stories = build_exports(notebook, articles, tags=tags, extractor=extract, only_given=only_given)
    return render_stories(fmt, notebook, stories)


def render_stories(fmt: str, notebook: Notebook, stories: Sequence[StoryExport]) -> str:
    """One format's text from already-resolved stories."""
    if fmt == "json":
        return render_json(notebook, stories)
    if fmt == "csv":
        return render_csv(stories)
    if fmt == "w3c":
        return render_w3c(stories)
    return render_markdown(stories, title="Briefing", generated=now_iso())


def _articles(paths: Sequence[str], notebook: Notebook, limit: int) -> tuple[list[Article], bool]:
    articles: list[Article] = []
    failed = False
    if paths:
        for path in iter_story_paths(paths):
            try:
                articles.append(parse_path(path, limit))
            except ParseError as err:
                _say(f"{path}: {err}")
                failed = True
        return articles, failed
    seen: set[str] = set()
    for story in notebook.stories:
        if not story.source or story.source in seen or story.source == "-":
            continue
        seen.add(story.source)
        try:
            articles.append(parse_path(story.source, limit))
        except ParseError as err:
            _say(f"{story.source}: {err} — exporting that story from its quotes")
    return articles, failed


def run_export(args: argparse.Namespace, limit: int) -> int:
    path = args.notebook or str(default_path())
    try:
        notebook = load_notebook(path)
    except NotebookReadError as err:
        _say(str(err))
        return EXIT_FAILED
    tags = [t for t in (normalise_tag(raw) for raw in args.tag) if t]
    articles, failed = _articles(args.paths, notebook, limit)
    text = render(args.format, notebook, articles, tags, only_given=bool(args.paths))
    if args.output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        try:
            write_export(args.output, text, force=args.force)
        except FileExistsError as err:
            _say(str(err))
            return EXIT_USAGE
        except OSError as err:
            _say(f"{args.output}: cannot write ({err.strerror or err})")
            return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK
