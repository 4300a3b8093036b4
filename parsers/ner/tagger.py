"""Score candidate tokens with the shipped averaged-perceptron model (trained by tools/train_ner.py).

The model is a table feature → weight per class.  Features are grouped by
what they depend on (see ``features``), and each group's summed weights are
cached per distinct input, so a token usually costs four dictionary hits and
one five-way addition.

The shipped weights are integers, so regrouping the sums changes no score.  A
tagger built on the trainer's float weights scores the same groups; its
rounding may differ from one flat sum at near-ties, which only moves the
trainer's progress figure.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from parsers.ner.features import (
    context_features,
    line_features,
    own_features,
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
# Weight vectors are tuples, not lists: the model and the caches below hold tens of thousands of
# them for the life of the process, and the garbage collector stops visiting a tuple of numbers
# but walks every list on each full collection (≈0.1 s a pass over the CoNLL text).
Vec = tuple[float, ...]


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


@dataclass
class Tagger:
    """The loaded model plus per-process caches of summed feature weights."""

    weights: dict[str, Vec]
    vocab: frozenset[str]
    gaz: Gazetteer
    # A word's summed word features and its shape, one table per (sentence-initial, all-caps)
    # context, indexed 2 * si + ac: keyed by the bare word, a lookup builds no key tuple.
    _word: tuple[dict[str, tuple[Vec, str]], ...] = field(default_factory=lambda: ({}, {}, {}, {}))
    _prev: dict[str, Vec] = field(default_factory=dict)
    _next: dict[str, Vec] = field(default_factory=dict)
    _misc: dict[tuple[str, str, bool, bool, int, str], Vec] = field(default_factory=dict)
    # The misc sum of a one-word run (first and last, no phrase, after "O"), by the word's shape.
    _one: dict[str, Vec] = field(default_factory=dict)

    def _sum(self, feats: list[str]) -> Vec:
        # Five running sums, unrolled: this is the cold path for every unseen word, and a list
        # built per feature cost more than the additions themselves.  Integer zeros: the shipped
        # weights are integers and int + int is the interpreter's specialized fast path (float +
        # int is not); float weights (the trainer's) still sum as floats.
        s0: float = 0
        s1: float = 0
        s2: float = 0
        s3: float = 0
        s4: float = 0
        get = self.weights.get
        for f in feats:
            w = get(f)
            if w is not None:
                a, b, c, d, e = w
                s0 += a
                s1 += b
                s2 += c
                s3 += d
                s4 += e
        return (s0, s1, s2, s3, s4)

    def _word_entry(self, word: str, sent_initial: bool, all_caps: bool) -> tuple[Vec, str]:
        """The word's summed ``word_features`` and its shape.  Its own features are summed once,
        into the plain table, and a sentence start or a capitals line only adds its few (a fifth
        of new entries in the CoNLL text are words met before in another of the four tables)."""
        plain = self._word[0]
        own = plain.get(word)
        if own is None:
            own = plain[word] = (self._sum(own_features(word, self.gaz, self.vocab)), shape(word))
        if not (sent_initial or all_caps):
            return own
        (o0, o1, o2, o3, o4), shp = own
        l0, l1, l2, l3, l4 = self._sum(line_features(word, sent_initial, all_caps, self.vocab))
        return (o0 + l0, o1 + l1, o2 + l2, o3 + l3, o4 + l4), shp

    def _misc_sum(self, prev_tag: str, shp: str, first: bool, last: bool, n: int, gs: str) -> Vec:
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
            pv = self._prev[prev] = self._sum(context_features(prev, "p="))
        nv = self._next.get(nxt)
        if nv is None:
            nv = self._next[nxt] = self._sum(context_features(nxt, "n="))
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
                pv = pcache[p] = self._sum(context_features(p, "p="))
            nx = toks[i + 1] if i < last_i else run.next
            nv = ncache.get(nx)
            if nv is None:
                nv = ncache[nx] = self._sum(context_features(nx, "n="))
            mkey = (prev_tag, shp, i == 0, i == last_i, nb, gs[i])
            mv = mcache.get(mkey)
            if mv is None:
                mv = mcache[mkey] = self._misc_sum(*mkey)
            prev_tag = _best_class(wv, pv, nv, mv)
            out.append(prev_tag)
        return out


def _best_class(wv: Vec, pv: Vec, nv: Vec, mv: Vec) -> str:
    """The class with the highest summed score (the first of equals)."""
    # Unrolled: a generator over zip() cost more than the twenty additions it does.
    w0, w1, w2, w3, w4 = wv
    p0, p1, p2, p3, p4 = pv
    n0, n1, n2, n3, n4 = nv
    m0, m1, m2, m3, m4 = mv
    best, tag = w0 + p0 + n0 + m0, "O"
    s = w1 + p1 + n1 + m1
    if s > best:
        best, tag = s, "PER"
    s = w2 + p2 + n2 + m2
    if s > best:
        best, tag = s, "ORG"
    s = w3 + p3 + n3 + m3
    if s > best:
        best, tag = s, "LOC"
    if w4 + p4 + n4 + m4 > best:
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


def decode_model(raw: bytes) -> tuple[dict[str, Vec], frozenset[str]]:
    """Weights (feature → one integer per class) and the lower-case vocabulary from the model file."""
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
    values = array("h")
    values.frombytes(raw[vocab_end:])
    if sys.byteorder == "big":
        values.byteswap()
    if len(names) != int(head["features"]) or len(values) != len(CLASSES) * len(names):
        raise ValueError(f"{MODEL_FILE}: truncated entity model")
    # Integer weights as shipped: only the highest score matters, so they are used unscaled.  Five
    # references to one iterator deal the flat array out as one tuple per feature.
    flat = iter(values)
    return dict(zip(names, zip(flat, flat, flat, flat, flat, strict=True), strict=True)), frozenset(vocab)


@lru_cache(maxsize=1)
def tagger() -> Tagger:
    weights, vocab = decode_model(gzip.decompress((DATA_DIR / MODEL_FILE).read_bytes()))
    return Tagger(weights=weights, vocab=vocab, gaz=gazetteer())
