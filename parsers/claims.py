"""Claims of an Article: who said what, how it was said, and how firmly.

Work is per *unit*: a body sentence, or several when a quote runs across
sentence (or paragraph) ends.  A unit with neither a cue nor a quote mark costs
one regex probe.  In a unit, every cue outside quotes is analysed for its
source phrase (before the cue, or after it in "…,” said Ryder") and for the
direction of its content (forward: "Ryder said (that) …"; backward: "…,
the Pentagon said").  Then:

- a sentence-final attribution wraps any claim nested in its content
  ("Investigators confirmed that …, IRNA reported" is IRNA's claim);
- "according to X" and "citing X" that fall on another claim become its ``via``;
- a split quote ("“…,” she told reporters, “…”") and a quote that goes on
  after its attribution in the same paragraph stay ONE claim;
- a paragraph that is only a quote continues the previous speaker.

For anonymous sources ``source.entity`` is the entity they are affiliated to
("a spokesperson for Sudani" → Sudani), when the story has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.attribution import (
    CONTINUATIONS,
    NAMING_VERBS,
    SourceInfo,
    classify_source,
    find_hedges,
    typo_cue,
)
from parsers.model import Article, Claim, ClaimSource, Entity, Quantity, Span
from parsers.quotes import Quote, find_quotes
from parsers.speakers import SpeakerIndex

_VERBS = (
    "said|says|say|saying|told|tells|telling|added|adds|adding|stated|explained|noted|noting|warned|"
    "warning|announced|declared|insisted|insists|insisting|confirmed|confirms|confirming|denied|denies|"
    "denying|reported|reports|reporting|wrote|writes|argued|argues|asserted|acknowledged|admitted|"
    "alleged|alleges|stressed|stressing|emphasised|emphasized|tweeted|posted|replied|responded|"
    "commented|predicted|estimated|suggested|recalled|revealed|disclosed|cautioned|vowed|pledged|"
    "promised|threatened|maintained|contended|conceded|complained|countered|quoted|claimed|claims|"
    "claiming|explaining|testified|" + "|".join(sorted(NAMING_VERBS, key=len, reverse=True))
)
_CUE = re.compile(
    r"(?P<acc>\b[Aa]ccording to\b)|(?P<cite>\b(?:citing|quoting)\b)|"
    r"(?P<resp>(?<![\w-])(?:claim(?:s|ed|ing)?|t[ao]ok|takes|taking|assume[sd]?|accept(?:s|ed)?)\s+"
    r"(?:full\s+|sole\s+)?responsibility\b)|"
    r"(?P<stmt>\b[Ii]n an? (?:written |joint |separate |brief )?statement\b)|"
    rf"(?P<verb>(?<![\w’'-])(?:{_VERBS})(?![\w’'-]))"
)
# Cheap pre-filter: a unit is looked at only if it has a quote mark or one of these stems.
_PROBE = re.compile(
    r"[\"“”«»]|\b(?:sa[iy]|told|tell|add|stat|expla|not|warn|announc|declar|insist|confirm|deni|deny|"
    r"report|wr[oi]te|argu|assert|acknowledg|admit|alleg|stress|emphasi|tweet|post|repl|respond|comment|"
    r"predict|estimat|suggest|recall|reveal|disclos|caution|vow|pledg|promis|threat|maintain|contend|"
    r"conced|complain|counter|quot|claim|testif|dub|call|describ|brand|label|term|condemn|denounc|hail|"
    r"slam|critici|decri|accord|citing|took|tak|assum|accept|[Ii]n an? \w+ ?statement)|[a-z]{3,}ed\b"
)
_OPEN = "“\"«„‘'"
_CLOSE = "”\"»’'“"
_TRIM = " \t\n,;:—–-" + _OPEN + _CLOSE
_AMBIGUOUS_S = frozenset("reports claims states notes estimates calls alleges says".split())
_NOUN_BEFORE = frozenset(
    """the a an these those his her their its our my your media news press initial early unconfirmed
    some many such conflicting local earlier previous recent latest other false""".split()
)
_NEED_COMPLEMENT = frozenset("charged maintained posted quoted wrote writes".split())
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being|be|get|got)\s+(?:\w+ly\s+)?$")
_SUBORD = re.compile(
    r"\b(?:as|while|when|after|before|because|since|though|although|whereas|but|that|which|who|whom|"
    r"where|if|until|once|whether)\b",
    re.IGNORECASE,
)
_LEAD_STRIP = re.compile(
    r"^(?:(?:but|and|or|so|yet|also|however|meanwhile|moreover|still|then|now|later|earlier|separately|"
    r"instead|indeed|with|while|as|in a (?:\w+ )?statement(?: on [\w-]+)?|in an interview|on \w+day|"
    r"last \w+|this \w+|according to|by|from|citing)\b[\s,]*)+",
    re.IGNORECASE,
)
_TRAIL_STRIP = re.compile(
    r"(?:\s+(?:also|later|earlier|previously|again|repeatedly|had|has|have|would|will|then|now|once|"
    r"[a-z]+ly|on \w+day|late \w+|early \w+|last \w+|this \w+))+$"
)
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|overnight)"
_SKIP_AFTER = re.compile(
    rf"(?:\s+(?:(?:on|late|early|earlier|later)\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?|"
    r"\s+(?:last|this|next) (?:week|month|year|weekend|night)|\s+in an? (?:written |joint |separate |brief )?"
    r"statement(?:\s+(?:posted |released |issued )?on (?:Telegram|X|Twitter|Facebook|its website|"
    r"social media|state television|television))?|\s+in an interview|\s+at an? (?:news|press) conference|"
    r"\s+(?:on|in) (?:Telegram|X|Twitter|Facebook|social media|state television|television|a post)|"
    r"\s+(?:earlier|later|again|also|publicly|repeatedly|separately|previously|privately|then))+"
)
_TOLD_OBJ = re.compile(
    r"\s+(?:(?:him|her|them|us|me|reporters|journalists|lawmakers|parliament|legislators|MPs|senators|"
    r"supporters|delegates|residents|diplomats|investigators|police|the court|the jury|a court|"
    r"(?:the |a |an )(?:\w+ ){0,2}(?:press|media|newspaper|agency|channel|crowd|audience|conference|"
    r"briefing|assembly|council|committee|parliament|reporter|correspondent|broadcaster|station|"
    r"magazine|daily|radio|television|service|outlet|network))|"
    r"(?:the |a )?[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})"
    r"(?:\s+(?:in|at) [A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?"
)
_AGENT_END = re.compile(r"\s+as\b|[,;]|\.(?:\s|$)|\s+(?:on|for|after|during|when|because)\s|$")
_TYPO_WORD = re.compile(r"(?<![\w’'-])[a-z]{4,}ed\b")


@dataclass(slots=True)
class _Draft:
    """A claim in the making (mutable while a unit is worked out)."""

    cue: tuple[int, int]
    src: tuple[int, int] | None
    content: tuple[int, int]
    backward: bool = False
    weak: bool = False  # "according to" / "citing": may turn out to be a via
    via: tuple[int, int] | None = None
    region: tuple[int, int] = (0, 0)  # the attribution's own span (source … cue … skipped words)
    para: int = 0
    inherited: ClaimSource | None = None
    extra_hedge: tuple[int, int] | None = None
    kids: list[int] = field(default_factory=list)


def extract_claims(
    article: Article, entities: tuple[Entity, ...], numbers: tuple[Quantity, ...]
) -> tuple[Claim, ...]:
    """Every attributed statement in the story's body, in text order, ids C1…"""
    text = article.text
    body_paras = [p for p in article.paragraphs if p.kind in ("body", "quote", "dateline")]
    quotes = find_quotes(text, body_paras)
    sentences = [s for s in article.sentences if s.kind in ("body", "quote")]
    para_starts = [p.start for p in article.paragraphs]
    drafts: list[_Draft] = []
    for lo, hi in _units(sentences, quotes):
        if _PROBE.search(text, lo, hi) is None:
            continue
        uq = [q for q in quotes if q.open < hi and q.close > lo]
        found = _unit_drafts(text, lo, hi, uq)
        para = _para_index(para_starts, lo)
        for d in found:
            d.para = para
        if not found and uq:
            cont = _pure_quote(text, lo, hi, uq, drafts, para)
            if cont is not None:
                drafts.append(cont)
            continue
        drafts.extend(found)
    return _finish(text, drafts, quotes, entities, numbers)


def _para_index(starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(starts, pos) - 1


def _units(sentences: list[Span], quotes: list[Quote]) -> list[tuple[int, int]]:
    """Sentences, merged where a quote runs over a sentence end."""
    out: list[tuple[int, int]] = []
    qi = 0
    i = 0
    n = len(sentences)
    while i < n:
        lo, hi = sentences[i].start, sentences[i].end
        while True:
            while qi < len(quotes) and quotes[qi].close <= lo:
                qi += 1
            spans_end = any(q.open < hi < q.close for q in quotes[qi : qi + 8])
            if spans_end and i + 1 < n:
                i += 1
                hi = sentences[i].end
                continue
            break
        out.append((lo, hi))
        i += 1
    return out


def _in_quote(pos: int, uq: list[Quote]) -> bool:
    return any(q.open <= pos < q.close for q in uq)


def _unit_drafts(text: str, lo: int, hi: int, uq: list[Quote]) -> list[_Draft]:
    cues = [m for m in _CUE.finditer(text, lo, hi) if not _in_quote(m.start(), uq)]
    if not any(m.lastgroup != "stmt" for m in cues):
        # No known cue: a misspelt one ("inisted") in a sentence that quotes or reports.
        for m in _TYPO_WORD.finditer(text, lo, hi):
            if not _in_quote(m.start(), uq) and typo_cue(m.group(0)):
                after = text[m.end() : m.end() + 200]
                if uq or re.match(r"\s+that\b", after):
                    d = _verb(text, lo, hi, m.start(), m.end(), "insisted", uq, [])
                    return [d] if d else []
        if cues and not uq:
            return _statement_only(text, lo, hi, cues[0])
        return []
    drafts: list[_Draft] = []
    for m in cues:
        kind = m.lastgroup
        if kind == "stmt":
            continue
        d: _Draft | None = None
        if kind == "acc":
            d = _according(text, lo, hi, m.start(), m.end())
        elif kind == "cite":
            if drafts:
                drafts[-1].via = _np_after(text, m.end(), hi)
                continue
            d = _according(text, lo, hi, m.start(), m.end())
        elif kind == "resp":
            d = _responsibility(text, lo, hi, m.start(), m.end(), uq)
        else:
            d = _verb(text, lo, hi, m.start(), m.end(), m.group(0), uq, drafts)
        if d is not None:
            drafts.append(d)
    return _settle(text, lo, hi, drafts, uq)


# ------------------------------------------------------------------ cue analysers


def _verb(
    text: str, lo: int, hi: int, cs: int, ce: int, word: str, uq: list[Quote], prev: list[_Draft]
) -> _Draft | None:
    before = text[lo:cs]
    after = text[ce:hi]
    if word in _AMBIGUOUS_S:
        prev_word = before.split()[-1:] if before.strip() else []
        if prev_word and prev_word[0].lower() in _NOUN_BEFORE:
            return None
        if re.match(rf"\s+(?:{_VERBS})\b", after):
            return None  # "media reports said": the noun, not the verb
    if word in ("say", "says") and re.search(r"\b(?:to|would|could|will|can|not|n[o’']t|did|does|do)\s+$", before):
        return None
    if word == "claimed" and re.match(r"\s+(?:the\s+)?lives?\b", after):
        return None
    if word in ("added", "responded", "replied") and re.match(r"\s+(?:to\b|\d)", after):
        return None
    if word in ("reported", "called", "described", "estimated", "alleged") and re.search(
        r"\b(?:the|a|an|so|its|their|his|her)\s+$", before
    ):
        return None
    naming = word in NAMING_VERBS
    # Passive: "was denounced by X as “…”", "were claimed by X"; participle: "…, confirmed by X,".
    m_by = re.match(r"\s+by\s+", after)
    aux = _PASSIVE_AUX.search(before)
    participle = re.search(r",\s*$", before) is not None and m_by is not None
    if aux or participle:
        if m_by is None:
            if word == "quoted":
                return _quoted_as(text, lo, hi, cs, ce, before)
            return None
        a_s = ce + m_by.end()
        end_m = _AGENT_END.search(text, a_s, hi)
        a_e = end_m.start() if end_m else hi
        src = _trim_span(text, a_s, a_e)
        if src is None:
            return None
        as_m = re.match(r"\s+as\s+", text[a_e:hi])
        if as_m:
            content = (a_e + as_m.end(), hi)
        else:
            subj_lo = lo
            if participle:
                c = text.rfind(",", lo, cs - 1 if text[cs - 1] == " " else cs)
                c = text.rfind(",", lo, c) if c > lo else -1
                subj_lo = c + 1 if c >= lo else lo
                content = (subj_lo, text.rfind(",", lo, cs))
            else:
                c = max(text.rfind(",", lo, cs), text.rfind(";", lo, cs))
                subj_end = lo + aux.start() if aux else cs
                subj_end = lo + len(re.sub(r"(?:\s+(?:have|has|had|will|would|may|might))+\s*$", "", text[lo:subj_end]))
                content = (c + 1 if c >= lo else lo, subj_end)
            if naming:
                return None
        return _Draft((cs, ce), src, content, region=(a_s, a_e))
    subj, region_lo = _subject(text, lo, cs, uq)
    pos = ce
    if word in ("told", "tells", "telling"):
        m_obj = _TOLD_OBJ.match(text, pos, hi)
        if m_obj and not re.match(r"\s+that\b", text[pos:hi]):
            pos = m_obj.end()
    m_skip = _SKIP_AFTER.match(text, pos, hi)
    if m_skip:
        pos = m_skip.end()
    rest = text[pos:hi]
    if subj is None:
        # Nothing before the cue in its clause: "…,” said Ryder, a spokesman." or ", adding that …".
        inv = re.match(r"\s+((?:the |a |an )?[A-Z][\w’'.-]*(?:\s+(?!that\b)[\w’'.-]+){0,6}?)\s*(?=[,.;]|$)", rest)
        if inv and word not in CONTINUATIONS and region_lo > lo:
            s_s, s_e = pos + inv.start(1), pos + inv.end(1)
            back = _back_content(text, lo, region_lo)
            if back is None:
                return None
            d = _Draft((cs, ce), (s_s, s_e), back, backward=True, region=(region_lo, s_e))
            _split_tail(text, s_e, hi, uq, d)
            return d
        if word in CONTINUATIONS and prev:
            fwd = _forward(text, pos, hi)
            if fwd is None:
                return None
            d = _Draft((cs, ce), None, fwd, region=(region_lo, pos))
            d.inherited = None
            d.kids.append(-1)  # marks a continuation of the previous draft
            return d
        return None
    if word in _NEED_COMPLEMENT and not re.match(r"\s*(?:that\b|:|,?\s*[“\"«])", rest):
        return None
    if naming:
        fwd = _forward(text, pos, hi)
        if fwd is None:
            return None
        has_quote = any(fwd[0] <= q.end and q.start < fwd[1] for q in uq)
        if not has_quote and not re.search(r"\bas\b", text[fwd[0] : fwd[1]]):
            return None
        return _Draft((cs, ce), subj, fwd, region=(region_lo, pos))
    if re.match(r"\s*:", rest):
        fwd = _forward(text, pos + rest.index(":") + 1, hi)
        return None if fwd is None else _Draft((cs, ce), subj, fwd, region=(region_lo, pos))
    tail_end = re.match(r"\s*[.!?…”\"’]*\s*$", rest) is not None
    comma_next = re.match(r"\s*,", rest) is not None
    if tail_end or comma_next:
        back = _back_content(text, lo, region_lo)
        if back is not None:
            d = _Draft((cs, ce), subj, back, backward=True, region=(region_lo, pos))
            if comma_next:
                _split_tail(text, pos, hi, uq, d)
            return d
        if comma_next:
            m_q = re.match(r"\s*,\s*([“\"«])", rest)
            if m_q:
                fwd = _forward(text, pos + m_q.start(1), hi)
                if fwd:
                    return _Draft((cs, ce), subj, fwd, region=(region_lo, pos))
        return None
    fwd = _forward(text, pos, hi)
    if fwd is None:
        return None
    return _Draft((cs, ce), subj, fwd, region=(region_lo, pos))


def _quoted_as(text: str, lo: int, hi: int, cs: int, ce: int, before: str) -> _Draft | None:
    """'X was quoted as saying …' / 'X was quoted by Y as saying …'."""
    m = re.match(r"\s+(?:by\s+[^,]+?\s+)?as\s+saying\b[\s,:]*", text[ce:hi])
    aux = _PASSIVE_AUX.search(before)
    if not m or not aux:
        return None
    src = _trim_span(text, lo, lo + aux.start())
    fwd = _forward(text, ce + m.end(), hi)
    if src is None or fwd is None:
        return None
    return _Draft((cs, ce), src, fwd, region=(lo, ce + m.end()))


def _according(text: str, lo: int, hi: int, cs: int, ce: int) -> _Draft | None:
    """'according to X' / 'citing X': before the content ('According to X, …') or after it."""
    src = _np_after(text, ce, hi)
    if src is None:
        return None
    lead = text[lo:cs].strip(" \t\n,")
    if not lead or re.fullmatch(r"(?i)(?:but|and|yet|however|also)", lead):
        comma = text.find(",", src[1], hi)
        start = comma + 1 if comma >= 0 else src[1]
        fwd = _forward(text, start, hi)
        return None if fwd is None else _Draft((cs, ce), src, fwd, weak=True, region=(cs, start))
    back = _back_content(text, lo, cs)
    if back is None:
        return None
    return _Draft((cs, ce), src, back, backward=True, weak=True, region=(cs, src[1]))


def _responsibility(text: str, lo: int, hi: int, cs: int, ce: int, uq: list[Quote]) -> _Draft | None:
    subj, region_lo = _subject(text, lo, cs, uq)
    if subj is None:
        return None
    m = re.match(r"\s+for\s+", text[ce:hi])
    fwd = _forward(text, ce + (m.end() if m else 0), hi)
    return None if fwd is None else _Draft((cs, ce), subj, fwd, region=(region_lo, ce))


def _statement_only(text: str, lo: int, hi: int, m: re.Match[str]) -> list[_Draft]:
    """'In a statement, the ministry accused …': the subject after the comma is the source."""
    after = re.match(r"[^,]{0,60},\s*((?:the |The )?(?:[A-Z][\w’'-]*\s+){1,5}|the \w+\s+)", text[m.end() : hi])
    if not after:
        return []
    s_s, s_e = m.end() + after.start(1), m.end() + after.end(1)
    fwd = _forward(text, s_e, hi)
    src = _trim_span(text, s_s, s_e)
    if fwd is None or src is None:
        return []
    return [_Draft((m.start(), m.end()), src, fwd, region=(m.start(), s_e))]


# ------------------------------------------------------------------ phrase helpers


def _subject(text: str, lo: int, cs: int, uq: list[Quote]) -> tuple[tuple[int, int] | None, int]:
    """Source phrase before a cue, and where its clause starts.  None when the clause is empty."""
    seg_lo = lo
    for i in range(cs - 1, lo - 1, -1):
        ch = text[i]
        if ch in ",;:—–”»\n" or (ch == '"' and _in_quote(i, uq)) or (ch == "(" and False):
            seg_lo = i + 1
            break
    raw = text[seg_lo:cs]
    if not raw.strip():
        # The cue follows a comma: an appositive or relative clause may sit between subject and cue.
        return _appositive_subject(text, lo, seg_lo, uq), seg_lo
    cut = 0
    for m in _SUBORD.finditer(raw):
        cut = m.end()
    if cut and not raw[cut:].strip():
        word = raw[: cut].split()[-1].lower()
        if word in ("who", "which", "that"):
            return _antecedent(text, lo, seg_lo, uq), seg_lo
        return None, seg_lo
    span = _clean_source(text, seg_lo + cut, cs)
    return span, seg_lo


def _appositive_subject(text: str, lo: int, comma_after: int, uq: list[Quote]) -> tuple[int, int] | None:
    """'Harakat al-Nujaba, one of the Hashed's factions, said' → Harakat al-Nujaba."""
    c1 = comma_after - 1
    if text[c1] != ",":
        return None
    c0 = text.rfind(",", lo, c1)
    if c0 < 0:
        return None
    middle = text[c0 + 1 : c1].strip()
    if not middle or not (middle[0].islower() or middle.split()[0] in ("A", "An", "The")):
        return None
    c_prev = max(text.rfind(",", lo, c0), text.rfind("”", lo, c0), text.rfind(";", lo, c0))
    start = c_prev + 1 if c_prev >= lo else lo
    head = _clean_source(text, start, c0)
    if head is None:
        return None
    if re.match(r"who (?:asked|declined|requested|spoke)|speaking on condition", middle):
        return head[0], c1  # the anonymity clause is part of the source as written
    return head


def _antecedent(text: str, lo: int, seg_lo: int, uq: list[Quote]) -> tuple[int, int] | None:
    """'…, according to Ryder, who said …' → Ryder."""
    c = seg_lo - 1
    if c < lo or text[c] != ",":
        return None
    prev = max(text.rfind(",", lo, c), text.rfind("”", lo, c), lo - 1)
    return _clean_source(text, prev + 1, c)


def _clean_source(text: str, s: int, e: int) -> tuple[int, int] | None:
    phrase = text[s:e]
    m = _LEAD_STRIP.match(phrase.lstrip())
    off = len(phrase) - len(phrase.lstrip()) + (m.end() if m else 0)
    core = phrase[off:].rstrip(" ,")
    t = _TRAIL_STRIP.search(core)
    if t:
        core = core[: t.start()]
    core = core.rstrip(" ,")
    if not core or len(core.split()) > 12 or any(ch in core for ch in "“”\"«»"):
        return None
    first = core.split()[0]
    if first[0].islower() and not re.search(r"\b[A-Z]", core) and first.lower() not in (
        "he", "she", "they", "it", "we", "i", "officials", "police", "witnesses", "diplomats", "sources",
        "residents", "analysts", "experts", "investigators", "authorities", "prosecutors", "doctors",
        "medics", "rescuers", "activists", "people", "a", "an", "the", "one", "two", "three", "several",
        "some", "many", "other", "his", "her", "their", "its", "state", "security", "government",
    ):  # fmt: skip
        return None
    return s + off, s + off + len(core)


def _np_after(text: str, pos: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase after 'according to' / 'citing', up to a comma, clause or sentence end."""
    m = re.compile(r",|;|\.(?:\s|$)|\s+(?:who|which|that|as saying)\b|$").search(text, pos, hi)
    end = m.start() if m else hi
    return _trim_span(text, pos, end)


def _trim_span(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM + ".":
        e -= 1
    return (s, e) if s < e else None


def _forward(text: str, s: int, hi: int) -> tuple[int, int] | None:
    m = re.match(r"[\s,:]*(?:that\s+)?", text[s:hi])
    return _trim_span(text, s + (m.end() if m else 0), hi)


def _back_content(text: str, lo: int, region_lo: int) -> tuple[int, int] | None:
    """Content before a trailing attribution: it needs a few words (or a quote) to be one."""
    span = _trim_span(text, lo, region_lo)
    if span is None:
        return None
    body = text[span[0] : span[1]]
    opened = text[lo:region_lo].lstrip()[:1] in _OPEN
    if len(body.split()) < 3 and not opened:
        return None
    return span


def _split_tail(text: str, pos: int, hi: int, uq: list[Quote], d: _Draft) -> None:
    """'“…,” she told reporters, “…”': the second part of a split quote joins the claim."""
    m = re.match(r"[^“\"«.!?]{0,80}?,\s*(?=[“\"«])", text[pos:hi])
    if not m:
        return
    at = pos + m.end()
    for q in uq:
        if q.open == at:
            d.content = (d.content[0], q.end)
            return


# ------------------------------------------------------------------ settling a unit


def _settle(text: str, lo: int, hi: int, drafts: list[_Draft], uq: list[Quote]) -> list[_Draft]:
    """Cut forward contents at the next attribution, fold nested claims, turn weak overlaps into via."""
    drafts.sort(key=lambda d: d.cue[0])
    for i, d in enumerate(drafts):
        if d.backward:
            continue
        for nxt in drafts[i + 1 :]:
            cut = nxt.region[0]
            if nxt.backward and not nxt.weak:
                break  # a sentence-final attribution wraps this claim instead
            if d.content[0] < cut < d.content[1]:
                end = _trim_span(text, d.content[0], cut)
                if end is not None:
                    d.content = (d.content[0], re.sub(r"[\s,]+(?:and|but|while|with|as)\s*$", "", text[end[0] : end[1]]).__len__() + end[0])
                break
    # A sentence-final strong attribution starts from the unit start: claims inside it are its own.
    out: list[_Draft] = []
    for d in drafts:
        if d.weak:
            continue
        if any(
            o is not d and not o.weak and o.backward and o.content[0] <= d.cue[0] < o.content[1]
            for o in drafts
        ):
            continue
        out.append(d)
    for d in drafts:
        if not d.weak:
            continue
        host = next(
            (o for o in out if o.content[0] < d.content[1] and d.content[0] < o.content[1]),
            None,
        )
        if host is not None:
            if host.via is None:
                host.via = d.src
        else:
            out.append(d)
    merged: list[_Draft] = []
    for d in sorted(out, key=lambda d: d.content[0]):
        if d.kids == [-1]:
            if merged:
                merged[-1].content = (merged[-1].content[0], max(merged[-1].content[1], d.content[1]))
                continue
            d.kids = []
        merged.append(d)
    return [d for d in merged if len(text[d.content[0] : d.content[1]].split()) >= 2]


def _pure_quote(
    text: str, lo: int, hi: int, uq: list[Quote], drafts: list[_Draft], para: int
) -> _Draft | None:
    """A unit that is (mostly) a quote with no cue: it continues the last speaker."""
    inner = sum(min(q.end, hi) - max(q.start, lo) for q in uq)
    if inner < 0.6 * len(text[lo:hi].strip()):
        return None
    span = _trim_span(text, max(lo, uq[0].start), min(hi, uq[-1].end))
    if span is None:
        return None
    last = drafts[-1] if drafts else None
    if last is not None and last.para == para and any(
        q.start < last.content[1] and last.content[0] < q.end for q in uq + []
    ) is False and _quote_claim(last, text):
        last.content = (last.content[0], span[1])
        return None
    d = _Draft((span[0], span[0]), None, span, para=para)
    if last is not None and para - last.para <= 1:
        d.kids.append(-2)  # inherits the previous claim's source
    return d


def _quote_claim(d: _Draft, text: str) -> bool:
    s, e = d.content
    return text[s - 1 : s] in _OPEN or text[e : e + 1] in _CLOSE or text[e : e + 2][-1:] in _CLOSE


# ------------------------------------------------------------------ claims out


def _finish(
    text: str,
    drafts: list[_Draft],
    quotes: list[Quote],
    entities: tuple[Entity, ...],
    numbers: tuple[Quantity, ...],
) -> tuple[Claim, ...]:
    index = SpeakerIndex(text, entities)
    quote_spans = [(q.start, q.end) for q in quotes]
    out: list[Claim] = []
    prev: ClaimSource | None = None
    for d in sorted(drafts, key=lambda d: d.content[0]):
        s, e = d.content
        if not 0 <= s < e <= len(text):
            continue
        if d.src is not None:
            source = _source(text, d.src, index, quote_spans, prev)
        elif d.kids == [-2] and prev is not None:
            source = prev
        else:
            source = ClaimSource(None, "unattributed", False)
        via = None
        if d.via is not None:
            vtext = text[d.via[0] : d.via[1]]
            vinfo = classify_source(vtext)
            via = ClaimSource(vtext, vinfo.kind, vinfo.anonymous, None, d.via[0], d.via[1])
        kind = "quote" if any(qs < e and s < qe for qs, qe in quote_spans) else "paraphrase"
        hedges = find_hedges(text, s, e)
        lo_att = min(d.cue[0], d.src[0]) if d.src else d.cue[0]
        if d.src and lo_att < d.cue[1]:
            hedges += tuple(h for h in find_hedges(text, lo_att, d.cue[1]) if h not in hedges)
        nums = tuple(i for i, n in enumerate(numbers) if s <= n.start and n.end <= e)
        for i in nums:
            h = numbers[i].hedge
            if h and h.lower() not in hedges:
                hedges += (h.lower(),)
        cue = Span(d.cue[0], d.cue[1], "cue") if d.cue[1] > d.cue[0] else None
        out.append(
            Claim(f"C{len(out) + 1}", kind, source, Span(s, e, "claim"), cue, via, hedges, nums)
        )
        if source.kind != "unattributed":
            prev = source
    return tuple(out)


def _source(
    text: str,
    span: tuple[int, int],
    index: SpeakerIndex,
    quote_spans: list[tuple[int, int]],
    prev: ClaimSource | None,
) -> ClaimSource:
    s, e = span
    written = text[s:e]
    info: SourceInfo = classify_source(written)
    if info.pronoun in ("he", "she"):
        ent = index.last_person(s, quote_spans)
        if ent is not None:
            return ClaimSource(written, "named", False, ent.id, s, e)
        if prev is not None and prev.kind == "named" and not prev.anonymous:
            return ClaimSource(prev.text, "named", False, prev.entity, prev.start, prev.end)
        return ClaimSource(written, "named", False, None, s, e)
    if info.pronoun is not None:
        if prev is not None and prev.kind in ("organization", "anonymous", "document"):
            return prev
        return ClaimSource(written, info.kind, info.anonymous, None, s, e)
    if info.anonymous:
        aff = index.overlapping(s, e)
        return ClaimSource(written, "anonymous", True, aff.id if aff else None, s, e)
    if info.role_only:
        ent = index.by_role(written, s)
        if ent is not None:
            return ClaimSource(written, _kind_of(ent, info), False, ent.id, s, e)
        hit = index.text_role(written, s)
        if hit is not None:
            ent = index.overlapping(*hit)
            return ClaimSource(text[hit[0] : hit[1]], "named", False, ent.id if ent else None, *hit)
        return ClaimSource(written, "named", False, None, s, e)
    ent = index.overlapping(s, e)
    if ent is None and re.fullmatch(r"[A-Z][\w’'-]+", written):
        ent = index.by_surname(written)
        if ent is None and written.isupper():
            hit = index.acronym(written)
            if hit is not None:
                ent = index.overlapping(*hit)
                if ent is None:
                    return ClaimSource(text[hit[0] : hit[1]], "organization", False, None, *hit)
    if ent is not None:
        return ClaimSource(written, _kind_of(ent, info), False, ent.id, s, e)
    return ClaimSource(written, info.kind, info.anonymous, None, s, e)


def _kind_of(ent: Entity, info: SourceInfo) -> str:
    if ent.type == "PERSON":
        return "named"
    if ent.type in ("ORG", "LOC"):
        return "organization"
    return info.kind
