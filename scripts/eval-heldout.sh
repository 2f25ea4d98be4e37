#!/usr/bin/env bash
# Answer quality on a held-out site: tests/data/heldout/<site>/ holds a small business's
# site (build_site.py writes it), its account.yaml and a question set written with the
# site, before anything ran against it. The script serves the site on loopback with
# Python's http.server, copies config/ into a throwaway dir with the site's account added,
# then runs `salient ingest` and `salient eval` (debug build, local MiniLM, embedded index)
# and prints eval's table. `--follow-ups` evaluates the site's follow-up set
# (followups.yaml: second messages asked after the first, where the site has one) instead;
# other extra arguments go to `salient eval` (e.g. `--answers`, or `--alone` with
# `--follow-ups` to ask the follow-ups without the question before them).
#   scripts/eval-heldout.sh [site] [--follow-ups] [eval args...]   (default: copperline-cycles)
# Sites: copperline-cycles (a bike shop), fernbank-vets (a veterinary practice),
# samphire-house (a seaside hotel and restaurant), medlar-tree (a garden centre with a cafe),
# wrenfield-dental (a dental practice), granite-loft (a climbing centre), tollgate-bakery (a
# craft bakery with a cafe), kestrel-driving (a driving school), quayside-brewery (a brewery
# with a taproom), ashcombe-physio (a physiotherapy clinic), larkspur-florist (a florist),
# hollowmere-campsite (a campsite with glamping pods), fairhaven-kennels (boarding kennels
# and cattery), brightwater-swim (a swim school), oakhurst-opticians (an opticians),
# millbrook-pottery (a pottery studio). Follow-up sets: copperline-cycles, fernbank-vets,
# fairhaven-kennels, brightwater-swim, oakhurst-opticians, millbrook-pottery.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
SITE="${1:-copperline-cycles}"
shift || true
DATA="tests/data/heldout/$SITE"
QUESTIONS="$DATA/eval.yaml"
if [[ "${1:-}" == "--follow-ups" ]]; then
  QUESTIONS="$DATA/followups.yaml"
  shift
fi
[[ -f "$DATA/build_site.py" && -f "$DATA/account.yaml" && -f "$QUESTIONS" ]] \
  || { echo "no held-out site or question set at $QUESTIONS" >&2; exit 2; }
ensure_cargo
scripts/install-model.sh
cargo build -p salient-cli --bin salient >&2

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

port="$(free_port)"
python3 "$DATA/build_site.py" "$work/site" "http://127.0.0.1:$port"
python3 -m http.server --bind 127.0.0.1 --directory "$work/site" "$port" >"$work/http.log" 2>&1 &
pids+=($!)
wait_http "http://127.0.0.1:$port/sitemap.xml" 30

cp -r config "$work/config"
mkdir -p "$work/config/accounts/$SITE"
cp -r "$DATA/agents" "$work/config/accounts/$SITE/"
sed "s/PORT/$port/g" "$DATA/account.yaml" >"$work/config/accounts/$SITE/account.yaml"
export SALIENT_CONFIG_DIR="$work/config"
export SALIENT__STORAGE__PATH="$work/salient.db"
export SALIENT__KNOWLEDGE__VECTOR_STORE__PATH="$work/vectors.db"
export SALIENT__TELEMETRY__FILTER=warn

"$TARGET_DIR/debug/salient" ingest "$SITE" >&2
"$TARGET_DIR/debug/salient" eval "$SITE" --questions "$QUESTIONS" "$@"
