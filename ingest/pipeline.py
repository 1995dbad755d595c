"""`sync_corpus`: bring the index in line with a corpus folder. The one entry point of ingestion.

Stages: 读取 (list, hash, load what changed), 分块 (chunk every document), 嵌入 (embed the
texts no earlier run embedded), 写入索引 (Chroma records, BM25, files, then the manifest).

Crash safety: the target state is a pure function of the corpus and the settings. A run adds
missing or outdated Chroma records, builds a new generation of files next to the current one,
and only then replaces ``manifest.json`` (the commit point) and deletes records and files the
new manifest no longer needs. A run killed at any point leaves the previous manifest and its
files intact; the next run recomputes the same target, reuses every vector already embedded
(``embcache``), and ends with the same index as an uninterrupted run: no duplicates (records
are keyed by content-hash ids), no orphans (every id outside the target is deleted).
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ingest.chunking import chunk_document
from ingest.chunkrefs import chunk_count, chunk_counts
from ingest.chunktable import ChunkTable
from ingest.collector import collector_paused
from ingest.config import IngestConfig
from ingest.diskspace import disk_full_message, is_disk_full
from ingest.embcache import EmbeddingCache, text_key
from ingest.embeddings import Embedder, load_embedder
from ingest.errors import DiskFullError, IndexDamagedError, IndexMismatchError
from ingest.freshness import Wanted, index_is_current, settings_record
from ingest.index import VectorIndex, discard_local, fingerprint
from ingest.integrity import folder_digests
from ingest.lexbuild import (
    LEXICAL_VERSION,
    Previous,
    build_lexical,
    chunk_table,
    load_previous,
    write_lexical,
)
from ingest.loaders import SUPPORTED_SUFFIXES as SUPPORTED
from ingest.loaders import load_document
from ingest.normalize import normalize
from ingest.pooling import pool_chunks
from ingest.progress import ProgressCallback, Stages
from ingest.records import compact_entry, meta_to_dict
from ingest.scan import NOT_DOCUMENTS, list_corpus, scan_corpus
from ingest.store import Generation, IndexFiles, generation_name
from ingest.types import Chunk, IngestReport, LoadedDocument
from ingest.vocabulary import load_userdict

__all__ = ["NOT_DOCUMENTS", "SUPPORTED", "list_corpus", "sync_corpus"]

log = logging.getLogger(__name__)


def sync_corpus(
    corpus_dir: Path,
    index_dir: Path,
    config: IngestConfig | None = None,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    loader: Callable[[Path, str, int], LoadedDocument] | None = None,
    progress: ProgressCallback | None = None,
) -> IngestReport:
    """Index ``corpus_dir`` into ``index_dir``; ``rebuild`` starts from nothing (new backend, or
    a damaged index).

    ``progress`` receives a `ProgressEvent` (stage, done/total, overall fraction, ETA) as work
    advances; without it a single overall bar is drawn on stderr when ``config.progress``.
    A full disk raises `DiskFullError`; the committed index is then left as it was.

    The cyclic garbage collector is off while it runs: its full collections rescan every live
    object (a 10,000-document manifest, chunk table and term lists are millions, and so is an
    app's open index), ~0.5 s of a one-document re-sync at 10,000; what a sync frees, it frees
    by reference counts."""
    try:
        with collector_paused():
            return _sync(corpus_dir, index_dir, config, embedder, rebuild, loader, progress)
    except OSError as exc:
        if is_disk_full(exc):
            raise DiskFullError(disk_full_message(index_dir, exc)) from exc
        raise


def _sync(
    corpus_dir: Path,
    index_dir: Path,
    config: IngestConfig | None,
    embedder: Embedder | None,
    rebuild: bool,
    loader: Callable[[Path, str, int], LoadedDocument] | None,
    progress: ProgressCallback | None,
) -> IngestReport:
    config = config or IngestConfig()
    started = time.perf_counter()
    files = IndexFiles(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    try:
        manifest = files.read_manifest()
    except IndexDamagedError:
        if not rebuild:
            raise
        manifest = {}  # a rebuild needs nothing from it
    if not rebuild:
        _check_backend(manifest, embedder.spec if embedder is not None else config.embeddings)
    embedder = embedder or load_embedder(config.embeddings)
    lexical_only = embedder.dim == 0
    # connect first: a wrong QA_CHROMA_URL fails now, not after minutes of embedding
    vector_index = None
    if not lexical_only:
        def connect() -> VectorIndex:
            return VectorIndex(
                index_dir, config.collection, config.chroma_url, embedder.spec, config.chunk_vectors
            )

        try:
            vector_index = connect()
        except IndexDamagedError:
            if not rebuild or config.chroma_url:
                raise
            discard_local(index_dir)  # the embedded database is derived: a rebuild starts it anew
            vector_index = connect()
    if rebuild:
        shutil.rmtree(index_dir / "embcache", ignore_errors=True)
    stages = Stages(config.progress, progress)

    listing = list_corpus(corpus_dir)
    planned = sum(_size(path) for _, path in listing) // 3  # UTF-8 Chinese: ~3 bytes a character
    for stage in ("读取", "分块", "写入索引"):
        stages.plan(stage, planned)
    stages.plan("嵌入", 0 if lexical_only else planned)
    with stages.stage("读取", len(listing), "个文件") as bar:
        old_docs = {} if rebuild else manifest.get("documents", {})
        scan = scan_corpus(
            listing, files, old_docs, config.max_file_bytes, loader or load_document, bar.update,
            corpus_dir=corpus_dir,
        )
    stages.count_chars("读取", scan.chars_loaded)
    docs = scan.docs
    settings = settings_record(config, corpus_dir)
    mode = "none" if lexical_only else config.chunk_vectors
    current = Wanted(embedder.spec, mode, config.collection, config.chroma_url, settings)
    if not rebuild and index_is_current(scan, manifest, current, files, vector_index):
        stages.finish()
        return IngestReport(
            unchanged=scan.unchanged,
            skipped=scan.skipped,
            chunks=chunk_count(manifest),
            seconds=time.perf_counter() - started,
            stage_seconds=stages.seconds,
            stage_chars=stages.chars,
        )
    corpus_chars = sum(_chars(d) for d in docs.values())
    stages.plan("分块", corpus_chars)
    stages.plan("写入索引", corpus_chars)
    # the committed generation's chunks, tokens, vocabulary and roles of unchanged documents
    previous = None if rebuild else load_previous(files, manifest, settings)

    with stages.stage("分块", len(docs), "个文档") as bar:
        # same bytes, same settings: same chunks, copied as rows of the previous table
        table, chunked = chunk_table(
            docs, previous,
            lambda doc: chunk_document(doc, config.chunk_min_chars, config.chunk_max_chars),
            bar.update,
        )
    stages.count_chars("分块", chunked)
    # chunk objects only where vectors need them (sentences, Chroma metadata, pooling)
    chunks: list[Chunk] = [] if lexical_only else table.chunks()

    if lexical_only:  # nothing to embed; the answerer sees no sentence vectors
        sentence_keys, sentence_texts = [], []
    else:
        sentence_keys, sentence_texts = _sentences(chunks, docs)
    pooled = config.chunk_vectors == "pooled" and not lexical_only
    chunk_texts = [] if pooled or lexical_only else [c.search_text for c in chunks]
    texts = chunk_texts + sentence_texts
    keys = [text_key(embedder.spec, t) for t in texts]
    cache = EmbeddingCache(index_dir / "embcache", embedder.spec)
    missing = sorted({k: t for k, t in zip(keys, texts) if cache.get(k) is None}.items())
    stages.plan("嵌入", sum(len(t) for _, t in missing))
    with stages.stage("嵌入", len(missing), "条") as bar:
        for lo in range(0, len(missing), config.embed_batch):
            batch = missing[lo : lo + config.embed_batch]
            cache.put_many([k for k, _ in batch], embedder.passages([t for _, t in batch]))
            bar.update(len(batch), chars=sum(len(t) for _, t in batch))
    stages.count_chars("嵌入", sum(len(t) for _, t in missing))
    rows = np.stack([cache.get(k) for k in keys]) if keys else np.zeros((0, embedder.dim))
    rows = rows.astype(np.float32, copy=False)
    if pooled:
        sentence_vectors = rows
        chunk_vectors = pool_chunks(chunks, sentence_keys, sentence_vectors)
    else:
        chunk_vectors, sentence_vectors = rows[: len(chunk_texts)], rows[len(chunk_texts) :]

    with stages.stage("写入索引", 4, "步") as bar:
        target = _Target(
            docs, table, chunks, chunk_vectors, sentence_keys, sentence_vectors, embedder.spec,
            embedder.dim, settings,
        )
        lexical_stats = _write_index(
            files, manifest, target, vector_index, config, corpus_dir, rebuild, stages, bar.update,
            previous,
        )
        with stages.step("清理"):
            try:
                cache.compact(set(keys))
            except OSError as exc:  # after the commit: the index is whole, the cache stays as is
                if not is_disk_full(exc):
                    raise
                log.warning("嵌入缓存未能整理（%s）；索引已更新，下次同步时再整理", exc.strerror)
        bar.update(1)
    stages.count_chars("写入索引", int(table.rows[:, 6].sum()))
    stages.finish()

    return IngestReport(
        added=scan.added,
        updated=scan.updated,
        removed=scan.removed,
        unchanged=scan.unchanged,
        skipped=scan.skipped,
        chunks=len(table),
        embedded=len(missing),
        seconds=time.perf_counter() - started,
        stage_seconds=stages.seconds,
        stage_chars=stages.chars,
        step_seconds=stages.steps,
        lexical=lexical_stats,
    )


def _chars(doc: LoadedDocument) -> int:
    """Characters of a document, without reading a stored text only to count them."""
    if getattr(doc, "loaded", True):
        return len(doc.text)
    return doc.stored_chars


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


@dataclass(frozen=True)
class _Target:
    """What the index must hold after this run."""

    docs: dict[str, LoadedDocument]
    table: ChunkTable  # the chunks, as stored
    chunks: list[Chunk]  # the same as objects; empty in the lexical-first mode (no vectors)
    vectors: np.ndarray  # one row per chunk
    sentence_keys: list[list]
    sentence_vectors: np.ndarray  # one row per sentence key
    spec: str
    dim: int
    settings: dict  # what else the index depends on (`_settings_record`)


def _write_index(
    files: IndexFiles,
    manifest: dict,
    target: _Target,
    vector_index: VectorIndex | None,
    config: IngestConfig,
    corpus_dir: Path,
    rebuild: bool,
    stages: Stages,
    advance: Callable[[int], object],
    previous: Previous | None = None,
) -> dict[str, int]:
    """Write the target; what the lexical side recomputed (empty when the generation stood)."""
    docs, table, spec = target.docs, target.table, target.spec
    sentence_keys = target.sentence_keys
    # the generation's content follows from these (the vocabulary, tokens, BM25 and roles are
    # functions of the documents, the settings and LEXICAL_VERSION)
    name = generation_name(
        spec,
        str(LEXICAL_VERSION),
        "\n".join(table.ids),  # (hex digests: one a line, ~3x faster than their JSON)
        json.dumps({s: d.sha256 for s, d in docs.items()}, ensure_ascii=False),
        json.dumps(target.settings, ensure_ascii=False, sort_keys=True),
        json.dumps(sentence_keys, ensure_ascii=False),
    )

    published = name != manifest.get("generation") or not files.has_generation(name)
    stats: dict[str, int] = {}
    generation = None
    with ExitStack() as building:

        def start() -> Generation:
            """A new generation, in a temporary folder (renamed when the block ends; an error
            removes it), its chunk table handed to the writer threads."""
            with stages.step("文件"):
                started = building.enter_context(files.building(name))
                # text segments of unchanged documents: hard links to the committed ones
                started.write_chunks(
                    table, previous.table if previous else None, previous.files if previous else None
                )
            return started

        if published and vector_index is None:
            # no Chroma step: the chunk table is written while the lexical side is built
            generation = start()
        if published:
            lexical = build_lexical(
                files.root, docs, table, load_userdict(corpus_dir / "userdict.txt"), previous,
                stages.step,
            )
            stats = lexical.stats

        # 1. Chroma: add what is missing or outdated (deleting waits until the manifest is written)
        present: dict[str, str] = {}
        with stages.step("Chroma"):
            if vector_index is not None:
                present = _sync_vectors(vector_index, target, config, rebuild)
        advance(1)

        # 2. the rest of the generation (BM25 over jieba tokens with the corpus's dictionary)
        if published:
            generation = generation or start()  # with Chroma: started once its records are in
            with stages.step("文件"):
                # the chunk table on disk first: a run killed from here on leaves it whole
                # (tests/test_ingest_crash.py); in the lexical-first mode it was written while
                # the lexical side was built
                generation.wait()
                generation.write_sentences(sentence_keys, target.sentence_vectors)
                write_lexical(generation, lexical, table)
                generation.wait()
    advance(1)

    # 3. commit: document texts, then the manifest
    with stages.step("文件"):
        old_docs = manifest.get("documents", {})
        entries = {}
        written: list[str] = []
        counts = chunk_counts(table)  # the manifest's chunk counts (`ingest.chunkrefs`)
        for source, doc in docs.items():
            old = old_docs.get(source)
            if not rebuild and old and old.get("sha256") == doc.sha256 and not getattr(doc, "loaded", True):
                # its text not read now; headings as lists (`compact_entry`)
                entries[source] = {**compact_entry(old), "chunks": counts.get(source, 0)}
                continue
            if rebuild or not files.has_document(doc.sha256):  # a rebuild rewrites them
                files.write_document(doc)
                written.append(doc.sha256)
            elif getattr(doc, "loaded", False):  # its stored text, read and checked in this run
                written.append(doc.sha256)
            entries[source] = {**meta_to_dict(doc), "chunks": counts.get(source, 0)}
        digests = generation.digests if generation is not None else (
            manifest.get("files") or folder_digests(files.root / name)
        )
        new_manifest = {
            "embeddings": spec,
            "dim": target.dim,
            "collection": config.collection,
            "chroma_url": config.chroma_url,
            "generation": name,
            "files": digests,
            "chunk_vectors": "none" if vector_index is None else config.chunk_vectors,
            "settings": target.settings,
            "documents": entries,
        }
        if {**manifest, "version": None} != {**new_manifest, "version": None}:
            files.write_manifest(new_manifest)
        # sizes and times of the files written now: opening checks these instead of hashing
        files.write_stamps(name, list(digests) if generation is not None else [], written)
    advance(1)

    # 4. what the committed index no longer needs
    with stages.step("清理"):
        wanted = set(table.ids)
        if vector_index is not None:
            try:
                vector_index.delete(sorted(set(present) - wanted))
            except DiskFullError as exc:  # committed: records left over are deleted next time
                log.warning("%s（旧记录留待下次同步删除）", exc)
        files.prune_generations(keep=name)
        files.prune_documents({d.sha256 for d in docs.values()})
    return stats


def _sync_vectors(
    vector_index: VectorIndex, target: _Target, config: IngestConfig, rebuild: bool
) -> dict[str, str]:
    """Upsert the chunk records that are missing or outdated; the fingerprints found before."""
    stale = vector_index.spec not in ("", target.spec)  # vectors of another model
    other_pooling = vector_index.chunk_vectors not in ("", config.chunk_vectors)
    if rebuild or stale or other_pooling:
        vector_index.reset(target.spec, config.chunk_vectors)
    present = vector_index.fingerprints()
    chunks, docs = target.chunks, target.docs
    metadatas = [_chunk_metadata(c, docs[c.source]) for c in chunks]
    todo = [
        i
        for i, (c, m) in enumerate(zip(chunks, metadatas))
        if present.get(c.id) != fingerprint(c.search_text, m)
    ]
    vector_index.upsert(
        [chunks[i].id for i in todo],
        target.vectors[todo],
        [metadatas[i] for i in todo],
        [chunks[i].search_text for i in todo],
    )
    return present


def _check_backend(manifest: dict, spec: str) -> None:
    built = manifest.get("embeddings")
    if built and built != spec:
        raise IndexMismatchError(
            f"索引由嵌入模型 {built} 构建，当前配置为 {spec}；"
            f"请运行 `python -m ingest rebuild` 用 {spec} 重建索引，或把 QA_EMBEDDINGS 改回 {built}"
        )


def _sentences(
    chunks: list[Chunk], docs: dict[str, LoadedDocument]
) -> tuple[list[list], list[str]]:
    keys: list[list] = []
    texts: list[str] = []
    seen: set[tuple[str, int, int]] = set()
    for chunk in chunks:
        text = docs[chunk.source].text
        for sentence in chunk.sentences:
            key = (chunk.source, sentence.start, sentence.end)
            if key not in seen:
                seen.add(key)
                keys.append(list(key))
                texts.append(normalize(text[sentence.start : sentence.end]).text)
    return keys, texts


def _chunk_metadata(chunk: Chunk, doc: LoadedDocument) -> dict:
    meta = {
        "source": chunk.source,
        "start": chunk.start,
        "end": chunk.end,
        "heading": chunk.heading,
        "format": doc.format,
    }
    if chunk.page is not None:
        meta["page"] = chunk.page
    for field in ("title", "date", "author", "issuer", "doc_number"):
        if value := getattr(doc.meta, field):
            meta[field] = value
    if doc.meta.date:
        meta["date_int"] = int(doc.meta.date.replace("-", "")[:8] or 0)
    return meta
