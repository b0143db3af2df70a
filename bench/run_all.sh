#!/usr/bin/env bash
# `make bench`: every benchmark, with its summary JSON and chart in bench/results/.
#   1. the single-node stack (runner.Stack: Rasa + action server, SQL tracker store)
#   2. the scaled stack (deploy/scale.sh: PostgreSQL, Redis, nginx, 2 replicas):
#      one replica against two
# Takes about 15 minutes on 2 cores. BENCH_SKIP_SCALE=1 skips step 2.
# Extra arguments go to `python -m bench.load` (e.g. --rates 5,10 --rate-duration 10).
case "${1:-}" in -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
source "$(dirname "$0")/../scripts/common.sh"

"$ROOT/scripts/train_if_needed.sh"

log "Benchmark 1/2: single-node stack over the REST channel"
"$PY" -m bench.load --name local --profile 120 "$@"

if [ "${BENCH_SKIP_SCALE:-0}" != "1" ]; then
  log "Benchmark 2/2: scaled stack, one replica against two"
  export SCALE_DIR="${SCALE_DIR:-$ROOT/var/scale-bench}"
  trap '"$ROOT/deploy/scale.sh" down' EXIT
  "$ROOT/deploy/scale.sh" up
  "$PY" -m bench.scale_bench --scale-dir "$SCALE_DIR" --concurrency 4,16 --out "$ROOT/bench/results/scale.json"
fi
log "Results: bench/results/ (summaries *.json, charts *.png); table: bench/README.md"
