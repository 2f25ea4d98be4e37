#!/usr/bin/env bash
# Ingestion of a generated site, end to end: the local-profile `salient ingest` (fetch,
# extraction, chunking, local MiniLM embeddings, the embedded index and store) over a
# deterministic site of N pages (scripts/bench/gen_site.py: shared header, navigation,
# cookie banner, promo strip and footer; long guides, specification tables, FAQs in
# <details>, news posts; sitemap.xml and robots.txt) served on loopback by Python's
# http.server, with a throwaway config dir and data dir. Reports wall time, pages, chunks,
# chunks per second, peak RSS and CPU time of the first run, then the same for a second run over the
# unchanged site (nothing to embed). "wall" is the run as `salient ingest` times it;
# "process" adds start-up (configuration, model load).
#   scripts/bench-ingest.sh [pages]        (default 1000)
# The account crawls with `concurrency: 4` and `delay_ms: 0` (no pacing on loopback).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
PAGES="${1:-1000}"
[[ "$PAGES" =~ ^[0-9]+$ && "$PAGES" -gt 0 ]] || { echo "usage: $0 [pages]" >&2; exit 2; }
ensure_cargo
scripts/install-model.sh
cargo build --profile local -p salient-cli --bin salient >&2

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

port="$(free_port)"
log "generating $PAGES pages"
python3 scripts/bench/gen_site.py "$PAGES" "$work/site" "http://127.0.0.1:$port"
python3 -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" >"$work/http.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/sitemap.xml" 30

# A copy of config/ whose harbor-books account crawls the generated site.
cp -r config "$work/config"
python3 - "$work/config/accounts/harbor-books/account.yaml" "$port" "$PAGES" <<'PY'
import re, sys
path, port, pages = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path, encoding="utf-8").read()
sources = (
    "sources:\n"
    f"  sitemaps:\n    - http://127.0.0.1:{port}/sitemap.xml\n"
    f"  allow_private_hosts:\n    - 127.0.0.1:{port}\n"
    f"  max_pages: {pages}\n  concurrency: 4\n  delay_ms: 0\n"
)
text, count = re.subn(r"(?ms)^sources:\n(?:(?:  |#|\n).*?\n)*?(?=^\S)", sources, text)
assert count == 1, "no sources: block in account.yaml"
open(path, "w", encoding="utf-8").write(text)
PY
export SALIENT_CONFIG_DIR="$work/config"
export SALIENT__STORAGE__PATH="$work/salient.db"
export SALIENT__KNOWLEDGE__VECTOR_STORE__PATH="$work/vectors.db"
export SALIENT__TELEMETRY__FILTER=warn

# One `salient ingest` under /usr/bin/time (wall time, peak RSS); prints a result line.
measure() {
  local label="$1" out="$work/$1.jsonl" timing="$work/$1.time"
  /usr/bin/time -v -o "$timing" "$TARGET_DIR/local/salient" ingest harbor-books --json \
    >"$out" 2>"$work/$label.log" || { cat "$work/$label.log" "$timing" >&2; exit 1; }
  python3 - "$label" "$out" "$timing" <<'PY'
import json, re, sys
label, out, timing = sys.argv[1:]
summary = [json.loads(l) for l in open(out) if l.strip()][-1]
assert summary["type"] == "summary", summary
times = open(timing).read()
rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", times).group(1)) / 1024
cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", times).group(1)) + float(
    re.search(r"System time \(seconds\): ([\d.]+)", times).group(1))
clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)", times).group(1)
process = sum(float(part) * 60**i for i, part in enumerate(reversed(clock.split(":"))))
wall = summary["wall_ms"] / 1000
chunks = summary["chunks_written"]
print(
    f"{label:<7} wall {wall:7.1f} s  pages {summary['added'] + summary['updated'] + summary['unchanged']:>5} "
    f"({summary['added']} added, {summary['unchanged']} unchanged, {summary['skipped']} skipped, "
    f"{summary['failed']} failed)  chunks {chunks + summary['chunks_kept']:>6} "
    f"({chunks} embedded)  {chunks / wall if wall else 0:6.1f} chunks/s  "
    f"peak RSS {rss_mb:6.1f} MB  CPU {cpu:.1f} s  process {process:.1f} s"
)
if summary["failed"] or summary["errors"]:
    print("errors:", summary["errors"], file=sys.stderr)
    sys.exit(1)
PY
}

log "ingesting $PAGES pages ($(nproc) cores)"
measure first
log "ingesting the unchanged site again"
measure second
