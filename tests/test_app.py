"""The chat tab's handlers, called directly with a real index of the seed document."""

import json
import re
from dataclasses import dataclass
from urllib.parse import unquote

import gradio as gr
import pytest

from agent import Answer, Citation, Turn
from app import ChatHandlers, build_app, location, main, plain_reply, reply_markdown

SEED_SOURCE = "corpus/dongxing-ai-industry.txt"
SEED_TITLE = "內江市東興區:建鏈育企 人工智能產業加速崛起"
QUESTION = "并济科技的算力接入了哪个经济圈？"


@pytest.fixture(scope="module")
def first_turn(seed_qa):
    """The question asked once through the chat handler: every yield."""
    return list(ChatHandlers(seed_qa).respond(QUESTION, [], []))


def test_reply_is_short_answer_with_marker_links_then_sources_once(first_turn, seed_qa):
    textbox, chat, records = first_turn[-1]
    reply = chat[-1]["content"]
    assert textbox == ""
    assert chat[0] == {"role": "user", "content": QUESTION}
    cite = records[0]["citations"][0]
    assert cite["source"] == SEED_SOURCE
    assert seed_qa.document_text(SEED_SOURCE)[cite["start"] : cite["end"]] == cite["quote"]
    first_line = reply.splitlines()[0]
    assert "成渝地区双城经济圈" in first_line
    href = f"document?source=corpus%2Fdongxing-ai-industry.txt&amp;start={cite['start']}&amp;end={cite['end']}#passage"
    assert f'<a class="qa-cite qa-marker" href="{href}">\\[1\\]</a>' in first_line
    assert reply.count("**来源**") == 1
    assert "依据" not in reply  # the answer's own quote list is not repeated
    source_line = next(line for line in reply.splitlines() if "qa-source" in line)
    assert f"《{SEED_TITLE}》 · 鏈主引領 筑牢算力根基 · 第 {cite['start'] + 1}–{cite['end']} 字" in source_line
    # each quote appears once in the reply (under its source)
    assert reply.count(cite["quote"][:20]) == 1


def test_badge_shows_mode_and_time_and_copy_text(first_turn):
    reply = first_turn[-1][1][-1]["content"]
    badge = re.search(r'<span class="qa-badge qa-offline">离线抽取 · (\d+\.\d\d) 秒</span>', reply)
    assert badge and float(badge.group(1)) > 0
    copied = unquote(re.search(r'href="#qa-copy:([^"]+)"', reply).group(1))
    lines = copied.splitlines()
    assert "成渝地区双城经济圈" in lines[0] and lines[0].endswith("[1][2]")
    assert lines[2] == "来源："
    assert lines[3].startswith(f"[1] 《{SEED_TITLE}》 · ")
    assert "<" not in copied  # plain text, no markup


def test_first_yield_shows_question_before_answer_is_final(first_turn):
    assert len(first_turn) >= 2
    _, chat, records = first_turn[0]
    assert chat[0]["content"] == QUESTION
    assert records == []
    assert "来源" not in chat[-1]["content"] and "qa-badge" not in chat[-1]["content"]


def test_record_keeps_the_library_answer_for_follow_ups(first_turn):
    records = first_turn[-1][2]
    assert len(records) == 1
    record = records[0]
    assert record["question"] == QUESTION
    assert record["message_index"] == 1
    assert record["mode"] == "offline"
    assert "来源" not in record["answer"]  # the rendered sources stay out of the history


def test_citation_link_opens_passage_marked_in_its_paragraphs(first_turn, seed_qa):
    cite = first_turn[-1][2][0]["citations"][0]
    link = f"source=corpus%2Fdongxing-ai-industry.txt&start={cite['start']}&end={cite['end']}&t=17"
    view = ChatHandlers(seed_qa).open_citation(link)
    assert f"<mark id='passage'>{cite['quote']}</mark>" in view
    assert f"<h3 class='qa-doctitle'>{SEED_TITLE}</h3>" in view
    assert "<p class='qa-headings'>鏈主引領 筑牢算力根基</p>" in view
    text = seed_qa.document_text(SEED_SOURCE)
    before = text[: cite["start"]].rstrip("\n").rsplit("\n", 1)[-1]  # the paragraph before
    after = text[cite["end"] :].lstrip("\n").split("\n", 1)[0]  # and the one after
    assert f"<p>{before}</p>" in view and f"<p>{after}</p>" in view
    assert "document?source=corpus%2Fdongxing-ai-industry.txt&amp;start=" in view  # whole document


@pytest.mark.parametrize("link", ["", "source=corpus%2Fx.txt&start=a&end=3", "garbage"])
def test_citation_link_without_a_span_shows_the_placeholder(seed_qa, link):
    assert "点击回答里的 [1] [2]" in ChatHandlers(seed_qa).open_citation(link)


def test_citation_of_a_document_no_longer_indexed_says_so(seed_qa):
    view = ChatHandlers(seed_qa).open_citation("source=corpus%2Fgone.txt&start=0&end=4")
    assert "文档 corpus/gone.txt 已从知识库删除" in view and "<mark" not in view


class HistorySpy:
    """The real `PolicyQA`, noting the history each question is asked with."""

    def __init__(self, qa):
        self.qa = qa
        self.settings = qa.settings
        self.index = qa.index
        self.histories = []

    def stream(self, question, history):
        self.histories.append(list(history))
        return self.qa.stream(question, history)

    def documents(self):
        return self.qa.documents()


def test_follow_up_passes_previous_turns(first_turn, seed_qa):
    spy = HistorySpy(seed_qa)
    _, chat, records = first_turn[-1]
    *_, (_, chat2, records2) = ChatHandlers(spy).respond("它的算力规模有多大？", chat, records)
    assert spy.histories == [[Turn(QUESTION, records[0]["answer"])]]
    assert len(chat2) == 4 and [r["message_index"] for r in records2] == [1, 3]
    assert chat2[2] == {"role": "user", "content": "它的算力规模有多大？"}


def test_history_falls_back_to_visible_chat(seed_qa):
    spy = HistorySpy(seed_qa)
    chat = [  # Gradio 6 passes message contents as lists of parts
        {"role": "user", "content": [{"type": "text", "text": QUESTION}]},
        {"role": "assistant", "content": [{"type": "text", "text": "成渝地区双城经济圈"}]},
    ]
    list(ChatHandlers(spy).respond("它的算力规模有多大？", chat, None))
    assert spy.histories == [[Turn(QUESTION, "成渝地区双城经济圈")]]


@pytest.mark.parametrize("message", ["", "   ", None])
def test_empty_message_raises_chinese_error(seed_qa, message):
    with pytest.raises(gr.Error) as raised:
        list(ChatHandlers(seed_qa).respond(message, [], []))
    assert "问题为空" in raised.value.message


def test_dislike_writes_feedback_record(first_turn, seed_qa, tmp_path):
    path = tmp_path / "fb" / "feedback.jsonl"
    handlers = ChatHandlers(seed_qa, feedback_path=path)
    _, _, records = first_turn[-1]

    assert handlers.feedback(records, 1, True, "好") is None  # a thumbs-up is not recorded
    assert handlers.feedback(records, 0, False) is None  # the user's own message: nothing
    assert not path.exists()

    handlers.feedback(records, 1, False, "  引用的段落不对 ")
    handlers.feedback(records, 1, False)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    entry = json.loads(lines[0])
    assert entry["question"] == QUESTION
    assert entry["liked"] is False
    assert entry["comment"] == "引用的段落不对"
    assert entry["answer"] == records[0]["answer"]
    assert entry["citations"][0]["source"] == SEED_SOURCE
    assert entry["time"].startswith("20") and entry["time"].endswith("+00:00")
    assert json.loads(lines[1])["comment"] == ""


def test_examples_come_from_the_indexed_documents(seed_qa):
    assert ChatHandlers(seed_qa).examples() == [
        "全区人工智能产业营收增长了多少？",
        "四川并济科技有限公司是做什么的？",
    ]


# rendering -------------------------------------------------------------------------------------
CITES = [
    Citation("corpus/规划.pdf", "引文一", 119, 180, page=3, heading="规划 > 一、总体要求"),
    Citation("corpus/a.md", "第*1*条 <b>x</b>", 0, 14),
]


def test_location_shows_title_heading_page_and_one_based_offsets():
    assert location(CITES[0], "规划") == "《规划》 · 一、总体要求 · 第 3 页 · 第 120–180 字"
    assert location(CITES[1]) == "corpus/a.md · 第 1–14 字"


def test_llm_answer_keeps_its_markers_and_names_the_model_and_notice():
    answer = Answer(
        text="产值达到1200亿元[2]，产量突破30万辆[1]。\n\n依据：\n[1] 引文一（corpus/规划.pdf）",
        refused=False,
        citations=CITES,
        mode="llm",
        notice="已删除 1 句无法在资料中核实的内容",
        seconds=3.1,
    )
    reply = reply_markdown(answer, titles={"corpus/规划.pdf": "规划"}, model="deepseek-chat")
    first = reply.splitlines()[0]
    assert first.startswith("产值达到1200亿元<a class=\"qa-cite qa-marker\" href=\"document?source=corpus%2Fa.md")
    assert "产量突破30万辆<a class=\"qa-cite qa-marker\" href=\"document?source=corpus%2F%E8%A7%84" in first
    assert '<span class="qa-badge qa-llm">大模型 deepseek-chat · 3.10 秒</span>' in reply
    assert '<span class="qa-notice">⚠️ 已删除 1 句无法在资料中核实的内容</span>' in reply
    assert "依据" not in reply
    assert "第\\*1\\*条 &lt;b&gt;x&lt;/b&gt;" in reply  # quotes are shown literally
    assert plain_reply(answer).splitlines()[0] == "产值达到1200亿元[2]，产量突破30万辆[1]。"


@dataclass(frozen=True)
class StreamingAnswer(Answer):
    """The agreed `Answer.status` field (a progress line while an LLM answer streams)."""

    status: str = ""


def test_streaming_status_line_is_shown_until_the_answer_is_final():
    partial = StreamingAnswer(text="", refused=False, mode="llm", status="模型正在阅读资料…")
    assert reply_markdown(partial, final=False).splitlines()[0] == (
        '<span class="qa-status">⏳ 模型正在阅读资料…</span>'
    )
    assert "正在检索资料…" in reply_markdown(partial, final=False)
    final = StreamingAnswer(text="完成", refused=False, mode="llm", seconds=1.0)
    assert "qa-status" not in reply_markdown(final)


def test_refusal_renders_without_sources_or_markers():
    answer = Answer(text="资料中没有相关信息。", refused=True, mode="offline", seconds=0.5)
    reply = reply_markdown(answer)
    assert reply.splitlines()[0] == "资料中没有相关信息。"
    assert "来源" not in reply and "qa-marker" not in reply
    assert '<span class="qa-badge qa-offline">离线抽取 · 0.50 秒</span>' in reply


@pytest.mark.parametrize(("seconds", "shown"), [(0.004, "0.01"), (0.0, "0.00"), (0.5, "0.50"), (3.1, "3.10"), (0.121, "0.13")])
def test_badge_time_is_rounded_up_to_the_hundredth(seconds, shown):
    answer = Answer(text="资料中没有相关信息。", refused=True, mode="offline", seconds=seconds)
    assert f'<span class="qa-badge qa-offline">离线抽取 · {shown} 秒</span>' in reply_markdown(answer)


def test_build_app_wires_chat_documents_and_settings(seed_qa):
    app = build_app(seed_qa)
    assert isinstance(app, gr.Blocks)
    assert app.title == "PolicyQA 政策文件问答"
    names = {fn.name for fn in app.fns.values()}
    assert {"respond", "open_citation", "on_like", "on_upload", "delete", "on_rebuild", "save_llm"} <= names


def test_main_reports_bad_settings_in_chinese(monkeypatch, capsys):
    monkeypatch.setenv("QA_PORT", "abc")
    assert main([]) == 2
    assert "启动失败：环境变量 QA_PORT='abc' 不是数字" in capsys.readouterr().err


def test_main_refuses_a_port_in_use(monkeypatch, capsys):
    import socket

    for name in ("QA_PORT", "QA_HOST"):
        monkeypatch.delenv(name, raising=False)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["--port", str(port)]) == 2
    err = capsys.readouterr().err
    assert f"无法在 127.0.0.1:{port} 启动网页" in err and "请用 --port 或 QA_PORT 换一个端口" in err


def test_main_refuses_empty_corpus(monkeypatch, capsys, tmp_path):
    for name in ("QA_PORT", "QA_EMBEDDINGS", "QA_CHROMA_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QA_PROGRESS", "0")
    (tmp_path / "corpus").mkdir()
    from support import free_port

    argv = ["--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / ".index"), "--port", str(free_port())]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"语料目录 {tmp_path / 'corpus'} 中没有可索引的文档" in err



def test_llm_reply_shows_model_badge_notice_and_linked_markers(make_qa, tmp_path):
    """A scripted chat model (from tests/test_llm.py) answering through the real LLM path."""
    from langchain_core.messages import AIMessage
    from test_llm import POLICY, ScriptedChatModel

    from agent import PolicyQA, Settings

    base = make_qa({"policy.txt": POLICY}, seed=False)  # builds the index
    model = ScriptedChatModel(responses=[
        AIMessage(content="并济科技已稳定运营算力7300P[1]。另有9999P的储备算力[1]。"),
    ])
    env = {"QA_LLM_BASE_URL": "http://127.0.0.1:9/v1", "QA_LLM_MODEL": "scripted-model"}
    qa = PolicyQA.open(tmp_path / "corpus", tmp_path / ".index", Settings.from_env(env=env),
                       refresh=False, embedder=base.embedder, chat_model=model)
    *_, (_, chat, records) = ChatHandlers(qa).respond("并济科技运营了多少算力？", [], [])
    reply = chat[-1]["content"]
    first = reply.splitlines()[0]
    assert first.startswith("并济科技已稳定运营算力7300P<a class=\"qa-cite qa-marker\" href=\"document?source=corpus%2Fpolicy.txt")
    assert "9999" not in reply
    assert re.search(r'<span class="qa-badge qa-llm">大模型 scripted-model · \d+\.\d\d 秒</span>', reply)
    assert '<span class="qa-notice">⚠️ 已删除 1 句无法在资料中核实的内容</span>' in reply
    assert records[0]["mode"] == "llm"


def test_document_page_and_original_file_only_for_indexed_documents(seed_qa):
    from fastapi.testclient import TestClient

    from webapp.server import create_server

    client = TestClient(create_server(seed_qa, build_app(seed_qa)))
    text = seed_qa.document_text(SEED_SOURCE)
    start = text.index("2025年1-5月")
    page = client.get("/document", params={"source": SEED_SOURCE, "start": start, "end": start + 9})
    assert page.status_code == 200
    assert "<mark id='passage'>2025年1-5月</mark>" in page.text
    assert f"<title>{SEED_TITLE}</title>" in page.text
    assert "href='document/file?source=corpus%2Fdongxing-ai-industry.txt'" in page.text
    original = client.get("/document/file", params={"source": SEED_SOURCE})
    assert original.status_code == 200
    assert original.content == (seed_qa.settings.corpus_dir / "dongxing-ai-industry.txt").read_bytes()
    for source in ("corpus/../../etc/passwd", "corpus/gone.txt"):
        assert client.get("/document/file", params={"source": source}).status_code == 404
    missing = client.get("/document", params={"source": "corpus/gone.txt"})
    assert missing.status_code == 404 and "知识库中没有文档 corpus/gone.txt" in missing.text
    assert client.get("/").status_code == 200  # the Gradio app itself
