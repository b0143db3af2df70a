# Functions for deploy/scale.sh. Sourced, not executed (needs scripts/common.sh first).

SCALE_DIR="${SCALE_DIR:-$ROOT/var/scale}"
SCALE_PORT_BASE="${SCALE_PORT_BASE:-7100}"
SCALE_RASA_REPLICAS="${SCALE_RASA_REPLICAS:-2}"
SCALE_ACTION_REPLICAS="${SCALE_ACTION_REPLICAS:-2}"
SCALE_MODEL="${SCALE_MODEL:-$ROOT/models/current.tar.gz}"
SCALE_SEED_DEMO="${SCALE_SEED_DEMO:-1}"
RUN_DIR="$SCALE_DIR/run"
LOG_DIR="$SCALE_DIR/logs"

die() { printf 'scale.sh: %s\n' "$*" >&2; exit 1; }

# Ports: base+0 nginx (rasa, public: socket.io and WhatsApp only), base+49 nginx
# (rasa, loopback: REST and HTTP API), base+1.. replicas, base+50 nginx (actions),
# base+51.. action servers, base+32 PostgreSQL, base+79 Redis.
rasa_port() { echo $((SCALE_PORT_BASE + $1)); }
action_port() { echo $((SCALE_PORT_BASE + 50 + $1)); }
derive_ports() {
  RASA_PROXY_PORT=$((SCALE_PORT_BASE))
  RASA_INTERNAL_PORT=$((SCALE_PORT_BASE + 49))
  ACTIONS_PROXY_PORT=$((SCALE_PORT_BASE + 50))
  PG_PORT=$((SCALE_PORT_BASE + 32))
  REDIS_PORT=$((SCALE_PORT_BASE + 79))
}

is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL and Redis refuse to, or should not, run as root: use their Debian users.
as_user() {  # user command...
  local user="$1"; shift
  if is_root && id "$user" >/dev/null 2>&1; then runuser -u "$user" -- "$@"; else "$@"; fi
}

give_to() {  # user dir
  if is_root && id "$1" >/dev/null 2>&1; then chown -R "$1": "$2"; fi
}

pg_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] || return 1
  echo "$dir"
}

check_prerequisites() {
  local missing=()
  pg_bin >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
  [ ${#missing[@]} -eq 0 ] || die "missing Debian packages: ${missing[*]} (scripts/setup.sh --test installs them)"
  [ -f "$SCALE_MODEL" ] || die "no trained model at $SCALE_MODEL (run scripts/train_if_needed.sh)"
}

random_secret() { "$PY" -c 'import secrets; print(secrets.token_hex(24))'; }

# Settings and secrets are created once (taken from the environment if set then, else generated)
# and kept in $SCALE_DIR/scale.env with the derived URLs, for `down`, `status` and
# tests. Later runs reuse the file, so the databases' passwords keep matching.
load_or_create_settings() {
  mkdir -p "$SCALE_DIR" "$RUN_DIR" "$LOG_DIR"
  local file="$SCALE_DIR/scale.env"
  # An existing stack keeps its ports and replica counts: the file wins over the environment.
  if [ -f "$file" ]; then set -a; source "$file"; set +a; fi
  derive_ports
  RASA_TOKEN="${RASA_TOKEN:-$(random_secret)}"
  NATIONAL_ID_HMAC_KEY="${NATIONAL_ID_HMAC_KEY:-$(random_secret)}"
  PG_PASSWORD="${PG_PASSWORD:-$(random_secret)}"
  REDIS_PASSWORD="${REDIS_PASSWORD:-$(random_secret)}"
  local pg="daman:$PG_PASSWORD@127.0.0.1:$PG_PORT"
  (umask 077; cat > "$file" <<EOF
RASA_TOKEN=$RASA_TOKEN
NATIONAL_ID_HMAC_KEY=$NATIONAL_ID_HMAC_KEY
PG_PASSWORD=$PG_PASSWORD
REDIS_PASSWORD=$REDIS_PASSWORD
TRACKER_DB_URL=postgresql://$pg/rasa_tracker
STATUS_DB_URL=postgresql+psycopg2://$pg/daman_status
REDIS_HOST=127.0.0.1
REDIS_PORT=$REDIS_PORT
REDIS_DB=1
ACTION_ENDPOINT_URL=http://127.0.0.1:$ACTIONS_PROXY_PORT/webhook
# REST and HTTP API through nginx: the loopback server. The public one serves
# only socket.io and the WhatsApp webhook.
RASA_PROXY_URL=http://127.0.0.1:$RASA_INTERNAL_PORT
RASA_PUBLIC_URL=http://127.0.0.1:$RASA_PROXY_PORT
RASA_REPLICA_URLS=$(for i in $(seq 1 "$SCALE_RASA_REPLICAS"); do printf 'http://127.0.0.1:%s,' "$(rasa_port "$i")"; done)
SCALE_RASA_REPLICAS=$SCALE_RASA_REPLICAS
SCALE_ACTION_REPLICAS=$SCALE_ACTION_REPLICAS
SCALE_PORT_BASE=$SCALE_PORT_BASE
EOF
  )
  set -a; source "$file"; set +a
}

pid_alive() { [ -f "$RUN_DIR/$1.pid" ] && kill -0 "$(cat "$RUN_DIR/$1.pid")" 2>/dev/null; }

# Stop one process this script started (by its pid file only), politely then firmly.
stop_pidfile() {
  local name="$1" pid
  pid_alive "$name" || { rm -f "$RUN_DIR/$name.pid"; return 0; }
  pid="$(cat "$RUN_DIR/$name.pid")"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  rm -f "$RUN_DIR/$name.pid"
  log "stopped $name"
}

http_ok() { curl -fs -o /dev/null --max-time 3 "$1"; }
rasa_ready() { curl -fsS --max-time 3 "http://127.0.0.1:$1/status?token=$RASA_TOKEN" 2>/dev/null | grep -q '"model_file"'; }
pg_ready() { pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; }
redis_ready() { [ "$(REDISCLI_AUTH="$REDIS_PASSWORD" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = "PONG" ]; }
report() {  # label check args...
  local label="$1"; shift
  if "$@"; then echo "up    $label"; else echo "DOWN  $label"; return 1; fi
}

source "$ROOT/deploy/scale_services.sh"
