"""Quote-mark pairing: what the claim finder treats as someone's words."""

from __future__ import annotations

import pytest

from parsers.model import Span
from parsers.quotes import find_quotes


def quoted(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[str]:
    paras = [Span(s, e) for s, e in paragraphs] if paragraphs else [Span(0, len(text))]
    return [text[q.start : q.end] for q in find_quotes(text, paras)]


def paras_of(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append((pos, pos + len(chunk)))
        pos += len(chunk) + 2
    return out


def test_curly_quote_and_apostrophes_are_not_quotes() -> None:
    text = "“It hit Soleimani’s convoy,” Ryder said of the journalists’ access and the group’s members."
    assert quoted(text) == ["It hit Soleimani’s convoy,"]


def test_straight_guillemets_and_single_nested_in_double() -> None:
    text = 'He said "no way" and «oui» then “a ‘nested’ one” and it\'s done.'
    assert quoted(text) == ["no way", "oui", "a ‘nested’ one"]


def test_marks_pair_by_type() -> None:
    # A straight mark inside a guillemet quote does not close it.
    text = '« He called it "madness" today », she said.'
    assert quoted(text) == [' He called it "madness" today ']


def test_top_level_single_quotes_bbc_style() -> None:
    text = "'We will not accept it,' the leader told a rally. 'Never.'"
    assert quoted(text) == ["We will not accept it,", "Never."]


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = "“First paragraph of the quote.\n\n“Second paragraph,” he said."
    qs = find_quotes(text, [Span(s, e) for s, e in paras_of(text)])
    assert len(qs) == 1
    assert text[qs[0].start : qs[0].end] == "First paragraph of the quote.\n\n“Second paragraph,"
    assert qs[0].multi_paragraph


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "He warned that “the future is at stake.\n\nThe mayor spoke next."
    assert quoted(text, paras_of(text)) == ["the future is at stake"]


@pytest.mark.parametrize(
    "text",
    ["”", "“", '"', "“ ” “", "a ” b “ c", "'''", "‘’‘", "«", "»»««", '"a" "b', "x’s ’ y‘"],
)
def test_odd_marks_never_raise_and_stay_inside(text: str) -> None:
    for q in find_quotes(text, [Span(0, len(text))]):
        assert 0 <= q.open < q.start <= q.end <= q.close <= len(text)
