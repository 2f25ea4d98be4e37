"""How far abstention can go on the signals a turn has, measured on the held-out sites.

Reads the JSON lines `salient eval --dump` writes (one file per site), embeds each question,
its five best candidate chunks and their sentences with the same MiniLM the product uses
(sentence-transformers), and fits logistic regressions that tell unanswerable questions from
answerable ones:

- "scalars": the judgement's own figures (best fused and lexical scores, agreement, unknown
  share, kind cover) plus the best cosine of the question with a chunk and with a sentence;
- "scalars + embeddings": those and the element-wise product and distance of the question's
  and the best chunk's vectors (768 more features: a learned similarity).

Each site is predicted by a model fitted on the other sites only (leave one site out). The
report gives, for the rule as shipped and for each model, the abstention recall at which
answerable questions are wrongly abstained at most 3, 5 and 8 % of the time, with the bar
chosen on the predictions themselves (so the models' figures are an upper bound).

    python abstain_probe.py MODEL_DIR DUMP.jsonl [DUMP.jsonl ...]
"""

import json
import re
import sys

import numpy as np
from sentence_transformers import SentenceTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

TOP = 5


def load(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                # Questions answered by the account's lists name no page: not a page verdict.
                if row["answerable"] and not row["expected"]:
                    continue
                if row["relevance"] is None:
                    continue
                rows.append(row)
    return rows


def chunk_text(candidate):
    record = candidate["record"]
    return ". ".join([record["title"], " › ".join(record["heading_path"]), record["text"]])


def sentences(text):
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n+", text) if len(s.strip()) > 15]


def features(rows, model):
    questions = model.encode([r["question"] for r in rows], normalize_embeddings=True)
    # Every text is embedded in one call per kind, then looked up by question.
    chunk_of, chunk_texts, sentence_of, sentence_texts = [], [], [], []
    for i, row in enumerate(rows):
        for candidate in row["candidates"][:TOP]:
            chunk_of.append(i)
            chunk_texts.append(chunk_text(candidate))
            for said in sentences(candidate["record"]["text"]):
                sentence_of.append(i)
                sentence_texts.append(said)
    chunks = model.encode(chunk_texts, normalize_embeddings=True, batch_size=64)
    said = model.encode(sentence_texts, normalize_embeddings=True, batch_size=128)
    chunk_of, sentence_of = np.array(chunk_of), np.array(sentence_of)
    scalars, pairs = [], []
    for i, (row, q) in enumerate(zip(rows, questions)):
        mine = chunks[chunk_of == i]
        sentence_best = float((said[sentence_of == i] @ q).max()) if (sentence_of == i).any() else 0.0
        r = row["relevance"]
        kind = r["kind_cover"]
        scalars.append(
            [
                r["best_score"],
                r["best_lexical"],
                float(r["signals_agree"]),
                r["unknown"],
                -1.0 if kind is None else kind,
                float(kind is None),
                float((mine @ q).max()),
                sentence_best,
            ]
        )
        pairs.append(np.concatenate([q * mine[0], np.abs(q - mine[0])]))
    return np.array(scalars), np.array(pairs)


def out_of_fold(x, y, sites, c):
    p = np.zeros(len(y))
    for site in np.unique(sites):
        train, test = sites != site, sites == site
        scale = StandardScaler().fit(x[train])
        fit = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
        fit.fit(scale.transform(x[train]), y[train])
        p[test] = fit.predict_proba(scale.transform(x[test]))[:, 1]
    return p


def recall_at(p, y, wrongly):
    answerable = np.sort(p[y == 0])[::-1]
    bar = answerable[int(len(answerable) * wrongly)]
    return float((p[y == 1] > bar).mean())


def main():
    model_dir, paths = sys.argv[1], sys.argv[2:]
    rows = load(paths)
    y = np.array([0 if r["answerable"] else 1 for r in rows])
    sites = np.array([r["account"] for r in rows])
    model = SentenceTransformer(model_dir, device="cpu")
    scalars, pairs = features(rows, model)
    print(
        f"{len(np.unique(sites))} sites, {int((y == 0).sum())} answerable and "
        f"{int((y == 1).sum())} unanswerable questions"
    )
    shipped = np.array([1.0 if r["abstained"] else 0.0 for r in rows])
    print(
        f"the rule as shipped: recall {shipped[y == 1].mean():.3f}, "
        f"wrongly abstained {shipped[y == 0].mean():.3f}"
    )
    print("recall at wrongly abstained <=       3 %     5 %     8 %")
    for name, x, c in [
        ("scalars", scalars, 1.0),
        ("scalars + embeddings", np.hstack([scalars, pairs]), 0.01),
    ]:
        p = out_of_fold(x, y, sites, c)
        figures = "   ".join(f"{recall_at(p, y, w):.3f}" for w in (0.03, 0.05, 0.08))
        print(f"{name:36} {figures}")


if __name__ == "__main__":
    main()
