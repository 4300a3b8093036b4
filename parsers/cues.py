"""Attribution inside one unit (a sentence, or sentences joined by a running quote).

Every cue outside quotes is analysed for its source phrase and the direction
of its content: forward ("Ryder said (that) …", "Ryder said: “…”") or backward
("…, the Pentagon said", "“…,” said Ryder, a spokesman").  ``settle`` then
cuts contents at the next attribution, lets a sentence-final attribution wrap
the claims nested in its content, and turns "according to" / "citing" that
fall on another claim into that claim's ``via``.  Offsets are into the
article text; nothing here allocates per character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parsers.attribution import CONTINUATIONS, NAMING_VERBS, VERBS_PATTERN, Cue, find_cues, typo_cue, words
from parsers.phrases import (
    ANON_CLAUSE,
    SUBORD,
    SUBORD_LOW,
    antecedent,
    appositive_subject,
    back_content,
    clean_source,
    coord_cut,
    forward,
    last_boundary,
    may_be_anon,
    np_after,
    quote_first,
    short_tail,
    trim_span,
)
from parsers.quotes import Quote

_THAT = re.compile(r"\s+that\b")
_COMPLEMENT = re.compile(r"\s*(?:that\b|:|,?\s*[“\"«])")
_CITING_THAT = re.compile(r"\s*,\s*(?:citing|quoting)\s+([^,]{1,80}),\s*(?=that\b)")
_CLOSERS = '.!?…”"’»'
_NOTHING_LEFT = re.compile(rf"\s*[{_CLOSERS}]*\s*$")
_COMMA_QUOTE = re.compile(r"\s*,\s*([“\"«])")
_LIVES = re.compile(r"\s+(?:the\s+)?lives?\b")
_TO_OR_NUMBER = re.compile(r"\s+(?:to\b|\d)")
_COORD_END = re.compile(r"\b(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")
_FOLLOWED_BY_VERB = re.compile(rf"\s+(?:{VERBS_PATTERN})\b")


_AMBIGUOUS_S = frozenset(["reports", "claims", "states", "notes", "estimates", "calls", "alleges", "says"])
_NOUN_BEFORE = words(
    "the a an these those his her their its our my your media news press initial early unconfirmed "
    "some many such conflicting local earlier previous recent latest other false"
)
_NEED_COMPLEMENT = frozenset(["charged", "maintained", "posted", "quoted", "wrote", "writes"])
# The auxiliaries of a passive cue, and the adverbs (besides any "-ly" word) that may follow one.
_AUXILIARIES = ("was", "were", "is", "are", "been", "being", "be", "get", "got")
_AUX_ADVERBS = ("later", "also", "earlier", "then", "once", "again", "widely")
_PASSIVE_AUX = re.compile(rf"\b(?:{'|'.join(_AUXILIARIES)})\s+(?:(?:\w+ly|{'|'.join(_AUX_ADVERBS)})\s+)?$")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|overnight)"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# The whitespace before each skipped phrase is matched once, not once per alternative (no
# alternative starts with whitespace, so the same phrases match).
_SKIP_AFTER = re.compile(
    rf"(?:\s+(?:(?:(?:on|late|early|earlier|later)\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?|"
    rf"(?:last|this|next|earlier this|late last) (?:week|month|year|weekend|night)|(?:in|on) {_MONTHS}(?: \d{{1,2}})?|"
    r"in an? (?:written |joint |separate |brief )?statement(?:\s+(?:posted |released |issued )?on (?:Telegram|X|"
    r"Twitter|Facebook|its website|social media|state television|television))?|in an interview|"
    r"at an? (?:news|press) conference|by (?:tele)?phone|"
    r"(?:on|in) (?:Telegram|X|Twitter|Facebook|social media|state television|television|a post)|"
    r"(?:earlier|later|again|also|publicly|repeatedly|separately|previously|privately|then)))+"
)
_TOLD_OBJ = re.compile(
    r"\s+(?:(?:him|her|them|us|me|reporters|journalists|lawmakers|parliament|legislators|MPs|senators|"
    r"supporters|delegates|residents|diplomats|investigators|analysts|police|the court|the jury|a court|"
    r"(?:the |a |an )(?:\w+ ){0,2}(?:press|media|newspaper|agency|channel|crowd|audience|conference|"
    r"briefing|assembly|council|committee|parliament|reporter|correspondent|broadcaster|station|"
    r"magazine|daily|radio|television|service|outlet|network))|"
    r"(?:the |a )?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})"
    r"(?:\s+(?:in|at) [A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"
)
_AGENT_END = re.compile(r"\s+as\b|[,;]|\.(?:\s|$)|\s+(?:on|for|after|during|when|because)\s|$")
# Verbs that invert after a quote: "…,” said Ryder." (never "…, posted on Telegram").
_INVERTIBLE = words(
    "said says added adds told asked wrote writes explained noted continued insisted warned recalled "
    "stressed replied countered declared conceded argued according"
)
# "…,” said rescue chief Ivo Darnell." — the source after the cue, up to a comma or the end.
_INVERTED = re.compile(r"\s+((?:[\w’'.-]+\s+){0,6}?[\w’'.-]+)\s*(?=[,;]|\.?\s*[“\"«]|\.?\s*$)")
# The last clause-boundary character in a window: one match instead of an rfind per character.
_LAST_CUT = re.compile(r".*[,;:—–”»\n]", re.DOTALL)
# Compiled once here rather than looked up in re's cache at every cue.
# The agent of a passive: " by X", or a quote first (" « an insult » by X").  One pattern for
# both: the whitespace run is taken whole either way, so "by" is tried first as before.
_PASSIVE_BY = re.compile(r"\s+(?:by\s+|(?:as\s+)?(?:an?\s+)?[«“\"][^»”\"]{1,200}[»”\"]\s+by\s+)")
_AS_OR_QUOTE = re.compile(r"\bas\b|[«“\"]")
_AS = re.compile(r"\bas\b")
_OF = re.compile(r"\bof\b")
_MODAL_END = re.compile(r"\b(?:to|would|could|will|can|not|n[o’']t|did|does|do)\s+$")
_DETERMINER_END = re.compile(r"\b(?:the|a|an|so|its|their|his|her)\s+$")
_AS_GAP = re.compile(r"\s+as\s+")
_AUX_TAIL = re.compile(r"(?:\s+(?:have|has|had|will|would|may|might))+\s*$")
_QUOTED_AS = re.compile(r"(?:\s+by\s+([^,]+?))?\s+as\s+(?:saying|telling \w+)\b[\s,:]*")
_CONJ_ONLY = re.compile(r"(?i)(?:but|and|yet|however|also)")
_DAY_FOR = re.compile(r"(?:\s+(?:on|late|early)\s+\w+day)?\s+for\s+")
_STMT_SUBJECT = re.compile(r"[^,]{0,60},\s*((?:the |The )?(?:[A-Z][\w’'-]*\s+){1,5}|the \w+\s+)")
_SPLIT_TAIL = re.compile(r"[^“\"«.!?]{0,80}?,\s*(?=[“\"«])")
_CONJ_WORDS = ("and", "but", "while", "with", "as", "which")
_CONJ_TAIL = re.compile(rf"[\s,]+(?:{'|'.join(_CONJ_WORDS)})\s*$")


@dataclass(slots=True)
class Draft:
    """A claim in the making (mutable while its unit is worked out)."""

    cue: tuple[int, int]
    src: tuple[int, int] | None
    content: tuple[int, int]
    backward: bool = False
    weak: bool = False  # "according to" / "citing": may turn out to be a via
    via: tuple[int, int] | None = None
    region: tuple[int, int] = (0, 0)  # the attribution's own span (source … cue … skipped words)
    para: int = 0
    continues: bool = False  # ", adding that …": more of the previous claim in the unit
    inherits: bool = False  # no source of its own: the previous claim's source
    extra_hedges: tuple[str, ...] = ()


def unit_drafts(
    text: str, lo: int, hi: int, uq: list[Quote], present: frozenset[str] | None = None
) -> list[Draft]:
    """Claims of one unit, before sources are resolved (``present``: see ``find_cues``)."""
    cues = find_cues(text, lo, hi, uq, present)
    for c in cues:
        if c.kind != "stmt" and c.kind != "typo":
            break  # the usual unit: its first cue is a known one
    else:
        return _without_known_cue(text, lo, hi, uq, cues)
    drafts: list[Draft] = []
    for c in cues:
        d: Draft | None = None
        kind = c.kind
        if kind == "verb":  # the usual cue first
            d = _verb(text, lo, hi, c.start, c.end, c.word, uq, drafts)
        elif kind == "acc":
            d = _according(text, lo, hi, c.start, c.end)
        elif kind == "cite":
            if drafts:
                last = drafts[-1]
                last.via = np_after(text, c.end, hi)
                if last.content[0] < c.start < last.content[1]:
                    cut = trim_span(text, last.content[0], c.start)
                    if cut is not None:
                        last.content = cut
                continue
            d = _according(text, lo, hi, c.start, c.end)
        elif kind == "resp":
            d = _responsibility(text, lo, hi, c.start, c.end, uq)
        else:
            continue  # "stmt", "typo": read only where no known cue stands
        if d is not None:
            drafts.append(d)
    return settle(text, drafts)


def _without_known_cue(text: str, lo: int, hi: int, uq: list[Quote], cues: list[Cue]) -> list[Draft]:
    """A unit with no known cue: a misspelt one ("inisted") where a cue would stand, or 'In a
    statement, X …'."""
    for c in cues:
        meant = typo_cue(c.word) if c.kind == "typo" else None
        if meant is not None:
            typo = _verb(text, lo, hi, c.start, c.end, meant, uq, [])
            if typo is not None and typo.src is not None and not typo.backward:
                return [typo]
    stmt = next((c for c in cues if c.kind == "stmt"), None)
    return _statement_only(text, lo, hi, stmt) if stmt else []


# ------------------------------------------------------------------ cue analysers


def _verb(
    text: str, lo: int, hi: int, cs: int, ce: int, word: str, uq: list[Quote], prev: list[Draft]
) -> Draft | None:
    before = text[lo:cs]
    if word in _READING_CHECKED and not _verb_reading(word, before, text[ce:hi]):
        return None
    naming = word in NAMING_VERBS
    # Passive: "was denounced by X as “…”", "claimed by X", "was dubbed « … » by X"; participle "…, confirmed by X,".
    # Every match holds "by": a unit without one after the cue (most) is spared the regex.
    m_by = _PASSIVE_BY.match(text, ce, hi) if text.find("by", ce, hi) >= 0 else None
    aux = _passive_aux(before)
    if word == "quoted" and aux:
        return _quoted_as(text, lo, hi, cs, ce, before)
    if (
        m_by
        and not aux
        and not before.rstrip().endswith(",")
        and not (naming and _AS_OR_QUOTE.search(text[ce:hi], 0, 80))
    ):
        # "the initiatives announced by ASADA include …": a reduced relative, not a report.
        return None
    if aux or m_by:
        return _passive(text, lo, hi, cs, ce, word, before, aux, m_by, naming)
    subj, region_lo, coord = _subject(text, lo, cs, uq, prev)
    pos = ce
    if word in ("told", "tells", "telling"):
        m_obj = _TOLD_OBJ.match(text, pos, hi)
        if m_obj and not _THAT.match(text, pos, hi):
            pos = m_obj.end()
    m_skip = _SKIP_AFTER.match(text, pos, hi)
    if m_skip:
        pos = m_skip.end()
    rest = text[pos:hi]
    if coord is not None:
        # "The ministry said A and insisted that B": the same speaker, a second claim.
        fwd = forward(text, pos, hi, uq)
        if fwd is None:
            return None
        coord.content = (coord.content[0], min(coord.content[1], coord_cut(text, coord.content[0], cs)))
        return Draft((cs, ce), coord.src, fwd, region=(cs, pos), inherits=coord.src is None)
    if subj is None:
        # Nothing before the cue in its clause: "…,” said Ryder, a spokesman." or ", adding that …".
        # The backtracking regex runs only where an inverted source can stand.
        inverts = word in _INVERTIBLE and region_lo > lo and not text[region_lo:cs].strip()
        inv = _INVERTED.match(rest) if inverts else None
        src_inv = clean_source(text, pos + inv.start(1), pos + inv.end(1)) if inv else None
        if src_inv is not None:
            s_s, s_e = src_inv
            back = back_content(text, lo, region_lo, uq)
            if back is None:
                return None
            d = Draft((cs, ce), (s_s, s_e), back, backward=True, region=(region_lo, s_e))
            _split_tail(text, s_e, hi, uq, d)
            return d
        if word in CONTINUATIONS and prev:
            fwd = forward(text, pos, hi, uq)
            return (
                None if fwd is None else Draft((cs, ce), None, fwd, region=(region_lo, pos), continues=True)
            )
        return None
    if word in _NEED_COMPLEMENT and not _COMPLEMENT.match(rest):
        return None
    if naming:
        fwd = forward(text, pos, hi, uq)
        if fwd is None:
            return None
        has_quote = bool(uq) and any(fwd[0] <= q.end and q.start < fwd[1] for q in uq)
        if not has_quote and not (_AS if word[:3] != "acc" else _OF).search(text[fwd[0] : fwd[1]]):
            return None
        return Draft((cs, ce), subj, fwd, region=(region_lo, pos))
    # What the attribution is followed by, read off its first character: the colon, comma and
    # end-of-sentence patterns below all start with that character after optional whitespace
    # (re's \s is str.isspace), so most cues ("X said the …") need none of them.
    lead = rest.lstrip()[:1]
    if lead == ":":
        fwd = forward(text, pos + rest.index(":") + 1, hi)
        return None if fwd is None else Draft((cs, ce), subj, fwd, region=(region_lo, pos))
    m_cite = _CITING_THAT.match(rest) if lead == "," else None
    if m_cite:
        # "X reported in January, citing an unnamed banker, that …"
        fwd = forward(text, pos + m_cite.end(), hi)
        if fwd is None:
            return None
        d = Draft((cs, ce), subj, fwd, region=(region_lo, pos + m_cite.end()))
        d.via = trim_span(text, pos + m_cite.start(1), pos + m_cite.end(1))
        return d
    # "“…,” X told a rally in the capital, …": a quote closing right before the source is its content.
    # (A plain loop: a unit holds a quote or two, too few to pay for building a generator.)
    after_quote = False
    for q in uq:
        if q.close <= region_lo and not text[q.close : region_lo].strip(" ,"):
            after_quote = True
            break
    # The content before the cue is looked for only when the attribution ends its clause: most
    # cues ("X said on Monday that …") take the content after them and never need it.
    back = back_content(text, lo, region_lo, uq) if after_quote or lead == "," or short_tail(rest) else None
    if back is not None:
        d = Draft((cs, ce), subj, back, backward=True, region=(region_lo, pos))
        _split_tail(text, pos, hi, uq, d)
        return d
    if lead in _CLOSERS and _NOTHING_LEFT.match(rest):  # ("" is in every string: nothing left)
        return None
    m_q = _COMMA_QUOTE.match(rest) if lead == "," else None
    start = pos + m_q.start(1) if m_q else pos
    fwd = forward(text, start, hi, uq)
    return None if fwd is None else Draft((cs, ce), subj, fwd, region=(region_lo, pos))


def _passive_aux(before: str) -> re.Match[str] | None:
    """'was' / 'has been' / 'got' (and an adverb) right before the cue, as ``_PASSIVE_AUX`` finds it.

    A match ends ``before`` with the auxiliary or with one of the pattern's adverbs, then
    whitespace: when ``before`` ends otherwise (most do: "Ryder said"), the regex cannot match
    and is not run.  (A test of the last word alone, with no words split off.)
    """
    if not before.rstrip().endswith(_AUX_OR_ADVERB_ENDS):
        return None
    return _PASSIVE_AUX.search(before, max(0, len(before) - 48))


# How the last word of a ``_PASSIVE_AUX`` match ends: an auxiliary, or an adverb after one.
_AUX_OR_ADVERB_ENDS = (*_AUXILIARIES, "ly", *_AUX_ADVERBS)
# The cue words each test of ``_verb_reading`` applies to, and all of them: for every other word
# it is True, so callers ask only about these (and slice the text after the cue only for them).
_SAY = words("say says")
_THEN_TO_OR_NUMBER = words("added responded replied")
_AFTER_DETERMINER = words("reported called described estimated alleged claimed")
_READING_CHECKED = _AMBIGUOUS_S | _SAY | _THEN_TO_OR_NUMBER | _AFTER_DETERMINER


def _verb_reading(word: str, before: str, after: str) -> bool:
    """False where the cue word is not a reporting verb here ("media reports said", "claimed the lives")."""
    if word in _AMBIGUOUS_S:
        prev_word = before.split()[-1:] if before.strip() else []
        if prev_word and prev_word[0].lower() in _NOUN_BEFORE:
            return False
        if _FOLLOWED_BY_VERB.match(after):
            return False
    if word in _SAY and _MODAL_END.search(before):
        return False
    if word == "claimed" and _LIVES.match(after):
        return False
    if word in _THEN_TO_OR_NUMBER and _TO_OR_NUMBER.match(after):
        return False
    return not (word in _AFTER_DETERMINER and _DETERMINER_END.search(before))


def _passive(
    text: str,
    lo: int,
    hi: int,
    cs: int,
    ce: int,
    word: str,
    before: str,
    aux: re.Match[str] | None,
    m_by: re.Match[str] | None,
    naming: bool,
) -> Draft | None:
    if m_by is None:
        return _quoted_as(text, lo, hi, cs, ce, before) if word == "quoted" else None
    a_s = m_by.end()
    end_m = _AGENT_END.search(text, a_s, hi)
    a_e = end_m.start() if end_m else hi
    src = clean_source(text, a_s, a_e)
    if src is None:
        return None
    as_m = _AS_GAP.match(text[a_e:hi])
    if as_m:
        content = quote_first(text, a_e + as_m.end(), hi)
    elif m_by.group(0).strip() != "by":
        # "was dubbed « an insult » by the union": the quote between the verb and "by".
        content = quote_first(text, ce, m_by.end())
    else:
        if naming:
            return None
        clause_lo = max(last_boundary(text, lo, cs if aux is None else lo + aux.start()), lo)
        subj_end = lo + aux.start() if aux else text.rfind(",", lo, cs)
        subj_text = _AUX_TAIL.sub("", text[clause_lo:subj_end])
        if aux is None:
            # "The attack and the toll, confirmed by X, came …": the phrase before the comma.
            c = text.rfind(",", lo, subj_end)
            clause_lo = c + 1 if c >= lo else lo
            subj_text = text[clause_lo:subj_end]
        content = (clause_lo, clause_lo + len(subj_text))
    return Draft((cs, ce), src, content, region=(a_s, a_e))


def _quoted_as(text: str, lo: int, hi: int, cs: int, ce: int, before: str) -> Draft | None:
    """'X was quoted as saying …' / 'X was quoted by Y as saying …'."""
    m = _QUOTED_AS.match(text[ce:hi])
    aux = _passive_aux(before)
    if not m or not aux:
        return None
    src = clean_source(text, lo, lo + aux.start())
    fwd = forward(text, ce + m.end(), hi)
    if src is None or fwd is None:
        return None
    d = Draft((cs, ce), src, fwd, region=(lo, ce + m.end()))
    if m.group(1):
        d.via = trim_span(text, ce + m.start(1), ce + m.end(1))  # the outlet that quoted them
    return d


def _according(text: str, lo: int, hi: int, cs: int, ce: int) -> Draft | None:
    """'according to X' / 'citing X': before the content ('According to X, …') or after it."""
    src = np_after(text, ce, hi)
    if src is None:
        return None
    lead = text[lo:cs].strip(" \t\n,")
    if not lead or (len(lead) <= 7 and _CONJ_ONLY.fullmatch(lead)):  # "however" is the longest
        comma = text.find(",", src[1], hi)
        start = comma + 1 if comma >= 0 else src[1]
        fwd = forward(text, start, hi)
        return None if fwd is None else Draft((cs, ce), src, fwd, weak=True, region=(cs, start))
    back = back_content(text, lo, cs, [])
    if back is None:
        return None
    return Draft((cs, ce), src, back, backward=True, weak=True, region=(cs, src[1]))


def _responsibility(text: str, lo: int, hi: int, cs: int, ce: int, uq: list[Quote]) -> Draft | None:
    subj, region_lo, _ = _subject(text, lo, cs, uq, [])
    if subj is None:
        return None
    m = _DAY_FOR.match(text[ce:hi])
    fwd = forward(text, ce + (m.end() if m else 0), hi)
    return None if fwd is None else Draft((cs, ce), subj, fwd, region=(region_lo, ce))


def _statement_only(text: str, lo: int, hi: int, m: Cue) -> list[Draft]:
    """'In a statement, the ministry accused …': the subject after the comma is the source."""
    after = _STMT_SUBJECT.match(text[m.end : hi])
    if not after:
        return []
    s_s, s_e = m.end + after.start(1), m.end + after.end(1)
    fwd = forward(text, s_e, hi)
    src = trim_span(text, s_s, s_e)
    if fwd is None or src is None:
        return []
    return [Draft((m.start, m.end), src, fwd, region=(m.start, s_e))]


# ------------------------------------------------------------------ phrase helpers


def _clause_start(text: str, lo: int, cs: int, uq: list[Quote]) -> int:
    """Just after the last clause boundary before cs: a comma (not the one in 2,000), a
    semicolon, colon, dash, line break or the closing mark of a quote."""
    end = cs
    while True:
        m = _LAST_CUT.match(text, lo, end)
        cut = m.end() - 1 if m else -1
        if cut > lo and text[cut] == "," and text[cut - 1].isdigit() and text[cut + 1 : cut + 2].isdigit():
            end = cut
            continue
        break
    start = max(cut + 1, lo)
    for q in uq:  # straight and single marks close quotes too
        if start < q.close <= cs:
            start = q.close
    return start


def _subject(
    text: str, lo: int, cs: int, uq: list[Quote], prev: list[Draft]
) -> tuple[tuple[int, int] | None, int, Draft | None]:
    """Source phrase before a cue, where its clause starts, and the draft it coordinates with.

    The third item is set for "X said A and insisted B": the cue shares the previous
    cue's subject.
    """
    seg_lo = _clause_start(text, lo, cs, uq)
    raw = text[seg_lo:cs]
    # The substring tests spare the regex the usual clause, which holds neither conjunction.
    if prev and ("and" in raw or "but" in raw) and _COORD_END.search(raw, max(0, len(raw) - 32)):
        host = next((d for d in reversed(prev) if d.content[0] < cs <= d.content[1] + 1), None)
        if host is not None:
            return None, seg_lo, host
    if not raw or raw.isspace():
        # The cue follows a comma: an appositive or a relative clause sits between subject and cue.
        app = appositive_subject(text, lo, seg_lo)
        if app is not None:
            return app[0], app[1], None
        return None, seg_lo, None
    found = _clause_source(raw)
    if found is None or found is False:
        return None, seg_lo, None
    if found is True:
        return antecedent(text, lo, seg_lo), seg_lo, None
    return (seg_lo + found[0], seg_lo + found[1]), seg_lo, None


@lru_cache(maxsize=4096)
def _clause_source(raw: str) -> tuple[int, int] | bool | None:
    """The source phrase in the clause before a cue, offsets into it (None if it has none), or
    whether a clause that ends in a subordinator ends in a relative pronoun ("…, who said"):
    then the source is the pronoun's antecedent.

    Depends on the clause's words only, and a story gives the same speakers again and again
    ("Ryder said …", "the ministry said …"): cached per distinct clause.
    """
    cut = _subord_cut(raw)
    if cut and not raw[cut:].strip():
        return raw[:cut].split()[-1].lower() in ("who", "which", "that")
    return clean_source(raw, cut, len(raw))


def _subord_cut(raw: str) -> int:
    """End of the last subordinator ('who', 'that', 'after' …) in the clause before a cue, 0 if
    none (cached with the rest of the clause's reading in ``_clause_source``)."""
    cut = 0
    anon = ANON_CLAUSE.search(raw) if may_be_anon(raw) else None
    # ASCII lower-cased, the case-sensitive twin finds the same words at the same offsets, faster.
    sub, hay = (SUBORD_LOW, raw.lower()) if raw.isascii() else (SUBORD, raw)
    for m in sub.finditer(hay, 0, anon.start() if anon else len(raw)):
        cut = m.end()
    return cut


def _split_tail(text: str, pos: int, hi: int, uq: list[Quote], d: Draft) -> None:
    """'“…,” she told reporters, “…”': the second part of a split quote joins the claim."""
    if not uq or uq[-1].open <= pos:
        return  # no quote opens after the attribution: nothing to join (uq is in text order)
    m = _SPLIT_TAIL.match(text[pos:hi])
    if not m:
        return
    at = pos + m.end()
    for q in uq:
        if q.open == at:
            d.content = (d.content[0], q.end)
            return


# ------------------------------------------------------------------ settling a unit


def settle(text: str, drafts: list[Draft]) -> list[Draft]:
    """Cut forward contents at the next attribution, fold nested claims, turn weak overlaps into via.

    ``drafts`` are in the order of their cues, as ``unit_drafts`` makes them (one per cue).
    """
    if len(drafts) < 2:
        # Nothing to cut, fold or merge (the usual unit): only the two-word floor applies.
        return drafts if not drafts or _TWO_WORDS.search(text, *drafts[0].content) else []
    for i, d in enumerate(drafts):
        if d.backward:
            continue
        for nxt in drafts[i + 1 :]:
            if nxt.backward and not nxt.weak:
                break  # a sentence-final attribution wraps this claim instead
            cut = nxt.region[0]
            if d.content[0] < cut < d.content[1]:
                span = trim_span(text, d.content[0], cut)
                if span is not None:
                    cut_text = text[span[0] : span[1]]
                    # Only a content ending in one of the words can end in a dangling conjunction.
                    tail = _CONJ_TAIL.search(cut_text) if cut_text.rstrip().endswith(_CONJ_WORDS) else None
                    d.content = (span[0], span[0] + tail.start() if tail else span[1])
                break
    # A sentence-final strong attribution starts from the unit start: claims inside it are its own.
    # (Plain loops: a unit holds two or three drafts, too few to pay for building generators or
    # the frame of a comprehension.)
    wrappers: list[Draft] = []
    for o in drafts:
        if o.backward and not o.weak:
            wrappers.append(o)
    out: list[Draft] = []
    for d in drafts:
        if d.weak:
            continue
        for o in wrappers:
            if o is not d and o.content[0] <= d.cue[0] < o.content[1]:
                break  # wrapped
        else:
            out.append(d)
    for d in drafts:
        if not d.weak:
            continue
        for host in out:
            if host.content[0] < d.content[1] and d.content[0] < host.content[1]:
                if host.via is None:
                    host.via = d.src
                break
        else:
            out.append(d)
    out.sort(key=content_start)
    merged: list[Draft] = []
    for d in out:
        if d.continues and merged:
            merged[-1].content = (merged[-1].content[0], max(merged[-1].content[1], d.content[1]))
            continue
        merged.append(d)
    kept: list[Draft] = []
    for d in merged:
        if _TWO_WORDS.search(text, *d.content):
            kept.append(d)
    return kept


def content_start(d: Draft) -> int:
    """Where a draft's content starts: the order claims are given in."""
    return d.content[0]


# Two words at least, without slicing and splitting the content: re's \s and \S are
# str.split's whitespace and non-whitespace (both use Python's isspace).
_TWO_WORDS = re.compile(r"\S\s+\S")
