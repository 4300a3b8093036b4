"""The hand-written name lists in ``parsers/data/gazetteer.txt``, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Gazetteer:
    # Lower-cased single words and phrases (space-joined tokens) → section names.
    words: dict[str, tuple[str, ...]]
    phrases: dict[str, str]
    longest: int
    # The first word of every phrase: a run with none of them holds no phrase (the usual case).
    phrase_starts: frozenset[str]
    # Words listed only as MISC (religions, nationalities): see the tagger's _listed_names.
    misc_only: frozenset[str]
    # Acronym (as written) → its expansion, for acronyms that are well known without parentheses.
    acronyms: dict[str, str]
    titles: frozenset[str]


def _parse(text: str) -> Gazetteer:
    words: dict[str, list[str]] = {}
    phrases: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    titles: set[str] = set()
    section = ""
    longest = 1
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1]
            continue
        for item in line.split(","):
            name = item.strip()
            if not name:
                continue
            if section == "ACRONYM":
                short, _, full = name.partition("=")
                acronyms[short.strip()] = full.strip()
                continue
            low = name.lower()
            if section == "TITLE":
                titles.add(low)
            n = len(low.split())
            if n == 1:
                words.setdefault(low, [])
                if section not in words[low]:
                    words[low].append(section)
            else:
                longest = max(longest, n)
                phrases.setdefault(low, section)
    return Gazetteer(
        words={k: tuple(v) for k, v in words.items()},
        phrases=phrases,
        longest=longest,
        phrase_starts=frozenset(p.split(" ")[0] for p in phrases),
        misc_only=frozenset(w for w, sections in words.items() if sections == ["MISC"]),
        acronyms=acronyms,
        titles=frozenset(titles),
    )


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    # Package data beside the code (importlib.resources would add ~10 ms of imports to start-up).
    text = (Path(__file__).resolve().parent.parent / "data" / "gazetteer.txt").read_text(encoding="utf-8")
    return _parse(text)


def phrase_labels(lower_tokens: list[str], gaz: Gazetteer) -> list[str]:
    """Per token "B-LOC"/"I-ORG"/"" from the longest multi-word gazetteer phrase covering it."""
    n = len(lower_tokens)
    out = [""] * n
    if n < 2:
        return out
    starts = gaz.phrase_starts
    if starts.isdisjoint(lower_tokens):
        return out
    i = 0
    phrases = gaz.phrases
    while i < n:
        hit = 0
        section = ""
        if lower_tokens[i] in starts:
            for k in range(min(gaz.longest, n - i), 1, -1):
                sec = phrases.get(" ".join(lower_tokens[i : i + k]))
                if sec is not None:
                    hit, section = k, sec
                    break
        if hit:
            out[i] = "B-" + section
            for j in range(i + 1, i + hit):
                out[j] = "I-" + section
            i += hit
        else:
            i += 1
    return out
