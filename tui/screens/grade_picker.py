"""`r`: the Admiralty grade picker — source reliability A–F, information credibility 1–6.

Letters set reliability, digits set credibility (pressing the current one again clears it),
enter confirms, backspace clears both, esc cancels.  Returns a Grade (``Grade()`` = no grade) or None.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.notebook.model import Grade

RELIABILITY_TEXT = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
CREDIBILITY_TEXT = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}


class GradePicker(ModalScreen[Grade | None]):
    DEFAULT_CSS = """
    GradePicker { align: center middle; }
    GradePicker > Vertical { width: 64; height: auto; border: round $accent; padding: 0 1; background: $surface; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                f"{c.lower()},{c}",
                f"reliability('{c}')",
                f"Reliability {c}",
                show=False,
                id=f"grade-{c.lower()}",
            )
            for c in RELIABILITY_TEXT
        ),
        *(
            Binding(str(n), f"credibility({n})", f"Credibility {n}", show=False, id=f"grade-{n}")
            for n in CREDIBILITY_TEXT
        ),
        Binding("enter", "confirm", "Set grade", id="grade-confirm"),
        Binding("backspace,delete,0", "clear", "Clear", id="grade-clear"),
        Binding("escape,ctrl+g", "cancel", "Cancel", id="grade-cancel"),
    ]

    def __init__(self, grade: Grade | None = None, title: str = "Grade") -> None:
        super().__init__()
        self.grade = grade or Grade()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._render_body(), id="grade-body")

    def _render_body(self) -> Content:
        parts: list[Content | str | tuple[str, str]] = [
            (self.title_text, "bold"),
            "\n\n",
            ("Source reliability", "underline"),
            "\n",
        ]
        for code, text in RELIABILITY_TEXT.items():
            chosen = self.grade.reliability == code
            parts += [(f" {code} ", "reverse bold" if chosen else "bold"), f" {text}\n"]
        parts += ["\n", ("Information credibility", "underline"), "\n"]
        for num, text in CREDIBILITY_TEXT.items():
            chosen = self.grade.credibility == num
            parts += [(f" {num} ", "reverse bold" if chosen else "bold"), f" {text}\n"]
        parts += [
            "\n",
            ("Grade: ", "bold"),
            (self.grade.code or "none", "bold"),
            "   a–f · 1–6 · enter set · backspace clear · esc cancel",
        ]
        return Content.assemble(*parts)

    def _refresh(self) -> None:
        self.query_one("#grade-body", Static).update(self._render_body())

    def action_reliability(self, code: str) -> None:
        new = None if self.grade.reliability == code else code
        self.grade = Grade(new, self.grade.credibility)
        self._refresh()

    def action_credibility(self, num: int) -> None:
        new = None if self.grade.credibility == num else num
        self.grade = Grade(self.grade.reliability, new)
        self._refresh()

    def action_clear(self) -> None:
        self.grade = Grade()
        self._refresh()

    def action_confirm(self) -> None:
        self.dismiss(self.grade)

    def action_cancel(self) -> None:
        self.dismiss(None)
