"""Pairwise grouping on the small story gold of sessions 33 and 34 (tests/data/realnews/groups.grp33.jsonl,
groups.grp34.jsonl): figures of multi-article 10kGNAD stories of tests/data/realnews/stories.gold.jsonl, annotated
(ids, figure phrases, offsets) before any code ran on them. Half "A" may be tuned on; half "B" is frozen (summary
line only). grp33: bpw-2016, spielfeld-2015, bruessel-2016-03, jemen-2015-16; grp34: paris-2015-11,
tuerkei-pkk-2015, bank-austria-2015-16 (A), nahost-2015, brexit-2016, koeln-silvester-2015 (B).

    python benchmarks/grouping_story_gold.py --articles /tmp/realnews_all --half A [--set grp34] [-v] [--pred P.jsonl]

Each story's gold articles are given to one `lagebild claims` call (grouping is across the articles of one call);
a gold figure is matched to the predicted claim whose span overlaps its phrase.
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDS = {name: ROOT / "tests" / "data" / "realnews" / f"groups.{name}.jsonl" for name in ("grp33", "grp34")}


def read_gold(half: str, gold_set: str = "all") -> list[dict]:
    rows = []
    for name, path in GOLDS.items():
        if gold_set in ("all", name):
            rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if half in ("all", r["half"])]


def predict(gold: list[dict], articles: Path) -> list[dict]:
    """The claims of each story's gold articles, one CLI call per story."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for g in gold:
        path = str(articles / g["story"] / g["article"])
        if path not in by_story[g["story"]]:
            by_story[g["story"]].append(path)
    out = []
    for story, paths in sorted(by_story.items()):
        run = subprocess.run([sys.executable, "-m", "lagebild.cli", "claims", *paths, "--format", "jsonl"],
                             capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        for line in run.stdout.splitlines():
            if line.strip():
                claim = json.loads(line)
                claim["_story"] = story
                out.append(claim)
    return out


def matched(g: dict, pred: list[dict]) -> dict | None:
    for p in pred:
        same = p["_story"] == g["story"] and p["article"] == g["article"]
        if same and p["start"] < g["end"] and g["start"] < p["end"]:
            return p
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=Path, default=Path("/tmp/realnews_all"))
    ap.add_argument("--half", default="A", choices=["A", "B", "all"])
    ap.add_argument("--pred", type=Path, help="read (or, if missing, write) the predictions here")
    ap.add_argument("--set", default="all", choices=["all", *GOLDS], help="which session's story gold")
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    gold = read_gold(a.half, a.set)
    missing = [g["article"] for g in gold if not (a.articles / g["story"] / g["article"]).is_file()]
    if missing and not (a.pred and a.pred.exists()):
        # the articles are 10kGNAD rows of ../shared, exported per story (scripts/export_10kgnad.py)
        raise SystemExit(f"{len(missing)} gold articles not found under {a.articles} (e.g. {missing[0]}): export "
                         f"them with scripts/export_10kgnad.py --stories tests/data/realnews/stories.gold.jsonl "
                         f"--out {a.articles} (needs ../shared)")
    if a.pred and a.pred.exists():
        pred = [json.loads(line) for line in a.pred.read_text().splitlines() if line.strip()]
    else:
        pred = predict(gold, a.articles)
        if a.pred:
            a.pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pred))
    pairs = [(g, matched(g, pred)) for g in gold]
    found = [(g, p) for g, p in pairs if p is not None]
    tp = fp = fn = 0
    for (g1, p1), (g2, p2) in itertools.combinations(found, 2):
        if g1["story"] != g2["story"]:
            continue
        same_gold, same_pred = g1["group"] == g2["group"], p1["group"] == p2["group"]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
        if a.v and same_gold != same_pred and a.half == "A":
            kind = "split" if same_gold else "joined"
            print(f"{kind}: {g1['article']} {g1['quote']!r} [{p1['group']}] / "
                  f"{g2['article']} {g2['quote']!r} [{p2['group']}]")
    if a.v and a.half == "A":
        for g, p in pairs:
            if p is None:
                print(f"unmatched: {g['article']} {g['quote']!r}")
    pr = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    print(f"story gold ({a.set}) half {a.half}: figures matched {len(found)}/{len(gold)}; grouping pairs P {pr:.3f} "
          f"R {rc:.3f} F1 {f1:.3f} (tp {tp}, fp {fp}, fn {fn})")


if __name__ == "__main__":
    main()
