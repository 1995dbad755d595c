"""One app process over an existing index: cold start, ask() latency and where it goes, peak RSS.

    .venv/bin/python benchmarks/ask_probe.py --corpus DIR --index DIR [--questions 60]
    .venv/bin/python benchmarks/ask_probe.py --corpus corpus --index .index --dataset evals/dataset.jsonl --questions 100

Run by benchmarks/scale_bench.py in a fresh process (settings from the environment, e.g.
QA_EMBEDDINGS=none). Prints one JSON line when the first passages are retrieved (the parent
measures process start to that line), then times retrieval and its parts, then ask() within a
time budget (the first answer builds the offline answerer's corpus-wide tables), and prints one
JSON line of results.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import threading
import time
from pathlib import Path

STARTED = time.perf_counter()

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM). Not ru_maxrss: a child started by a large
    process reports the parent's peak there (Linux carries the old memory's high-water mark
    across exec), which made earlier runs report the ingest's peak as the app's."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    parser.add_argument("--dataset", type=Path,
                        help="ask the questions of this JSONL eval dataset instead of generated ones "
                             "(the shipped corpus: evals/dataset.jsonl)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ask-budget", type=float, default=300.0, help="seconds for ask() calls")
    args = parser.parse_args(argv)

    from agent.config import Settings
    from agent.policyqa import PolicyQA
    from benchmarks.lookalike import questions
    from ingest.normalize import normalize_query

    marks = {"import": (time.perf_counter(), _cpu())}
    if args.dataset:
        rows = [json.loads(line) for line in args.dataset.read_text(encoding="utf-8").splitlines() if line.strip()]
        asked = [row["question"] for row in rows][: args.questions + 1]
    else:
        asked = questions(args.questions + 1, args.seed)
    qa = PolicyQA.open(corpus_dir=args.corpus, index_dir=args.index, settings=Settings.from_env(),
                       refresh=False)
    marks["open"] = (time.perf_counter(), _cpu())
    qa.retrieve(asked[0], k=6)
    marks["first_passages"] = (time.perf_counter(), _cpu())
    print(json.dumps({"event": "first_passages"}), flush=True)
    qa.ask(asked[0])  # the first answer: builds the answerer's tables (role book, corpus texts)
    marks["first_answer"] = (time.perf_counter(), _cpu())

    parts: dict[str, list[float]] = {k: [] for k in ("query_vector", "bm25", "chroma", "retrieve", "ask")}
    index = qa.index
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

    # ask(): the first answer builds the answerer's corpus-wide tables; give it a budget
    asks: list[float] = []
    done = threading.Event()

    def answer_all() -> None:
        for question in asked:
            started = time.perf_counter()
            qa.ask(question)
            asks.append(time.perf_counter() - started)
            if time.perf_counter() - budget_start > args.ask_budget:
                break
        done.set()

    budget_start = time.perf_counter()
    cpu_before = _cpu()
    threading.Thread(target=answer_all, daemon=True).start()
    done.wait(args.ask_budget)
    first_ask = {"wall_s": round(asks[0], 2) if asks else None, "answered": len(asks),
                 "cpu_s_so_far": round(_cpu() - cpu_before, 1), "budget_s": args.ask_budget}
    parts["ask"] = asks[1:]
    phases, last = {}, (STARTED, 0.0)
    for name, mark in marks.items():
        phases[name] = {"wall_s": round(mark[0] - last[0], 2), "cpu_s": round(mark[1] - last[1], 2)}
        last = mark

    result = {
        "event": "done",
        "documents": len(index.documents),
        "chunks": len(index.chunks),
        "sentence_vectors": int(index.sentence_vectors.shape[0]),
        "phases": phases,
        "first_ask": first_ask,
        "first_answer_from_start_s": round(marks["first_answer"][0] - STARTED, 2),
        "peak_rss_mb": _peak_rss_mb(),
        "ms": {
            name: {f"p{int(p * 100)}": 1000 * percentile(v, p) for p in (0.5, 0.95, 0.99)}
            for name, v in parts.items()
            if v
        },
        "modules": sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "sentence_transformers")),
    }
    print(json.dumps(result), flush=True)
    os._exit(0)  # an unfinished ask() thread must not keep the process alive


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


if __name__ == "__main__":
    sys.exit(main())
