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


def _child_saves_forever(path: str, write_fd: int, tag: str) -> None:
    """In a forked child: add annotations one by one, reporting each id once its save returned."""
    import os

    from tui.notebook.model import Anchor, Target, new_annotation
    from tui.notebook.store import NotebookStore

    store = NotebookStore.open(path)
    if store.read_only:
        os.write(write_fd, f"!read-only {store.read_only_reason}\n".encode())
        return
    i = 0
    while True:
        ann = new_annotation("story", Target("span"), Anchor(0, 5, "Kyiv "), tags=(tag,), note=f"n{i}")
        change = store.add(ann)
        if change.ok:
            os.write(write_fd, (ann.id + "\n").encode())
        i += 1


def kill_cycle(path: str, rng: object, max_delay: float = 0.25) -> tuple[set[str], str | None]:
    """Fork a saver, SIGKILL it after a random delay; return (ids it reported committed, problem)."""
    import os
    import random
    import signal
    import time

    assert isinstance(rng, random.Random)
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            os.close(read_fd)
            _child_saves_forever(path, write_fd, f"cycle-{rng.random():.6f}")
        except BaseException:  # noqa: BLE001 - the child must never return into the parent's code
            code = 3
        finally:
            os._exit(code)
    os.close(write_fd)
    time.sleep(rng.uniform(0.02, max_delay))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    chunks = []
    while chunk := os.read(read_fd, 65536):
        chunks.append(chunk)
    os.close(read_fd)
    lines = b"".join(chunks).decode().splitlines()
    problems = [line for line in lines if line.startswith("!")]
    return {line for line in lines if not line.startswith("!")}, problems[0] if problems else None
