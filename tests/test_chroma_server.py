"""Server mode: a real `chroma run` on 127.0.0.1, QA_CHROMA_URL pointing at it; ingest, ask, sync
and the CLI go through `chromadb.HttpClient`. A wrong QA_CHROMA_URL is a clear Chinese error."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import chromadb
import pytest
from support import free_port, run_ingest

from agent import PolicyQA, Settings
from ingest.chunkrefs import chunk_count, chunk_ids
from ingest.cli import main as ingest_main
from ingest.config import IngestConfig
from ingest.errors import IndexMismatchError, IndexUnavailableError, IngestConfigError
from ingest.pipeline import sync_corpus
from ingest.reader import open_index
from ingest.store import IndexFiles

pytestmark = pytest.mark.integration

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "corpus" / "dongxing-ai-industry.txt"
CHROMA = Path(sys.executable).with_name("chroma")


def start_chroma(data: Path, port: int, log) -> subprocess.Popen:
    """`chroma run` on 127.0.0.1:``port`` over ``data``, once it answers its heartbeat."""
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            pytest.fail(f"chroma run exited with {proc.returncode}; see {log.name}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                return proc
        except OSError:
            if time.monotonic() > deadline:
                stop_chroma(proc)
                pytest.fail(f"chroma run did not answer on port {port} within 60 s")
            time.sleep(0.1)


def stop_chroma(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if proc.poll() is not None:
        return
    os.kill(proc.pid, sig)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """``(url, host, port, data_dir)`` of a `chroma run` started for this module."""
    data = tmp_path_factory.mktemp("chroma-server")
    port = free_port()
    log = open(data.parent / f"chroma-{port}.log", "wb")  # noqa: SIM115 - closed in finalizer
    proc = start_chroma(data, port, log)
    try:
        yield f"http://127.0.0.1:{port}", "127.0.0.1", port, data
    finally:
        stop_chroma(proc)
        log.close()


def server_settings(url: str, collection: str, tmp_path: Path) -> Settings:
    env = {"QA_CHROMA_URL": url, "QA_CHROMA_COLLECTION": collection, "QA_PROGRESS": "0"}
    return Settings.from_env(env=env, feedback_path=tmp_path / "feedback.jsonl")


def test_ingest_and_ask_against_a_chroma_server(chroma_server, tmp_path, embedder):
    url, host, port, data = chroma_server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEED, corpus / SEED.name)
    index = tmp_path / ".index"
    settings = server_settings(url, "seed", tmp_path)

    qa = PolicyQA.open(corpus, index, settings=settings, embedder=embedder)

    answer = qa.ask("并济科技的算力接入了哪个经济圈？")
    assert "成渝地区双城经济圈" in answer.text.splitlines()[0]
    assert answer.citations[0].source == "corpus/dongxing-ai-industry.txt"
    assert "成渝地區雙城經濟圈" in answer.citations[0].quote
    assert "≥17300P" in qa.retrieve("新投资的智算中心建成后算力规模多大？", k=3)[0].text

    server = chromadb.HttpClient(host=host, port=port)
    assert server.get_collection("seed").count() == len(qa.index.chunks) == qa.report.chunks
    assert qa.index.manifest["chroma_url"] == url
    assert not (index / "chroma").exists()  # no embedded database next to the index
    assert (data / "chroma.sqlite3").is_file()

    again = PolicyQA.open(corpus, index, settings=settings, embedder=embedder)
    assert (again.report.embedded, again.report.unchanged) == (
        0,
        ["corpus/dongxing-ai-industry.txt"],
    )
    assert server.get_collection("seed").count() == qa.report.chunks


def test_cli_and_incremental_sync_against_a_chroma_server(chroma_server, tmp_path, embedder):
    url, host, port, _ = chroma_server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "东兴区算力补贴办法\n租用算力按费用的30%补贴。\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text("人才公寓\n引进的博士可申请人才公寓。\n", encoding="utf-8")
    index = tmp_path / ".index"
    run = run_ingest(corpus, index, QA_CHROMA_URL=url, QA_CHROMA_COLLECTION="incremental", QA_PROGRESS="0")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("新增 2，更新 0，删除 0，未变 0，跳过 0；")
    collection = chromadb.HttpClient(host=host, port=port).get_collection("incremental")
    manifest = IndexFiles(index).read_manifest()
    assert set(collection.get()["ids"]) == set(chunk_ids(IndexFiles(index), manifest))

    (corpus / "b.txt").unlink()
    config = IngestConfig.from_env({"QA_CHROMA_URL": url, "QA_CHROMA_COLLECTION": "incremental", "QA_PROGRESS": "0"})
    report = sync_corpus(corpus, index, config, embedder)

    assert (report.removed, report.embedded) == (["corpus/b.txt"], 0)
    got = collection.get()
    manifest = IndexFiles(index).read_manifest()
    assert set(got["ids"]) == set(chunk_ids(IndexFiles(index), manifest))
    assert {m["source"] for m in got["metadatas"]} == {"corpus/a.txt"}
    # the same index opened without the server points the user at a sync
    with pytest.raises(IndexMismatchError) as info:
        open_index(index, IngestConfig(progress=False, collection="incremental"))
    assert "python -m ingest" in str(info.value) and url in str(info.value)


def test_bad_chroma_url_is_a_clear_chinese_error(tmp_path, embedder, capsys, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("人才公寓\n引进的博士可申请人才公寓。\n", encoding="utf-8")
    index = tmp_path / ".index"
    port = free_port()  # nothing listens here

    with pytest.raises(IngestConfigError) as info:
        sync_corpus(corpus, index, IngestConfig(chroma_url=f"http://127.0.0.1:{port}"), embedder)
    message = str(info.value)
    assert message.startswith(f"无法连接 Chroma 服务 QA_CHROMA_URL=http://127.0.0.1:{port}（")
    assert f"请先启动服务，例如 `chroma run --path 目录 --port {port}`" in message
    assert not (index / "embcache").exists()  # failed before embedding anything

    with pytest.raises(IngestConfigError) as info:
        sync_corpus(corpus, index, IngestConfig(chroma_url="127.0.0.1:8000"), embedder)
    assert str(info.value) == (
        "QA_CHROMA_URL='127.0.0.1:8000' 不是有效地址；"
        "请写成 http://主机:端口，例如 http://127.0.0.1:8000"
    )

    monkeypatch.setenv("QA_CHROMA_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("QA_PROGRESS", "0")
    assert ingest_main([str(corpus), "--index-dir", str(index)]) == 2
    assert capsys.readouterr().err.startswith(
        f"错误：无法连接 Chroma 服务 QA_CHROMA_URL=http://127.0.0.1:{port}"
    )


class AppProcess:
    """tests/qa_worker.py in its own process: an app process as the web app runs it."""

    def __init__(self, env: dict[str, str]) -> None:
        environ = {k: v for k, v in os.environ.items() if not k.startswith("QA_")}
        environ.update(env, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(REPO))
        self.proc = subprocess.Popen(
            [sys.executable, str(REPO / "tests" / "qa_worker.py")],
            cwd=REPO, env=environ, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )

    def send(self, **command) -> dict:
        self.proc.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        assert line, f"app process exited with {self.proc.poll()}"
        return json.loads(line)

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def test_two_app_processes_over_one_chroma_server_answer_identically(chroma_server, tmp_path):
    """Ingest through one app process, answer through both; a document uploaded through the first
    is answered by the second at its next question, with the same citations."""
    url, host, port, _ = chroma_server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copyfile(SEED, corpus / SEED.name)
    env = {"QA_CHROMA_URL": url, "QA_CHROMA_COLLECTION": "two-processes", "QA_PROGRESS": "0",
           "QA_CORPUS_DIR": str(corpus), "QA_INDEX_DIR": str(tmp_path / ".index")}
    first, second = AppProcess(env), AppProcess(env)
    try:
        built = first.send(open=True, refresh=True)
        assert second.send(open=True, refresh=False) == built

        question = "并济科技的算力接入了哪个经济圈？"
        one, two = first.send(ask=question), second.send(ask=question)
        assert one == two
        assert "成渝地区双城经济圈" in one["text"].splitlines()[0]
        assert one["citations"][0][0] == "corpus/dongxing-ai-industry.txt"

        (corpus / "drone.txt").write_text(
            "云杉县低空经济扶持通知\n对新购置工业无人机的企业，按购置价的15%给予一次性补贴。\n",
            encoding="utf-8",
        )
        synced = first.send(refresh=True)
        assert synced["added"] == ["corpus/drone.txt"] and synced["generation"] != built["generation"]
        question = "云杉县对新购置工业无人机的企业补贴多少？"
        one, two = first.send(ask=question), second.send(ask=question)
        assert one == two  # the second process reloaded the new generation by itself
        assert two["generation"] == synced["generation"]
        assert "15%" in two["text"].splitlines()[0]
        assert two["citations"][0][:2] == ["corpus/drone.txt", 12]
        collection = chromadb.HttpClient(host=host, port=port).get_collection("two-processes")
        assert collection.count() == chunk_count(IndexFiles(tmp_path / ".index").read_manifest())
    finally:
        first.close()
        second.close()


def test_server_stopped_mid_session_is_said_in_chinese_then_answers_resume(tmp_path, embedder):
    """`chroma run` killed by its PID while the app is up: the API and the chat handler say the
    vector server cannot be reached and how to fix it; nothing needs restarting: once the server
    is back on the same port and data folder, the same question gets the same answer."""
    gr = pytest.importorskip("gradio")
    from app import ChatHandlers

    data, port = tmp_path / "chroma-data", free_port()
    data.mkdir()
    url = f"http://127.0.0.1:{port}"
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "drone.txt").write_text(
        "云杉县低空经济扶持通知\n对新购置工业无人机的企业，按购置价的15%给予一次性补贴。\n", encoding="utf-8"
    )
    (corpus / "talent.txt").write_text("人才公寓\n引进的博士可申请人才公寓。\n", encoding="utf-8")
    with open(tmp_path / "chroma.log", "wb") as log:
        server = start_chroma(data, port, log)
        try:
            qa = PolicyQA.open(corpus, tmp_path / ".index", settings=server_settings(url, "stop", tmp_path),
                               embedder=embedder)
            question = "云杉县对新购置工业无人机的企业补贴多少？"
            before = qa.ask(question)
            assert "15%" in before.text.splitlines()[0]
            assert before.citations[0].source == "corpus/drone.txt"
            chat = ChatHandlers(qa)

            stop_chroma(server, signal.SIGKILL)
            with pytest.raises(IndexUnavailableError) as info:
                qa.ask(question)
            message = str(info.value)
            assert message.startswith(f"向量库服务器 {url} 无法连接（ConnectError: ")
            assert f"请确认 Chroma 服务仍在运行（例如 `chroma run --path 数据目录 --port {port}`）" in message
            assert message.endswith("服务恢复后直接重新提问即可，无需重启应用")
            with pytest.raises(gr.Error) as shown:  # a notice in the page, not a traceback
                list(chat.respond(question, [], []))
            assert shown.value.message == message and shown.value.title == "无法回答"
            with pytest.raises(IndexUnavailableError):
                qa.retrieve(question, k=3)

            server = start_chroma(data, port, log)
            after = qa.ask(question)
            assert (after.text, after.citations) == (before.text, before.citations)
            *_, (_, _, records) = chat.respond(question, [], [])
            assert records[0]["answer"] == before.text
        finally:
            stop_chroma(server)
