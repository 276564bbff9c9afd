#!/bin/bash
# score_fresh.sh DIR LABEL: set "fresh" (training/REALNEWS_EVAL.md section 9); see score_set.sh.
exec "$(dirname "$0")/score_set.sh" fresh "$@"
