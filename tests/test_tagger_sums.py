"""The tagger's fast sums (per-template weight tables) equal summing the weights of the feature
strings ``parsers.ner.features`` spells, which is what the trainer learnt them from."""

from __future__ import annotations

import random

import pytest

from parsers.ner.features import context_features, line_features, own_features, shape, word_features
from parsers.ner.tagger import Tagger, pack, tagger

_CONTEXTS = [(False, False), (True, False), (False, True), (True, True)]

# Words that exercise every branch of the features: hyphens (with a listed head), non-ASCII
# letters, digits, abbreviations, capitals, short words, and spellings that look like features
# (separated by white space).
_HAND_PICKED = """
    Pat pat PAT the The THE a I Al al-Sudani pro-Iranian Saint-Denis Anglo-French US-based al- - --
    a-b-c New-York U.S. U.S St. Mr. 1996 3.5 10-12 1,000 Müller MÜLLER Łódź São ÉCOLE Ärzte straße
    İstanbul Zxqvbnmkj xq sh=x Sh=X p=sh=X w=Pat l=pat = O'Neill McDonald iPhone NATO Nato Baghdad
    BAGHDAD Iraq Iraqi Kurdish Sunni Reuters Monday ٣٤ ² Ⅻ
"""


def _words(tg: Tagger, n: int) -> list[str]:
    """Hand-picked words, words of the model and of the gazetteer (as written, capitalized and in
    capitals, with hyphens joining them), in a fixed sample."""
    rng = random.Random(3)
    parts = [name.partition("=")[2] for name in tg.weights if "=" in name]
    listed = sorted(w for w in tg.gaz.words if " " not in w)
    vocab = sorted(tg.vocab)
    sample = rng.sample(parts, n) + rng.sample(listed, n // 4) + rng.sample(vocab, n // 4)
    words = [*_HAND_PICKED.split(), *sample]
    words += [w.capitalize() for w in sample[::3]] + [w.upper() for w in sample[::7]]
    words += [f"{rng.choice(listed)}-{rng.choice(sample).capitalize()}" for _ in range(n // 10)]
    return [w for w in dict.fromkeys(words) if w]


def _feature_sum(weights: dict[str, int], feats: list[str]) -> int:
    return sum(weights.get(f, 0) for f in feats)


def _assert_sums_equal(tg: Tagger, words: list[str]) -> None:
    gaz, vocab, weights = tg.gaz, tg.vocab, tg.weights
    for word in words:
        low, shp = word.lower(), shape(word)
        assert tg.own_sum(word, low, shp) == _feature_sum(weights, own_features(word, gaz, vocab)), word
        for si, ac in _CONTEXTS:
            line = _feature_sum(weights, line_features(word, si, ac, vocab))
            assert tg.line_sum(low, shp, si, ac) == line, (word, si, ac)
            entry, entry_shape = tg._word_entry(word, si, ac)
            assert entry == _feature_sum(weights, word_features(word, si, ac, gaz, vocab)), (word, si, ac)
            assert entry_shape == shp
        assert tg.prev_sum(word) == _feature_sum(weights, context_features(word, "p=")), word
        assert tg.next_sum(word) == _feature_sum(weights, context_features(word, "n=")), word


def test_fast_sums_equal_feature_sums_on_the_shipped_model() -> None:
    tg = tagger()
    words = _words(tg, 3000)
    _assert_sums_equal(Tagger(weights=tg.weights, vocab=tg.vocab, gaz=tg.gaz), words)


def _every_feature_weighted(tg: Tagger, words: list[str], seed: int) -> dict[str, int]:
    """A model in which every feature of ``words`` (in any context) has its own random nonzero
    weight, in shuffled order: a feature the fast sums miss or read twice changes a sum."""
    rng = random.Random(seed)
    feats: set[str] = set()
    for word in words:
        feats.update(word_features(word, True, True, tg.gaz, tg.vocab))
        feats.update(context_features(word, "p="), context_features(word, "n="))
    names = [*sorted(feats), "p=sh", "n=sh=", "w", "l==", "s4"]  # near misses of the templates
    rng.shuffle(names)
    return {f: pack([rng.choice([-1, 1]) * rng.randint(1, 999) for _ in range(5)]) for f in names}


def test_fast_sums_equal_feature_sums_when_every_feature_weighs() -> None:
    shipped = tagger()
    words = _words(shipped, 600)
    weights = _every_feature_weighted(shipped, words, seed=11)
    _assert_sums_equal(Tagger(weights=weights, vocab=shipped.vocab, gaz=shipped.gaz), words)


@pytest.mark.parametrize(
    "dropped", ["w=Pat", "s4=xpat", "p=sh=Xx", "n=pat", "hyh=al", "gh=LOC", "si&sh=Xx", "lc"]
)
def test_a_missed_feature_is_caught(dropped: str) -> None:
    """The comparison can fail: a model whose tables lack one feature sums differently."""
    shipped = tagger()
    words = ["Pat", "pat", "Xpat", "al-Pat", "al-Baghdad", "Baghdad-Pat", "the"]
    weights = _every_feature_weighted(shipped, words, seed=5)
    weights.update({f: pack([1, 2, 3, 4, 5]) for f in ("hyh=al", "gh=LOC", "lc")})
    full = Tagger(weights=weights, vocab=shipped.vocab | {"pat"}, gaz=shipped.gaz)
    _assert_sums_equal(full, words)
    lacking = Tagger(weights=weights, vocab=full.vocab, gaz=full.gaz)
    lacking.weights = {f: v for f, v in weights.items() if f != dropped}  # tables keep the feature
    with pytest.raises(AssertionError):
        _assert_sums_equal(lacking, words)
