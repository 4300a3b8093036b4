"""WireDeskApp: wires config, theme and keymap to the desk screen."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import partial

from textual.app import App, SystemCommand
from textual.dom import DOMNode
from textual.filter import Monochrome, NoColor
from textual.screen import Screen

from parsers.load import DEFAULT_SIZE_LIMIT
from tui.config import Config
from tui.keymap import ALL_KEYS, APP, APP_KEYS, ARTICLE, NOTEBOOK, Key, bindings, check_keymap, display_keys
from tui.notebook.store import NotebookStore
from tui.screens.desk import DeskScreen
from tui.screens.help import HelpScreen

# Reads well in 16 colours: it uses the terminal's own palette.
DEFAULT_THEME = "ansi-dark"


class WireDeskApp(App[None]):
    CSS_PATH = "wiredesk.tcss"
    TITLE = "wiredesk"
    BINDINGS = bindings(APP_KEYS)

    def __init__(
        self,
        paths: Sequence[str],
        *,
        stdin_data: bytes | None = None,
        config: Config | None = None,
        theme: str | None = None,
        notebook_path: str | None = None,
        max_size: int = DEFAULT_SIZE_LIMIT,
    ) -> None:
        super().__init__()
        self.config = config or Config()
        self.paths = list(paths)
        self.stdin_data = stdin_data
        # Where annotations are read from and written to (None: the user data folder's notebook.json).
        self.notebook_path = notebook_path
        self._store: NotebookStore | None = None
        self._quit_despite_unsaved = False
        self.max_size = max_size
        self.requested_theme = theme or self.config.theme or DEFAULT_THEME
        self.keymap_overrides = dict(self.config.keymap)

    def get_default_screen(self) -> Screen[None]:
        return DeskScreen(
            self.paths,
            self.stdin_data,
            self.max_size,
            highlight_entities=self.config.highlight_entities,
            highlight_claims=self.config.highlight_claims,
        )

    @property
    def notebook_store(self) -> NotebookStore:
        """Opened on first use (by the desk's mount); never raises — a bad file opens read-only."""
        if self._store is None:
            self._store = NotebookStore.open(self.notebook_path)
        return self._store

    async def action_quit(self) -> None:
        """Save what is pending first; if that fails, say so and quit only on a second q."""
        store = self._store
        if store is not None and store.pending and not store.read_only and not self._quit_despite_unsaved:
            error = store.save()
            if error is not None:
                self._quit_despite_unsaved = True
                self.notify(
                    f"{error}\nPress q again to quit anyway (unsaved notes will be lost).",
                    title="Notebook not saved",
                    severity="error",
                    markup=False,
                    timeout=15,
                )
                return
        self.close_notebook()
        self.exit()

    def close_notebook(self) -> None:
        if self._store is not None:
            self._store.close()

    def on_unmount(self) -> None:
        self.close_notebook()  # releases the lock however the app ends

    @property
    def desk(self) -> DeskScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, DeskScreen)
        return screen

    def on_mount(self) -> None:
        problems = [*self.config.problems, *check_keymap(self.keymap_overrides)]
        if self.requested_theme in self.available_themes:
            self.theme = self.requested_theme
        else:
            problems.append(
                f"unknown theme {self.requested_theme!r}; try: {', '.join(sorted(self.available_themes))}"
            )
            self.theme = DEFAULT_THEME
        self.set_keymap(self.keymap_overrides)
        for problem in problems:
            self.notify(problem, severity="warning", markup=False, timeout=8)

    def watch_theme(self, theme_name: str) -> None:
        self._sync_no_color_filter()

    def _sync_no_color_filter(self) -> None:
        """Under NO_COLOR, match the colour filter to the theme actually in use.

        Textual picks Monochrome or NoColor once, in App.__init__, from the theme of that
        moment; an ANSI theme chosen later would then be pushed through Monochrome and
        come out as black on black.  ANSI themes need NoColor (the terminal's own colours).
        """
        if not self.no_color:
            return
        wanted: type[NoColor | Monochrome] = NoColor if self.native_ansi_color else Monochrome
        for i, current in enumerate(self._filters):
            if isinstance(current, NoColor | Monochrome) and type(current) is not wanted:
                self._filters[i] = wanted()
                self.refresh()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap_overrides))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if not isinstance(screen, DeskScreen):
            return
        for key in ALL_KEYS:
            if key.scope not in (APP, ARTICLE, NOTEBOOK) or key.id in ("command-palette", "quit", "cancel"):
                continue
            target: DOMNode = screen.article_view if key.scope == ARTICLE else screen
            yield SystemCommand(
                key.description,
                f"{key.description} — keys: {display_keys(key, self.keymap_overrides)}",
                partial(self._run_key, key, target),
            )

    def _run_key(self, key: Key, target: DOMNode) -> None:
        self.call_later(self.run_action, key.action, target)
