"""One app process over an existing index: cold start, ask() latency and where it goes, peak RSS.

    .venv/bin/python benchmarks/ask_probe.py --corpus DIR --index DIR [--questions 60]

Run by benchmarks/scale_bench.py in a fresh process (settings from the environment, e.g.
QA_EMBEDDINGS=none). Prints one JSON line when the first answer is done (the parent measures
process start to that line) and one JSON line of results at the end.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    at = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[at]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--questions", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    from agent.config import Settings
    from agent.policyqa import PolicyQA
    from benchmarks.lookalike import questions
    from ingest.normalize import normalize_query

    asked = questions(args.questions + 1, args.seed)
    qa = PolicyQA.open(corpus_dir=args.corpus, index_dir=args.index, settings=Settings.from_env(),
                       refresh=False)
    first = qa.ask(asked[0])
    print(json.dumps({"event": "first_answer", "refused": first.refused}), flush=True)

    parts: dict[str, list[float]] = {k: [] for k in ("query_vector", "bm25", "chroma", "retrieve", "ask")}
    retriever, index = qa.retriever, qa.index
    for question in asked[1:]:
        started = time.perf_counter()
        vector = qa.embedder.query(normalize_query(question))
        parts["query_vector"].append(time.perf_counter() - started)
        started = time.perf_counter()
        index.lexical.scores(index.segmenter.tokens(normalize_query(question)))
        parts["bm25"].append(time.perf_counter() - started)
        if index.vectors is not None:
            started = time.perf_counter()
            index.vectors.query(vector, 50)
            parts["chroma"].append(time.perf_counter() - started)
        started = time.perf_counter()
        qa.retrieve(question, k=6)
        parts["retrieve"].append(time.perf_counter() - started)
        started = time.perf_counter()
        qa.ask(question)
        parts["ask"].append(time.perf_counter() - started)

    result = {
        "event": "done",
        "documents": len(index.documents),
        "chunks": len(index.chunks),
        "sentence_vectors": int(index.sentence_vectors.shape[0]),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "ms": {
            name: {f"p{int(p * 100)}": 1000 * percentile(v, p) for p in (0.5, 0.95, 0.99)}
            for name, v in parts.items()
            if v
        },
        "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "sentence_transformers")),
    }
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
