"""Format readers: sniffing, every real corpus file, invented fixtures, agency styles, segmentation."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parsers.formats import READERS, ParseError, RawDocument, sniff
from parsers.load import iter_story_paths, parse_bytes, parse_path
from parsers.model import Article
from tests.conftest import CORPORA, ROOT, SEEDS, corpus

FIXTURES = ROOT / "tests" / "fixtures" / "formats"
# No C0/C1 control, no terminal escape, no bidi override, no wire framing marks may reach text.
_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FRAMING_TEXT = re.compile(r"AP-WF-\d\d|^\^|[<=]$|``|''", re.M)


def check_spans(art: Article) -> None:
    """Every span lies inside text, in order, without overlap."""
    for spans in (art.paragraphs, art.sentences):
        pos = 0
        for span in spans:
            assert pos <= span.start <= span.end <= len(art.text)
            pos = span.end


def assert_clean(art: Article) -> None:
    assert art.text.strip()
    assert not _FORBIDDEN.search(art.text)
    assert not _FRAMING_TEXT.search(art.text)
    check_spans(art)


# ------------------------------------------------------------------ real corpora (skip when absent)

# Files whose XML carries neither a headline nor any story text: a clean refusal is the right answer.
_NO_TEXT = {"LISTING_29_Hop_History.xml", "ap_metadata_example.xml"}


def _corpus_files(*parts: str) -> list[Path]:
    root = CORPORA.joinpath(*parts)
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name not in ("SOURCES.md", "README.md"))


@pytest.mark.parametrize(
    "path",
    _corpus_files("iptc") + _corpus_files("wire-formats") or [pytest.param(None, id="absent")],
    ids=lambda p: p.name if isinstance(p, Path) else "absent",
)
def test_every_real_wire_file_parses_cleanly(path: Path | None) -> None:
    corpus("iptc")
    corpus("wire-formats")
    assert path is not None
    if path.name in _NO_TEXT:
        with pytest.raises(ParseError, match="not an article"):
            parse_path(str(path))
        return
    art = parse_path(str(path))
    assert_clean(art)
    raw = path.read_bytes().decode("utf-8", "replace")
    if re.search(r"<(?:\w+:)?(?:hl1|headline|HeadLine)\b[^>/]*>\s*[^<\s]", raw):
        assert art.meta.headline, "the file has a headline"
        assert art.text.startswith(art.meta.headline)


def test_real_files_keep_their_headlines_and_metadata() -> None:
    wf = corpus("wire-formats")
    afp = parse_path(str(wf / "afp.xml"))
    assert afp.format == "newsml1"
    assert afp.meta.headline == "Sweden court accepts receivership for Saab carmaker"
    assert (afp.meta.dateline_place, afp.meta.agency) == ("Stockholm", "AFP")
    anpa = parse_path(str(wf / "anpa-1.tst"))
    assert anpa.format == "anpa"
    assert anpa.meta.headline == "For Argentine chemo patients, mirrors can hurt"
    assert anpa.meta.byline == "PAUL BYRNE and ALMUDENA CALATRAVA"
    assert "“Look Good Feel Better”" in anpa.text  # `` '' became real quotation marks
    assert "AP-WF-11-13-13 1509GMT" in anpa.removed
    dpa = parse_path(str(wf / "IPTC7901.txt"))
    assert dpa.format == "iptc7901"
    assert dpa.meta.headline == "Germany Social Democrats: Coalition talks with Merkel could fail"
    assert dpa.meta.slug == "Germany-politics"
    assert "not for publication" not in dpa.text
    assert dpa.meta.credits and "Editing by" in dpa.meta.credits
    g2 = parse_path(
        str(corpus("iptc", "newsml-g2", "tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538"))
    )
    assert "CORRECTED" in g2.meta.markers
    assert g2.meta.headline and not g2.meta.headline.startswith("CORRECTED")


@pytest.mark.parametrize(
    "name",
    [
        "LISTING_24_News_Message_conveying_a_complete_News_Package.xml",
        "LISTING_28_Illustrating_Located_Subject_and_Dateline.xml",
        "LISTING_6_Simple_NewsML-G2_Package.xml",
        "ninjs-schema_2.1.json",
        "ninjs-schema_3.1.json",
        "nitf-3-6.xsd",
    ],
)
def test_reference_items_that_are_not_articles_are_refused(name: str) -> None:
    path = corpus("iptc-reference", name)
    with pytest.raises(ParseError) as err:
        parse_path(str(path))
    reason = str(err.value)
    assert reason.startswith("not an article") and "\n" not in reason and len(reason) < 120


# ------------------------------------------------------------------ sniffing


@pytest.mark.parametrize(
    ("content", "name", "fmt"),
    [
        ("\x16\x16\x01a0001\x1fsel\nr a\x13\x11 BC-Test   01-01 0001\n\x02^Head<\n", "x", "anpa"),
        ("\x01abc0001 3 i 10  dpa 0001\r\n\r\nslug/\r\n\x02Head =\r\n", "x", "iptc7901"),
        ('<?xml version="1.0"?>\n<!-- c -->\n<nitf><body/></nitf>', "x.txt", "nitf"),
        ('<NewsML Version="1.2"><NewsItem/></NewsML>', "x", "newsml1"),
        (
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet/></newsMessage>',
            "x",
            "newsml-g2",
        ),
        ("<g2:newsItem xmlns:g2='urn:x'><nitf/></g2:newsItem>", "x", "newsml-g2"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "x.txt", "html"),
        ('{"headline": "x"}', "x.txt", "ninjs"),
        ("# Head\n\nBody.", "x.txt", "markdown"),
        ("Head\n\nBody.", "x.md", "markdown"),
        ("[Updated] Head\n\nBody.", "x.json", "text"),
        ("Head\n\nBody.", "x.xml", "text"),
    ],
)
def test_sniff_reads_content_first_and_the_name_second(content: str, name: str, fmt: str) -> None:
    assert sniff(RawDocument(name, content.encode(), content)) == fmt


def test_every_registered_reader_is_reachable_by_sniffing() -> None:
    assert set(READERS) == {
        "text",
        "markdown",
        "anpa",
        "iptc7901",
        "nitf",
        "newsml-g2",
        "newsml1",
        "ninjs",
        "html",
        "xml",
    }


# ------------------------------------------------------------------ invented fixtures, one per reader


def test_newsml1_dateline_opens_the_story_and_signoff_is_removed() -> None:
    art = parse_path(str(FIXTURES / "newsml1_afp_style.xml"))
    assert art.meta.headline == "Invented bridge reopens in Testland"
    assert art.meta.slug == "Testland-bridge"
    assert (art.meta.dateline_place, art.meta.agency) == ("Riverton", "AFP")
    assert art.meta.date == "2024-03-01T10:10:00+00:00"
    assert "FLASH" in art.meta.markers
    assert "ab/cd" in art.removed and "ab/cd" not in art.text
    first = art.paragraphs[1]
    assert art.text[first.start : first.end].startswith("RIVERTON, Mar 1, 2024 (AFP) - The invented")
    assert art.sentences[1].kind == "dateline"


def test_newsml_g2_message_with_inline_nitf() -> None:
    art = parse_path(str(FIXTURES / "newsmlg2_message_nitf.xml"))
    assert art.format == "newsml-g2"
    assert art.meta.headline == "Invented rail line opens in Testland"
    assert art.meta.markers == ("UPDATE 1", "CORRECTED")
    assert art.meta.byline == "Ivo Example"
    assert art.meta.date == "2024-03-02T08:55:00Z"
    kinds = [(p.kind, art.text[p.start : p.end]) for p in art.paragraphs]
    assert kinds == [
        ("headline", "Invented rail line opens in Testland"),
        ("body", "An invented rail line opened on Saturday, officials said."),
        ("subhead", "Delays"),
        ("body", "The project ran about three years late."),
    ]


def test_newsml1_bare_paragraphs_in_data_content() -> None:
    doc = (
        '<?xml version="1.0" encoding="iso-8859-1"?><NewsML><NewsItem><NewsComponent><NewsLines>'
        "<HeadLine>Invented caf\xe9 closes</HeadLine><DateLine>Testville, 1 juil 2024 (AFP)</DateLine>"
        "</NewsLines><NewsComponent><ContentItem><MediaType FormalName='Text'/><DataContent>"
        "<p>The invented caf\xe9 closed.</p><p>Nobody knows why.</p></DataContent></ContentItem>"
        "</NewsComponent></NewsComponent></NewsItem></NewsML>"
    ).encode("latin-1")
    art = parse_bytes(doc, "afp.xml")
    assert art.text == "Invented caf\xe9 closes\n\nThe invented caf\xe9 closed.\n\nNobody knows why."
    assert art.meta.dateline_place == "Testville"


def test_newsml_g2_inline_data_with_wrapped_indented_paragraphs() -> None:
    doc = (
        '<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/"><itemMeta><itemClass qcode="icls:text"/>'
        "</itemMeta><contentMeta><headline>Invented main headline</headline>"
        '<headline role="hld:subHeadline">Invented sub headline</headline></contentMeta><contentSet>'
        '<inlineData contenttype="text/plain"><![CDATA[<p>\n   (TEST) - Testville - An invented minister\n'
        'said something\nimportant.\n   "It is fine," he said.\n</p>]]></inlineData></contentSet></newsItem>'
    )
    art = parse_bytes(doc.encode(), "g2.xml")
    assert art.meta.headline == "Invented main headline"
    assert art.text.split("\n\n")[1:] == [
        "(TEST) - Testville - An invented minister said something important.",
        '"It is fine," he said.',
    ]


def test_newsml_g2_package_with_a_label_is_not_an_article() -> None:
    with pytest.raises(ParseError, match="not an article: NewsML-G2 packageItem"):
        parse_path(str(FIXTURES / "newsmlg2_package.xml"))


def test_ninjs2_main_headline_html_body_and_bylines() -> None:
    art = parse_path(str(FIXTURES / "ninjs2_bodies.json"))
    assert art.meta.headline == "Invented museum opens doors"
    assert art.meta.byline == "Ada Example"
    assert art.meta.date == "2024-03-03T12:00:00Z"
    assert "Plain fallback" not in art.text  # the HTML body is preferred
    assert [p.kind for p in art.paragraphs] == ["headline", "body", "subhead", "body"]


def test_ninjs_that_is_not_a_story_is_refused() -> None:
    with pytest.raises(ParseError, match="not an article"):
        parse_path(str(FIXTURES / "ninjs_picture.json"))
    caption = b'{"type": "picture", "headline": "Invented photo", "body_text": "A caption."}'
    with pytest.raises(ParseError, match="not an article: ninjs picture item"):
        parse_bytes(caption, "pic.json")
    with pytest.raises(ParseError, match="not valid JSON"):
        parse_bytes(b'{"headline": "x", ', "broken.json")


def test_html_page_furniture_is_dropped() -> None:
    art = parse_path(str(FIXTURES / "page.html"))
    assert art.meta.headline == "Invented council approves new park"
    assert art.meta.language == "en"
    for junk in ("script text", "color: red", "Home | World", "Related", "Copyright", "Kicker"):
        assert junk not in art.text
    assert "& residents cheered" in art.text
    assert "about 1.5 million euros, the council said" in art.text
    subheads = [art.text[p.start : p.end] for p in art.paragraphs if p.kind == "subhead"]
    assert subheads == ["Costs", "Next steps"]
    # Nothing silently lost: furniture text is listed in removed, code is not.
    assert {"Home | World | Sport", "Related: other parks", "Copyright Example Site"} <= set(art.removed)
    assert not any("script text" in r or "color" in r for r in art.removed)


def test_html_article_element_is_the_story() -> None:
    page = (
        b"<html><body><header><h1>Example Site</h1></header><div><p>Subscribe to invented news.</p></div>"
        b"<article><h1>Invented story</h1><p>First paragraph.</p></article><p>Comments closed.</p></body></html>"
    )
    art = parse_bytes(page, "site.html")
    assert art.text == "Invented story\n\nFirst paragraph."
    assert {"Example Site", "Subscribe to invented news.", "Comments closed."} <= set(art.removed)


def test_html_br_br_separates_paragraphs() -> None:
    page = b"<html><body><h1>Invented</h1><div>First line<br>same paragraph.<br><br>Second one.</div></body></html>"
    art = parse_bytes(page, "p.html")
    assert art.text == "Invented\n\nFirst line same paragraph.\n\nSecond one."


def test_markdown_markup_becomes_plain_text() -> None:
    art = parse_path(str(FIXTURES / "story.md"))
    assert art.format == "markdown"
    assert art.meta.headline == "Invented library wins design award"
    assert "**" not in art.text and "](" not in art.text and "`" not in art.text
    assert 'calling it "a building for everyone".' in art.text
    assert "advertisement block" not in art.text
    assert (art.meta.dateline_place, art.meta.agency) == ("LAKESIDE, Testland", "AP")
    assert [p.kind for p in art.paragraphs] == ["headline", "body", "subhead", "body"]


def test_anpa_framing_becomes_metadata() -> None:
    data = (
        b"\x16\x16\x01a0001\x1fsel\n"
        b"u a\x13\x11 BC-Test-Story 2ndLd-Writethru   01-02 0100\n"
        b"\x02^BC-Test-Story, 2nd Ld-Writethru,100<\n"
        b"^Invented headline for a test<\n"
        b"^Eds: Invented note.<\n"
        b"^By ANA EXAMPLE=\n"
        b"^Associated Press=\n"
        b"\t   TESTVILLE, Testland (AP) _ An invented event happened. ``It was real,'' said Bo Test. \n"
        b" \n"
        b"\t   A second paragraph runs on\n"
        b"over two lines.<\n"
        b"\t   \x03AP-WF-01-02-24 1200GMT<\n\x04"
    )
    art = parse_bytes(data, "t.anpa")
    assert art.format == "anpa"
    assert art.meta.headline == "Invented headline for a test"
    assert art.meta.slug == "BC-Test-Story"
    assert art.meta.markers == ("URGENT", "2nd Ld-Writethru")
    assert art.meta.byline == "ANA EXAMPLE"
    assert art.meta.agency == "AP" and art.meta.dateline_place == "TESTVILLE, Testland"
    assert art.meta.date == "2024-01-02T12:00:00Z"
    assert "TESTVILLE, Testland (AP) — An invented event happened. “It was real,” said Bo Test." in art.text
    assert "A second paragraph runs on over two lines." in art.text
    assert "Eds: Invented note." in art.removed
    assert_clean(art)


def test_anpa_that_lost_its_control_characters() -> None:
    data = (
        "W2346sel\nr s BC-BBO--Invented-Glance   08-18 \n^BC-BBO--Invented Glance<\n^(Eds: Invented.)<\n"
        "^Invented Glance=\n^By The Invented Press=\n^INVENTED LEAGUE=\n^ W   L   Pct\n"
        "Testville 73  52  .584\nOtherton 70  55  .560\n\t   ___=\n\t   AP-WF-08-18-19 2017GMT<\n"
    )
    art = parse_bytes(data.encode(), "bare.tst")
    assert art.format == "anpa"
    assert art.meta.headline == "Invented Glance" and art.meta.slug == "BC-BBO--Invented Glance"
    assert art.meta.date == "2019-08-18T20:17:00Z"
    rows = [art.text[p.start : p.end] for p in art.paragraphs]
    assert "Testville 73 52 .584" in rows and "Otherton 70 55 .560" in rows
    assert "(Eds: Invented.)" in art.removed
    assert_clean(art)


def test_iptc7901_heading_notebook_and_trailer() -> None:
    data = (
        b"\x01abc0007 2 i 120  dpa 0007\r\n\r\nTestland/politics/\r\n"
        b"\x02REFILE\n1ST LEAD\nInvented minister resigns\nBy Test Reporter =\r\n\r\n"
        b"Testburg (dpa) - An invented minister resigned on Monday.\r\n\r\n"
        b"He gave no reason.\r\n\r\n# Notebook\r\n\r\n## Editorial contacts\r\n"
        b"- Reporting by: Test Reporter\r\n- Editing by: Test Editor\r\n\r\ndpa tr te\r\n\x03101200 GMT Jan 10\r\n\x04"
    )
    art = parse_bytes(data, "t.txt")
    assert art.format == "iptc7901"
    assert art.meta.headline == "Invented minister resigns"
    assert art.meta.markers == ("URGENT", "REFILE", "1ST LEAD")
    assert art.meta.byline == "Test Reporter"
    assert (art.meta.slug, art.meta.dateline_place, art.meta.agency) == (
        "Testland/politics",
        "Testburg",
        "dpa",
    )
    assert art.meta.credits == "Reporting by Test Reporter; Editing by Test Editor"
    assert art.text.endswith("He gave no reason.")
    assert "101200 GMT Jan 10" in art.removed
    assert_clean(art)


# ------------------------------------------------------------------ agency house styles (plain text)


def _first_body(art: Article) -> str:
    para = next(p for p in art.paragraphs if p.kind not in ("headline", "subhead"))
    return art.text[para.start : para.end]


@pytest.mark.parametrize(
    ("dateline", "place", "agency"),
    [
        ("KABUL, Jan 4 (AFP) - ", "Kabul", "AFP"),
        ("NAIROBI, Kenya (AP) — ", "NAIROBI, Kenya", "AP"),
        ("FRANKFURT, March 3 (Reuters) - ", "Frankfurt", "Reuters"),
    ],
)
def test_agency_datelines(dateline: str, place: str, agency: str) -> None:
    text = f"Invented headline\n\n{dateline}An invented thing happened on Monday. Officials confirmed it.\n"
    art = parse_bytes(text.encode(), "story.txt")
    assert (art.meta.dateline_place, art.meta.agency) == (place, agency)
    assert _first_body(art).startswith(dateline.rstrip())
    dl = next(s for s in art.sentences if s.kind == "dateline")
    assert art.text[dl.start : dl.end] == dateline.strip()
    assert any(art.text[s.start : s.end] == "An invented thing happened on Monday." for s in art.sentences)


def test_reuters_credits_tail_goes_to_meta() -> None:
    text = (
        "UPDATE 2-Invented shares rise\n\nFRANKFURT, March 3 (Reuters) - Invented shares rose 3%.\n\n"
        "(Reporting by Ana Example; Editing by Bo Example)\n"
    )
    art = parse_bytes(text.encode(), "r.txt")
    assert art.meta.credits == "Reporting by Ana Example; Editing by Bo Example"
    assert "Reporting by" not in art.text
    assert art.meta.headline == "Invented shares rise" and art.meta.markers == ("UPDATE 2",)


@pytest.mark.parametrize(
    ("headline", "markers"),
    [
        ("URGENT - Invented dam bursts", ("URGENT",)),
        ("UPDATE 2-Invented dam bursts", ("UPDATE 2",)),
        ("CORRECTED-Invented dam bursts", ("CORRECTED",)),
        ("REFILE-UPDATE 1-Invented dam bursts", ("REFILE", "UPDATE 1")),
    ],
)
def test_version_markers(headline: str, markers: tuple[str, ...]) -> None:
    art = parse_bytes(f"{headline}\n\nAn invented dam burst.\n".encode(), "m.txt")
    assert art.meta.markers == markers
    assert art.meta.headline == "Invented dam bursts"


# ------------------------------------------------------------------ sentence segmentation


def _sentences(body: str) -> list[str]:
    art = parse_bytes(f"Headline\n\n{body}\n".encode(), "s.txt")
    return [art.text[s.start : s.end] for s in art.sentences[1:]]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "U.S. officials met Gen. Tom Ward and Maj. Ann Lee on Jan. 5 in room No. 4. They left.",
            ["U.S. officials met Gen. Tom Ward and Maj. Ann Lee on Jan. 5 in room No. 4.", "They left."],
        ),
        ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
        (
            "Prices rose 3.5 percent to 1,250.75 euros. Markets fell.",
            ["Prices rose 3.5 percent to 1,250.75 euros.", "Markets fell."],
        ),
        ('"We will stay." The minister left.', ['"We will stay."', "The minister left."]),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("Qasem Soleimani.The claim came later.", ["Qasem Soleimani.", "The claim came later."]),
        ("The U.S. The end.", ["The U.S.", "The end."]),
    ],
)
def test_segmentation(body: str, expected: list[str]) -> None:
    assert _sentences(body) == expected


# ------------------------------------------------------------------ the shipped seeds


def test_seeds_cover_every_format_and_parse() -> None:
    arts = [parse_path(p) for p in iter_story_paths([str(SEEDS)])]
    assert {a.format for a in arts} >= {
        "text",
        "markdown",
        "anpa",
        "iptc7901",
        "nitf",
        "newsml-g2",
        "ninjs",
        "html",
    }
    for art in arts:
        assert_clean(art)
        assert art.meta.headline
    invented = [a for a in arts if not a.source.endswith("000_e0c84c8124d96021.txt")]
    assert len(invented) >= 6
    for art in invented:
        # Each invented story says so, in its byline, metadata or text.
        raw = Path(art.source).read_bytes().decode("utf-8", "replace").lower()
        assert "fictional" in raw and "wiredesk" in raw
    agencies = {a.meta.agency for a in arts}
    assert {"AFP", "AP", "Reuters", "dpa"} <= agencies
    assert any(a.meta.credits for a in arts)
    assert any(a.meta.markers for a in arts)
    # A quote that runs over two paragraphs: an opening quote left open, the next paragraph reopening it.
    assert any(re.search(r'\n\n"[^"\n]+\n\n"', a.text) for a in arts), "a quote running over two paragraphs"


def test_other_agency_xml_with_escaped_html_content() -> None:
    doc = (
        b'<?xml version="1.0"?><Feed><RBNews><headline>Invented</headline><town>Testby</town>'
        b"<byLine>Ana Example</byLine><format>Flash</format>"
        b"<content>&lt;P&gt;It&amp;amp;apos;s an invented &amp;amp;quot;story&amp;amp;quot;.&lt;/P&gt;</content>"
        b"</RBNews></Feed>"
    )
    art = parse_bytes(doc, "feed.xml")
    assert art.format == "xml"
    assert art.text == 'Invented\n\nIt\'s an invented "story".'
    assert (art.meta.dateline_place, art.meta.byline, art.meta.markers) == (
        "Testby",
        "Ana Example",
        ("FLASH",),
    )


def test_token_per_line_corpus_xml_is_refused_not_read_as_a_story() -> None:
    rows = "\n".join(f"Word{i}\tNNP\tword{i}\tNP0\tPROPN\tnsubj\t_" for i in range(30))
    data = f'<text id="x" type="news">\n<s>\n{rows}\n</s>\n</text>\n'.encode()
    with pytest.raises(ParseError, match="token-per-line"):
        parse_bytes(data, "vertical.xml")
