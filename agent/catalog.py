"""What the index holds, for people: one `DocumentInfo` per document and the `IndexStats`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ingest.reader import LoadedIndex


@dataclass(frozen=True)
class DocumentInfo:
    """One indexed document as the knowledge-base table shows it."""

    source: str  # "corpus/报告.txt", what citations name
    title: str
    format: str  # txt | md | html | docx | pdf
    encoding: str
    date: str  # ISO date from the text, or the file's date when ``date_from_file``
    date_from_file: bool
    issuer: str
    doc_number: str
    chunks: int
    size_bytes: int  # of the file in the corpus folder (0 if it is gone)
    added: str  # when this version was first indexed, "YYYY-MM-DD HH:MM" (local time)
    pages: int | None = None


@dataclass(frozen=True)
class IndexStats:
    documents: int
    chunks: int
    vectors: int  # records in the Chroma collection (chunks; sentence vectors live in files)
    disk_bytes: int  # of the index folder
    last_ingest: str  # when the manifest was last written, "YYYY-MM-DD HH:MM:SS" (local time)
    embeddings: str  # the backend the index was built with


def describe_documents(index: LoadedIndex, corpus_dir: Path) -> list[DocumentInfo]:
    """Every document of ``index``, ordered by source."""
    chunks = Counter(c.source for c in index.chunks)
    entries = index.manifest.get("documents", {})
    out = []
    for source, doc in sorted(index.documents.items()):
        text_file = index.root / "docs" / f"{doc.sha256}.txt"
        out.append(
            DocumentInfo(
                source=source,
                title=doc.meta.title,
                format=doc.format,
                encoding=doc.encoding,
                date=doc.meta.date,
                date_from_file=doc.meta.date_source == "file",
                issuer=doc.meta.issuer,
                doc_number=doc.meta.doc_number,
                chunks=chunks.get(source, 0),
                size_bytes=_size(source_path(corpus_dir, source)),
                added=_mtime(text_file, "%Y-%m-%d %H:%M"),
                pages=entries.get(source, {}).get("pages"),
            )
        )
    return out


def index_stats(index: LoadedIndex) -> IndexStats:
    return IndexStats(
        documents=len(index.documents),
        chunks=len(index.chunks),
        vectors=index.vectors.count(),
        disk_bytes=sum(_size(p) for p in index.root.rglob("*") if p.is_file()),
        last_ingest=_mtime(index.root / "manifest.json", "%Y-%m-%d %H:%M:%S"),
        embeddings=index.embeddings,
    )


def source_path(corpus_dir: Path, source: str) -> Path | None:
    """The file of ``source`` ("<corpus folder name>/<relative path>") inside ``corpus_dir``;
    None when the name points outside the folder."""
    prefix = f"{corpus_dir.name}/"
    if not source.startswith(prefix):
        return None
    path = corpus_dir / source[len(prefix) :]
    try:
        inside = path.resolve().is_relative_to(corpus_dir.resolve())
    except OSError:
        return None
    return path if inside else None


def _size(path: Path | None) -> int:
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def _mtime(path: Path, fmt: str) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime(fmt)
    except OSError:
        return ""
