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
