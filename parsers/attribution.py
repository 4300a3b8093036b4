"""Attribution vocabulary: speech cues, who a source phrase names, and hedges.

Pure lexicon and phrase-level analysis; ``parsers.claims`` decides where the
pieces sit in a sentence.  Everything is regex or set lookup so that claims
stay cheap enough to run on every story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Verbs that report speech.  Inflections are listed rather than stemmed: a wire
# sentence is scanned with one compiled alternation.
SPEECH_VERBS = frozenset(
    """said says say saying told tells telling added adds adding stated states explained explains
    noted notes noting warned warns warning announced announces declared declares insisted insists
    insisting confirmed confirms confirming denied denies denying reported reports reporting wrote
    writes argued argues asserted asserts acknowledged acknowledges admitted admits alleged alleges
    stressed stresses stressing emphasised emphasized emphasises emphasizes tweeted posted replied
    responded commented predicted predicts estimated estimates suggested suggests recalled revealed
    disclosed cautioned vowed vows pledged promised threatened maintained maintains contended
    conceded complained charged countered quoted claimed claims claiming announcing explaining
    urged testified""".split()
)
# Verbs that name or judge something; a claim only with a quote or an "as …" complement.
NAMING_VERBS = frozenset(
    """dubbed dubs called calls calling described describes describing branded brands labelled
    labeled termed terms condemned condemns condemning denounced denounces denouncing hailed hails
    slammed criticised criticized decried""".split()
)
# Participles that continue the previous speaker's claim when they have no subject of their own.
CONTINUATIONS = frozenset("adding saying noting stressing explaining warning insisting".split())
# Verbs that show up as typos of cues in wire copy are checked against these, edit distance 1.
_TYPO_TARGETS = frozenset(w for w in SPEECH_VERBS | NAMING_VERBS if len(w) >= 6 and w.endswith("ed"))
# Real words one edit away from a cue: never a typo ("started" is not "stated").
_NOT_TYPOS = frozenset(
    """started listed lasted tested rested wasted posted posed poised raised praised noted voted stared
    scared stored shared shaped stamped stated states stayed stained strained sustained contained
    retained obtained remained reminded revised devised advised derived arrived arises arisen
    counted mounted pointed printed painted planted granted wanted hunted haunted dented rented
    recalled repelled rebelled relied replied supplied applied implied complied renewed reviewed
    declined defined deferred referred inferred reported deported resorted sorted courted""".split()
)

PRONOUNS_PERSON = frozenset(["he", "she"])
PRONOUNS_GROUP = frozenset(["they", "it", "we"])

# Head nouns of anonymous sources ("an official", "diplomats", "a source close to …").
_ANON_HEADS = frozenset(
    """official officials source sources diplomat diplomats spokesman spokeswoman spokesperson
    spokespeople spokesmen aide aides adviser advisers advisor advisors insider insiders witness
    witnesses resident residents person people officer officers employee employees member members
    lawmaker lawmakers legislator legislators analyst analysts expert experts investigator
    investigators photographer photographers correspondent correspondents reporter reporters journalist
    journalists executive executives negotiator negotiators envoy envoys commander commanders fighter
    fighters militant militants activist activists doctor doctors medic medics nurse nurses worker
    workers staffer staffers colleague colleagues relative relatives friend friends neighbour
    neighbours neighbor neighbors survivor survivors guard guards soldier soldiers delegate delegates
    minister ministers banker bankers trader traders observer observers monitor monitors""".split()
)
_ANON_MARKERS = re.compile(
    r"\b(?:who (?:asked|declined|requested) (?:not to be (?:named|identified)|anonymity)|"
    r"on (?:the )?condition (?:of|that) (?:anonymity|(?:he|she|they) not be (?:named|identified))|"
    r"speaking anonymously|not authori[sz]ed to (?:speak|talk)|familiar with|close to|"
    r"with (?:direct )?knowledge of|briefed on)\b",
    re.IGNORECASE,
)
_DOC_HEADS = frozenset(
    """statement statements report reports study survey document documents filing filings letter
    memo memorandum indictment complaint lawsuit data figures census records record transcript
    communique communiqué release draft text assessment analysis poll minutes footage video
    documents papers""".split()
)
_ORG_HEADS = frozenset(
    """ministry ministries government governments police army military navy forces agency council
    committee office presidency administration department court group groups company firm bank party
    parliament cabinet commission authority authorities union alliance coalition organisation
    organization movement association federation embassy regime junta board media channel network
    television radio newspaper daily outlet prosecutors prosecutor's service services pentagon kremlin
    whitehouse state house senate congress assembly team club league fund institute university
    hospital centre center network""".split()
)
_DETERMINERS = frozenset("a an the one two three several some many other another two".split())
_TITLES = frozenset(
    """mr mrs ms dr prof sir president prime minister major general lieutenant colonel captain
    sergeant admiral brigadier judge justice senator rep representative governor mayor chancellor
    king queen prince princess sheikh pope cardinal bishop ambassador secretary chief""".split()
)

# Hedges: markers that say a figure or statement is uncertain.  Number-bound hedges
# ("around", "about", "nearly") count only in front of a number, or "talk about"
# would hedge every claim.
_NUM = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|dozens?|a (?:dozen|hundred|thousand|million|half|third|quarter)|half)\b"
HEDGE_RE = re.compile(
    r"\b(?:(?:at least|at most|more than|less than|fewer than|as many as|as much as|up to|nearly|almost|"
    r"around|about|roughly|approximately|some|over|close to|an estimated|estimated|upwards of|"
    r"in excess of)(?=\s+(?:US\$|\$|€|£)?" + _NUM + r")|at least|reportedly|allegedly|purportedly|"
    r"apparently|(?:very )?probably|possibly|presumably|likely|unlikely|believed|thought to|suspected|"
    r"unconfirmed|could not (?:be )?(?:immediately |independently )?(?:verif(?:y|ied)|confirm(?:ed)?)|"
    r"(?:may|might|could) have|is said to|are said to|was said to|were said to|it is unclear|"
    r"it was not clear|unverified|claimed to have)\b",
    re.IGNORECASE,
)


def find_hedges(text: str, start: int, end: int) -> tuple[str, ...]:
    """Hedge expressions inside text[start:end], lower-cased, in order, without repeats."""
    out: list[str] = []
    for m in HEDGE_RE.finditer(text, start, end):
        h = " ".join(m.group(0).lower().split())
        if h not in out:
            out.append(h)
    return tuple(out)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _typo_index() -> dict[str, str]:
    """Symmetric-delete index: a cue and each one-letter deletion of it → the cue."""
    idx: dict[str, str] = {}
    for w in sorted(_TYPO_TARGETS):
        idx.setdefault(w, w)
        for d in _deletes(w):
            idx.setdefault(d, w)
    return idx


def typo_cue(word: str) -> str | None:
    """The cue a misspelt word stands for ("inisted" → "insisted"), edit distance 1, or None."""
    w = word.lower()
    if len(w) < 5 or not w.endswith("ed") or w in _NOT_TYPOS or w in SPEECH_VERBS or w in NAMING_VERBS:
        return None
    idx = _typo_index()
    if w in idx:  # a letter dropped from the cue
        return idx[w]
    for d in _deletes(w):  # a letter added, or (via both deletes) one swapped
        if d in idx:
            return idx[d]
    return None


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a source phrase is, from its words alone (entities may refine it)."""

    kind: str  # named | organization | anonymous | document | unattributed
    anonymous: bool
    pronoun: str | None = None  # "he", "she", "they", "it" when the phrase is only that
    role_only: bool = False  # "the Pentagon spokesman": a definite role with no name in it


_WORD = re.compile(r"[\w’'.&-]+")


def classify_source(phrase: str) -> SourceInfo:
    """Kind of a source from its wording: 'an Iraqi security official' → anonymous."""
    words = _WORD.findall(phrase)
    if not words:
        return SourceInfo("unattributed", False)
    low = [w.lower().strip(".’'") for w in words]
    if len(low) == 1 and low[0] in PRONOUNS_PERSON:
        return SourceInfo("named", False, pronoun=low[0])
    if len(low) == 1 and low[0] in PRONOUNS_GROUP:
        return SourceInfo("organization", False, pronoun=low[0])
    # The head is the last word before "for/of/from/at/close/familiar/who/with/in/on" or a comma.
    head_i = len(low) - 1
    for i, w in enumerate(low):
        if i > 0 and w in ("for", "of", "from", "at", "close", "familiar", "who", "with", "in", "on", "to"):
            head_i = i - 1
            break
    head = low[head_i]
    caps = [w for w in words[: head_i + 1] if w[:1].isupper()]
    indefinite = low[0] in _DETERMINERS and low[0] != "the"
    marked = _ANON_MARKERS.search(phrase) is not None
    if head in _DOC_HEADS:
        return SourceInfo("document", False)
    if head in _ANON_HEADS:
        # "an official", "diplomats", "a spokesperson for Sudani"; but "the Pentagon spokesman"
        # is a definite role that names one person, and "Spokesman John Kirby" names him.
        named_after = any(w[:1].isupper() and w.lower() not in _TITLES for w in words[head_i + 1 :])
        if low[0] == "the" and not marked:
            return SourceInfo("named", False, role_only=True)
        if indefinite or marked or head_i == 0 or head.endswith("s") or (not named_after and low[0] != "the"):
            if not (caps and not indefinite and not marked and _looks_like_name(words[: head_i + 1])):
                return SourceInfo("anonymous", True)
    if marked:
        return SourceInfo("anonymous", True)
    if head in _ORG_HEADS or any(w in _ORG_HEADS for w in low):
        return SourceInfo("organization", False)
    if caps:
        if any(w.isupper() and len(w) >= 2 for w in words):
            return SourceInfo("organization", False)
        return SourceInfo("named", False)
    if low[0] == "the":
        return SourceInfo("organization", False)
    return SourceInfo("unattributed", False)


def _looks_like_name(words: list[str]) -> bool:
    """Two or more capitalised words that are not a title: 'John Kirby' in 'spokesman John Kirby'."""
    caps = [w for w in words if w[:1].isupper() and w.lower() not in _TITLES]
    return len(caps) >= 2


def is_title(word: str) -> bool:
    return word.lower().strip(".") in _TITLES
