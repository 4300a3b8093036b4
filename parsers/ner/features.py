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
        hit = _SHAPES[word] = _plain_shape(word) or _regex_shape(word)
    return hit


def _plain_shape(word: str) -> str:
    """The shape of the commonest words ("Pat", "the", "NATO", "1996") without the regexes, or ""
    for any other: an ASCII word of letters is one run of a case, or a capital and one run of
    lower case, and ASCII digits are one run of digits (which is what the substitutions see)."""
    if not word.isascii():
        return ""
    if word.isalpha():
        if word.islower():
            return "x"
        if word.isupper():
            return "X"
        if word[0].isupper() and word[1:].islower():
            return "Xx"
        return ""
    return "d" if word.isdigit() else ""


def _regex_shape(word: str) -> str:
    for pattern, repl in _SHAPE_SUBS:
        word = pattern.sub(repl, word)
    return word


def word_features(
    word: str, sent_initial: bool, all_caps: bool, gaz: Gazetteer, lower_vocab: frozenset[str]
) -> list[str]:
    """The features of the word itself, then those of where it stands (see ``line_features``)."""
    feats = own_features(word, gaz, lower_vocab)
    if sent_initial or all_caps:
        feats += line_features(word, sent_initial, all_caps, lower_vocab)
    return feats


def own_features(word: str, gaz: Gazetteer, lower_vocab: frozenset[str]) -> list[str]:
    """What the word is: its spelling, shape, affixes, and the lists that hold it."""
    low = word.lower()
    feats = [
        "bias",
        "w=" + word,
        "l=" + low,
        "sh=" + shape(word),
        "s3=" + low[-3:],
        "s4=" + low[-4:],
        "p3=" + low[:3],
    ]
    if len(low) <= 3:
        feats.append("short")
    if low in lower_vocab:
        feats.append("lc")
    for section in gaz.words.get(low, ()):
        feats.append("g=" + section)
    if "-" in word:
        head, _, tail = word.rpartition("-")
        feats.append("hyt=" + tail.lower())
        feats.append("hyh=" + head.lower())
        for section in gaz.words.get(head.lower(), ()):
            feats.append("gh=" + section)
    return feats


def line_features(word: str, sent_initial: bool, all_caps: bool, lower_vocab: frozenset[str]) -> list[str]:
    """The word at a sentence start, or on a line in capitals (a headline, a dateline).  Apart from
    ``own_features`` because most words are neither, and the tagger sums the two parts apart."""
    low = word.lower()
    common = low in lower_vocab
    feats: list[str] = []
    if sent_initial:
        feats += ["si", "si&l=" + low, "si&sh=" + shape(word)]
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
