#!/usr/bin/env bash
# The Lambda figures of docs/benchmarks.md ("Lambda functions"), re-runnable:
#   - zip size of each function's arm64 release package (scripts/build-lambdas.sh output);
#   - init time: process start to the first handled event, each function's x86_64 release
#     binary under cargo-lambda's runtime emulator (`cargo lambda watch --only-lambda-apis`),
#     the event already queued when the process starts (a cold start, as Lambda runs it);
#   - peak RSS of that process after the event (VmHWM from /proc/<pid>/status).
#
#   scripts/bench-lambda.sh            # 20 cold starts per function
#   RUNS=50 scripts/bench-lambda.sh
#   SKIP_BUILD=1 scripts/bench-lambda.sh   # reuse existing builds
#
# The functions run as in Lambda: DynamoDB storage configured (not touched by /healthz),
# JSON logs, a region and static credentials so the SDK resolves nothing over the network,
# and no SSM prefix (in AWS the cold start adds one GetParametersByPath round trip).
# Needs scripts/install-deploy-tools.sh (cargo-lambda, zig) and Linux (/proc).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SALIENT_TOOLS_VENV:-$ROOT/.tools/venv}"
RUNS="${RUNS:-20}"
cd "$ROOT"

if [[ ! -x "$VENV/bin/cargo-lambda" ]]; then
  echo "bench-lambda: cargo-lambda missing from $VENV; run scripts/install-deploy-tools.sh" >&2
  exit 1
fi

functions=()
for manifest in functions/*/Cargo.toml; do
  functions+=("$(basename "$(dirname "$manifest")")")
done

if [[ -z "${SKIP_BUILD:-}" ]]; then
  scripts/build-lambdas.sh
  packages=()
  for name in "${functions[@]}"; do packages+=(--package "salient-$name"); done
  cargo build --release --bins "${packages[@]}"
fi

TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"

"$VENV/bin/python" - "$ROOT" "$TARGET_DIR" "$VENV/bin/cargo-lambda" "$RUNS" "${functions[@]}" <<'PY'
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

root, target_dir, cargo_lambda, runs, *functions = sys.argv[1:]
runs = int(runs)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, deadline=60.0):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"the emulator never listened on {port}")


def vm_hwm_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM")


def event_for(function):
    name = "function-url-get-healthz.json" if function == "stream" else "apigw-v2-get-healthz.json"
    with open(os.path.join(root, "tests", "data", name), "rb") as f:
        return f.read()


port = free_port()
emulator = subprocess.Popen(
    [cargo_lambda, "lambda", "watch", "--only-lambda-apis",
     "--invoke-address", "127.0.0.1", "--invoke-port", str(port)],
    cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
results = []
try:
    wait_for_port(port)
    for function in functions:
        binary = os.path.join(target_dir, "release", f"salient-{function}")
        zip_path = os.path.join(target_dir, "lambda", f"salient-{function}", "bootstrap.zip")
        zip_bytes = os.path.getsize(zip_path) if os.path.exists(zip_path) else None
        payload = event_for(function)
        inits, rss = [], []
        for _ in range(runs):
            with tempfile.TemporaryDirectory() as scratch:
                env = {
                    "PATH": os.environ.get("PATH", ""),
                    "AWS_LAMBDA_FUNCTION_NAME": f"salient-{function}",
                    "AWS_LAMBDA_FUNCTION_VERSION": "1",
                    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
                    "AWS_LAMBDA_RUNTIME_API": f"http://127.0.0.1:{port}/.rt/salient-{function}",
                    "AWS_REGION": "us-east-1",
                    "AWS_ACCESS_KEY_ID": "bench",
                    "AWS_SECRET_ACCESS_KEY": "bench",
                    "AWS_EC2_METADATA_DISABLED": "true",
                    "SALIENT_CONFIG_DIR": os.path.join(root, "config"),
                    "SALIENT__STORAGE__BACKEND": "dynamodb",
                    "SALIENT__STORAGE__TABLE": "salient-bench",
                    "SALIENT__TELEMETRY__FORMAT": "json",
                }
                outcome = {}

                def invoke():
                    request = urllib.request.Request(
                        f"http://127.0.0.1:{port}/2015-03-31/functions/salient-{function}/invocations",
                        data=payload, headers={"content-type": "application/json"}, method="POST")
                    with urllib.request.urlopen(request, timeout=60) as response:
                        outcome["status"] = response.status
                        outcome["body"] = response.read()
                    outcome["done"] = time.perf_counter()

                caller = threading.Thread(target=invoke)
                caller.start()
                time.sleep(0.05)  # the event is queued before the process exists
                started = time.perf_counter()
                process = subprocess.Popen([binary], cwd=scratch, env=env, stdin=subprocess.DEVNULL,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                caller.join(timeout=60)
                try:
                    if outcome.get("status") != 200:
                        raise SystemExit(f"{function}: invocation failed: {outcome}")
                    inits.append((outcome["done"] - started) * 1000)
                    rss.append(vm_hwm_kib(process.pid) / 1024)
                finally:
                    process.kill()
                    process.wait()
        results.append({
            "function": function,
            "zip_bytes": zip_bytes,
            "init_ms_median": statistics.median(inits),
            "init_ms_p90": statistics.quantiles(inits, n=10)[-1] if len(inits) >= 2 else inits[0],
            "init_ms_min": min(inits),
            "peak_rss_mib_max": max(rss),
            "runs": runs,
            "init_ms_samples": [round(x, 2) for x in inits],
        })
finally:
    emulator.kill()
    emulator.wait()

print(f"| function | zip (arm64) | init median | init p90 | peak RSS | runs |")
print(f"|---|---|---|---|---|---|")
for r in results:
    z = f"{r['zip_bytes'] / 1e6:.2f} MB" if r["zip_bytes"] else "not built"
    print(f"| {r['function']} | {z} | {r['init_ms_median']:.1f} ms | {r['init_ms_p90']:.1f} ms "
          f"| {r['peak_rss_mib_max']:.1f} MiB | {r['runs']} |")
out = os.path.join(target_dir, "bench-lambda.json")
with open(out, "w") as f:
    json.dump(results, f, indent=1)
print(f"\n(raw figures: {out})")
PY
