"""Candidate runs: capitalized words (and the particles that join them) found in one regex pass.

Only the words inside a run are ever classified; everything else is "O" at
no cost, which is what keeps extraction several hundred thousand words a
second in pure Python.  Tokenization follows CoNLL-2003 (possessive 's and
punctuation are separate tokens; hyphenated words and abbreviations such as
"U.S." are one token) because the model was trained on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from parsers.ner.fastre import trie_pattern

_UP = "A-ZÀ-ÖØ-Þ"
_LO = "a-zß-öø-ÿ"
_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Sgt|Capt|Maj|Rep|Sen|Gov|Prof|Inc|Corp|Co|Ltd|Mt|Ft|Rev|Adm|"
    "Cmdr|Brig|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Messrs|Bros|Ave|Blvd"
)
# As a trie (see fastre): the same matches as the plain alternation, as no two abbreviations can
# both be followed by the period.
_ABBR = rf"{trie_pattern(_ABBREVIATIONS.split('|'))}\."
# Possessive repeats ("*+", "++") below never give characters back: each is followed by optional
# parts only, or by something that cannot start with what would be given back (a lower-case letter
# is no "-" or capital; a connector word cannot start a capitalized word), so they match exactly
# what plain repeats would, and CPython's regex engine runs them without backtracking bookkeeping.
# The parts after a word's first letters: apostrophes (O'Neill, but not the possessive 's) and
# hyphens (al-Sudani, Jean-Paul).
_WORD_PARTS = r"(?:['’](?![sS]\b)\w+)*+(?:[-&/](?:\w+(?:['’](?![sS]\b)\w+)*+|(?:[A-Z]\.){2,}))*+"
# One word: dotted acronym (U.S., U.N.), a title abbreviation, an initial before a name, or a word.
_WORD = rf"(?:[{_UP}]\.){{2,}}(?:-\w+)*+|{_ABBR}|[{_UP}]\.(?=[ \t][{_UP}])|\w+{_WORD_PARTS}"
TOKEN_RE = re.compile(rf"{_WORD}|['’][sS]\b|[^\w\s]")
# A capitalized word: starts upper case, or a lower-case prefix joined by a hyphen to a capitalized
# part (al-Sudani, pro-Iranian), or a dotted acronym or title abbreviation.
_CAPWORD = (
    rf"(?:(?:[{_UP}]\.){{2,}}(?:-\w+)*+|{_ABBR}|[{_UP}]\.(?=[ \t][{_UP}])"
    rf"|(?:[{_LO}]++-)*+[{_UP}]\w*{_WORD_PARTS})"
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
# The words of a run after its first (a trie of connectors matches what their alternation does: no
# two connectors can both be followed by a space).
_MORE_WORDS = rf"(?:[ \t]+(?:{trie_pattern(CONNECTORS.split('|'))}[ \t]+)*+{_CAPWORD})*+"
_RUN = rf"{_CAPWORD}{_MORE_WORDS}"
# "\b" plus a look-ahead for a capital make the regex give up at once everywhere but at the start of
# a candidate word (three times faster than trying the run pattern at every position).  The
# trailing look-ahead captures the word after the run, saving a second match per run ("(?=…)|"
# rather than "(?=…)?": the same, without a repeat).
_START = rf"\b(?=[{_UP}]|[{_LO}]+-[{_UP}])"
_NEXT = rf"(?:(?=[ \t]*({_WORD}|['’][sS]\b|[^\w\s]))|)"
# RUN_RE and ALL_RUNS_RE define the runs (and match them where _run_matches needs them); the scans
# below find them faster.
RUN_RE = re.compile(rf"{_START}(?!{trie_pattern(STARTERS.split('|'))}[ \t]+[a-z])({_RUN}){_NEXT}")
ALL_RUNS_RE = re.compile(rf"{_START}({_RUN}){_NEXT}")


def _rest_after_first_letter(words: Iterable[str]) -> str:
    """A regex for the rest of any of ``words``, to follow a pattern that has already consumed the
    word's first letter: each rest is checked against that letter by a look-behind on the whole
    word ("he(?<=The)").  Rests are grouped by their first character, so the regex engine rules
    out all groups but one by one character comparison each."""
    firsts: dict[str, str] = {}
    for w in words:
        firsts[w[1:]] = firsts.get(w[1:], "") + w[0]

    def check(rest: str) -> str:
        first = firsts[rest] if len(firsts[rest]) == 1 else f"[{firsts[rest]}]"
        return f"(?<={first}{re.escape(rest)})"

    groups: dict[str, list[str]] = {}
    for rest in sorted(firsts):
        groups.setdefault(rest[:1], []).append(rest)
    branches = []
    for lead, rests in groups.items():
        alts = [re.escape(r[1:]) + check(r) for r in rests]
        branches.append(re.escape(lead) + (alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"))
    return f"(?:{'|'.join(branches)})"


# CPython's regex search skips to the next possible first character in a C loop only when a
# pattern starts with a literal or a character class (sre's "charset prefix"); RUN_RE starts with
# "\b" and look-arounds, so its matcher is entered at every position of the text, which was most
# of its cost.  The scans start with the capital itself, then check what RUN_RE checks before it:
# "(?<!\w.)" is the word boundary ("." is the capital just matched), then the sentence starters
# (each starter's first letter checked by a look-behind).  The rest is _RUN after its first letter,
# _CAPWORD's alternatives in the same order (dotted acronym, title abbreviation, initial, word), so
# at a capital the scan matches exactly what RUN_RE matches there.  Runs that start with a
# lower-case prefix ("al-Sudani") are found at their capital: right after a hyphen ("(?<=-.)")
# the scan matches even a starter, and _run_matches lets RUN_RE match there.
_CAPWORD_REST = (
    rf"(?:\.(?:[{_UP}]\.)+(?:-\w+)*+|{_rest_after_first_letter(_ABBREVIATIONS.split('|'))}\."
    rf"|\.(?=[ \t][{_UP}])|\w*{_WORD_PARTS})"
)
_NOT_STARTER = rf"(?:(?<=-.)|(?!{_rest_after_first_letter(STARTERS.split('|'))}[ \t]+[a-z]))"
_RUN_SCAN_RE = re.compile(rf"([{_UP}](?<!\w.){_NOT_STARTER}{_CAPWORD_REST}{_MORE_WORDS}){_NEXT}")
_ALL_RUNS_SCAN_RE = re.compile(rf"([{_UP}](?<!\w.){_CAPWORD_REST}{_MORE_WORDS}){_NEXT}")
_LOWER_CHARS = frozenset(c for c in map(chr, range(0x100)) if re.fullmatch(f"[{_LO}]", c))


def _run_matches(text: str, scan: re.Pattern[str], exact: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of ``exact.finditer(text)`` (RUN_RE or ALL_RUNS_RE), found with its ``scan``.

    The scan matches where ``exact`` does, except next to a hyphen: there ``exact`` decides.  The
    only places ``exact`` matches and the scan cannot are the starts of lower-case prefixes, each
    followed by a hyphen and a capital (_START allows one prefix: in "pro-al-Sudani" the run starts
    at "al"), and the scan stops at that capital.  So back up over the lower-case letters before
    the hyphen: ``exact`` matches at their start if that is a word boundary, and nowhere else
    before the capital (no boundary inside the letters; the hyphen starts no run).  Otherwise
    ``exact`` at the capital says what RUN_RE finds there (nothing for a sentence starter).  The
    scan then resumes where ``exact.finditer`` would: after the match used, or after the capital.
    ``floor`` is where ``exact.finditer`` is searching from, the end of the previous match: a prefix
    reaching back before it is not matched (no run ends inside a lower-case word, so this never
    happens; checked so that the equivalence does not rest on it).
    """
    pos = 0
    while True:
        last = None
        for m in scan.finditer(text, pos):
            cap = m.start()
            if cap and text[cap - 1] == "-":
                break
            last = m
            yield m
        else:
            return
        floor = pos if last is None else last.end()
        k = cap - 1
        while k and text[k - 1] in _LOWER_CHARS:
            k -= 1
        fixed = exact.match(text, k) if floor <= k < cap - 1 else None
        if fixed is None:
            fixed = exact.match(text, cap)
        if fixed is None:
            pos = cap + 1
        else:
            yield fixed
            pos = fixed.end()


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


# A candidate run before tokenization, without its offset: (surface, previous word, next word,
# sentence-initial, all-caps line).  A plain tuple, and the very key extraction caches a run's
# tokens, tags and spans by (the offsets come in a list beside it): the same run in the same
# context recurs, and is tokenized and tagged once.
Context = tuple[str, str, str, bool, bool]


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


def run_contexts(text: str, *, skip_starters: bool = True) -> tuple[list[Context], list[int]]:
    """Candidate runs in text order, untokenized, and where each starts; ``skip_starters=False``
    keeps sentence starters."""
    out: list[Context] = []
    offsets: list[int] = []
    caps_of_line: dict[int, bool] = {}
    append = out.append
    at = offsets.append
    prev_match = PREV_REVERSED_RE.match
    scan, exact = (_RUN_SCAN_RE, RUN_RE) if skip_starters else (_ALL_RUNS_SCAN_RE, ALL_RUNS_RE)
    for m in _run_matches(text, scan, exact):
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
                append((surface, word, nxt, False, False))
                at(start)
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
        append((surface, prev, nxt, si, ac))
        at(start)
    return out, offsets


def iter_runs(text: str, *, skip_starters: bool = True) -> list[Run]:
    """Candidate runs in text order, tokenized, with offsets into ``text`` (the trainer's view)."""
    runs: list[Run] = []
    contexts, offsets = run_contexts(text, skip_starters=skip_starters)
    for (surface, prev, nxt, si, ac), start in zip(contexts, offsets, strict=True):
        toks, rel_starts, rel_ends = split_run(surface)
        starts = tuple([start + r for r in rel_starts])
        ends = tuple([start + r for r in rel_ends])
        runs.append(Run(toks, starts, ends, prev, nxt, si, ac))
    return runs
