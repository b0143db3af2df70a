# Shared settings for the project's scripts. Sourced, not executed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
export RASA_TELEMETRY_ENABLED=false
export TF_CPP_MIN_LOG_LEVEL=3
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export SQLALCHEMY_SILENCE_UBER_WARNING=1
mkdir -p "$ROOT/var"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Secrets for local runs are generated once into var/ (never committed) unless the
# environment already provides them.
secret_from_var() {  # name file
  local name="$1" file="$ROOT/var/$2"
  if [ -z "${!name:-}" ]; then
    [ -s "$file" ] || (umask 077; "$PY" -c 'import secrets; print(secrets.token_hex(32))' > "$file")
    export "$name"="$(cat "$file")"
  fi
}
load_local_secrets() {
  secret_from_var RASA_TOKEN rasa_token
  secret_from_var NATIONAL_ID_HMAC_KEY national_id_hmac_key
}

# Runtime configuration with local defaults. endpoints.yml and credentials.yml read
# these; Rasa refuses to start when a referenced variable is unset, so every one has
# a default here (an empty WhatsApp secret disables that channel's traffic).
export_runtime_env() {
  load_local_secrets
  export RASA_PORT="${RASA_PORT:-5005}"
  export ACTION_PORT="${ACTION_PORT:-5055}"
  export WEBCHAT_PORT="${WEBCHAT_PORT:-8080}"
  export ACTION_ENDPOINT_URL="${ACTION_ENDPOINT_URL:-http://127.0.0.1:${ACTION_PORT}/webhook}"
  export TRACKER_DB_URL="${TRACKER_DB_URL:-sqlite:///$ROOT/var/tracker.db}"
  export STATUS_DB_URL="${STATUS_DB_URL:-sqlite:///$ROOT/var/status.db}"
  export RASA_PUBLIC_URL="${RASA_PUBLIC_URL:-http://127.0.0.1:${RASA_PORT}}"
  export WHATSAPP_VERIFY_TOKEN="${WHATSAPP_VERIFY_TOKEN:-}"
  export WHATSAPP_APP_SECRET="${WHATSAPP_APP_SECRET:-}"
  export WHATSAPP_ACCESS_TOKEN="${WHATSAPP_ACCESS_TOKEN:-}"
  export WHATSAPP_PHONE_NUMBER_ID="${WHATSAPP_PHONE_NUMBER_ID:-}"
  export WHATSAPP_GRAPH_BASE_URL="${WHATSAPP_GRAPH_BASE_URL:-https://graph.facebook.com/v19.0}"
}
