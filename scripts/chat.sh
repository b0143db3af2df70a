#!/usr/bin/env bash
# Terminal chat with the running assistant (a `rasa shell` over REST).
source "$(dirname "$0")/common.sh"
export_runtime_env
exec "$PY" -m runner.chat --url "http://127.0.0.1:${RASA_PORT}" "$@"
