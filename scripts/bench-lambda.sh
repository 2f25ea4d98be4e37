#!/usr/bin/env bash
# The Lambda figures of docs/benchmarks.md ("Lambda functions"), re-runnable:
#   - zip size of each function's arm64 release package (scripts/build-lambdas.sh output);
#   - init time: process start to the first handled event, each function's x86_64 release
#     binary under cargo-lambda's runtime emulator (`cargo lambda watch --only-lambda-apis`),
#     the event already queued when the process starts (a cold start, as Lambda runs it);
#   - peak RSS of that process after the event (VmHWM from /proc/<pid>/status);
#   - for chat and stream, the same for a cold start whose first event is a real turn
#     (DynamoDB Local storage, the OpenRouter stand-in as the model): the turn's latency
#     from process start and its peak RSS, tokenizer and storage client loaded.
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
# The turn runs: `salient admin create-table` and the OpenRouter stand-in.
cargo build --profile local -p salient-cli -p salient-tests --bin salient --bin llm-standin

TARGET_DIR="$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"

scripts/dynamodb-local.sh start >/dev/null
DYNAMODB_ENDPOINT="$(scripts/dynamodb-local.sh endpoint)"

"$VENV/bin/python" - "$ROOT" "$TARGET_DIR" "$VENV/bin/cargo-lambda" "$RUNS" "$DYNAMODB_ENDPOINT" "${functions[@]}" <<'PY'
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

root, target_dir, cargo_lambda, runs, dynamodb, *functions = sys.argv[1:]
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


def event(name):
    with open(os.path.join(root, "tests", "data", name), "rb") as f:
        return json.load(f)


def healthz_event(function):
    return event("function-url-get-healthz.json" if function == "stream" else "apigw-v2-get-healthz.json")


def turn_event(function, session, visitor):
    """The fixture turn of `function` (a buffered HTTP API turn, or a Function URL streamed
    turn) re-aimed at `session` of `visitor`."""
    if function == "chat":
        payload = event("apigw-v2-post-turn.json")
        payload["cookies"] = [f"salient_visitor={visitor}"]
    else:
        payload = event("function-url-post-stream.json")
        payload["headers"]["x-salient-visitor"] = visitor
    path = payload["rawPath"].split("/")
    path[5] = session
    path = "/".join(path)
    payload["rawPath"] = path
    payload["requestContext"]["http"]["path"] = path
    if "pathParameters" in payload:
        payload["pathParameters"]["proxy"] = path[len("/api/"):]
    return payload


BASE_ENV = {
    "PATH": os.environ.get("PATH", ""),
    "AWS_LAMBDA_FUNCTION_VERSION": "1",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "128",
    "AWS_REGION": "us-east-1",
    "AWS_ACCESS_KEY_ID": "bench",
    "AWS_SECRET_ACCESS_KEY": "bench",
    "AWS_EC2_METADATA_DISABLED": "true",
    "SALIENT_CONFIG_DIR": os.path.join(root, "config"),
    "SALIENT__STORAGE__BACKEND": "dynamodb",
    "SALIENT__STORAGE__TABLE": "salient-bench",
    "SALIENT__TELEMETRY__FORMAT": "json",
}


def cold_start(port, function, payload, extra_env=None):
    """Starts `function`'s binary with `payload` already queued; returns milliseconds from
    process start to the response's last byte, the process's peak RSS in MiB, and the body."""
    binary = os.path.join(target_dir, "release", f"salient-{function}")
    with tempfile.TemporaryDirectory() as scratch:
        env = dict(BASE_ENV)
        env["AWS_LAMBDA_FUNCTION_NAME"] = f"salient-{function}"
        env["AWS_LAMBDA_RUNTIME_API"] = f"http://127.0.0.1:{port}/.rt/salient-{function}"
        env.update(extra_env or {})
        outcome = {}

        def invoke():
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/2015-03-31/functions/salient-{function}/invocations",
                data=json.dumps(payload).encode(), headers={"content-type": "application/json"},
                method="POST")
            with urllib.request.urlopen(request, timeout=60) as response:
                outcome["status"] = response.status
                outcome["body"] = response.read()
            outcome["done"] = time.perf_counter()

        caller = threading.Thread(target=invoke)
        caller.start()
        time.sleep(0.05)  # the event is queued before the process exists
        started = time.perf_counter()
        log = open(os.path.join(scratch, "function.log"), "wb")
        process = subprocess.Popen([binary], cwd=scratch, env=env, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=log)
        caller.join(timeout=60)
        try:
            if outcome.get("status") != 200:
                log.flush()
                with open(os.path.join(scratch, "function.log")) as f:
                    raise SystemExit(f"{function}: invocation failed: {outcome}\n{f.read()}")
            return ((outcome["done"] - started) * 1000, vm_hwm_kib(process.pid) / 1024,
                    outcome["body"])
        finally:
            process.kill()
            process.wait()
            log.close()


def summary(samples):
    return {
        "median": statistics.median(samples),
        "p90": statistics.quantiles(samples, n=10)[-1] if len(samples) >= 2 else samples[0],
        "min": min(samples),
        "samples": [round(x, 2) for x in samples],
    }


port = free_port()
emulator = subprocess.Popen(
    [cargo_lambda, "lambda", "watch", "--only-lambda-apis",
     "--invoke-address", "127.0.0.1", "--invoke-port", str(port)],
    cwd=root, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
standin_port = free_port()
standin = subprocess.Popen(
    [os.path.join(target_dir, "local", "llm-standin"), "--port", str(standin_port)],
    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
)
results = []
turns = []
try:
    wait_for_port(port)
    wait_for_port(standin_port)
    for function in functions:
        zip_path = os.path.join(target_dir, "lambda", f"salient-{function}", "bootstrap.zip")
        zip_bytes = os.path.getsize(zip_path) if os.path.exists(zip_path) else None
        inits, rss = [], []
        for _ in range(runs):
            init_ms, rss_mib, _ = cold_start(port, function, healthz_event(function))
            inits.append(init_ms)
            rss.append(rss_mib)
        init = summary(inits)
        results.append({
            "function": function,
            "zip_bytes": zip_bytes,
            "init_ms_median": init["median"],
            "init_ms_p90": init["p90"],
            "init_ms_min": init["min"],
            "peak_rss_mib_max": max(rss),
            "runs": runs,
            "init_ms_samples": init["samples"],
        })

    # Cold starts whose first event is a turn, on a real table and the model stand-in.
    table = f"salient-bench-{os.getpid()}"
    storage = {
        "SALIENT__STORAGE__TABLE": table,
        "SALIENT__STORAGE__ENDPOINT_URL": dynamodb,
        "SALIENT__LLM__BASE_URL": f"http://127.0.0.1:{standin_port}/api/v1",
        "SALIENT__LLM__API_KEY": "sk-or-v1-bench",
    }
    subprocess.run(
        [os.path.join(target_dir, "local", "salient"), "--config", os.path.join(root, "config"),
         "admin", "create-table"],
        env={**BASE_ENV, **storage}, check=True, stdout=subprocess.DEVNULL)
    _, _, created = cold_start(port, "chat", event("apigw-v2-post-session.json"), storage)
    created = json.loads(json.loads(created)["body"])
    session, visitor = created["session"]["id"], created["visitor_id"]
    for function in [f for f in ("chat", "stream") if f in functions]:
        latencies, rss = [], []
        for _ in range(max(5, runs // 4)):
            ms, rss_mib, body = cold_start(port, function, turn_event(function, session, visitor),
                                           storage)
            if function == "chat":
                answer = json.loads(json.loads(body)["body"])
                if answer.get("assistant_message", {}).get("status") != "complete":
                    raise SystemExit(f"chat: the turn did not complete: {answer}")
            elif b"event: done" not in body:
                raise SystemExit(f"stream: the turn did not finish: {body[-500:]!r}")
            latencies.append(ms)
            rss.append(rss_mib)
        latency = summary(latencies)
        turns.append({
            "function": function,
            "cold_turn_ms_median": latency["median"],
            "cold_turn_ms_p90": latency["p90"],
            "peak_rss_mib_max": max(rss),
            "runs": len(latencies),
            "cold_turn_ms_samples": latency["samples"],
        })
finally:
    emulator.kill()
    emulator.wait()
    standin.kill()
    standin.wait()

print(f"| function | zip (arm64) | init median | init p90 | peak RSS | runs |")
print(f"|---|---|---|---|---|---|")
for r in results:
    z = f"{r['zip_bytes'] / 1e6:.2f} MB" if r["zip_bytes"] else "not built"
    print(f"| {r['function']} | {z} | {r['init_ms_median']:.1f} ms | {r['init_ms_p90']:.1f} ms "
          f"| {r['peak_rss_mib_max']:.1f} MiB | {r['runs']} |")
print()
print("| function | cold start with a turn as first event: to last byte, median | p90 | peak RSS | runs |")
print("|---|---|---|---|---|")
for t in turns:
    print(f"| {t['function']} | {t['cold_turn_ms_median']:.1f} ms | {t['cold_turn_ms_p90']:.1f} ms "
          f"| {t['peak_rss_mib_max']:.1f} MiB | {t['runs']} |")
out = os.path.join(target_dir, "bench-lambda.json")
with open(out, "w") as f:
    json.dump({"healthz": results, "turn": turns}, f, indent=1)
print(f"\n(raw figures: {out})")
PY
