"""The files of an index folder, written so that a run killed at any point leaves a usable index.

Layout::

    manifest.json      the commit point of a run: documents (with the sha256 of their texts), chunk
                       ids, the generation in force and the sha256 of each of its files
                       (``files``, checked by ingest.integrity when the index is opened)
    gen-<hash>/        one consistent set of derived files: chunks.jsonl, sentences.json +
                       sentences.npy (per-sentence vectors), userdict.txt, bm25/
    docs/<sha>.txt     each document's extracted text, so citations can be shown and checked
    embcache/          vectors by text hash (see ingest.embcache)
    chroma/            the embedded Chroma database (unless QA_CHROMA_URL names a server)

A run builds its generation in a temporary folder, renames it into place, then replaces
``manifest.json`` atomically. Until that replace, readers (and a crashed run's successor) see
the previous manifest and the previous generation, untouched.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import numpy as np

from ingest.errors import IndexDamagedError
from ingest.integrity import text_digest, verify_text
from ingest.types import Chunk, DocMeta, Heading, LoadedDocument, Sentence

MANIFEST_VERSION = 2


@lru_cache(maxsize=1)
def _umask() -> int:
    mask = os.umask(0o022)  # setting the umask is the only way to read it
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes, sync: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; readers may be another user
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


class Generation:
    """The derived files of one run, in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def bm25_dir(self) -> Path:
        return self.folder / "bm25"

    def write_chunks(self, chunks: list[Chunk] | bytes) -> None:
        """Chunks, or their `chunks_jsonl` bytes when already serialised."""
        data = chunks if isinstance(chunks, bytes) else chunks_jsonl(chunks)
        _write(self.folder / "chunks.jsonl", data)

    def read_chunks(self) -> list[Chunk]:
        path = self.folder / "chunks.jsonl"
        if not path.is_file():
            return []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            return [_chunk_from(json.loads(line)) for line in lines if line]
        except (ValueError, KeyError, TypeError) as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc

    def write_sentences(self, keys: list[list], vectors: np.ndarray) -> None:
        _write(self.folder / "sentences.json", json.dumps(keys, ensure_ascii=False).encode())
        _write(self.folder / "sentences.npy", _npy_bytes(vectors))

    def read_sentences(self) -> tuple[list[list], np.ndarray]:
        keys_path = self.folder / "sentences.json"
        if not keys_path.is_file():
            return [], np.zeros((0, 0), dtype=np.float32)
        try:
            keys = json.loads(keys_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise IndexDamagedError(keys_path, f"无法解析：{exc}") from exc
        vectors_path = self.folder / "sentences.npy"
        try:
            vectors = np.load(vectors_path)
        except (ValueError, OSError, EOFError) as exc:
            raise IndexDamagedError(vectors_path, f"无法读取：{exc}") from exc
        if len(vectors) != len(keys):
            raise IndexDamagedError(vectors_path, f"有 {len(vectors)} 行向量，应有 {len(keys)} 行")
        return keys, vectors

    def write_userdict(self, words: list[str]) -> None:
        _write(self.folder / "userdict.txt", userdict_text(words).encode())

    def read_userdict(self) -> list[str]:
        path = self.folder / "userdict.txt"
        if not path.is_file():
            return []
        try:
            return [w for w in path.read_text(encoding="utf-8").splitlines() if w]
        except ValueError as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc


class IndexFiles:
    def __init__(self, root: Path) -> None:
        self.root = root

    # manifest -------------------------------------------------------------------------------
    def read_manifest(self) -> dict:
        path = self.root / "manifest.json"
        if not path.is_file():
            return {}
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise IndexDamagedError(path, f"不是有效的 JSON：{exc}") from exc
        if not isinstance(manifest, dict) or not isinstance(manifest.get("documents", {}), dict):
            raise IndexDamagedError(path, "不是索引清单")
        return manifest

    def write_manifest(self, manifest: dict) -> None:
        manifest = {**manifest, "version": MANIFEST_VERSION}
        text = json.dumps(manifest, ensure_ascii=False, indent=1)
        atomic_write_text(self.root / "manifest.json", text)

    # generations ----------------------------------------------------------------------------
    def current(self, manifest: dict | None = None) -> Generation:
        """The generation the manifest names (version-1 indexes kept their files at the root)."""
        manifest = self.read_manifest() if manifest is None else manifest
        name = manifest.get("generation", "")
        return Generation(self.root / name if name else self.root)

    def generations(self) -> list[str]:
        """Every generation folder and unfinished one (``.gen-tmp-*``), sorted."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if p.name.startswith(("gen-", ".gen-tmp-")))

    def has_generation(self, name: str) -> bool:
        return (self.root / name).is_dir()

    def publish(self, name: str, fill: Callable[[Generation], None]) -> Generation:
        """Build generation ``name`` in a temporary folder with ``fill``, then rename it into
        place. Only call this for a name the current manifest does not use."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=self.root, prefix=".gen-tmp-"))
        try:
            os.chmod(tmp, 0o777 & ~_umask())
            fill(Generation(tmp))
            target = self.root / name
            if target.exists():  # left by a run killed before its manifest named it
                shutil.rmtree(target)
            os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return Generation(target)

    def prune_generations(self, keep: str) -> None:
        """Remove every generation but ``keep``, unfinished ones, temporary files of killed
        writes, and the files of the version-1 layout."""
        for path in self.root.iterdir() if self.root.is_dir() else ():
            if path.name.startswith(("gen-", ".gen-tmp-")) and path.name != keep:
                shutil.rmtree(path, ignore_errors=True)
            elif path.name.startswith(".manifest.json.") and path.is_file():
                path.unlink(missing_ok=True)
        if keep:
            for legacy in ("chunks.jsonl", "sentences.json", "sentences.npy", "userdict.txt"):
                (self.root / legacy).unlink(missing_ok=True)
            shutil.rmtree(self.root / "bm25", ignore_errors=True)

    # documents ------------------------------------------------------------------------------
    def has_document(self, sha: str) -> bool:
        return (self.root / "docs" / f"{sha}.txt").is_file()

    def document_count(self) -> int:
        folder = self.root / "docs"
        return sum(1 for _ in folder.iterdir()) if folder.is_dir() else 0

    def write_document(self, doc: LoadedDocument) -> None:
        atomic_write_text(self.root / "docs" / f"{doc.sha256}.txt", doc.text)

    def read_document_text(self, sha: str, digest: str = "") -> str:
        """The stored text of document ``sha``, checked against ``digest`` (its manifest entry's
        ``text_sha256``) when given."""
        path = self.root / "docs" / f"{sha}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError as exc:
            raise IndexDamagedError(path, "文件缺失") from exc
        except ValueError as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc
        return verify_text(path, text, digest)

    def prune_documents(self, keep: set[str]) -> None:
        folder = self.root / "docs"
        if folder.is_dir():
            for path in folder.iterdir():
                if path.stem not in keep:
                    path.unlink(missing_ok=True)


def generation_name(*parts: bytes | str) -> str:
    digest = hashlib.sha256(str(MANIFEST_VERSION).encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"gen-{digest.hexdigest()[:16]}"


def chunks_jsonl(chunks: list[Chunk]) -> bytes:
    lines = [json.dumps(_chunk_record(c), ensure_ascii=False) for c in chunks]
    return ("\n".join(lines) + ("\n" if lines else "")).encode()


def userdict_text(words: list[str]) -> str:
    return "".join(f"{w}\n" for w in words)


def _write(path: Path, data: bytes) -> None:
    """A file inside a generation being built: not visible until the folder is renamed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(array, dtype=np.float32))
    return buffer.getvalue()


def _chunk_record(chunk: Chunk) -> dict:
    # the fields of Chunk in order (dataclasses.asdict is ~10x slower: it deep-copies)
    return {
        "id": chunk.id,
        "source": chunk.source,
        "text": chunk.text,
        "search_text": chunk.search_text,
        "start": chunk.start,
        "end": chunk.end,
        "sentences": [[s.start, s.end] for s in chunk.sentences],
        "heading": chunk.heading,
        "page": chunk.page,
    }


def _chunk_from(record: dict) -> Chunk:
    record = dict(record)
    record["sentences"] = tuple(Sentence(a, b) for a, b in record["sentences"])
    return Chunk(**record)


def meta_to_dict(doc: LoadedDocument) -> dict:
    return {
        "sha256": doc.sha256,
        "text_sha256": text_digest(doc.text),
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
