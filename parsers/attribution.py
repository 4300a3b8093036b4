"""Attribution vocabulary: speech cues, who a source phrase names, and hedges.

Pure lexicon and phrase-level analysis; ``parsers.claims`` decides where the
pieces sit in a sentence.  Everything is regex or set lookup so that claims
stay cheap enough to run on every story.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

from parsers.quotes import Quote, in_quote


def words(spaced: str) -> frozenset[str]:
    """A word set written as one spaced string (lexicons read better that way)."""
    return frozenset(spaced.split())


# Verbs that report speech.  Inflections are listed rather than stemmed: a wire
# sentence is scanned with one compiled alternation.
SPEECH_VERBS = words(
    "said says say saying told tells telling added adds adding stated states explained explains noted "
    "notes noting warned warns warning announced announces declared declares insisted insists "
    "insisting confirmed confirms confirming denied denies denying reported reports reporting wrote "
    "writes argued argues asserted asserts acknowledged acknowledges admitted admits alleged alleges "
    "stressed stresses stressing emphasised emphasized emphasises emphasizes tweeted posted replied "
    "responded commented predicted predicts estimated estimates suggested suggests recalled revealed "
    "disclosed cautioned vowed vows pledged promised threatened maintained maintains contended "
    "conceded complained charged countered quoted claimed claims claiming announcing explaining urged "
    "testified"
)
# Verbs that name or judge something; a claim only with a quote or an "as …" complement.
NAMING_VERBS = words(
    "dubbed dubs called calls calling described describes describing branded brands labelled labeled "
    "termed terms condemned condemns condemning denounced denounces denouncing hailed hails slammed "
    "criticised criticized decried dismissed dismisses accused accuses accusing"
)
# Participles that continue the previous speaker's claim when they have no subject of their own.
CONTINUATIONS = words(
    "adding saying noting stressing explaining warning insisting calling describing denouncing "
    "branding condemning accusing denying confirming claiming"
)
# Verbs that show up as typos of cues in wire copy are checked against these, edit distance 1.
_TYPO_TARGETS = frozenset(w for w in SPEECH_VERBS | NAMING_VERBS if len(w) >= 6 and w.endswith("ed"))
# Real words one edit away from a cue: never a typo ("started" is not "stated").
_NOT_TYPOS = words(
    "started listed lasted tested rested wasted posted posed poised raised praised noted voted stared "
    "scared stored shared shaped stamped stated states stayed stained strained sustained contained "
    "retained obtained remained reminded revised devised advised derived arrived arises arisen "
    "counted mounted pointed printed painted planted granted wanted hunted haunted dented rented "
    "recalled repelled rebelled relied replied supplied applied implied complied renewed reviewed "
    "declined defined deferred referred inferred reported deported resorted sorted courted waned "
    "banded relied revelled reveled"
)

PRONOUNS_PERSON = words("he she")
PRONOUNS_GROUP = words("they it we")

# Head nouns of anonymous sources ("an official", "diplomats", "a source close to …").
ANON_HEADS = words(
    "official officials source sources diplomat diplomats spokesman spokeswoman spokesperson "
    "spokespeople spokesmen aide aides adviser advisers advisor advisors insider insiders witness "
    "witnesses resident residents person people officer officers employee employees member members "
    "lawmaker lawmakers legislator legislators analyst analysts expert experts investigator "
    "investigators photographer photographers correspondent correspondents reporter reporters "
    "journalist journalists executive executives negotiator negotiators envoy envoys commander "
    "commanders fighter fighters militant militants activist activists doctor doctors medic medics "
    "nurse nurses worker workers staffer staffers colleague colleagues relative relatives friend "
    "friends neighbour neighbours neighbor neighbors survivor survivors guard guards soldier soldiers "
    "delegate delegates minister ministers banker bankers trader traders observer observers monitor "
    "monitors"
)
_ANON_MARKERS = re.compile(
    r"\b(?:who (?:asked|declined|requested) (?:not to be (?:named|identified)|anonymity)|"
    r"on (?:the )?condition (?:of|that) (?:anonymity|(?:he|she|they) not be (?:named|identified))|"
    r"speaking anonymously|not authori[sz]ed to (?:speak|talk)|familiar with|close to|"
    r"with (?:direct )?knowledge of|briefed on)\b",
    re.IGNORECASE,
)
_DOC_HEADS = words(
    "statement statements report reports study survey document documents filing filings letter memo "
    "memorandum indictment complaint lawsuit data figures census records record transcript communique "
    "communiqué release draft text assessment analysis poll minutes footage video documents papers"
)
ORG_HEADS = words(
    "ministry ministries government governments police army military navy forces agency council "
    "committee office presidency administration department court group groups company firm bank party "
    "parliament cabinet commission authority authorities union alliance coalition organisation "
    "organization movement association federation embassy regime junta board media channel network "
    "television radio newspaper daily outlet prosecutors prosecutor's service services pentagon "
    "kremlin whitehouse state house senate congress assembly team club league fund institute "
    "university hospital centre center museum school church mission"
)
_DETERMINERS = frozenset(
    ["a", "an", "the", "one", "two", "three", "several", "some", "many", "other", "another", "two"]
)
_TITLES = words(
    "mr mrs ms dr prof sir president prime minister major general lieutenant colonel captain sergeant "
    "admiral brigadier judge justice senator rep representative governor mayor chancellor king queen "
    "prince princess sheikh pope cardinal bishop ambassador secretary chief"
)

# Hedges: markers that say a figure or statement is uncertain.  Number-bound hedges
# ("around", "about", "nearly") count only in front of a number, or "talk about"
# would hedge every claim.
_NUM = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|a (?:dozen|hundred|thousand|million|half|third|quarter)|half)\b"
_BEFORE_NUMBER = r"(?=\s+(?:US\$|\$|€|£)?" + _NUM + ")"


def _phrases(barred: str) -> list[str]:
    """Phrases written as one string, in order: "at least|up to" → ["at least", "up to"]."""
    return barred.split("|")


_NUMBER_HEDGES = _phrases(
    "at least|at most|more than|less than|fewer than|as many as|as much as|up to|nearly|almost|around|about|"
    "roughly|approximately|some|over|close to|an estimated|estimated|upwards of|in excess of"
)
# Every alternative, in the order the regex tries them, each starting with a plain letter
# (optional words and word choices written out) so that they can be grouped below.
_HEDGE_ALTERNATIVES = [
    *(h + _BEFORE_NUMBER for h in _NUMBER_HEDGES),
    *_phrases(
        "at least|reportedly|allegedly|purportedly|apparently|very probably|probably|possibly|presumably|"
        "likely|unlikely|believed|thought to|suspected|unconfirmed"
    ),
    r"did not (?:immediately )?confirm",
    r"could not (?:immediately )?confirm",
    r"could not (?:be )?(?:immediately |independently )?(?:verif(?:y|ied)|confirm(?:ed)?)",
    *_phrases(
        "may have|might have|could have|is said to|are said to|was said to|were said to|it is unclear|"
        "it was not clear|unverified|claimed to have"
    ),
]
HEDGE_RE = re.compile(r"\b(?:" + "|".join(_HEDGE_ALTERNATIVES) + r")\b", re.IGNORECASE)


def _by_first_letter(alternatives: list[str]) -> str:
    """``a1|a2|b1`` → ``a(?:1|2)|b(?:1)``: the same matches, each position tries one group.

    Alternatives with different first letters never match at the same place, so grouping
    them keeps what matches; inside a group the order stays the regex's own.  Python's re
    tries every branch of a flat alternation at every word start: grouped, it runs about
    twice as fast.
    """
    groups: dict[str, list[str]] = {}
    for alt in alternatives:
        groups.setdefault(alt[0], []).append(alt[1:])
    return "|".join(first + "(?:" + "|".join(rests) + ")" for first, rests in groups.items())


def folded(text: str) -> str | None:
    """``text.lower()`` when it can stand in for case-blind matching at the same offsets, else None.

    Case-sensitive patterns over the lower-cased story run about 4x faster than
    IGNORECASE ones.  The stand-in is exact unless lower-casing changes a length
    ("İ" becomes two characters) or the text holds one of the two letters that
    IGNORECASE equates with an ASCII letter although ``lower()`` does not (ı, ſ).
    """
    low = text.lower()
    if len(low) != len(text) or "ı" in text or "ſ" in text:
        return None
    return low


def foldable(text: str) -> bool:
    """True when ``folded`` folds ``text``: "İ" is the one character whose lower case is longer."""
    return "İ" not in text and "ı" not in text and "ſ" not in text


def hedge_runs(text: str, runs: bytes) -> bytes | None:
    """``runs`` (``letter_runs(text)``) lower-cased, for ``find_hedges`` to find where hedges can
    start; None where that does not show them all: when ``text`` is not ``foldable`` or holds
    the Kelvin sign, whose lower case is the ASCII "k" (with "İ", the only such characters)."""
    return runs.lower() if foldable(text) and "\u212a" not in text else None


def find_hedges(
    text: str,
    start: int,
    end: int,
    *,
    fold: bool = False,
    runs: bytes | None = None,
) -> tuple[str, ...]:
    """Hedge expressions inside text[start:end], lower-cased, in order, without repeats.

    ``fold`` is ``foldable(text)`` (the window alone is lower-cased then) and ``runs`` is
    ``hedge_runs(text, letter_runs(text))`` when the caller has them: the same answer, faster.

    With ``runs``, hedges are tried only where ``runs`` shows a hedge's first words.  A hedge
    starts after a non-word character with its first word as a whole letter run (\\W, then a
    letter; after its opening letters comes a space, a look-ahead for one, or \\b), so
    ``_HEDGE_STARTS`` finds every place one can start, and more.  Each place is tried with the
    hedge pattern (``_HEDGE_CASE_BLIND``), anchored there: the places it passes over are
    exactly those the plain search would find nothing at, and a place inside a match is not
    tried (the search goes on from the match's end), so the hedges are the search's.  Scanning
    the bytes for a space runs at memchr speed; the hedge pattern's \\W is a Unicode lookup
    per character.  (Done here, not in a helper: this runs for every claim.)
    """
    if runs is not None and start > 0:
        hedges: list[str] = []
        c = _HEDGE_STARTS.search(runs, start - 1, end)
        while c is not None:
            m = _HEDGE_CASE_BLIND.match(text, c.start(), end)
            if m is None:
                pos = c.start() + 1
            else:
                hedge = m.group(1).lower()
                if hedge not in hedges:
                    hedges.append(hedge)
                pos = m.end()
            c = _HEDGE_STARTS.search(runs, pos, end)
        return tuple(hedges)
    if fold:
        # Lower-cased from the character before the window, the word edge in front of a hedge
        # there.  Lower case is the same character by character over a window as over the
        # story (bar the Greek final sigma, a word character either way), and a window is
        # mostly ASCII, which lowers fast, where the story is not.
        edge = start - 1 if start > 0 else 0
        return _folded_hedges(text[edge:end].lower(), start - edge, end - edge)
    # Most contents hold no hedge: a word-set test spares them the big case-blind regex.
    if _HEDGE_TRIGGERS.isdisjoint(_ALPHA.findall(text[start:end].lower())):
        return ()
    out: list[str] = []
    for m in HEDGE_RE.finditer(text, start, end):
        h = " ".join(m.group(0).lower().split())
        if h not in out:
            out.append(h)
    return tuple(out)


def _folded_hedges(low: str, start: int, end: int) -> tuple[str, ...]:
    """``find_hedges`` over lower-cased text (see ``folded``).

    Case-sensitive the regex is cheap: no word-set test first (a match starts at a word
    boundary with its first word, always one of the triggers, as a whole letter run, so such a
    test could never turn a match away).  The search starts at the character before the window,
    the word edge in front of a hedge there (see ``_HEDGE_AFTER_EDGE``); the text's first
    character has none before it.
    """
    pattern, pos = (_HEDGE_AFTER_EDGE, start - 1) if start else (_HEDGE_LOW, start)
    hedges: list[str] = []
    m = pattern.search(low, pos, end)
    while m is not None:  # each search goes on from the last match's end, as finditer does
        if m.group(1) not in hedges:
            hedges.append(m.group(1))  # lower-case already, single spaces as in the pattern
        m = pattern.search(low, m.end(), end)
    return tuple(hedges)


_ALPHA = re.compile(r"[A-Za-z]+")
# HEDGE_RE for lower-cased text (see ``folded``), case-sensitive and grouped.
_HEDGE_LOW = re.compile(r"\b(" + _by_first_letter(_HEDGE_ALTERNATIVES) + r")\b")
# The same where the character before the hedge is there to match: every hedge starts with a
# letter, so \b before it is a non-word character before it.  Opening with a character class,
# not \b, lets re skip to those characters instead of trying every position (a quarter fewer
# instructions on wire copy).
_HEDGE_AFTER_EDGE = re.compile(r"\W(" + _by_first_letter(_HEDGE_ALTERNATIVES) + r")\b")
# ``_HEDGE_AFTER_EDGE`` for ``foldable`` text as it is: matched case-blind it finds what the
# case-sensitive pattern finds in the lower-cased text (the matchings part only over ı, ſ and
# İ, which such text lacks), but for "US$", whose capitals lower-cased text never holds: that
# branch is left out.  A place tried this way needs no lower-cased copy of the window.
_HEDGE_CASE_BLIND = re.compile(
    r"\W(" + _by_first_letter([alt.replace(r"US\$|", "") for alt in _HEDGE_ALTERNATIVES]) + r")\b",
    re.IGNORECASE,
)
# A space in lower-cased letter runs, then the letters and spaces a hedge alternative opens
# with (up to its first regex syntax): where a hedge can start (see ``find_hedges``).
# Opening with a literal, the pattern is scanned for at memchr speed.
_HEDGE_STARTS = re.compile(
    b" (?:"
    + _by_first_letter(sorted({re.sub(r"[^a-z ].*", "", alt) for alt in _HEDGE_ALTERNATIVES})).encode("ascii")
    + b")"
)
# The first word of every HEDGE_RE alternative.
_HEDGE_TRIGGERS = words(
    "at more less fewer as up nearly almost around about roughly approximately some over close an estimated "
    "upwards in reportedly allegedly purportedly apparently very probably possibly presumably likely "
    "unlikely believed thought suspected unconfirmed could did may might is are was were it unverified "
    "claimed"
)


def _typo_forms() -> dict[str, str]:
    """Misspellings of cues wire copy actually shows: a letter dropped ("inisted", "anounced")
    or doubled ("insissted").  A swapped letter is left out: it turns real words into cues
    too easily ("earned" is one substitution from "warned").  Enumerated once, so the
    sentence scan finds them with the same regex that finds real cues."""
    out: dict[str, str] = {}
    for w in sorted(_TYPO_TARGETS):
        variants = {w[:i] + w[i + 1 :] for i in range(len(w))} | {w[:i] + w[i] + w[i:] for i in range(len(w))}
        for v in variants:
            if (
                len(v) >= 5
                and v.endswith("ed")
                and v not in _NOT_TYPOS
                and v not in SPEECH_VERBS | NAMING_VERBS
            ):
                out.setdefault(v, w)
    return out


TYPO_FORMS = _typo_forms()


def typo_cue(word: str) -> str | None:
    """The cue a misspelt word stands for ("inisted" → "insisted"), or None."""
    return TYPO_FORMS.get(word.lower())


def trie_regex(alternatives: Iterable[str]) -> str:
    """One regex alternation factored into a prefix tree: "said|says|saying" → "sa(?:id|y(?:s|ing))".

    Python's re tries every branch of a flat alternation at every position; factored,
    a position that starts no cue is rejected after one character.
    """
    trie: dict[str, dict[str, Any]] = {}
    for w in alternatives:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(trie)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a source phrase is, from its words alone (entities may refine it)."""

    kind: str  # named | organization | anonymous | document | unattributed
    anonymous: bool
    pronoun: str | None = None  # "he", "she", "they", "it" when the phrase is only that
    role_only: bool = False  # "the Pentagon spokesman": a definite role with no name in it


_SOURCE_WORD = re.compile(r"[\w’'.&-]+")


_PLURALS = words("people staff crew police clergy personnel folk")
_HEAD_STOP = words(
    "for of from at close familiar who with in on to by seen obtained released published briefed "
    "involved speaking based quoted cited"
)


# Built once: a union of the three sets in the test below cost more than the rest of a
# classification (a lone capitalised word, "Tanaka", asks it).
_HEAD_NOUNS = ORG_HEADS | ANON_HEADS | _DOC_HEADS


@lru_cache(maxsize=4096)
def classify_source(phrase: str) -> SourceInfo:
    """Kind of a source from its wording: 'an Iraqi security official' → anonymous."""
    words = _SOURCE_WORD.findall(phrase)
    if not words:
        return SourceInfo("unattributed", False)
    low = [w.lower().strip(".’'") for w in words]
    if len(low) == 1 and low[0] in PRONOUNS_PERSON:
        return SourceInfo("named", False, pronoun=low[0])
    if len(low) == 1 and low[0] in PRONOUNS_GROUP:
        return SourceInfo("organization", False, pronoun=low[0])
    if _ANON_MARKERS.search(phrase):
        return SourceInfo("anonymous", True)
    # The head phrase: words before the first preposition or participle ("two diplomats involved in …").
    n = len(words)
    for i, w in enumerate(low):
        if i > 0 and w in _HEAD_STOP:
            n = i
            break
    pre, pre_low = words[:n], low[:n]
    # A capitalised run at the end names someone or something: "spokesman Pat Ryder", "group Green Delta".
    run = 0
    while (
        run < len(pre)
        and _name_word(pre[len(pre) - 1 - run])
        and pre_low[len(pre) - 1 - run] not in _DETERMINERS
    ):
        run += 1
    if run and not (run == len(pre) and len(pre) == 1 and pre_low[0] in _HEAD_NOUNS):
        before = pre_low[len(pre) - run - 1] if len(pre) > run else ""
        name_words = pre[len(pre) - run :]
        if before in ORG_HEADS or any(w.isupper() and len(w) >= 2 for w in name_words):
            return SourceInfo("organization", False)
        if pre_low[-1] in ORG_HEADS:
            return SourceInfo("organization", False)
        if all(is_title(w) for w in name_words):
            pass  # "the Inspector" — no name in it
        else:
            return SourceInfo("named", False)
    head = pre_low[-1]
    first = pre_low[0]
    if head in _DOC_HEADS:
        return SourceInfo("document", False)
    if head in ORG_HEADS:
        return SourceInfo("organization", False)
    plural = (
        (head.endswith("s") and not head.endswith("ss")) or head.endswith("men") or head in _PLURALS
    ) and head not in ORG_HEADS
    if first in _DETERMINERS and first != "the":
        return SourceInfo("anonymous", True)
    if head in ANON_HEADS or plural:
        if first == "the" and not plural:
            return SourceInfo("named", False, role_only=True)
        return SourceInfo("anonymous", True)
    if first == "the":
        return SourceInfo("named", False, role_only=True)
    return SourceInfo("unattributed", False)


def _name_word(word: str) -> bool:
    """A word of a name: capitalised, or a particle such as al-Sudani, bin, de, van."""
    return word[:1].isupper() or _PARTICLE.match(word) is not None


_PARTICLE = re.compile(r"(?:al|el|ad|as|ash|bin|ibn|de|del|der|van|von|da|di|du|le|la)(?:-[A-Z]|$)")


def _looks_like_name(words: list[str]) -> bool:
    """Two or more capitalised words that are not a title: 'John Kirby' in 'spokesman John Kirby'."""
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _TITLES]
    return len(caps) >= 2


def is_title(word: str) -> bool:
    return word.lower().strip(".") in _TITLES


# ------------------------------------------------------------------ finding cues

VERB_WORDS = (
    words(
        "said says say saying told tells telling added adds adding stated explained noted noting warned "
        "warning announced declared insisted insists insisting confirmed confirms confirming denied denies "
        "denying reported reports reporting wrote writes argued argues asserted acknowledged admitted alleged "
        "alleges stressed stressing emphasised emphasized tweeted posted replied responded commented predicted "
        "estimated suggested recalled revealed disclosed cautioned vowed pledged promised threatened maintained "
        "contended conceded complained countered quoted claimed claims claiming explaining testified"
    )
    | NAMING_VERBS
)
VERBS_PATTERN = trie_regex(VERB_WORDS)
# Cue words (verbs and their misspellings) in one prefix tree, the multi-word cues in a
# second small pattern: kept apart because Python's re loses its fast first-character
# rejection on one big alternation of named groups (measured: 6x slower).
_CUE_WORD = re.compile(rf"(?<![\w’'-])(?:{trie_regex(VERB_WORDS | frozenset(TYPO_FORMS))})(?![\w’'-])")
_PHRASE_KINDS = {
    "acc": re.compile(r"\b[Aa]ccording to\b"),
    "cite": re.compile(r"\b(?:citing|quoting)\b"),
    "resp": re.compile(
        r"\b(?:claim(?:s|ed|ing)?|t[ao]ok|takes|taking|assume[sd]?|accept(?:s|ed)?)\s+"
        r"(?:full\s+|sole\s+)?responsibility\b"
    ),
    "stmt": re.compile(r"\b[Ii]n an? (?:written |joint |separate |brief )?statement\b"),
}
_CUE_PHRASE = re.compile("|".join(f"(?P<{kind}>{p.pattern})" for kind, p in _PHRASE_KINDS.items()))
# The word every match of a phrase kind holds as a whole letter run.  The kinds share no
# word, so their matches never overlap: running only the kinds whose word the probe saw
# finds what ``_CUE_PHRASE`` finds (which, tried at every position, costs 4x more).
_PHRASE_KIND_OF = {
    "according": "acc",
    "According": "acc",
    "citing": "cite",
    "quoting": "cite",
    "responsibility": "resp",
    "statement": "stmt",
}
_PHRASE_KEYS = ("ccording", "citing", "quoting", "responsibility", "tatement")
# The kinds whose every match starts with one of these words (its first letter run).
_STARTS_WITH_WORD = {"acc": frozenset(["according", "According"]), "cite": frozenset(["citing", "quoting"])}
# The words of each phrase kind, in ``_PHRASE_KINDS`` order.
_KIND_WORDS = {kind: frozenset(w for w, k in _PHRASE_KIND_OF.items() if k == kind) for kind in _PHRASE_KINDS}


# Not frozen: one is built for every cue, and a frozen dataclass costs over three times as
# much to build (each field goes through object.__setattr__).  Nothing changes a Cue.
@dataclass(slots=True)
class Cue:
    kind: str  # acc | cite | resp | stmt | verb | typo
    start: int
    end: int
    word: str


def find_cues(
    text: str, lo: int, hi: int, uq: list[Quote], present: frozenset[str] | None = None
) -> list[Cue]:
    """Cues in text[lo:hi] outside quotes, in order; a phrase cue wins over a word inside it.

    ``present`` is ``probe(text, lo, hi)`` when the caller has it: the cue words are then
    found with ``str.find`` at the few places the probe saw them, not with the regex.
    """
    out: list[Cue] = []
    words = present  # the cue words the probe saw (all of its words but the phrase words)
    if present is None:
        if any(k in text[lo:hi] for k in _PHRASE_KEYS):
            out = [
                Cue(m.lastgroup or "", m.start(), m.end(), m.group(0))
                for m in _CUE_PHRASE.finditer(text, lo, hi)
                if not in_quote(m.start(), uq)
            ]
    elif not _PHRASE_WORDS.isdisjoint(present):
        words = present - _PHRASE_WORDS
        # Every phrase cue holds one of its kind's words as a whole letter run.  (Plain loops: a
        # unit holds a phrase cue or two, too few to pay for building sets or generators.)
        for kind, pattern in _PHRASE_KINDS.items():
            if present.isdisjoint(_KIND_WORDS[kind]):
                continue
            if kind not in _STARTS_WITH_WORD:
                for hit in pattern.finditer(text, lo, hi):
                    if not in_quote(hit.start(), uq):
                        out.append(Cue(kind, hit.start(), hit.end(), hit.group(0)))
                continue
            # The match starts with the word: tried where the word stands, not at every position.
            for w in present & _STARTS_WITH_WORD[kind]:
                p = text.find(w, lo, hi)
                while p >= 0:
                    m = pattern.match(text, p, hi)
                    if m is not None and not in_quote(p, uq):
                        out.append(Cue(kind, p, m.end(), m.group(0)))
                    p = text.find(w, p + 1, hi)
    phrases = len(out)  # the phrase cues, first in out
    for s, e, w in _cue_words(text, lo, hi, words):
        if (uq and in_quote(s, uq)) or (phrases and _in_cues(s, out[:phrases])):
            continue
        out.append(Cue("verb" if w in VERB_WORDS else "typo", s, e, w))
    if phrases and len(out) > 1:  # (the cue words alone come in order)
        out.sort(key=_START)
    return out


def _in_cues(pos: int, cues: list[Cue]) -> bool:
    """True when pos lies inside one of the cues (a word of "claimed responsibility")."""
    for c in cues:  # noqa: SIM110 - a plain loop beats any() + generator, as in ``in_quote``
        if c.start <= pos < c.end:
            return True
    return False


_START = attrgetter("start")


def _cue_words(text: str, lo: int, hi: int, present: frozenset[str] | None) -> list[tuple[int, int, str]]:
    """Matches of ``_CUE_WORD`` in text[lo:hi], in order (``present``: the cue words of the probe).

    A match is a whole token (no word character, ’, ' or - on either side; the end of
    the window counts as a side), so it is a letter run the probe already saw: look for
    those few words only.
    """
    if present is None:
        return [(m.start(), m.end(), m.group(0)) for m in _CUE_WORD.finditer(text, lo, hi)]
    found: list[tuple[int, int, str]] = []
    for w in present:
        n = len(w)
        p = text.find(w, lo, hi)
        while p >= 0:
            e = p + n
            # No token character, [\w’'-], on either side (re's \w is exactly isalnum() or "_",
            # over all of Unicode); written out, as a helper called twice per word cost more.
            if (p == 0 or not ((ch := text[p - 1]).isalnum() or ch in "_’'-")) and (
                e == hi or not ((ch := text[e]).isalnum() or ch in "_’'-")
            ):
                found.append((p, e, w))
            p = text.find(w, e, hi)  # a valid match never starts inside another occurrence's letters
    if len(found) > 1:
        found.sort()
    return found


# The probe: a unit is analysed only if it holds a quote mark or one of these words; the words
# it finds tell ``find_cues`` where to look, so the unit is scanned once.
_QUOTE_MARK_CHARS = '"“”«»‘'
_QUOTE_MARK = re.compile(f"[{_QUOTE_MARK_CHARS}]")  # a plain character class keeps re's fast scan
_CUE_WORDS = VERB_WORDS | frozenset(TYPO_FORMS)
_PHRASE_WORDS = words("according According citing quoting responsibility statement")
_PROBE_WORDS = _CUE_WORDS | _PHRASE_WORDS
# The probe words by their bytes in ``letter_runs``.
_PROBE_BYTES = {w.encode("ascii"): w for w in _PROBE_WORDS}
_PROBE_BYTE_WORDS = frozenset(_PROBE_BYTES)
# Every byte but A-Z and a-z made a space.
_LETTERS_ONLY = bytes(b if 65 <= b <= 90 or 97 <= b <= 122 else 32 for b in range(256))


_NOTHING: frozenset[str] = frozenset()


def letter_runs(text: str, ascii_text: bytes | None = None) -> bytes:
    """``text`` with every character but A-Z and a-z made a space, a byte each ("replace" puts
    one "?" for each character ASCII lacks): the [A-Za-z]+ runs of text[lo:hi] are then
    ``letter_runs(text)[lo:hi].split()``, the window's edges cutting runs as a slice does.
    ``ascii_text`` is ``text.encode("ascii", "replace")`` when the caller has it."""
    return (text.encode("ascii", "replace") if ascii_text is None else ascii_text).translate(_LETTERS_ONLY)


def probe(
    text: str, lo: int, hi: int, runs: bytes | None = None, marks: list[int] | None = None
) -> frozenset[str] | None:
    """None when text[lo:hi] cannot hold a claim (no quote mark, no cue word); else the cue
    and phrase words it holds (whole letter runs), empty when only quote marks let it in.

    ``runs`` is ``letter_runs(text)`` and ``marks`` ``quotes.mark_positions(text)`` when the
    caller has them (one each per story).  Splitting the window's letter runs out of ``runs``
    and testing them against the word set in one C call costs a third less than a regex scan
    for the words (which re runs a character at a time); the quote marks are looked up.
    """
    window = runs[lo:hi] if runs is not None else letter_runs(text[lo:hi])
    found = _PROBE_BYTE_WORDS.intersection(window.split())
    if found:
        return frozenset(map(_PROBE_BYTES.__getitem__, found))  # (no comprehension frame to set up)
    if text.startswith("'", lo):
        return _NOTHING
    if marks is None:
        if _QUOTE_MARK.search(text, lo, hi) is not None or text.find(" '", lo, hi) >= 0:
            return _NOTHING
        return None
    # The window's marks (every _QUOTE_MARK character and ' is one): a quote mark, or a '
    # after a space in the window.
    k = bisect.bisect_left(marks, lo)
    for i in marks[k : bisect.bisect_left(marks, hi, k)]:
        ch = text[i]
        if ch in _QUOTE_MARK_CHARS or (ch == "'" and i > lo and text[i - 1] == " "):
            return _NOTHING
    return None
