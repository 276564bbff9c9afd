#!/usr/bin/env python3
"""Source accuracy on hand-judged claims of 10kGNAD rows in no gold (tests/data/realnews/sources17.unlabelled.tsv).

The judgements were written before the code was changed, without looking at the predicted sources; the half
`frozen` is a held-out check (summary lines only), the half `tune` may be read in detail.

    claims_source_unlabelled.py --print-rows                  # the 10kGNAD rows, for scripts/export_10kgnad.py --rows
    claims_source_unlabelled.py PRED.jsonl [--half tune|frozen] [-v]
    claims_source_unlabelled.py --gold tests/data/realnews/sources19.unlabelled.tsv ...   # session 19's 16 rows
    claims_source_unlabelled.py --gold tests/data/realnews/sources21.unlabelled.tsv ...   # session 21's 30 rows
    claims_source_unlabelled.py --gold tests/data/realnews/sources30.unlabelled.tsv ...   # session 30's 29 rows

PRED.jsonl is `lagebild claims ... --format jsonl` over the exported rows. A claim is found by (article, start),
failing that (sources21: figures chosen by reading, not from the predicted claims) by the claim of the article that
overlaps the judged figure's span most; a judged claim that the prediction lacks counts as wrong. Expected `-` wants
no source; otherwise one of the alternatives (split by `|`) must be a case-folded substring of the predicted source.
`relayed_by` is counted apart, over the claims whose judgement names one.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "realnews" / "sources17.unlabelled.tsv"


def load_gold(path: Path = GOLD) -> list[dict]:
    rows = []
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    head = lines[0].split("\t")
    for ln in lines[1:]:
        rows.append(dict(zip(head, ln.split("\t"))))
    return rows


def source_right(expected: str, predicted: str | None) -> bool:
    if expected == "-":
        return not predicted
    got = (predicted or "").casefold()
    return bool(got) and any(alt.casefold() in got for alt in expected.split("|"))


def relayed_of(claim: dict) -> str | None:
    for src in claim.get("sources") or []:
        if src.get("relayed_by"):
            return str(src["relayed_by"])
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predicted", nargs="?")
    ap.add_argument("--half", choices=("tune", "frozen"))
    ap.add_argument("--print-rows", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--gold", type=Path, default=GOLD, help="judged claims (default: sources17.unlabelled.tsv)")
    a = ap.parse_args()
    gold = load_gold(a.gold)
    if a.print_rows:
        print(",".join(str(int(r["article"][5:9])) for r in sorted({g["article"]: g for g in gold}.values(),
                                                                     key=lambda g: g["article"])))
        return 0
    if not a.predicted:
        ap.error("PRED.jsonl needed")
    pred = {}
    by_article: dict[str, list[dict]] = {}
    for ln in Path(a.predicted).read_text(encoding="utf-8").splitlines():
        if ln.strip():
            c = json.loads(ln)
            pred[(c["article"], int(c["start"]))] = c
            by_article.setdefault(c["article"], []).append(c)

    def find(g: dict) -> dict | None:
        start = int(g["start"])
        if (g["article"], start) in pred:
            return pred[(g["article"], start)]
        end = start + len(g["figure"])
        best, most = None, 0
        for c in by_article.get(g["article"], []):
            overlap = min(end, int(c.get("end", c["start"]))) - max(start, int(c["start"]))
            if overlap > most:
                best, most = c, overlap
        return best

    for half in ("tune", "frozen"):
        if a.half and half != a.half:
            continue
        judged = [g for g in gold if g["half"] == half and g["source"] != "?"]
        right = named = named_right = relay = relay_right = missing = 0
        for g in judged:
            c = find(g)
            missing += c is None
            ok = c is not None and source_right(g["source"], c.get("source"))
            right += ok
            if g["source"] != "-":
                named += 1
                named_right += ok
            if g["relayed_by"] != "-":
                relay += 1
                relay_right += c is not None and g["relayed_by"].casefold() in (relayed_of(c) or "").casefold()
            if a.verbose and half == "tune" and not ok:
                print(f"  {g['article']}@{g['start']} [{g['figure']}] want {g['source']!r}"
                      f" got {None if c is None else c.get('source')!r}")
        print(f"{half}: source {right}/{len(judged)} = {right / max(1, len(judged)):.3f}"
              f" (named {named_right}/{named}, none {right - named_right}/{len(judged) - named},"
              f" relayed_by {relay_right}/{relay}, claims missing {missing})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
