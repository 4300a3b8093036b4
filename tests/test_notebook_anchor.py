"""Anchors re-attach when a story is re-parsed or re-sent; the ones that cannot become orphans."""

from __future__ import annotations

import pytest

from tests.notebook_support import BODY, article, find
from tui.notebook.anchor import make_anchor, reanchor, refresh
from tui.notebook.model import Target, new_annotation
from tui.notebook.resolve import reattach

TEXT = article().text
QUOTE = "A military source, speaking on condition of anonymity, said the figure could rise."


def _anchor(needle: str = QUOTE) -> object:
    return make_anchor(TEXT, *find(TEXT, needle))


def test_make_anchor_keeps_quote_and_32_characters_of_context() -> None:
    start, end = find(TEXT, QUOTE)
    a = make_anchor(TEXT, start, end)
    assert (a.start, a.end, a.exact) == (start, end, QUOTE)
    assert a.prefix == TEXT[start - 32 : start] and a.suffix == TEXT[end : end + 32]
    with pytest.raises(ValueError):
        make_anchor(TEXT, 5, len(TEXT) + 1)


def test_unchanged_text_keeps_offsets() -> None:
    a = make_anchor(TEXT, *find(TEXT, QUOTE))
    assert reanchor(TEXT, a) == find(TEXT, QUOTE)
    assert refresh(TEXT, a) is a


def test_moved_text_is_found_by_quote() -> None:
    a = make_anchor(TEXT, *find(TEXT, QUOTE))
    moved = "UPDATE 1 - new paragraph added on top of the story.\n\n" + TEXT
    assert reanchor(moved, a) == find(moved, QUOTE)


def test_repeated_quote_is_disambiguated_by_its_context() -> None:
    text = "He said no. Later, at the briefing, He said no. Then the talks ended."
    second = text.index("He said no.", 5)
    a = make_anchor(text, second, second + len("He said no."))
    shifted = "Preamble. " + text
    assert reanchor(shifted, a) == (second + 10, second + 10 + len("He said no."))


def test_lightly_edited_text_is_found_fuzzily() -> None:
    a = make_anchor(TEXT, *find(TEXT, QUOTE))
    edited_quote = "A military source, speaking on condition of anonymity, said the toll could rise further."
    edited = "CORRECTED - " + TEXT.replace(QUOTE, edited_quote)
    found = reanchor(edited, a)
    assert found is not None
    lo, hi = find(edited, edited_quote)
    # The match covers the edited sentence (give or take the changed words at its end).
    assert found[0] == lo and hi - 20 <= found[1] <= hi


def test_removed_text_is_an_orphan_and_kept() -> None:
    a = make_anchor(TEXT, *find(TEXT, QUOTE))
    gone = TEXT.replace(QUOTE, "Nothing else was said.")
    assert reanchor(gone, a) is None
    ann = new_annotation("s", Target("sentence"), a, tags=("unverified",))
    moved, orphans = reattach(gone, [ann])
    assert moved == () and orphans == (ann,)


def test_reattach_remakes_moved_anchors_at_their_new_place() -> None:
    ann = new_annotation("s", Target("sentence"), make_anchor(TEXT, *find(TEXT, QUOTE)))
    newer = "URGENT\n\n" + TEXT
    moved, orphans = reattach(newer, [ann])
    assert orphans == ()
    assert moved[0].id == ann.id and moved[0].anchor is not None
    assert newer[moved[0].anchor.start : moved[0].anchor.end] == QUOTE


def test_short_quotes_are_not_matched_fuzzily() -> None:
    a = make_anchor(TEXT, *find(TEXT, "KYIV"))
    assert reanchor(TEXT.replace("KYIV", "KIEV"), a) is None


def test_annotations_follow_a_resent_story_by_source_path() -> None:
    from tui.notebook.model import Notebook, StoryState
    from tui.notebook.resolve import resolve, story_annotations

    old = article()
    ann = new_annotation(
        old.id, Target("sentence"), make_anchor(old.text, *find(old.text, QUOTE)), tags=("unverified",)
    )
    other = new_annotation("someone-else", Target("span"), make_anchor(old.text, 0, 4))
    nb = Notebook(stories=(StoryState(old.id, old.source, "", "read"),), annotations=(ann, other))
    resent = article(body=("UPDATE 1 - adds detail.", *BODY))
    assert resent.id != old.id and resent.source == old.source
    assert story_annotations(resent, nb) == (ann,)
    placed = resolve(resent, ann)
    assert not placed.orphan and placed.text == QUOTE
    assert resolve(None, ann).orphan is False  # no text at hand: unplaced, not an orphan
