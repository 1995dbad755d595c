"""The name an uploaded file gets in the corpus folder, or the reason it cannot have one.

A browser sends whatever name the user's file had; the name must never lead out of the corpus
folder (``../``, an absolute path, a Windows ``\\`` path), hold NUL or control characters, or be
one that Windows cannot open (CON, NUL.txt, COM1 …; the corpus may be copied to Windows).
Chinese, spaces and other Unicode stay as they are.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.errors import SkipDocument

# Windows reserves these device names, with any extension (Microsoft, "Naming Files, Paths, and
# Namespaces": CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9)
WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)
MAX_NAME_BYTES = 255  # ext4, NTFS and APFS all limit one name to 255 (bytes or UTF-16 units)
_FORBIDDEN = set('<>:"|?*')  # Windows refuses these in a name
_SEPARATORS = re.compile(r"[\\/]")


def upload_name(raw: str) -> str:
    """The last path component of ``raw``, checked; raises `SkipDocument` (reason in Chinese)."""
    if "\x00" in raw:
        raise SkipDocument("文件名含空字符（NUL）；请把文件改名后重新上传")
    name = _SEPARATORS.split(raw)[-1].strip()
    if any(unicodedata.category(ch) == "Cc" for ch in name):
        raise SkipDocument("文件名含控制字符（如换行、制表符）；请把文件改名后重新上传")
    if name in ("", ".", ".."):
        raise SkipDocument(f"文件名 {shown(raw)} 不是有效的文件名；请把文件改名后重新上传")
    if bad := sorted({ch for ch in name if ch in _FORBIDDEN}):
        raise SkipDocument(
            f"文件名含 Windows 不允许的字符 {' '.join(bad)}；请把文件改名后重新上传"
        )
    if name.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED or name.endswith((".", " ")):
        raise SkipDocument(
            f"文件名 {name} 是 Windows 的保留设备名或以点、空格结尾，复制到 Windows 后无法打开；"
            "请改名后重新上传"
        )
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise SkipDocument(
            f"文件名过长（{len(name.encode('utf-8'))} 字节，上限 {MAX_NAME_BYTES}）；请缩短后重新上传"
        )
    return name


def shown(raw: str) -> str:
    """``raw`` for display: control characters (NUL, newlines) as �."""
    return "".join("�" if unicodedata.category(ch) == "Cc" else ch for ch in raw)
