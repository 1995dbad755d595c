"""`open_index`: load a built index for querying (chunks, BM25, vectors, sentences, texts)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cached_property, partial
from pathlib import Path

import numpy as np

from ingest.chunkrefs import chunk_count
from ingest.collector import collector_paused
from ingest.config import IngestConfig
from ingest.errors import EmptyCorpusError, IndexDamagedError, IndexMismatchError
from ingest.index import VectorIndex
from ingest.integrity import text_digest, verify_folder
from ingest.lexical import LexicalIndex
from ingest.normalize import normalize
from ingest.pairs import PairTable
from ingest.records import document_from, lazy_document
from ingest.segment import Segmenter
from ingest.store import IndexFiles
from ingest.types import Chunk, LoadedDocument


@dataclass
class LoadedIndex:
    root: Path
    manifest: dict
    chunks: list[Chunk]
    lexical: LexicalIndex
    vectors: VectorIndex | None  # None in the lexical-first mode (QA_EMBEDDINGS=none)
    segmenter: Segmenter
    sentence_keys: list[tuple[str, int, int]]  # empty in the lexical-first mode
    sentence_vectors: np.ndarray  # one row per sentence key; (0, 0) in the lexical-first mode
    documents: dict[str, LoadedDocument]  # texts read on first use (`ingest.records.LazyDocument`)
    roles_file: Path | None = None  # the role table the ingest built (None: an older index)

    @property
    def embeddings(self) -> str:
        return self.manifest.get("embeddings", "")

    def chunks_of(self, source: str) -> list[Chunk]:
        """A document's chunks in index order (grouped once: looking up a sentence's neighbours
        does not walk the 239k chunks of a 10,000-document collection)."""
        return self._chunks_by_source.get(source, [])

    @cached_property
    def _chunks_by_source(self) -> dict[str, list[Chunk]]:
        grouped: dict[str, list[Chunk]] = {}
        for chunk in self.chunks:
            grouped.setdefault(chunk.source, []).append(chunk)
        return grouped

    @cached_property
    def term_df(self) -> dict[str, int]:
        """``{token: chunks whose search text has it}`` over ``segmenter.tokens`` (the BM25
        tokens), from the BM25 index: no re-tokenising of the corpus when an app starts."""
        return self.lexical.document_frequency()

    def normalized_text(self, source: str) -> str:
        """``normalize(text).text`` of a document: the copy the ingest kept in
        ``normdocs/<sha>.txt`` when it is there and matches its digest (``norm.json``), else
        computed."""
        doc = self.documents[source]
        digest = self._norm_digests.get(doc.sha256)
        if digest:
            try:  # (plain strings: pathlib costs more than the read for 10,000 small files)
                with open(os.path.join(self._norm_folder, doc.sha256 + ".txt"), encoding="utf-8") as f:
                    text = f.read()
            except (OSError, ValueError):
                text = None
            if text is not None and text_digest(text) == digest:
                return text
        return normalize(doc.text).text

    @cached_property
    def _norm_folder(self) -> str:
        return str(self.root / "normdocs")

    @cached_property
    def _norm_digests(self) -> dict[str, str]:
        try:
            path = self.root / self.generation / "norm.json"
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError, TypeError):
            return {}

    @cached_property
    def pair_table(self) -> PairTable | None:
        """The ingest's character-pair → documents table (`ingest.pairs`), memory-mapped on first
        use, its rows in the order of ``documents``; None for an index written before it had one
        (or one whose rows are other documents)."""
        name = self.generation
        if not name:
            return None
        table = PairTable.load(self.root / name)
        if table is None or table.shas != [d.sha256 for d in self.documents.values()]:
            return None
        return table

    @property
    def role_rows(self) -> dict[str, list] | None:
        """``{source: [[name, titles, start, end], ...]}`` from the ingest's role table (read
        each time: its one reader, `agent.offline.extract.roles.RoleBook`, keeps the roles it
        makes, and the parsed table, ~55 MB at 10,000 documents, need not stay), or None for an
        index built before it had one."""
        if self.roles_file is None or not self.roles_file.is_file():
            return None
        try:
            return dict(json.loads(self.roles_file.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise IndexDamagedError(self.roles_file, f"无法解析：{exc}") from exc

    @property
    def generation(self) -> str:
        """The generation in force when this index was opened (changes with every ingest
        that changes what is indexed)."""
        return self.manifest.get("generation", "")


def open_index(index_dir: Path, config: IngestConfig) -> LoadedIndex:
    """The index in ``index_dir``, read with the cyclic garbage collector off: the manifest and
    the chunks are millions of new objects, which its full collections would rescan as they
    come (nothing read here forms cycles to collect)."""
    with collector_paused():
        return _open_index(index_dir, config)


def _open_index(index_dir: Path, config: IngestConfig) -> LoadedIndex:
    files = IndexFiles(index_dir)
    manifest = files.read_manifest()
    if not manifest:
        raise EmptyCorpusError(
            f"索引目录 {index_dir} 中没有索引；请先运行 `python -m ingest` 或 `make run` 建立索引"
        )
    if manifest.get("embeddings") != config.embeddings:
        raise IndexMismatchError(
            f"索引由嵌入模型 {manifest.get('embeddings')} 构建，当前配置为 {config.embeddings}；"
            f"请运行 `python -m ingest rebuild` 用 {config.embeddings} 重建索引，"
            f"或把 QA_EMBEDDINGS 改回 {manifest.get('embeddings')}"
        )
    built_at = manifest.get("chroma_url", "")
    if built_at != config.chroma_url and not config.lexical_only:
        raise IndexMismatchError(
            f"索引的向量存放在{_store(built_at)}，当前配置为{_store(config.chroma_url)}；"
            "请运行 `python -m ingest` 同步到当前位置（已嵌入的向量会复用），或改回 QA_CHROMA_URL"
        )
    generation = files.current(manifest)
    if manifest.get("generation") and not generation.folder.is_dir():
        raise IndexDamagedError(generation.folder, "目录缺失")
    file_stamps, doc_stamps = files.read_stamps(manifest.get("generation", ""))
    verify_folder(generation.folder, manifest.get("files", {}), file_stamps)
    chunks = generation.read_chunks()
    keys, vectors = generation.read_sentences()
    documents = {
        source: _stored_document(files, source, entry, doc_stamps)
        for source, entry in manifest.get("documents", {}).items()
    }
    expected = chunk_count(manifest) if manifest.get("generation") else len(chunks)
    if len(chunks) != expected:
        raise IndexDamagedError(generation.folder / "chunks.json", f"有 {len(chunks)} 块，清单记录 {expected} 块")
    if "chunk_ids" in manifest:  # an older manifest listing the ids: one copy of the strings
        ids = [c.id for c in chunks]
        if manifest["chunk_ids"] == ids:
            manifest["chunk_ids"] = ids
    return LoadedIndex(
        root=index_dir,
        manifest=manifest,
        chunks=chunks,
        lexical=LexicalIndex.load(generation.bm25_dir, len(chunks), mmap=True),
        vectors=None
        if config.lexical_only
        else VectorIndex(index_dir, manifest.get("collection", config.collection), config.chroma_url),
        segmenter=Segmenter(generation.read_userdict()),
        sentence_keys=[tuple(k) for k in keys],
        sentence_vectors=vectors,
        documents=documents,
        roles_file=generation.folder / "roles.json",
    )


def _stored_document(
    files: IndexFiles, source: str, entry: dict, stamps: dict[str, list[int]]
) -> LoadedDocument:
    """The document's stored text, read on first use; read and checked now when the file's
    size or time differ from those recorded at commit (or none were recorded)."""
    sha, digest = entry["sha256"], entry.get("text_sha256", "")
    path = files.root / "docs" / f"{sha}.txt"
    try:
        st = path.stat()
    except OSError:
        raise IndexDamagedError(path, "文件缺失") from None
    if stamps.get(sha) == [st.st_size, st.st_mtime_ns]:
        return lazy_document(source, entry, partial(files.read_document_text, sha, digest))
    return document_from(source, files.read_document_text(sha, digest), entry)


def _store(chroma_url: str) -> str:
    return f" Chroma 服务 {chroma_url} " if chroma_url else "本地 Chroma（索引目录内）"
