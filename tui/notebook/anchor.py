"""Anchors: make them, and find them again in a story that was re-parsed or re-sent.

Re-finding goes from cheap and certain to costly and approximate:
1. the old offsets still hold the quoted text;
2. the exact quote elsewhere — the occurrence whose prefix/suffix agree best, then the nearest;
3. a fuzzy match (the text moved *and* changed a little), seeded by short slices of the quote so
   the costly comparison only runs where the quote plausibly is, and accepted above a similarity floor.
When nothing is good enough the caller gets None: the annotation is an orphan, kept and listed.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from tui.notebook.model import Anchor

CONTEXT = 32
# Below this similarity a "match" is more likely a different sentence than an edited one.
FUZZY_FLOOR = 0.75
_MAX_SEEDS = 200


def make_anchor(text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"anchor {start}..{end} outside text of {len(text)} characters")
    return Anchor(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - context) : start],
        suffix=text[end : end + context],
    )


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> int:
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)


def _occurrences(text: str, needle: str, limit: int = _MAX_SEEDS) -> list[int]:
    out: list[int] = []
    pos = text.find(needle)
    while pos != -1 and len(out) < limit:
        out.append(pos)
        pos = text.find(needle, pos + 1)
    return out


def _exact_search(text: str, anchor: Anchor) -> tuple[int, int] | None:
    n = len(anchor.exact)
    hits = _occurrences(text, anchor.exact, limit=10_000)
    if not hits:
        return None
    best = max(hits, key=lambda s: (_context_score(text, s, s + n, anchor), -abs(s - anchor.start)))
    return best, best + n


def _fuzzy_search(text: str, anchor: Anchor) -> tuple[int, int] | None:
    exact = anchor.exact
    n = len(exact)
    if n < 8:
        return None  # too short to tell an edit from a different word
    k = max(4, min(16, n // 5))
    seeds = {0, n - k, n // 2 - k // 2, n // 4, (3 * n) // 4 - k}
    candidates: set[int] = set()
    for off in seeds:
        off = max(0, min(off, n - k))
        for pos in _occurrences(text, exact[off : off + k]):
            candidates.add(pos - off)
    slack = max(8, n // 4)
    best: tuple[float, int, int, int] | None = None  # (ratio, -distance, start, end)
    for cand in candidates:
        lo = max(0, cand - slack)
        window = text[lo : cand + n + slack]
        matcher = SequenceMatcher(None, exact, window, autojunk=False)
        blocks = [b for b in matcher.get_matching_blocks() if b.size]
        if not blocks:
            continue
        start, end = lo + blocks[0].b, lo + blocks[-1].b + blocks[-1].size
        matched = sum(b.size for b in blocks)
        ratio = 2.0 * matched / (n + (end - start))
        key = (ratio, -abs(start - anchor.start), start, end)
        if best is None or key > best:
            best = key
    if best is None or best[0] < FUZZY_FLOOR:
        return None
    return best[2], best[3]


def reanchor(text: str, anchor: Anchor) -> tuple[int, int] | None:
    """Where ``anchor`` sits in ``text`` now, or None (an orphan)."""
    if not anchor.exact:
        return None
    if text[anchor.start : anchor.end] == anchor.exact:
        return anchor.start, anchor.end
    return _exact_search(text, anchor) or _fuzzy_search(text, anchor)


def refresh(text: str, anchor: Anchor) -> Anchor | None:
    """The anchor re-made at its new place (quote and context from the new text), or None."""
    found = reanchor(text, anchor)
    if found is None:
        return None
    if found == (anchor.start, anchor.end) and text[found[0] : found[1]] == anchor.exact:
        return anchor
    return make_anchor(text, found[0], found[1], max(len(anchor.prefix), len(anchor.suffix), CONTEXT))
