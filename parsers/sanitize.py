"""Sanitizing in one place: bytes → safe text, before anything reaches ``Article.text``.

A story is untrusted input.  What leaves this module contains no terminal
control sequence (C0/C1 controls, ESC/CSI/OSC/DCS strings), no bidi override
or isolate controls, and normalised newlines.  Right-to-left scripts are kept.
"""

from __future__ import annotations

import codecs
import re

# ESC-introduced sequences: CSI (ESC [ … final), OSC/DCS/SOS/PM/APC strings
# (ESC ] … BEL or ST), and two-character escapes.  The 8-bit C1 forms
# (U+009B CSI, U+009D OSC, U+0090 DCS …) are matched the same way.
_STRING_SEQ = r"(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
_CSI_SEQ = r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_ESC_SEQ = r"\x1b[\x20-\x2f]*[\x30-\x7e]?"
_TERMINAL_SEQ = re.compile(f"{_STRING_SEQ}|{_CSI_SEQ}|{_ESC_SEQ}")
# Every remaining C0 control except tab and newline, DEL and C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
# Zero-width and other invisible format characters that only hide text.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\ufff9-\ufffb]")
# Anything any of the cleaning steps would change (CR, controls, ESC/C1, bidi, invisibles).
_SUSPECT = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\ufff9-\ufffb]"
)


class DecodeResult:
    __slots__ = ("text", "warnings")

    def __init__(self, text: str, warnings: list[str]) -> None:
        self.text = text
        self.warnings = warnings


def decode(data: bytes) -> DecodeResult:
    """Decode bytes as UTF-8 (with or without BOM) or UTF-16 with BOM; else cp1252 with a warning."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            # cp1252 maps almost every byte; the five it leaves undefined are replaced.
            text = data.decode("cp1252", errors="replace")
            warnings.append("not valid UTF-8: decoded as Windows-1252")
    return DecodeResult(text, warnings)


def normalize_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def strip_terminal(text: str) -> str:
    """Remove every escape sequence and control character but tab and newline."""
    if "\x1b" in text or "\x9b" in text or "\x9d" in text or "\x90" in text:
        text = _TERMINAL_SEQ.sub("", text)
    return _CONTROLS.sub("", text)


def clean_text(text: str, warnings: list[str] | None = None) -> str:
    """The one gate into ``Article.text``: newlines, terminal sequences, bidi controls."""
    if not _SUSPECT.search(text):
        return text  # the common case: nothing to clean, one scan instead of five
    text = strip_terminal(normalize_newlines(text))
    if _BIDI.search(text):
        text = _BIDI.sub("", text)
        if warnings is not None and "bidi controls removed" not in warnings:
            warnings.append("bidi controls removed")
    return _INVISIBLE.sub("", text)


# Bytes that are not "odd": printable and high bytes, whitespace, and the wire framing controls.
# (Deleted with bytes.translate so counting the rest needs no per-byte Python loop.)
_FRAMING = bytes([0x01, 0x02, 0x03, 0x04, 0x16, 0x1B, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0x00, 0x1F, 0x1E])
_NOT_ODD = bytes(range(0x20, 0x100)) + _FRAMING


def looks_binary(data: bytes) -> bool:
    """True for data no story is made of: NUL-heavy or mostly non-text bytes.

    UTF-16 text (BOM) is text.  A few stray NULs in otherwise readable copy are
    tolerated and stripped later; what is refused is an image, archive or
    executable.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    head = data[:8192]
    if not head:
        return False
    magic = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"%PDF", b"\x7fELF", b"\x1f\x8b")
    if head.startswith(magic):
        return True
    nul = head.count(0)
    if nul > len(head) // 10:
        return True
    # Bytes below 0x20 other than whitespace and the wire framing controls
    # (SOH, STX, ETX, EOT, SYN, ESC used by ANPA/IPTC 7901) suggest binary.
    odd = len(head.translate(None, _NOT_ODD))
    return odd > len(head) // 20
