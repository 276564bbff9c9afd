"""The claims extractor on a held-out dev set of invented German news (tests/data/claims_gold/).

Twelve articles on other topics than the seeds (attack, earthquake, flood, wildfire, boat disaster,
demonstration, asylum statistics, troop build-up, rebels, a company's job cuts) with their gold claims
and known non-claims, in the format of ../shared/eval/seeds.gold.jsonl. Scored with the contract's own
scorer (../shared/eval/score_claims.py), imported from ../shared; without it the test skips, so the
scorer's matching logic is never copied here. Measured figures: training/CLAIMS_EVAL.md.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
import warnings
from pathlib import Path

import pytest

GOLD_DIR = Path(__file__).resolve().parent / "data" / "claims_gold"


@pytest.fixture(scope="module")
def scorer(shared_dir: Path):
    path = shared_dir / "eval" / "score_claims.py"
    if not path.exists():
        pytest.skip("../shared/eval/score_claims.py is not present")
    spec = importlib.util.spec_from_file_location("score_claims", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predicted(tmp_path_factory) -> Path:
    from lagebild.pipeline import run

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = run(sorted(GOLD_DIR.glob("*.txt")), ["claims"])
    assert not result.errors, result.errors
    out = tmp_path_factory.mktemp("claims_gold") / "pred.jsonl"
    out.write_text("".join(json.dumps(c.to_contract(), ensure_ascii=False) + "\n" for c in result.claims),
                   encoding="utf-8")
    return out


def score(scorer, predicted: Path, capsys, monkeypatch) -> tuple[dict[str, float], list[str]]:
    monkeypatch.setattr(sys, "argv", ["score_claims.py", str(predicted), "--gold", str(GOLD_DIR / "gold.jsonl"),
                                      "--negatives", str(GOLD_DIR / "negatives.jsonl"), "-v"])
    scorer.main()
    lines = capsys.readouterr().out.strip().splitlines()
    figures = {k: float(v) for k, v in re.findall(r"(F1|qualifier|counted|source|hedged) ([\d.]+)", lines[-1])}
    figures["grouping"] = float(re.search(r"grouping F1 ([\d.]+)", lines[-1]).group(1))
    return figures, lines


def test_gold_files_are_well_formed():
    gold = [json.loads(line) for line in (GOLD_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    negatives = [json.loads(line) for line in (GOLD_DIR / "negatives.jsonl").read_text(encoding="utf-8").splitlines()]
    articles = {p.name: p.read_text(encoding="utf-8") for p in GOLD_DIR.glob("*.txt")}
    assert len(articles) >= 10 and sum(g["status"] == "must" for g in gold) >= 80
    for g in gold:
        assert g["article"] in articles and g["status"] in ("must", "optional")
        assert all(part.strip() in articles[g["article"]] for part in g["quote"].split("...")), g["quote"]
        assert g["low"] <= g["high"] and (g["source"] == "*" or isinstance(g["source"], list))
    for n in negatives:
        assert n["quote"] in articles[n["article"]], n["quote"]
    for name, text in articles.items():
        assert re.match(r" date \d{4}-\d{2}-\d{2} \S", text), name


def test_dev_set_meets_the_bar(scorer, predicted, capsys, monkeypatch):
    figures, lines = score(scorer, predicted, capsys, monkeypatch)
    assert figures["F1"] >= 0.85, lines[-1]
    assert figures["qualifier"] >= 0.85 and figures["source"] >= 0.80, lines[-1]
    assert not [line for line in lines if line.startswith("negative")], "\n".join(lines)
