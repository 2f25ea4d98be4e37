#!/usr/bin/env bash
# Browser end-to-end tests: the real local server (`salient serve`, embedded store, the built
# site at /) with the OpenRouter stand-in as its model, driven by headless Debian Chromium
# through playwright-core (site/tests/e2e). Arguments pick test files by part of their name
# (`scripts/e2e.sh turnstile security`); none runs them all.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_cargo
prepare_browser_stack

# A second origin embeds the widget cross-origin (site/tests/e2e/cross-origin.test.mjs);
# the Northwind account lists it among its allowed origins.
export SALIENT_E2E_EMBED_ORIGIN="http://localhost:$(free_port)"
# Emails (one-time codes included) land in a fresh outbox the journey tests read codes from.
export SALIENT__EMAIL__OUTBOX_DIR="$work/outbox" SALIENT_E2E_OUTBOX_DIR="$work/outbox"
start_demo_stack "$work" 30 "$SALIENT_E2E_EMBED_ORIGIN"
port="$DEMO_PORT"
log "e2e against http://127.0.0.1:$port"
if ! (cd site && SALIENT_E2E_EXPECT_CITATIONS=1 SALIENT_E2E_BASE_URL="http://127.0.0.1:$port" npm run --silent test:e2e -- "$@"); then
  echo "---- server log (tail) ----" >&2
  tail -n 40 "$work/server.log" >&2
  exit 1
fi
