#!/usr/bin/env bash
# One command to set up and run the whole test suite, on a clean machine as in CI.
# Order, as in the field's model projects: fast checks (lint, types, unit tests) -> data validation -> train ->
# test stories -> NLU quality on the held-out set -> end-to-end tests on real servers.
source "$(dirname "$0")/common.sh"
started=$(date +%s)

"$ROOT/scripts/setup.sh" --test
load_local_secrets
mkdir -p test-artifacts

log "1/7 Fast checks: ruff, mypy, unit and integration tests (make check)"
"$ROOT/scripts/check.sh"

log "2/7 rasa data validate"
"$PY" scripts/validate_data.py

log "3/7 Training (only if the data changed)"
"$ROOT/scripts/train_if_needed.sh"

log "4/7 Test stories"
"$VENV/bin/rasa" test core --model models/current.tar.gz --stories tests/stories \
  --fail-on-prediction-errors --out test-artifacts/core-results --no-plot

log "5/7 NLU quality on the held-out set"
"$PY" -m pytest -m nlu_quality -q

log "6/7 End-to-end and resilience tests against the real Rasa and action servers"
"$PY" -m pytest -m e2e -q

log "7/7 Scale-out: two Rasa replicas behind nginx, PostgreSQL, Redis lock store"
"$PY" -m pytest -m scale -q

log "All tests passed in $(( $(date +%s) - started )) s"
