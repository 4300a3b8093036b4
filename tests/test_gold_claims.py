"""Claims against hand-written gold: the acceptance thresholds of the claims issue.

The matching mirrors ../shared/tools/score.py (a gold claim is found when its
``content_contains`` lies inside a predicted content; the source is right when
the last word of the gold source is a word of the entity name + source text,
or, for anonymous gold, when the source is flagged anonymous).  Scored twice:
with the entity extractor, and with no entities at all, so the claim finder's
own fallbacks are held to the same bar.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from parsers.claims import extract_claims
from parsers.extract import extract
from parsers.load import iter_story_paths, parse_path
from parsers.model import Claim, Entity
from tests.conftest import CORPORA, ROOT, SHARED_SEEDS

GOLD = ROOT / "tests" / "gold"


def norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s)
    s = re.sub(r"^\s*the\s+", "", s, flags=re.I)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    source: int = 0
    kind: int = 0
    hedge: int = 0

    def check(self) -> None:
        recall = self.found / self.gold
        precision = self.found / self.predicted
        assert recall >= 0.90, self
        assert precision >= 0.85, self
        assert self.source / self.found >= 0.90, self
        assert self.kind / self.found >= 0.90, self
        assert self.hedge / self.found >= 0.90, self


def score(gold_dir: Path, with_entities: bool) -> Tally:
    t = Tally()
    for g in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(g.read_text(encoding="utf-8"))
        art = parse_path(str(g.with_name(gold["story"])))
        ents: tuple[Entity, ...] = ()
        if with_entities:
            x = extract(art)
            preds: tuple[Claim, ...] = x.claims
            ents = x.entities
        else:
            preds = extract_claims(art, (), ())
        names = {e.id: e.name for e in ents}
        t.gold += len(gold["claims"])
        t.predicted += len(preds)
        for gc in gold["claims"]:
            needle = norm(gc["content_contains"])
            hit = next((c for c in preds if needle in norm(art.text[c.content.start : c.content.end])), None)
            if hit is None:
                continue
            t.found += 1
            src = hit.source
            if gc["source_kind"] == "anonymous":
                t.source += src.anonymous
            else:
                words = norm(
                    " ".join(x for x in (names.get(src.entity or "", ""), src.text or "") if x)
                ).split()
                t.source += norm(gc["source"]).split()[-1] in words
            t.kind += hit.kind == gc["kind"]
            t.hedge += bool(hit.hedges) == bool(gc["hedged"])
    return t


@pytest.mark.parametrize("with_entities", [True, False])
def test_own_gold_meets_acceptance(with_entities: bool) -> None:
    score(GOLD, with_entities).check()


@pytest.mark.parametrize("with_entities", [True, False])
def test_shared_seed_gold_meets_acceptance(with_entities: bool) -> None:
    if not any(SHARED_SEEDS.glob("*.gold.json")):
        pytest.skip(f"no shared seed gold at {SHARED_SEEDS}")
    score(SHARED_SEEDS, with_entities).check()


def _story_dirs() -> list[Path]:
    return [
        p
        for p in (ROOT / "seeds", GOLD, SHARED_SEEDS, CORPORA / "wire-formats", CORPORA / "iptc")
        if p.exists()
    ]


def test_every_claim_span_lies_inside_text() -> None:
    dirs = _story_dirs()
    if not any(str(d).startswith(str(CORPORA)) for d in dirs):
        pytest.skip(f"corpora not present: {CORPORA}")
    n = 0
    for path in iter_story_paths([str(d) for d in dirs]):
        try:
            art = parse_path(path)
        except Exception:  # noqa: BLE001 - unreadable files are the readers' tests' business
            continue
        size = len(art.text)
        for c in extract_claims(art, (), ()):
            n += 1
            assert 0 <= c.content.start < c.content.end <= size, (path, c)
            if c.cue is not None:
                assert 0 <= c.cue.start < c.cue.end <= size, (path, c)
            for s in (c.source, c.via):
                if s is not None and s.start is not None and s.end is not None:
                    assert 0 <= s.start < s.end <= size and s.text in (None, art.text[s.start : s.end]), (
                        path,
                        c,
                    )
            c.to_json(art.text)
    assert n > 100
