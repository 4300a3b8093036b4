"""`R`: correct the extractor — retype, merge, split, dismiss an entity; dismiss a claim or set its
source; add a missed entity from the passage.  Each fix is a correction annotation: applied through the
desk's extraction filter wherever the story is shown or exported, and undone with `u`."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from tui.notebook.anchor import make_anchor
from tui.notebook.model import Correction, Target, new_annotation
from tui.screens.choice_dialog import ChoicePicker, TextPrompt

if TYPE_CHECKING:
    from tui.screens.desk_notebook import Aim, DeskNotebook

ENTITY_TYPES = (
    ("PERSON", "Person"),
    ("ORG", "Organisation"),
    ("LOC", "Place"),
    ("MISC", "Other name"),
    ("DATE", "Date"),
)


def key_correct(nb: DeskNotebook) -> None:
    if not nb.writable():
        return
    aim = nb.aim()
    if aim is None:
        return
    if aim.kind == "entity":
        choices = [
            ("retype", "Change the entity's type"),
            ("merge", "Merge another entity into this one"),
            ("split", "Split: mentions reading some text become a new entity"),
            ("dismiss", "Dismiss: not an entity"),
        ]
    elif aim.kind == "claim":
        choices = [("set_source", "Set the claim's source"), ("dismiss", "Dismiss: not a claim")]
    else:
        choices = [("add_entity", "Add a missed entity from this passage")]
    nb.desk.app.push_screen(
        ChoicePicker(f"Correct the extractor: {aim.label}", choices), lambda op: _correct(nb, aim, op)
    )


def _fix(nb: DeskNotebook, aim: Aim, correction: Correction, span: tuple[int, int] | None = None) -> None:
    article = nb.current_article()
    if article is None:
        return
    start, end = span or (aim.start, aim.end)
    kind = aim.kind if aim.kind in ("entity", "claim") else "span"
    ann = new_annotation(
        article.id,
        Target(kind, aim.ref, aim.name if kind != "span" else None),
        make_anchor(article.text, start, end),
        correction=correction,
    )
    nb.store.note_story(article.id, article.source, (article.meta.headline or ""))
    nb.after(nb.store.add(ann), f"correction ({correction.op}) applied: {aim.label} — u undoes")


def _then(
    nb: DeskNotebook, aim: Aim, make: Callable[[str], Correction], span: tuple[int, int] | None = None
) -> Callable[[str | None], None]:
    """A dialog callback: the answer (None = cancelled) becomes a correction on ``aim``."""

    def answered(value: str | None) -> None:
        if value:
            _fix(nb, aim, make(value), span)

    return answered


def _correct(nb: DeskNotebook, aim: Aim, op: str | None) -> None:
    app = nb.desk.app
    if op is None:
        return
    if op == "dismiss":
        _fix(nb, aim, Correction("dismiss"))
    elif op == "retype":
        app.push_screen(
            ChoicePicker(f"New type for {aim.label}", ENTITY_TYPES),
            _then(nb, aim, lambda t: Correction("retype", type=t)),
        )
    elif op == "merge":
        others = [
            (e.name, f"{e.name} ({e.type}, ×{len(e.mentions)})")
            for e in nb.desk.article_view.extraction.entities
            if e.id != aim.ref
        ]
        app.push_screen(
            ChoicePicker(f"Merge into {aim.label}", others),
            _then(nb, aim, lambda name: Correction("merge", others=(name,))),
        )
    elif op == "split":
        app.push_screen(
            TextPrompt(f"Split {aim.label}", hint="mentions reading this text become a new entity · enter"),
            _then(nb, aim, lambda name: Correction("split", name=name)),
        )
    elif op == "set_source":
        app.push_screen(
            TextPrompt(f"Source of {aim.label}", hint="who said it, as written in the story · enter"),
            _then(nb, aim, lambda text: Correction("set_source", source_text=text)),
        )
    elif op == "add_entity":
        article = nb.current_article()
        passage = article.text[aim.start : aim.end] if article is not None else ""

        def named(name: str | None) -> None:
            at = passage.find(name) if name else -1
            if name is None:
                return
            if at < 0:
                app.notify(f"“{name}” is not in this passage", severity="warning", markup=False)
                return
            span = (aim.start + at, aim.start + at + len(name))
            app.push_screen(
                ChoicePicker(f"Type of {name}", ENTITY_TYPES),
                _then(nb, aim, lambda t: Correction("add_entity", type=t, name=name), span),
            )

        app.push_screen(
            TextPrompt("Missed entity", hint="type the name exactly as written in the passage · enter"),
            named,
        )
