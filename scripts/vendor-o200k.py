#!/usr/bin/env python3
"""Writes shared/core/data/o200k_base.ranks from OpenAI's o200k_base.tiktoken.

The .tiktoken file lists every ordinary token of the o200k encoding as one line,
"<base64 bytes> <rank>", ranks 0, 1, 2, ... in order. The .ranks file keeps the same
tokens in the same order without base64 or ranks: for each token, one byte with its
length (every o200k token is 1 to 128 bytes long), then its bytes. The core crate embeds
it and reads it into a hash table keyed by slices of the embedded bytes (no copy), so the
tokenizer costs a few MB instead of tiktoken-rs's tables (knowledge/token_count.rs).

    scripts/vendor-o200k.py ~/.cargo/registry/src/*/tiktoken-rs-*/assets/o200k_base.tiktoken

A unit test (token_count::tests::vendored_ranks_equal_tiktoken) compares every rank with
tiktoken-rs's own table, so a wrong file fails the tests.
"""
import base64
import pathlib
import sys

source = pathlib.Path(sys.argv[1])
target = pathlib.Path(__file__).resolve().parent.parent / "shared/core/data/o200k_base.ranks"
out = bytearray()
for expected, line in enumerate(source.read_text().splitlines()):
    token_b64, rank = line.split()
    if int(rank) != expected:
        sys.exit(f"rank {rank} out of order (expected {expected})")
    token = base64.b64decode(token_b64)
    if not 1 <= len(token) <= 255:
        sys.exit(f"rank {rank}: {len(token)} bytes does not fit a one-byte length")
    out.append(len(token))
    out += token
target.write_bytes(bytes(out))
print(f"{target}: {expected + 1} tokens, {len(out)} bytes")
