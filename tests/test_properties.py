"""Properties that must hold for any input: readers never crash, spans always fit the text."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.formats import READERS, ParseError, RawDocument
from parsers.formats import text as text_reader
from parsers.load import parse_bytes
from parsers.model import Article
from parsers.sanitize import decode

# Pieces of real wire copy, so random text often hits the tricky paths (abbreviations,
# datelines, quotes, markers, blank lines, escapes, bidi controls).
FRAGMENTS = [
    "U.S.",
    "Gen.",
    "Jan. 4",
    "No. 1",
    "3.5",
    "1,250",
    "J. R. Smith",
    ". ",
    "? ",
    "!",
    "…",
    '"',
    "“",
    "”",
    "'",
    "’",
    "(AP) — ",
    "KABUL, Jan 4 (AFP) - ",
    "FRANKFURT, March 3 (Reuters) - ",
    "Geneva (dpa) - ",
    "UPDATE 2-",
    "URGENT - ",
    "(Reporting by A; Editing by B)",
    "By Ana Example",
    "Soleimani.The",
    "\n",
    "\n\n",
    "\r\n",
    " \n \n",
    "\t",
    "Leave a Comment",
    "\x1b[2J",
    "\x1b]52;c;eA==\x07",
    "\x9b31m",
    "\u202e",
    "\x00",
    "\ufeff",
    "\u00a0",
    "مرحبا",
    "Regional tensions",
]

wire_text = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)),
    max_size=40,
).map("".join)

_READER_BUG = re.compile(r"^[\w-]+: [A-Z]\w*(?:Error|Exception)\b")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def check_article(art: Article) -> None:
    n = len(art.text)
    for spans in (art.paragraphs, art.sentences):
        pos = 0
        for span in spans:
            assert pos <= span.start <= span.end <= n, (span, pos, n)
            pos = span.end
    # Every sentence lies inside one paragraph.
    for s in art.sentences:
        assert any(p.start <= s.start and s.end <= p.end for p in art.paragraphs), s
    # Paragraph spans cover text exactly, joined by blank lines.
    assert "\n\n".join(art.text[p.start : p.end] for p in art.paragraphs) == art.text
    assert not _CONTROLS.search(art.text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wire_text)
def test_plain_text_reader_never_raises_and_spans_fit(text: str) -> None:
    art = text_reader.read(RawDocument("p.txt", text.encode("utf-8", "surrogatepass"), text))
    check_article(art)


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_plain_text_reader_on_any_unicode(text: str) -> None:
    check_article(text_reader.read(RawDocument("p.txt", b"", text)))


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=300), wire_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_give_an_article_or_a_clean_parse_error(data: bytes) -> None:
    try:
        art = parse_bytes(data, "any")
    except ParseError as err:
        assert "\n" not in str(err)
        # load.py turns a reader's crash into "fmt: TypeError: …": that would be a bug here.
        assert not _READER_BUG.match(str(err)), str(err)
        return
    check_article(art)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(READERS)), wire_text)
def test_every_reader_fails_only_with_parse_error(fmt: str, text: str) -> None:
    for doc in (text, f"<p>{text}</p>", json.dumps({"headline": "H", "body_text": text})):
        data = doc.encode("utf-8", "surrogatepass")
        decoded = decode(data)
        try:
            # The reader itself, not parse_bytes: only ParseError may escape it.
            art = READERS[fmt](RawDocument("x", data, decoded.text, tuple(decoded.warnings)))
        except ParseError:
            continue
        check_article(art)
