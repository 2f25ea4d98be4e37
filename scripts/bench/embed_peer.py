"""The peer side of scripts/bench-embed.sh: sentence-transformers (PyTorch) on the CPU.

  embed_peer.py texts MODEL_DIR OUT.json [N]       writes N deterministic chunk texts
  embed_peer.py run MODEL_DIR TEXTS.json THREADS BATCH [VECTORS.json]
                                                   times model.encode, prints one JSON line
  embed_peer.py compare A.json B.json              lowest cosine between two vector files

The texts are shop-like chunks of about 150-250 WordPiece tokens (product copy, policies,
FAQs with SKUs and prices), made from a fixed seed so every run times the same input.
"""

import json
import os
import random
import sys
import time

WORDS = {
    "product": ["jacket", "backpack", "kettle", "lamp", "sneaker", "blender", "tent", "watch",
                "headphones", "chair", "mattress", "camera", "drill", "stroller", "espresso machine"],
    "material": ["recycled polyester", "merino wool", "stainless steel", "oak", "aluminium",
                 "organic cotton", "leather", "ceramic", "bamboo", "nylon ripstop"],
    "adjective": ["lightweight", "durable", "waterproof", "compact", "adjustable", "quiet",
                  "breathable", "foldable", "ergonomic", "energy-efficient", "washable"],
    "verb": ["ships", "arrives", "comes", "folds", "charges", "cleans", "adjusts", "packs"],
    "policy": ["returns", "exchanges", "warranty claims", "refunds", "repairs", "price matching"],
    "place": ["Germany", "the United States", "Canada", "France", "Japan", "the EU", "Australia"],
}

TEMPLATES = [
    "The {adjective} {product} is made of {material} and {verb} in two to four business days.",
    "Our {product} (SKU {sku}) costs ${price} and {verb} with a {years}-year warranty.",
    "Customers in {place} can request {policy} within {days} days of delivery.",
    "Q: Is the {product} {adjective}? A: Yes, the {material} shell keeps it {adjective} in daily use.",
    "To clean the {product}, wipe the {material} parts with a damp cloth; never use bleach.",
    "Orders over ${price} ship free to {place}; express delivery costs ${small} extra.",
    "The {product} weighs {weight} kg, measures {dim} x {dim} x {dim} cm and {verb} flat.",
    "If your {product} arrives damaged, contact support with order number {order} for {policy}.",
    "Compared with last year's model, the new {product} is {percent}% lighter and more {adjective}.",
    "Gift cards cannot be used for {policy}; store credit is issued within {days} days.",
]


def sentence(rng):
    template = rng.choice(TEMPLATES)
    fields = {k: rng.choice(v) for k, v in WORDS.items()}
    fields.update(
        sku=f"{rng.choice('ABCDEFGH')}{rng.randint(100, 999)}-{rng.randint(10, 99)}",
        price=f"{rng.randint(9, 499)}.{rng.randint(0, 99):02d}",
        small=f"{rng.randint(4, 19)}.{rng.randint(0, 99):02d}",
        years=rng.randint(1, 5), days=rng.choice([14, 30, 60, 90]),
        weight=f"{rng.uniform(0.2, 25):.1f}", dim=rng.randint(10, 120),
        order=f"#{rng.randint(100000, 999999)}", percent=rng.randint(5, 40),
    )
    return template.format(**fields)


def make_texts(model_dir, n):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tokenizer.no_truncation()  # tokenizer.json truncates at 128; the count must not stop
    rng = random.Random(20261201)
    texts = []
    while len(texts) < n:
        target = rng.randint(150, 250)
        parts = []
        while True:
            parts.append(sentence(rng))
            count = len(tokenizer.encode(" ".join(parts)).ids)
            if count >= target:
                break
        texts.append(" ".join(parts))
    return texts


def run(model_dir, texts_path, threads, batch, vectors_out=None):
    import torch

    torch.set_num_threads(threads)
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    texts = json.load(open(texts_path))
    started = time.perf_counter()
    model = SentenceTransformer(model_dir, device="cpu")
    load_s = time.perf_counter() - started
    with torch.inference_mode():
        model.encode(texts[:32], batch_size=batch)  # warm-up
        started = time.perf_counter()
        vectors = model.encode(texts, batch_size=batch, normalize_embeddings=True)
        seconds = time.perf_counter() - started
    if vectors_out:
        json.dump(vectors.tolist(), open(vectors_out, "w"))
    print(json.dumps({
        "engine": f"sentence-transformers {__import__('sentence_transformers').__version__}"
                  f" / torch {torch.__version__}",
        "threads": torch.get_num_threads(),
        "batch": batch,
        "texts": len(texts),
        "seconds": seconds,
        "chunks_per_s": len(texts) / seconds,
        "load_ms": load_s * 1000,
    }))


def compare(a_path, b_path):
    import numpy as np

    a = np.array(json.load(open(a_path)), dtype=np.float64)
    b = np.array(json.load(open(b_path)), dtype=np.float64)
    cos = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    print(json.dumps({"vectors": len(cos), "min_cosine": float(cos.min()),
                      "mean_cosine": float(cos.mean())}))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "texts":
        texts = make_texts(sys.argv[2], int(sys.argv[4]) if len(sys.argv) > 4 else 256)
        json.dump(texts, open(sys.argv[3], "w"))
    elif command == "run":
        run(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
            sys.argv[6] if len(sys.argv) > 6 else None)
    elif command == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
