"""Hostile input through `wiredesk parse --json`: never a traceback, never a terminal escape,
never a file's secret; exit 0 when every path parsed, 1 when some failed, 2 on usage errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from parsers.load import parse_bytes

# Runs the real CLI in a fresh interpreter; reports its own peak memory on stderr's last line.
# Peak memory is VmHWM, the high-water mark of this process's own address space: getrusage's
# ru_maxrss also keeps the parent's RSS recorded at fork/exec, so a big pytest process would
# be blamed on the child (CI saw 461 MB for a run that used 40).
_RUNNER = (
    "import re, sys\n"
    "from tui.cli import main\n"
    "def peak_kb():\n"
    "    try:\n"
    "        status = open('/proc/self/status').read()\n"
    "    except OSError:  # not Linux: ru_maxrss (bytes on macOS) does not inherit there\n"
    "        import resource\n"
    "        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "        return peak // 1024 if sys.platform == 'darwin' else peak\n"
    "    found = re.search(r'VmHWM:\\s+(\\d+) kB', status)\n"
    "    return int(found.group(1)) if found else 0\n"
    "try:\n"
    "    rc = main(sys.argv[1:])\n"
    "finally:\n"
    "    sys.stderr.write(f'\\nMAXRSS_KB={peak_kb()}\\n')\n"
    "sys.exit(rc)\n"
)


class Run:
    def __init__(self, proc: subprocess.CompletedProcess[bytes]) -> None:
        self.code = proc.returncode
        self.stdout = proc.stdout.decode("utf-8")
        err, _, rss = proc.stderr.decode("utf-8", "replace").rpartition("MAXRSS_KB=")
        self.stderr = err.strip()
        self.maxrss_kb = int(rss.strip() or 0)
        self.raw = proc.stdout + proc.stderr

    @property
    def stories(self) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.stdout.splitlines() if line.strip()]

    def text(self) -> str:
        (story,) = self.stories
        text = story["text"]
        assert isinstance(text, str)
        return text


def wiredesk(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> Run:
    proc = subprocess.run(
        [sys.executable, "-c", _RUNNER, *args],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=60,
        cwd=cwd,
        check=False,
    )
    run = Run(proc)
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    # Nothing a terminal would interpret ever leaves the process.
    assert b"\x1b" not in run.raw and b"\x07" not in run.raw and b"\xc2\x9b" not in run.raw
    return run


def parse_file(tmp_path: Path, name: str, data: bytes) -> Run:
    path = tmp_path / name
    path.write_bytes(data)
    return wiredesk("parse", "--json", str(path))


STORY = "Invented headline\n\nTESTVILLE, Jan 4 (AFP) - An invented story {} goes on. It ends here.\n"


# ------------------------------------------------------------------ terminal sequences and controls


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("clear screen", "\x1b[2J\x1b[H"),
        ("OSC 52 clipboard", "\x1b]52;c;ZWNobyBwd25lZA==\x07"),
        ("OSC 8 hyperlink", "\x1b]8;;https://evil.invalid\x1b\\click\x1b]8;;\x1b\\"),
        ("BEL", "\x07\x07"),
        ("C1 CSI", "\x9b31m\x9b2J"),
        ("C1 OSC", "\x9d52;c;ZXZpbA==\x9c"),
        ("DCS", "\x1bPq#0;2;0;0;0\x1b\\"),
    ],
)
def test_terminal_sequences_never_reach_text(tmp_path: Path, name: str, payload: str) -> None:
    run = parse_file(tmp_path, "esc.txt", STORY.format(payload).encode("utf-8"))
    assert run.code == 0
    text = run.text()
    assert "An invented story" in text and "goes on." in text
    for bad in ("\x1b", "\x07", "\x9b", "\x9d", "\x9c", "\x90", "52;c", "2J", "31m", "evil.invalid"):
        assert bad not in text


@pytest.mark.parametrize(
    ("fmt", "doc"),
    [
        ("html", "<h1>Invented</h1><p>Body \x1b[2J text \x1b]52;c;eA==\x07 ends.</p>"),
        (
            "nitf",
            "<nitf><body><body.content><p>Body \x1b[2J text \x1b]52;c;eA==\x07 ends.</p></body.content></body></nitf>",
        ),
        (
            "ninjs",
            '{"headline": "Invented", "body_text": "Body \\u001b[2J text \\u001b]52;c;eA==\\u0007 ends."}',
        ),
        ("markdown", "# Invented\n\nBody \x1b[2J text \x1b]52;c;eA==\x07 ends."),
    ],
)
def test_escapes_are_removed_in_every_format(fmt: str, doc: str) -> None:
    art = parse_bytes(doc.encode("utf-8"), "x")
    assert art.format == fmt
    assert "Body text ends." in art.text


def test_bidi_overrides_are_removed_with_a_warning(tmp_path: Path) -> None:
    rtl = "مرحبا بالعالم"
    run = parse_file(tmp_path, "bidi.txt", STORY.format(f"\u202egnp.exe\u202c {rtl} \u2066x\u2069").encode())
    assert run.code == 0
    (story,) = run.stories
    text = run.text()
    assert not any(ch in text for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert rtl in text  # right-to-left script itself is kept
    assert "bidi controls removed" in story["warnings"]


def test_nul_bytes_never_crash(tmp_path: Path) -> None:
    run = parse_file(tmp_path, "nul.txt", STORY.format("with\x00NUL\x00bytes").encode())
    assert run.code == 0
    assert "\x00" not in run.text() and "withNULbytes" in run.text()


# ------------------------------------------------------------------ encodings


def test_invalid_utf8_falls_back_with_a_warning(tmp_path: Path) -> None:
    run = parse_file(tmp_path, "bad.txt", b"Invented headline\n\nBroken \xff\xfe\xc3 bytes here.\n")
    assert run.code == 0
    (story,) = run.stories
    assert "Broken" in run.text() and "bytes here." in run.text()
    assert any("UTF-8" in w for w in story["warnings"])


def test_cp1252_smart_quotes(tmp_path: Path) -> None:
    data = "Invented headline\n\n\x93We will rebuild,\x94 the mayor said \x96 calmly.\n".encode("latin-1")
    run = parse_file(tmp_path, "cp.txt", data)
    assert run.code == 0
    assert "“We will rebuild,” the mayor said – calmly." in run.text()


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom(tmp_path: Path, codec: str) -> None:
    text = "Invented headline\n\n“Quoted” story with ünïcödé.\n"
    data = text.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    run = parse_file(tmp_path, "u.txt", data)
    assert run.code == 0
    assert run.text() == "Invented headline\n\n“Quoted” story with ünïcödé."


# ------------------------------------------------------------------ XML attacks


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    ents = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doc = f'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY l0 "lol">{ents}]><nitf><body><body.content><p>&l9;</p></body.content></body></nitf>'
    run = parse_file(tmp_path, "bomb.xml", doc.encode())
    assert run.code == 1
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert "bomb.xml" in line and "entity" in line
    assert 0 < run.maxrss_kb < 200_000


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE nitf [<!ENTITY xxe SYSTEM "file://{secret}">]>',
        '<!DOCTYPE nitf [<!ENTITY % p SYSTEM "file://{secret}"> %p;]>',
        '<!DOCTYPE nitf SYSTEM "file://{secret}">',
    ],
)
def test_xxe_never_leaks_a_local_file(tmp_path: Path, doctype: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7f3a9 do not leak")
    doc = (
        '<?xml version="1.0"?>'
        + doctype.format(secret=secret)
        + "<nitf><body><body.head><hedline><hl1>Invented"
        "</hl1></hedline></body.head><body.content><p>Text &amp; more.</p><p>&xxe;</p></body.content></body></nitf>"
    )
    if "xxe SYSTEM" not in doctype:
        doc = doc.replace("<p>&xxe;</p>", "")
    run = parse_file(tmp_path, "xxe.xml", doc.encode())
    assert b"TOP-SECRET" not in run.raw
    assert run.code in (0, 1)
    if run.code == 1:
        (line,) = run.stderr.splitlines()
        assert "xxe.xml" in line


# ------------------------------------------------------------------ size, emptiness, binaries, depth


def test_60_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    run = wiredesk("parse", "--json", str(big))
    assert run.code == 1
    (line,) = run.stderr.splitlines()
    assert "big.txt" in line and "too large" in line and "limit 5 MB" in line
    assert 0 < run.maxrss_kb < 120_000  # far below what reading 60 MB would take


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(STORY.format("x" * 200))
    assert wiredesk("--max-size", "100", "parse", "--json", str(path)).code == 1
    assert wiredesk("--max-size", "100000", "parse", "--json", str(path)).code == 0


@pytest.mark.parametrize(("name", "data"), [("empty.txt", b""), ("blank.txt", b" \n\n\t \n")])
def test_empty_file(tmp_path: Path, name: str, data: bytes) -> None:
    run = parse_file(tmp_path, name, data)
    assert run.code == 1 and run.stdout == ""
    assert run.stderr == f"wiredesk: {tmp_path / name}: empty file"


def test_png_is_refused(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8
    run = parse_file(tmp_path, "photo.txt", png)
    assert run.code == 1
    assert "binary file" in run.stderr


@pytest.mark.parametrize("closed", [True, False])
def test_deeply_nested_html(tmp_path: Path, closed: bool) -> None:
    depth = 50_000
    doc = "<html><body><h1>Invented deep page</h1>" + "<div><span>" * depth + "<p>Deep text survives.</p>"
    if closed:
        doc += "</span></div>" * depth + "</body></html>"
    run = parse_file(tmp_path, "deep.html", doc.encode())
    assert run.code == 0
    assert run.text() == "Invented deep page\n\nDeep text survives."


def test_deeply_nested_xml_and_json(tmp_path: Path) -> None:
    depth = 50_000
    xml = "<nitf><body><body.content>" + "<block>" * depth + "<p>Deep.</p>" + "</block>" * depth
    xml += "</body.content></body></nitf>"
    (tmp_path / "deep.xml").write_text(xml)
    (tmp_path / "deep.json").write_text('{"headline": "x", "body": ' + "[" * depth + "]" * depth + "}")
    run = wiredesk("parse", "--json", str(tmp_path / "deep.xml"), str(tmp_path / "deep.json"))
    assert [s["format"] for s in run.stories] == ["nitf"]
    assert run.code == 1
    (line,) = run.stderr.splitlines()
    assert "deep.json" in line and "nested too deeply" in line


def test_2_mb_single_line(tmp_path: Path) -> None:
    line = ("An invented sentence with several words and no line break. " * 40_000)[: 2 * 1024 * 1024]
    run = parse_file(tmp_path, "line.txt", line.encode())
    assert run.code == 0
    (story,) = run.stories
    assert len(run.text()) > 2_000_000
    assert len(story["sentences"]) > 30_000


# ------------------------------------------------------------------ stdin, exit codes


def test_stdin_dash_is_sniffed() -> None:
    run = wiredesk("parse", "--json", "-", stdin=b'{"headline": "Invented", "body_text": "From stdin."}')
    assert run.code == 0
    (story,) = run.stories
    assert story["path"] == "-" and story["format"] == "ninjs"
    assert run.text() == "Invented\n\nFrom stdin."


def test_plain_stdin() -> None:
    run = wiredesk("parse", "--json", "-", stdin=STORY.format("on stdin").encode())
    assert run.code == 0 and "on stdin" in run.text()


def test_one_bad_file_never_stops_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY.format("one"))
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # not a story extension: skipped
    (tmp_path / "c.xml").write_text("<nitf><body>")  # malformed
    (tmp_path / "d.json").write_text('{"headline": "Invented", "body_text": "Two."}')
    run = wiredesk("parse", "--json", str(tmp_path))
    assert run.code == 1
    assert [Path(str(s["path"])).name for s in run.stories] == ["a.txt", "d.json"]
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"wiredesk: {tmp_path / 'c.xml'}: ") and "malformed XML" in line


@pytest.mark.parametrize("args", [["parse"], ["parse", "x.txt"], ["parse", "--json"], ["extract", "x.txt"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert wiredesk(*args).code == 2


def test_missing_file_exits_1(tmp_path: Path) -> None:
    run = wiredesk("parse", "--json", str(tmp_path / "nope.txt"))
    assert run.code == 1 and "no such file" in run.stderr
