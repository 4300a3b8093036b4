"""Shared helpers for the desk tests: fixture stories and a fixed, hand-made Extraction.

The snapshot and Pilot tests must not move when the real extractor changes, so
they swap ``parsers.extract.extract`` for :func:`fixed_extract`, which finds
entities and claims in the fixture story by their literal text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parsers.model import Article, Claim, ClaimSource, Entity, Extraction, Mention, Quantity, Span
from tui.app import WireDeskApp
from tui.config import Config

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "desk"
HARBOUR = FIXTURES / "01_harbour.txt"
INJECTION = FIXTURES / "03_injection.txt"
BROKEN = FIXTURES / "04_broken.txt"


def _find(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return pos, pos + len(needle)


def _mentions(text: str, needle: str) -> tuple[Mention, ...]:
    out, pos = [], text.find(needle)
    while pos != -1:
        out.append(Mention(pos, pos + len(needle)))
        pos = text.find(needle, pos + len(needle))
    return tuple(out)


def fixed_extract(article: Article) -> Extraction:
    """A stable extraction for the harbour story; other stories get a name or two when present."""
    text = article.text
    entities = []
    for eid, etype, name, needle, roles in (
        ("e1", "PERSON", "Maria Okafor", "Okafor", ("union leader",)),
        ("e2", "LOC", "Portville", "Portville", ()),
        ("e3", "PERSON", "Jonas Berg", "Jonas Berg", ("Transport minister",)),
        ("e4", "ORG", "Portville Harbour Authority", "Harbour Authority", ()),
        ("e5", "LOC", "Lindau", "Lindau", ()),
    ):
        mentions = _mentions(text, needle)
        if mentions:
            entities.append(Entity(eid, etype, name, mentions, roles))
    numbers = []
    claims = []
    if "Okafor told" in text:
        s, e = _find(text, "40")
        numbers.append(Quantity(s, e, 40.0, hedge="at least", counts="ships waiting"))
        s, e = _find(text, "3,000")
        numbers.append(Quantity(s, e, 3000.0, counts="members"))
        q_start, q_end = _find(text, "We will not go back until the pay offer is on the table,")
        src = _find(text, "Maria Okafor")
        cue = _find(text, "told")
        claims.append(
            Claim(
                "c1",
                "quote",
                ClaimSource("union leader Maria Okafor", "named", False, "e1", *src),
                Span(q_start, q_end),
                cue=Span(*cue),
            )
        )
        c_start, c_end = _find(text, "talks could resume on Thursday")
        src = _find(text, "A port official")
        cue = _find(text, "said", 1)
        claims.append(
            Claim(
                "c2",
                "paraphrase",
                ClaimSource("A port official", "anonymous", True, None, *src),
                Span(c_start, c_end),
                cue=Span(*cue),
                hedges=("could",),
            )
        )
    return Extraction(entities=tuple(entities), numbers=tuple(numbers), claims=tuple(claims))


@pytest.fixture
def fixed_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("parsers.extract.extract", fixed_extract)


def make_app(*paths: Path | str, **kwargs: object) -> WireDeskApp:
    kwargs.setdefault("config", Config())
    return WireDeskApp([str(p) for p in paths] or [str(FIXTURES)], **kwargs)  # type: ignore[arg-type]


async def wait_loaded(pilot: object, app: WireDeskApp, timeout: float = 10.0) -> None:
    """Wait until the loader has finished (and the first story is on screen)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    from textual.css.query import NoMatches

    while loop.time() < deadline:
        try:
            if not app.desk.stories_loading and app.desk.article_view.article is not None:
                break
        except (NoMatches, IndexError, AssertionError):  # the desk is not composed yet
            pass
        await asyncio.sleep(0.02)
    await pilot.pause()  # type: ignore[attr-defined]
