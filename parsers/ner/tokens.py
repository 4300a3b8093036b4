"""Candidate runs: capitalized words (and the particles that join them) found in one regex pass.

Only the words inside a run are ever classified; everything else is "O" at
no cost, which is what keeps extraction several hundred thousand words a
second in pure Python.  Tokenization follows CoNLL-2003 (possessive 's and
punctuation are separate tokens; hyphenated words and abbreviations such as
"U.S." are one token) because the model was trained on it.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from parsers.ner.fastre import trie_pattern

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
# Capitalized only because they start a sentence, and followed by a lower-case word: the model
# tags these "O" (it is trained with them), so at run time the regex itself skips them — the
# commonest run in prose, and the cheapest to drop.
STARTERS = (
    "The|A|An|He|She|It|They|We|I|You|But|And|Or|In|On|At|For|If|As|This|That|These|Those|There|Their|"
    "His|Her|Its|Our|My|When|While|After|Before|Since|Although|Though|However|Also|Some|Many|Most|All|"
    "Both|Each|Other|Such|What|Who|Which|Where|Why|How|So|Then|Yet|Now|Once|Only|Even|Still|By|With|From|"
    "To|Of|Under|Over|During|According|Asked|Meanwhile|Instead|Despite|Because|Not|No|Any|Every|Few|More"
)
_RUN = rf"{_CAPWORD}(?:[ \t]+(?:(?:{CONNECTORS})[ \t]+)*{_CAPWORD})*"
# "\b" plus a look-ahead for a capital make the regex give up at once everywhere but at the start of
# a candidate word (three times faster than trying the run pattern at every position).  The
# trailing look-ahead captures the word after the run, saving a second match per run.
_START = rf"\b(?=[{_UP}]|[{_LO}]+-[{_UP}])"
_NEXT = rf"(?=[ \t]*({_WORD}|['’][sS]\b|[^\w\s]))?"
RUN_RE = re.compile(rf"{_START}(?!{trie_pattern(STARTERS.split('|'))}[ \t]+[a-z])({_RUN}){_NEXT}")
ALL_RUNS_RE = re.compile(rf"{_START}({_RUN}){_NEXT}")
# The word just before a run (matched on the reversed preceding text: Python's regexes cannot
# search backwards cheaply), and the word just after it.
PREV_REVERSED_RE = re.compile(r"[ \t]*([sS]['’]|\w+|[^\w\s])")
HAS_LOWER_RE = re.compile(f"[{_LO}]")
NEWLINE = "\n"
# What may stand between a sentence break and the first word of the sentence.
_OPENERS_STR = " \t\"'“‘(«[-—–"
_OPENERS = frozenset(_OPENERS_STR)
_ENDERS = frozenset(".!?\n:;")


class Run(NamedTuple):
    """One candidate run: its tokens with offsets, and the context the model needs.

    A NamedTuple rather than a frozen dataclass: thousands are made per story and tuple creation
    is several times cheaper.
    """

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


# A candidate run before tokenization: (surface, start offset, previous word, next word,
# sentence-initial, all-caps line).  A plain tuple: extraction caches per distinct context and
# tokenizes a surface only the first time it is seen.
Context = tuple[str, int, str, str, bool, bool]


def split_run(surface: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...]]:
    """Tokens of a run and their start and end offsets relative to the run's start.

    A function of the surface alone: TOKEN_RE looks neither before a token nor past the run."""
    if " " not in surface and "\t" not in surface:
        return (surface,), (0,), (len(surface),)
    if "  " not in surface and "\t" not in surface:
        # Words of a run are whole tokens separated by single spaces: offsets by arithmetic.
        toks = tuple(surface.split(" "))
        s_list = []
        e_list = []
        pos = 0
        for tok in toks:
            s_list.append(pos)
            pos += len(tok)
            e_list.append(pos)
            pos += 1
        return toks, tuple(s_list), tuple(e_list)
    found = list(TOKEN_RE.finditer(surface))
    return (
        tuple(t.group() for t in found),
        tuple(t.start() for t in found),
        tuple(t.end() for t in found),
    )


def run_contexts(text: str, *, skip_starters: bool = True) -> list[Context]:
    """Candidate runs in text order, untokenized; ``skip_starters=False`` keeps sentence starters."""
    out: list[Context] = []
    caps_of_line: dict[int, bool] = {}
    append = out.append
    prev_match = PREV_REVERSED_RE.match
    for m in (RUN_RE if skip_starters else ALL_RUNS_RE).finditer(text):
        surface, nxt = m.groups()
        start = m.start(1)
        if nxt is None:
            nxt = "</S>"
        upper = surface.isupper()
        # What precedes the run.  Common case first: a plain word and one space ("in Baghdad"), so
        # not a sentence start, and the previous word is that word (the regexes below agree).
        if start > 1 and text[start - 1] == " " and text[start - 2].isalnum() and not upper:
            k = text.rfind(" ", max(0, start - 32), start - 1)
            word = text[k + 1 : start - 1]
            if word.isalnum() and (k >= 0 or start <= 32):
                append((surface, start, word, nxt, False, False))
                continue
        # Sentence start: only openers between a sentence end (or the text start) and the run, looked
        # for within 32 characters (a window of nothing but openers is a sentence start only at the
        # text start).  A loop, not a regex on the reversed window: it stops after a character or two.
        lo = start - 32
        floor = lo if lo > 0 else 0
        j = start - 1
        while j >= floor and text[j] in _OPENERS:
            j -= 1
        si = lo <= 0 if j < floor else text[j] in _ENDERS
        if si:
            prev = "<S>"
        else:
            pm = prev_match(text[floor:start][::-1])
            prev = "<S>" if pm is None else pm.group(1)[::-1]
        if upper:
            line_start = text.rfind(NEWLINE, 0, start) + 1
            ac = caps_of_line.get(line_start)
            if ac is None:
                line_end = text.find(NEWLINE, start + len(surface))
                if line_end < 0:
                    line_end = len(text)
                ac = HAS_LOWER_RE.search(text, line_start, line_end) is None
                caps_of_line[line_start] = ac
        else:
            ac = False  # the run itself has lower-case letters, so its line does
        append((surface, start, prev, nxt, si, ac))
    return out


def iter_runs(text: str, *, skip_starters: bool = True) -> list[Run]:
    """Candidate runs in text order, tokenized, with offsets into ``text`` (the trainer's view)."""
    runs: list[Run] = []
    for surface, start, prev, nxt, si, ac in run_contexts(text, skip_starters=skip_starters):
        toks, rel_starts, rel_ends = split_run(surface)
        starts = tuple([start + r for r in rel_starts])
        ends = tuple([start + r for r in rel_ends])
        runs.append(Run(toks, starts, ends, prev, nxt, si, ac))
    return runs
