#!/usr/bin/env python3
"""Score `lagebild claims` output against the real-news gold of one half (dev or heldout), with
../shared/eval/score_claims.py unchanged (it takes --gold and --negatives).

    python scripts/export_10kgnad.py --stories tests/data/realnews/stories.gold.jsonl --out out/realnews
    lagebild claims out/realnews/koeln-silvester-2015 out/realnews/idomeni-2016 \
        out/realnews/nahost-2015 out/realnews/griechenland-2015 --format jsonl > heldout.jsonl
    python scripts/score_realnews.py heldout.jsonl --half heldout [-v] [--min-f1 X ...]

`--print-paths` prints the story folders of a half (for the lagebild call) and exits.
Give all articles of a half in one lagebild call, so that groups can cross articles.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "realnews"
SCORER = ROOT.parent / "shared" / "eval" / "score_claims.py"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("predicted", nargs="?", help="lagebild claims --format jsonl output (- for stdin)")
    split = json.loads((GOLD / "split.json").read_text(encoding="utf-8"))
    ap.add_argument("--half", choices=[k for k, v in split.items() if isinstance(v, list)], required=True,
                    help="a half of tests/data/realnews/split.json (dev, heldout, and later annotated sets)")
    ap.add_argument("--out", default="out/realnews", help="export folder (for --print-paths)")
    ap.add_argument("--print-paths", action="store_true")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    a, rest = ap.parse_known_args(argv)
    if a.print_paths:
        print(" ".join(f"{a.out}/{sid}" for sid in split[a.half]))
        return 0
    if not a.predicted:
        ap.error("give the predicted claims file")
    if not a.scorer.is_file():
        print(f"score_realnews: scorer not found: {a.scorer}", file=sys.stderr)
        return 2
    cmd = [sys.executable, str(a.scorer), a.predicted,
           "--gold", str(GOLD / f"claims.{a.half}.gold.jsonl"),
           "--negatives", str(GOLD / f"negatives.{a.half}.jsonl"), *rest]
    return subprocess.call(cmd)


if __name__ == "__main__":
    sys.exit(main())
