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
# The demo accounts' sources and the built site's sitemaps name the local site at
# 127.0.0.1:3000; this server listens on a free port, so it runs on copies of config/ and
# site/dist that name that port instead.
cp -r config "$work/config"
cp -r site/dist "$work/site"
grep -rl '127.0.0.1:3000' "$work/config" "$work/site" | xargs sed -i "s/127\.0\.0\.1:3000/127.0.0.1:$port/g"
export SALIENT_CONFIG_DIR="$work/config"
export SALIENT__SERVER__SITE_DIR="$work/site"
export SALIENT__STORAGE__PATH="$work/salient.db"
export SALIENT__KNOWLEDGE__VECTOR_STORE__PATH="$work/vectors.db"
SALIENT__LLM__BASE_URL="http://127.0.0.1:$standin_port/api/v1" \
SALIENT__LLM__API_KEY="sk-or-v1-e2e" \
  "$TARGET_DIR/local/salient" serve --port "$port" >"$work/server.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/healthz" 60
# Index both demo sites from the running server, as a newcomer would with `salient ingest`.
for account in northwind-heating harbor-books; do
  "$TARGET_DIR/local/salient" ingest "$account" >"$work/ingest-$account.log" 2>&1 \
    || { cat "$work/ingest-$account.log" >&2; exit 1; }
  tail -n 3 "$work/ingest-$account.log" >&2
done
log "e2e against http://127.0.0.1:$port"
if ! (cd site && SALIENT_E2E_EXPECT_CITATIONS=1 SALIENT_E2E_BASE_URL="http://127.0.0.1:$port" npm run --silent test:e2e); then
  echo "---- server log (tail) ----" >&2
  tail -n 40 "$work/server.log" >&2
  exit 1
fi
