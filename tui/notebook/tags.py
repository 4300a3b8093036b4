"""The tag set: defaults that fit analysis, in one place, and the rule for what a tag may look like.

The desk's config (tui/config.py) calls :func:`tag_set` with the user's ``[notebook] tags`` list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

DEFAULT_TAGS: tuple[str, ...] = (
    "key-judgement",
    "follow-up",
    "contradiction",
    "single-source",
    "unverified",
    "propaganda",
    "casualty-figure",
    "disinformation",
    "attribution-gap",
    "timeline",
    "quote-check",
    "background",
)

MAX_TAG = 40
_BAD = re.compile(r"[^a-z0-9\-]+")


def normalise_tag(text: str) -> str | None:
    """``"Key Judgement"`` → ``"key-judgement"``; None when nothing usable is left.

    Tags end up in CSV cells, Markdown and W3C bodies: lowercase letters, digits and hyphens only
    keeps them safe everywhere and stops "Follow up" and "follow-up" becoming two tags."""
    tag = _BAD.sub("-", text.strip().casefold()).strip("-")
    tag = re.sub(r"-{2,}", "-", tag)[:MAX_TAG].strip("-")
    return tag or None


def tag_set(configured: Iterable[str] | None = None, used: Iterable[str] = ()) -> tuple[str, ...]:
    """The palette: configured tags (or the defaults), then tags already used in the notebook."""
    base = DEFAULT_TAGS if configured is None else tuple(configured)
    out: dict[str, None] = {}
    for raw in (*base, *used):
        tag = normalise_tag(raw)
        if tag is not None:
            out[tag] = None
    return tuple(out)
