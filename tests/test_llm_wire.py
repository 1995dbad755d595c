"""Plumbing, not quality: settings from the environment reach a real OpenAI-compatible endpoint
(a stub HTTP server on 127.0.0.1), and its failures fall back to the offline answer in time."""

import json
import socket
import time
from dataclasses import replace

import pytest
from llm_support import QuietHandler, ask_until_fallback, index_policy, serving

from agent import PolicyQA, Settings
from agent.llm import LLMAnswerer  # noqa: F401  imported up front: the budget is the endpoint's

pytestmark = pytest.mark.integration

POLICY = (
    "东兴区人工智能产业发展情况\n"
    "并济科技在东兴区打造的成渝中心算力枢纽智能运算中心，已稳定运营算力7300P，"
    "2025年1-5月营收达2.6亿元。\n"
    "东兴区拟与电子科技大学共建人工智能大数据实训基地。\n"
)
REPLY = "并济科技已稳定运营算力7300P[1]。"
QUESTION = "并济科技运营了多少算力？"


class StubHandler(QuietHandler):
    """/v1/chat/completions: a fixed completion (JSON, or SSE chunks when ``stream`` is set)."""

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.requests.append(
            {"path": self.path, "authorization": self.headers.get("Authorization"), "body": body}
        )
        if self.server.hang:
            time.sleep(self.server.hang)
            return
        if self.server.status != 200 or self.path != "/v1/chat/completions":
            status = self.server.status if self.path == "/v1/chat/completions" else 404
            self._send(status, "application/json", json.dumps(
                {"error": {"message": f"stub error {status}", "type": "invalid_request_error"}}
            ).encode())
            return
        if body.get("stream"):
            chunks = [{"role": "assistant", "content": REPLY[:6]}, {"content": REPLY[6:]}]
            events = [self._event(body, delta, None) for delta in chunks]
            events += [self._event(body, {}, "stop"), "data: [DONE]\n\n"]
            self._send(200, "text/event-stream", "".join(events).encode())
        else:
            message = {"role": "assistant", "content": REPLY}
            self._send(200, "application/json", json.dumps({
                "id": "stub", "object": "chat.completion", "created": 0, "model": body["model"],
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            }).encode())

    @staticmethod
    def _event(body, delta, finish):
        chunk = {"id": "stub", "object": "chat.completion.chunk", "created": 0,
                 "model": body["model"],
                 "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
        return f"data: {json.dumps(chunk)}\n\n"



@pytest.fixture
def stub():
    with serving(StubHandler, requests=[], status=200, hang=0) as server:
        yield server


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, embedder):
    return index_policy(tmp_path_factory, embedder, "wire", POLICY)


@pytest.fixture
def open_qa(corpus):
    """A `PolicyQA` over the small index, with settings read from ``env`` only."""
    root, memo = corpus

    def make(env, **llm_changes):
        settings = Settings.from_env(env=env)
        if llm_changes:
            settings = settings.with_(llm=replace(settings.llm, **llm_changes))
        qa = PolicyQA.open(root / "corpus", root / ".index", settings, refresh=False, embedder=memo)
        qa.offline.answer(QUESTION)  # warm up: its first answer loads lazily
        return qa

    return make


def test_qa_llm_settings_reach_the_wire(stub, open_qa):
    env = {"QA_LLM_BASE_URL": stub.url, "QA_LLM_MODEL": "qwen-test", "QA_LLM_API_KEY": "sk-qa"}
    answer = open_qa(env).ask(QUESTION)

    [request] = stub.requests
    assert request["path"] == "/v1/chat/completions"
    assert request["authorization"] == "Bearer sk-qa"
    assert request["body"]["model"] == "qwen-test" and request["body"]["stream"] is True
    assert request["body"]["max_tokens"] == 512 and "max_completion_tokens" not in request["body"]
    tools = [t["function"]["name"] for t in request["body"]["tools"]]
    assert tools == ["search_documents", "calculator"]
    assert request["body"]["messages"][0]["role"] == "system"
    assert "[1] corpus/policy.txt 「" in request["body"]["messages"][-1]["content"]
    assert answer.mode == "llm" and answer.text.startswith(REPLY + "\n\n依据：")
    assert answer.citations[0].quote.endswith("已稳定运营算力7300P，2025年1-5月营收达2.6亿元。")


def test_openai_variables_are_the_fallback(stub, open_qa):
    env = {"OPENAI_BASE_URL": stub.url, "OPENAI_API_KEY": "sk-openai", "QA_LLM_MODEL": "ds-chat"}
    answer = open_qa(env).ask(QUESTION)

    [request] = stub.requests
    assert request["authorization"] == "Bearer sk-openai"
    assert request["body"]["model"] == "ds-chat"
    assert answer.mode == "llm"


def test_no_key_sends_a_placeholder_for_local_servers(stub, open_qa):
    env = {"QA_LLM_BASE_URL": stub.url, "QA_LLM_MODEL": "qwen2.5:7b"}
    open_qa(env).ask(QUESTION)
    assert stub.requests[0]["authorization"] == "Bearer EMPTY"


@pytest.mark.parametrize(
    ("status", "cause"),
    [
        (401, "大模型 API 密钥无效（{url}），已改用离线答案；请检查 QA_LLM_API_KEY"),
        (404, "模型 qwen-test 不存在（{url}），已改用离线答案；请检查 QA_LLM_MODEL"),
        (500, "大模型服务出错（HTTP 500：stub error 500），已改用离线答案"),
    ],
)
def test_http_errors_fall_back_to_offline_with_the_cause(stub, open_qa, status, cause):
    stub.status = status
    env = {"QA_LLM_BASE_URL": stub.url, "QA_LLM_MODEL": "qwen-test", "QA_LLM_API_KEY": "sk-bad"}
    answer = open_qa(env).ask(QUESTION)
    assert len(stub.requests) == 1  # no retries
    assert answer.mode == "offline" and "7300P" in answer.text
    assert answer.notice.startswith(cause.format(url=stub.url))


def test_dead_endpoint_falls_back_within_the_budget(open_qa):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    url = f"http://127.0.0.1:{port}/v1"
    qa = open_qa({"QA_LLM_BASE_URL": url, "QA_LLM_MODEL": "m"})
    answer, seconds = ask_until_fallback(qa, QUESTION)
    assert seconds < 3.0
    assert answer.mode == "offline"
    assert answer.notice.startswith(f"大模型服务连接失败（{url}），已改用离线答案")


def test_connected_but_silent_endpoint_falls_back_after_the_first_token_budget(stub, open_qa):
    stub.hang = 5  # accepts the request, never answers: a model still reading, or a hung server
    env = {"QA_LLM_BASE_URL": stub.url, "QA_LLM_MODEL": "m", "QA_LLM_FIRST_TOKEN_BUDGET": "1.5"}
    qa = open_qa(env, connect_budget=0.5)
    answer, seconds = ask_until_fallback(qa, QUESTION)
    assert 1.5 <= seconds < 3.0  # connected, so the connect budget (0.5 s) does not apply
    assert answer.mode == "offline"
    cause = (f"大模型 1.5 秒内没有开始回答（{stub.url}），已改用离线答案；"
             "本地模型读资料较慢时可调大 QA_LLM_FIRST_TOKEN_BUDGET")
    assert answer.notice.startswith(cause)
    steps = list(open_qa(env, connect_budget=0.5).stream(QUESTION))
    assert [s.status for s in steps[:-1]] == ["模型正在阅读资料（已等待 1 秒）…"]
