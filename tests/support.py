"""Helpers several test modules share: a small made-up corpus opened as `PolicyQA`, the ingest
command line run as a user runs it, and a free local port for a server under test."""

import os
import socket
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def open_small_corpus(tmp_path_factory, embedder, name: str, files: dict[str, str], folder: str = "docs"):
    """Write ``files`` into a fresh ``<tmp>/<folder>`` and open its index (sources 「folder/file」).

    Settings come from an empty environment, so a user's QA_* variables do not leak in.
    """
    from agent.config import Settings
    from agent.policyqa import PolicyQA

    root = tmp_path_factory.mktemp(name)
    corpus = root / folder
    corpus.mkdir()
    for filename, text in files.items():
        (corpus / filename).write_text(text, encoding="utf-8")
    return PolicyQA.open(corpus_dir=corpus, index_dir=root / ".index", settings=Settings.from_env(env={}),
                         embedder=embedder)


def run_ingest(corpus: Path, index: Path, **env: str) -> subprocess.CompletedProcess:
    """``python -m ingest CORPUS --index-dir INDEX`` from the repo, offline, with ``env`` added to
    the environment (QA_CHROMA_URL and QA_EMBEDDINGS unset unless given). Never raises on failure."""
    environ = {k: v for k, v in os.environ.items() if k not in ("QA_CHROMA_URL", "QA_EMBEDDINGS")}
    environ.update(HF_HUB_OFFLINE="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "ingest", str(corpus), "--index-dir", str(index)],
        cwd=REPO,
        env=environ,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
