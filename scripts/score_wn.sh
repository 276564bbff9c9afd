#!/bin/bash
# score_wn.sh DIR LABEL: the scores of set "wn" (German Wikinews, quotation corpus test split;
# training/REALNEWS_EVAL.md section 10) for the code of the checkout DIR, summary lines only (the set is a
# measure: nobody tunes on it, and heldout-wn is frozen like every heldout-* half).
# Claims F1 / source / hedged / grouping per half (scripts/score_realnews.py), must events found merged and
# events precision (benchmarks/events_eval.py), persons+places wrong or missing (benchmarks/entities_eval.py),
# story clustering of the 148 Wikinews test articles against the set's stories (benchmarks/stories_eval.py
# --corpus wn). The gold is always this script's own checkout's (tests/data/realnews of the checkout it
# lives in), so any DIR - an older one without set wn included - is measured against the same gold.
# Articles are exported afresh to /tmp/scorewn.LABEL/realnews; predictions are kept there.
set -u
[ $# -eq 2 ] || { echo "usage: $0 DIR LABEL" >&2; exit 2; }
DIR=$(cd "$1" && pwd) || exit 2
LABEL=$2
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-/work/main/.venv/bin/python}
cd "$HERE" || exit 2
P="env PYTHONPATH=$DIR/src $PY"
T=/tmp/scorewn.$LABEL
mkdir -p "$T"
$PY scripts/export_wikinews.py --stories tests/data/realnews/stories.gold.jsonl --out "$T/realnews" >/dev/null || exit 1
echo "== $LABEL: code of $DIR at $(git -C "$DIR" rev-parse --short HEAD), gold of $HERE at $(git rev-parse --short HEAD)"
for h in dev-wn heldout-wn; do
  $P -m lagebild.cli claims $($PY scripts/score_realnews.py --half $h --out "$T/realnews" --print-paths) \
      --format jsonl > "$T/claims.$h.jsonl" 2>/dev/null
  echo "-- $h claims: $($PY scripts/score_realnews.py "$T/claims.$h.jsonl" --half $h | tail -1)"
  echo "-- $h events: $($PY benchmarks/events_eval.py --src "$DIR/src" --articles "$T/realnews" --split $h 2>/dev/null | grep "^$h:")"
  $PY benchmarks/entities_eval.py --src "$DIR/src" --articles "$T/realnews" --split $h 2>/dev/null | grep "wrong or missing" | sed "s/^/-- /"
done
echo "-- stories (148 Wikinews test articles, text only): $(env LAGEBILD_SRC=$DIR/src $PY benchmarks/stories_eval.py --corpus wn 2>/dev/null | grep -E '^(pairwise|gold stories)' | tr '\n' ' ')"
