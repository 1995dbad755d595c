"""How many chunks an index holds, and their ids, from its manifest.

The manifest records each document's number of chunks (``documents[…].chunks``); the ids
themselves are the generation's (``chunks.json``, checked against the manifest's checksums), in
the order of the BM25 rows. Manifests written before (``version`` 2 without counts) list every
chunk id (``chunk_ids``: 16 MB of a 42 MB manifest at 10,000 documents, read and written again
by every re-sync); they are still read, and the next sync that changes the index writes the
counts instead.
"""

from __future__ import annotations

import numpy as np

from ingest.chunktable import ChunkTable
from ingest.store import IndexFiles


def chunk_count(manifest: dict) -> int:
    """The chunks of the committed index (0 for an empty or missing manifest)."""
    if "chunk_ids" in manifest:
        return len(manifest["chunk_ids"])
    return sum(entry.get("chunks", 0) for entry in manifest.get("documents", {}).values())


def chunk_ids(files: IndexFiles, manifest: dict) -> list[str]:
    """The chunk ids of the committed index, in index order."""
    if "chunk_ids" in manifest:
        return list(manifest["chunk_ids"])
    if not manifest.get("generation"):
        return []
    return ChunkTable.read(files.current(manifest).folder).ids


def chunk_counts(table: ChunkTable) -> dict[str, int]:
    """``{source: its rows}`` of a chunk table."""
    if not len(table):
        return {}
    per_source = np.bincount(table.rows[:, 0], minlength=len(table.sources)).tolist()
    return dict(zip(table.sources, per_source))
