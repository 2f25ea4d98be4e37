#!/usr/bin/env bash
# Extraction plus chunking throughput: the Rust pipeline and its Python peer on the same
# 200 pages, in the same run. Needs the built site (cd site && npm ci && npm run build).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-bench-tools.sh
corpus="$PWD/target/bench-corpus"
cargo bench -p salient-tests --bench extract -- --corpus "$corpus" --rounds 5
.tools/venv/bin/python scripts/bench/extract_peer.py "$corpus" 3
