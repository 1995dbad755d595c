"""Format loaders behind one entry point: ``load_document(path, source, max_bytes)``."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ingest.errors import SkipDocument
from ingest.loaders.docx import load_docx
from ingest.loaders.extracted import Extracted
from ingest.loaders.html import load_html
from ingest.loaders.pdf import load_pdf
from ingest.loaders.text import load_text
from ingest.metadata import extract_metadata
from ingest.structure import detect_headings
from ingest.types import LoadedDocument

__all__ = ["SUPPORTED_SUFFIXES", "load_document"]

_LOADERS: dict[str, tuple[str, Callable[[bytes], Extracted]]] = {
    ".txt": ("txt", load_text),
    ".md": ("md", load_text),
    ".markdown": ("md", load_text),
    ".html": ("html", load_html),
    ".htm": ("html", load_html),
    ".docx": ("docx", load_docx),
    ".pdf": ("pdf", load_pdf),
}
SUPPORTED_SUFFIXES = frozenset(_LOADERS)
_FIXES = {
    ".doc": "请另存为 .docx 或 .pdf",
    ".wps": "请另存为 .docx 或 .pdf",
    ".rtf": "请另存为 .docx 或 .pdf",
    ".odt": "请另存为 .docx 或 .pdf",
    ".xls": "请另存为 .pdf，或把表格粘贴进 .docx",
    ".xlsx": "请另存为 .pdf，或把表格粘贴进 .docx",
    ".pptx": "请另存为 .pdf",
    ".ppt": "请另存为 .pdf",
}
_DEFAULT_FIX = "请转换为 .txt、.md、.html、.docx 或 .pdf"


def load_document(path: Path, source: str, max_bytes: int) -> LoadedDocument:
    """Load one file: text, headings and metadata. Raises ``SkipDocument`` (reason in Chinese)
    for unsupported formats, empty or oversized files and unreadable content."""
    suffix = path.suffix.lower()
    if suffix not in _LOADERS:
        shown = suffix or "（无扩展名）"
        raise SkipDocument(f"不支持的格式 {shown}；{_FIXES.get(suffix, _DEFAULT_FIX)}")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SkipDocument(
                f"文件大小 {_size(size)} 超过上限 {_size(max_bytes)}；"
                "请拆分文件或调高 QA_MAX_FILE_MB"
            )
        data = path.read_bytes()
    except OSError as err:
        raise SkipDocument(f"无法读取文件（{err.strerror or err}）；请检查文件权限或路径") from None
    if not data.strip():
        raise SkipDocument("文件为空；请写入内容后重新导入")
    fmt, loader = _LOADERS[suffix]
    extracted = loader(data)
    if not extracted.text.strip():
        raise SkipDocument("文件为空（没有可提取的文字）；请确认内容后重新导入")
    headings = detect_headings(extracted.text, extracted.hints)
    meta = extract_metadata(
        extracted.text, path, fmt, title_hint=extracted.title, headings=headings
    )
    return LoadedDocument(
        source=source,
        text=extracted.text,
        format=fmt,
        encoding=extracted.encoding,
        page_starts=extracted.page_starts,
        headings=headings,
        meta=meta,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _size(n: int) -> str:
    """61.2 MB, 50 MB, 1.5 KB, 10 字节"""
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} 字节"
