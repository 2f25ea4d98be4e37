#!/usr/bin/env bash
# Browser end-to-end tests: the real local server (`salient serve`, embedded store, the built
# site at /) with the OpenRouter stand-in as its model, driven by headless Debian Chromium
# through playwright-core (site/tests/e2e).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_cargo
bash site/scripts/install-browser.sh
build_site
cargo build --profile local -p salient-cli -p salient-tests --bin salient --bin llm-standin >&2

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

standin_port="$(free_port)"
"$TARGET_DIR/local/llm-standin" --port "$standin_port" --token-delay-ms 30 >"$work/standin.log" 2>&1 &
pids+=($!)
port="$(free_port)"
SALIENT__LLM__BASE_URL="http://127.0.0.1:$standin_port/api/v1" \
SALIENT__LLM__API_KEY="sk-or-v1-e2e" \
SALIENT__STORAGE__PATH="$work/salient.db" \
  "$TARGET_DIR/local/salient" serve --port "$port" >"$work/server.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/healthz" 60
log "e2e against http://127.0.0.1:$port"
if ! (cd site && SALIENT_E2E_BASE_URL="http://127.0.0.1:$port" npm run --silent test:e2e); then
  echo "---- server log (tail) ----" >&2
  tail -n 40 "$work/server.log" >&2
  exit 1
fi
