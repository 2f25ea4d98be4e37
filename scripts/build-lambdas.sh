#!/usr/bin/env bash
# Release arm64 builds of every Lambda function (functions/*), zipped for deployment with
# cargo-lambda, each zip carrying the config/ directory. Prints each zip's size and fails
# on any error, including a zip without its bootstrap or its configuration, and a zip of
# 8 MB or more (8,000,000 bytes, decimal megabytes as in docs/benchmarks.md: the size budget
# of issue "Deploy").
#
#   scripts/build-lambdas.sh            # every function
#   scripts/build-lambdas.sh chat otp   # some of them
#
# Output: <target dir>/lambda/salient-<name>/bootstrap.zip (bootstrap + config/).
# Needs the tools from scripts/install-deploy-tools.sh (cargo-lambda and zig in .tools/venv).
set -euo pipefail

# The size budget per zip, in bytes (8 MB; 8 MiB would be 8,388,608).
MAX_ZIP_BYTES=8000000

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SALIENT_TOOLS_VENV:-$ROOT/.tools/venv}"
cd "$ROOT"

if [[ ! -x "$VENV/bin/cargo-lambda" || ! -x "$VENV/bin/zig" ]]; then
  echo "build-lambdas: cargo-lambda or zig missing from $VENV; run scripts/install-deploy-tools.sh" >&2
  exit 1
fi
export PATH="$VENV/bin:$PATH"

if [[ $# -gt 0 ]]; then
  names=("$@")
else
  names=()
  for manifest in functions/*/Cargo.toml; do
    names+=("$(basename "$(dirname "$manifest")")")
  done
fi

packages=()
for name in "${names[@]}"; do
  [[ -f "functions/$name/Cargo.toml" ]] || { echo "build-lambdas: no function named $name" >&2; exit 1; }
  packages+=(--package "salient-$name")
done

# One cargo invocation builds every function: shared crates compile once and the two
# cores link two LTO binaries at a time. `--include config` runs from the repo root so the
# zip holds config/app.yaml, config/accounts/...; Lambda starts the binary in /var/task,
# where the default SALIENT_CONFIG_DIR (`config`) finds it.
echo "build-lambdas: cargo lambda build --release --arm64 ${names[*]}"
cargo lambda build --release --arm64 --output-format zip --include config "${packages[@]}"

# The zips are under cargo's target directory (CARGO_TARGET_DIR or the workspace's target/).
TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"

status=0
printf '%-16s %12s %12s  %s\n' function zip_bytes bootstrap config_files
for name in "${names[@]}"; do
  zip="$TARGET_DIR/lambda/salient-$name/bootstrap.zip"
  if [[ ! -f "$zip" ]]; then
    echo "build-lambdas: $zip was not produced" >&2
    status=1
    continue
  fi
  # Listing via Python's zipfile: no unzip binary needed on CI.
  read -r bootstrap_bytes config_files arch < <(python3 - "$zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    names = z.namelist()
    boot = z.getinfo("bootstrap") if "bootstrap" in names else None
    config = [n for n in names if n.startswith("config/") and not n.endswith("/")]
    arch = "none"
    if boot is not None:
        head = z.read("bootstrap")[:20]
        # ELF e_machine at offset 18: 0xB7 aarch64, 0x3E x86_64.
        arch = {0xB7: "aarch64", 0x3E: "x86_64"}.get(head[18], "other") if head[:4] == b"\x7fELF" else "not-elf"
    ok_config = "config/app.yaml" in names
    print(boot.file_size if boot else 0, len(config) if ok_config else 0, arch)
PY
)
  zip_bytes=$(stat -c %s "$zip")
  printf '%-16s %12s %12s  %s\n' "$name" "$zip_bytes" "$bootstrap_bytes" "$config_files"
  if [[ "$bootstrap_bytes" == 0 || "$arch" != aarch64 ]]; then
    echo "build-lambdas: $zip has no arm64 bootstrap (found: $arch)" >&2
    status=1
  fi
  if [[ "$config_files" == 0 ]]; then
    echo "build-lambdas: $zip lacks config/app.yaml" >&2
    status=1
  fi
  if (( zip_bytes >= MAX_ZIP_BYTES )); then
    echo "build-lambdas: $name's zip is $zip_bytes bytes, over the budget of $MAX_ZIP_BYTES (8 MB)" >&2
    status=1
  fi
done
exit "$status"
