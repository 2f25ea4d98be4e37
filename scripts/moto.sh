#!/usr/bin/env bash
# moto's server mode, a local stand-in for AWS SES, for the email tests.
#
# `moto[server]` (PyPI, pinned below) is installed into the project's tools venv
# (.tools/venv, or $SALIENT_TOOLS_VENV), the one scripts/install-deploy-tools.sh uses.
#
#   scripts/moto.sh install    install (or confirm) the pinned moto[server]
#   scripts/moto.sh start      start on a free loopback port; prints the endpoint
#   scripts/moto.sh endpoint   print the running instance's endpoint URL
#   scripts/moto.sh stop       stop the running instance
#
# Typical test run:
#   scripts/moto.sh start
#   SALIENT_TEST_SES_ENDPOINT=$(scripts/moto.sh endpoint) cargo test -p salient-tests --test email
#   scripts/moto.sh stop
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SALIENT_TOOLS_VENV:-$ROOT/.tools/venv}"
PYTHON="${PYTHON:-python3}"
STATE_DIR="$ROOT/.tools/moto"
PID_FILE="$STATE_DIR/pid"
ENDPOINT_FILE="$STATE_DIR/endpoint"
LOG_FILE="$STATE_DIR/moto.log"
START_TIMEOUT_SECONDS="${MOTO_START_TIMEOUT:-60}"

MOTO_VERSION="5.2.5"

die() {
  echo "moto: $*" >&2
  exit 1
}

installed() {
  [[ -x "$VENV/bin/python" && -x "$VENV/bin/moto_server" ]] || return 1
  "$VENV/bin/python" - "$MOTO_VERSION" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
try:
    sys.exit(0 if version("moto") == sys.argv[1] else 1)
except PackageNotFoundError:
    sys.exit(1)
PY
}

cmd_install() {
  if installed; then
    return 0
  fi
  echo "moto: installing moto[server]==$MOTO_VERSION into $VENV" >&2
  if [[ ! -x "$VENV/bin/python" ]]; then
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
  installed || die "moto_server is missing after the install"
}

# The pid of our running instance, if its process is alive and is moto.
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q moto_server || return 1
  echo "$pid"
}

free_port() {
  "$PYTHON" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Succeeds once moto's own API answers.
answers() {
  "$PYTHON" - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1] + "/moto-api/data.json", timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
}

cmd_start() {
  local pid endpoint port deadline
  if pid="$(running_pid)" && answers "$(cat "$ENDPOINT_FILE")"; then
    cat "$ENDPOINT_FILE"
    return 0
  fi
  cmd_stop
  cmd_install
  mkdir -p "$STATE_DIR"
  port="$(free_port)"
  endpoint="http://127.0.0.1:$port"
  setsid "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" </dev/null >"$LOG_FILE" 2>&1 &
  pid=$!
  echo "$pid" >"$PID_FILE"
  deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until answers "$endpoint"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      cat "$LOG_FILE" >&2
      die "moto exited during start (log above)"
    fi
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      cat "$LOG_FILE" >&2
      die "moto did not answer on $endpoint within ${START_TIMEOUT_SECONDS}s"
    fi
    sleep 0.3
  done
  echo "$endpoint" >"$ENDPOINT_FILE"
  echo "moto: running at $endpoint (pid $pid, log $LOG_FILE)" >&2
  echo "$endpoint"
}

cmd_endpoint() {
  if ! running_pid >/dev/null || [[ ! -f "$ENDPOINT_FILE" ]]; then
    die "not running: start it with scripts/moto.sh start"
  fi
  cat "$ENDPOINT_FILE"
}

cmd_stop() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid"
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    echo "moto: stopped (pid $pid)" >&2
  fi
  rm -f "$PID_FILE" "$ENDPOINT_FILE"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  endpoint) cmd_endpoint ;;
  stop) cmd_stop ;;
  *)
    echo "usage: $0 install|start|endpoint|stop" >&2
    exit 2
    ;;
esac
