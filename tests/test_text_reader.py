from __future__ import annotations

from parsers.load import parse_path
from tests.conftest import SEED_STORY


def test_seed_headline_subheads_boilerplate_and_glued_sentence() -> None:
    art = parse_path(str(SEED_STORY))
    assert (
        art.meta.headline == "Islamic State claims responsibility for bombing in Iran, deadly US drone strike"
    )
    assert art.text.startswith(art.meta.headline)
    subheads = [art.text[p.start : p.end] for p in art.paragraphs if p.kind == "subhead"]
    assert subheads == ["US drone attack in Iraq", "Regional tensions", "Suicide bombing attack in Iran"]
    assert "Leave a Comment" in art.removed
    assert "Leave a Comment" not in art.text
    sentences = [art.text[s.start : s.end] for s in art.sentences]
    assert any(s.endswith("Qasem Soleimani.") for s in sentences)
    assert any(s.startswith("The claim from IS came") for s in sentences)
    assert "Soleimani.The" in art.text  # the characters stay as they were
