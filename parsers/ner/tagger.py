"""Score candidate tokens with the shipped averaged-perceptron model (trained by tools/train_ner.py).

The model is a table feature → weight per class, the five weights packed into
one int (see ``LANE``).  Features are grouped by what they depend on (see
``features``), and each group's summed weights are cached per distinct input,
so a token usually costs four dictionary hits and one addition.

The weights are integers, so regrouping the sums changes no score.  The
trainer evaluates its averaged float weights the same way, after rounding them
to the integers it would ship.
"""

from __future__ import annotations

import gzip
import json
import re
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter, sub
from pathlib import Path
from typing import Literal, NamedTuple

from parsers.ner.features import (
    context_features,
    position_features,
    shape,
    tag_features,
    word_features,
)
from parsers.ner.gazetteer import Gazetteer, gazetteer, phrase_labels
from parsers.ner.tokens import Run

CLASSES: tuple[str, ...] = ("O", "PER", "ORG", "LOC", "MISC")
MODEL_FILE = "ner_model.bin.gz"
# Package data beside the code (importlib.resources would add ~10 ms of imports to start-up).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
Vec = tuple[int, ...]  # one weight or score per class, in CLASSES order


class TaggedSpan(NamedTuple):  # a tuple: made for every name in every story, and cheap to make
    start: int
    end: int
    type: str  # PER | ORG | LOC | MISC
    first: int  # index of its first token in the run
    last: int  # index of its last token (inclusive)


def token_features(
    run: Run,
    lowers: Sequence[str],
    gs: Sequence[str],
    i: int,
    prev_tag: str,
    gaz: Gazetteer,
    vocab: frozenset[str],
) -> list[str]:
    """Every feature of token ``i`` of ``run`` (the trainer's view; the tagger sums the same groups)."""
    toks = run.tokens
    n = len(toks)
    word = toks[i]
    return [
        *word_features(word, run.sent_initial and i == 0, run.all_caps, gaz, vocab),
        *context_features(run.prev if i == 0 else toks[i - 1], "p="),
        *context_features(run.next if i == n - 1 else toks[i + 1], "n="),
        *position_features(i == 0, i == n - 1, n),
        "gs=" + gs[i],
        *tag_features(prev_tag, shape(word)),
    ]


# A feature's five class weights live in one int, class k in bits [LANE*k, LANE*(k+1)), each lane
# two's complement.  Packing is linear, so the sum of packed ints is the packed sum, exactly: a
# token's features sum in one C-level ``sum`` instead of five Python additions per feature, on the
# cold path of every unseen word.  A lane holds any value with |v| < 2**23; weights are 16-bit and a
# token sums a few dozen features, so no lane overflows.
LANE = 24
_HALF = 1 << (LANE - 1)
_MASK = (1 << LANE) - 1
_LANE_BIAS = sum(_HALF << (LANE * k) for k in range(len(CLASSES)))  # 2**(LANE-1) in every lane
_NO_WEIGHT = repeat(0)  # what a feature the model lacks adds: map(get, feats, _NO_WEIGHT)


def pack(vec: Sequence[int]) -> int:
    """One int holding the five class weights (see LANE)."""
    out = 0
    for k, v in enumerate(vec):
        if not -_HALF <= v < _HALF:
            raise ValueError(f"weight {v} does not fit a {LANE}-bit lane")
        out += v << (LANE * k)
    return out


def unpack(packed: int) -> Vec:
    """The five class weights or scores a packed int holds."""
    out = []
    for _ in CLASSES:
        t = packed + _HALF
        out.append((t & _MASK) - _HALF)
        packed = t >> LANE
    return tuple(out)


# The templates of the features ``own_features``, ``line_features`` and ``context_features`` spell
# "<template>=<part>" ("w=Pat", "s4=pat", "p=the"; "p=sh=" and "n=sh=" hold the neighbour's shape).
# The tagger keeps one weight table per template keyed by the part: a new word's sum is a few
# lookups keyed by the word, its lower case and plain slices of it, which need no new strings built
# and hashed.  Every feature in the "p" table whose part starts "sh=" is also in "p=sh", so a word
# spelt "sh=x" still reads both its features, as ``context_features`` spells them.
_TEMPLATES = (
    "w",
    "l",
    "sh",
    "s3",
    "s4",
    "p3",
    "g",
    "hyt",
    "hyh",
    "gh",
    "si&l",
    "si&sh",
    "ac&l",
    "p",
    "n",
    "p=sh",
    "n=sh",
)


def template_tables(weights: Mapping[str, int]) -> dict[str, dict[str, int]]:
    """Per template (see ``_TEMPLATES``), the part after "<template>=" of each of its features → the
    feature's weight.  By C-level operations on the sorted names, where a template's features are
    one slice: a Python loop over the model's 30,000 names added ~10 ms to every start-up."""
    names, values = list(weights), list(weights.values())
    # The model file and the trainer sort them; checking costs a tenth of sorting a shuffled list.
    if sorted(names) != names:
        pairs = sorted(weights.items())
        names, values = [k for k, _ in pairs], [v for _, v in pairs]
    tables = {}
    for template in _TEMPLATES:
        prefix = template + "="
        # "=" and ">" are consecutive: the names starting "<template>=" sort between the two.
        a = bisect_left(names, prefix)
        b = bisect_left(names, template + ">", a)
        # One join and one split cut the prefix off every name of the slice (a third of the cost
        # of slicing each name); no name holds a newline (the model file separates them by one).
        parts = "\n".join(names[a:b])[len(prefix) :].split("\n" + prefix) if b > a else []
        tables[template] = dict(zip(parts, values[a:b], strict=True))
    return tables


@dataclass
class Tagger:
    """The loaded model plus per-process caches of summed feature weights (all packed, see LANE)."""

    weights: dict[str, int]  # feature → its class weights, packed
    vocab: frozenset[str]
    gaz: Gazetteer
    # A word's summed word features and its shape, one table per (sentence-initial, all-caps)
    # context, indexed 2 * si + ac: keyed by the bare word, a lookup builds no key tuple.
    _word: tuple[dict[str, tuple[int, str]], ...] = field(default_factory=lambda: ({}, {}, {}, {}))
    _prev: dict[str, int] = field(default_factory=dict)
    _next: dict[str, int] = field(default_factory=dict)
    _misc: dict[tuple[str, str, bool, bool, int, str], int] = field(default_factory=dict)
    # The misc sum of a one-word run (first and last, no phrase, after "O"), by the word's shape.
    _one: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # The bound ``get`` of each template's table (see _TEMPLATES), for the sums below.
        t = template_tables(self.weights)
        self._w, self._l, self._sh = t["w"].get, t["l"].get, t["sh"].get
        self._s3, self._s4, self._p3, self._g = t["s3"].get, t["s4"].get, t["p3"].get, t["g"].get
        self._hyt, self._hyh, self._gh = t["hyt"].get, t["hyh"].get, t["gh"].get
        self._si_l, self._si_sh, self._ac_l = t["si&l"].get, t["si&sh"].get, t["ac&l"].get
        self._p, self._p_sh, self._n, self._n_sh = t["p"].get, t["p=sh"].get, t["n"].get, t["n=sh"].get
        # The features without a part: bare names.
        get = self.weights.get
        self._bias, self._short, self._lc = get("bias", 0), get("short", 0), get("lc", 0)
        self._si, self._si_lc, self._ac, self._ac_lc = (
            get("si", 0),
            get("si&lc", 0),
            get("ac", 0),
            get("ac&lc", 0),
        )

    # The sums of the feature groups of ``features``, read from the template tables: a second
    # formulation of those functions, proved equal to summing their strings by
    # tests/test_tagger_sums.py.  A cold pass sums ~10,000 new words and ~15,000 new neighbours.

    def own_sum(self, word: str, low: str, shp: str) -> int:
        """The summed weights of ``own_features(word)``; ``low`` and ``shp`` are the word's lower
        case and ``shape``, which the caller has at hand."""
        total = (
            self._bias
            + self._w(word, 0)
            + self._l(low, 0)
            + self._sh(shp, 0)
            + self._s3(low[-3:], 0)
            + self._s4(low[-4:], 0)
            + self._p3(low[:3], 0)
        )
        if len(low) <= 3:
            total += self._short
        if low in self.vocab:
            total += self._lc
        gaz_words = self.gaz.words
        sections = gaz_words.get(low)
        if sections:
            total += sum(map(self._g, sections, _NO_WEIGHT))
        if "-" in word:
            head, _, tail = word.rpartition("-")
            head = head.lower()
            total += self._hyt(tail.lower(), 0) + self._hyh(head, 0)
            total += sum(map(self._gh, gaz_words.get(head, ()), _NO_WEIGHT))
        return total

    def line_sum(self, low: str, shp: str, sent_initial: bool, all_caps: bool) -> int:
        """The summed weights of ``line_features`` of a word of lower case ``low`` and shape ``shp``."""
        common = low in self.vocab
        total = 0
        if sent_initial:
            total += self._si + self._si_l(low, 0) + self._si_sh(shp, 0)
            if common:
                total += self._si_lc
        if all_caps:
            total += self._ac + self._ac_l(low, 0)
            if common:
                total += self._ac_lc
        return total

    def prev_sum(self, word: str) -> int:
        """The summed weights of ``context_features(word, "p=")``."""
        return self._p(word.lower(), 0) + self._p_sh(shape(word), 0)

    def next_sum(self, word: str) -> int:
        """The summed weights of ``context_features(word, "n=")``."""
        return self._n(word.lower(), 0) + self._n_sh(shape(word), 0)

    def _word_entry(self, word: str, sent_initial: bool, all_caps: bool) -> tuple[int, str]:
        """The word's summed ``word_features`` and its shape.  Its own features are summed once,
        into the plain table, and a sentence start or a capitals line only adds its few (a fifth
        of new entries in the CoNLL text are words met before in another of the four tables)."""
        plain = self._word[0]
        own = plain.get(word)
        if own is None:
            shp = shape(word)
            own = plain[word] = (self.own_sum(word, word.lower(), shp), shp)
        if not (sent_initial or all_caps):
            return own
        return own[0] + self.line_sum(word.lower(), own[1], sent_initial, all_caps), own[1]

    def _sum(self, feats: list[str]) -> int:
        return sum(map(self.weights.get, feats, _NO_WEIGHT))

    def _misc_sum(self, prev_tag: str, shp: str, first: bool, last: bool, n: int, gs: str) -> int:
        """Position, gazetteer phrase label and previous tag: few distinct values, cached by callers."""
        return self._sum([*position_features(first, last, n), "gs=" + gs, *tag_features(prev_tag, shp)])

    def tag(self, run: Run) -> tuple[str, ...]:
        """One class per token of the run (greedy, left to right).  Not cached here: extraction
        caches everything it derives from a run in context (parsers.entities._RUN_INFO)."""
        toks = run.tokens
        if len(toks) == 1:
            return (self.tag_word(toks[0], run.prev, run.next, run.sent_initial, run.all_caps),)
        lowers = [t.lower() for t in toks]
        gs = phrase_labels(lowers, self.gaz)
        tags = _particles_follow_person(toks, self._tag(run, gs))
        return tuple(_listed_names(lowers, tags, gs, self.gaz))

    def tag_word(self, word: str, prev: str, nxt: str, sent_initial: bool, all_caps: bool) -> str:
        """The class of a one-word run (most runs), without building the run: ``_tag`` without its
        loop and position bookkeeping.  A lone word has no gazetteer phrase, and neither rule of
        ``tag`` can change it (both look at a neighbouring token)."""
        wcache = self._word[2 * sent_initial + all_caps]
        hit = wcache.get(word)
        if hit is None:
            hit = wcache[word] = self._word_entry(word, sent_initial, all_caps)
        wv, shp = hit
        pv = self._prev.get(prev)
        if pv is None:
            pv = self._prev[prev] = self.prev_sum(prev)
        nv = self._next.get(nxt)
        if nv is None:
            nv = self._next[nxt] = self.next_sum(nxt)
        mv = self._one.get(shp)
        if mv is None:
            mv = self._one[shp] = self._misc_sum("O", shp, True, True, 1, "")
        return _best_class(wv, pv, nv, mv)

    def _tag(self, run: Run, gs: Sequence[str]) -> list[str]:
        toks = run.tokens
        n = len(toks)
        out: list[str] = []
        prev_tag = "O"
        pcache, ncache, mcache = self._prev, self._next, self._misc
        si, ac = run.sent_initial, run.all_caps
        # Only the first word can be sentence-initial.
        first_cache, rest_cache = self._word[2 * si + ac], self._word[ac]
        nb = n if n < 4 else 4
        last_i = n - 1
        for i, word in enumerate(toks):
            wcache = rest_cache if i else first_cache
            hit = wcache.get(word)
            if hit is None:
                hit = wcache[word] = self._word_entry(word, si and i == 0, ac)
            wv, shp = hit
            p = toks[i - 1] if i else run.prev
            pv = pcache.get(p)
            if pv is None:
                pv = pcache[p] = self.prev_sum(p)
            nx = toks[i + 1] if i < last_i else run.next
            nv = ncache.get(nx)
            if nv is None:
                nv = ncache[nx] = self.next_sum(nx)
            mkey = (prev_tag, shp, i == 0, i == last_i, nb, gs[i])
            mv = mcache.get(mkey)
            if mv is None:
                mv = mcache[mkey] = self._misc_sum(*mkey)
            prev_tag = _best_class(wv, pv, nv, mv)
            out.append(prev_tag)
        return out


def _best_class(wv: int, pv: int, nv: int, mv: int) -> str:
    """The class with the highest summed score (the first of equals).  With ``_LANE_BIAS`` added
    every lane is its score + 2**(LANE-1), in [0, 2**LANE): unsigned, so the lanes are read off by a
    mask and a shift each, and the common offset changes no comparison.  Unrolled: 35,000 calls in
    a cold pass, where each big-int operation costs about as much as a dict lookup."""
    t = wv + pv + nv + mv + _LANE_BIAS
    best, tag = t & _MASK, "O"
    t >>= LANE
    s = t & _MASK
    if s > best:
        best, tag = s, "PER"
    t >>= LANE
    s = t & _MASK
    if s > best:
        best, tag = s, "ORG"
    t >>= LANE
    s = t & _MASK
    if s > best:
        best, tag = s, "LOC"
    if t >> LANE > best:  # the top lane needs no mask
        tag = "MISC"
    return tag


_PARTICLE_RE = re.compile(
    r"(?:al|el|ad|ash|as|at|bin|ibn|abu|ben|van|von|de|da|di|du|del|der|den|la|le|dos|das)(?:-|\Z)"
)


def _particles_follow_person(toks: Sequence[str], tags: list[str]) -> list[str]:
    """A name particle after a person's name continues it ("Mushtaq Talib al-Saidi", "Pieter van der Berg")."""
    n = len(toks)
    # Both rules need a person, and the second an ORG after a MISC: most runs skip the loops.
    if "PER" in tags:
        for i in range(1, n):
            if tags[i - 1] == "PER" and tags[i] != "PER" and _PARTICLE_RE.match(toks[i]):
                if "-" in toks[i]:
                    tags[i] = "PER"
                    continue
                j = i
                while j < n and _PARTICLE_RE.match(toks[j]) and "-" not in toks[j]:
                    j += 1  # "de la", "van der"
                if j < n and toks[j][:1].isupper():
                    for k in range(i, j + 1):
                        tags[k] = "PER"
            elif (
                tags[i - 1] == "PER"
                and tags[i] != "PER"
                and toks[i][:1].isupper()
                and toks[i - 1].islower()
                and _PARTICLE_RE.match(toks[i - 1])
            ):
                tags[i] = "PER"  # "Jean de la | Fontaine": a name does not end on its particle
    # "Nordic Institute", "British Airways": an adjective the model read as MISC starts the ORG name.
    if "ORG" in tags and "MISC" in tags:
        for i in range(1, n):
            if tags[i] == "ORG" and tags[i - 1] == "MISC":
                k = i - 1
                while k >= 0 and tags[k] == "MISC":
                    tags[k] = "ORG"
                    k -= 1
    return tags


_LISTED_TYPES = frozenset(("LOC", "ORG", "MISC"))


def _listed_names(lowers: Sequence[str], tags: list[str], gs: Sequence[str], gaz: Gazetteer) -> list[str]:
    """Two gazetteer rules the model's features alone do not enforce.

    A listed multi-word name the model split ("Islamic Resistance | in | Iraq") is one name of its
    listed type; one the model read whole, as any single type, is left to it ("New York" in "New
    York Yankees" is part of a team).  And a name made only of listed religions and nationalities
    ("Sunni Muslim") is MISC, never an organization or a person.

    Each rule needs a listed word (a phrase label, a MISC-only word); most runs have neither."""
    n = len(lowers)
    if gs.count("") < n:
        i = 0
        while i < n:
            label = gs[i]
            if not label.startswith("B-"):
                i += 1
                continue
            j = i + 1
            while j < n and gs[j].startswith("I-"):
                j += 1
            typ = label[2:]
            if typ in _LISTED_TYPES and tags[i] != "O" and any(t != tags[i] for t in tags[i + 1 : j]):
                tags[i:j] = [typ] * (j - i)
            i = j
    misc_only = gaz.misc_only
    if not misc_only.isdisjoint(lowers):
        i = 0
        while i < n:
            t = tags[i]
            j = i + 1
            while j < n and tags[j] == t:
                j += 1
            # Two words or more: alone, a listed word is the model's call ("Labour" the party is ORG).
            if (t == "ORG" or t == "PER") and j - i > 1 and all(low in misc_only for low in lowers[i:j]):
                tags[i:j] = ["MISC"] * (j - i)
            i = j
    return tags


def name_spans(toks: Sequence[str], tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(class, first token, last token) of each name: consecutive tokens with the same class form
    one name, and lower-case edges are trimmed.  Plain tuples, for extraction's cold path."""
    spans: list[tuple[str, int, int]] = []
    i, n = 0, len(tags)
    while i < n:
        t = tags[i]
        if t == "O":
            i += 1
            continue
        j = i
        while j + 1 < n and tags[j + 1] == t:
            j += 1
        a, b = i, j
        while a <= b and toks[a][:1].islower() and "-" not in toks[a]:
            a += 1
        while b >= a and toks[b][:1].islower() and "-" not in toks[b]:
            b -= 1
        if a <= b:
            spans.append((t, a, b))
        i = j + 1
    return spans


def spans_of(run: Run, tags: Sequence[str]) -> list[TaggedSpan]:
    """The names of a tagged run with their offsets (see ``name_spans``)."""
    starts, ends = run.starts, run.ends
    return [TaggedSpan(starts[a], ends[b], t, a, b) for t, a, b in name_spans(run.tokens, tags)]


# The shipped model: gzip of one JSON header line, then the feature names and the lower-case vocabulary
# (UTF-8, newline-separated, their byte lengths in the header), then every weight as a little-endian
# 16-bit integer, five per feature in CLASSES order.  Plain data, read without eval or pickle; the
# same table as JSON took four times as long to load (≈40 ms of every start-up).
MODEL_FORMAT = "wiredesk-ner-weights-1"


def encode_model(weights: Mapping[str, Sequence[int]], vocab: Sequence[str], about: str, scale: int) -> bytes:
    """The model file's bytes (before gzip) for integer weights; see ``decode_model``."""
    names = "\n".join(weights).encode("utf-8")
    words = "\n".join(vocab).encode("utf-8")
    values = array("h", [v for vec in weights.values() for v in vec])
    if len(values) != len(CLASSES) * len(weights):
        raise ValueError("every feature needs one weight per class")
    if sys.byteorder == "big":
        values.byteswap()
    head = {
        "format": MODEL_FORMAT,
        "about": about,
        "classes": list(CLASSES),
        "scale": scale,
        "features": len(weights),
        "names_bytes": len(names),
        "vocab_bytes": len(words),
    }
    return json.dumps(head, sort_keys=True).encode("utf-8") + b"\n" + names + words + values.tobytes()


def decode_model(raw: bytes) -> tuple[dict[str, int], frozenset[str]]:
    """Weights (feature → its class weights packed into one int, see LANE) and the lower-case
    vocabulary from the model file."""
    cut = raw.find(b"\n")
    try:
        head = json.loads(raw[:cut]) if cut > 0 else None
    except ValueError:
        head = None
    if (
        not isinstance(head, dict)
        or head.get("format") != MODEL_FORMAT
        or head.get("classes") != list(CLASSES)
    ):
        raise ValueError(f"{MODEL_FILE}: not a wiredesk entity model")
    pos = cut + 1
    names_end = pos + int(head["names_bytes"])
    vocab_end = names_end + int(head["vocab_bytes"])
    if vocab_end > len(raw):
        raise ValueError(f"{MODEL_FILE}: truncated entity model")
    names = raw[pos:names_end].decode("utf-8").split("\n") if names_end > pos else []
    vocab = raw[names_end:vocab_end].decode("utf-8").split("\n") if vocab_end > names_end else []
    weights = raw[vocab_end:]  # little-endian 16-bit integers, five per feature
    if len(names) != int(head["features"]) or len(weights) != 2 * len(CLASSES) * len(names):
        raise ValueError(f"{MODEL_FILE}: truncated entity model")
    # Integer weights as shipped: only the highest score matters, so they are used unscaled.
    return dict(zip(names, _packed_rows(weights), strict=True)), frozenset(vocab)


_SIGN_FLIP = bytes(b ^ 0x80 for b in range(256))
_LANE_BYTES = LANE // 8
_ROW_BIAS = sum(1 << 15 << (LANE * k) for k in range(len(CLASSES)))


def _packed_rows(little: bytes) -> Iterator[int]:
    """``pack`` of every five little-endian 16-bit weights, by C-level byte operations: a loop of
    ``pack`` over the model's 30,000 features cost 40 ms of every start-up.  A weight with its sign
    bit flipped is the weight + 2**15, unsigned; spaced out to 3-byte lanes, five of them read as one
    little-endian int are the packed row plus a fixed bias per lane, which is taken off."""
    lanes = bytearray(len(little) // 2 * _LANE_BYTES)
    lanes[0::_LANE_BYTES] = little[0::2]
    lanes[1::_LANE_BYTES] = little[1::2].translate(_SIGN_FLIP)
    rows = map(itemgetter(0), struct.iter_unpack(f"{len(CLASSES) * _LANE_BYTES}s", lanes))
    # The byte order positional: a partial with a keyword built a kwargs dict per row, which was
    # 40% of this function's cost.
    little_endian: repeat[Literal["little"]] = repeat("little")
    return map(sub, map(int.from_bytes, rows, little_endian), repeat(_ROW_BIAS))


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    weights, vocab = decode_model(gzip.decompress((DATA_DIR / MODEL_FILE).read_bytes()))
    return Tagger(weights=weights, vocab=vocab, gaz=gazetteer())
