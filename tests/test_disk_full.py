"""Disk full while indexing: the index folder on a real, small tmpfs, filled up to a few
kilobytes; an upload that needs more. The upload fails with a Chinese DiskFullError that says
what to do, the corpus is left as it was, the previous index still answers (in the same process
and opened afresh), and once space is freed the same upload goes through.

Mounting a tmpfs needs root (CAP_SYS_ADMIN): elsewhere the test is skipped, saying so."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import gradio as gr
import pytest
from llm_support import MemoEmbedder

from agent import PolicyQA, Settings
from agent.errors import DiskFullError
from app import ChatHandlers, LibraryHandlers
from ingest.index import release_local
from webapp.uploads import index_uploads

pytestmark = pytest.mark.slow

DOCS = {
    "talent.txt": "人才公寓管理规定\n引进的博士可申请人才公寓，租期最长三年。\n",
    "compute.txt": "东兴区算力补贴办法\n租用算力按费用的30%给予补贴，每家企业每年最高500万元。\n",
}
QUESTION = "博士可以申请什么？"
NEW = "".join(f"第{i}条 青桐镇对第{i}类农机购置给予{i}%的补贴，每户每年最多申请{i + 1}台。\n" for i in range(1, 13))
NEW_QUESTION = "青桐镇对第7类农机购置给予多少补贴？"


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MB tmpfs mounted at ``tmp_path/disk`` for the test."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"不能挂载 tmpfs（{done.stderr.strip() or done.returncode}）：需要 root 权限")
    try:
        yield mount
    finally:
        release_local(mount / ".index" / "chroma")  # Chroma keeps its database open
        if subprocess.run(["umount", str(mount)], capture_output=True, check=False).returncode:
            subprocess.run(["umount", "-l", str(mount)], check=True)


def fill(mount: Path, leave: int) -> Path:
    """A file taking all free space on ``mount`` but ``leave`` bytes."""
    filler = mount / "filler.bin"
    stat = os.statvfs(mount)
    free = stat.f_bavail * stat.f_frsize
    with open(filler, "wb") as out:
        out.truncate(0)
        out.write(b"\0" * max(0, free - leave))
    return filler


# free space left before the upload, and the write that then fails (measured with chromadb
# 1.5.9): an embedding-cache shard; Chroma's SQLite ("database or disk is full"); Chroma's
# compaction ("Failed to apply logs to the metadata segment", taken for a full disk because
# the write failed with the disk nearly full)
LEAVE = {"cache-shard": 8, "chroma-sqlite": 80, "chroma-compaction": 160}


@pytest.mark.parametrize("where", list(LEAVE))
def test_upload_on_a_full_disk_fails_clearly_and_the_index_still_answers(
    small_disk, tmp_path, embedder, where
):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in DOCS.items():
        (corpus / name).write_text(text, encoding="utf-8")
    memo = MemoEmbedder(embedder)
    index = small_disk / ".index"
    settings = Settings.from_env(env={"QA_PROGRESS": "0"})
    qa = PolicyQA.open(corpus, index, settings, embedder=memo)
    before = qa.ask(QUESTION)
    generation = qa.index.generation
    incoming = tmp_path / "incoming" / "农机补贴.txt"
    incoming.parent.mkdir()
    incoming.write_text(NEW, encoding="utf-8")
    corpus_before = sorted(p.name for p in corpus.iterdir())

    filler = fill(small_disk, leave=LEAVE[where] * 1024)
    kb = LibraryHandlers(ChatHandlers(qa))
    with pytest.raises(gr.Error) as shown:
        kb.upload([str(incoming)])
    message = shown.value.message
    assert message.startswith(f"更新索引失败：磁盘空间不足，无法写入索引目录 {index}（")
    assert "请清理磁盘空间，或用 QA_INDEX_DIR 把索引放到空间更大的磁盘后重试" in message
    assert message.endswith("已有的索引保持不变，仍可回答；已收录的文档保持不变")
    with pytest.raises(DiskFullError):  # the library's own type, under the handler's message
        index_uploads(qa, [incoming])

    assert sorted(p.name for p in corpus.iterdir()) == corpus_before  # the upload was taken back
    after = qa.ask(QUESTION)
    assert (after.text, after.citations) == (before.text, before.citations)
    reopened = PolicyQA.open(corpus, index, settings, embedder=memo, refresh=False)
    assert reopened.index.generation == generation
    again = reopened.ask(QUESTION)
    assert (again.text, again.citations) == (before.text, before.citations)

    filler.unlink()  # space freed: the same upload now goes through
    [outcome] = index_uploads(qa, [incoming])
    assert outcome.status == "added" and outcome.detail.startswith("corpus/农机补贴.txt，")
    answer = qa.ask(NEW_QUESTION)
    assert "7%" in answer.text.splitlines()[0] and answer.citations[0].source == "corpus/农机补贴.txt"
    assert qa.ask(QUESTION).text == before.text
