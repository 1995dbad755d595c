"""Rebuilding the damaged part of an index from the corpus.

Everything in an index folder is derived from the corpus, so a truncated or overwritten file
is repaired by deleting the part it belongs to and syncing again: the manifest, one generation
folder, one document text, or the embedded Chroma database. Vectors come back from the
embedding cache (an unreadable cache shard is simply skipped and re-embedded). Nothing is
deleted when the corpus folder is missing or empty: the error then names the file and the fix.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ingest.errors import IndexDamagedError
from ingest.index import discard_local
from ingest.scan import list_corpus

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_REPAIRS = 6  # more damaged parts than this at once: rebuild by hand


def corpus_at_hand(corpus_dir: Path) -> bool:
    return bool(list_corpus(Path(corpus_dir)))


def discard_damaged(index_dir: Path, path: Path) -> str:
    """Delete the part of the index that ``path`` belongs to; what was deleted, for the log."""
    index_dir = Path(index_dir)
    try:
        parts = Path(path).relative_to(index_dir).parts
    except ValueError:  # not inside this index folder: nothing of ours to delete
        raise IndexDamagedError(path, "不在索引目录内，无法自动修复") from None
    head = parts[0] if parts else ""
    if head == "chroma":
        discard_local(index_dir)
        return "chroma/"
    if head.startswith("gen-") or head == "bm25":
        shutil.rmtree(index_dir / head, ignore_errors=True)
        return f"{head}/"
    Path(path).unlink(missing_ok=True)  # manifest.json, docs/<sha>.txt, a legacy root file
    return "/".join(parts)


def repairing(attempt: Callable[[], T], index_dir: Path, corpus_dir: Path) -> tuple[T, list[str]]:
    """``attempt()``, again after deleting each damaged part it reports, while the corpus is at
    hand; also the parts deleted. The same part damaged twice is not retried."""
    repaired: list[str] = []
    for _ in range(MAX_REPAIRS):
        try:
            return attempt(), repaired
        except IndexDamagedError as exc:
            if not corpus_at_hand(corpus_dir):
                raise
            part = discard_damaged(index_dir, Path(exc.path))
            if part in repaired:
                raise
            log.warning("%s；已删除 %s，按语料目录重建", exc, part)
            repaired.append(part)
    return attempt(), repaired
