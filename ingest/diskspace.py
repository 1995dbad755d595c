"""A full disk (or quota) while writing the index, told apart from other I/O errors."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
# what SQLite (Chroma's embedded database) says instead of an errno
DISK_FULL_TEXT = ("database or disk is full", "no space left on device", "disk quota exceeded")


# Chroma does not always say why a write failed ("Error in compaction: Failed to apply logs to
# the metadata segment" when its disk filled up during the write): a write that fails with less
# than this left on the disk is taken for a full disk, not for a damaged database.
LOW_SPACE = 16 * 1024 * 1024


def low_on_space(folder: Path) -> bool:
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return shutil.disk_usage(candidate).free < LOW_SPACE
    return False


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in DISK_FULL:
        return True
    return any(text in str(exc).lower() for text in DISK_FULL_TEXT)


def disk_full_message(index_dir: Path, exc: BaseException) -> str:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return (
        f"磁盘空间不足，无法写入索引目录 {index_dir}（{reason}）；"
        "请清理磁盘空间，或用 QA_INDEX_DIR 把索引放到空间更大的磁盘后重试。"
        "已有的索引保持不变，仍可回答"
    )
