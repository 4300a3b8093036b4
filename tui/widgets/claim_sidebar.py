"""Claims of the open story: one compact row each, and a detail line for the highlighted one."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from parsers.model import Article, Claim, Extraction
from tui.article_layout import printable
from tui.keymap import LIST_KEYS, bindings

QUOTE_MARK, PARAPHRASE_MARK, HEDGED_MARK, ANONYMOUS_MARK = "“", "≈", "~", "?"
LEGEND = f"{QUOTE_MARK} quote  {PARAPHRASE_MARK} paraphrase  {HEDGED_MARK} hedged  {ANONYMOUS_MARK} anonymous"


def claim_marks(claim: Claim) -> str:
    return (
        (QUOTE_MARK if claim.kind == "quote" else PARAPHRASE_MARK)
        + (HEDGED_MARK if claim.hedges else " ")
        + (ANONYMOUS_MARK if claim.source.anonymous or (claim.via and claim.via.anonymous) else " ")
    )


def claim_row(claim: Claim, text: str) -> Content:
    source = printable(claim.source.text or claim.source.kind)
    content = printable(" ".join(text[claim.content.start : claim.content.end].split()))
    return Content.assemble(
        (claim_marks(claim), "bold"),
        " ",
        (source[:24], "bold"),
        (" → ", "dim"),
        content[:80],
    )


def claim_detail(claim: Claim, text: str) -> Content:
    cue = printable(text[claim.cue.start : claim.cue.end]) if claim.cue else "—"
    parts: list[tuple[str, str] | str] = [
        ("cue ", "dim"),
        (cue, "underline"),
        ("  source ", "dim"),
        (printable(claim.source.text or "(none)"), "bold"),
        (f" [{claim.source.kind}]", "dim"),
    ]
    if claim.via is not None:
        parts += [("  via ", "dim"), printable(claim.via.text or "(unnamed)")]
    if claim.hedges:
        parts += [("  hedged ", "dim"), (printable(", ".join(claim.hedges)), "italic")]
    return Content.assemble(*parts)


class ClaimList(OptionList):
    BINDINGS = bindings(LIST_KEYS)


class ClaimSidebar(Vertical):
    """enter on a claim jumps to it in the article and selects it."""

    class Chosen(Message):
        def __init__(self, claim_id: str) -> None:
            super().__init__()
            self.claim_id = claim_id

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Claims"
        self._claims: dict[str, Claim] = {}
        self._text = ""
        # Notebook marks by claim id, kept across show().
        self._marks: dict[str, str] = {}

    @property
    def highlighted_claim(self) -> str | None:
        option = self.query_one(ClaimList).highlighted_option
        return option.id if option is not None and option.id in self._claims else None

    def set_marks(self, marks: Mapping[str, str]) -> None:
        """Notebook marks for claim rows (``{claim_id: "#"}``); replaces the previous set."""
        old, self._marks = self._marks, {k: v[:1] for k, v in marks.items() if v}
        claim_list = self.query_one(ClaimList)
        for claim_id in old.keys() | self._marks.keys():
            claim = self._claims.get(claim_id)
            if claim is not None and old.get(claim_id) != self._marks.get(claim_id):
                claim_list.replace_option_prompt(claim_id, self._row(claim))

    def _row(self, claim: Claim) -> Content:
        return Content.assemble((f"{self._marks.get(claim.id, ' ')}", "bold"), claim_row(claim, self._text))

    def compose(self) -> ComposeResult:
        yield ClaimList(id="claim-list")
        yield Static(Content(LEGEND), id="claim-detail", markup=False)

    def show(self, article: Article | None, extraction: Extraction) -> None:
        self._text = article.text if article else ""
        self._claims = {c.id: c for c in extraction.claims}
        ordered = sorted(extraction.claims, key=lambda c: c.content.start)
        options = [Option(self._row(c), id=c.id) for c in ordered]
        claim_list = self.query_one(ClaimList)
        claim_list.set_options(options or [Option(Content("no claims found"), disabled=True)])
        claim_list.highlighted = 0 if options else None
        self.border_title = f"Claims {len(options)}"
        self._show_detail(ordered[0].id if ordered else None)

    def select(self, claim_id: str) -> None:
        claim_list = self.query_one(ClaimList)
        try:
            claim_list.highlighted = claim_list.get_option_index(claim_id)
        except Exception:  # noqa: BLE001 — an id from a stale extraction: nothing to select
            return

    def _show_detail(self, claim_id: str | None) -> None:
        claim = self._claims.get(claim_id or "")
        detail = self.query_one("#claim-detail", Static)
        detail.update(claim_detail(claim, self._text) if claim else Content(LEGEND))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._show_detail(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(event.option.id))
