"""`open_index`: load a built index for querying (chunks, BM25, vectors, sentences, texts)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.config import IngestConfig
from ingest.errors import EmptyCorpusError, IndexMismatchError
from ingest.index import VectorIndex
from ingest.lexical import LexicalIndex
from ingest.segment import Segmenter
from ingest.store import IndexFiles, document_from
from ingest.types import Chunk, LoadedDocument


@dataclass
class LoadedIndex:
    root: Path
    manifest: dict
    chunks: list[Chunk]
    lexical: LexicalIndex
    vectors: VectorIndex
    segmenter: Segmenter
    sentence_keys: list[tuple[str, int, int]]
    sentence_vectors: np.ndarray
    documents: dict[str, LoadedDocument]

    @property
    def embeddings(self) -> str:
        return self.manifest.get("embeddings", "")


def open_index(index_dir: Path, config: IngestConfig) -> LoadedIndex:
    files = IndexFiles(index_dir)
    manifest = files.read_manifest()
    if not manifest:
        raise EmptyCorpusError(
            f"索引目录 {index_dir} 中没有索引；请先运行 `python -m ingest` 或 `make run` 建立索引"
        )
    if manifest.get("embeddings") != config.embeddings:
        raise IndexMismatchError(
            f"索引由嵌入模型 {manifest.get('embeddings')} 构建，当前配置为 {config.embeddings}；"
            "请运行 `python -m ingest rebuild` 重建索引"
        )
    chunks = files.read_chunks()
    keys, vectors = files.read_sentences()
    documents = {
        source: document_from(source, files.read_document_text(entry["sha256"]), entry)
        for source, entry in manifest.get("documents", {}).items()
    }
    return LoadedIndex(
        root=index_dir,
        manifest=manifest,
        chunks=chunks,
        lexical=LexicalIndex.load(index_dir / "bm25"),
        vectors=VectorIndex(index_dir, manifest.get("collection", config.collection), config.chroma_url),
        segmenter=Segmenter(files.read_userdict()),
        sentence_keys=[tuple(k) for k in keys],
        sentence_vectors=vectors,
        documents=documents,
    )
