"""Quantities and dates as an analyst reads them: value, hedge, what is counted, resolved dates."""

from __future__ import annotations

import pytest

from parsers.ner.dates import find_dates
from parsers.ner.numbers import find_numbers
from parsers.ner.numerals import word_value


def quantities(text: str) -> list[tuple[str, float, str | None, str | None]]:
    return [(text[q.start : q.end], q.value, q.hedge, q.counts) for q in find_numbers(text)]


def test_hedge_and_casualty_verb_before_the_number() -> None:
    text = "Twin bombings killed at least 84 people at the ceremony."
    assert quantities(text) == [("at least 84 people", 84, "at least", "people killed")]


def test_two_counts_in_one_clause() -> None:
    text = "An official said two people were killed and seven wounded in the strike."
    assert quantities(text) == [
        ("two people", 2, None, "people killed"),
        ("seven wounded", 7, None, "wounded"),
    ]


def test_bare_number_borrows_the_noun_before_it() -> None:
    text = "The country has around 2,500 troops in the north and 900 in the south."
    assert quantities(text) == [
        ("around 2,500 troops", 2500, "around", "troops"),
        ("900", 900, None, "troops"),
    ]


def test_number_in_the_next_sentence_counts_what_the_last_one_named() -> None:
    text = "A spate of attacks hit the bases. Officials say there have been more than 100 since the summer."
    assert quantities(text) == [("more than 100", 100, "more than", "attacks")]


def test_revised_toll_counts_the_dead() -> None:
    text = "The death toll was revised down from around 100 on Friday."
    assert quantities(text) == [("around 100", 100, "around", "killed")]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("twenty-five", 25),
        ("two hundred", 200),
        ("1.5 million", 1_500_000),
        ("2,500", 2500),
        ("dozens", 24),
        ("ninety nine", 99),
        ("three thousand", 3000),
    ],
)
def test_number_words(phrase: str, value: float) -> None:
    assert word_value(phrase) == value


def test_money_percent_and_things_that_are_not_quantities() -> None:
    text = "He paid $5 million; prices rose 25 percent in 1996. The G7 met at 10:30 and an F-16 flew. One of them left."
    assert quantities(text) == [
        ("$5 million", 5_000_000, None, "dollars"),
        ("25 percent", 25, None, "percent"),
    ]


def test_number_word_inside_a_word_neither_counts_nor_hides_the_next_number() -> None:
    # "undergone" ends in "one" and "Someone" in "one": neither is a number, and neither may
    # swallow the real number after it.
    text = "The recruits have undergone six years of training. Someone two hundred metres away watched."
    assert [q[:2] for q in quantities(text)] == [("six", 6), ("two hundred metres", 200)]


def test_sentence_initial_number_word_and_vague_plural() -> None:
    text = "Dozens of protesters were arrested. Twenty-five soldiers died."
    assert quantities(text) == [
        ("Dozens", 24, None, "protesters arrested"),
        ("Twenty-five soldiers", 25, None, "soldiers died"),
    ]


def test_dates_resolve_against_the_story_date() -> None:
    text = (
        "The strike on Thursday came four years ago to the day. Attacks have risen since mid-October, "
        "and elections were held in December. On Jan 4, 2020 and since 2014 the talks stalled; yesterday too."
    )
    found = {d.name: d.resolved for d in find_dates(text, "2024-01-05")}
    assert found == {
        "Thursday": "2024-01-04",
        "four years ago": "2020",
        "mid-October": "2023-10-15",
        "December": "2023-12",
        "Jan 4, 2020": "2020-01-04",
        "2014": "2014",
        "yesterday": "2024-01-04",
    }


def test_dates_without_a_story_date_are_found_but_not_resolved() -> None:
    found = {d.name: d.resolved for d in find_dates("It happened on Wednesday, Thursday's vote aside.", None)}
    assert found == {"Wednesday": None, "Thursday": None}


def test_may_the_verb_is_not_a_month() -> None:
    assert [d.name for d in find_dates("Officials May resign. It may rain in May.", "2024-01-05")] == ["May"]


def test_dates_are_not_numbers() -> None:
    text = "Since 2014, 30 people died; on March 3, 2020 four were hurt."
    dates = find_dates(text, None)
    spans = [(m.start, m.end) for d in dates for m in d.mentions]
    assert [q[0] for q in [(text[q.start : q.end],) for q in find_numbers(text, spans)]] == [
        "30 people",
        "four",
    ]


def test_numbers_in_a_table_line_borrow_the_last_countable_noun_on_their_line() -> None:
    text = "raids 3 2 10\nArsenal 4 0 troops 12 7 at least 5 1,000 civilians 9"
    assert [(q[0], q[3]) for q in quantities(text)] == [
        ("3", "raids"),
        ("2", "raids"),
        ("10", "raids"),
        ("4", None),
        ("0 troops", "troops"),
        ("12", "troops"),
        ("7", "troops"),
        ("at least 5", "troops"),
        ("1,000 civilians", "civilians"),
        ("9", "civilians"),
    ]


def test_no_countable_noun_hides_inside_a_number() -> None:
    # The look-back for a countable noun reads on from the end of the last number on the line
    # without reading the number itself: that is only the same if no number word (scales
    # included) holds one.
    from parsers.ner.numbers import COUNTABLE_RE
    from parsers.ner.numerals import WORD_ALT

    for word in WORD_ALT.split("|"):
        assert COUNTABLE_RE.search(word) is None, word
