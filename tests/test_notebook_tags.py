"""The tag set: defaults in one place, user tags normalised so one idea is one tag."""

from __future__ import annotations

from tui.notebook.tags import DEFAULT_TAGS, normalise_tag, tag_set


def test_defaults_cover_the_analysis_tags() -> None:
    for tag in ("key-judgement", "follow-up", "contradiction", "single-source", "unverified", "propaganda",
                "casualty-figure", "disinformation"):  # fmt: skip
        assert tag in DEFAULT_TAGS
    assert tag_set() == DEFAULT_TAGS


def test_normalise_tag() -> None:
    assert normalise_tag("  Follow Up ") == "follow-up"
    assert normalise_tag("[b]Key__Judgement![/b]") == "b-key-judgement-b"
    assert normalise_tag("\x1b[31m") == "31m"
    assert normalise_tag("!!!") is None
    assert len(normalise_tag("x" * 100) or "") == 40


def test_configured_tags_replace_defaults_and_used_tags_are_appended_once() -> None:
    assert tag_set(["Urgent", "follow up"], used=["follow-up", "Source 2"]) == (
        "urgent",
        "follow-up",
        "source-2",
    )
    assert tag_set([]) == ()
