"""Documents and chunks as records: a document's manifest entry (`meta_to_dict`, read back by
`document_from`, or by `lazy_document` as a `LazyDocument` whose text is read on first use) and
a chunk as a JSON object (the ``chunks.jsonl`` of indexes written before the chunk table)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict

from ingest.integrity import text_digest
from ingest.types import Chunk, DocMeta, Heading, LoadedDocument, Sentence


def chunks_jsonl(chunks: list[Chunk]) -> bytes:
    lines = [json.dumps(_chunk_record(c), ensure_ascii=False) for c in chunks]
    return ("\n".join(lines) + ("\n" if lines else "")).encode()


def _chunk_record(chunk: Chunk) -> dict:
    # the fields of Chunk in order (dataclasses.asdict is ~10x slower: it deep-copies)
    return {
        "id": chunk.id,
        "source": chunk.source,
        "text": chunk.text,
        "search_text": chunk.search_text,
        "start": chunk.start,
        "end": chunk.end,
        "sentences": [[s.start, s.end] for s in chunk.sentences],
        "heading": chunk.heading,
        "page": chunk.page,
    }


def chunk_from(record: dict) -> Chunk:
    record = dict(record)
    record["sentences"] = tuple(Sentence(a, b) for a, b in record["sentences"])
    return Chunk(**record)


def meta_to_dict(doc: LoadedDocument) -> dict:
    return {
        "sha256": doc.sha256,
        "text_sha256": text_digest(doc.text),
        "chars": len(doc.text),
        "format": doc.format,
        "encoding": doc.encoding,
        "pages": len(doc.page_starts) or None,
        "page_starts": list(doc.page_starts),
        "headings": [[h.level, h.title, h.start, h.end] for h in doc.headings],
        "meta": asdict(doc.meta),
    }


def heading_from(record: list | dict) -> Heading:
    """A heading of a manifest entry: ``[level, title, start, end]``, or the ``{"level": …}``
    object of manifests written before (~7 MB more JSON at 10,000 documents)."""
    return Heading(*record) if isinstance(record, list) else Heading(**record)


def compact_entry(entry: dict) -> dict:
    """A manifest entry with its headings as lists (entries of older manifests are objects)."""
    headings = entry.get("headings")
    if headings and isinstance(headings[0], dict):
        return {**entry, "headings": [[h["level"], h["title"], h["start"], h["end"]] for h in headings]}
    return entry


class LazyDocument(LoadedDocument):
    """A document of the index whose text is read from ``docs/<sha>.txt`` (and checked against
    its digest) the first time it is used: opening or re-syncing 10,000 documents does not read
    31M characters that no question or change needs."""

    def __getattr__(self, name: str):  # only for attributes not found: ``text`` until read
        state = self.__dict__
        if name == "text" and "_read" in state:
            state["text"] = state["_read"]()
            return state["text"]
        raise AttributeError(name)

    def _get_headings(self) -> tuple[Heading, ...]:
        # a property: the dataclass's default () is a class attribute, found before __getattr__
        state = self.__dict__
        if "headings" not in state:  # 240k Heading objects at 10,000 documents: when needed
            state["headings"] = tuple(heading_from(h) for h in state.get("_headings", ()))
        return state["headings"]

    def _set_headings(self, value: tuple[Heading, ...]) -> None:  # dataclasses.replace
        self.__dict__["headings"] = value

    headings = property(_get_headings, _set_headings)

    @property
    def loaded(self) -> bool:
        return "text" in self.__dict__


def lazy_document(source: str, entry: dict, read: Callable[[], str]) -> LoadedDocument:
    doc = object.__new__(LazyDocument)
    doc.__dict__.update(
        source=source,
        format=entry["format"],
        encoding=entry.get("encoding", "utf-8"),
        page_starts=tuple(entry.get("page_starts") or ()),
        _headings=entry.get("headings", []),
        meta=DocMeta(**entry.get("meta", {})),
        sha256=entry["sha256"],
        stored_chars=entry.get("chars", 0),
        _read=read,
    )
    return doc


def document_from(source: str, text: str, entry: dict) -> LoadedDocument:
    return LoadedDocument(
        source=source,
        text=text,
        format=entry["format"],
        encoding=entry.get("encoding", "utf-8"),
        page_starts=tuple(entry.get("page_starts") or ()),
        headings=tuple(heading_from(h) for h in entry.get("headings", [])),
        meta=DocMeta(**entry.get("meta", {})),
        sha256=entry["sha256"],
    )
