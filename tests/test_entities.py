"""Entities as the analyst sees them: names, types, roles, merged aliases, offsets (invented sentences)."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from parsers.entities import extract_entities
from parsers.formats import ParseError
from parsers.load import iter_story_paths, parse_bytes, parse_path
from parsers.model import Article, Entity
from tests.conftest import CORPORA, ROOT, SEED_STORY, corpus


def article(text: str, date: str | None = None) -> Article:
    art = parse_bytes(text.encode("utf-8"), "story.txt", "text")
    if date is not None:
        art = dataclasses.replace(art, meta=dataclasses.replace(art.meta, date=date))
    return art


def entities(text: str, date: str | None = None) -> tuple[Article, tuple[Entity, ...]]:
    art = article(text, date)
    return art, extract_entities(art)[0]


def surfaces(art: Article, ent: Entity) -> list[str]:
    return [art.text[m.start : m.end] for m in ent.mentions]


def by_name(ents: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in ents if e.name == name]
    assert found, f"no entity named {name!r} in {[(e.type, e.name) for e in ents]}"
    return found[0]


def names(ents: tuple[Entity, ...], typ: str | None = None) -> set[str]:
    return {e.name for e in ents if typ is None or e.type == typ}


def test_title_chain_is_roles_not_part_of_the_name() -> None:
    art, ents = entities(
        "Strike hits depot\n\nBut Pentagon spokesman Major General Pat Ryder said the strike was lawful. "
        "Ryder told reporters in Washington the raid was over."
    )
    ryder = by_name(ents, "Pat Ryder")
    assert ryder.type == "PERSON"
    assert surfaces(art, ryder) == ["Pat Ryder", "Ryder"]
    assert "Pentagon spokesman" in ryder.roles and "Major General" in ryder.roles
    assert by_name(ents, "Pentagon").type == "ORG"
    assert not any("General" in s for e in ents for s in surfaces(art, e) if e.type == "PERSON")
    assert "But" not in names(ents)


def test_nationality_before_office_and_arabic_particles() -> None:
    _art, ents = entities("Iraqi Prime Minister Mohammed Shia al-Sudani condemned the raid, his office said.")
    pm = by_name(ents, "Mohammed Shia al-Sudani")
    assert pm.type == "PERSON" and pm.roles == ("Iraqi Prime Minister",)
    assert by_name(ents, "Iraqi").type == "MISC"


def test_apposition_gives_a_role() -> None:
    _, ents = entities(
        'The group said "the deputy commander of operations for Basra, Karim Jaber al-Tamimi" was killed.'
    )
    assert by_name(ents, "Karim Jaber al-Tamimi").roles == ("deputy commander of operations for Basra",)


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "Dutch Foreign Minister Pieter van der Berg arrived. Van der Berg said little.",
            "Pieter van der Berg",
        ),
        ("The poet Jean de la Fontaine wrote fables in Paris.", "Jean de la Fontaine"),
        ("Officials said Hamza bin Laden had been seen in Kabul.", "Hamza bin Laden"),
    ],
)
def test_name_particles_stay_inside_the_name(text: str, full: str) -> None:
    _, ents = entities(text)
    assert by_name(ents, full).type == "PERSON"


def test_acronym_in_parentheses_merges_with_its_expansion() -> None:
    art, ents = entities(
        "The Organisation for Regional Cooperation (ORC) met on Monday. The ORC said it would meet again."
    )
    org = by_name(ents, "Organisation for Regional Cooperation")
    assert org.type == "ORG"
    assert surfaces(art, org) == ["Organisation for Regional Cooperation", "ORC", "ORC"]


def test_well_known_acronyms_merge_and_distinct_things_stay_distinct() -> None:
    art, ents = entities(
        "The United States has 2,500 troops in Iraq. US officials said the Islamic Resistance in Iraq "
        "claimed the attack. The U.N. and the UN Security Council were told."
    )
    us = by_name(ents, "United States")
    assert {"US", "United States"} <= set(surfaces(art, us))
    iraq = by_name(ents, "Iraq")
    assert iraq.type == "LOC"
    assert all(art.text[m.start : m.end] == "Iraq" for m in iraq.mentions)
    assert "Islamic Resistance in Iraq" not in surfaces(art, iraq)


def test_shortened_organization_name_merges_with_the_full_one() -> None:
    art, ents = entities(
        "Fighters of Al-Hashed al-Shaabi moved north. The Hashed al-Shaabi denied it, and a Hashed "
        "commander said Hashed units stayed."
    )
    hashed = by_name(ents, "Al-Hashed al-Shaabi")
    assert {"Al-Hashed al-Shaabi", "Hashed al-Shaabi", "Hashed"} <= set(surfaces(art, hashed))


def test_all_caps_headline_and_dateline() -> None:
    _art, ents = entities(
        "REBELS SEIZE TOWN NEAR KABUL\n\nKABUL (Reuters) - Rebels seized a town near Kabul on Thursday, "
        "the Afghan defence ministry said."
    )
    kabul = [e for e in ents if e.type == "LOC" and e.name.lower() == "kabul"]
    assert len(kabul) == 1 and len(kabul[0].mentions) == 3
    assert not names(ents) & {"REBELS", "SEIZE", "TOWN", "Rebels"}
    assert by_name(ents, "Reuters").type == "ORG"


def test_sentence_initial_words_are_not_names() -> None:
    _, ents = entities(
        "Talks resume\n\nBut Thursday's vote was delayed. However, the Ministry of Health said it would "
        "publish figures. Meanwhile Oslo waited."
    )
    assert not names(ents) & {"But", "However", "Meanwhile", "Thursday's", "Talks"}
    assert by_name(ents, "Ministry of Health").type == "ORG"
    assert by_name(ents, "Oslo").type == "LOC"
    assert by_name(ents, "Thursday").type == "DATE"


@pytest.mark.parametrize("apostrophe", ["'", "\u2019"])
def test_possessives_are_not_part_of_the_name(apostrophe: str) -> None:
    art, ents = entities(f"Mourners gathered at Qasem Soleimani{apostrophe}s tomb in Kerman.")
    person = by_name(ents, "Qasem Soleimani")
    assert surfaces(art, person) == ["Qasem Soleimani"]
    assert by_name(ents, "Kerman").type == "LOC"


def test_hyphenated_adjectives_name_the_nationality() -> None:
    art, ents = entities("Pro-government crowds met pro-Iranian militias and anti-American protesters.")
    assert by_name(ents, "Iranian").type == "MISC"
    assert by_name(ents, "American").type == "MISC"
    assert all(art.text[m.start : m.end][0].isupper() for e in ents for m in e.mentions)


def test_names_inside_quotes() -> None:
    _, ents = entities(
        '"NATO will not leave Latvia," said Maria Lindqvist, a senior analyst at the Nordic Institute.'
    )
    assert by_name(ents, "NATO").type == "ORG"
    assert by_name(ents, "Latvia").type == "LOC"
    lindqvist = by_name(ents, "Maria Lindqvist")
    assert lindqvist.type == "PERSON" and lindqvist.roles == ("senior analyst at the Nordic Institute",)
    assert by_name(ents, "Nordic Institute").type == "ORG"


def test_sports_results_lines() -> None:
    art = article("SOCCER - ENGLISH LEAGUE RESULTS\n\nLeeds 2 Chelsea 1\n\nArsenal 3 Everton 0")
    ents, numbers = extract_entities(art)
    assert {"Leeds", "Chelsea", "Arsenal", "Everton"} <= names(ents, "ORG")
    assert [q.value for q in numbers] == [2, 1, 3, 0]


def test_every_mention_is_its_surface_and_ids_are_stable() -> None:
    art = parse_path(str(SEED_STORY))
    first, numbers = extract_entities(art)
    again, _ = extract_entities(parse_path(str(SEED_STORY)))
    assert [e.to_json() for e in first] == [e.to_json() for e in again]
    assert [e.id for e in first] == [f"E{i}" for i in range(1, len(first) + 1)]
    starts = [e.mentions[0].start for e in first if e.type != "DATE"]
    assert starts == sorted(starts)  # ids follow the order of first mention
    for ent in first:
        for m in ent.mentions:
            surface = art.text[m.start : m.end]
            assert surface and surface == surface.strip()
    for q in numbers:
        assert art.text[q.start : q.end].strip() == art.text[q.start : q.end]


def test_seed_story_entities_the_desk_shows() -> None:
    art = parse_path(str(SEED_STORY))
    ents, _ = extract_entities(art)
    assert by_name(ents, "Pat Ryder").roles[:2] == ("Pentagon spokesman", "Major General")
    assert {"IS", "Islamic State group", "Islamic State jihadist group"} <= set(
        surfaces(art, by_name(ents, "Islamic State"))
    )
    assert "Soleimani" in surfaces(art, by_name(ents, "Qasem Soleimani"))
    assert "Sudani" in surfaces(art, by_name(ents, "Mohammed Shia al-Sudani"))
    assert {"Israel", "Hamas"} <= names(ents)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", "from tui.cli import run; run()", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )


def test_extract_refuses_a_binary_file_with_one_clear_line(tmp_path: Path) -> None:
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    story = tmp_path / "story.txt"
    story.write_text("Pat Ryder spoke in Baghdad on Thursday.\n", encoding="utf-8")
    proc = _cli("extract", "--json", str(binary), str(story))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "binary" in lines[0] and str(binary) in lines[0]
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["path"] for o in out] == [str(story)]
    assert {e["name"] for e in out[0]["entities"]} >= {"Pat Ryder", "Baghdad"}


def test_extract_exits_0_on_the_shipped_seeds() -> None:
    proc = _cli("extract", "--json", str(ROOT / "seeds"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.count("\n") >= 1


def test_extraction_holds_on_every_story_in_the_shared_corpora() -> None:
    """Every file the folder walk offers either parses and extracts with valid offsets, or is refused
    as not a story (schemas, packages) by the reader with a reason — never a crash."""
    root = corpus()
    stories = 0
    for path in iter_story_paths([str(root), str(CORPORA.parent / "seeds")]):
        try:
            art = parse_path(path)
        except ParseError:
            continue
        ents, numbers = extract_entities(art)
        stories += 1
        for e in ents:
            for m in e.mentions:
                assert 0 <= m.start < m.end <= len(art.text), path
        for q in numbers:
            assert 0 <= q.start < q.end <= len(art.text), path
    assert stories >= 50


def test_unknown_places_in_a_dateline_are_places_throughout_the_story() -> None:
    _art, ents = entities(
        "Rain cuts off mountain villages\n\n"
        "QUESSANT, Dravonia, June 2 (AFP) - Floods cut off three villages in Dravonia on Monday, "
        "officials said.\n\nQuessant residents said the water rose within an hour."
    )
    assert by_name(ents, "Dravonia").type == "LOC"
    assert by_name(ents, "Quessant").type == "LOC"
    assert by_name(ents, "AFP").type == "ORG"


def test_listed_armed_group_is_one_name_even_with_a_place_inside() -> None:
    _, ents = entities(
        "Invented headline\n\nMany of the raids were claimed by the Islamic Resistance in Iraq, a loose "
        "alliance of armed groups, officials said on Monday."
    )
    group = by_name(ents, "Islamic Resistance in Iraq")
    assert group.type == "ORG"
    assert "Iraq" not in names(ents)  # the place is part of the name here


def test_religion_words_together_are_misc_not_an_organization() -> None:
    _, ents = entities(
        "Invented headline\n\nThe units had battled Sunni Muslim jihadists in the north, the ministry said."
    )
    assert by_name(ents, "Sunni Muslim").type == "MISC"


def test_organizations_last_word_alone_is_that_organization_when_only_one_ends_with_it() -> None:
    art, ents = entities(
        "Invented headline\n\nTESTVILLE, May 9 (AFP) - Fighters of the Coastal Guards fired at the boats, "
        "the Interior Ministry said. The Guards’ commander denied it. The Foreign Ministry and the "
        "Interior Ministry disagreed, and the Ministry declined to comment."
    )
    guards = by_name(ents, "Coastal Guards")
    assert surfaces(art, guards) == ["Coastal Guards", "Guards"]
    # two ministries end with "Ministry": the short form is ambiguous and stays on its own
    assert surfaces(art, by_name(ents, "Interior Ministry")) == ["Interior Ministry", "Interior Ministry"]


def test_a_nationality_is_not_short_for_an_event_named_after_it() -> None:
    art, ents = entities(
        "Invented headline\n\nThe Ostrelian Open starts on Monday. The Australian said he would play "
        "in the Australian Open next year, and an Australian official agreed."
    )
    assert surfaces(art, by_name(ents, "Australian Open")) == ["Australian Open"]
    assert by_name(ents, "Australian").type == "MISC"
