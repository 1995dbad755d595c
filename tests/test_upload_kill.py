"""SIGKILL of the app while it indexes an uploaded file, then a restart.

The app process is tests/qa_worker.py driving `webapp.uploads.index_uploads`, the code the
upload button runs (without Gradio around it); tests/slow_writes.py pauses it inside the index
write so that the kill lands there. After the kill the committed index never holds the document
in part: a process that only opens the index finds it absent (and still answers as before); the
app's restart, which syncs the corpus, indexes it fully; uploading it again works."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from slow_writes import MARK_CHROMA, MARK_GENERATION

from agent import PolicyQA, Settings
from ingest.chunkrefs import chunk_count
from ingest.index import release_local

pytestmark = [pytest.mark.slow, pytest.mark.integration]

REPO = Path(__file__).resolve().parents[1]
BASE = {
    "talent.txt": "人才公寓管理规定\n引进的博士可申请人才公寓，租期最长三年。\n",
    "compute.txt": "东兴区算力补贴办法\n租用算力按费用的30%给予补贴，每家企业每年最高500万元。\n",
}
UPLOADS = {
    "drone.txt": (
        "云杉县低空经济扶持通知\n对新购置工业无人机的企业，按购置价的15%给予一次性补贴。\n",
        "云杉县对新购置工业无人机的企业补贴多少？",
        "15%",
    ),
    "library.txt": (
        "青桐镇图书馆开放办法\n青桐镇图书馆每周二至周日开放，每天上午9点开馆。\n",
        "青桐镇图书馆每天几点开馆？",
        "9点",
    ),
}


class App:
    """tests/qa_worker.py as the app process; stderr collected for the slow_writes markers."""

    def __init__(self, corpus: Path, index: Path) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
        env.update(QA_CORPUS_DIR=str(corpus), QA_INDEX_DIR=str(index), QA_PROGRESS="0",
                   HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(REPO))
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "qa_worker.py")], cwd=REPO, env=env,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.err = ""
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        for line in self.proc.stderr:
            self.err += line

    def post(self, **command) -> None:
        self.proc.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()

    def send(self, **command) -> dict:
        self.post(**command)
        line = self.proc.stdout.readline()
        assert line, f"app process exited with {self.proc.poll()}: {self.err[-2000:]}"
        return json.loads(line)

    def kill_at(self, marker: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while marker not in self.err:
            assert self.proc.poll() is None, f"app exited first: {self.err[-2000:]}"
            assert time.monotonic() < deadline, f"no {marker!r} within {timeout} s"
            time.sleep(0.01)
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(timeout=60)


def first_line(reply: dict) -> str:
    return reply["text"].splitlines()[0]


@pytest.mark.parametrize("marker", [MARK_CHROMA, MARK_GENERATION], ids=["chroma", "generation"])
def test_upload_killed_mid_index_is_absent_then_fully_indexed_and_can_be_repeated(
    tmp_path, embedder, marker
):
    corpus, index, incoming = tmp_path / "corpus", tmp_path / ".index", tmp_path / "incoming"
    corpus.mkdir()
    incoming.mkdir()
    for name, text in BASE.items():
        (corpus / name).write_text(text, encoding="utf-8")
    name = "drone.txt" if marker == MARK_CHROMA else "library.txt"
    text, question, fact = UPLOADS[name]
    upload = incoming / name
    upload.write_text(text, encoding="utf-8")
    source = f"corpus/{name}"

    app = App(corpus, index)
    built = app.send(open=True, refresh=True)
    before = app.send(ask=question)
    assert not any(c[0] == source for c in before["citations"])
    app.send(slow="chroma" if marker == MARK_CHROMA else "generation", seconds=60)
    app.post(upload=[str(upload)])
    app.kill_at(marker)

    # opened without a sync (here, in the test's process): the previous index, no document
    settings = Settings.from_env(env={"QA_PROGRESS": "0"})
    reader = PolicyQA.open(corpus, index, settings, refresh=False, embedder=embedder)
    assert reader.index.generation == built["generation"]
    assert source not in {c.source for c in reader.index.chunks}
    assert len(reader.index.chunks) == chunk_count(reader.index.manifest)
    answer = reader.ask(question)
    cites = [[c.source, c.start, c.end, c.quote] for c in answer.citations]
    assert (answer.text, cites) == (before["text"], before["citations"])
    release_local(index / "chroma")  # the restarted app writes to it

    # the app restarts (syncing the corpus, as app.py does): the document, whole
    app = App(corpus, index)
    try:
        app.send(open=True, refresh=True)
        state = app.send(state=True)
        assert state["chunks"][source] >= 1
        assert sum(state["chunks"].values()) == state["chunk_ids"] == state["records"]
        after = app.send(ask=question)
        assert fact in first_line(after) and after["citations"][0][0] == source
        again = app.send(upload=[str(upload)])
        assert again["outcomes"] == [[name, "unchanged", f"与已收录的 {source} 相同"]]
        assert app.send(state=True) == state
    finally:
        app.close()
    assert sorted(p.name for p in corpus.iterdir()) == sorted([*BASE, name])  # no partial copy
    assert (corpus / name).read_text(encoding="utf-8") == text
