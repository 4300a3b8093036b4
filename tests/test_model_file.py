"""The shipped entity model: a plain-data file that loads exactly, and refuses a damaged copy."""

from __future__ import annotations

import gzip

import pytest

from parsers.ner.tagger import CLASSES, DATA_DIR, MODEL_FILE, decode_model, encode_model, tagger


def test_round_trip_keeps_every_weight_order_and_word() -> None:
    weights = {"bias": [1, -2, 3, 0, 5], "w=Ünïcödé": [-32768, 32767, 0, 7, -7], "l=x": [0, 0, 0, 0, 1]}
    raw = encode_model(weights, ["the", "größe"], "invented test model", 100)
    decoded, vocab = decode_model(raw)
    assert decoded == {k: tuple(v) for k, v in weights.items()}
    assert list(decoded) == list(weights)
    assert vocab == frozenset({"the", "größe"})


def test_shipped_model_loads_with_its_vocabulary() -> None:
    tg = tagger()
    assert len(tg.weights) > 10_000 and len(tg.vocab) > 1_000
    assert all(len(vec) == len(CLASSES) for vec in tg.weights.values())
    assert "bias" in tg.weights and "the" in tg.vocab


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b'{"format": "something-else"}\n' + raw.partition(b"\n")[2],
        lambda raw: b"not json\n" + raw,
        lambda raw: b"",
    ],
)
def test_damaged_model_is_refused_with_a_clear_error(damage: object) -> None:
    raw = gzip.decompress((DATA_DIR / MODEL_FILE).read_bytes())
    with pytest.raises(ValueError, match="entity model"):
        decode_model(damage(raw))  # type: ignore[operator]
