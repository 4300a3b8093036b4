"""Parse throughput on a generated corpus of 1,000 invented stories in every supported format.

Prints MB/s and stories/s for the full parse (read, decode, sniff, read format, sanitize,
segment) and for the floor measured in the same run: reading and decoding the same files.
The ratio parse/floor says what the parsers cost on top of touching the bytes at all.

    .venv/bin/python bench/parse.py [--stories N]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parsers.load import iter_story_paths, parse_path  # noqa: E402
from parsers.sanitize import decode  # noqa: E402

PLACES = ["VALMERE", "DUNMARROW", "KESTRELTON", "LINDHEIM", "TARVIK", "BRENNA", "SOLEN", "ORLOVA"]
PEOPLE = ["Ana Tallow", "Ivo Darnell", "Mira Kovel", "Tomas Ferreira", "Ines Varga", "Oskar Lind"]
WORDS = [
    "officials",
    "said",
    "the",
    "invented",
    "council",
    "would",
    "meet",
    "again",
    "on",
    "Monday",
    "after",
    "talks",
    "on",
    "the",
    "dam",
    "project",
    "stalled",
    "while",
    "residents",
    "of",
    "the",
    "valley",
    "waited",
    "for",
    "news",
    "about",
    "water",
    "supplies",
    "and",
    "roads",
]


def sentence(rng: random.Random) -> str:
    n = rng.randint(8, 24)
    words = [rng.choice(WORDS) for _ in range(n)]
    kind = rng.random()
    if kind < 0.15:
        return f'"{" ".join(words).capitalize()}," said {rng.choice(PEOPLE)}.'
    if kind < 0.25:
        return (
            f"At least {rng.randint(2, 900):,} people were affected, the U.S. Gen. {rng.choice(PEOPLE)} said."
        )
    return " ".join(words).capitalize() + "."


def paragraphs(rng: random.Random) -> list[str]:
    return [" ".join(sentence(rng) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(6, 18))]


def story(i: int, rng: random.Random) -> tuple[str, bytes]:
    head = f"Invented event number {i} in {rng.choice(PLACES).title()}"
    paras = paragraphs(rng)
    place = rng.choice(PLACES)
    fmt = i % 10
    if fmt == 0:
        paras[0] = f"{place}, Jan {rng.randint(1, 28)} (AFP) - {paras[0]}"
        body = "\n\n".join([head, *paras[:4], "Subhead here", *paras[4:]])
        return "txt", body.encode()
    if fmt == 1:
        paras[0] = f"{place}, March 3 (Reuters) - {paras[0]}"
        body = "\n\n".join([f"UPDATE 2-{head}", *paras, "(Reporting by Ana Tallow; Editing by Ivo Darnell)"])
        return "txt", body.encode()
    if fmt == 2:
        paras[0] = f"{place}, Testland (AP) — {paras[0]}"
        return "md", "\n\n".join([f"# {head}", *paras[:3], "## Reactions", *paras[3:]]).encode()
    if fmt == 3:
        lines = "".join(f"\t   {p.replace(chr(34), '``', 1)} \n \n" for p in paras)
        data = (
            f"\x16\x16\x01a{i:04d}\x1fbench\nr a\x13\x11 BC-Bench-{i}   01-02 0500\n\x02^BC-Bench-{i},500<\n"
            f"^{head}<\n^By ANA TALLOW=\n{lines}\t   \x03AP-WF-01-02-24 1200GMT<\n\x04"
        )
        return "anpa", data.encode("latin-1", "replace")
    if fmt == 4:
        body = "\r\n\r\n".join("   " + p for p in paras)
        data = f"\x01ben{i:04d} 4 i 400  dpa {i:04d}\r\n\r\nBench/test/\r\n\x02{head} =\r\n\r\n{body}\r\n\x03120000 GMT\r\n\x04"
        return "7901", data.encode()
    ps = "".join(f"<p>{p}</p>" for p in paras)
    if fmt == 5:
        data = (
            f'<?xml version="1.0"?><nitf><head><docdata><date.issue norm="20240102T120000Z"/></docdata></head>'
            f"<body><body.head><hedline><hl1>{head}</hl1></hedline><byline>By Ana Tallow</byline></body.head>"
            f"<body.content>{ps}</body.content></body></nitf>"
        )
        return "xml", data.encode()
    if fmt == 6:
        data = (
            '<?xml version="1.0"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="b" version="1">'
            '<itemMeta><itemClass qcode="ninat:text"/><firstCreated>2024-01-02T12:00:00Z</firstCreated></itemMeta>'
            f"<contentMeta><headline>{head}</headline></contentMeta><contentSet><inlineXML>"
            f'<html xmlns="http://www.w3.org/1999/xhtml"><body>{ps}</body></html></inlineXML></contentSet></newsItem>'
        )
        return "xml", data.encode()
    if fmt == 7:
        data = (
            '<?xml version="1.0"?><NewsML Version="1.2"><NewsItem><NewsManagement><FirstCreated>'
            f"20240102T120000Z</FirstCreated></NewsManagement><NewsComponent><NewsLines><HeadLine>{head}"
            f"</HeadLine><DateLine>{place}, Jan 2, 2024 (AFP) -</DateLine></NewsLines><ContentItem>"
            f"<MediaType FormalName='Text'/><DataContent><nitf><body><body.content>{ps}</body.content></body>"
            "</nitf></DataContent></ContentItem></NewsComponent></NewsItem></NewsML>"
        )
        return "xml", data.encode()
    if fmt == 8:
        return "json", json.dumps({"type": "text", "headline": head, "body_html": ps}).encode()
    page = f"<!DOCTYPE html><html><head><title>{head}</title><script>x()</script></head><body><nav>Home</nav>"
    return "html", f"{page}<article><h1>{head}</h1>{ps}</article><footer>c</footer></body></html>".encode()


def timed(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = ap.parse_args()
    rng = random.Random(1312)
    with tempfile.TemporaryDirectory(prefix="wiredesk-bench-") as tmp:
        for i in range(args.stories):
            ext, data = story(i, rng)
            Path(tmp, f"{i:05d}.{ext}").write_bytes(data)
        paths = list(iter_story_paths([tmp]))
        total = sum(Path(p).stat().st_size for p in paths)
        formats: Counter[str] = Counter()

        def floor() -> None:
            for p in paths:
                with open(p, "rb") as fh:
                    decode(fh.read())

        def parse() -> None:
            formats.clear()
            for p in paths:
                formats[parse_path(p).format] += 1

        t_floor = timed(floor, args.repeat)
        t_parse = timed(parse, args.repeat)
    mb = total / 1e6
    print(f"corpus: {len(paths)} stories, {mb:.2f} MB, formats {dict(sorted(formats.items()))}")
    print(
        f"floor (read+decode): {mb / t_floor:8.1f} MB/s {len(paths) / t_floor:9.0f} stories/s  {t_floor:.3f} s"
    )
    print(
        f"parse (full):        {mb / t_parse:8.1f} MB/s {len(paths) / t_parse:9.0f} stories/s  {t_parse:.3f} s"
    )
    print(f"ratio parse/floor:   {t_parse / t_floor:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
