"""Typed records that flow through ingestion."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    """A heading found in a document's text: ``text[start:end]`` is the heading line."""

    level: int
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class DocMeta:
    title: str = ""
    date: str = ""  # ISO yyyy-mm-dd when known ("" otherwise)
    date_source: str = ""  # "text" | "file"
    author: str = ""
    issuer: str = ""
    doc_number: str = ""


@dataclass(frozen=True)
class LoadedDocument:
    """A document's extracted text. Every offset used downstream indexes ``text``.

    For .txt/.md ``text`` is the decoded file itself; for .docx/.pdf/.html it is the extracted
    text, kept in the index so citations can be shown and checked.
    """

    source: str  # corpus-relative path, e.g. "corpus/report.txt"
    text: str
    format: str  # "txt" | "md" | "html" | "docx" | "pdf"
    encoding: str = "utf-8"
    page_starts: tuple[int, ...] = ()  # PDF: offset in ``text`` where page i+1 starts
    headings: tuple[Heading, ...] = ()
    meta: DocMeta = field(default_factory=DocMeta)
    sha256: str = ""  # of the file's bytes

    def page_at(self, offset: int) -> int | None:
        if not self.page_starts:
            return None
        page = 1
        for i, start in enumerate(self.page_starts):
            if start <= offset:
                page = i + 1
        return page


# slots: no attribute dict in each of the ~240k chunks and ~200k distinct sentences an app
# holds at 10,000 documents (328 -> 120 and 240 -> 48 bytes an object: ~90 MB)
@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Chunk:
    id: str  # sha256 of source + offsets + text
    source: str
    text: str  # original text[start:end]
    search_text: str  # normalised (NFKC, Simplified) text used for search
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    heading: str = ""  # heading path, " > " joined
    page: int | None = None


@dataclass(frozen=True)
class Skipped:
    source: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    chunks: int = 0  # chunks in the index after the run
    embedded: int = 0  # texts embedded during this run
    seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)  # 读取, 分块, 嵌入, 写入索引
    stage_chars: dict[str, int] = field(default_factory=dict)  # characters each stage processed
    step_seconds: dict[str, float] = field(default_factory=dict)  # steps inside 写入索引
    repaired: list[str] = field(default_factory=list)  # damaged parts deleted and rebuilt
    # what the lexical side recomputed (ingest.lexbuild): tokenised chunks, documents whose
    # candidate words and roles were read, names counted in the whole corpus, words changed
    lexical: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        lines = [
            (
                f"新增 {len(self.added)}，更新 {len(self.updated)}，删除 {len(self.removed)}，"
                f"未变 {len(self.unchanged)}，跳过 {len(self.skipped)}；"
                f"索引共 {self.chunks} 块，本次嵌入 {self.embedded} 条，用时 {self.seconds:.2f} 秒"
            ),
        ]
        for name, secs in self.stage_seconds.items():
            line = f"  {name}: {secs:.2f} 秒"
            chars = self.stage_chars.get(name, 0)
            if chars:
                line += f"，{chars:,} 字" + (f"，{chars / secs:,.0f} 字/秒" if secs > 0 else "")
            lines.append(line)
        if self.step_seconds:
            steps = "，".join(f"{n} {s:.2f} 秒" for n, s in self.step_seconds.items())
            lines.append(f"    其中 {steps}")
        for skip in self.skipped:
            lines.append(f"  跳过 {skip.source}：{skip.reason}")
        if self.repaired:
            lines.append(f"  已按语料目录重建损坏的索引部分：{'、'.join(self.repaired)}")
        return "\n".join(lines)
