"""Entities of the open story, grouped by type, most mentioned first; numbers with their hedges."""

from __future__ import annotations

from collections.abc import Mapping

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from parsers.model import Article, Extraction
from tui.article_layout import printable
from tui.keymap import LIST_KEYS, bindings

TYPE_ORDER = ("PERSON", "ORG", "LOC", "MISC", "DATE", "NUMBER")
TYPE_TITLES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "LOC": "Places",
    "MISC": "Other names",
    "DATE": "Dates",
    "NUMBER": "Number entities",
}


class EntitySidebar(OptionList):
    """enter on an entity: highlight all its mentions and jump (n/N then cycle)."""

    BINDINGS = bindings(LIST_KEYS)

    class Chosen(Message):
        """An entity (``entity_id``) or a number (``spans`` only) was chosen."""

        def __init__(self, entity_id: str | None, label: str, spans: list[tuple[int, int]]) -> None:
            super().__init__()
            self.entity_id = entity_id
            self.label = label
            self.spans = spans

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Entities"
        self._targets: dict[str, tuple[str | None, str, list[tuple[int, int]]]] = {}
        # Notebook marks by entity id (one character), kept across show() so a re-shown story keeps them.
        self._marks: dict[str, str] = {}
        self._prompts: dict[str, Content] = {}

    @property
    def highlighted_entity(self) -> tuple[str, str, list[tuple[int, int]]] | None:
        """(id, name, mention spans) of the highlighted entity; None on a number or heading."""
        option = self.highlighted_option
        target = self._targets.get(option.id or "") if option is not None else None
        if target is None or target[0] is None:
            return None
        return target[0], target[1], target[2]

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Notebook marks for entity rows (``{entity_id: "●"}``); replaces the previous set."""
        old, self._marks = self._marks, {k: v[:1] for k, v in marks.items() if v}
        for entity_id in old.keys() | self._marks.keys():
            key = f"e:{entity_id}"
            if key in self._prompts and old.get(entity_id) != self._marks.get(entity_id):
                self.replace_option_prompt(key, self._marked(entity_id, self._prompts[key]))

    def _marked(self, entity_id: str, prompt: Content) -> Content:
        return Content.assemble((f"{self._marks.get(entity_id, ' ')} ", "bold"), prompt)

    def show(self, article: Article | None, extraction: Extraction) -> None:
        self._targets.clear()
        self._prompts.clear()
        options: list[Option] = []
        if article is None:
            self.set_options([Option(Content("—"), disabled=True)])
            self.border_title = "Entities"
            return
        text = article.text
        groups: dict[str, list[Option]] = {}
        for entity in sorted(extraction.entities, key=lambda e: (-len(e.mentions), e.name.casefold())):
            key = f"e:{entity.id}"
            name = printable(entity.name)
            self._targets[key] = (entity.id, name, [(m.start, m.end) for m in entity.mentions])
            prompt = Content.assemble(
                (name, "bold"),
                (f" ×{len(entity.mentions)}", "dim"),
            )
            if entity.roles:
                prompt += Content.assemble((" · ", "dim"), (printable(", ".join(entity.roles)), "italic"))
            if entity.resolved:
                prompt += Content.assemble((" = ", "dim"), (printable(entity.resolved), ""))
            self._prompts[key] = prompt
            groups.setdefault(entity.type, []).append(Option(self._marked(entity.id, prompt), id=key))
        for etype in sorted(groups, key=lambda t: (TYPE_ORDER.index(t) if t in TYPE_ORDER else 99, t)):
            title = TYPE_TITLES.get(etype, etype.title())
            options.append(Option(_heading(title, len(groups[etype])), disabled=True))
            options.extend(groups[etype])
        if extraction.numbers:
            options.append(Option(_heading("Numbers", len(extraction.numbers)), disabled=True))
            for i, q in enumerate(sorted(extraction.numbers, key=lambda q: q.start)):
                key = f"n:{i}"
                figure = printable(text[q.start : q.end])
                self._targets[key] = (None, figure, [(q.start, q.end)])
                parts: list[tuple[str, str] | str] = []
                if q.hedge:
                    parts.append((printable(q.hedge) + " ", "italic underline"))
                parts.append((figure, "bold"))
                if q.counts:
                    parts.append((" " + printable(q.counts), ""))
                options.append(Option(Content.assemble(*parts), id=key))
        if not options:
            options.append(Option(Content("no entities found"), disabled=True))
        self.set_options(options)
        self.border_title = f"Entities {len(extraction.entities)}"
        self.highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.post_message(self.Chosen(*target))


def _heading(title: str, count: int) -> Content:
    return Content.assemble((title.upper(), "bold underline"), (f" ({count})", "dim"))
