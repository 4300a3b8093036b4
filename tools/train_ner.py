#!/usr/bin/env python3
"""Train the entity tagger shipped in parsers/data/ner_model.bin.gz.

Training data: CoNLL-2003 English eng.train (Reuters RCV1 newswire, 1996-97;
research-evaluation terms — the model is trained on it and says so in the
README).  Only the train split is learned from; the dev split (eng.testa) is
used to pick the number of epochs and is never trained on.

Method: greedy left-to-right averaged perceptron over the candidate tokens the
runtime finds (parsers.ner.tokens.iter_runs), with exactly the runtime features
(parsers.ner.tagger.token_features), five classes O/PER/ORG/LOC/MISC.
Deterministic: fixed shuffling seed, sorted output.

    python tools/train_ner.py [--conll DIR] [--epochs N] [--out PATH]
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers.ner.gazetteer import gazetteer, phrase_labels
from parsers.ner.tagger import CLASSES, Tagger, encode_model, pack, spans_of, token_features
from parsers.ner.tokens import Run, iter_runs

DEFAULT_CONLL = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "conll2003" / "with-docstart"
NO_SPACE_BEFORE = {
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "'S",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
}
NO_SPACE_AFTER = {"(", "[", "{", "$"}
Doc = list[list[tuple[str, str]]]


def read_docs(path: Path) -> list[Doc]:
    docs: list[Doc] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line.strip():
            if sent:
                docs[-1].append(sent)
                sent = []
            continue
        cols = line.split()
        sent.append((cols[0], cols[-1]))
    if sent:
        docs[-1].append(sent)
    return [d for d in docs if d]


def detok(doc: Doc) -> tuple[str, list[tuple[int, int, str]]]:
    """Readable text (as a wire story would be written) and gold spans, like the project's scorer."""
    parts: list[str] = []
    pos = 0
    spans: list[tuple[int, int, str]] = []
    for si, sent in enumerate(doc):
        if si:
            parts.append("\n\n")
            pos += 2
        quote_open = False
        prev: str | None = None
        cur: list[object] | None = None
        for tok, tag in sent:
            space = prev is not None
            if tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER:
                space = False
            if tok == '"':
                if quote_open:
                    space = False
                quote_open = not quote_open
            elif prev == '"' and quote_open:
                space = False
            if space:
                parts.append(" ")
                pos += 1
            start = pos
            parts.append(tok)
            pos += len(tok)
            kind = tag[2:] if "-" in tag else None
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[2] != kind)):
                if cur:
                    spans.append((int(cur[0]), int(cur[1]), str(cur[2])))  # type: ignore[call-overload]
                cur = [start, pos, kind]
            elif tag.startswith("I-") and cur:
                cur[1] = pos
            else:
                if cur:
                    spans.append((int(cur[0]), int(cur[1]), str(cur[2])))  # type: ignore[call-overload]
                cur = None
            prev = tok
        if cur:
            spans.append((int(cur[0]), int(cur[1]), str(cur[2])))  # type: ignore[call-overload]
    return "".join(parts), spans


Example = tuple[Run, list[str], list[str], list[str]]  # run, lowers, phrase labels, gold classes


def examples(docs: list[Doc]) -> tuple[list[list[Example]], list[set[tuple[int, int, str]]], int]:
    gaz = gazetteer()
    out: list[list[Example]] = []
    golds: list[set[tuple[int, int, str]]] = []
    covered = 0
    for doc in docs:
        text, spans = detok(doc)
        label = [""] * len(text)
        for s, e, t in spans:
            for k in range(s, e):
                label[k] = t
        exs: list[Example] = []
        starts: set[int] = set()
        ends: set[int] = set()
        for run in iter_runs(text, skip_starters=False):
            lowers = [t.lower() for t in run.tokens]
            gold = [label[s] or "O" for s in run.starts]
            exs.append((run, lowers, phrase_labels(lowers, gaz) if len(lowers) > 1 else [""], gold))
            starts.update(run.starts)
            ends.update(run.ends)
        covered += sum(1 for s, e, _ in spans if s in starts and e in ends)
        out.append(exs)
        golds.append({(s, e, "PER" if t == "PER" else t) for s, e, t in spans})
    return out, golds, covered


def lower_vocab(docs: list[Doc], min_count: int) -> list[str]:
    counts: Counter[str] = Counter(
        tok for d in docs for s in d for tok, _ in s if tok.isalpha() and tok.islower()
    )
    return sorted(w for w, c in counts.items() if c >= min_count)


def evaluate(tagger: Tagger, data: list[list[Example]], golds: list[set[tuple[int, int, str]]]) -> float:
    tp = npred = ngold = 0
    for exs, gold in zip(data, golds, strict=True):
        pred: set[tuple[int, int, str]] = set()
        for run, *_ in exs:
            for sp in spans_of(run, tagger.tag(run)):
                pred.add((sp.start, sp.end, sp.type))
        tp += len(pred & gold)
        npred += len(pred)
        ngold += len(gold)
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def train(
    data: list[list[Example]],
    vocab: frozenset[str],
    epochs: int,
    seed: int,
    dev: tuple[list[list[Example]], list[set[tuple[int, int, str]]]] | None,
    prune: float,
    scale: int,
) -> dict[str, list[float]]:
    gaz = gazetteer()
    nc = len(CLASSES)
    index = {c: k for k, c in enumerate(CLASSES)}
    w: dict[str, list[float]] = {}
    tot: dict[str, list[float]] = {}
    stamp: dict[str, list[int]] = {}
    step = 0
    order = list(range(len(data)))
    rng = random.Random(seed)

    def update(f: str, c: int, delta: float) -> None:
        if f not in w:
            w[f] = [0.0] * nc
            tot[f] = [0.0] * nc
            stamp[f] = [0] * nc
        tot[f][c] += (step - stamp[f][c]) * w[f][c]
        stamp[f][c] = step
        w[f][c] += delta

    def averaged() -> dict[str, list[float]]:
        return {
            f: [(tot[f][c] + (step - stamp[f][c]) * w[f][c]) / max(step, 1) for c in range(nc)] for f in w
        }

    for epoch in range(epochs):
        t0 = time.perf_counter()
        rng.shuffle(order)
        errors = total = 0
        for di in order:
            for run, lowers, gs, gold in data[di]:
                prev_tag = "O"
                for i in range(len(run.tokens)):
                    step += 1
                    feats = token_features(run, lowers, gs, i, prev_tag, gaz, vocab)
                    scores = [0.0] * nc
                    for f in feats:
                        vec = w.get(f)
                        if vec is not None:
                            for c in range(nc):
                                scores[c] += vec[c]
                    pred = max(range(nc), key=scores.__getitem__)
                    g = index[gold[i]]
                    total += 1
                    if pred != g:
                        errors += 1
                        for f in feats:
                            update(f, g, 1.0)
                            update(f, pred, -1.0)
                    prev_tag = CLASSES[pred]
        msg = f"epoch {epoch + 1}: token errors {errors}/{total} ({time.perf_counter() - t0:.1f}s)"
        if dev is not None:
            # The model as it would ship: rounded to integers, pruned, packed as the tagger reads it.
            shipped = export(averaged(), prune, scale)
            tg = Tagger(weights={f: pack(v) for f, v in shipped.items()}, vocab=vocab, gaz=gaz)
            msg += f"  dev span F1 (tagger alone) {evaluate(tg, *dev):.4f}"
        print(msg, flush=True)
    return averaged()


ABOUT = (
    "wiredesk entity tagger; averaged perceptron trained on CoNLL-2003 eng.train "
    "(Reuters RCV1, research-evaluation terms) by tools/train_ner.py"
)


def export(weights: dict[str, list[float]], prune: float, scale: int) -> dict[str, list[int]]:
    """Integer weights (only the argmax matters, so scaling changes nothing), features with no
    weight left out, in sorted order."""
    out: dict[str, list[int]] = {}
    for f in sorted(weights):
        vec = [round(v * scale) if abs(v) >= prune else 0 for v in weights[f]]
        if any(vec):
            if any(not -32768 <= v <= 32767 for v in vec):
                raise ValueError(f"{f}: weight out of the model file's 16-bit range; lower --scale")
            out[f] = vec
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conll", type=Path, default=DEFAULT_CONLL, help="folder with train.txt and dev.txt")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--prune", type=float, default=0.05)
    ap.add_argument("--scale", type=int, default=100)
    ap.add_argument("--min-lower", type=int, default=2)
    ap.add_argument("--no-dev", action="store_true", help="skip dev evaluation after each epoch")
    ap.add_argument(
        "--out",
        type=Path,
        default=Path(__file__).resolve().parents[1] / "parsers" / "data" / "ner_model.bin.gz",
    )
    a = ap.parse_args()
    train_docs = read_docs(a.conll / "train.txt")
    vocab_list = lower_vocab(train_docs, a.min_lower)
    vocab = frozenset(vocab_list)
    data, golds, covered = examples(train_docs)
    n_gold = sum(len(g) for g in golds)
    print(
        f"train: {len(train_docs)} docs, {n_gold} gold names, {covered} reachable by candidate runs "
        f"({covered / n_gold:.3f}); {sum(len(r.tokens) for d in data for r, *_ in d)} candidate tokens"
    )
    dev = None
    if not a.no_dev and (a.conll / "dev.txt").exists():
        dev_data, dev_golds, _ = examples(read_docs(a.conll / "dev.txt"))
        dev = (dev_data, dev_golds)
    weights = train(data, vocab, a.epochs, a.seed, dev, a.prune, a.scale)
    model = export(weights, a.prune, a.scale)
    blob = encode_model(model, vocab_list, ABOUT, a.scale)
    a.out.write_bytes(gzip.compress(blob, compresslevel=9, mtime=0))
    print(f"wrote {a.out} ({len(model)} features, {a.out.stat().st_size / 1e6:.2f} MB gzip)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
