"""PDF: pypdf's text layer, pages joined with "\\n"; ``page_starts`` records each page's offset."""

from __future__ import annotations

from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from ingest.errors import SkipDocument
from ingest.loaders.extracted import Extracted

# pypdf raises its own errors and, on damaged files, also plain Python ones
_DAMAGED = (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError, RecursionError)


def load_pdf(data: bytes) -> Extracted:
    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SkipDocument("PDF 已加密；请先解除密码保护再导入")
        # NUL is never text; some font encodings make pypdf emit it between characters
        pages = [(page.extract_text() or "").replace("\x00", "") for page in reader.pages]
        title = (reader.metadata.title or "") if reader.metadata else ""
    except SkipDocument:
        raise
    except _DAMAGED as err:
        raise SkipDocument(
            f"无法读取 PDF（{type(err).__name__}: {err}）；请用 PDF 阅读器打开确认后重新导出"
        ) from None
    if not pages:
        raise SkipDocument("PDF 没有页面；请重新导出")
    if not any(page.strip() for page in pages):
        raise SkipDocument("PDF 没有文本层（可能是扫描件）；请先做 OCR")
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + 1
    return Extracted(text="\n".join(pages), page_starts=tuple(starts), title=str(title).strip())
