"""The LLM API key never leaves the process except in the Authorization header: a recognisable
key is set, the endpoint is unreachable or a stub that answers 401/500 and echoes the request's
Authorization header in its error body (as some gateways do), and every output is searched for
it: answers and notices, exception messages, log records at DEBUG, stdout/stderr, the web chat
and status tab, the page's config, the eval reports and the feedback files."""

import json
import logging
import socket
from pathlib import Path

import pytest
from llm_support import QuietHandler, index_policy, serving

from agent import PolicyQA, Settings
from agent.llm.failures import unavailable
from app import ChatHandlers, LibraryHandlers, build_app

pytestmark = pytest.mark.integration

KEY = "sk-LEAKCHECK-1234567890abcdef"
PARTS = (KEY, "LEAKCHECK", "1234567890abcdef")  # a shortened or split key is a leak too
POLICY = (
    "东兴区人工智能产业发展情况\n"
    "并济科技在东兴区打造的成渝中心算力枢纽智能运算中心，已稳定运营算力7300P，"
    "2025年1-5月营收达2.6亿元。\n"
)
QUESTION = "并济科技运营了多少算力？"


class EchoingStub(QuietHandler):
    """Every request fails with ``server.status``; the error body repeats the Authorization header."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.seen.append(self.headers.get("Authorization"))
        body = json.dumps({"error": {"message": f"invalid credentials: {self.headers.get('Authorization')}",
                                     "type": "invalid_request_error"}}).encode()
        self._send(self.server.status, "application/json", body)


@pytest.fixture(scope="module")
def stub():
    with serving(EchoingStub, seen=[], status=401) as server:
        yield server


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/v1"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, embedder):
    return index_policy(tmp_path_factory, embedder, "secrets", POLICY)


def leaks(*texts) -> list[str]:
    return [t[:200] for t in texts if any(p in str(t) for p in PARTS)]


def files_with_key(folder: Path) -> list[str]:
    return [str(p) for p in folder.rglob("*") if p.is_file() and any(x.encode() in p.read_bytes() for x in PARTS)]


@pytest.mark.parametrize("endpoint", ["dead", 401, 500])
def test_key_is_in_no_answer_error_log_page_or_file(endpoint, stub, corpus, tmp_path, caplog, capfd):
    root, memo = corpus
    stub.status = endpoint if endpoint != "dead" else 401
    url = dead_url() if endpoint == "dead" else stub.url
    env = {"QA_LLM_BASE_URL": url, "QA_LLM_MODEL": "m", "QA_LLM_API_KEY": KEY,
           "QA_FEEDBACK_PATH": str(tmp_path / "fb" / "feedback.jsonl")}
    caplog.set_level(logging.DEBUG)
    seen_before = len(stub.seen)

    qa = PolicyQA.open(root / "corpus", root / ".index", Settings.from_env(env=env), refresh=False,
                       embedder=memo)
    answer = qa.ask(QUESTION)
    assert answer.mode == "offline" and "7300P" in answer.text  # the fallback answered
    expected = {"dead": "大模型服务连接失败（", 401: "大模型 API 密钥无效（", 500: "大模型服务出错（HTTP 500"}
    assert answer.notice.startswith(expected[endpoint])
    if endpoint != "dead":  # the key did go to the endpoint, in the header, and came back in the body
        assert stub.seen[seen_before:] == [f"Bearer {KEY}"]

    chat = ChatHandlers(qa)
    *_, (_, messages, records) = chat.respond(QUESTION, [], [])
    entry = chat.feedback(records, records[0]["message_index"], False, "不对")
    library = LibraryHandlers(chat)
    status = library.status()
    saved = library.save_llm(url, "m", "")  # keeps the key already set
    page = json.dumps(build_app(qa, chat).get_config_file(), ensure_ascii=False, default=str)

    from evals.cli import main as evals_main
    from evals.feedback import DEFAULT_INPUT  # noqa: F401  the module the import command uses

    drafts = tmp_path / "fb" / "drafts.jsonl"
    assert evals_main(["import-feedback", "--input", str(tmp_path / "fb" / "feedback.jsonl"),
                       "--output", str(drafts)]) == 0
    assert drafts.read_text(encoding="utf-8").count("\n") == 1

    out, err = capfd.readouterr()
    logged = [r.getMessage() + " " + str(r.args) + " " + str(r.exc_info) for r in caplog.records]
    assert leaks(answer.text, answer.notice, json.dumps(messages, ensure_ascii=False),
                 json.dumps(entry, ensure_ascii=False), status, *saved, page, out, err, *logged) == []
    assert files_with_key(tmp_path) == []
    assert qa.settings.llm.api_key == KEY  # kept for the next request, only never shown


def test_exception_messages_of_every_endpoint_failure_hide_the_key(corpus):
    """The cause text of an error whose message carries the key (an echoing server's 500, a
    provider's 401 body) shows it masked."""
    import httpx
    import openai

    from agent.config import LLMConfig

    config = LLMConfig(base_url="http://127.0.0.1:9/v1", model="m", api_key=KEY)
    request = httpx.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    for status, cls in ((500, openai.InternalServerError), (401, openai.AuthenticationError),
                        (418, openai.APIStatusError)):
        response = httpx.Response(status, request=request)
        exc = cls(f"Error code: {status} - bad key {KEY}", response=response, body=None)
        cause = unavailable(exc, config).cause
        assert leaks(cause, str(unavailable(exc, config))) == [], cause
    # the URL's own credentials (http://user:secret@host) are not shown either
    config = LLMConfig(base_url=f"http://user:{KEY}@127.0.0.1:9/v1", model="m", api_key="x")
    exc = openai.APIConnectionError(request=request)
    assert leaks(unavailable(exc, config).cause) == []


def test_eval_reports_of_an_llm_run_hold_no_key(stub, corpus, tmp_path, monkeypatch, capfd):
    """``python -m evals --llm`` on one case against the echoing stub (answers and the judge fail
    with the key in the error body): reports, stdout and stderr hold no key."""
    root, _ = corpus
    stub.status = 500
    for name, value in {"QA_LLM_BASE_URL": stub.url, "QA_LLM_MODEL": "m", "QA_LLM_API_KEY": KEY,
                        "QA_PROGRESS": "0"}.items():
        monkeypatch.setenv(name, value)
    for name in ("QA_CHROMA_URL", "QA_EMBEDDINGS", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    dataset = tmp_path / "one.jsonl"
    dataset.write_text(json.dumps({"id": "fact-001", "question": QUESTION, "key_facts": [["7300P"]],
                                   "answerable": True, "category": "fact", "evidence": ["7300P"]},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    from evals.cli import main as evals_main

    code = evals_main(["--llm", "--corpus", str(root / "corpus"), "--dataset", str(dataset),
                       "--index-dir", str(tmp_path / "idx"), "--output-dir", str(tmp_path / "reports"),
                       "--no-baselines", "--cache", str(tmp_path / "cache.sqlite"), "--quiet"])
    out, err = capfd.readouterr()
    assert code == 0, err
    report = json.loads((tmp_path / "reports" / "latest.json").read_text(encoding="utf-8"))
    assert "policyqa-llm" in report["levels"][0]["cases"]
    assert report["judge"]["skipped"] == (
        "LLM judge failed: OpenAIAPIError: Error code: 500 - invalid credentials: Bearer ***")
    assert leaks(out, err) == [] and files_with_key(tmp_path) == []
