"""The vector side of the index: a Chroma collection. The only module that imports chromadb.

Embedded mode uses a `PersistentClient` inside the index folder; ``chroma_url`` switches to a
`chromadb.HttpClient` (``http://host:port``). Vectors are always passed in explicitly: Chroma's
default embedding function would try to download a model.

Each record's metadata carries ``fp``, a hash of its text and metadata, so a sync can tell a
record that is present *and current* from one left by another version of its document. The
collection's metadata records the embedding backend that produced its vectors.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import chromadb
import httpx
import numpy as np
from chromadb.api.shared_system_client import SharedSystemClient
from chromadb.errors import ChromaError

from ingest.diskspace import disk_full_message, is_disk_full, low_on_space
from ingest.errors import (
    DiskFullError,
    IndexDamagedError,
    IndexUnavailableError,
    IngestConfigError,
)

# Chroma's default ef_search (100) loses recall on 384-d vectors; 500 measured at 0.95+.
HNSW = {"space": "cosine", "ef_search": 500, "ef_construction": 200}


log = logging.getLogger(__name__)

# Chroma keeps one client "system" per folder for the life of the process. When the folder is
# deleted or replaced under it, that system goes on using the old, unlinked database ("attempt
# to write a readonly database"). The identity of the database file each system opened is kept
# here, and a system whose file is gone or replaced is dropped before the next client is made.
_OPENED: dict[str, tuple[int, int] | None] = {}


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        stat = (folder / "chroma.sqlite3").stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


def _local_client(folder: Path):
    key = str(folder)
    if key in _OPENED and _identity(folder) != _OPENED[key]:
        release_local(folder)
    client = chromadb.PersistentClient(path=key)
    _OPENED[key] = _identity(folder)
    return client


def _system_of(folder: Path):
    """This process's Chroma system for ``folder`` (None if there is none)."""
    return SharedSystemClient._identifier_to_system.get(str(folder))


def release_local(folder: Path) -> None:
    """Stop and forget this process's Chroma system for ``folder`` (its files stay)."""
    key = str(folder)
    _OPENED.pop(key, None)
    SharedSystemClient._identifier_to_refcount.pop(key, None)
    system = SharedSystemClient._identifier_to_system.pop(key, None)
    if system is not None:
        try:
            system.stop()
        except Exception as exc:  # noqa: BLE001 - its database may be gone: nothing to stop
            log.debug("Chroma system for %s did not stop cleanly: %s", folder, exc)


def discard_local(index_dir: Path) -> None:
    """Delete the embedded Chroma database of ``index_dir`` (derived data: a sync refills it)."""
    release_local(index_dir / "chroma")
    shutil.rmtree(index_dir / "chroma", ignore_errors=True)


def open_client(index_dir: Path, chroma_url: str = ""):
    if not chroma_url:
        return _local_client(index_dir / "chroma")
    url = urlparse(chroma_url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise IngestConfigError(
            f"QA_CHROMA_URL={chroma_url!r} 不是有效地址；"
            "请写成 http://主机:端口，例如 http://127.0.0.1:8000"
        )
    try:
        port = url.port or (443 if url.scheme == "https" else 8000)
    except ValueError:
        raise IngestConfigError(
            f"QA_CHROMA_URL={chroma_url!r} 的端口无效；请写成 http://主机:端口，例如 http://127.0.0.1:8000"
        ) from None
    try:
        return chromadb.HttpClient(host=url.hostname, port=port, ssl=url.scheme == "https")
    except Exception as exc:  # chromadb raises plain ValueError/ConnectionError variants
        raise IngestConfigError(
            f"无法连接 Chroma 服务 QA_CHROMA_URL={chroma_url}（{exc}）；"
            f"请先启动服务，例如 `chroma run --path 目录 --port {port}`，或清空 QA_CHROMA_URL 改用本地索引"
        ) from exc


def fingerprint(text: str, metadata: dict) -> str:
    blob = json.dumps([text, metadata], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


class VectorIndex:
    def __init__(
        self,
        index_dir: Path,
        collection: str,
        chroma_url: str = "",
        spec: str = "",
        chunk_vectors: str = "",
    ) -> None:
        self._folder = index_dir / "chroma"
        self._url = chroma_url
        self._name = collection
        self._spec = spec
        self._chunk_vectors = chunk_vectors
        self._size: int | None = None  # records, as of the first query
        # a bad QA_CHROMA_URL: IngestConfigError; a damaged embedded database: IndexDamagedError
        client = open_client(index_dir, chroma_url) if chroma_url else None
        self._system = None  # embedded: the Chroma system this object's collection belongs to
        with self._guard():
            self._client = client or open_client(index_dir)
            self._collection = self._open()
            self._batch = self._client.get_max_batch_size()
            if not chroma_url:
                self._system = _system_of(self._folder)
                self._probe()

    def _reconnect_if_released(self) -> None:
        """Embedded: a new client and collection when this process's Chroma system for the
        folder was stopped (after a full disk, or a deleted or replaced folder) or replaced."""
        if self._system is not None and _system_of(self._folder) is not self._system:
            self._client = open_client(self._folder.parent)
            self._collection = self._open()
            self._system = _system_of(self._folder)

    @contextmanager
    def _guard(self, writing: bool = False) -> Iterator[None]:
        """Chroma's failures as the project's errors: a server that does not answer, a full
        disk (a failed write with the disk nearly full counts), or (embedded) a database that
        cannot be read."""
        try:
            self._reconnect_if_released()
            yield
        except httpx.TransportError as exc:
            raise IndexUnavailableError(self._unreachable(exc)) from exc
        except (ChromaError, RuntimeError, OSError) as exc:
            if is_disk_full(exc) or (writing and not self._url and low_on_space(self._folder)):
                if not self._url:  # its SQLite connection may be stuck mid-transaction: start anew
                    release_local(self._folder)
                raise DiskFullError(disk_full_message(self._folder.parent, exc)) from exc
            if self._url:
                raise IndexUnavailableError(
                    f"向量库服务器 {self._url} 出错（{exc}）；请查看 Chroma 服务的日志，"
                    "必要时重启服务后再提问"
                ) from exc
            sqlite = "database" in str(exc).lower()
            path = self._folder / "chroma.sqlite3" if sqlite else self._folder
            raise IndexDamagedError(path, f"Chroma 向量库无法读取：{exc}") from exc

    def _unreachable(self, exc: Exception) -> str:
        port = urlparse(self._url).port or 8000
        return (
            f"向量库服务器 {self._url} 无法连接（{type(exc).__name__}: {exc}）；"
            f"请确认 Chroma 服务仍在运行（例如 `chroma run --path 数据目录 --port {port}`），"
            "服务恢复后直接重新提问即可，无需重启应用"
        )

    def _probe(self) -> None:
        """One stored vector must find itself: a database that opens but lost its vectors
        (a damaged HNSW file) is caught here rather than answering from nothing."""
        total = self._collection.count()
        if total == 0:
            return
        got = self._collection.get(limit=1, include=["embeddings"])
        if not got["ids"]:
            raise IndexDamagedError(self._folder, f"记录 {total} 条，却读不出任何一条")
        hit = self._collection.query(
            query_embeddings=[np.asarray(got["embeddings"][0], dtype=np.float32).tolist()],
            n_results=1,
            include=["distances"],
        )
        if not hit["ids"][0] or float(hit["distances"][0][0]) > 1e-3:
            raise IndexDamagedError(self._folder, "向量检索找不到库中已存的向量")

    def _open(self):
        metadata = {"embeddings": self._spec} if self._spec else {}
        if self._chunk_vectors:
            metadata["chunk_vectors"] = self._chunk_vectors
        return self._client.get_or_create_collection(
            self._name,
            configuration={"hnsw": HNSW},
            metadata=metadata or None,
            embedding_function=None,
        )

    @property
    def spec(self) -> str:
        """The embedding backend recorded on the collection ("" if unknown)."""
        return (self._collection.metadata or {}).get("embeddings", "")

    @property
    def chunk_vectors(self) -> str:
        """How the chunk vectors were made: "pooled" from sentence vectors or "embedded"
        ("embedded" for collections written before the choice existed, "" when empty)."""
        meta = self._collection.metadata or {}
        return meta.get("chunk_vectors", "embedded" if meta.get("embeddings") else "")

    def count(self) -> int:
        with self._guard():
            return self._collection.count()

    def ids(self) -> set[str]:
        return set(self.fingerprints())

    def fingerprints(self) -> dict[str, str]:
        """``{id: fp}`` of every record (fp "" for records written without one)."""
        return {id_: meta.get("fp", "") for id_, meta in self._metadatas()}

    def records(self) -> dict[str, dict]:
        """``{id: metadata}`` of every record, fp left out (for inspection and tests)."""
        return {
            id_: {k: v for k, v in meta.items() if k != "fp"} for id_, meta in self._metadatas()
        }

    def vectors(self, ids: Sequence[str]) -> np.ndarray:
        """The stored vectors of ``ids``, in that order."""
        if not ids:
            return np.zeros((0, 0), dtype=np.float32)
        row: dict[str, np.ndarray] = {}
        for lo in range(0, len(ids), self._batch):
            with self._guard():
                got = self._collection.get(
                    ids=list(ids[lo : lo + self._batch]), include=["embeddings"]
                )
            row.update(zip(got["ids"], got["embeddings"]))
        return np.asarray([row[i] for i in ids], dtype=np.float32)

    def _metadatas(self):
        offset = 0
        while True:
            with self._guard():
                got = self._collection.get(include=["metadatas"], limit=self._batch, offset=offset)
            for id_, meta in zip(got["ids"], got["metadatas"]):
                yield id_, meta or {}
            if len(got["ids"]) < self._batch:
                return
            offset += self._batch

    def upsert(
        self,
        ids: Sequence[str],
        vectors: np.ndarray,
        metadatas: Sequence[dict],
        texts: Sequence[str],
    ) -> None:
        """Write records; each metadata gets its ``fp``."""
        self._size = None
        metadatas = [{**m, "fp": fingerprint(t, m)} for m, t in zip(metadatas, texts)]
        for lo in range(0, len(ids), self._batch):
            hi = lo + self._batch
            with self._guard(writing=True):
                self._collection.upsert(
                    ids=list(ids[lo:hi]),
                    embeddings=np.asarray(vectors[lo:hi], dtype=np.float32),
                    metadatas=list(metadatas[lo:hi]),
                    documents=list(texts[lo:hi]),
                )

    def delete(self, ids: Sequence[str]) -> None:
        self._size = None
        ids = list(ids)
        for lo in range(0, len(ids), self._batch):
            with self._guard(writing=True):
                self._collection.delete(ids=ids[lo : lo + self._batch])

    def query(
        self, vector: np.ndarray, k: int, where: dict | None = None
    ) -> list[tuple[str, float]]:
        if self._size is None:  # one round trip less per question (the size is fixed per generation)
            self._size = self.count()
        total = self._size
        if total == 0:
            return []
        with self._guard():
            result = self._collection.query(
                query_embeddings=[np.asarray(vector, dtype=np.float32).tolist()],
                n_results=min(k, total),
                where=where or None,
                include=["distances"],
            )
        return [(i, 1.0 - float(d)) for i, d in zip(result["ids"][0], result["distances"][0])]

    def reset(self, spec: str = "", chunk_vectors: str = "") -> None:
        """Drop every record: a fresh collection of the same name, recording ``spec`` and
        ``chunk_vectors`` (or what this object was opened with)."""
        self._spec = spec or self._spec
        self._chunk_vectors = chunk_vectors or self._chunk_vectors
        self._size = None
        with self._guard(writing=True):
            self._client.delete_collection(self._name)  # exists: __init__ created it
            self._collection = self._open()
