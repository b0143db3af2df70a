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

# Runtime configuration (ports, URLs, databases, channel secrets): the defaults live
# in runner/settings.py, the one home for them; a variable already set wins.
export_runtime_env() {
  load_local_secrets
  eval "$("$PY" -m runner.shell_env)"
}
