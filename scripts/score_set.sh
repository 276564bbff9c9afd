#!/bin/bash
# score_set.sh SET DIR LABEL: the scores of a real-news set measured at a session's end - "fresh" (10kGNAD
# multi-article stories, training/REALNEWS_EVAL.md section 9) or "wn" (German Wikinews, quotation corpus test
# split, section 10) - for the code of the checkout DIR, summary lines only (heldout-SET is frozen like every
# heldout-* half: never look at its details).
# Per half dev-SET / heldout-SET: claims F1 / source / hedged / grouping (scripts/score_realnews.py), must events
# found merged and events precision (benchmarks/events_eval.py), persons+places wrong or missing
# (benchmarks/entities_eval.py); for wn also the story clustering of the 148 Wikinews test articles
# (benchmarks/stories_eval.py --corpus wn). The gold and the scorers are always this script's own checkout's,
# so any DIR - an older one without the set - is measured against the same gold.
# Articles are exported afresh to /tmp/score.SET.LABEL/realnews; predictions are kept there.
# score_fresh.sh and score_wn.sh are this script for one set.
set -u
[ $# -eq 3 ] || { echo "usage: $0 fresh|wn DIR LABEL" >&2; exit 2; }
SET=$1
case "$SET" in fresh|wn) ;; *) echo "score_set.sh: unknown set '$SET' (fresh or wn)" >&2; exit 2 ;; esac
DIR=$(cd "$2" && pwd) || exit 2
LABEL=$3
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-$HERE/.venv/bin/python}
cd "$HERE" || exit 2
P="env PYTHONPATH=$DIR/src $PY"
T=/tmp/score.$SET.$LABEL
mkdir -p "$T"
# export_10kgnad.py --stories writes a story's wn- articles too (through export_wikinews.py)
$PY scripts/export_10kgnad.py --stories tests/data/realnews/stories.gold.jsonl --out "$T/realnews" >/dev/null || exit 1
echo "== $LABEL ($SET): code of $DIR at $(git -C "$DIR" rev-parse --short HEAD), gold of $HERE at $(git rev-parse --short HEAD)"
for h in dev-$SET heldout-$SET; do
  $P -m lagebild.cli claims $($PY scripts/score_realnews.py --half $h --out "$T/realnews" --print-paths) \
      --format jsonl > "$T/claims.$h.jsonl" 2>/dev/null
  echo "-- $h claims: $($PY scripts/score_realnews.py "$T/claims.$h.jsonl" --half $h | tail -1)"
  echo "-- $h events: $($PY benchmarks/events_eval.py --src "$DIR/src" --articles "$T/realnews" --split $h 2>/dev/null | grep "^$h:")"
  $PY benchmarks/entities_eval.py --src "$DIR/src" --articles "$T/realnews" --split $h 2>/dev/null | grep "wrong or missing" | sed "s/^/-- /"
done
if [ "$SET" = wn ]; then
  echo "-- stories (148 Wikinews test articles, text only): $(env LAGEBILD_SRC=$DIR/src $PY benchmarks/stories_eval.py --corpus wn 2>/dev/null | grep -E '^(pairwise|gold stories)' | tr '\n' ' ')"
fi
