"""The knowledge-base table: rows of `DocumentInfo`, searched and sorted (no gradio here)."""

from __future__ import annotations

from collections.abc import Sequence

from agent.catalog import DocumentInfo
from ingest.normalize import to_simplified

COLUMNS = ["标题", "文件", "格式", "编码", "日期", "发文机关/文号", "块数", "大小", "入库时间"]
SORTS = {
    "入库时间（新→旧）": (lambda d: d.added, True),
    "标题": (lambda d: to_simplified(d.title or d.source), False),
    "文件名": (lambda d: d.source, False),
    "日期（新→旧）": (lambda d: d.date, True),
    "大小（大→小）": (lambda d: d.size_bytes, True),
    "块数（多→少）": (lambda d: d.chunks, True),
}
DEFAULT_SORT = "入库时间（新→旧）"


def table_rows(docs: Sequence[DocumentInfo], query: str = "", sort: str = DEFAULT_SORT) -> list[list]:
    """Documents whose title, file, issuer or number contain ``query`` (Simplified or
    Traditional, any case), in the order ``sort`` names; one row per document."""
    wanted = to_simplified(query or "").strip().lower()
    chosen = [d for d in docs if not wanted or wanted in _haystack(d)]
    key, reverse = SORTS.get(sort, SORTS[DEFAULT_SORT])
    chosen.sort(key=lambda d: d.source)  # ties keep file order
    chosen.sort(key=key, reverse=reverse)
    return [_row(d) for d in chosen]


def summary_line(docs: Sequence[DocumentInfo], shown: int) -> str:
    total = sum(d.size_bytes for d in docs)
    chunks = sum(d.chunks for d in docs)
    head = f"共 {len(docs)} 篇文档，{chunks} 块，{human_size(total)}"
    return head if shown == len(docs) else f"{head}；符合搜索的 {shown} 篇"


def human_size(n: int) -> str:
    for unit, scale in (("MB", 1024 * 1024), ("KB", 1024)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def _haystack(doc: DocumentInfo) -> str:
    return to_simplified(f"{doc.title} {doc.source} {doc.issuer} {doc.doc_number}").lower()


def _row(doc: DocumentInfo) -> list:
    issuer = " ".join(x for x in (doc.issuer, doc.doc_number) if x) or "—"
    date = f"{doc.date}（文件）" if doc.date and doc.date_from_file else doc.date or "—"
    return [
        doc.title or "—",
        doc.source,
        doc.format + (f"（{doc.pages} 页）" if doc.pages else ""),
        doc.encoding or "—",
        date,
        issuer,
        doc.chunks,
        human_size(doc.size_bytes),
        doc.added or "—",
    ]
