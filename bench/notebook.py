"""Notebook benchmark: save latency and load time at 10,000 annotations, and the SIGKILL torture run.

    .venv/bin/python bench/notebook.py [--annotations 10000] [--saves 40] [--kills 200]

Baseline, measured in the same run: a bare ``json.dumps(indent=2)`` + write of the same document
(no fsync, no temp file, no backup) — the ratio is what safety costs over the naive save.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.notebook_support import kill_cycle  # noqa: E402
from tui.notebook.anchor import make_anchor  # noqa: E402
from tui.notebook.model import Annotation, Grade, Target, new_annotation  # noqa: E402
from tui.notebook.store import NotebookStore, Op, load_notebook  # noqa: E402

TEXT = (
    "KYIV, March 3 (Wire) - Officials said at least 12 people were killed in the overnight strike. "
    '"We will rebuild every house," Mayor Ivan Petrenko told reporters on Tuesday. '
) * 40
TAGS = ("key-judgement", "follow-up", "casualty-figure", "single-source", "unverified")


def _ann(i: int) -> Annotation:
    start = (i * 37) % (len(TEXT) - 200)
    return new_annotation(
        f"story{i % 400:04d}",
        Target("sentence"),
        make_anchor(TEXT, start, start + 90 + i % 80),
        tags=(TAGS[i % 5], TAGS[(i + 2) % 5]),
        note=f"Analyst note {i}: cross-check with the ministry figure.\nSecond line." if i % 3 else "",
        grade=Grade("ABCDEF"[i % 6], 1 + i % 6) if i % 2 else None,
    )


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def _p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def bench_save_load(n: int, saves: int, folder: Path) -> None:
    path = folder / "notebook.json"
    store = NotebookStore.open(path)
    for i in range(n):
        # Build in memory without n saves, then measure saves of the full-size notebook.
        store._apply(Op("add", None, _ann(i)))
    t0 = time.perf_counter()
    assert store.save() is None  # the first save renders every annotation once (cached after)
    first_save = time.perf_counter() - t0
    size = path.stat().st_size
    ids = [a.id for a in store.annotations()]
    latencies: list[float] = []
    for k in range(saves):
        ann = store.get(ids[(k * 997) % n])
        assert ann is not None
        t0 = time.perf_counter()
        change = store.update(dataclasses.replace(ann, note=ann.note + f" edit {k}"))
        latencies.append(time.perf_counter() - t0)
        assert change.ok, change.error
    add_lat: list[float] = []
    for k in range(saves // 2):
        t0 = time.perf_counter()
        assert store.add(_ann(n + k)).ok
        add_lat.append(time.perf_counter() - t0)
    doc = store.notebook
    store.close()

    # Baseline: the naive save of the same document.
    base: list[float] = []
    naive = folder / "naive.json"
    for _ in range(saves):
        t0 = time.perf_counter()
        with open(naive, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(doc.to_json(), indent=2, ensure_ascii=False) + "\n")
        base.append(time.perf_counter() - t0)

    compact: list[float] = []
    for _ in range(saves):
        t0 = time.perf_counter()
        with open(naive, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(doc.to_json(), ensure_ascii=False))
        compact.append(time.perf_counter() - t0)

    loads: list[float] = []
    for _ in range(5):
        t0 = time.perf_counter()
        nb = load_notebook(path)
        loads.append(time.perf_counter() - t0)
    assert len(nb.annotations) == n + saves // 2
    base_load: list[float] = []
    for _ in range(5):
        t0 = time.perf_counter()
        json.loads(path.read_bytes())
        base_load.append(time.perf_counter() - t0)

    med, p95, bmed = _ms(statistics.median(latencies)), _ms(_p95(latencies)), _ms(statistics.median(base))
    print(f"notebook: {n} annotations, {size / 1e6:.1f} MB on disk")
    print(
        f"save (update, atomic+fsync+.bak): median {med:.1f} ms, p95 {p95:.1f} ms over {saves} saves "
        f"(target <= 50 ms) {'OK' if p95 <= 50 else 'OVER'}"
    )
    print(f"save (add): median {_ms(statistics.median(add_lat)):.1f} ms, p95 {_ms(_p95(add_lat)):.1f} ms")
    print(
        f"baseline json.dumps(indent=2)+write, same bytes, no fsync: median {bmed:.1f} ms; "
        f"ratio save/baseline {med / bmed:.2f}x"
    )
    cmed = _ms(statistics.median(compact))
    print(
        f"baseline json.dumps compact (C encoder)+write, no fsync: median {cmed:.1f} ms; "
        f"ratio save/baseline {med / cmed:.2f}x"
    )
    print(f"first save after open (renders all {n} annotations once): {_ms(first_save):.0f} ms")
    lmed, blmed = _ms(statistics.median(loads)), _ms(statistics.median(base_load))
    print(
        f"load (read+validate): median {lmed:.1f} ms; baseline json.loads {blmed:.1f} ms; ratio {lmed / blmed:.2f}x"
    )


def bench_torture(kills: int, folder: Path) -> None:
    path = folder / "torture" / "notebook.json"
    rng = random.Random(2026)
    committed: set[str] = set()
    lost_total = 0
    problems = 0
    mid_save = 0
    t0 = time.perf_counter()
    for _ in range(kills):
        ids, problem = kill_cycle(str(path), rng, max_delay=0.12)
        problems += problem is not None
        committed |= ids
        # A temp file left behind means the kill landed mid-save: the case this run is about.
        mid_save += any(n.endswith(".tmp") for n in os.listdir(path.parent))
        on_disk = {a.id for a in load_notebook(path).annotations}
        lost_total += len(committed - on_disk)
    elapsed = time.perf_counter() - t0
    leftovers = [n for n in os.listdir(path.parent) if n.endswith(".tmp")]
    print(
        f"torture: {kills} SIGKILLs, {len(committed)} committed annotations, {lost_total} lost, "
        f"{problems} failed opens, {mid_save} kills landed mid-save, notebook loaded after every kill, "
        f"{len(leftovers)} temp files left for the next opener to sweep, {elapsed:.1f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--annotations", type=int, default=10_000)
    ap.add_argument("--saves", type=int, default=40)
    ap.add_argument("--kills", type=int, default=200)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="wiredesk-bench-", dir=os.environ.get("BENCH_DIR")) as tmp:
        bench_save_load(args.annotations, args.saves, Path(tmp))
        if args.kills:
            bench_torture(args.kills, Path(tmp))


if __name__ == "__main__":
    main()
