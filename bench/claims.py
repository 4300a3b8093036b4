#!/usr/bin/env python3
"""Claims speed: words/s of ``extract_claims`` alone, against a bare ``re.findall(r"\\w+")``.

Corpora: the CoNLL-2003 train stories (read from the shared corpora when present,
never copied), 1,000 generated wire stories (bench/extract.py's generator, full of
attributions), and the shared seed + tests/gold stories.  Entities are computed
before the clock starts, so the figure is the claim finder's own cost.  The
baseline runs over the same texts in the same process, so the ratio means the
same on any machine.  One core, a few seconds.

    python bench/claims.py [--corpora DIR] [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.extract import articles, conll_texts, generated_texts  # noqa: E402
from parsers.claims import extract_claims  # noqa: E402
from parsers.entities import extract_entities  # noqa: E402
from parsers.load import iter_story_paths, parse_path  # noqa: E402
from parsers.model import Article, Entity, Quantity  # noqa: E402

WORD = re.compile(r"\w+")


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def measure(label: str, arts: list[Article], repeat: int) -> None:
    if not arts:
        print(f"{label}: (absent)")
        return
    prepared: list[tuple[Article, tuple[Entity, ...], tuple[Quantity, ...]]] = [
        (a, *extract_entities(a)) for a in arts
    ]
    words = sum(len(WORD.findall(a.text)) for a in arts)
    base = best_of(repeat, lambda: [WORD.findall(a.text) for a in arts])
    n_claims = sum(len(extract_claims(a, e, q)) for a, e, q in prepared)
    took = best_of(repeat, lambda: [extract_claims(a, e, q) for a, e, q in prepared])
    no_ent = best_of(repeat, lambda: [extract_claims(a, (), ()) for a in arts])
    print(
        f"{label}: {len(arts)} stories, {words:,} words, {n_claims} claims | "
        f"claims {words / took:,.0f} words/s (no entities {words / no_ent:,.0f}) | "
        f"baseline re.findall {words / base:,.0f} words/s | claims take {took / base:.1f}x the baseline"
    )


def story_files() -> list[Article]:
    dirs = [ROOT / "tests" / "gold", ROOT / "seeds", ROOT.parent / "shared" / "seeds"]
    out = []
    for path in iter_story_paths([str(d) for d in dirs if d.exists()]):
        try:
            out.append(parse_path(path))
        except Exception:  # noqa: BLE001 - a bench skips what it cannot read
            continue
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    measure("conll-train", articles(conll_texts(a.corpora)[:400]), a.repeat)
    measure("generated", articles(generated_texts(1000)), a.repeat)
    measure("stories", story_files(), a.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
