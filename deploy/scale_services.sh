# Start and stop each service of the scaled stack. Sourced by deploy/scale_lib.sh.

# ---- PostgreSQL: tracker store and status store ---------------------------------
start_postgres() {
  local bin data sock
  bin="$(pg_bin)"; data="$SCALE_DIR/postgres/data"; sock="$SCALE_DIR/postgres/run"
  mkdir -p "$data" "$sock"
  chmod 700 "$data"
  give_to postgres "$SCALE_DIR/postgres"
  if is_root && ! runuser -u postgres -- test -w "$data"; then
    die "the postgres user cannot write $data: every parent directory needs o+x"
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "Creating the PostgreSQL cluster"
    # Local socket: trust, but the socket sits in a directory only postgres can
    # enter. TCP (what the services use): password (scram-sha-256) only.
    as_user postgres "$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 \
      --auth-local=trust --auth-host=scram-sha-256 >"$LOG_DIR/initdb.log" 2>&1 \
      || die "initdb failed; see $LOG_DIR/initdb.log"
  fi
  chmod 700 "$sock"
  if ! pg_ready; then
    log "Starting PostgreSQL on 127.0.0.1:$PG_PORT"
    as_user postgres "$bin/pg_ctl" -D "$data" -l "$SCALE_DIR/postgres/server.log" -w -t 60 \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $sock -c max_connections=200" start >/dev/null \
      || die "PostgreSQL did not start; see $SCALE_DIR/postgres/server.log"
  fi
  psql_admin -c "SELECT 1" >/dev/null || die "cannot reach PostgreSQL as its superuser"
  # Idempotent: role and databases are created once; the password follows scale.env.
  if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname='daman'")" != "1" ]; then
    psql_admin -c "CREATE ROLE daman LOGIN" >/dev/null
  fi
  psql_admin -c "ALTER ROLE daman PASSWORD '$PG_PASSWORD'" >/dev/null
  local db
  for db in rasa_tracker daman_status; do
    if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname='$db'")" != "1" ]; then
      psql_admin -c "CREATE DATABASE $db OWNER daman" >/dev/null
    fi
  done
}

psql_admin() {
  as_user postgres psql -X -q -v ON_ERROR_STOP=1 -h "$SCALE_DIR/postgres/run" -p "$PG_PORT" -U postgres -d postgres "$@"
}

stop_postgres() {
  local bin data="$SCALE_DIR/postgres/data"
  bin="$(pg_bin)" || return 0
  if [ -f "$data/postmaster.pid" ]; then
    as_user postgres "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    log "stopped postgres"
  fi
}

# ---- Redis: the lock store (locks are short-lived, so nothing is persisted) -----
start_redis() {
  local dir="$SCALE_DIR/redis"
  mkdir -p "$dir"
  (umask 077; cat > "$dir/redis.conf" <<EOF
bind 127.0.0.1
protected-mode yes
port $REDIS_PORT
dir $dir
daemonize yes
pidfile $dir/redis.pid
logfile $dir/redis.log
requirepass $REDIS_PASSWORD
save ""
appendonly no
maxmemory 64mb
maxmemory-policy noeviction
EOF
  )
  give_to redis "$dir"
  if ! redis_ready; then
    log "Starting Redis on 127.0.0.1:$REDIS_PORT"
    as_user redis redis-server "$dir/redis.conf" || die "Redis did not start; see $dir/redis.log"
    for _ in $(seq 1 40); do redis_ready && break; sleep 0.25; done
    redis_ready || die "Redis is not answering; see $dir/redis.log"
  fi
}

stop_redis() {
  local pidfile="$SCALE_DIR/redis/redis.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill -TERM "$(cat "$pidfile")"
    for _ in $(seq 1 40); do kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null || break; sleep 0.25; done
    log "stopped redis"
  fi
}

# ---- Status store schema (Alembic) and, for the demo, the demo applications ------
prepare_status_db() {
  "$PY" -m status_store migrate >"$LOG_DIR/status_migrate.log" 2>&1 \
    || die "status store migration failed; see $LOG_DIR/status_migrate.log"
  if [ "$SCALE_SEED_DEMO" = "1" ]; then
    "$PY" -m status_store seed-demo >/dev/null 2>&1 || die "seeding the demo applications failed"
  fi
}

# ---- Processes started in the background with a pid file -------------------------
spawn() {  # name command...
  local name="$1"; shift
  pid_alive "$name" && return 0
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 < /dev/null &
  echo $! > "$RUN_DIR/$name.pid"
}

start_action_servers() {
  local i port
  for i in $(seq 1 "$SCALE_ACTION_REPLICAS"); do
    port="$(action_port "$i")"
    spawn "actions$i" "$PY" "$ROOT/scripts/action_server.py" --port "$port"
  done
  for i in $(seq 1 "$SCALE_ACTION_REPLICAS"); do
    "$PY" "$ROOT/deploy/wait_healthy.py" "http://127.0.0.1:$(action_port "$i")/health" --timeout 120 \
      --pid "$(cat "$RUN_DIR/actions$i.pid")" --name "actions$i" || die "actions$i failed; see $LOG_DIR/actions$i.log"
  done
  log "Action servers up: $SCALE_ACTION_REPLICAS"
}

start_nginx() {
  local dir="$SCALE_DIR/nginx" servers="" plain="" actions="" i user_directive=""
  mkdir -p "$dir/logs" "$dir/tmp"
  for i in $(seq 1 "$SCALE_RASA_REPLICAS"); do
    servers+="        server 127.0.0.1:$(rasa_port "$i") max_fails=1 fail_timeout=5s;\n"
    plain+="        server 127.0.0.1:$(rasa_port "$i");\n"
  done
  for i in $(seq 1 "$SCALE_ACTION_REPLICAS"); do
    actions+="        server 127.0.0.1:$(action_port "$i") max_fails=1 fail_timeout=5s;\n"
  done
  # As root, only the master keeps root (to open files); workers drop to www-data.
  if is_root && id www-data >/dev/null 2>&1; then
    user_directive="user www-data;"
    chown -R www-data: "$dir/tmp"
  fi
  "$PY" "$ROOT/deploy/render_template.py" "$ROOT/deploy/nginx.conf.template" "$dir/nginx.conf" \
    "PREFIX=$dir" "LISTEN_HOST=127.0.0.1" "RASA_PROXY_PORT=$RASA_PROXY_PORT" "RASA_INTERNAL_PORT=$RASA_INTERNAL_PORT" \
    "ACTIONS_PROXY_PORT=$ACTIONS_PROXY_PORT" "USER_DIRECTIVE=$user_directive" \
    "RASA_SERVERS=${servers%\\n}" "RASA_SERVERS_PLAIN=${plain%\\n}" "ACTION_SERVERS=${actions%\\n}"
  nginx -t -q -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" || die "nginx config test failed"
  if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
    nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" -s reload
  else
    nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf"
  fi
  "$PY" "$ROOT/deploy/wait_healthy.py" "http://127.0.0.1:$ACTIONS_PROXY_PORT/health" --timeout 30 \
    --name "nginx -> actions" || die "nginx does not reach the action servers; see $dir/logs/error.log"
  log "nginx up: :$RASA_PROXY_PORT (rasa, public: socket.io + WhatsApp), :$RASA_INTERNAL_PORT (rasa, loopback: REST + API), :$ACTIONS_PROXY_PORT (actions)"
}

stop_nginx() {
  local dir="$SCALE_DIR/nginx"
  if [ -f "$dir/nginx.pid" ] && kill -0 "$(cat "$dir/nginx.pid")" 2>/dev/null; then
    nginx -p "$dir" -e "$dir/logs/error.log" -c "$dir/nginx.conf" -s quit || true
    for _ in $(seq 1 40); do [ -f "$dir/nginx.pid" ] || break; sleep 0.25; done
    log "stopped nginx"
  fi
}

# Rasa replicas: same model, same endpoints, no state of their own.
start_rasa_replicas() {
  local i port
  export ACTION_ENDPOINT_URL TRACKER_DB_URL STATUS_DB_URL REDIS_HOST REDIS_PORT REDIS_DB REDIS_PASSWORD
  export RASA_TOKEN NATIONAL_ID_HMAC_KEY
  # The other defaults (WhatsApp settings, ...) from the one home, runner/settings.py.
  eval "$("$PY" -m runner.shell_env)"
  # Replicas on one host share the dedup file (SQLite makes a claim atomic across processes).
  export WHATSAPP_DEDUP_DB="${WHATSAPP_DEDUP_DB:-$SCALE_DIR/whatsapp_dedup.db}"
  # The SQL tracker store is used from the event loop one query at a time: a small pool is enough.
  export SQL_POOL_SIZE="${SQL_POOL_SIZE:-5}" SQL_MAX_OVERFLOW="${SQL_MAX_OVERFLOW:-10}"
  for i in $(seq 1 "$SCALE_RASA_REPLICAS"); do
    port="$(rasa_port "$i")"
    # rasa_extensions.run_rasa installs the project's patches, then runs Rasa's CLI; it takes
    # the auth token from RASA_TOKEN (exported above), so `ps` never shows it.
    spawn "rasa$i" "$VENV/bin/python" -m rasa_extensions.run_rasa run --model "$SCALE_MODEL" --enable-api \
      --interface 127.0.0.1 --port "$port" --endpoints "$ROOT/deploy/endpoints.scaled.yml" \
      --credentials "$ROOT/credentials.yml" --cors "${SCALE_CORS:-http://127.0.0.1:8080}"
  done
  log "Rasa replicas starting: $SCALE_RASA_REPLICAS (loading the model takes a minute)"
}

wait_rasa_replicas() {
  local i
  for i in $(seq 1 "$SCALE_RASA_REPLICAS"); do
    "$PY" "$ROOT/deploy/wait_healthy.py" "http://127.0.0.1:$(rasa_port "$i")/status?token=$RASA_TOKEN" \
      --json-key model_file --timeout 300 --pid "$(cat "$RUN_DIR/rasa$i.pid")" --name "rasa$i" \
      || die "rasa$i failed; see $LOG_DIR/rasa$i.log"
  done
  log "Rasa replicas up: $SCALE_RASA_REPLICAS"
}
