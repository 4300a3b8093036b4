"""The shipped entity model: a plain-data file that loads exactly, and refuses a damaged copy."""

from __future__ import annotations

import gzip
import random

import pytest

from parsers.ner.tagger import (
    CLASSES,
    DATA_DIR,
    MODEL_FILE,
    _best_class,
    decode_model,
    encode_model,
    pack,
    tagger,
    unpack,
)


def test_round_trip_keeps_every_weight_order_and_word() -> None:
    weights = {"bias": [1, -2, 3, 0, 5], "w=Ünïcödé": [-32768, 32767, 0, 7, -7], "l=x": [0, 0, 0, 0, 1]}
    raw = encode_model(weights, ["the", "größe"], "invented test model", 100)
    decoded, vocab = decode_model(raw)
    assert {k: unpack(v) for k, v in decoded.items()} == {k: tuple(v) for k, v in weights.items()}
    assert decoded == {k: pack(v) for k, v in weights.items()}
    assert list(decoded) == list(weights)
    assert vocab == frozenset({"the", "größe"})


def test_shipped_model_loads_with_its_vocabulary() -> None:
    tg = tagger()
    assert len(tg.weights) > 10_000 and len(tg.vocab) > 1_000
    assert all(len(unpack(packed)) == len(CLASSES) for packed in tg.weights.values())
    assert any(min(unpack(packed)) < 0 for packed in tg.weights.values())
    assert "bias" in tg.weights and "the" in tg.vocab


def test_packed_weights_sum_exactly_and_score_as_five_separate_sums() -> None:
    rng = random.Random(7)
    extremes = [-32768, -1, 0, 1, 32767]
    for _ in range(3000):
        rows = [
            [rng.choice(extremes) if rng.random() < 0.3 else rng.randint(-32768, 32767) for _ in CLASSES]
            for _ in range(rng.randint(1, 60))
        ]
        sums = tuple(sum(column) for column in zip(*rows, strict=True))
        assert unpack(sum(pack(r) for r in rows)) == sums
        # Four partial sums, as the tagger adds its feature groups; ties go to the first class.
        cut = sorted(rng.randint(0, len(rows)) for _ in range(3))
        parts = [sum(pack(r) for r in rows[a:b]) for a, b in zip([0, *cut], [*cut, len(rows)], strict=True)]
        best = CLASSES[max(range(len(CLASSES)), key=lambda k: (sums[k], -k))]
        assert _best_class(*parts) == best
    assert _best_class(pack([3, 3, 3, 3, 3]), 0, 0, 0) == "O"
    assert _best_class(pack([-9, -9, -9, -9, -8]), 0, 0, 0) == "MISC"
    with pytest.raises(ValueError, match="lane"):
        pack([0, 1 << 23, 0, 0, 0])


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
