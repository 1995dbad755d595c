"""Group sentences into chunks of about min..max characters with one sentence of overlap.

A chunk never splits a sentence and never crosses a heading; it prefers to end at a paragraph
break once it has reached the minimum size.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ingest.normalize import normalize
from ingest.sentences import split_sentences
from ingest.types import Chunk, Heading, LoadedDocument, Sentence


def chunk_id(source: str, start: int, text: str) -> str:
    return hashlib.sha256(f"{source}\0{start}\0{text}".encode()).hexdigest()


def chunk_document(doc: LoadedDocument, min_chars: int = 150, max_chars: int = 400) -> list[Chunk]:
    text = doc.text
    chunks: list[Chunk] = []
    for sec_start, sec_end, path in _sections(text, doc.headings):
        sentences = split_sentences(text, sec_start, sec_end)
        for group in _group(text, sentences, min_chars, max_chars):
            start, end = group[0].start, group[-1].end
            original = text[start:end]
            search = normalize(original).text
            if path:
                search = f"{normalize(path).text}\n{search}"
            chunks.append(
                Chunk(
                    id=chunk_id(doc.source, start, original),
                    source=doc.source,
                    text=original,
                    search_text=search,
                    start=start,
                    end=end,
                    sentences=tuple(group),
                    heading=path,
                    page=doc.page_at(start),
                )
            )
    return chunks


def _sections(text: str, headings: Sequence[Heading]) -> list[tuple[int, int, str]]:
    """Spans between headings, each with the heading path in force (heading line included)."""
    if not headings:
        return [(0, len(text), "")]
    ordered = sorted(headings, key=lambda h: h.start)
    spans = []
    if ordered[0].start > 0:
        spans.append((0, ordered[0].start, ""))
    stack: list[Heading] = []
    for i, head in enumerate(ordered):
        while stack and stack[-1].level >= head.level:
            stack.pop()
        stack.append(head)
        end = ordered[i + 1].start if i + 1 < len(ordered) else len(text)
        spans.append((head.start, end, " > ".join(h.title for h in stack)))
    return spans


def _group(
    text: str, sentences: list[Sentence], min_chars: int, max_chars: int
) -> list[list[Sentence]]:
    groups: list[list[Sentence]] = []
    current: list[Sentence] = []
    for sentence in sentences:
        if current:
            size = sentence.end - current[0].start
            paragraph_break = "\n" in text[current[-1].end : sentence.start]
            full = current[-1].end - current[0].start >= min_chars and paragraph_break
            if size > max_chars or full:
                groups.append(current)
                overlap = current[-1]
                keep = len(current) > 1 and sentence.end - overlap.start <= max_chars
                current = [overlap] if keep else []
        current.append(sentence)
    if current and not (groups and len(current) == 1 and current[0] == groups[-1][-1]):
        groups.append(current)
    return groups
