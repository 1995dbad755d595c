"""The files of an index folder, written so that a run killed at any point leaves a usable index.

Layout::

    manifest.json      the commit point of a run: documents (with the sha256 of their texts and
                       their number of chunks, ingest.chunkrefs), the generation in force and
                       the sha256 of each of its files (``files``, checked by ingest.integrity
                       when the index is opened)
    gen-<hash>/        one consistent set of derived files: the chunk table (chunks.json,
                       chunks.npy, chunk_sentences.npy, and per segment of whole documents
                       chunks.<k>.json and chunks.txt / chunks.<k>.txt, ingest.segments: a
                       re-sync hard-links unchanged segments; `ingest.chunktable`), sentences.json
                       + sentences.npy (per-sentence vectors), userdict.txt, bm25/ (term
                       frequencies, ingest.lexical), terms.json + norm.json (per-document words
                       and corpus counts, ingest.lexbuild), roles.json (who holds which title),
                       pairs/ (character pairs → documents, ingest.pairs)
    docs/<sha>.txt     each document's extracted text, so citations can be shown and checked
    normdocs/<sha>.txt its normalised (Simplified) text, for re-syncs and the answerer's counts
    stamps.json        size and time of the files written by the last run: a file whose stamp
                       still matches is not hashed again when the index is opened
    embcache/          vectors by text hash (see ingest.embcache)
    chroma/            the embedded Chroma database (unless QA_CHROMA_URL names a server)

A run builds its generation in a temporary folder, renames it into place, then replaces
``manifest.json`` atomically. Until that replace, readers (and a crashed run's successor) see
the previous manifest and the previous generation, untouched.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import numpy as np

from ingest.arrays import npy_bytes
from ingest.atomic import atomic_write_bytes, atomic_write_text, umask
from ingest.chunktable import ChunkTable
from ingest.errors import IndexDamagedError
from ingest.integrity import verify_text
from ingest.records import chunk_from
from ingest.segments import head_name, linked_segments, segment_ends, segment_name
from ingest.types import Chunk, LoadedDocument

MANIFEST_VERSION = 2


class Generation:
    """The derived files of one run, in one folder."""

    def __init__(self, folder: Path, writer: ThreadPoolExecutor | None = None) -> None:
        self.folder = folder
        self.digests: dict[str, str] = {}  # sha256 of each file written through this object
        self._writer = writer
        self._pending: list[tuple[str, Future[str], Future[None]]] = []

    def write_file(self, name: str, data: bytes) -> None:
        """A file of the generation (``name`` relative, posix), its checksum kept in ``digests``.
        With ``writer`` threads the bytes are hashed and written (and synced) there, apart (none
        of which holds the GIL), while this thread encodes the next file; `wait` collects them."""
        path = self.folder / name
        if self._writer is not None:
            digest = self._writer.submit(_sha256_hex, data)
            self._pending.append((name, digest, self._writer.submit(_write, path, data)))
            return
        _write(path, data)
        self.digests[name] = _sha256_hex(data)

    def wait(self) -> None:
        """Every file handed to the writers is on disk (or its error raised here)."""
        pending, self._pending = self._pending, []
        for name, digest, written in pending:
            written.result()
            self.digests[name] = digest.result()

    @property
    def bm25_dir(self) -> Path:
        return self.folder / "bm25"

    def link_file(self, name: str, source: Path, digest: str) -> bool:
        """File ``name`` as a hard link to ``source``, a file of the committed generation whose
        checksum is ``digest`` (never written again: generations are only ever replaced whole).
        False when the file system refuses the link: the caller writes the bytes instead."""
        if not digest:
            return False
        path = self.folder / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, path)
        except OSError:
            return False
        self.digests[name] = digest
        return True

    def write_chunks(
        self,
        table: ChunkTable | list[Chunk],
        before: ChunkTable | None = None,
        before_digests: dict[str, str] | None = None,
    ) -> None:
        """The chunk table (`ChunkTable`, or chunks to make one of), its texts in segments of
        whole documents (`ingest.segments`): a segment whose rows are those of a segment of
        ``before`` (the committed table, read from its generation folder, whose files have the
        checksums ``before_digests``) is hard-linked from there instead of written."""
        table = table if isinstance(table, ChunkTable) else ChunkTable.of(table)
        ends = segment_ends(table)
        for name, data in table.files(ends).items():
            self.write_file(name, data)
        linked: dict[int, int] = {}
        if before is not None and before._folder is not None and before_digests:
            linked = linked_segments(table, ends, before)
        written = []
        for k in range(len(ends)):
            j = linked.get(k)
            if j is not None and all([
                self.link_file(name(k), before._folder / name(j), before_digests.get(name(j), ""))
                for name in (segment_name, head_name)
            ]):
                continue
            for name in (segment_name(k), head_name(k)):  # one of the two linked: both written
                self.digests.pop(name, None)
            written.append(k)
        for k, text, head in zip(written, table.text_segments(ends, written), table.head_segments(ends, written)):
            self.write_file(segment_name(k), text)  # (`_write` unlinks a link made above first)
            self.write_file(head_name(k), head)

    def read_chunks(self) -> list[Chunk]:
        if (self.folder / "chunks.json").is_file():
            return ChunkTable.read(self.folder).chunks()
        path = self.folder / "chunks.jsonl"  # indexes written before the chunk table
        if not path.is_file():
            return []
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
            return [chunk_from(json.loads(line)) for line in lines if line]
        except (ValueError, KeyError, TypeError) as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc

    def write_sentences(self, keys: list[list], vectors: np.ndarray) -> None:
        self.write_file("sentences.json", json.dumps(keys, ensure_ascii=False).encode())
        self.write_file("sentences.npy", npy_bytes(np.asarray(vectors, dtype=np.float32)))

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
        self.write_file("userdict.txt", userdict_text(words).encode())

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
        # one line: json's C encoder (with indent it runs in Python: 2.3 s at 1,000 documents)
        text = json.dumps(manifest, ensure_ascii=False)
        atomic_write_text(self.root / "manifest.json", text)

    # stamps -------------------------------------------------------------------------------
    def read_stamps(self, generation: str) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """([size, mtime ns] of the generation's files, of the stored texts) as recorded when they
        were written; empty for another generation or a missing or unreadable ``stamps.json``.
        Only a shortcut for `ingest.integrity.verify_folder`: a file whose stamp differs, or that
        has none, is hashed."""
        try:
            data = json.loads((self.root / "stamps.json").read_text(encoding="utf-8"))
            files = data["files"] if data.get("generation") == generation else {}
            return dict(files), dict(data.get("docs", {}))
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return {}, {}

    def write_stamps(self, generation: str, new_files: list[str], new_docs: list[str]) -> None:
        """Record the stamps of files written by this run (files verified or written earlier
        keep theirs); after the manifest: a run killed before leaves stale stamps, which only
        cost a hash."""
        files, docs = self.read_stamps(generation)
        folder = self.root / generation
        for name in new_files:
            st = (folder / name).stat()
            files[name] = [st.st_size, st.st_mtime_ns]
        for sha in new_docs:
            docs[sha] = self.document_stamp(sha)
        keep = {_stem(name) for name in _names(self.root / "docs")}
        docs = {sha: stamp for sha, stamp in sorted(docs.items()) if sha in keep}
        data = {"generation": generation, "files": dict(sorted(files.items())), "docs": docs}
        atomic_write_bytes(self.root / "stamps.json", json.dumps(data).encode(), sync=False)

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
        return sorted(
            p.name for p in self.root.iterdir() if p.name.startswith(("gen-", ".gen-tmp-"))
        )

    def has_generation(self, name: str) -> bool:
        return (self.root / name).is_dir()

    def publish(self, name: str, fill: Callable[[Generation], None]) -> Generation:
        """Build generation ``name`` in a temporary folder with ``fill``, then rename it into
        place. Only call this for a name the current manifest does not use."""
        with self.building(name) as built:
            fill(built)
        return built

    @contextmanager
    def building(self, name: str) -> Iterator[Generation]:
        """`publish` as a context: the files written to the generation yielded are written by
        threads meanwhile; leaving the block waits for them and renames the folder to ``name``
        (the yielded object then names it); an error removes the temporary folder."""
        self.root.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=self.root, prefix=".gen-tmp-"))
        try:
            os.chmod(tmp, 0o777 & ~umask())
            # writer threads: the files are on disk before the rename (leaving the pool waits
            # for them, also after an error)
            with ThreadPoolExecutor(max_workers=2, thread_name_prefix="generation") as writer:
                built = Generation(tmp, writer)
                yield built
                built.wait()
            target = self.root / name
            if target.exists():  # left by a run killed before its manifest named it
                shutil.rmtree(target)
            os.replace(tmp, target)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        built.folder = target
        built._writer = None

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

    def stored_documents(self) -> set[str]:
        """The shas of the stored texts (`has_document` of each, in one listing)."""
        try:
            with os.scandir(self.root / "docs") as entries:
                return {e.name[:-4] for e in entries if e.name.endswith(".txt") and e.is_file()}
        except (FileNotFoundError, NotADirectoryError):
            return set()

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

    def document_stamp(self, sha: str) -> list[int]:
        """[size, mtime in ns] of a stored text, recorded in the manifest at commit."""
        st = (self.root / "docs" / f"{sha}.txt").stat()
        return [st.st_size, st.st_mtime_ns]

    def prune_documents(self, keep: set[str]) -> None:
        """Delete stored texts (and their normalised copies) of documents not in ``keep``."""
        for name in ("docs", "normdocs"):
            folder = self.root / name
            for entry in _names(folder):
                if _stem(entry) not in keep:
                    (folder / entry).unlink(missing_ok=True)


def generation_name(*parts: bytes | str) -> str:
    digest = hashlib.sha256(str(MANIFEST_VERSION).encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"gen-{digest.hexdigest()[:16]}"


def userdict_text(words: list[str]) -> str:
    return "".join(f"{w}\n" for w in words)


def _names(folder: Path) -> list[str]:
    """The entry names of ``folder`` (none if it is missing)."""
    try:
        return os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []


def _stem(name: str) -> str:
    """``Path(name).stem`` without making a Path (20,000 names a re-sync at 10,000 documents)."""
    dot = name.rfind(".")
    return name[:dot] if 0 < dot < len(name) - 1 else name


def _sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(path: Path, data: bytes) -> None:
    """A file inside a generation being built: not visible until the folder is renamed. A name
    already there is unlinked first, never truncated: it may be a hard link to a file of the
    committed generation (`Generation.link_file`), which must not change."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
