"""Sentences around a candidate in its document: the ones before it, the next one, a role's own
sentence. Read from the index's chunk sentences, as `Candidate`s without scores."""

from __future__ import annotations

from agent.offline.gather.evidence import Candidate
from ingest.normalize import normalize, normalize_query
from ingest.reader import LoadedIndex


def role_sentence(index: LoadedIndex, role) -> Candidate:
    """The sentence that states a role (「县长赵敏介绍…」), as a candidate to quote."""
    original = index.documents[role.source].text[role.start : role.end]
    return Candidate(role.source, role.start, role.end, original, normalize_query(original),
                     0, 0.0, 0.0, 0.0, ())


def previous_sentence(index: LoadedIndex, cand: Candidate) -> Candidate | None:
    before = sentences_before(index, cand, 1)
    return before[-1] if before else None


def sentences_before(index: LoadedIndex, cand: Candidate, n: int) -> list[Candidate]:
    """Up to ``n`` sentences of the same document ending before ``cand``, in text order."""
    text = index.documents[cand.source].text
    out = []
    for start, end in sentence_spans(index, cand.source, 0, cand.start)[-n:]:
        original = text[start:end]
        out.append(Candidate(cand.source, start, end, original, normalize_query(original),
                             cand.rank, 0.0, 0.0, 0.0, ()))
    return out


def sentence_spans(index: LoadedIndex, source: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of ``source`` that lie within ``start``..``end``, in text
    order, each once (chunks overlap)."""
    return sorted({(s.start, s.end) for chunk in index.chunks_of(source) for s in chunk.sentences
                   if start <= s.start and s.end <= end})


def next_sentence(index: LoadedIndex, cand: Candidate) -> Candidate | None:
    """The sentence after ``cand`` in the same paragraph (line), if any."""
    text = index.documents[cand.source].text
    for chunk in index.chunks_of(cand.source):
        for s in chunk.sentences:
            if s.start >= cand.end and "\n" not in text[cand.end : s.start]:
                original = text[s.start : s.end]
                return Candidate(cand.source, s.start, s.end, original, normalize(original).text,
                                 cand.rank, 0.0, 0.0, 0.0, ())
    return None


__all__ = ["next_sentence", "previous_sentence", "role_sentence", "sentence_spans", "sentences_before"]
