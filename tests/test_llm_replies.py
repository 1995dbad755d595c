"""What real models send, scripted: a long silence before the first token, silence past the
budget, empty replies, malformed or unknown tool calls, no [n] markers, English or incoherent
sentences, a ramble. Each ends in an answer, a refusal or the offline answer with its cause."""

import re
from dataclasses import replace
from pathlib import Path

import httpx
import openai
import pytest
from langchain_core.messages import AIMessage, ToolMessage
from llm_support import ScriptedChatModel, ask_until_fallback, bad_call, call, index_policy

from agent import PolicyQA, Settings
from agent.config import LLMConfig
from agent.llm import ClaimReport
from agent.llm.answerer import system_prompt
from agent.llm.facts import figures_in, names_in, normal
from agent.llm.tools import Workspace, make_tools

POLICY = (
    "东兴区人工智能产业发展情况\n"
    "并济科技在东兴区打造的成渝中心算力枢纽智能运算中心，已稳定运营算力7300P，"
    "2025年1-5月营收达2.6亿元。\n"
    "东兴区拟与电子科技大学共建人工智能大数据实训基地。\n"
)
QUESTION = "并济科技运营了多少算力？"
REPO = Path(__file__).resolve().parents[1]
KEPT = "并济科技已稳定运营算力7300P[1]。"
DOC_SENTENCE = ("并济科技在东兴区打造的成渝中心算力枢纽智能运算中心，已稳定运营算力7300P，"
                "2025年1-5月营收达2.6亿元[1]。")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, embedder):
    return index_policy(tmp_path_factory, embedder, "replies", POLICY)


@pytest.fixture
def open_qa(corpus):
    root, memo = corpus

    def make(model, **llm):
        settings = Settings.from_env(env={})
        settings = settings.with_(llm=replace(LLMConfig(), **llm))
        return PolicyQA.open(root / "corpus", root / ".index", settings, refresh=False,
                             embedder=memo, chat_model=model)

    return make


def reply(text):
    return ScriptedChatModel(responses=[AIMessage(content=text)])


def test_slow_first_token_shows_the_wait_then_answers(open_qa):
    steps = list(open_qa(ScriptedChatModel(delay=2.4, responses=[AIMessage(content=KEPT)]))
                 .stream(QUESTION))
    waiting = [s.status for s in steps if s.status.startswith("模型正在阅读资料")]
    seconds = [int(re.fullmatch(r"模型正在阅读资料（已等待 (\d+) 秒）…", w).group(1)) for w in waiting]
    assert len(seconds) >= 2 and seconds == sorted(seconds) and seconds[0] >= 1
    assert all(s.text == "" for s in steps[: len(waiting)])
    final = steps[-1]
    assert final.mode == "llm" and final.status == "" and final.text.startswith(KEPT + "\n\n依据：")


def test_an_empty_first_chunk_does_not_start_the_gap_budget(open_qa):
    # llama.cpp's server sends the assistant role at once, then reads the prompt for a long time
    model = ScriptedChatModel(delay=2.2, role_first=True, responses=[AIMessage(content=KEPT)])
    answer = open_qa(model, timeout=1.0, first_token_budget=10.0).ask(QUESTION)
    assert answer.mode == "llm" and answer.text.startswith(KEPT + "\n\n依据：")


def test_silence_past_the_first_token_budget_falls_back(open_qa):
    qa = open_qa(ScriptedChatModel(delay=5, responses=[AIMessage(content=KEPT)]),
                 first_token_budget=1.5)
    answer, seconds = ask_until_fallback(qa, QUESTION)
    assert 1.5 <= seconds < 3.0
    assert answer.mode == "offline" and "7300P" in answer.text
    assert answer.notice.startswith("大模型 1.5 秒内没有开始回答（未配置地址），已改用离线答案；"
                                    "本地模型读资料较慢时可调大 QA_LLM_FIRST_TOKEN_BUDGET")


@pytest.mark.parametrize("text", ["", "<think>算力也许是9999P</think>", "  \n "])
def test_empty_reply_falls_back_with_its_cause(open_qa, text):
    answer = open_qa(reply(text)).ask(QUESTION)
    assert answer.mode == "offline" and "7300P" in answer.text
    assert answer.notice.startswith("大模型返回了空回答，已改用离线答案")


def test_malformed_and_unknown_tool_calls_are_answered_with_an_error_the_model_can_read(open_qa):
    model = ScriptedChatModel(responses=[
        bad_call("search_documents", "{query: 算力"),
        call("web_search", q="算力"),
        AIMessage(content=KEPT),
    ])
    answer = open_qa(model).ask(QUESTION)
    assert answer.mode == "llm" and answer.text.startswith(KEPT + "\n\n依据：")
    bad, unknown = model.seen[1][-1], model.seen[2][-1]
    # LangChain reads the broken JSON leniently as {}: the tool's argument check answers
    assert isinstance(bad, ToolMessage) and bad.content.startswith(
        "错误：调用 search_documents 失败：1 validation error for search_documents\nquery\n"
        "  Field required")
    assert unknown.content == "错误：没有名为 web_search 的工具；可用：search_documents、calculator"


def test_answer_without_markers_is_cited(open_qa):
    answer = open_qa(reply("并济科技已稳定运营算力7300P。")).ask(QUESTION)
    assert answer.text.startswith(KEPT + "\n\n依据：")
    assert answer.claims == ClaimReport(kept=1, removed=0)


def test_english_sentence_to_a_chinese_question_is_rewritten_from_the_quote(open_qa):
    answer = open_qa(reply("Bingji Technology runs 7300P of computing power.")).ask(QUESTION)
    assert answer.mode == "llm"
    assert answer.text.startswith(DOC_SENTENCE + "\n\n依据：")
    assert answer.notice == "1 句已改写为资料原文"
    assert answer.claims == ClaimReport(kept=1, removed=0, rewritten=1)


def test_figures_in_words_and_unsupported_content_are_removed(open_qa):
    raw = (KEPT + "This is part of the China Jobs Initiative that aims to create up to three "
           "billion jobs [1]. 该中心是全国最大的算力中心[1]。并济科技没有运营算力[1]。"
           "算力为七千三百P[1]。")
    answer = open_qa(reply(raw)).ask(QUESTION)
    body = answer.text.split("\n\n依据：")[0]
    assert body == KEPT + "算力为七千三百P[1]。"
    assert answer.claims == ClaimReport(kept=2, removed=3)
    assert answer.notice == "已删除 3 句无法在资料中核实的内容"


def test_incoherent_cited_answer_to_an_unanswerable_question_is_not_shown(open_qa):
    raw = "东兴区的未来是光明的，人民在发展中得到幸福[1]。我们要共同努力建设美好的家园[2]。"
    qa = open_qa(reply(raw))
    answer = qa.ask("东兴区的人口是多少？")
    assert answer.mode == "offline"
    assert answer.notice.startswith("大模型的回答无法在资料中核实（已删除 2 句），已改用离线答案")
    assert "光明" not in answer.text and "家园" not in answer.text


def test_a_2000_token_ramble_keeps_only_what_is_supported(open_qa):
    ramble = KEPT + "该中心是全国领先的示范项目，为经济发展做出了巨大贡献[1]。" * 150 + "总之" * 300
    steps = list(open_qa(reply(ramble)).stream(QUESTION))
    answer = steps[-1]
    assert answer.text.startswith(KEPT + "\n\n依据：")
    assert answer.claims == ClaimReport(kept=1, removed=151)
    assert all("示范项目" not in s.text for s in steps)  # never shown, not even while streaming


def test_tool_call_written_as_text_is_not_shown(open_qa):
    raw = '<tool_call>{"name": "search_documents", "arguments": {"query": "算力"}}</tool_call>\n' + KEPT
    answer = open_qa(reply(raw)).ask(QUESTION)
    assert answer.text.startswith(KEPT + "\n\n依据：") and "tool_call" not in answer.text


def test_model_facing_text_names_nothing_from_the_shipped_document(open_qa):
    seed = normal((REPO / "corpus" / "dongxing-ai-industry.txt").read_text(encoding="utf-8"))
    tools = make_tools(Workspace(open_qa(None).retriever))
    texts = [system_prompt()] + [t.description for t in tools]
    seed_values = {f.value for f in figures_in(seed) if f.value >= 10}
    seed_names = set(names_in(seed))
    for text in texts:
        norm = normal(text)
        assert not [f.text for f in figures_in(norm) if f.value in seed_values], text
        assert not [n for n in seed_names if n in norm], text


def test_connection_lost_after_the_model_started_writing_is_named_a_drop(open_qa):
    class Dropping(ScriptedChatModel):
        def _stream(self, messages, stop=None, run_manager=None, **kwargs):
            yield from list(super()._stream(messages, stop, run_manager, **kwargs))[:2]
            url = "http://127.0.0.1:9/v1/chat/completions"
            raise openai.APIConnectionError(request=httpx.Request("POST", url))

    answer = open_qa(Dropping(responses=[AIMessage(content=KEPT)])).ask(QUESTION)
    assert answer.mode == "offline"
    assert answer.notice.startswith(
        "大模型服务连接中断（http://127.0.0.1:9/v1/chat/completions），已改用离线答案；请检查服务是否仍在运行")
