"""The files of an index folder, written so that a run killed at any point leaves a usable index.

Layout::

    manifest.json      the commit point of a run: documents (with the sha256 of their texts and
                       their number of chunks, ingest.chunkrefs), the generation in force and
                       the sha256 of each of its files (``files``, checked by ingest.integrity
                       when the index is opened)
    gen-<hash>/        one consistent set of derived files: the chunk table (chunks.json,
                       chunks.npy, chunk_sentences.npy, and per segment of whole documents
                       chunks.<k>.json and chunks.txt / chunks.<k>.txt, ingest.segments: a
                       re-sync hard-links unchanged segments; `ChunkTable`), sentences.json
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

import gc
import hashlib
import json
import os
import shutil
import tempfile
from bisect import bisect_right
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path

import numpy as np

from ingest.arrays import npy_bytes
from ingest.errors import IndexDamagedError
from ingest.integrity import text_digest, verify_text
from ingest.segments import head_name, linked_segments, segment_ends, segment_name
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
            return [_chunk_from(json.loads(line)) for line in lines if line]
        except (ValueError, KeyError, TypeError) as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc

    def write_sentences(self, keys: list[list], vectors: np.ndarray) -> None:
        self.write_file("sentences.json", json.dumps(keys, ensure_ascii=False).encode())
        self.write_file("sentences.npy", _npy_bytes(vectors))

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
            os.chmod(tmp, 0o777 & ~_umask())
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


class ChunkTable:
    """The chunks of a generation as columns: ``chunks.json`` (sources and segment ends; ids and
    headings too in generations written before segments), ``chunks.npy`` (one int64 row a chunk:
    source, start, end, page or -1, heading, characters of text and of search text, sentences),
    ``chunk_sentences.npy`` (int32 start, end pairs), and per segment (`ingest.segments`)
    ``chunks.<k>.json`` (its ids and headings) and ``chunks.txt`` / ``chunks.<k>.txt`` (text then
    search text of each of its chunks, UTF-8). Read ~5x faster than one JSON
    line a chunk (239k chunks: 9.7 s → see README), and sliced by document without parsing."""

    FILES = ("chunks.json", "chunks.npy", "chunk_sentences.npy", "chunks.txt")

    def __init__(
        self, ids, sources, headings, rows, spans, blob: str | None, raw: bytes | None = None,
        path: Path | None = None,
    ) -> None:
        self.ids: list[str] = ids
        self.sources: list[str] = sources
        self.headings: list[str] = headings
        self.rows: np.ndarray = rows  # (n, 8) int64
        self.spans: np.ndarray = spans  # (m, 2) int32
        # the texts as str, as UTF-8 bytes (chunks.txt), or both: a re-sync copies the bytes of
        # unchanged rows without decoding and encoding ~190 MB (10,000 documents)
        self._blob = blob
        self._raw = raw
        self._path = path  # the chunks.txt read (named if its bytes are not UTF-8)
        self._at: tuple[np.ndarray, np.ndarray] | None = None  # `_offsets`, once computed
        # read from a generation folder: the end row of each of its text segments (`ingest.segments`)
        self.segments: list[int] = []
        self._folder: Path | None = None
        # made by `concat`: (first row, table, its row) of each part, whose texts it can give
        self._parts: list[tuple[int, ChunkTable, int]] = []
        # made by `concat`: the texts' bytes as pieces (views of the parts' bytes), joined only
        # if all of them are asked for (`raw`, `blob`), and where each piece starts
        self._pieces: list[bytes | memoryview] | None = None
        self._piece_at: list[int] = []
        # read from segments: (character, byte) offsets where each segment starts, so that a
        # byte offset is found by scanning one segment, not the texts before it
        self._marks: tuple[list[int], list[int]] = ([], [])

    @property
    def blob(self) -> str:
        """Text then search text of every chunk (decoded from the bytes on first use)."""
        if self._blob is None:
            data = self._raw
            if data is None:
                data = b"".join(self._pieces) if self._pieces is not None else b""
            try:
                self._blob = data.decode("utf-8")
            except ValueError as exc:
                raise IndexDamagedError(self._path or Path("chunks.txt"), f"无法读取：{exc}") from exc
        return self._blob

    def raw(self) -> bytes:
        """chunks.txt: the texts as UTF-8."""
        if self._raw is None:
            if self._pieces is not None:
                self._raw = b"".join(self._pieces)
            else:
                self._raw = self.blob.encode("utf-8")
        return self._raw

    def _byte_offsets(self, rows: list[int]) -> dict[int, int]:
        """``{row: where its texts start in raw()}`` (``len(self)``: the end), found without
        joining the pieces of a `concat` table or decoding bytes."""
        _, char_at = self._offsets()
        if self._raw is not None:
            return dict(zip(rows, self._utf8_at([int(char_at[r]) for r in rows])))
        if self._pieces is not None:
            if not self._parts:  # a concat of nothing: no texts
                return dict.fromkeys(rows, 0)
            firsts = [first for first, _, _ in self._parts]
            grouped: dict[int, list[int]] = {}
            for r in rows:
                grouped.setdefault(max(0, bisect_right(firsts, r) - 1), []).append(r)
            out: dict[int, int] = {}
            for p, group in grouped.items():
                first, table, row = self._parts[p]
                local = table._byte_offsets([row, *(row + r - first for r in group)])
                for r in group:
                    out[r] = self._piece_at[p] + local[row + r - first] - local[row]
            return out
        out, at, byte = {}, 0, 0  # texts as str only: encoded slice by slice, in order
        for r in sorted(set(rows)):
            c = int(char_at[r])
            byte += len(self.blob[at:c].encode("utf-8"))
            at = c
            out[r] = byte
        return out

    def _utf8_at(self, positions: list[int]) -> list[int]:
        """Byte offsets in ``_raw`` of character ``positions``, scanned from the segment start
        before each (`_marks`) when the table was read from segments."""
        chars, starts = self._marks
        if not chars:
            order = sorted(set(positions))
            return [dict(zip(order, utf8_offsets(self._raw, order)))[p] for p in positions]
        view = memoryview(self._raw)
        out = []
        for position in positions:
            m = bisect_right(chars, position) - 1
            out.append(starts[m] + utf8_offsets(view[starts[m] :], [position - chars[m]])[0])
        return out

    def _bytes(self, a: int, b: int) -> bytes | memoryview:
        """Bytes ``a:b`` of raw(), without joining a `concat` table's pieces."""
        if self._pieces is None:
            return memoryview(self.raw())[a:b]
        out = []
        for piece, at in zip(self._pieces, self._piece_at):
            lo, hi = max(a, at), min(b, at + len(piece))
            if lo < hi:
                out.append(piece[lo - at : hi - at])
        return out[0] if len(out) == 1 else b"".join(out)

    @classmethod
    def of(cls, chunks: list[Chunk]) -> ChunkTable:
        sources: dict[str, int] = {}
        headings: dict[str, int] = {}
        rows = np.zeros((len(chunks), 8), dtype=np.int64)
        spans: list[tuple[int, int]] = []
        parts: list[str] = []
        for i, c in enumerate(chunks):
            rows[i] = (
                sources.setdefault(c.source, len(sources)), c.start, c.end,
                -1 if c.page is None else c.page, headings.setdefault(c.heading, len(headings)),
                len(c.text), len(c.search_text), len(c.sentences),
            )
            for sentence in c.sentences:
                spans.append((sentence.start, sentence.end))
            parts += (c.text, c.search_text)
        return cls([c.id for c in chunks], list(sources), list(headings), rows,
                   np.asarray(spans, dtype=np.int32).reshape(-1, 2), "".join(parts))

    @classmethod
    def concat(cls, parts: list[tuple[ChunkTable, int, int]]) -> ChunkTable:
        """Rows ``lo:hi`` of each table, in order, as one table: a re-sync copies the rows of
        unchanged documents by slicing arrays instead of serialising their chunks again."""
        ids: list[str] = []
        sources: dict[str, int] = {}
        headings: dict[str, int] = {}
        rows, spans, texts = [], [], []
        kept: list[tuple[int, ChunkTable, int]] = []
        parts = [(table, lo, hi) for table, lo, hi in parts if hi > lo]
        # byte offsets of the parts cut from tables held as bytes, one lookup a table
        wanted: dict[int, set[int]] = {}
        for table, lo, hi in parts:
            if table._raw is not None or table._pieces is not None:
                wanted.setdefault(id(table), set()).update((lo, hi))
        cuts: dict[int, dict[int, int]] = {}
        for table, _, _ in parts:
            if id(table) in wanted and id(table) not in cuts:
                cuts[id(table)] = table._byte_offsets(sorted(wanted[id(table)]))
        for table, lo, hi in parts:
            sent_at, char_at = table._offsets()
            part = table.rows[lo:hi].copy()
            # names in order of first use, as `of` numbers them: the same bytes as a full build
            for column, names, numbers in ((0, table.sources, sources), (4, table.headings, headings)):
                used, first = np.unique(part[:, column], return_index=True)
                mapping = np.zeros(len(names) or 1, dtype=np.int64)
                for old in used[np.argsort(first)].tolist():
                    mapping[old] = numbers.setdefault(names[old], len(numbers))
                part[:, column] = mapping[part[:, column]]
            rows.append(part)
            spans.append(table.spans[sent_at[lo] : sent_at[hi]])
            if id(table) in cuts:  # a view of its bytes: no copy
                texts.append(table._bytes(cuts[id(table)][lo], cuts[id(table)][hi]))
            else:
                texts.append(table.blob[int(char_at[lo]) : int(char_at[hi])].encode("utf-8"))
            kept.append((len(ids), table, lo))
            ids.extend(table.ids[lo:hi])
        joined = cls(
            ids, list(sources), list(headings),
            np.concatenate(rows) if rows else np.zeros((0, 8), dtype=np.int64),
            np.concatenate(spans) if spans else np.zeros((0, 2), dtype=np.int32),
            None, None,
        )
        joined._parts = kept
        joined._pieces = texts  # joined when all the texts are asked for
        joined._piece_at = np.cumsum([0, *map(len, texts)]).tolist()[:-1]
        return joined

    def _part(self, lo: int, hi: int) -> tuple[ChunkTable, int] | None:
        """(table, row) of a `concat` part holding rows ``lo:hi`` whole, while the joined texts
        are not decoded (None: decode them)."""
        if self._blob is not None or not self._parts:
            return None
        k = bisect_right([first for first, _, _ in self._parts], lo) - 1
        first, table, row = self._parts[k]
        end = self._parts[k + 1][0] if k + 1 < len(self._parts) else len(self.ids)
        return (table, row + lo - first) if hi <= end else None

    def _offsets(self) -> tuple[np.ndarray, np.ndarray]:
        """Where each row's sentences and characters start (one extra entry: the end)."""
        if self._at is None:
            sent_at = np.zeros(len(self.rows) + 1, dtype=np.int64)
            np.cumsum(self.rows[:, 7], out=sent_at[1:])
            char_at = np.zeros(len(self.rows) + 1, dtype=np.int64)
            np.cumsum(self.rows[:, 5] + self.rows[:, 6], out=char_at[1:])
            self._at = (sent_at, char_at)
        return self._at

    def files(self, ends: list[int] | None = None) -> dict[str, bytes]:
        """chunks.json, chunks.npy and chunk_sentences.npy; with the ids, headings and texts
        (chunks.txt) when ``ends`` is None, else chunks.json records those segment ends and
        `head_segments` and `text_segments` give the rest."""
        rows = self.rows
        if ends is None:
            head = {"ids": self.ids, "sources": self.sources, "headings": self.headings}
        else:
            head = {"sources": self.sources, "segments": ends}
            rows = self._headings_in_first_use()
        out = {
            "chunks.json": json.dumps(head, ensure_ascii=False).encode(),
            "chunks.npy": _npy_bytes(rows, np.int64),
            "chunk_sentences.npy": _npy_bytes(self.spans, np.int32),
        }
        if ends is None:
            out["chunks.txt"] = self.raw()
        return out

    def _headings_in_first_use(self) -> np.ndarray:
        """The rows with the heading numbers in order of first use (as `of` and `concat` number
        them; renumbered, with ``headings``, for a table that is not): the order in which
        `read` joins the segments' heading lists."""
        column = self.rows[:, 4]
        used, first = np.unique(column, return_index=True)
        order = used[np.argsort(first)]
        if len(order) == len(self.headings) and np.array_equal(order, np.arange(len(order))):
            return self.rows
        mapping = np.zeros(len(self.headings) or 1, dtype=np.int64)
        mapping[order] = np.arange(len(order))
        self.headings = [self.headings[i] for i in order.tolist()]
        self.rows = self.rows.copy()
        self.rows[:, 4] = mapping[column]
        return self.rows

    def head_segments(self, ends: list[int], which: list[int]) -> Iterator[bytes]:
        """``{"ids": [...], "headings": [...]}`` of each segment ``k`` of ``which``: its chunk ids
        and the headings its rows use, in order of first use."""
        starts = [0, *ends[:-1]]
        for k in which:
            lo, hi = starts[k], ends[k]
            used, first = np.unique(self.rows[lo:hi, 4], return_index=True)
            headings = [self.headings[i] for i in used[np.argsort(first)].tolist()]
            yield json.dumps({"ids": self.ids[lo:hi], "headings": headings}, ensure_ascii=False).encode()

    def text_segments(self, ends: list[int], which: list[int]) -> Iterator[bytes | memoryview]:
        """The UTF-8 texts of rows ``ends[k-1]:ends[k]`` for each segment ``k`` of ``which``
        (ascending): slices of the bytes when the table holds them as bytes or pieces of bytes,
        else its text slices encoded."""
        starts = [0, *ends[:-1]]
        if self._raw is None and self._pieces is None:
            _, char_at = self._offsets()
            for k in which:
                yield self.blob[int(char_at[starts[k]]) : int(char_at[ends[k]])].encode("utf-8")
            return
        at = self._byte_offsets(sorted({row for k in which for row in (starts[k], ends[k])}))
        for k in which:
            yield self._bytes(at[starts[k]], at[ends[k]])

    @classmethod
    def read(cls, folder: Path, checked: bool = False) -> ChunkTable:
        """The table of a generation folder. ``checked``: its files were just verified against
        the manifest's checksums, so the texts are not decoded to count their characters (they
        are when first used)."""
        path = folder / "chunks.json"
        try:
            head = json.loads(path.read_text(encoding="utf-8"))
            sources = head["sources"]
            if "ids" in head:  # one head for the whole table
                ids, headings = head["ids"], head["headings"]
            else:
                ids, headings = _read_heads(folder, head["segments"])
        except (ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc
        arrays = []
        for name in ("chunks.npy", "chunk_sentences.npy"):
            try:
                arrays.append(np.load(folder / name))
            except (ValueError, OSError, EOFError) as exc:
                raise IndexDamagedError(folder / name, f"无法读取：{exc}") from exc
        rows, spans = arrays
        n = len(ids)
        ends = head.get("segments", [n])  # written before the texts were segmented: one file
        if (
            not isinstance(ends, list) or not ends or ends[-1] != n
            or any(not isinstance(e, int) or e < 0 for e in ends)
            or any(b < a for a, b in zip(ends, ends[1:]))
        ):
            raise IndexDamagedError(path, "分块表的文本分段记录无效")
        raw, sizes = _read_joined([folder / segment_name(k) for k in range(len(ends))])
        table = cls(ids, sources, headings, rows, spans, None, raw, folder / "chunks.txt")
        table.segments, table._folder = ends, folder
        if (
            rows.ndim != 2 or rows.shape != (n, 8) or spans.ndim != 2 or spans.shape[1:] != (2,)
            or int(rows[:, 7].sum()) != len(spans)
            or (not checked and int(rows[:, 5].sum() + rows[:, 6].sum()) != len(table.blob))
            or (n and (rows[:, 0].max() >= len(sources) or rows[:, 4].max() >= len(headings)))
        ):
            raise IndexDamagedError(path, "分块表的各文件互不一致")
        if len(ends) > 1:
            char_at = table._offsets()[1]
            table._marks = ([int(char_at[r]) for r in [0, *ends[:-1]]],
                            np.cumsum([0, *sizes[:-1]]).tolist())
        return table

    def __len__(self) -> int:
        return len(self.ids)

    def row_sources(self) -> list[str]:
        """The source of each row."""
        sources = self.sources
        return [sources[k] for k in self.rows[:, 0].tolist()]

    def source_rows(self) -> dict[str, tuple[int, int]]:
        """``{source: (first row, end row)}``, in row order; `ValueError` when a source's rows
        are not contiguous (a table `of` chunks made document by document never is)."""
        column = self.rows[:, 0]
        if not len(column):
            return {}
        change = (np.flatnonzero(column[1:] != column[:-1]) + 1).tolist()
        out: dict[str, tuple[int, int]] = {}
        for lo, hi in zip([0, *change], [*change, len(column)]):
            source = self.sources[int(column[lo])]
            if source in out:
                raise ValueError(f"rows of {source} are not contiguous")
            out[source] = (lo, hi)
        return out

    def search_text(self, row: int) -> str:
        """The search text of one row, sliced from the blob."""
        part = self._part(row, row + 1)
        if part is not None:
            return part[0].search_text(part[1])
        _, char_at = self._offsets()
        mid = int(char_at[row] + self.rows[row, 5])
        return self.blob[mid : mid + int(self.rows[row, 6])]

    def chunks(self, lo: int = 0, hi: int | None = None) -> list[Chunk]:
        """Chunk objects of rows ``lo:hi`` (all by default), built without the dataclasses'
        __init__ (~3x faster; same objects)."""
        hi = len(self.ids) if hi is None else hi
        part = self._part(lo, hi)
        if part is not None and hi > lo:
            return part[0].chunks(part[1], part[1] + hi - lo)
        enabled = gc.isenabled()
        gc.disable()  # millions of new objects: collections while building cost 2/3 of the time
        try:
            return self._chunks(lo, hi)
        finally:
            if enabled:
                gc.enable()

    def _chunks(self, lo: int, hi: int) -> list[Chunk]:
        new, blob = object.__new__, self.blob
        # the slots' own setters (frozen: __setattr__ refuses; these are what __init__ uses)
        set_start, set_end = (Sentence.__dict__[f].__set__ for f in ("start", "end"))
        (set_id, set_source, set_text, set_search, set_cstart, set_cend, set_sentences,
         set_heading, set_page) = (Chunk.__dict__[f].__set__ for f in (
            "id", "source", "text", "search_text", "start", "end", "sentences", "heading", "page"))
        sent_at, char_at = self._offsets()
        flat = self.spans[sent_at[lo] : sent_at[hi]].ravel().tolist()
        starts, ends = flat[0::2], flat[1::2]
        sentences: list[Sentence] = []
        shared: dict[tuple[int, int], Sentence] = {}  # equal spans, one object (frozen: safe)
        for key in zip(starts, ends):
            sentence = shared.get(key)
            if sentence is None:
                sentence = shared[key] = new(Sentence)
                set_start(sentence, key[0])
                set_end(sentence, key[1])
            sentences.append(sentence)
        out: list[Chunk] = []
        at, s_at = int(char_at[lo]), 0
        sources, headings = self.sources, self.headings
        for cid, (src, start, end, page, head, n_text, n_search, n_sent) in zip(
            self.ids[lo:hi], self.rows[lo:hi].tolist()
        ):
            chunk = new(Chunk)
            mid = at + n_text
            set_id(chunk, cid)
            set_source(chunk, sources[src])
            set_text(chunk, blob[at:mid])
            set_search(chunk, blob[mid : mid + n_search])
            set_cstart(chunk, start)
            set_cend(chunk, end)
            set_sentences(chunk, tuple(sentences[s_at : s_at + n_sent]))
            set_heading(chunk, headings[head])
            set_page(chunk, None if page < 0 else page)
            at = mid + n_search
            s_at += n_sent
            out.append(chunk)
        return out


def utf8_offsets(raw: bytes, positions: list[int]) -> list[int]:
    """The byte offset in UTF-8 ``raw`` of each character position (ascending; the number of
    characters is the end): lead bytes counted block by block, without decoding."""
    data = np.frombuffer(raw, dtype=np.uint8)
    out: list[int] = []
    block = 1 << 22
    start = seen = 0  # bytes and characters before the block
    for position in positions:
        while True:
            leads = (data[start : start + block] & 0xC0) != 0x80
            count = int(np.count_nonzero(leads))
            if position < seen + count:
                out.append(start + int(np.flatnonzero(leads)[position - seen]))
                break
            if start + block >= len(data):
                if position == seen + count:
                    out.append(len(data))
                    break
                raise ValueError(f"character {position} is past the end of the text")
            start, seen = start + block, seen + count
    return out


def _read_heads(folder: Path, ends: list[int]) -> tuple[list[str], list[str]]:
    """The chunk ids and headings of a segmented table (`ingest.segments.head_name`): the ids
    one segment after the other, the headings in order of first use."""
    ids: list[str] = []
    headings: dict[str, None] = {}
    lo = 0
    for k, hi in enumerate(ends):
        path = folder / head_name(k)
        try:
            head = json.loads(path.read_text(encoding="utf-8"))
            part, names = head["ids"], head["headings"]
        except (ValueError, KeyError, TypeError, OSError) as exc:
            raise IndexDamagedError(path, f"无法解析：{exc}") from exc
        if not isinstance(part, list) or len(part) != hi - lo:
            raise IndexDamagedError(path, f"有 {len(part)} 块，分段记录 {hi - lo} 块")
        ids.extend(part)
        headings.update(dict.fromkeys(names))
        lo = hi
    return ids, list(headings)


def _read_joined(paths: list[Path]) -> tuple[bytes | bytearray, list[int]]:
    """The bytes of ``paths`` one after the other (read into one buffer: no second copy), and
    the size of each."""
    if len(paths) == 1:
        try:
            data = paths[0].read_bytes()
            return data, [len(data)]
        except OSError as exc:
            raise IndexDamagedError(paths[0], f"无法读取：{exc}") from exc
    try:
        sizes = [p.stat().st_size for p in paths]
    except OSError as exc:
        raise IndexDamagedError(Path(exc.filename or paths[0]), f"无法读取：{exc}") from exc
    buffer = bytearray(sum(sizes))
    view = memoryview(buffer)
    at = 0
    for path, size in zip(paths, sizes):
        try:
            with open(path, "rb") as handle:
                got = handle.readinto(view[at : at + size])
        except OSError as exc:
            raise IndexDamagedError(path, f"无法读取：{exc}") from exc
        if got != size:
            raise IndexDamagedError(path, f"读到 {got} 字节，应有 {size} 字节")
        at += size
    view.release()
    return buffer, sizes  # a bytearray: decoded, sliced and mapped as the bytes of one file would be


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


def _npy_bytes(array: np.ndarray, dtype=np.float32) -> bytes:
    return npy_bytes(np.asarray(array, dtype=dtype))


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
        "chars": len(doc.text),
        "format": doc.format,
        "encoding": doc.encoding,
        "pages": len(doc.page_starts) or None,
        "page_starts": list(doc.page_starts),
        "headings": [[h.level, h.title, h.start, h.end] for h in doc.headings],
        "meta": asdict(doc.meta),
    }


def heading_from(record: list | dict) -> Heading:
    """A heading of a manifest entry: ``[level, title, start, end]``, or the ``{"level": …}``
    object of manifests written before (~7 MB more JSON at 10,000 documents)."""
    return Heading(*record) if isinstance(record, list) else Heading(**record)


def compact_entry(entry: dict) -> dict:
    """A manifest entry with its headings as lists (entries of older manifests are objects)."""
    headings = entry.get("headings")
    if headings and isinstance(headings[0], dict):
        return {**entry, "headings": [[h["level"], h["title"], h["start"], h["end"]] for h in headings]}
    return entry


class LazyDocument(LoadedDocument):
    """A document of the index whose text is read from ``docs/<sha>.txt`` (and checked against
    its digest) the first time it is used: opening or re-syncing 10,000 documents does not read
    31M characters that no question or change needs."""

    def __getattr__(self, name: str):  # only for attributes not found: ``text`` until read
        state = self.__dict__
        if name == "text" and "_read" in state:
            state["text"] = state["_read"]()
            return state["text"]
        raise AttributeError(name)

    def _get_headings(self) -> tuple[Heading, ...]:
        # a property: the dataclass's default () is a class attribute, found before __getattr__
        state = self.__dict__
        if "headings" not in state:  # 240k Heading objects at 10,000 documents: when needed
            state["headings"] = tuple(heading_from(h) for h in state.get("_headings", ()))
        return state["headings"]

    def _set_headings(self, value: tuple[Heading, ...]) -> None:  # dataclasses.replace
        self.__dict__["headings"] = value

    headings = property(_get_headings, _set_headings)

    @property
    def loaded(self) -> bool:
        return "text" in self.__dict__


def lazy_document(source: str, entry: dict, read: Callable[[], str]) -> LoadedDocument:
    doc = object.__new__(LazyDocument)
    doc.__dict__.update(
        source=source,
        format=entry["format"],
        encoding=entry.get("encoding", "utf-8"),
        page_starts=tuple(entry.get("page_starts") or ()),
        _headings=entry.get("headings", []),
        meta=DocMeta(**entry.get("meta", {})),
        sha256=entry["sha256"],
        stored_chars=entry.get("chars", 0),
        _read=read,
    )
    return doc


def document_from(source: str, text: str, entry: dict) -> LoadedDocument:
    return LoadedDocument(
        source=source,
        text=text,
        format=entry["format"],
        encoding=entry.get("encoding", "utf-8"),
        page_starts=tuple(entry.get("page_starts") or ()),
        headings=tuple(heading_from(h) for h in entry.get("headings", [])),
        meta=DocMeta(**entry.get("meta", {})),
        sha256=entry["sha256"],
    )
