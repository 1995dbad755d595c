"""The offline answerer's entry point, kept for its callers: `agent/offline/pipeline.py` holds
the stages (understand → gather → check → extract → compose)."""

from __future__ import annotations

from collections.abc import Sequence

from agent.offline.documents import PASSAGES
from agent.offline.pipeline import Pipeline
from agent.retrieval import HybridRetriever
from agent.types import Answer, Turn
from ingest.normalize import normalize_query
from ingest.reader import LoadedIndex


class OfflineAnswerer:
    def __init__(self, retriever: HybridRetriever, index: LoadedIndex, passages: int = PASSAGES) -> None:
        self.pipeline = Pipeline(retriever, index, passages)
        self.retriever = retriever
        self.index = index
        self.passages = passages

    def answer(self, question: str, turns: Sequence[Turn] = ()) -> Answer:
        return self.pipeline.run(question, turns)


__all__ = ["OfflineAnswerer", "normalize_query"]
