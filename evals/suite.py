"""The whole eval run: for each distractor level, index the corpus, run PolicyQA and the
baselines on every case, and collect metrics into one JSON-ready report."""

from __future__ import annotations

import os
import platform
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from agent import PolicyQA, Settings
from evals.baselines import BM25Jieba, HybridPolicyQA, LangChainDense
from evals.cases import DATASET_PATH, Case, load_cases
from evals.distractors import write_corpus
from evals.metrics import by_category, first_hit_rank
from evals.runner import run_answerer, run_retriever
from evals.sampling import spread
from ingest.embeddings import load_embedder

LABELS = {
    "policyqa": "PolicyQA (offline answers)",
    "policyqa-llm": "PolicyQA (LLM answers)",
    "policyqa-retrieval": "PolicyQA retrieval, top-1 chunk",
    "langchain-dense": "LangChain tutorial, top-1 chunk",
    "bm25-jieba": "BM25 jieba, top-1 chunk",
}
ANSWERERS = ("policyqa", "policyqa-llm")


@dataclass(frozen=True)
class SuiteOptions:
    settings: Settings
    corpus_dir: Path = Path("corpus")
    dataset: Path = DATASET_PATH
    levels: tuple[int, ...] = (0,)
    seed: int = 0
    baselines: bool = True
    index_dir: Path | None = None  # None: a temporary index, removed afterwards
    cache_path: Path | None = None  # SQLite passage-vector cache; None: embed everything
    sample: int | None = None  # run only this many cases, spread over the categories
    embedder: object | None = field(default=None, compare=False)


def run_suite(options: SuiteOptions, progress: Callable[[str], None] = print) -> dict:
    started = time.perf_counter()
    cases = load_cases(options.dataset)
    if options.sample:
        cases = spread(cases, options.sample)
    embedder = options.embedder or load_embedder(options.settings.ingest.embeddings)
    if options.cache_path is not None:
        from evals.embedding_cache import CachedEmbedder

        embedder = CachedEmbedder(embedder, options.cache_path)
    levels = []
    with tempfile.TemporaryDirectory(prefix="policyqa-evals-") as tmp:
        index_dir = options.index_dir or Path(tmp) / "index"
        uses_copy = any(n > 0 for n in options.levels)
        for count in sorted(set(options.levels)):
            corpus = options.corpus_dir
            if uses_copy:  # distractors go into a temporary copy named like the real folder
                corpus = Path(tmp) / options.corpus_dir.resolve().name
                write_corpus(options.corpus_dir, corpus, count, options.seed)
            progress(f"[N={count}] indexing {corpus} …")
            t0 = time.perf_counter()
            qa = PolicyQA.open(
                corpus_dir=corpus, index_dir=index_dir, settings=options.settings, embedder=embedder
            )
            index_seconds = time.perf_counter() - t0
            progress(f"[N={count}] {len(qa.index.documents)} documents, {len(qa.index.chunks)} "
                     f"chunks, indexed in {index_seconds:.1f} s; running {len(cases)} cases …")
            # later levels keep full answers of failing cases only, so a sweep report stays small
            level = run_level(qa, cases, options.baselines, progress, full_cases=not levels)
            level.update(distractors=count, seed=options.seed, index_seconds=round(index_seconds, 2))
            levels.append(level)
    cache = getattr(embedder, "misses", None)
    return {
        "version": 1,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "dataset": _relative(options.dataset),
        "cases": len(cases),
        "corpus": str(options.corpus_dir),
        "llm": {"enabled": options.settings.llm.enabled, "model": options.settings.llm.model},
        "machine": {
            "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
        },
        "embedding_cache": None if cache is None else {
            "path": str(options.cache_path), "hits": embedder.hits, "misses": embedder.misses,
        },
        "wall_seconds": round(time.perf_counter() - started, 1),
        "levels": levels,
    }


def offline_twin(qa: PolicyQA) -> PolicyQA:
    """The same index and embedder with the LLM switched off (for side-by-side LLM runs)."""
    llm = replace(qa.settings.llm, base_url="", model="")
    return PolicyQA(qa.settings.with_(llm=llm), qa.index, qa.embedder)


def run_level(
    qa: PolicyQA, cases: list[Case], baselines: bool, progress, full_cases: bool = True
) -> dict:
    started = time.perf_counter()
    hybrid = run_retriever(HybridPolicyQA(qa), cases, progress)
    ranks = {r.id: r.rank for r in hybrid}
    systems: dict[str, list] = {}
    if qa.settings.llm.enabled:
        systems["policyqa"] = run_answerer(offline_twin(qa), cases, ranks, progress)
        systems["policyqa-llm"] = run_answerer(qa, cases, ranks, progress)
    else:
        systems["policyqa"] = run_answerer(qa, cases, ranks, progress)
    systems["policyqa-retrieval"] = hybrid
    unreachable = {"policyqa-retrieval": _unreachable(cases, [c.text for c in qa.index.chunks])}
    chunk_counts = {"policyqa-retrieval": len(qa.index.chunks)}
    if baselines:
        from agent.langchain_adapter import EmbedderEmbeddings

        t0 = time.perf_counter()
        dense = LangChainDense(qa.documents(), EmbedderEmbeddings(qa.embedder))
        progress(f"  {dense.name}: {dense.chunks} chunks indexed in {time.perf_counter() - t0:.1f} s")
        bm25 = BM25Jieba(qa.index.chunks, qa.index.segmenter)
        try:
            for baseline in (dense, bm25):
                systems[baseline.name] = run_retriever(baseline, cases, progress)
                unreachable[baseline.name] = _unreachable(cases, baseline.texts)
                chunk_counts[baseline.name] = baseline.chunks
        finally:
            dense.close()
    return {
        "documents": len(qa.index.documents),
        "chunks": len(qa.index.chunks),
        "run_seconds": round(time.perf_counter() - started, 2),
        "systems": {
            name: {
                "label": LABELS[name],
                "kind": "answerer" if name in ANSWERERS else "top-1 chunk",
                "chunks": chunk_counts.get(name),
                "evidence_unreachable": unreachable.get(name, []),
                "metrics": by_category(records),
            }
            for name, records in systems.items()
        },
        "cases": {
            name: [
                r.to_dict(compact=name not in ANSWERERS or (r.passed and not full_cases))
                for r in records
            ]
            for name, records in systems.items()
        },
    }


def _unreachable(cases: list[Case], chunk_texts: list[str]) -> list[str]:
    """Ids of cases whose evidence no single chunk contains (no retriever can hit them)."""
    return [c.id for c in cases if c.evidence and first_hit_rank(chunk_texts, c.evidence) is None]


def _relative(path: Path) -> str:
    """``path`` relative to the working directory when it lies below it (reports get committed)."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
