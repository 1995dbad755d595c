"""Questions about a document itself (its author, title, number, issuer, date), answered from
the metadata found at ingest, and cited where that value stands in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import normalize
from ingest.types import LoadedDocument

_FIELDS: list[tuple[str, str, re.Pattern]] = [
    ("author", "作者", re.compile(r"作者|谁写的|撰稿|撰写|执笔|哪位记者|哪个记者|记者是谁|author|who wrote", re.I)),
    ("doc_number", "文号", re.compile(r"文号|发文字号|文件编号|document number", re.I)),
    ("issuer", "发文机关", re.compile(
        r"发文机关|(?:印发|发布|发文)(?:的)?(?:单位|部门|机关)|"
        r"(?:哪个|哪一?家|什么)(?:单位|部门|机关)(?:印发|发布|发文|出台|下发)|issued by", re.I)),
    ("title", "标题", re.compile(r"标题|题目|题为|叫什么名字的(?:文章|报道)|title", re.I)),
    ("date", "日期", re.compile(
        r"(?:发布|印发|成文|发表|出台|下发|签发)(?:的)?(?:日期|时间)|"
        r"(?:哪天|哪一天|哪日|什么时候|何时|几月几[日号])(?:正式)?(?:发布|印发|发的|出台|下发|签发|发出|发表)|"
        r"publication date|when was .* (?:issued|published)", re.I)),
]
_ABOUT_DOCUMENT = re.compile(
    r"这篇|本文|该文|文章|报道|稿子|文件|通知|方案|办法|意见|措施|规划|细则|决定|本报告|资料|"
    r"document|article|report|notice|plan|policy", re.I
)


@dataclass(frozen=True)
class MetaHit:
    label: str
    value: str
    source: str
    start: int
    end: int


def answer_from_metadata(question: str, docs: list[LoadedDocument]) -> MetaHit | None:
    """The asked field of the first document that has it and shows it in its text."""
    text = normalize(question).text
    for field, label, pattern in _FIELDS:
        if not pattern.search(text):
            continue
        if field not in ("doc_number", "issuer") and not _ABOUT_DOCUMENT.search(text):
            continue
        for doc in docs:
            value = getattr(doc.meta, field, "")
            if not value or (field == "date" and doc.meta.date_source != "text"):
                continue
            for form in _written_forms(field, value):
                span = _locate(doc.text, form, last=field in ("author", "date"))
                if span:
                    return MetaHit(label, doc.text[span[0] : span[1]], doc.source, *span)
    return None


def _written_forms(field: str, value: str) -> list[str]:
    """「2025-03-18」 is written 「2025年3月18日」 in the text."""
    date = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value) if field == "date" else None
    if not date:
        return [value]
    y, m, d = date.groups()
    return [f"{y}年{int(m)}月{int(d)}日", f"{y}年{m}月{d}日", value]


def _locate(text: str, value: str, last: bool) -> tuple[int, int] | None:
    index = text.rfind(value) if last else text.find(value)
    if index < 0:
        norm = normalize(text)
        target = normalize(value).text
        index = norm.text.rfind(target) if last else norm.text.find(target)
        if index < 0:
            return None
        return norm.original_span(index, index + len(target))
    return index, index + len(value)
