"""The chunk table of a generation: every chunk's fields as columns (numpy arrays) and its texts
as one UTF-8 blob, written as a few files (`ChunkTable.files`, the texts in segments of whole
documents: `ingest.segments`) and read back, sliced or concatenated without building a `Chunk`
per row."""

from __future__ import annotations

import gc
import json
from bisect import bisect_right
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from ingest.arrays import npy_bytes
from ingest.errors import IndexDamagedError
from ingest.segments import read_heads, read_joined, segment_name
from ingest.types import Chunk, Sentence


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
            "chunks.npy": npy_bytes(np.asarray(rows, dtype=np.int64)),
            "chunk_sentences.npy": npy_bytes(np.asarray(self.spans, dtype=np.int32)),
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
                ids, headings = read_heads(folder, head["segments"])
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
        raw, sizes = read_joined([folder / segment_name(k) for k in range(len(ends))])
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
