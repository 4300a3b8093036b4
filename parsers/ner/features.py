"""Feature strings for one candidate token — the single definition the trainer and the tagger share.

Features are split by what they depend on so the tagger can sum and cache
their weights per distinct input: the word itself (with its sentence-initial
and all-caps context), the word before, the word after, the position in the
run, the gazetteer phrase label, and the previous tag with the word's shape.
"""

from __future__ import annotations

import re

from parsers.ner.gazetteer import Gazetteer

_SHAPE_SUBS = (
    (re.compile(r"[A-ZÀ-ÖØ-Þ]+"), "X"),
    (re.compile(r"[a-zß-öø-ÿ]+"), "x"),
    (re.compile(r"\d+"), "d"),
)


_SHAPES: dict[str, str] = {}
_SHAPES_SIZE = 100_000


def shape(word: str) -> str:
    """Compressed shape: "Pat" → "Xx", "U.S." → "X.X.", "al-Sudani" → "x-Xx", "1996" → "d"."""
    # Memoized: a new word's shape is asked for by its own features, as the word before or after
    # another name, and by the tag features; three regex substitutions each time added up.
    hit = _SHAPES.get(word)
    if hit is None:
        if len(_SHAPES) >= _SHAPES_SIZE:
            _SHAPES.clear()
        hit = word
        for pattern, repl in _SHAPE_SUBS:
            hit = pattern.sub(repl, hit)
        _SHAPES[word] = hit
    return hit


def word_features(
    word: str, sent_initial: bool, all_caps: bool, gaz: Gazetteer, lower_vocab: frozenset[str]
) -> list[str]:
    low = word.lower()
    shp = shape(word)
    feats = [
        "bias",
        "w=" + word,
        "l=" + low,
        "sh=" + shp,
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p3=" + low[:3],
    ]
    if len(low) <= 3:
        feats.append("short")
    common = low in lower_vocab
    if common:
        feats.append("lc")
    for section in gaz.words.get(low, ()):
        feats.append("g=" + section)
    if "-" in word:
        head, _, tail = word.rpartition("-")
        feats.append("hyt=" + tail.lower())
        feats.append("hyh=" + head.lower())
        for section in gaz.words.get(head.lower(), ()):
            feats.append("gh=" + section)
    if sent_initial:
        feats += ["si", "si&l=" + low, "si&sh=" + shp]
        if common:
            feats.append("si&lc")
    if all_caps:
        feats += ["ac", "ac&l=" + low]
        if common:
            feats.append("ac&lc")
    return feats


def context_features(prev: str, prefix: str) -> list[str]:
    low = prev.lower()
    return [prefix + low, prefix + "sh=" + shape(prev)]


def position_features(first: bool, last: bool, length: int) -> list[str]:
    return [f"pos={int(first)}{int(last)}", f"rl={min(length, 4)}"]


def tag_features(prev_tag: str, word_shape: str) -> list[str]:
    return ["pt=" + prev_tag, "pt=" + prev_tag + "&sh=" + word_shape]
