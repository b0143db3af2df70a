#!/usr/bin/env bash
# The scaled-out stack on one machine, from Debian packages, on loopback:
#   PostgreSQL (tracker store + status store), Redis (lock store),
#   N action servers and M Rasa server replicas behind nginx.
#
#   deploy/scale.sh up       start everything (idempotent), health-wait each piece
#   deploy/scale.sh down     stop everything this script started
#   deploy/scale.sh status   show each piece; exit 1 if one is down
#
# Settings (environment): SCALE_DIR (default var/scale), SCALE_PORT_BASE (7100),
# SCALE_RASA_REPLICAS (2), SCALE_ACTION_REPLICAS (2), SCALE_MODEL
# (models/current.tar.gz), SCALE_SEED_DEMO (1: load the demo applications).
# Generated secrets and URLs are kept in $SCALE_DIR/scale.env (mode 600).
# docs/deployment.md explains each piece for a real deployment.
source "$(dirname "$0")/../scripts/common.sh"
source "$ROOT/deploy/scale_lib.sh"

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

cmd_up() {
  check_prerequisites
  load_or_create_settings
  log "Scaled stack in $SCALE_DIR (ports from $SCALE_PORT_BASE)"
  start_postgres
  start_redis
  prepare_status_db
  start_action_servers
  start_nginx
  start_rasa_replicas
  wait_rasa_replicas
  "$PY" "$ROOT/deploy/wait_healthy.py" "http://127.0.0.1:$RASA_INTERNAL_PORT/" --timeout 30 --name "nginx -> rasa" \
    || die "nginx does not reach the Rasa replicas; see $SCALE_DIR/nginx/logs/error.log"
  log "Up. Public (socket.io, WhatsApp): http://127.0.0.1:$RASA_PROXY_PORT  REST (loopback): http://127.0.0.1:$RASA_INTERNAL_PORT/webhooks/rest/webhook  (settings: $SCALE_DIR/scale.env)"
}

cmd_down() {
  [ -f "$SCALE_DIR/scale.env" ] || { log "Nothing to stop in $SCALE_DIR"; return 0; }
  load_or_create_settings
  local i
  for i in $(seq 1 "$SCALE_RASA_REPLICAS"); do stop_pidfile "rasa$i"; done
  stop_nginx
  for i in $(seq 1 "$SCALE_ACTION_REPLICAS"); do stop_pidfile "actions$i"; done
  stop_redis
  stop_postgres
  log "Down."
}

cmd_status() {
  [ -f "$SCALE_DIR/scale.env" ] || { echo "not set up ($SCALE_DIR/scale.env missing)"; return 1; }
  load_or_create_settings
  local failed=0 i
  report "postgres :$PG_PORT" pg_ready || failed=1
  report "redis    :$REDIS_PORT" redis_ready || failed=1
  for i in $(seq 1 "$SCALE_ACTION_REPLICAS"); do
    report "actions$i :$(action_port "$i")" http_ok "http://127.0.0.1:$(action_port "$i")/health" || failed=1
  done
  report "nginx    :$ACTIONS_PROXY_PORT (actions)" http_ok "http://127.0.0.1:$ACTIONS_PROXY_PORT/health" || failed=1
  for i in $(seq 1 "$SCALE_RASA_REPLICAS"); do
    report "rasa$i    :$(rasa_port "$i")" rasa_ready "$(rasa_port "$i")" || failed=1
  done
  report "nginx    :$RASA_INTERNAL_PORT (rasa, loopback)" rasa_ready "$RASA_INTERNAL_PORT" || failed=1
  return "$failed"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) usage ;;
esac
