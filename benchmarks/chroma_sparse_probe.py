"""Does a self-hosted `chroma run` server support a sparse-vector (BM25-style) index?

    .venv/bin/python benchmarks/chroma_sparse_probe.py

Starts a real `chroma run` on a free port, creates a collection whose schema has a
`SparseVectorIndexConfig`, adds two records with sparse vectors and runs a sparse and an RRF
`Search`. With chromadb 1.5.9 the collection is refused ("Sparse vector indexing is not enabled
in local"), so PolicyQA keeps its BM25 index on disk next to the manifest (README, scale-out).
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import chromadb
from chromadb import Knn, Rrf, Schema, Search, SparseVectorIndexConfig
from chromadb.api.types import SparseVector


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def probe(client) -> None:
    schema = Schema()
    schema.create_index(config=SparseVectorIndexConfig(source_key=None, embedding_function=None), key="sparse")
    try:
        collection = client.create_collection("sparse-test", schema=schema, embedding_function=None)
    except Exception as exc:  # noqa: BLE001 - the server's refusal, whatever its class, is the finding
        print(f"稀疏向量索引：不支持（{type(exc).__name__}: {exc}）")
        return
    print("稀疏向量索引：可以建立")
    collection.add(
        ids=["a", "b"],
        embeddings=[[1, 0, 0], [0, 1, 0]],
        documents=["甲", "乙"],
        metadatas=[{"sparse": SparseVector(indices=[1, 5], values=[1.0, 2.0])},
                   {"sparse": SparseVector(indices=[2], values=[1.0])}],
    )
    sparse = Knn(query=SparseVector(indices=[5], values=[1.0]), key="sparse", return_rank=True)
    for name, rank in (("sparse", sparse), ("rrf", Rrf([Knn(query=[1, 0, 0], return_rank=True), sparse]))):
        try:
            print(name, collection.search(Search().rank(rank).limit(2)))
        except Exception as exc:  # noqa: BLE001 - reported, not handled
            print(f"{name} 检索失败：{type(exc).__name__}: {exc}")


def main() -> int:
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        chroma = Path(sys.executable).parent / "chroma"
        server = subprocess.Popen([str(chroma), "run", "--path", folder, "--port", str(port)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    client = chromadb.HttpClient(host="127.0.0.1", port=port)
                    client.heartbeat()
                    break
                except Exception:  # noqa: BLE001 - not up yet
                    time.sleep(0.2)
            print(f"chromadb {chromadb.__version__}，`chroma run` 端口 {port}")
            probe(client)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
