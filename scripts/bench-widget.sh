#!/usr/bin/env bash
# Widget timings in headless Chromium against the real local server: `salient serve` (local
# profile, embedded store, the demo sites indexed so turns retrieve and cite) with the
# OpenRouter stand-in answering instantly. Prints the table for docs/benchmarks.md.
#   scripts/bench-widget.sh [runs]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_cargo
prepare_browser_stack
export SALIENT__TELEMETRY__FILTER=warn
start_demo_stack "$work" 0
log "widget bench against http://127.0.0.1:$DEMO_PORT ($(uptime | sed 's/.*load average/load average/'))"
(cd site && RUNS="${1:-20}" SALIENT_BENCH_BASE_URL="http://127.0.0.1:$DEMO_PORT" node scripts/bench-widget.mjs)
