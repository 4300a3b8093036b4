"""Component styles looked up once per theme, for widgets that render line by line."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class StyleCache:
    """``DOMNode.rich_style`` and component-class lookups walk the ancestors on every call,
    and ``render_line`` runs once per visible line: keep the results until the styles change."""

    def __init__(self, widget: Widget, prefix: str) -> None:
        self._widget = widget
        self._prefix = prefix
        self._styles: dict[str, Style] = {}

    def clear(self) -> None:
        self._styles.clear()

    def base(self) -> Style:
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self._widget.rich_style
        return style

    def component(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._widget.get_component_rich_style(f"{self._prefix}--{name}", partial=True)
            self._styles[name] = style
        return style
