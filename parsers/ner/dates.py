from __future__ import annotations

from dataclasses import dataclass

from parsers.model import Mention


@dataclass(frozen=True, slots=True)
class DateMention:
    name: str
    mentions: tuple[Mention, ...]
    resolved: str | None


def find_dates(text: str, story_date: str | None) -> list[DateMention]:
    return []
