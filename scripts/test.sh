#!/usr/bin/env bash
# Sets up everything the tests need and runs them all:
#   formatting and lints; the workspace's unit and integration tests (the storage
#   conformance suite on the embedded store and on DynamoDB Local, the conversation path
#   against the OpenRouter stand-in, summary emails through SES v2 on moto, Lambda entry
#   points under cargo-lambda); the browser
#   end-to-end tests in headless Chromium; `sam validate --lint`; the release arm64 Lambda
#   builds. Every tool is installed by the project's own scripts (idempotent, fast when
#   already there). Set SALIENT_SKIP_LAMBDA_BUILDS=1 to skip the slow release builds locally.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_cargo

log "installing test tools"
scripts/dynamodb-local.sh install
scripts/install-deploy-tools.sh
scripts/moto.sh install
scripts/install-model.sh
bash site/scripts/install-browser.sh
build_site
(cd site && npm run --silent size) # the widget stays within its gzipped size budgets

log "formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings

log "starting DynamoDB Local"
scripts/dynamodb-local.sh start >/dev/null
trap 'scripts/dynamodb-local.sh stop >/dev/null 2>&1 || true; scripts/moto.sh stop >/dev/null 2>&1 || true' EXIT
SALIENT_TEST_DYNAMODB_ENDPOINT="$(scripts/dynamodb-local.sh endpoint)"
export SALIENT_TEST_DYNAMODB_ENDPOINT
log "DynamoDB Local at $SALIENT_TEST_DYNAMODB_ENDPOINT"

log "starting moto (SES)"
scripts/moto.sh start >/dev/null
SALIENT_TEST_SES_ENDPOINT="$(scripts/moto.sh endpoint)"
export SALIENT_TEST_SES_ENDPOINT
log "moto at $SALIENT_TEST_SES_ENDPOINT"

log "function binaries with the Lambda feature set (run by the entry-point tests)"
cargo build --bins -p salient-chat -p salient-stream -p salient-ingest -p salient-email -p salient-otp -p salient-console

log "workspace tests"
cargo test --workspace --no-fail-fast

log "browser end-to-end tests"
scripts/e2e.sh

log "SAM template"
scripts/sam-validate.sh

if [[ "${SALIENT_SKIP_LAMBDA_BUILDS:-0}" != 1 ]]; then
  log "release arm64 Lambda builds"
  scripts/build-lambdas.sh
fi
log "all tests passed"
