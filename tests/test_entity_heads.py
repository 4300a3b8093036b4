"""Unseen names typed by their head words and context (invented names, none from any corpus or gold story)."""

from __future__ import annotations

import pytest

from parsers.entities import extract_entities
from parsers.load import parse_bytes
from parsers.model import Entity
from parsers.ner.gazetteer import gazetteer
from parsers.ner.heads import apply_heads
from parsers.ner.tokens import Run


def typed(text: str) -> dict[str, Entity]:
    art = parse_bytes(text.encode("utf-8"), "story.txt", "text")
    return {e.name: e for e in extract_entities(art)[0] if e.type not in ("DATE", "NUMBER")}


def run_of(words: str, tags: str, prev: str = "the", nxt: str = "said") -> tuple[str, ...]:
    toks = tuple(words.split())
    starts = tuple(range(len(toks)))
    return apply_heads(Run(toks, starts, starts, prev, nxt, False, False), tuple(tags.split()), gazetteer())


@pytest.mark.parametrize(
    ("sentence", "name", "typ"),
    [
        ("Shares of Tarvel Shipping fell on Monday, traders said.", "Tarvel Shipping", "ORG"),
        ("The deal values Oskaro Holdings at $3 billion, bankers said.", "Oskaro Holdings", "ORG"),
        (
            "Officials at the Ministry of Fisheries denied the report on Monday.",
            "Ministry of Fisheries",
            "ORG",
        ),
        ("Water levels on the Ostra River rose again on Friday, officials said.", "Ostra River", "LOC"),
        ("Farmers in the Dellin Valley lost their crops, the agency said.", "Dellin Valley", "LOC"),
        ("Ships were turned away from Port Saravo on Tuesday, officials said.", "Port Saravo", "LOC"),
        ("Environmental group Blue Harbour said the plan was reckless.", "Blue Harbour", "ORG"),
        ("Hundreds of residents fled from Kessavar overnight, aid workers said.", "Kessavar", "LOC"),
    ],
)
def test_unseen_names_get_the_type_their_head_or_context_gives(sentence: str, name: str, typ: str) -> None:
    ents = typed(sentence)
    assert name in ents, sorted((e.type, n) for n, e in ents.items())
    assert ents[name].type == typ


def test_a_title_is_a_role_not_part_of_the_name() -> None:
    ents = typed("The painting was found on Sunday, Chief Inspector Anke Roos told reporters.")
    assert "Anke Roos" in ents and ents["Anke Roos"].type == "PERSON"
    assert "Chief Inspector" in ents["Anke Roos"].roles


def test_known_places_and_events_keep_their_type() -> None:
    # A gazetteer phrase wins over the head word, and the model's MISC (a league, a cup) stays.
    assert run_of("West Bank", "LOC LOC") == ("LOC", "LOC")
    assert run_of("Northern Premier League", "MISC MISC MISC") == ("MISC", "MISC", "MISC")
    assert run_of("Olympic Committee", "MISC MISC") == ("MISC", "MISC")


def test_a_person_before_of_is_not_swallowed_into_the_organization() -> None:
    assert run_of("Dana Petrov of Orlin Capital", "PER PER O ORG ORG") == ("PER", "PER", "O", "ORG", "ORG")


def test_two_companies_joined_by_and_stay_two() -> None:
    tags = run_of("Marlo Corp and Vesta Industries", "ORG ORG O PER ORG")
    assert tags == ("ORG", "ORG", "O", "ORG", "ORG")


def test_results_lines_are_left_to_the_model() -> None:
    # "Port Kell 2 Ashby Rovers 1": teams, not places.
    assert run_of("Port Kell", "ORG ORG", prev="<S>", nxt="2") == ("ORG", "ORG")


def test_runs_without_head_words_are_untouched() -> None:
    tags = ("PER", "PER")
    assert run_of("Dana Petrov", "PER PER") == tags


def test_a_title_ends_an_x_of_y_name() -> None:
    tags = run_of("Bank of Kessa Governor Ana Lind", "ORG ORG LOC O PER PER")
    assert tags == ("ORG", "ORG", "ORG", "O", "PER", "PER")


def test_the_models_nationality_stays_apart_from_the_head() -> None:
    # "Kessan Police": the adjective the model tagged MISC does not start the organization's name.
    assert run_of("Kessan Police", "MISC O") == ("MISC", "O")


def test_a_name_before_a_common_noun_after_in_is_not_turned_into_a_place() -> None:
    # "in the Marovic affair" names a person's case; "in Marovic on Monday" names a place.
    assert run_of("Marovic", "PER", prev="in", nxt="affair") == ("PER",)
    assert run_of("Marovic", "PER", prev="in", nxt="on") == ("LOC",)
