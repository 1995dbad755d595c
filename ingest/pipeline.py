"""`sync_corpus`: bring the index in line with a corpus folder. The one entry point of ingestion.

Crash safety: every step is idempotent and the manifest is written last. A run killed at any
point leaves the previous manifest; the next run recomputes the same target state, reuses the
vectors already cached, upserts into Chroma by content-hash id and deletes every Chroma id that
is not part of the target, so no duplicate or orphan survives.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from tqdm import tqdm

from ingest.chunking import chunk_document
from ingest.config import IngestConfig
from ingest.embeddings import Embedder, load_embedder
from ingest.errors import IndexMismatchError, SkipDocument
from ingest.index import VectorIndex
from ingest.lexical import LexicalIndex
from ingest.loaders import SUPPORTED_SUFFIXES as SUPPORTED
from ingest.loaders import load_document
from ingest.normalize import normalize
from ingest.segment import Segmenter
from ingest.store import EmbeddingCache, IndexFiles, document_from, meta_to_dict, text_key
from ingest.types import Chunk, IngestReport, LoadedDocument, Skipped
from ingest.vocabulary import extract_terms, load_userdict


NOT_DOCUMENTS = {"readme.md", "userdict.txt"}  # the corpus's own notes, never indexed
EMBED_BATCH = 64


def list_corpus(corpus_dir: Path) -> list[tuple[str, Path]]:
    """(source, path) for every visible file, source = "<corpus folder name>/<relative path>"."""
    files = []
    for path in sorted(corpus_dir.rglob("*")):
        rel = path.relative_to(corpus_dir)
        if path.is_file() and not any(part.startswith(".") for part in rel.parts):
            files.append((f"{corpus_dir.name}/{rel.as_posix()}", path))
    return files


def sync_corpus(
    corpus_dir: Path,
    index_dir: Path,
    config: IngestConfig | None = None,
    embedder: Embedder | None = None,
    rebuild: bool = False,
    loader: Callable[[Path, str, int], LoadedDocument] | None = None,
) -> IngestReport:


    config = config or IngestConfig()
    loader = loader or load_document
    started = time.perf_counter()
    stages: dict[str, float] = {}
    files = IndexFiles(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    manifest = {} if rebuild else files.read_manifest()
    _check_backend(manifest, config.embeddings)
    embedder = embedder or load_embedder(config.embeddings)

    # 1. load what changed --------------------------------------------------------------------
    t0 = time.perf_counter()
    old_docs: dict = manifest.get("documents", {})
    report = _Report()
    docs: dict[str, LoadedDocument] = {}
    seen_hashes: dict[str, str] = {}
    listing = list_corpus(corpus_dir) if corpus_dir.is_dir() else []
    for source, path in tqdm(listing, desc="读取文件", unit="个", disable=not config.progress):
        if path.name.lower() in NOT_DOCUMENTS and path.parent == corpus_dir:
            continue
        try:
            if path.suffix.lower() not in SUPPORTED or path.stat().st_size > config.max_file_bytes:
                loader(path, source, config.max_file_bytes)  # raises SkipDocument with the reason
            sha = hashlib.sha256(path.read_bytes()).hexdigest()
            if sha in seen_hashes:
                raise SkipDocument(f"与 {seen_hashes[sha]} 内容完全相同，未重复索引")
            seen_hashes[sha] = source
            entry = old_docs.get(source)
            if entry and entry["sha256"] == sha:
                docs[source] = document_from(source, files.read_document_text(sha), entry)
                report.unchanged.append(source)
                continue
            loaded = loader(path, source, config.max_file_bytes)
            doc = _with_sha(loaded, sha)
            docs[source] = doc
            (report.updated if entry else report.added).append(source)
        except SkipDocument as skip:
            report.skipped.append(Skipped(source, skip.reason))
            # a file that became unreadable keeps nothing stale in the index
            if source in old_docs:
                report.removed.append(source)
    report.removed.extend(s for s in old_docs if s not in docs and s not in report.removed)
    stages["读取"] = time.perf_counter() - t0

    # 2. chunk --------------------------------------------------------------------------------
    t0 = time.perf_counter()
    old_chunks = {} if rebuild else _chunks_by_source(files.read_chunks())
    chunks: list[Chunk] = []
    changed = set(report.added) | set(report.updated)
    for source, doc in docs.items():
        if source in changed or source not in old_chunks:
            chunks.extend(chunk_document(doc, config.chunk_min_chars, config.chunk_max_chars))
        else:
            chunks.extend(old_chunks[source])
    stages["分块"] = time.perf_counter() - t0

    # 3. embed (chunks and sentences), reusing cached vectors -----------------------------------
    t0 = time.perf_counter()
    cache = EmbeddingCache(index_dir / "embcache", embedder.spec)
    sentence_keys, sentence_texts = _sentences(chunks, docs)
    texts = [c.search_text for c in chunks] + sentence_texts
    keys = [text_key(embedder.spec, t) for t in texts]
    missing = sorted({k: t for k, t in zip(keys, texts) if cache.get(k) is None}.items())
    bar = tqdm(total=len(missing), desc="嵌入", unit="段", disable=not config.progress)
    for lo in range(0, len(missing), EMBED_BATCH):
        batch = missing[lo : lo + EMBED_BATCH]
        cache.put_many([k for k, _ in batch], embedder.passages([t for _, t in batch]))
        cache.flush()
        bar.update(len(batch))
    bar.close()
    report.embedded = len(missing)
    stages["嵌入"] = time.perf_counter() - t0

    # 4. write the index ------------------------------------------------------------------------
    t0 = time.perf_counter()
    vectors = np.stack([cache.get(k) for k in keys]) if keys else np.zeros((0, embedder.dim))
    chunk_vectors = vectors[: len(chunks)]
    sentence_vectors = vectors[len(chunks) :]
    vector_index = VectorIndex(index_dir, config.collection, config.chroma_url)
    if rebuild:
        vector_index.reset()
    wanted = {c.id for c in chunks}
    present = vector_index.ids()
    to_add = [i for i, c in enumerate(chunks) if c.id not in present]
    if to_add:
        vector_index.upsert(
            [chunks[i].id for i in to_add],
            chunk_vectors[to_add],
            [_chunk_metadata(chunks[i], docs[chunks[i].source]) for i in to_add],
            [chunks[i].search_text for i in to_add],
        )
    vector_index.delete(sorted(present - wanted))

    words = extract_terms(normalize(d.text).text for d in docs.values())
    words = sorted(set(words) | set(load_userdict(corpus_dir / "userdict.txt")))
    segmenter = Segmenter(words)
    lexical = LexicalIndex.build([segmenter.tokens(c.search_text) for c in chunks])
    lexical.save(index_dir / "bm25")
    files.write_userdict(words)
    files.write_chunks(chunks)
    files.write_sentences(sentence_keys, sentence_vectors)
    for doc in docs.values():
        files.write_document(doc)
    manifest = {
        "embeddings": embedder.spec,
        "dim": embedder.dim,
        "collection": config.collection,
        "chroma_url": config.chroma_url,
        "documents": {s: meta_to_dict(d) for s, d in docs.items()},
        "chunk_ids": [c.id for c in chunks],
    }
    files.write_manifest(manifest)
    files.prune_documents({d.sha256 for d in docs.values()})
    cache.keep_only(set(keys))
    cache.flush()
    stages["写入索引"] = time.perf_counter() - t0

    return IngestReport(
        added=report.added,
        updated=report.updated,
        removed=report.removed,
        unchanged=report.unchanged,
        skipped=report.skipped,
        chunks=len(chunks),
        embedded=report.embedded,
        seconds=time.perf_counter() - started,
        stage_seconds=stages,
    )


class _Report:
    def __init__(self) -> None:
        self.added: list[str] = []
        self.updated: list[str] = []
        self.removed: list[str] = []
        self.unchanged: list[str] = []
        self.skipped: list[Skipped] = []
        self.embedded = 0


def _check_backend(manifest: dict, spec: str) -> None:
    built = manifest.get("embeddings")
    if built and built != spec:
        raise IndexMismatchError(
            f"索引由嵌入模型 {built} 构建，当前配置为 {spec}；"
            "请运行 `python -m ingest rebuild` 重建索引，或把 QA_EMBEDDINGS 改回 " + built
        )


def _with_sha(doc: LoadedDocument, sha: str) -> LoadedDocument:
    from dataclasses import replace

    return replace(doc, sha256=sha)


def _chunks_by_source(chunks: list[Chunk]) -> dict[str, list[Chunk]]:
    grouped: dict[str, list[Chunk]] = {}
    for chunk in chunks:
        grouped.setdefault(chunk.source, []).append(chunk)
    return grouped


def _sentences(chunks: list[Chunk], docs: dict[str, LoadedDocument]) -> tuple[list[list], list[str]]:
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
    meta = {"source": chunk.source, "start": chunk.start, "end": chunk.end, "heading": chunk.heading}
    if chunk.page is not None:
        meta["page"] = chunk.page
    if doc.meta.date:
        meta["date"] = doc.meta.date
        meta["date_int"] = int(doc.meta.date.replace("-", "")[:8] or 0)
    return meta
