#!/usr/bin/env bash
# Installs the deployment tools into .tools/venv (from PyPI) and the arm64 Rust target:
#   cargo-lambda  (cargo lambda build / watch / invoke)
#   ziglang       (the linker cargo-lambda uses for the aarch64 cross build)
#   aws-sam-cli   (sam build / validate / deploy; brings cfn-lint for `sam validate --lint`)
# Idempotent: when the pinned versions are already there it only checks and exits.
# Afterwards: `source .tools/venv/bin/activate`, or call .tools/venv/bin/<tool> directly.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SALIENT_TOOLS_VENV:-$ROOT/.tools/venv}"
PYTHON="${PYTHON:-python3}"

# Pinned so CI and every developer build with the same tools.
CARGO_LAMBDA_VERSION="1.9.2"
ZIGLANG_VERSION="0.14.1"
SAM_CLI_VERSION="1.170.0"
PINS=(
  "cargo-lambda==$CARGO_LAMBDA_VERSION"
  "ziglang==$ZIGLANG_VERSION"
  "aws-sam-cli==$SAM_CLI_VERSION"
)

installed() {
  [[ -x "$VENV/bin/python" ]] || return 1
  "$VENV/bin/python" - "${PINS[@]}" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for pin in sys.argv[1:]:
    name, wanted = pin.split("==")
    try:
        if version(name) != wanted:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
}

if installed; then
  echo "deploy tools: already installed in $VENV"
else
  echo "deploy tools: installing ${PINS[*]} into $VENV"
  if [[ ! -x "$VENV/bin/python" ]]; then
    mkdir -p "$(dirname "$VENV")"
    "$PYTHON" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "${PINS[@]}"
fi

# cargo-lambda finds zig on PATH; the ziglang wheel ships it as `python -m ziglang`.
# A tiny wrapper in the venv's bin/ makes `zig` resolvable once the venv is on PATH.
if [[ ! -x "$VENV/bin/zig" ]]; then
  cat >"$VENV/bin/zig" <<SH
#!/usr/bin/env bash
exec "$VENV/bin/python" -m ziglang "\$@"
SH
  chmod +x "$VENV/bin/zig"
fi

if command -v rustup >/dev/null 2>&1; then
  if ! rustup target list --installed | grep -qx aarch64-unknown-linux-gnu; then
    rustup target add aarch64-unknown-linux-gnu
  fi
else
  echo "deploy tools: rustup not found; install the aarch64-unknown-linux-gnu target yourself" >&2
fi

"$VENV/bin/cargo-lambda" lambda --version
"$VENV/bin/zig" version
"$VENV/bin/sam" --version
