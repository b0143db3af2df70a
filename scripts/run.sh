#!/usr/bin/env bash
# One command to set up and run the assistant: venv + packages, a trained model,
# the status database (migrated, with demo applications on first start), then the
# action server, the Rasa server and the web widget on loopback.
source "$(dirname "$0")/common.sh"

"$ROOT/scripts/setup.sh"
"$ROOT/scripts/train_if_needed.sh"
export_runtime_env
log "Preparing the status database"
"$PY" -m status_store migrate
if [ ! -f var/.demo_seeded ]; then
  "$PY" -m status_store seed-demo && touch var/.demo_seeded
fi
exec "$PY" -m runner
