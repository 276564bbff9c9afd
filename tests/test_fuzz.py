"""Fuzzing in the suite (issue 20): a seeded mutator over real texts (scripts/fuzz.py) through every
reader and the whole analysis pipeline; no input may raise, every rejected one gets a one-line error.

A bounded run (400 inputs, every 6th article of up to 8,000 characters analysed: well under a minute); `make fuzz` runs 100,000.
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import fuzz  # noqa: E402


def test_mutator_is_seeded_and_covers_every_format():
    import random

    texts = fuzz.corpus()
    assert len(texts) >= 8
    a = [fuzz.mutate(random.Random(7), fuzz.wrap(random.Random(7), texts[0], f), texts) for f in fuzz.FORMATS]
    b = [fuzz.mutate(random.Random(7), fuzz.wrap(random.Random(7), texts[0], f), texts) for f in fuzz.FORMATS]
    assert a == b and len(set(a)) == len(fuzz.FORMATS)


def test_fuzz_readers_and_pipeline(nlp, tmp_path):
    counts = fuzz.run(400, seed=20, pipeline_every=6, nlp=nlp, out=tmp_path, pipeline_chars=8_000)
    failures = sorted(p.read_text(errors="replace")[-1500:] for p in tmp_path.glob("case*.txt"))
    assert counts["uncaught"] == 0, failures[:3]
    assert counts["inputs"] == 400 and counts["articles"] > 150 and counts["errors"] > 30
    assert counts["analysed"] > 20
