"""Datelines and version markers in the agencies' house styles.

AFP ``KABUL, Jan 4 (AFP) - ``, AP ``NAIROBI, Kenya (AP) — ``, Reuters
``FRANKFURT, March 3 (Reuters) - ``, and the bare ``ROME 1996-12-06`` line of
Reuters' archive copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

AGENCIES = {
    "afp": "AFP",
    "ap": "AP",
    "reuters": "Reuters",
    "dpa": "dpa",
    "efe": "EFE",
    "ansa": "ANSA",
    "aap": "AAP",
    "pa": "PA",
    "upi": "UPI",
    "xinhua": "Xinhua",
    "kyodo": "Kyodo",
    "tass": "TASS",
    "irna": "IRNA",
    "anadolu": "Anadolu",
    "ritzau": "Ritzau",
    "bloomberg": "Bloomberg",
    "cp": "CP",
}

_PLACE = r"[A-Z][A-Z\u00c0-\u00de.'’-]+(?:[ -][A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'’-]*)*"
_REGION = r"(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)"
_DATE = r"(?:,?\s+(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?))"
_AGENCY = r"\((?P<agency>[A-Za-z][A-Za-z .&-]{0,20})\)"
_DASH = r"\s*(?:-{1,2}|—|–|_)\s*"

_WIRE = re.compile(rf"^(?P<place>{_PLACE}(?:{_REGION})?){_DATE}?\s*{_AGENCY}{_DASH}")
# dpa and others write the place in title case ("Geneva (dpa) - "): safe only before a known agency.
_MIXED_PLACE = r"[A-Z][\w.'’-]+(?:[ -][A-Z][\w.'’-]+){0,3}"
_WIRE_MIXED = re.compile(rf"^(?P<place>{_MIXED_PLACE}(?:{_REGION})?){_DATE}?\s*{_AGENCY}{_DASH}")
_BARE_DASH = re.compile(rf"^(?P<place>{_PLACE}(?:{_REGION})?){_DATE}?\s*(?:—|–|--)\s*")
_ARCHIVE = re.compile(rf"^(?P<place>{_PLACE})\s+(?P<date>\d{{4}}-\d{{2}}-\d{{2}})\s*$")

_MARKER = re.compile(
    r"^(?P<marker>URGENT|FLASH|BULLETIN|ALERT|BREAKING|ADVISORY|REFILE|CORRECTED|CORRECTION|"
    r"RPT|REPEAT|UPDATE\s*\d*|WRAPUP\s*\d*|INSIGHT|ANALYSIS|EXCLUSIVE|FACTBOX|TIMELINE)"
    r"\s*(?:[-:–—|]\s*|\s+(?=[A-Z]))",
)


@dataclass(frozen=True, slots=True)
class Dateline:
    end: int  # offset just past the dateline (and its dash) in the paragraph
    place: str
    agency: str | None
    date: str | None


def normalize_agency(name: str) -> str:
    return AGENCIES.get(name.strip().lower(), name.strip())


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a first paragraph, if it has one."""
    m = _WIRE.match(paragraph)
    if m:
        agency = m.group("agency")
        return Dateline(m.end(), m.group("place").strip(), normalize_agency(agency), m.group("date"))
    m = _WIRE_MIXED.match(paragraph)
    if m and all(a.strip().lower() in AGENCIES for a in m.group("agency").split("/")):
        agency = m.group("agency")
        return Dateline(m.end(), m.group("place").strip(), normalize_agency(agency), m.group("date"))
    m = _ARCHIVE.match(paragraph)
    if m:
        return Dateline(m.end(), m.group("place").strip(), None, m.group("date"))
    m = _BARE_DASH.match(paragraph)
    if m and len(m.group("place")) >= 4:
        return Dateline(m.end(), m.group("place").strip(), None, m.group("date"))
    return None


def split_markers(headline: str) -> tuple[str, tuple[str, ...]]:
    """'UPDATE 2-Oil falls' → ('Oil falls', ('UPDATE 2',)); several markers may stack."""
    markers: list[str] = []
    while True:
        m = _MARKER.match(headline)
        if not m or m.end() >= len(headline):
            break
        markers.append(" ".join(m.group("marker").split()))
        headline = headline[m.end() :]
    return headline, tuple(markers)
