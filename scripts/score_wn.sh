#!/bin/bash
# score_wn.sh DIR LABEL: set "wn" (training/REALNEWS_EVAL.md section 10); see score_set.sh.
exec "$(dirname "$0")/score_set.sh" wn "$@"
