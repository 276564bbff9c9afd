#!/bin/bash
# The experiment grid of training/RESULTS.md as run on the lent 16-core machine: one spaCy
# training per core, each stopped by `timeout`, then scored on the benchmarks.
#   bash training/experiments.sh phase1   (vectors A/B + runs n1-n8, s1-s4)
#   bash training/experiments.sh phase2   (runs f1-f8, g1-g5; needs the vectors-B pipeline as $V)
# There the spaCy wheels travelled as training/runs/exp/site312.txz (cp312); locally set LOCAL=1.
set -u
R=training/runs/exp
if [ -z "${LOCAL:-}" ]; then
  mkdir -p /tmp/site && tar xJf $R/site312.txz -C /tmp/site
  export PYTHONPATH=/tmp/site:src:$R; PY=python3; TINY=""
else
  PY=.venv/bin/python; TINY="--tiny"; export OUT=/tmp/expout
fi
export PYTHONUNBUFFERED=1 OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
T=training/runs/dev; mkdir -p $T $OUT
LT="$PY -m lagebild.training"
B="--data training/corpus/bench --speed-docs 0"
tr() { # name kind timeout extra vectors [--set ...]
  local name=$1 kind=$2 to=$3 extra=$4 vec=$5; shift 5
  local v=""; [ "$vec" != none ] && v="--vectors $vec"
  timeout $to $LT train $kind $TINY --out $T/$name --extra $extra $v "$@" > $T/$name.log 2>&1
  local what=ner; [ $kind = syntax ] && what=ud
  $LT evaluate $B ${LIMIT:-} --what $what --out $T/$name/model-best > $T/$name.json 2>$T/$name.eval.err
  grep -E "^\s+[0-9]+\s+[0-9]+" $T/$name.log | tail -3 >> $T/$name.json
}
vec() { # name method threads
  $LT vectors --data training/corpus/bench --words training/corpus/words.txt --method $2 --threads $3 --out $T/$1 $TINY > $T/$1.log 2>&1
}
pack() { # best model of a family by held-out score -> $OUT (vectors kept, split in 15 MB parts)
  local fam=$1; local best=$($PY - "$fam" <<'PYEOF'
import json,sys,glob,os
fam=sys.argv[1]; best=None
for m in glob.glob(f"training/runs/dev/{fam}*/model-best/meta.json"):
    s=json.load(open(m)).get("performance",{}); sc=s.get("ents_f") if "ents_f" in s else None
    if sc is None: sc=0.2*s.get("tag_acc",0)+0.2*s.get("pos_acc",0)+0.1*s.get("morph_acc",0)+0.2*s.get("lemma_acc",0)+0.3*s.get("dep_las",0)
    if best is None or sc>best[0]: best=(sc,os.path.dirname(m))
print(best[1] if best else "")
PYEOF
)
  [ -z "$best" ] && return
  echo "best $fam: $best" >> $OUT/results.txt
  tar czf - -C $best . | split -b 15M - $OUT/$fam.tgz.
}
phase1() {
  vec vecA pieces 1 &
  vec vecB encoder 4 &
  sleep 2
  tr n1_none ner 420 none none &
  tr n2_part ner 420 europeana-partial none &
  tr n3_full ner 420 europeana-full none &
  tr s1 syntax 420 none none &
  while [ ! -f $T/vecA/config.cfg ] && [ $SECONDS -lt 240 ]; do sleep 5; done; el=$SECONDS
  tr n4_none_vA ner $((440-el)) none $T/vecA &
  tr n5_part_vA ner $((440-el)) europeana-partial $T/vecA &
  tr n6_full_vA ner $((440-el)) europeana-full $T/vecA &
  tr n7_part_vA_w128 ner $((440-el)) europeana-partial $T/vecA --set vars.width=128 --set vars.hidden=128 &
  tr s2_vA syntax $((440-el)) none $T/vecA &
  tr s3_vA_w128 syntax $((440-el)) none $T/vecA --set vars.width=128 &
  while [ ! -f $T/vecB/config.cfg ] && [ $SECONDS -lt 300 ]; do sleep 5; done; el=$SECONDS
  if [ -f $T/vecB/config.cfg ]; then
    tr n8_part_vB ner $((440-el)) europeana-partial $T/vecB &
    tr s4_vB syntax $((440-el)) none $T/vecB &
  fi
  wait
  for f in $T/*.json $T/vec*.log; do echo "== $f"; cat $f; done >> $OUT/results.txt
  cat $T/vec*/vectors_info.json >> $OUT/results.txt
  pack n; pack s
  echo "elapsed $SECONDS" >> $OUT/results.txt
}
phase2() {
  V=${V:-training/runs/dev1/n8}
  tr f1_part ner 380 europeana-partial $V &
  tr f2_full ner 380 europeana-full $V &
  tr f3_part_d25 ner 380 europeana-partial $V --set training.dropout=0.25 &
  tr f4_full_d25 ner 380 europeana-full $V --set training.dropout=0.25 &
  tr f5_none_d20 ner 380 none $V --set training.dropout=0.2 &
  tr f6_part_depth6 ner 380 europeana-partial $V --set vars.depth=6 &
  tr f7_part_rows20k ner 380 europeana-partial $V --set vars.rows_norm=20000 --set vars.hidden=128 &
  tr f8_full_d25_depth6 ner 380 europeana-full $V --set training.dropout=0.25 --set vars.depth=6 &
  tr g1 syntax 380 none $V &
  tr g2_w128 syntax 380 none $V --set vars.width=128 &
  tr g3_w128_d20 syntax 380 none $V --set vars.width=128 --set training.dropout=0.2 &
  tr g4_lr2 syntax 380 none $V --set training.optimizer.learn_rate=0.002 &
  tr g5_w128_lr2 syntax 380 none $V --set vars.width=128 --set training.optimizer.learn_rate=0.002 &
  wait
  for f in $T/*.json; do echo "== $f"; cat $f; done >> $OUT/results.txt
  pack f; pack g
  echo "elapsed $SECONDS" >> $OUT/results.txt
}
"$@"
