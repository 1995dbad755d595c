"""The chunk texts of a generation in segments of whole documents, so that a re-sync that
changes a few documents writes (and syncs and hashes) only the segments holding them and
hard-links the others from the committed generation.

A segment ends after each document whose source name hashes (crc32) to 0 modulo `SPAN`: the
boundaries depend on the names alone, so a changed text moves none of them, and an added or
removed document moves only the bounds of its own segment. At 10,000 documents that is ~156
segments of ~1.2 MB instead of one 193 MB ``chunks.txt`` written, synced and hashed again for
every one-document change.

Each segment has two files: its texts (`segment_name`) and its chunk ids and headings
(`head_name`), read back by `read_joined` and `read_heads`; ``chunks.json`` keeps the sources
and the segment ends. A segment is linked, not written, only when its rows are exactly the rows
of one segment of the committed table, copied from it as bytes (`ChunkTable.concat`): then its
bytes are that file's bytes, and its checksum is the one the committed manifest records
(checked when the previous generation was read for reuse, `ingest.lexbuild.load_previous`).
"""

from __future__ import annotations

import json
import zlib
from bisect import bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.errors import IndexDamagedError

if TYPE_CHECKING:  # chunktable imports this module
    from ingest.chunktable import ChunkTable

SPAN = 64  # documents a segment, on average


def segment_name(k: int) -> str:
    """File of segment ``k``: ``chunks.txt`` (a one-segment table keeps the older name),
    ``chunks.1.txt``, ``chunks.2.txt``, …"""
    return "chunks.txt" if k == 0 else f"chunks.{k}.txt"


def head_name(k: int) -> str:
    """File of segment ``k``'s chunk ids and headings (``{"ids": [...], "headings": [...]}``,
    the headings its rows use, in order of first use): ``chunks.0.json``, ``chunks.1.json``, …"""
    return f"chunks.{k}.json"


def ends_segment(source: str) -> bool:
    return zlib.crc32(source.encode("utf-8")) % SPAN == 0


def segment_ends(table: ChunkTable) -> list[int]:
    """The end row of each segment (the last is ``len(table)``; one segment for an empty table,
    or one whose documents' rows are not contiguous)."""
    try:
        spans = table.source_rows()
    except ValueError:
        return [len(table)]
    ends = [hi for source, (_, hi) in spans.items() if ends_segment(source)]
    if not ends or ends[-1] != len(table):
        ends.append(len(table))
    return ends


def linked_segments(table: ChunkTable, ends: list[int], before: ChunkTable | None) -> dict[int, int]:
    """``{segment of table: segment of before}`` for the segments of ``table`` whose rows were
    copied, in one piece, from exactly the rows of a segment of ``before`` (the committed
    table): their files are equal byte for byte."""
    if before is None or not before.segments or not table._parts:
        return {}
    old_starts = {start: j for j, start in enumerate([0, *before.segments[:-1]])}
    firsts = [first for first, _, _ in table._parts]
    linked: dict[int, int] = {}
    lo = 0
    for k, hi in enumerate(ends):
        if hi > lo:
            p = bisect_right(firsts, lo) - 1
            first, source, row = table._parts[p]
            end = firsts[p + 1] if p + 1 < len(firsts) else len(table)
            if source is before and hi <= end:
                old_lo = row + lo - first
                j = old_starts.get(old_lo)
                if j is not None and before.segments[j] == old_lo + hi - lo:
                    linked[k] = j
        lo = hi
    return linked


def read_heads(folder: Path, ends: list[int]) -> tuple[list[str], list[str]]:
    """The chunk ids and headings of a segmented table (`head_name`): the ids
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


def read_joined(paths: list[Path]) -> tuple[bytes | bytearray, list[int]]:
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
