"""Claims of an Article (placeholder until the claims issue lands)."""

from __future__ import annotations

from parsers.model import Article, Claim, Entity, Quantity


def extract_claims(
    article: Article, entities: tuple[Entity, ...], numbers: tuple[Quantity, ...]
) -> tuple[Claim, ...]:
    return ()
