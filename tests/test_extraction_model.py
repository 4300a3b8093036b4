"""The extraction model's objects: frozen values however they are built (see model._stored_by_slots)."""

from __future__ import annotations

import dataclasses

import pytest

from parsers.model import Claim, ClaimSource, Entity, Mention, Quantity, Span, _stored_by_slots


def test_positional_keyword_and_default_construction_give_the_same_value() -> None:
    assert Quantity(3, 9, 84.0) == Quantity(start=3, end=9, value=84.0, hedge=None, counts=None)
    assert Quantity(3, 9, 84.0, "at least", "people").counts == "people"
    assert Span(0, 4) == Span(0, 4, "body") != Span(0, 4, "quote")
    e = Entity("E1", "PERSON", "Pat Ryder", (Mention(0, 9),))
    assert (e.roles, e.resolved) == ((), None)
    assert e.mentions[0] == Mention(start=0, end=9)
    src = ClaimSource("Ryder", "named", False, entity="E1")
    c = Claim("C1", "quote", src, Span(10, 40), cue=Span(41, 45))
    assert (c.via, c.hedges, c.numbers, c.source.start) == (None, (), (), None)
    assert repr(Mention(1, 2)) == "Mention(start=1, end=2)"
    assert hash(Quantity(1, 2, 3.0)) == hash(Quantity(1, 2, 3.0))


@pytest.mark.parametrize(
    "obj",
    [
        Span(0, 1),
        Mention(0, 1),
        Entity("E1", "ORG", "UN", ()),
        Quantity(0, 1, 1.0),
        ClaimSource(None, "unattributed", False),
        Claim("C1", "paraphrase", ClaimSource(None, "unattributed", False), Span(0, 1)),
    ],
)
def test_every_extraction_object_stays_frozen(obj: object) -> None:
    first = dataclasses.fields(obj)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(obj, first, None)
    assert dataclasses.replace(obj, **{first: getattr(obj, first)}) == obj  # type: ignore[type-var]


def test_missing_or_unknown_arguments_are_refused_as_before() -> None:
    with pytest.raises(TypeError):
        Quantity(1, 2)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Mention(1, 2, 3)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Span(0, 1, colour="red")  # type: ignore[call-arg]


def test_only_plain_fields_get_the_slot_constructor() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: tuple[int, ...] = dataclasses.field(default_factory=tuple)

    with pytest.raises(TypeError, match="only plain fields"):
        _stored_by_slots(WithFactory)

    @dataclasses.dataclass(frozen=True)
    class NoSlots:
        value: int = 0

    with pytest.raises(TypeError, match="with slots only"):
        _stored_by_slots(NoSlots)
