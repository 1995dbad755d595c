"""Checksums of the index's own files, so that a truncated or overwritten file is noticed when
the index is opened and named in an `IndexDamagedError`, instead of being parsed into a foreign
exception (or, worse, into silently wrong answers).

The manifest records the sha256 of every file of its generation (``files``) and of every
document text (``documents[…].text_sha256``); indexes written before that have no checksums and
are only checked by parsing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.errors import IndexDamagedError

BLOCK = 1 << 20


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def folder_digests(folder: Path) -> dict[str, str]:
    """``{relative posix path: sha256}`` of every file under ``folder``."""
    return {
        path.relative_to(folder).as_posix(): file_digest(path)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def verify_folder(
    folder: Path, digests: dict[str, str], stamps: dict[str, list[int]] | None = None
) -> None:
    """Raise `IndexDamagedError` naming the first file of ``digests`` that is missing or differs.

    A file whose size and modification time still equal its entry in ``stamps`` (recorded when
    the generation was committed) is taken as unchanged without reading it: opening a
    10,000-document index then costs one ``stat`` a file instead of hashing ~0.5 GB. Any write
    to a file (truncation, overwritten bytes, a copy without its times) changes its stamp, and
    the file is hashed in full."""
    stamps = stamps or {}
    for name, expected in sorted(digests.items()):
        path = folder / name
        try:
            st = path.stat()
        except OSError:
            raise IndexDamagedError(path, "文件缺失") from None
        if not path.is_file():
            raise IndexDamagedError(path, "文件缺失")
        if stamps.get(name) == [st.st_size, st.st_mtime_ns]:
            continue
        if file_digest(path) != expected:
            raise IndexDamagedError(path, "内容与索引记录的校验值不符，文件被截断或改写")


def verify_text(path: Path, text: str, expected: str) -> str:
    if expected and text_digest(text) != expected:
        raise IndexDamagedError(path, "内容与索引记录的校验值不符，文件被截断或改写")
    return text
