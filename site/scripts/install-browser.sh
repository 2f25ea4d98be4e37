#!/usr/bin/env bash
# Installs Debian's Chromium for the widget's end-to-end tests (playwright-core drives it;
# it never downloads a browser of its own). Idempotent: does nothing when already installed.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
# The package lists may be missing or stale on a fresh machine; refresh only if needed.
if ! $SUDO apt-get install -y --no-install-recommends chromium; then
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi
