#!/usr/bin/env bash
# Fast checks, run first by CI (.ci/run) and before every commit: lint, format,
# types, then the unit and integration tests (no trained model, no servers).
# Target: under 3 minutes on a set-up machine. The full suite is `make test`.
source "$(dirname "$0")/common.sh"
"$ROOT/scripts/setup.sh" --test
started=$(date +%s)

log "check 1/4 ruff lint"
"$VENV/bin/ruff" check .

log "check 2/4 ruff format"
"$VENV/bin/ruff" format --check .

log "check 3/4 mypy (strict on eligibility/ and arabic_text/)"
"$VENV/bin/mypy"

log "check 4/4 unit and integration tests"
# pytest-xdist spreads the tests over the cores (2 on CI). worksteal balances the two
# workers test by test (a file of thousands of parametrized cases would leave one idle
# with loadfile): 155 s against 184 s for the whole check on this machine.
"$PY" -m pytest -m "not e2e and not nlu_quality and not scale" -q -p no:cacheprovider \
  -n "${CHECK_WORKERS:-auto}" --dist worksteal

log "All checks passed in $(( $(date +%s) - started )) s"
