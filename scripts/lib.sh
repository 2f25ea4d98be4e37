# Shared shell helpers for the project's scripts (sourced, not run).

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
export TARGET_DIR

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# A free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits until an HTTP URL answers 200, or fails after $2 seconds (default 60).
wait_http() {
  local url="$1" limit="${2:-60}" i
  for ((i = 0; i < limit * 10; i++)); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "timed out waiting for $url" >&2
  return 1
}

# Ensures cargo is on PATH (rustup's default location).
ensure_cargo() {
  if ! command -v cargo >/dev/null 2>&1 && [[ -x "$HOME/.cargo/bin/cargo" ]]; then
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  command -v cargo >/dev/null 2>&1 || { echo "cargo not found: install Rust with rustup (https://rustup.rs)" >&2; exit 1; }
}

# Installs the site's npm packages (npm ci) when package-lock.json changed, and builds it
# when any source is newer than the build.
build_site() {
  command -v npm >/dev/null 2>&1 || { echo "npm not found: the site is not built (install Node.js 20+)" >&2; return 0; }
  local site="$ROOT/site"
  if [[ ! -f "$site/node_modules/.package-lock.json" || "$site/package-lock.json" -nt "$site/node_modules/.package-lock.json" ]]; then
    log "installing the site's npm packages"
    (cd "$site" && npm ci --no-audit --no-fund)
  fi
  if [[ ! -f "$site/dist/index.html" ]] || [[ -n "$(find "$site/src" "$site/widget" "$site/public" "$site/astro.config.mjs" -newer "$site/dist/index.html" -print -quit 2>/dev/null)" ]]; then
    log "building the site"
    (cd "$site" && npm run build)
  fi
}

# Starts the demo stack for browser tests and benchmarks, in the background: the OpenRouter
# stand-in (token delay $2 ms), and `salient serve` (local profile) on a free port over
# copies of config/ and site/dist that name that port instead of 127.0.0.1:3000 (the demo
# sources and the built sitemaps), with its data in $1; then indexes both demo sites with
# `salient ingest`. $3, if given, is an extra origin the Northwind account allows.
# Sets DEMO_PORT and appends the processes to the caller's `pids` array.
start_demo_stack() {
  local work="$1" delay="${2:-0}" extra_origin="${3:-}" standin_port account
  standin_port="$(free_port)"
  "$TARGET_DIR/local/llm-standin" --port "$standin_port" --token-delay-ms "$delay" >"$work/standin.log" 2>&1 &
  pids+=($!)
  DEMO_PORT="$(free_port)"
  cp -r config "$work/config"
  cp -r site/dist "$work/site"
  grep -rl '127.0.0.1:3000' "$work/config" "$work/site" | xargs sed -i "s/127\.0\.0\.1:3000/127.0.0.1:$DEMO_PORT/g"
  if [[ -n "$extra_origin" ]]; then
    sed -i "s|^    - https://northwind-heating.example$|    - https://northwind-heating.example\n    - $extra_origin|" \
      "$work/config/accounts/northwind-heating/account.yaml"
    grep -q "$extra_origin" "$work/config/accounts/northwind-heating/account.yaml"
  fi
  export SALIENT_CONFIG_DIR="$work/config"
  export SALIENT__SERVER__SITE_DIR="$work/site"
  export SALIENT__STORAGE__PATH="$work/salient.db"
  export SALIENT__KNOWLEDGE__VECTOR_STORE__PATH="$work/vectors.db"
  SALIENT__LLM__BASE_URL="http://127.0.0.1:$standin_port/api/v1" \
  SALIENT__LLM__API_KEY="sk-or-v1-demo-stack" \
    "$TARGET_DIR/local/salient" serve --port "$DEMO_PORT" >"$work/server.log" 2>&1 &
  pids+=($!)
  wait_http "http://127.0.0.1:$DEMO_PORT/healthz" 60
  for account in northwind-heating harbor-books; do
    "$TARGET_DIR/local/salient" ingest "$account" >"$work/ingest-$account.log" 2>&1 \
      || { cat "$work/ingest-$account.log" >&2; return 1; }
    tail -n 1 "$work/ingest-$account.log" >&2
  done
}
