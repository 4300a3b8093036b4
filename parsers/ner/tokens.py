"""Candidate runs: capitalized words (and the particles that join them) found in one regex pass.

Only the words inside a run are ever classified; everything else is "O" at
no cost, which is what keeps extraction several hundred thousand words a
second in pure Python.  Tokenization follows CoNLL-2003 (possessive 's and
punctuation are separate tokens; hyphenated words and abbreviations such as
"U.S." are one token) because the model was trained on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_ABBR = (
    r"(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Maj|Rep|Sen|Gov|Prof|Inc|Corp|Co|Ltd|Mt|Ft|Rev|Adm|"
    r"Cmdr|Brig|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Messrs|Bros|Ave|Blvd)\."
)
# One word: dotted acronym (U.S., U.N.), a title abbreviation, an initial before a name, or a word
# that may carry apostrophes (O'Neill, but not the possessive 's) and hyphens (al-Sudani, Jean-Paul).
_WORD = (
    rf"(?:[{_UP}]\.){{2,}}(?:-\w+)*|{_ABBR}|[{_UP}]\.(?=[ \t][{_UP}])"
    r"|\w+(?:['’](?![sS]\b)\w+)*(?:[-&/](?:\w+(?:['’](?![sS]\b)\w+)*|(?:[A-Z]\.){2,}))*"
)
TOKEN_RE = re.compile(rf"{_WORD}|['’][sS]\b|[^\w\s]")
# A capitalized word: starts upper case, or a lower-case prefix joined by a hyphen to a capitalized
# part (al-Sudani, pro-Iranian), or a dotted acronym or title abbreviation.
_CAPWORD = (
    rf"(?:(?:[{_UP}]\.){{2,}}(?:-\w+)*|{_ABBR}|[{_UP}]\.(?=[ \t][{_UP}])"
    rf"|(?:[{_LO}]+-)*[{_UP}]\w*(?:['’](?![sS]\b)\w+)*(?:[-&/](?:\w+(?:['’](?![sS]\b)\w+)*|(?:[A-Z]\.){{2,}}))*)"
)
# Lower-case words that may sit inside a name ("Bank of England", "Vincent van der Berg",
# "Islamic Resistance in Iraq"); the model decides whether they do.
CONNECTORS = (
    "of|de|du|des|del|della|di|da|do|dos|das|la|le|les|van|von|der|den|ten|ter|al|el|bin|ibn|bint|"
    "abu|and|&|for|the|y|e|in|on|upon|zu|af|av"
)
RUN_RE = re.compile(rf"{_CAPWORD}(?:[ \t]+(?:(?:{CONNECTORS})[ \t]+)*{_CAPWORD})*")
# The word just before a run (matched on the reversed preceding text: Python's regexes cannot
# search backwards cheaply), and the word just after it.
PREV_REVERSED_RE = re.compile(r"[ \t]*([sS]['’]|\w+|[^\w\s])")
NEXT_RE = re.compile(rf"[ \t]*({_WORD}|['’][sS]\b|[^\w\s])")
HAS_LOWER_RE = re.compile(f"[{_LO}]")
NEWLINE = "\n"
# What may stand between a sentence break and the first word of the sentence.
_OPENERS = frozenset(" \t\"'“‘(«[-—–")
_ENDERS = frozenset(".!?\n:;")


@dataclass(frozen=True, slots=True)
class Run:
    """One candidate run: its tokens with offsets, and the context the model needs."""

    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    prev: str  # the word before the run ("<S>" at a sentence start)
    next: str  # the word after it ("</S>" at a line end)
    sent_initial: bool
    all_caps: bool  # the run sits on a line with no lower-case letter (headline, dateline, results)


def sentence_initial(text: str, start: int) -> bool:
    j = start - 1
    while j >= 0 and text[j] in _OPENERS:
        j -= 1
    return j < 0 or text[j] in _ENDERS


def iter_runs(text: str) -> list[Run]:
    runs: list[Run] = []
    caps_of_line: dict[int, bool] = {}
    for m in RUN_RE.finditer(text):
        start, end = m.span()
        toks: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for t in TOKEN_RE.finditer(text, start, end):
            toks.append(t.group())
            starts.append(t.start())
            ends.append(t.end())
        si = sentence_initial(text, start)
        if si:
            prev = "<S>"
        else:
            pm = PREV_REVERSED_RE.match(text[max(0, start - 32) : start][::-1])
            prev = "<S>" if pm is None else pm.group(1)[::-1]
        nm = NEXT_RE.match(text, end)
        nxt = "</S>" if nm is None else nm.group(1)
        line_start = text.rfind(NEWLINE, 0, start) + 1
        ac = caps_of_line.get(line_start)
        if ac is None:
            line_end = text.find(NEWLINE, end)
            if line_end < 0:
                line_end = len(text)
            ac = HAS_LOWER_RE.search(text, line_start, line_end) is None
            caps_of_line[line_start] = ac
        runs.append(Run(tuple(toks), tuple(starts), tuple(ends), prev, nxt, si, ac))
    return runs
