"""Files replaced atomically: written to a temporary file beside them, synced, then renamed over
the old name, so that a reader (or a run killed mid-write) sees the old bytes or the new ones,
never part of them."""

from __future__ import annotations

import os
import tempfile
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def umask() -> int:
    """The process's umask (read once): the mode bits files and folders are made without."""
    mask = os.umask(0o022)  # setting the umask is the only way to read it
    os.umask(mask)
    return mask


def atomic_write_bytes(path: Path, data: bytes, sync: bool = True) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.chmod(tmp, 0o666 & ~umask())  # mkstemp makes 0600; readers may be another user
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
