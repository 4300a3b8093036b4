"""Article → Extraction: entities, numbers and claims, in one call."""

from __future__ import annotations

from parsers.claims import extract_claims
from parsers.entities import extract_entities
from parsers.model import Article, Extraction


def extract(article: Article) -> Extraction:
    entities, numbers = extract_entities(article)
    claims = extract_claims(article, entities, numbers)
    return Extraction(entities=entities, numbers=numbers, claims=claims)
