"""The user's settings: a small TOML file, typed and checked before the app starts.

Looked up in this order: ``--config FILE``, ``$WIREDESK_CONFIG`` (tests point it
at a temp file), then ``config.toml`` in the platform's user config folder.
A missing file is fine; a broken one is reported in one line and ignored,
never a crash.  Imports nothing from Textual, so the CLI stays light.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

ENV_VAR = "WIREDESK_CONFIG"
FILE_NAME = "config.toml"


@dataclass(frozen=True, slots=True)
class Config:
    theme: str | None = None
    keymap: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    highlight_entities: bool = True
    highlight_claims: bool = True
    path: Path | None = None
    # [notebook] tags = [...]: the tag palette (None: the defaults in tui.notebook.tags).
    tags: tuple[str, ...] | None = None
    # One line per problem found while reading; shown to the user once the desk is up.
    problems: tuple[str, ...] = ()


def default_path() -> Path:
    from platformdirs import user_config_dir

    return Path(user_config_dir("wiredesk", appauthor=False)) / FILE_NAME


def config_path(explicit: str | None = None) -> Path:
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return default_path()


def load_config(explicit: str | None = None) -> Config:
    path = config_path(explicit)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        if explicit:
            return Config(path=path, problems=(f"config: {path}: no such file",))
        return Config(path=path)
    except (OSError, tomllib.TOMLDecodeError) as err:
        return Config(path=path, problems=(f"config: {path}: {err}".splitlines()[0],))
    return parse_config(data, path)


def parse_config(data: Mapping[str, object], path: Path | None = None) -> Config:
    problems: list[str] = []
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("config: theme must be a string")
        theme = None
    keymap: dict[str, str] = {}
    raw_keymap = data.get("keymap", {})
    if not isinstance(raw_keymap, Mapping):
        problems.append("config: [keymap] must be a table")
        raw_keymap = {}
    for binding_id, keys in raw_keymap.items():
        if isinstance(keys, list) and all(isinstance(k, str) for k in keys):
            keys = ",".join(keys)
        if not isinstance(keys, str):
            problems.append(f'config: keymap {binding_id!r} must be a string like "j,down"')
            continue
        keymap[str(binding_id)] = keys
    flags: dict[str, bool] = {}
    for name in ("highlight_entities", "highlight_claims"):
        value = data.get(name.replace("_", "-"), data.get(name, True))
        if not isinstance(value, bool):
            problems.append(f"config: {name.replace('_', '-')} must be true or false")
            value = True
        flags[name] = value
    tags: tuple[str, ...] | None = None
    notebook = data.get("notebook", {})
    if not isinstance(notebook, Mapping):
        problems.append("config: [notebook] must be a table")
        notebook = {}
    raw_tags = notebook.get("tags")
    if raw_tags is not None:
        if isinstance(raw_tags, list) and all(isinstance(t, str) for t in raw_tags):
            tags = tuple(raw_tags)
        else:
            problems.append('config: [notebook] tags must be a list of strings, e.g. ["follow-up"]')
    problems.extend(f"config: unknown setting notebook.{key}" for key in notebook if key != "tags")
    known = {
        "notebook",
        "theme",
        "keymap",
        "highlight-entities",
        "highlight-claims",
        "highlight_entities",
        "highlight_claims",
    }
    problems.extend(f"config: unknown setting {key!r}" for key in data if key not in known)
    return Config(
        theme=theme,
        keymap=MappingProxyType(keymap),
        path=path,
        tags=tags,
        problems=tuple(problems),
        **flags,
    )
