"""Retrieval baselines run on the same corpus and questions as PolicyQA.

- `LangChainDense`: the LangChain tutorial pattern, `RecursiveCharacterTextSplitter(chunk_size=500,
  chunk_overlap=50)` + Chroma + dense-only top-k, with the same e5 embedder as PolicyQA.
- `BM25Jieba`: BM25 only, over jieba search-mode tokens of PolicyQA's own chunks.
- `HybridPolicyQA`: PolicyQA's retrieval (`qa.retrieve`), so all three share one interface.

Each `search(question, k)` returns the texts of the k best chunks, best first, in the documents'
original script, so a chunk "hits" when it contains an evidence string verbatim.
"""

from __future__ import annotations

import uuid

import bm25s
import numpy as np

from ingest.normalize import normalize_query

CHUNK_SIZE = 500
CHUNK_OVERLAP = 50
# same HNSW search breadth as PolicyQA's own collection (ingest/index.py): Chroma's default loses
# recall on 384-d vectors, and the comparison is about chunking and fusion, not about HNSW tuning
HNSW_METADATA = {"hnsw:space": "cosine", "hnsw:search_ef": 500, "hnsw:construction_ef": 200}
ADD_BATCH = 1000


class HybridPolicyQA:
    name = "policyqa-retrieval"
    label = "PolicyQA hybrid (BM25+e5, RRF)"

    def __init__(self, qa) -> None:
        self.qa = qa

    def search(self, question: str, k: int) -> list[str]:
        return [p.text for p in self.qa.retrieve(question, k=k)]


class LangChainDense:
    name = "langchain-dense"
    label = "LangChain tutorial (500/50 splitter + Chroma, dense)"

    def __init__(self, documents, embeddings) -> None:
        """``documents``: PolicyQA `LoadedDocument`s (their extracted text); ``embeddings``: a
        LangChain `Embeddings` (e.g. `EmbedderEmbeddings` over PolicyQA's embedder)."""
        import chromadb
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP)
        texts: list[str] = []
        metadatas: list[dict] = []
        for doc in documents:
            for piece in splitter.split_text(doc.text):
                texts.append(piece)
                metadatas.append({"source": doc.source})
        self.texts = texts
        self.chunks = len(texts)
        self._store = Chroma(
            collection_name=f"baseline-{uuid.uuid4().hex[:12]}",
            embedding_function=embeddings,
            client=chromadb.EphemeralClient(),
            collection_metadata=HNSW_METADATA,
        )
        for lo in range(0, len(texts), ADD_BATCH):
            self._store.add_texts(texts[lo : lo + ADD_BATCH], metadatas=metadatas[lo : lo + ADD_BATCH])

    def search(self, question: str, k: int) -> list[str]:
        return [doc.page_content for doc in self._store.similarity_search(question, k=k)]

    def close(self) -> None:
        self._store.delete_collection()


class BM25Jieba:
    name = "bm25-jieba"
    label = "BM25 only (jieba tokens)"

    def __init__(self, chunks, segmenter) -> None:
        """``chunks``: PolicyQA `Chunk`s; ``segmenter``: the index's `Segmenter` (jieba)."""
        self.texts = [c.text for c in chunks]
        self._segmenter = segmenter
        self._bm25 = bm25s.BM25()
        tokens = [segmenter.tokens(c.search_text) or ["\u2205"] for c in chunks]
        self._bm25.index(tokens, show_progress=False)
        self._vocabulary = set(self._bm25.vocab_dict)
        self.chunks = len(self.texts)

    def search(self, question: str, k: int) -> list[str]:
        tokens = [t for t in self._segmenter.tokens(normalize_query(question)) if t in self._vocabulary]
        if not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens))
        order = [i for i in np.argsort(-scores, kind="stable")[:k] if scores[i] > 0]
        return [self.texts[i] for i in order]
