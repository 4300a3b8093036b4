"""Small hand-written stories and helpers for the notebook tests (no corpus text)."""

from __future__ import annotations

from parsers.build import Block, build_article
from parsers.model import Article, Claim, ClaimSource, Entity, Extraction, Mention, Meta, Span

BODY = (
    "KYIV, March 3 (Wire) - Officials said at least 12 people were killed in the overnight strike.",
    '"We will rebuild every house," Mayor Ivan Petrenko told reporters on Tuesday.',
    "A military source, speaking on condition of anonymity, said the figure could rise.",
    "Petrenko said aid from Kharkiv would arrive on Wednesday.",
)


def article(
    body: tuple[str, ...] = BODY, headline: str = "Strike kills 12 in city, mayor vows to rebuild"
) -> Article:
    return build_article(
        source="story.txt",
        fmt="text",
        blocks=[Block(headline, "headline"), *(Block(p) for p in body)],
        meta=Meta(headline=headline, agency="Wire"),
    )


def find(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return at, at + len(needle)


def extraction(art: Article) -> Extraction:
    """A hand-made extraction with the mistakes the corrections tests fix."""
    t = art.text
    petrenko = [find(t, "Ivan Petrenko"), (t.index("Petrenko said"), t.index("Petrenko said") + 8)]
    kharkiv = find(t, "Kharkiv")
    kyiv = find(t, "KYIV")
    ents = (
        Entity("e1", "PERSON", "Ivan Petrenko", (Mention(*petrenko[0]),)),
        Entity("e2", "PERSON", "Petrenko", (Mention(*petrenko[1]),)),
        Entity("e3", "PERSON", "Kharkiv", (Mention(*kharkiv),)),  # wrong type: a city
        Entity("e4", "LOC", "KYIV", (Mention(*kyiv),)),
        Entity("e5", "ORG", "Tuesday", (Mention(*find(t, "Tuesday")),)),  # false positive
    )
    q1 = find(t, "We will rebuild every house,")
    q2 = find(t, "the figure could rise")
    claims = (
        Claim("c1", "quote", ClaimSource("Mayor Ivan Petrenko", "named", False, "e1"), Span(*q1)),
        Claim("c2", "paraphrase", ClaimSource(None, "unattributed", False), Span(*q2)),
    )
    return Extraction(entities=ents, claims=claims)


# ------------------------------------------------------------------ crash torture (tests and bench)
# The saver runs as a fresh interpreter (not a fork of the test process, which may hold threads and
# locks from other tests) and reports each id on stdout only after its save returned.

_CHILD = """
import os, sys
from tui.notebook.model import Anchor, Target, new_annotation
from tui.notebook.store import NotebookStore
store = NotebookStore.open(sys.argv[1])
if store.read_only:
    os.write(1, f"!read-only {store.read_only_reason}\\n".encode())
    sys.exit(3)
os.write(1, b"ready\\n")
i = 0
while True:
    ann = new_annotation("story", Target("span"), Anchor(0, 5, "Kyiv "), tags=(sys.argv[2],), note=f"n{i}")
    if store.add(ann).ok:
        os.write(1, (ann.id + "\\n").encode())
    i += 1
"""


def kill_cycle(path: str, rng: object, max_delay: float = 0.25) -> tuple[set[str], str | None]:
    """Start a saver, SIGKILL it a random moment after it is ready; return (committed ids, problem)."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    assert isinstance(rng, random.Random)
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, path, f"cycle-{rng.randrange(10**6)}"],
        stdout=subprocess.PIPE,
        cwd=root,
        env=env,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().decode().strip()
    if first != "ready":
        proc.kill()
        proc.wait()
        return set(), first or "child died before opening the notebook"
    time.sleep(rng.uniform(0.01, max_delay))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    lines = proc.stdout.read().decode().splitlines()
    proc.stdout.close()
    return {line for line in lines if line and not line.startswith("!")}, None
