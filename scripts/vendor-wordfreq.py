#!/usr/bin/env python3
"""Writes shared/core/data/en_word_frequency.txt from wordfreq's small English list.

wordfreq (PyPI, Robyn Speer) ships `wordfreq/data/small_en.msgpack.gz`: English words whose
frequency is at least one per million words, grouped by frequency in centibels (bucket n
holds the words seen about 10^(-n/100) of the time). The .txt keeps the buckets whose words
are letters alone, one line each: the bucket number, then its words. The core crate embeds it
to weigh a question's words by how rare they are in English (knowledge/word_frequency.rs).

    python3 -m pip download --no-deps wordfreq==3.1.1 && unzip wordfreq-3.1.1-*.whl 'wordfreq/data/small_en.msgpack.gz'
    python3 -m pip install msgpack
    scripts/vendor-wordfreq.py wordfreq/data/small_en.msgpack.gz
"""
import gzip
import pathlib
import sys

import msgpack

source = pathlib.Path(sys.argv[1])
target = pathlib.Path(__file__).resolve().parent.parent / "shared/core/data/en_word_frequency.txt"
header, *buckets = msgpack.unpackb(gzip.open(source).read(), raw=False)
if header != {"format": "cB", "version": 1}:
    sys.exit(f"unexpected header {header}")
lines = [
    "# English word frequencies from wordfreq 3.1.1 (https://github.com/rspeer/wordfreq),",
    "# small_en list, words of letters only. Each line: n, then the words seen about",
    "# 10^(-n/100) of the time. The data is licensed under CC BY-SA 4.0",
    "# (https://creativecommons.org/licenses/by-sa/4.0/); it is derived from Wikipedia,",
    "# Google Books Ngrams, OpenSubtitles, SUBTLEX, Reddit, Twitter, the Leeds Internet",
    "# Corpus and other sources listed in wordfreq's README. Written by scripts/vendor-wordfreq.py.",
]
words = 0
for centibels, bucket in enumerate(buckets):
    kept = [w for w in bucket if w.isalpha()]
    if kept:
        lines.append(f"{centibels} {' '.join(kept)}")
        words += len(kept)
target.write_text("\n".join(lines) + "\n")
print(f"{target}: {words} words")
