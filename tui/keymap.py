"""Every key binding of the desk, as data, in one place.

Each binding has a stable id; users override keys by id in the TOML config
(``[keymap] next-sentence = "j,down"``) and the app passes the result to
``App.set_keymap``.  The help screen is generated from this table, so what
``?`` shows is what the keys do.

The notebook's keys (t a r x u ctrl+r s v e A R) are NOTEBOOK_KEYS: each runs
``notebook('verb')`` on the desk, which hands it to the notebook controller.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType

# The notebook's keys: only NOTEBOOK_KEYS may bind these (a test checks it).
RESERVED_KEYS = frozenset({"t", "a", "r", "x", "u", "ctrl+r", "s", "e", "v", "A", "R"})


@dataclass(frozen=True, slots=True)
class Key:
    id: str
    keys: str
    action: str
    description: str
    # Which part of the desk the key works in: shown as a heading in the help screen.
    scope: str
    show: bool = True
    key_display: str | None = None
    priority: bool = False
    # A short word for the footer (80 columns hold about nine); help and palette use ``description``.
    label: str | None = None

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label or self.description,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            id=self.id,
        )


APP = "Desk"
ARTICLE = "Article"
NOTEBOOK = "Notebook"
LISTS = "Story list and sidebars"
SEARCH = "Search bar"

APP_KEYS: tuple[Key, ...] = (
    Key("quit", "q", "app.quit", "Quit", APP),
    Key("help", "question_mark,f1", "app.help", "Help", APP, key_display="?"),
    Key("command-palette", "ctrl+p", "app.command_palette", "Commands", APP, key_display="^p", label="Cmds"),
)

SCREEN_KEYS: tuple[Key, ...] = (
    Key("focus-next", "tab", "app.focus_next", "Next pane", APP, show=False),
    Key("focus-previous", "shift+tab", "app.focus_previous", "Previous pane", APP, show=False),
    Key(
        "toggle-list",
        "left_square_bracket,f2",
        "toggle_list",
        "Story list",
        APP,
        key_display="[",
        label="Stories",
    ),
    Key(
        "toggle-sidebar",
        "right_square_bracket,f3",
        "toggle_sidebar",
        "Sidebar",
        APP,
        key_display="]",
        label="Side",
    ),
    Key("next-story", "J", "next_story", "Next story", APP, show=False),
    Key("previous-story", "K", "previous_story", "Previous story", APP, show=False),
    Key("focus-article", "o", "focus_article", "Read article", APP, show=False),
    Key("focus-entities", "E", "focus_entities", "Entities", APP, show=False),
    Key("focus-claims", "C", "focus_claims", "Claims", APP, show=False),
    Key("cancel", "escape", "cancel", "Cancel / close", APP, show=False),
)

ARTICLE_KEYS: tuple[Key, ...] = (
    # The footer shows j for both directions ("j/k Sentence") to leave room at 80 columns.
    Key(
        "next-sentence",
        "j,down",
        "next_sentence",
        "Next sentence",
        ARTICLE,
        key_display="j/k",
        label="Sentence",
    ),
    Key("previous-sentence", "k,up", "previous_sentence", "Previous sentence", ARTICLE, show=False),
    Key("top", "g,home", "top", "Top", ARTICLE, show=False),
    Key("bottom", "G,end", "bottom", "Bottom", ARTICLE, show=False),
    Key("page-down", "pagedown,space,ctrl+f", "page_down", "Page down", ARTICLE, show=False),
    Key("page-up", "pageup,b,ctrl+b", "page_up", "Page up", ARTICLE, show=False),
    Key("search", "slash", "search", "Search", ARTICLE, key_display="/"),
    Key("next-match", "n", "next_match", "Next match", ARTICLE, show=False),
    Key("previous-match", "N", "previous_match", "Previous match", ARTICLE, show=False),
    Key("toggle-entities", "h", "toggle_entities", "Entity colours", ARTICLE, label="Entities"),
    Key("toggle-claims", "c", "toggle_claims", "Claim colours", ARTICLE, label="Claims"),
    Key("clear-matches", "backspace", "clear_matches", "Clear matches", ARTICLE, show=False),
)

NOTEBOOK_KEYS: tuple[Key, ...] = (
    Key("nb-tag", "t", "notebook('tag')", "Tag the target", NOTEBOOK, label="Tag"),
    Key("nb-note", "a", "notebook('note')", "Write a note on the target", NOTEBOOK, label="Note"),
    Key(
        "nb-grade",
        "r",
        "notebook('grade')",
        "Grade the target (Admiralty A–F / 1–6)",
        NOTEBOOK,
        label="Grade",
    ),
    Key("nb-remove", "x", "notebook('remove')", "Remove the annotation on the target", NOTEBOOK, show=False),
    Key("nb-undo", "u", "notebook('undo')", "Undo notebook change", NOTEBOOK, label="Undo"),
    Key("nb-redo", "ctrl+r", "notebook('redo')", "Redo notebook change", NOTEBOOK, show=False),
    Key(
        "nb-status",
        "s",
        "notebook('status')",
        "Story status (unread/read/flagged/done)",
        NOTEBOOK,
        label="Status",
    ),
    Key(
        "nb-select",
        "v",
        "notebook('select')",
        "Start / end a span selection (then j/k)",
        NOTEBOOK,
        label="Select",
    ),
    Key("nb-export", "e", "notebook('export')", "Export the notebook", NOTEBOOK, label="Export"),
    Key("nb-notes", "A", "notebook('notes')", "Notes view (all annotations)", NOTEBOOK, label="Notes"),
    Key("nb-correct", "R", "notebook('correct')", "Correct the extractor", NOTEBOOK, label="Fix"),
)

LIST_KEYS: tuple[Key, ...] = (
    Key("list-down", "j,down", "cursor_down", "Down", LISTS, show=False),
    Key("list-up", "k,up", "cursor_up", "Up", LISTS, show=False),
    Key("list-top", "g,home", "first", "First", LISTS, show=False),
    Key("list-bottom", "G,end", "last", "Last", LISTS, show=False),
    Key("list-select", "enter,l", "select", "Open / jump", LISTS, show=False),
)

# Only the story list pages by itself; the sidebars use OptionList's own page keys.
LIST_PAGE_KEYS: tuple[Key, ...] = (
    Key("list-page-down", "pagedown,ctrl+f", "page_down", "Page down", LISTS, show=False),
    Key("list-page-up", "pageup,ctrl+b", "page_up", "Page up", LISTS, show=False),
)

SEARCH_KEYS: tuple[Key, ...] = (
    Key("search-close", "escape,ctrl+g", "close", "Close search", SEARCH, show=False),
)

ALL_KEYS: tuple[Key, ...] = (
    APP_KEYS + SCREEN_KEYS + NOTEBOOK_KEYS + ARTICLE_KEYS + LIST_KEYS + LIST_PAGE_KEYS + SEARCH_KEYS
)
KEY_IDS = frozenset(k.id for k in ALL_KEYS)


def bindings(keys: Iterable[Key]) -> list[BindingType]:
    return [k.binding() for k in keys]


def check_keymap(keymap: Mapping[str, str]) -> list[str]:
    """Problems with a user keymap, one line each (unknown ids, empty keys)."""
    problems = []
    for binding_id, keys in keymap.items():
        if binding_id not in KEY_IDS:
            problems.append(f"keymap: unknown binding id {binding_id!r}")
        elif not keys.strip():
            problems.append(f"keymap: no keys given for {binding_id!r}")
    return problems


def display_keys(key: Key, keymap: Mapping[str, str]) -> str:
    """The keys as the user has them (after overrides), for the help screen."""
    from textual.keys import format_key

    keys = keymap.get(key.id, key.keys)
    return ", ".join(format_key(k.strip()) for k in keys.split(",") if k.strip())
