"""An LLM endpoint that is down, rejects the key, streams garbage, drops the connection or stays
silent: the chat page (the chat handler's rendered reply) shows the offline answer, badged
离线抽取, with the one-line cause next to it. A hand-written HTTP stub on 127.0.0.1."""

from __future__ import annotations

import html
import json
import re
import time

import pytest
from llm_support import QuietHandler, index_policy, serving
from support import free_port

from agent import PolicyQA, Settings
from app import ChatHandlers

pytestmark = pytest.mark.integration

POLICY = (
    "东兴区人工智能产业发展情况\n"
    "并济科技在东兴区打造的成渝中心算力枢纽智能运算中心，已稳定运营算力7300P，"
    "2025年1-5月营收达2.6亿元。\n"
)
QUESTION = "并济科技运营了多少算力？"


class FaultyEndpoint(QuietHandler):
    """/v1/chat/completions failing as ``server.fault`` says."""

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        fault = self.server.fault
        if fault == "401":
            body = json.dumps({"error": {"message": "Incorrect API key", "type": "invalid_request_error"}})
            return self._send(401, "application/json", body.encode())
        if fault == "silent":
            time.sleep(4)
            return None
        chunk = {"id": "x", "object": "chat.completion.chunk", "created": 0, "model": "m",
                 "choices": [{"index": 0, "delta": {"role": "assistant", "content": "并济"},
                              "finish_reason": None}]}
        if fault == "garbage":  # an event cut off inside its JSON
            events = f"data: {json.dumps(chunk)}\n\ndata: {{\"id\": \"x\", \"choices\": [{{\"delta\n\n"
            return self._send(200, "text/event-stream", events.encode())
        if fault == "dropped":  # promises more bytes than it sends, then closes
            payload = f"data: {json.dumps(chunk)}\n\n".encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Content-Length", str(len(payload) + 500))
            self.end_headers()
            self.wfile.write(payload)
            self.wfile.flush()
            self.close_connection = True
            return None
        raise AssertionError(fault)



@pytest.fixture(scope="module")
def endpoint():
    with serving(FaultyEndpoint, fault="") as server:
        yield server


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, embedder):
    return index_policy(tmp_path_factory, embedder, "llm-page", POLICY)


def page_reply(corpus, url: str, **env) -> str:
    root, memo = corpus
    settings = Settings.from_env(env={"QA_LLM_BASE_URL": url, "QA_LLM_MODEL": "qwen-test", **env})
    qa = PolicyQA.open(root / "corpus", root / ".index", settings, refresh=False, embedder=memo)
    *_, (_, chat, records) = ChatHandlers(qa).respond(QUESTION, [], [])
    assert records[0]["mode"] == "offline"
    return chat[-1]["content"]


def notice_of(reply: str) -> str:
    """The notice as the page shows it (HTML entities and Markdown escapes undone)."""
    match = re.search(r'<span class="qa-notice">⚠️ (.*?)</span>', reply)
    assert match, reply
    return html.unescape(re.sub(r"\\(.)", r"\1", match.group(1)))


@pytest.mark.parametrize(
    ("fault", "cause"),
    [
        ("down", "大模型服务连接失败（{url}），已改用离线答案；请检查 QA_LLM_BASE_URL 与服务是否启动"),
        ("401", "大模型 API 密钥无效（{url}），已改用离线答案；请检查 QA_LLM_API_KEY"),
        ("garbage", "大模型服务返回了无法解析的数据（{url}），已改用离线答案"),
        ("dropped", "大模型服务连接中断（{url}），已改用离线答案；请检查服务是否仍在运行"),
        ("silent", ("大模型 1.5 秒内没有开始回答（{url}），已改用离线答案；"
                    "本地模型读资料较慢时可调大 QA_LLM_FIRST_TOKEN_BUDGET")),
    ],
    ids=["down", "401", "garbage", "dropped", "silent"],
)
def test_offline_answer_with_the_cause_reaches_the_page(corpus, endpoint, fault, cause):
    endpoint.fault = fault
    url = f"http://127.0.0.1:{free_port()}/v1" if fault == "down" else endpoint.url
    reply = page_reply(corpus, url, QA_LLM_FIRST_TOKEN_BUDGET="1.5")
    assert "已稳定运营算力7300P" in reply.splitlines()[0]  # the offline answer, with its marker
    assert re.search(r'<span class="qa-badge qa-offline">离线抽取 · \d+\.\d\d 秒</span>', reply)
    assert notice_of(reply).startswith(cause.format(url=url))
    assert "Traceback" not in reply and "Error" not in reply
