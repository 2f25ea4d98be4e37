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
log "building salient"
cargo build --profile local -p salient-cli
exec "$TARGET_DIR/local/salient" serve "$@"
