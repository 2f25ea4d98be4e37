#!/usr/bin/env bash
# Sets up and runs the local stack: the Astro site built into site/dist, and `salient serve`
# on http://127.0.0.1:3000 with every function mounted and the embedded SQLite store in
# .salient/. No cloud account and no keys needed; set SALIENT__LLM__API_KEY (an OpenRouter
# key) for real answers. Extra arguments go to `salient serve` (e.g. --port 8080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_cargo
build_site
scripts/install-model.sh
log "building salient"
cargo build --profile local -p salient-cli
# Once the server answers, index the demo sites it publishes (incremental: a re-run only
# fetches, and embeds nothing unchanged), so answers cite their pages from the first start.
# SALIENT_SKIP_INGEST=1 skips it.
if [[ "${SALIENT_SKIP_INGEST:-0}" != 1 ]]; then
  (
    wait_http "http://127.0.0.1:3000/healthz" 120 >/dev/null 2>&1 || exit 0
    mkdir -p .salient
    for account in northwind-heating harbor-books; do
      "$TARGET_DIR/local/salient" ingest "$account" >".salient/ingest-$account.log" 2>&1 \
        && log "indexed the $account demo site (.salient/ingest-$account.log)" \
        || log "indexing $account failed: see .salient/ingest-$account.log"
    done
  ) &
fi
exec "$TARGET_DIR/local/salient" serve "$@"
