"""Trace one question through the offline pipeline: the question's analysis, the candidate
sentences each stage leaves (best first), and the stage that settled or refused it. For reading a
failure on a probe or a corpus of one's own, not for scoring.

    .venv/bin/python benchmarks/trace_question.py evals/probes/probe48 "甏垱县幼儿资助一个学期能给多少钱？"
    .venv/bin/python benchmarks/trace_question.py corpus "并济科技的算力接入了哪个经济圈？" --index-dir .index

A probe folder (corpus/ and qs.tsv) keeps its index under --index-root as notice_probes.py does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from agent import PolicyQA, Settings
from agent.offline.draft import Draft


def trace(qa: PolicyQA, question: str, top: int = 6) -> Draft:
    """Run the stages one by one, printing what each changes; returns the last draft."""
    draft = Draft(question=question)
    for stage in qa.offline.pipeline.stages:
        before = draft.candidates
        draft = stage(draft)
        if type(stage).__name__ == "Analyze" and draft.q is not None:
            q = draft.q
            print(f"question: {q.qtype} terms={q.terms} asked={q.asked} kind={q.kind!r} names={q.names} unit={q.unit!r}")
        if draft.candidates != before:
            print(f"== after {type(stage).__name__}")
            for c in draft.candidates[:top]:
                print(f"  {c.score:.3f} {c.source.rsplit('/', 1)[-1]} {c.text[:90]}")
        if draft.done:
            break
    print(f"decided by {draft.decided_by}: short={draft.short!r} refusal={draft.refusal}")
    for cand in draft.evidence[:3]:
        print(f"  quoted {cand.source.rsplit('/', 1)[-1]} {cand.text[:100]}")
    return draft


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folder", type=Path, help="a probe folder (corpus/ inside) or a corpus folder")
    p.add_argument("question")
    p.add_argument("--index-dir", type=Path, help="index folder (default: under --index-root for a probe)")
    p.add_argument("--index-root", type=Path, default=Path(".cache/probes"))
    p.add_argument("--top", type=int, default=6, help="candidates shown after each stage")
    args = p.parse_args(argv)
    probe = (args.folder / "corpus").is_dir()
    corpus = args.folder / "corpus" if probe else args.folder
    if not corpus.is_dir():
        print(f"trace_question: {corpus} is not a folder", file=sys.stderr)
        return 2
    index_dir = args.index_dir or (args.index_root / args.folder.name if probe else Path(".index"))
    qa = PolicyQA.open(corpus_dir=corpus, index_dir=index_dir, settings=Settings.from_env())
    trace(qa, args.question, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
