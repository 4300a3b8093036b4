"""Entities of an Article (placeholder until the entities issue lands)."""

from __future__ import annotations

from parsers.model import Article, Entity, Quantity


def extract_entities(article: Article) -> tuple[tuple[Entity, ...], tuple[Quantity, ...]]:
    return (), ()
