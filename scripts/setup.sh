#!/usr/bin/env bash
# Idempotent set-up: Python 3.10 venv with the pinned packages, the web widget's npm
# packages and, with --test, the system packages the test suite drives for real
# (Chromium, PostgreSQL, Redis, nginx). Re-running is cheap: each step is skipped
# when its inputs have not changed.
source "$(dirname "$0")/common.sh"

want_test_packages=0
[ "${1:-}" = "--test" ] && want_test_packages=1

find_python310() {
  for candidate in python3.10 /root/.pyenv/versions/3.10.13/bin/python /usr/bin/python3.10 /usr/local/bin/python3.10; do
    if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; assert sys.version_info[:2] == (3, 10)' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  ls -d "$HOME"/.pyenv/versions/3.10.*/bin/python 2>/dev/null | head -n1 && return 0
  return 1
}

if [ ! -x "$PY" ]; then
  py310="$(find_python310)" || { echo "Python 3.10 is needed (Rasa 3.6 supports 3.8-3.10) and was not found." >&2; exit 1; }
  log "Creating .venv with $py310"
  "$py310" -m venv "$VENV"
fi

req_stamp="$VENV/.requirements.sha"
req_hash="$(cat requirements.txt requirements.lock | sha256sum | cut -d' ' -f1)"
if [ "$(cat "$req_stamp" 2>/dev/null)" != "$req_hash" ]; then
  log "Installing pinned Python packages (first time takes about 90 s)"
  "$PY" -m pip install -q --upgrade "pip==24.0"
  install_started=$SECONDS
  "$PY" -m pip install -q -r requirements.txt -c requirements.lock
  echo "$req_hash" > "$req_stamp"
  log "Python packages installed in $(( SECONDS - install_started )) s"
fi

apt_install() {  # packages...
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "Installing system packages: ${missing[*]}"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ -f webchat/package.json ]; then
  npm_stamp="webchat/node_modules/.lock.sha"
  npm_hash="$(cat webchat/package.json webchat/package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if ! command -v npm >/dev/null 2>&1; then apt_install nodejs npm; fi
  if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_hash" ]; then
    log "Installing the web widget's npm packages"
    (cd webchat && npm ci --no-audit --no-fund --silent)
    echo "$npm_hash" > "$npm_stamp"
  fi
fi

if [ "$want_test_packages" = 1 ]; then
  apt_install chromium postgresql redis-server nginx-light
fi
