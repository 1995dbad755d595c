"""Files of the index folder, each written atomically (temp file + rename).

Layout: ``manifest.json`` (written last: the commit point of a run), ``chunks.jsonl``,
``docs/<sha>.txt`` (each document's extracted text, so citations can be shown and checked),
``sentences.npy`` + ``sentences.json`` (per-sentence vectors for answer extraction),
``embcache/`` (vectors by text hash, so an interrupted or repeated run embeds nothing twice),
``bm25/`` and ``userdict.txt``.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ingest.types import Chunk, DocMeta, Heading, LoadedDocument, Sentence

MANIFEST_VERSION = 1


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def text_key(spec: str, text: str) -> str:
    return hashlib.sha256(f"{spec}\0{text}".encode()).hexdigest()


class IndexFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    # manifest -------------------------------------------------------------------------------
    def read_manifest(self) -> dict:
        path = self.root / "manifest.json"
        if not path.is_file():
            return {}
        return json.loads(path.read_text(encoding="utf-8"))

    def write_manifest(self, manifest: dict) -> None:
        manifest = {**manifest, "version": MANIFEST_VERSION}
        atomic_write_text(self.root / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))

    # documents ------------------------------------------------------------------------------
    def write_document(self, doc: LoadedDocument) -> None:
        atomic_write_text(self.root / "docs" / f"{doc.sha256}.txt", doc.text)

    def read_document_text(self, sha: str) -> str:
        return (self.root / "docs" / f"{sha}.txt").read_text(encoding="utf-8")

    def prune_documents(self, keep: set[str]) -> None:
        folder = self.root / "docs"
        if folder.is_dir():
            for path in folder.glob("*.txt"):
                if path.stem not in keep:
                    path.unlink(missing_ok=True)

    # chunks ---------------------------------------------------------------------------------
    def write_chunks(self, chunks: list[Chunk]) -> None:
        lines = [json.dumps(_chunk_record(c), ensure_ascii=False) for c in chunks]
        atomic_write_text(self.root / "chunks.jsonl", "\n".join(lines) + ("\n" if lines else ""))

    def read_chunks(self) -> list[Chunk]:
        path = self.root / "chunks.jsonl"
        if not path.is_file():
            return []
        return [_chunk_from(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines() if line]

    # sentence vectors -----------------------------------------------------------------------
    def write_sentences(self, keys: list[list], vectors: np.ndarray) -> None:
        atomic_write_text(self.root / "sentences.json", json.dumps(keys, ensure_ascii=False))
        buffer = _npy_bytes(vectors)
        atomic_write_bytes(self.root / "sentences.npy", buffer)

    def read_sentences(self) -> tuple[list[list], np.ndarray]:
        keys_path = self.root / "sentences.json"
        if not keys_path.is_file():
            return [], np.zeros((0, 0), dtype=np.float32)
        keys = json.loads(keys_path.read_text(encoding="utf-8"))
        return keys, np.load(self.root / "sentences.npy")

    # user dictionary ------------------------------------------------------------------------
    def write_userdict(self, words: list[str]) -> None:
        atomic_write_text(self.root / "userdict.txt", "".join(f"{w}\n" for w in words))

    def read_userdict(self) -> list[str]:
        path = self.root / "userdict.txt"
        if not path.is_file():
            return []
        return [w for w in path.read_text(encoding="utf-8").splitlines() if w]


class EmbeddingCache:
    """Vectors by ``text_key``; flushed after every batch so a killed run loses little work."""

    def __init__(self, folder: Path, spec: str) -> None:
        self.folder = folder
        self.spec = spec
        self._vectors: dict[str, np.ndarray] = {}
        keys_path = folder / "keys.json"
        if keys_path.is_file():
            meta = json.loads(keys_path.read_text(encoding="utf-8"))
            if meta.get("spec") == spec:
                matrix = np.load(folder / "vectors.npy")
                if len(matrix) == len(meta["keys"]):
                    self._vectors = dict(zip(meta["keys"], matrix))

    def get(self, key: str) -> np.ndarray | None:
        return self._vectors.get(key)

    def put_many(self, keys: list[str], vectors: np.ndarray) -> None:
        for key, vector in zip(keys, vectors):
            self._vectors[key] = vector

    def keep_only(self, keys: set[str]) -> None:
        self._vectors = {k: v for k, v in self._vectors.items() if k in keys}

    def flush(self) -> None:
        keys = list(self._vectors)
        matrix = np.stack([self._vectors[k] for k in keys]) if keys else np.zeros((0, 0), np.float32)
        # vectors first, then keys: keys.json is only trusted when the lengths agree
        atomic_write_bytes(self.folder / "vectors.npy", _npy_bytes(matrix))
        atomic_write_text(self.folder / "keys.json", json.dumps({"spec": self.spec, "keys": keys}))


def _npy_bytes(array: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    np.save(buffer, np.asarray(array, dtype=np.float32))
    return buffer.getvalue()


def _chunk_record(chunk: Chunk) -> dict:
    record = asdict(chunk)
    record["sentences"] = [[s.start, s.end] for s in chunk.sentences]
    return record


def _chunk_from(record: dict) -> Chunk:
    record = dict(record)
    record["sentences"] = tuple(Sentence(a, b) for a, b in record["sentences"])
    return Chunk(**record)


def meta_to_dict(doc: LoadedDocument) -> dict:
    return {
        "sha256": doc.sha256,
        "format": doc.format,
        "encoding": doc.encoding,
        "pages": len(doc.page_starts) or None,
        "page_starts": list(doc.page_starts),
        "headings": [asdict(h) for h in doc.headings],
        "meta": asdict(doc.meta),
    }


def document_from(source: str, text: str, entry: dict) -> LoadedDocument:
    return LoadedDocument(
        source=source,
        text=text,
        format=entry["format"],
        encoding=entry.get("encoding", "utf-8"),
        page_starts=tuple(entry.get("page_starts") or ()),
        headings=tuple(Heading(**h) for h in entry.get("headings", [])),
        meta=DocMeta(**entry.get("meta", {})),
        sha256=entry["sha256"],
    )
