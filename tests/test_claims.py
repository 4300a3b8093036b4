"""Claims: the wire-copy attribution patterns an analyst relies on, one test each.

Stories here are invented.  Entities are built by hand so that source
resolution is tested on its own, whatever the entity extractor finds.
"""

from __future__ import annotations

import re

import pytest

from parsers.claims import extract_claims
from parsers.load import parse_bytes
from parsers.model import Article, Claim, Entity, Mention, Quantity

HEAD = "Invented story headline\n\n"


def article(body: str) -> Article:
    return parse_bytes((HEAD + body).encode("utf-8"), "story.txt", "text")


def ent(art: Article, eid: str, etype: str, name: str, *surfaces: str, roles: tuple[str, ...] = ()) -> Entity:
    """An entity with a mention at every occurrence of each surface form."""
    spans = sorted(
        (m.start(), m.end()) for s in (name, *surfaces) for m in re.finditer(re.escape(s), art.text)
    )
    return Entity(eid, etype, name, tuple(Mention(a, b) for a, b in spans), roles)


def claims(body: str, entities: tuple[Entity, ...] = (), numbers: tuple[Quantity, ...] = ()) -> list[Claim]:
    return list(extract_claims(article(body), entities, numbers))


def content(art: Article, c: Claim) -> str:
    return art.text[c.content.start : c.content.end]


def one(body: str) -> tuple[Article, Claim]:
    art = article(body)
    found = extract_claims(art, (), ())
    assert len(found) == 1, [content(art, c) for c in found]
    return art, found[0]


# ------------------------------------------------------------------ quote patterns


def test_quote_then_attribution() -> None:
    art, c = one("“We will rebuild the bridge by spring,” Ryder said.")
    assert c.kind == "quote"
    assert content(art, c) == "We will rebuild the bridge by spring"
    assert c.source.text == "Ryder" and c.source.kind == "named"
    assert c.cue is not None and art.text[c.cue.start : c.cue.end] == "said"


def test_quote_then_inverted_attribution_with_appositive() -> None:
    art, c = one("“The port is closed,” said Ryder, a spokesman for the authority.")
    assert content(art, c) == "The port is closed"
    assert c.source.text == "Ryder"


def test_attribution_then_quote() -> None:
    art, c = one("Governor Ana Lenk said: “Every pump we own is running.”")
    assert c.kind == "quote"
    assert content(art, c) == "Every pump we own is running"
    assert c.source.text == "Governor Ana Lenk"


def test_split_quote_is_one_claim() -> None:
    art, c = one("“This is not a strike,” she told reporters, “it is a protest for the people.”")
    assert content(art, c).startswith("This is not a strike")
    assert content(art, c).endswith("a protest for the people")


def test_quote_continuing_after_attribution_in_the_paragraph_is_one_claim() -> None:
    art, c = one("“We were lucky,” said Mara Holt. “Nobody was hurt.”")
    assert content(art, c).endswith("Nobody was hurt")


def test_quote_running_over_paragraphs_is_one_claim() -> None:
    art = article(
        "“People kept driving into the water,” Hale said. “I understand why.\n\n“But you cannot outrun a river.”"
    )
    found = extract_claims(art, (), ())
    assert len(found) == 1
    assert "outrun a river" in content(art, found[0])
    assert found[0].source.text == "Hale"


def test_quote_only_paragraph_continues_the_last_speaker() -> None:
    art = article("“We acted fast,” Chief Inspector Marta Voss said.\n\n“The guard is not a suspect.”")
    found = extract_claims(art, (), ())
    assert [c.source.text for c in found] == ["Chief Inspector Marta Voss", "Chief Inspector Marta Voss"]
    assert found[1].cue is None


# ------------------------------------------------------------------ reported speech


@pytest.mark.parametrize(
    ("body", "source", "needle"),
    [
        (
            "The ministry said that the dam would supply water to the region.",
            "The ministry",
            "the dam would supply",
        ),
        (
            "The ministry said the dam would supply water to the region.",
            "The ministry",
            "the dam would supply",
        ),
        (
            "The dam would supply water to the region, the ministry said.",
            "the ministry",
            "The dam would supply",
        ),
        (
            "According to the port authority, the strike has halted all traffic.",
            "the port authority",
            "halted",
        ),
        (
            "The strike has halted all traffic, according to the port authority.",
            "the port authority",
            "halted",
        ),
        ("Voss told a news conference that the guard had switched off the alarms.", "Voss", "switched off"),
        ("Residents told The Associated Press that warnings came too late.", "Residents", "warnings came"),
        (
            "The Red Dawn Front claimed responsibility for an attack on a border post.",
            "The Red Dawn Front",
            "border post",
        ),
        (
            "In a statement on Telegram, the group said its fighters had seized the post.",
            "the group",
            "seized the post",
        ),
    ],
)
def test_reported_speech(body: str, source: str, needle: str) -> None:
    art, c = one(body)
    assert c.kind == "paraphrase"
    assert c.source.text == source
    assert needle in content(art, c)


def test_two_claims_in_one_sentence() -> None:
    art = article(
        "A US strike in the city killed a commander, the Pentagon said, with the militia saying it hit one of its bases."
    )
    found = extract_claims(art, (), ())
    assert [(c.source.text, content(art, c)) for c in found] == [
        ("the Pentagon", "A US strike in the city killed a commander"),
        ("the militia", "it hit one of its bases"),
    ]


def test_coordinated_cues_are_two_claims_of_one_source() -> None:
    art = article(
        "The ministry said the dam was safe and insisted that a survey had found “no lasting harm”."
    )
    found = extract_claims(art, (), ())
    assert [c.source.text for c in found] == ["The ministry", "The ministry"]
    assert content(art, found[0]) == "the dam was safe"
    assert [c.kind for c in found] == ["paraphrase", "quote"]


def test_relative_who_said_takes_the_antecedent() -> None:
    art = article("The strike hit a depot, according to Ryder, who said it also destroyed two trucks.")
    found = extract_claims(art, (), ())
    assert [c.source.text for c in found] == ["Ryder", "Ryder"]
    assert content(art, found[1]) == "it also destroyed two trucks"


def test_passive_denounced_by_as_quote() -> None:
    art, c = one(
        "The ruling was denounced by environmental group Green Delta as “a death sentence for the wetlands”."
    )
    assert c.kind == "quote"
    assert content(art, c) == "a death sentence for the wetlands"
    assert c.source.text == "environmental group Green Delta"


def test_passive_claimed_by() -> None:
    art, c = one("Several smaller raids earlier in the spring were claimed by the Red Dawn Front.")
    assert content(art, c) == "Several smaller raids earlier in the spring"
    assert c.source.text == "the Red Dawn Front"


def test_participle_confirmed_by() -> None:
    art, c = one(
        "The attack and the toll, confirmed by a militia source who asked not to be named, shocked the town."
    )
    assert content(art, c) == "The attack and the toll"
    assert c.source.anonymous


def test_naming_verbs_need_a_quote() -> None:
    assert claims("The government has condemned some of the attacks on its allies.") == []
    _art, c = one("The council condemned the bombings as a “cowardly terrorist attack”.")
    assert c.kind == "quote" and c.source.text == "The council"


def test_dubbed_in_a_relative_clause() -> None:
    art = article(
        "An official said two people were killed in the strike, which the government dubbed a “blatant aggression”."
    )
    found = extract_claims(art, (), ())
    assert [c.source.text for c in found] == ["An official", "the government"]
    assert content(art, found[0]) == "two people were killed in the strike"
    assert "blatant aggression" in content(art, found[1]) and found[1].kind == "quote"


def test_scare_quotes_inside_a_paraphrase_make_it_a_quote_claim() -> None:
    art, c = one("Leland said the government had “bent over backwards” to meet the demands.")
    assert c.kind == "quote"
    assert content(art, c).startswith("the government had")


def test_a_quoted_title_is_not_a_quote() -> None:
    _art, c = one("Aalst said the painting, “Harbour at Dusk”, was insured for 15 million euros.")
    assert c.kind == "paraphrase"


# ------------------------------------------------------------------ nesting and via


def test_nested_attribution_gives_via() -> None:
    art, c = one(
        "Investigators had confirmed that the first blast was the work of a bomber, "
        "the IRNA news agency reported, citing an informed source."
    )
    assert c.source.text == "the IRNA news agency"
    assert c.via is not None and c.via.text == "an informed source" and c.via.anonymous
    assert content(art, c).startswith("Investigators had confirmed")


def test_quoted_via_keeps_both_quote_marks() -> None:
    _art, c = one(
        "Investigators believed the second blast was “very probably another bomber”, "
        "the IRNA news agency reported, citing an “informed source”."
    )
    assert c.via is not None and c.via.text == "an “informed source”" and c.via.anonymous


def test_according_to_on_another_claim_is_its_via() -> None:
    _art, c = one(
        "The strike was denounced by Prime Minister Ana Lenk as “an assault”, according to her office."
    )
    assert c.source.text == "Prime Minister Ana Lenk"
    assert c.via is not None and c.via.text == "her office"


def test_reported_citing_that() -> None:
    art, c = one(
        "The Financial Ledger reported in January, citing an unnamed banker, that Kestrel had hired advisers."
    )
    assert content(art, c) == "Kestrel had hired advisers"
    assert c.via is not None and c.via.anonymous


def test_quoted_by_outlet_as_saying() -> None:
    art, c = one("Mr Vessel was later quoted by the Marendi Herald as saying he would appeal.")
    assert c.source.text == "Mr Vessel"
    assert c.via is not None and c.via.text == "the Marendi Herald"
    assert content(art, c) == "he would appeal"


# ------------------------------------------------------------------ anonymity


@pytest.mark.parametrize(
    "source",
    [
        "An Iraqi security official",
        "A senior port official, speaking on condition of anonymity,",
        "An official who asked not to be named because he was not authorized to speak",
        "Two diplomats involved in the talks",
        "People familiar with the matter",
        "A spokesperson for Prime Minister Ana Lenk",
        "Local fishermen",
        "One of the diplomats",
    ],
)
def test_anonymous_sources(source: str) -> None:
    _art, c = one(f"{source} said the talks had stalled over the prisoner list.")
    assert c.source.anonymous and c.source.kind == "anonymous"


def test_spokesperson_for_x_is_anonymous_affiliated_to_x() -> None:
    art = article(
        "Prime Minister Ana Lenk spoke.\n\n“We hold them responsible,” a spokesperson for Lenk said in a statement."
    )
    lenk = ent(art, "E1", "PERSON", "Ana Lenk", "Lenk")
    (c,) = extract_claims(art, (lenk,), ())
    assert c.source.anonymous and c.source.entity == "E1"
    assert c.source.text == "a spokesperson for Lenk"


def test_document_source() -> None:
    _art, c = one("The mine produced 112,000 tonnes last year, according to the company's annual report.")
    assert c.source.kind == "document"


# ------------------------------------------------------------------ resolution


def test_pronoun_resolves_to_last_person_entity() -> None:
    art = article(
        "Governor Ana Lenk visited the town.\n\nShe said the government would ask for emergency funds."
    )
    lenk = ent(art, "E1", "PERSON", "Ana Lenk")
    (c,) = extract_claims(art, (lenk,), ())
    assert c.source.text == "She" and c.source.entity == "E1" and c.source.kind == "named"


def test_pronoun_without_entities_takes_the_last_named_speaker() -> None:
    art = article("Ana Lenk said the river was rising.\n\nShe said the pumps were running.")
    found = extract_claims(art, (), ())
    assert found[1].source.text == "Ana Lenk"


def test_title_only_resolves_to_the_role_holder() -> None:
    body = (
        "Pentagon spokesman Major General Pat Ryder said the strike was in self-defence.\n\n"
        "The Pentagon spokesman insisted Iraq remains “an important partner”."
    )
    art = article(body)
    ryder = ent(art, "E1", "PERSON", "Pat Ryder", "Ryder", roles=("Pentagon spokesman",))
    found = extract_claims(art, (ryder,), ())
    assert found[1].source.entity == "E1"
    # Without entities the text itself says who holds the role.
    found = extract_claims(art, (), ())
    assert found[1].source.text == "Pat Ryder"


def test_surname_resolves_to_person_entity() -> None:
    art = article("Pieter Aalst runs the museum.\n\nAalst said the security met every standard.")
    aalst = Entity("E1", "PERSON", "Pieter Aalst", (Mention(len(HEAD), len(HEAD) + 12),))
    (c,) = extract_claims(art, (aalst,), ())
    assert c.source.entity == "E1"


def test_acronym_resolves_to_its_long_form_without_entities() -> None:
    art = article(
        "Islamic State (IS) claims responsibility for the bombings.\n\nIS said two of its members carried out the attack."
    )
    found = extract_claims(art, (), ())
    assert found[-1].source.text == "Islamic State"


def test_the_group_refers_back_to_the_organisation() -> None:
    art = article(
        "The Red Dawn Front claimed responsibility for the attack.\n\nThe group said its fighters seized weapons."
    )
    front = ent(art, "E1", "ORG", "Red Dawn Front")
    found = extract_claims(art, (front,), ())
    assert found[1].source.entity == "E1"


# ------------------------------------------------------------------ cues, hedges, numbers


def test_typo_in_cue_is_tolerated() -> None:
    art, c = one("The Pentagon spokesman inisted Iraq remains “an important and valued partner”.")
    assert c.cue is not None and art.text[c.cue.start : c.cue.end] == "inisted"


def test_real_words_near_a_cue_are_not_typos() -> None:
    assert claims("The company started the new line and listed its shares in March.") == []


@pytest.mark.parametrize(
    ("body", "hedged"),
    [
        ("Police said at least 84 people were killed.", True),
        ("Police said more than 100 attacks had taken place.", True),
        ("Police said two people were killed and seven wounded.", False),
        ("Police said the suspect had reportedly fled abroad.", True),
        ("The ministry said it would consult the government about the safety of the site.", False),
    ],
)
def test_hedges(body: str, hedged: bool) -> None:
    _art, c = one(body)
    assert bool(c.hedges) is hedged


def test_unverified_next_sentence_hedges_the_claim() -> None:
    _art, c = one("Police said they had arrested six people. The figure could not be independently verified.")
    assert "could not be independently verified" in c.hedges


def test_numbers_are_indexes_into_the_story_numbers() -> None:
    art = article("Police said at least 84 people were killed.")
    start = art.text.index("84")
    nums = (Quantity(start, start + 2, 84.0, hedge="at least", counts="people"), Quantity(0, 1, 1.0))
    (c,) = extract_claims(art, (), nums)
    assert c.numbers == (0,)
    assert "at least" in c.hedges


def test_non_speech_uses_of_cue_words_are_not_claims() -> None:
    assert claims("The disease claimed the lives of 20 people.") == []
    assert claims("The initiatives announced by the agency include stricter testing.") == []


def test_headline_is_not_scanned() -> None:
    art = parse_bytes(
        b"Militants claim responsibility for attack\n\nThe town was quiet on Monday.", "s.txt", "text"
    )
    assert extract_claims(art, (), ()) == ()


def test_ids_are_stable_and_spans_inside_text() -> None:
    body = "“A,” he said. The ministry said the dam was safe. “B is fine,” said Ryder, a spokesman."
    art = article(body)
    first = [c.to_json(art.text) for c in extract_claims(art, (), ())]
    assert first == [c.to_json(art.text) for c in extract_claims(art, (), ())]
    assert [c["id"] for c in first] == [f"C{i + 1}" for i in range(len(first))]
    for c in extract_claims(art, (), ()):
        assert 0 <= c.content.start < c.content.end <= len(art.text)


# ------------------------------------------------------------------ fast paths
# The speed-ups (cue words found from the probe's word list, hedges matched on lower-cased
# text) must find exactly what the plain regex scans find, at every window edge.
_TRICKY = (
    "He said-so; unsaid “said” Said said’s saidx said. They inisted, according to Accordingly, "
    "citing officials, claimed  responsibility In a statement. KELVIN at least 5, ſome 3, "
    "it was not clear, İt could not be independently verified, reportedly ı said"
)


def test_cue_words_from_the_probe_match_the_cue_regex_at_every_window() -> None:
    from parsers.attribution import find_cues, probe

    text = _TRICKY
    edges = range(0, len(text) + 1, 3)
    compared = 0
    for lo in edges:
        for hi in edges:
            present = probe(text, lo, hi) if lo <= hi else None
            if present is None:
                continue
            assert find_cues(text, lo, hi, [], present) == find_cues(text, lo, hi, []), (lo, hi)
            compared += 1
    assert compared > 1000


@pytest.mark.parametrize("text", [_TRICKY, _TRICKY.replace("ſ", "s").replace("İ", "I").replace("ı", "i")])
def test_hedges_on_folded_text_match_the_case_blind_regex(text: str) -> None:
    from parsers.attribution import find_hedges, foldable, hedge_runs, letter_runs

    fold = foldable(text)
    runs = hedge_runs(text, letter_runs(text))
    edges = range(0, len(text) + 1, 4)
    for lo in edges:
        for hi in edges:
            if lo <= hi:
                plain = find_hedges(text, lo, hi)
                assert find_hedges(text, lo, hi, fold=fold) == plain, (lo, hi)
                assert find_hedges(text, lo, hi, fold=fold, runs=runs) == plain, (lo, hi)
    # The cleaned variant can use the fast paths, the tricky one must not.
    assert (runs is None) == (not fold) == ("ſ" in text)
