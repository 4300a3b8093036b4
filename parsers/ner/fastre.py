"""Regex helpers for scanning fast: a keyword list compiled as a trie.

CPython's regex engine skips ahead quickly only when a pattern starts with literal characters; an
alternation of many words (or one behind a look-behind or ``\\b``) is tried branch by branch at every
position.  A trie keeps one branch per first letter, so scanning for forty number words costs
about as much as scanning for one.  Word boundaries are checked by the caller on each hit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_pattern(words: Iterable[str]) -> str:
    root: dict[str, dict[str, object]] = {}
    for word in words:
        node: dict[str, object] = root  # type: ignore[assignment]
        for ch in word:
            node = node.setdefault(ch, {})  # type: ignore[assignment]
        node[""] = {}

    def emit(node: dict[str, object]) -> str:
        alts = []
        optional = False
        for ch, sub in sorted(node.items()):
            if ch == "":
                optional = True
                continue
            alts.append(re.escape(ch) + emit(sub))  # type: ignore[arg-type]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return emit(root)  # type: ignore[arg-type]


def first_char_branches(words: Iterable[str], after: str = "") -> list[str]:
    """``trie_pattern(words) + after`` split into one branch per first character, each led by that
    literal: joined with other literal-led branches by "|", the regex engine still skips ahead."""
    rests: dict[str, list[str]] = {}
    for w in words:
        rests.setdefault(w[0], []).append(w[1:])
    return [re.escape(c) + trie_pattern(rest) + after for c, rest in sorted(rests.items())]


def cased(words: Iterable[str]) -> list[str]:
    """Each word as written and capitalized (sentence-initial): "two" → "two", "Two"."""
    out: list[str] = []
    for w in words:
        out += [w, w[:1].upper() + w[1:]]
    return out
