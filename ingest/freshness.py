"""Whether the committed index already is what a sync would build, so the sync can stop early.

A re-sync of an unchanged corpus (every app start with ``refresh=True``) then costs the listing
and hashing of the files only, instead of re-chunking and re-tokenising the whole collection.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest.chunkrefs import chunk_count
from ingest.config import IngestConfig
from ingest.embcache import EmbeddingCache
from ingest.index import VectorIndex
from ingest.scan import Scan
from ingest.store import IndexFiles


@dataclass(frozen=True)
class Wanted:
    """The manifest fields a sync with these settings writes, besides the documents."""

    embeddings: str
    chunk_vectors: str  # pooled | embedded | none
    collection: str
    chroma_url: str
    settings: dict


def settings_record(config: IngestConfig, corpus_dir: Path) -> dict:
    """What the index depends on besides the documents and the backend: chunk sizes and the
    corpus's own userdict.txt."""
    userdict = corpus_dir / "userdict.txt"
    digest = hashlib.sha256(userdict.read_bytes()).hexdigest() if userdict.is_file() else ""
    return {"chunking": [config.chunk_min_chars, config.chunk_max_chars], "userdict": digest}


def index_is_current(
    scan: Scan, manifest: dict, wanted: Wanted, files: IndexFiles, vectors: VectorIndex | None
) -> bool:
    """The committed index is exactly the target and the last run finished its clean-up: the
    same documents and settings, one generation with its checksums, no stray document texts or cache shards, and
    as many Chroma records as chunks (records are keyed by chunk id and all written before the
    manifest, so equal counts mean no orphans)."""
    if scan.added or scan.updated or scan.removed:
        return False
    if any(manifest.get(key) != value for key, value in asdict(wanted).items()):
        return False
    name = manifest.get("generation", "")
    if not name or files.generations() != [name] or "files" not in manifest:
        return False
    if files.document_count() != len({d["sha256"] for d in manifest.get("documents", {}).values()}):
        return False
    if EmbeddingCache.shard_count(files.root / "embcache", wanted.embeddings) > 1:
        return False
    return vectors is None or vectors.count() == chunk_count(manifest)
