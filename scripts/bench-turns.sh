#!/usr/bin/env bash
# Streamed turns per second against the real local server (`salient serve`, local profile)
# with the OpenRouter stand-in answering instantly, driven by wrk from a second process,
# with every rate limit, stream limit and spend cap on (generous values).
#   scripts/bench-turns.sh [embedded|dynamodb] [seconds] [connections]
# wrk runs one thread (WRK_THREADS=1): one thread drives 32 connections at well over 20k
# requests/s, and a second only takes CPU from the server on a 2-core machine.
# The dynamodb run uses DynamoDB Local (scripts/dynamodb-local.sh; started and stopped by the
# script unless one is running already) and creates a table.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
BACKEND="${1:-embedded}"
SECONDS_TO_RUN="${2:-10}"
CONNECTIONS="${3:-32}"
SESSIONS_COUNT=2000
ensure_cargo
command -v wrk >/dev/null || { log "installing wrk (Debian)"; apt-get install -y wrk >/dev/null; }
cargo build --profile local -p salient-cli -p salient-tests --bin salient --bin llm-standin >&2

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

standin_port="$(free_port)"
"$TARGET_DIR/local/llm-standin" --port "$standin_port" >"$work/standin.log" 2>&1 &
pids+=($!)
server_port="$(free_port)"
export SALIENT__LLM__BASE_URL="http://127.0.0.1:$standin_port/api/v1"
export SALIENT__LLM__API_KEY="sk-or-v1-bench"
export SALIENT__LIMITS__MAX_SESSION_MESSAGES=100000
export SALIENT__TELEMETRY__FILTER=warn
# Every limit stays on, with the default number of windows per scope (the work per turn),
# but limits no run reaches: the load comes from one client address and 2,000 sessions.
for scope in SESSION VISITOR IP AGENT ACCOUNT; do
  export "SALIENT__RATE_LIMITS__TURN__${scope}=1000000000/1m, 1000000000/1h"
done
for scope in VISITOR IP AGENT ACCOUNT; do
  export "SALIENT__RATE_LIMITS__SESSION__${scope}=1000000000/1m, 1000000000/1h"
done
# Spend caps on too (checked before every turn), far above what the stand-in's costs reach.
export SALIENT__SPEND__ACCOUNT__DAILY_USD=100000 SALIENT__SPEND__AGENT__DAILY_USD=100000
# The conversation path alone: retrieval (a MiniLM query embedding per turn) is measured in
# the Knowledge benchmarks.
export SALIENT__KNOWLEDGE__RAG__ENABLED=false
export SALIENT__STORAGE__PATH="$work/salient.db"
if [[ "$BACKEND" == dynamodb ]]; then
  # An emulator that was already running (the test suite's) is used and left running.
  started_dynamodb=false
  if ! scripts/dynamodb-local.sh endpoint >/dev/null 2>&1; then
    scripts/dynamodb-local.sh start >/dev/null
    started_dynamodb=true
  fi
  endpoint="$(scripts/dynamodb-local.sh endpoint)"
  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_REGION=us-east-1
  export SALIENT__STORAGE__BACKEND=dynamodb SALIENT__STORAGE__ENDPOINT_URL="$endpoint"
  export SALIENT__STORAGE__TABLE="bench-$(date +%s)"
  "$TARGET_DIR/local/salient" admin create-table >&2
fi
"$TARGET_DIR/local/salient" serve --port "$server_port" >"$work/server.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$server_port/healthz" 60

log "creating $SESSIONS_COUNT sessions"
sessions="$(python3 - "$server_port" "$SESSIONS_COUNT" <<'PY'
import json, sys, urllib.request
port, count = sys.argv[1], int(sys.argv[2])
out = []
for _ in range(count):
    req = urllib.request.Request(f"http://127.0.0.1:{port}/api/northwind-heating/sales/sessions", method="POST")
    with urllib.request.urlopen(req) as r:
        body = json.load(r)
    out.append(f"{body['visitor_id']}:{body['session']['id']}")
print(",".join(out))
PY
)"
log "wrk: $CONNECTIONS connections, ${SECONDS_TO_RUN}s, backend $BACKEND"
SESSIONS="$sessions" wrk -t"${WRK_THREADS:-1}" -c"$CONNECTIONS" -d"${SECONDS_TO_RUN}s" --latency \
  -s "$ROOT/scripts/bench/stream-turn.lua" "http://127.0.0.1:$server_port"
if [[ "$BACKEND" == dynamodb && "$started_dynamodb" == true ]]; then
  scripts/dynamodb-local.sh stop >/dev/null || true
fi
