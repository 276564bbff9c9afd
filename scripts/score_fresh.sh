#!/bin/bash
# score_fresh.sh DIR LABEL: the scores of set "fresh" (training/REALNEWS_EVAL.md section 9) for the code
# of the checkout DIR, summary lines only (the held-out half is frozen: never look at its details).
# Claims F1 / source / grouping per half (scripts/score_realnews.py), must events found merged
# (benchmarks/events_eval.py), persons+places wrong or missing (benchmarks/entities_eval.py).
# Articles are exported afresh to /tmp/scorefresh.LABEL/realnews; predictions are kept there.
set -u
[ $# -eq 2 ] || { echo "usage: $0 DIR LABEL" >&2; exit 2; }
DIR=$(cd "$1" && pwd) || exit 2
LABEL=$2
PY=${PY:-/work/main/.venv/bin/python}
cd "$DIR" || exit 2
P="env PYTHONPATH=$DIR/src $PY"
T=/tmp/scorefresh.$LABEL
mkdir -p "$T"
$P scripts/export_10kgnad.py --stories tests/data/realnews/stories.gold.jsonl --out "$T/realnews" >/dev/null || exit 1
echo "== $LABEL: $DIR at $(git -C "$DIR" rev-parse --short HEAD)"
for h in dev-fresh heldout-fresh; do
  $P -m lagebild.cli claims $($P scripts/score_realnews.py --half $h --out "$T/realnews" --print-paths) \
      --format jsonl > "$T/claims.$h.jsonl" 2>/dev/null
  echo "-- $h claims: $($P scripts/score_realnews.py "$T/claims.$h.jsonl" --half $h | tail -1)"
  echo "-- $h events: $($P benchmarks/events_eval.py --articles "$T/realnews" --split $h 2>/dev/null | grep "^$h:")"
  $P benchmarks/entities_eval.py --articles "$T/realnews" --split $h 2>/dev/null | grep "wrong or missing" | sed "s/^/-- /"
done
