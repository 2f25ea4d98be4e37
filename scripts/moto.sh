#!/usr/bin/env bash
# moto's server mode, a local stand-in for AWS SES, for the email tests.
#
# `moto[server]` (PyPI, pinned below) is installed into the project's tools venv
# (.tools/venv, or $SALIENT_TOOLS_VENV), the one scripts/install-deploy-tools.sh uses. The
# start/stop lifecycle is scripts/lib.sh's `service_main`.
#
#   scripts/moto.sh install    install (or confirm) the pinned moto[server]
#   scripts/moto.sh start      start on a free loopback port; prints the endpoint
#   scripts/moto.sh endpoint   print the running instance's endpoint URL
#   scripts/moto.sh stop       stop the running instance
#
# Typical test run:
#   scripts/moto.sh start
#   SALIENT_TEST_SES_ENDPOINT=$(scripts/moto.sh endpoint) cargo test -p salient-tests --test integration email::
#   scripts/moto.sh stop
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

VENV="${SALIENT_TOOLS_VENV:-$ROOT/.tools/venv}"
PYTHON="${PYTHON:-python3}"

MOTO_VERSION="5.2.5"

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

service_install() {
  if installed; then
    return 0
  fi
  echo "moto: installing moto[server]==$MOTO_VERSION into $VENV" >&2
  if [[ ! -x "$VENV/bin/python" ]]; then
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "moto[server]==$MOTO_VERSION" >&2
  installed || service_die moto "moto_server is missing after the install"
}

service_run() {
  exec setsid "$VENV/bin/moto_server" -H 127.0.0.1 -p "$1"
}

# Succeeds once moto's own API answers.
service_answers() {
  "$PYTHON" - "$1" <<'PY'
import sys, urllib.request
try:
    with urllib.request.urlopen(sys.argv[1] + "/moto-api/data.json", timeout=2) as r:
        sys.exit(0 if r.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
}

service_main moto moto_server "$@"
