"""The web app's handlers, called directly with a real index of the seed document."""

import json

import gradio as gr
import pytest

from agent import Answer, Citation, Turn
from app import ChatHandlers, build_app, location, main, quotes_markdown, reply_markdown

SEED_SOURCE = "corpus/dongxing-ai-industry.txt"
QUESTION = "并济科技的算力接入了哪个经济圈？"


@pytest.fixture(scope="module")
def first_turn(seed_qa):
    """The example question asked once through the chat handler; its final yield."""
    steps = list(ChatHandlers(seed_qa).respond(QUESTION, [], []))
    return steps


def test_example_question_streams_answer_with_citation(first_turn, seed_qa):
    textbox, chat, records, quotes = first_turn[-1]
    reply = chat[-1]["content"]
    assert textbox == ""
    assert chat[0] == {"role": "user", "content": QUESTION}
    assert chat[-1]["role"] == "assistant"
    assert "成渝地区双城经济圈" in reply or "成渝地區雙城經濟圈" in reply
    citation_lines = [line for line in reply.splitlines() if line.startswith("[1] `")]
    assert citation_lines and citation_lines[0].startswith(f"[1] `{SEED_SOURCE}` ")
    # the side panel quotes the original (Traditional) text at the cited offsets
    cite = records[0]["citations"][0]
    assert cite["source"] == SEED_SOURCE
    assert seed_qa.document_text(SEED_SOURCE)[cite["start"] : cite["end"]] == cite["quote"]
    assert "成渝地區雙城經濟圈" in quotes
    assert f"第 {cite['start'] + 1}–{cite['end']} 字" in quotes


def test_first_yield_shows_question_before_answer_is_final(first_turn):
    assert len(first_turn) >= 2
    _, chat, records, quotes = first_turn[0]
    assert chat[0]["content"] == QUESTION
    assert records == [] and quotes == ""
    assert "**出处**" not in chat[-1]["content"]


def test_record_keeps_the_library_answer_for_follow_ups(first_turn):
    records = first_turn[-1][2]
    assert len(records) == 1
    record = records[0]
    assert record["question"] == QUESTION
    assert record["message_index"] == 1
    assert record["mode"] == "offline"
    assert "**出处**" not in record["answer"]  # the rendered sources stay out of the history


class HistorySpy:
    """The real `PolicyQA`, noting the history each question is asked with."""

    def __init__(self, qa):
        self.qa = qa
        self.settings = qa.settings
        self.histories = []

    def stream(self, question, history):
        self.histories.append(list(history))
        return self.qa.stream(question, history)


def test_follow_up_passes_previous_turns(first_turn, seed_qa):
    spy = HistorySpy(seed_qa)
    _, chat, records, _ = first_turn[-1]
    *_, (_, chat2, records2, _) = ChatHandlers(spy).respond("它的算力规模有多大？", chat, records)
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
    _, _, records, _ = first_turn[-1]

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


def test_upload_indexes_new_document(make_qa, tmp_path):
    qa = make_qa(
        {"base.txt": "内江市东兴区位于四川省东南部，是成渝地区双城经济圈的重要节点。"}, seed=False
    )
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    notice = uploads / "数据标注扶持措施.txt"
    notice.write_text(
        "关于促进数据标注产业发展的若干措施\n"
        "一、对新落户的数据标注企业，按实际到位投资额的5%给予一次性奖励，最高不超过200万元。\n"
        "二、对年营收首次突破1亿元的数据标注企业，给予50万元奖励。\n",
        encoding="utf-8",
    )
    legacy = uploads / "旧通知.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    readme = uploads / "README.md"
    readme.write_text("# 说明\n", encoding="utf-8")
    handlers = ChatHandlers(qa)

    status, documents = handlers.upload([str(notice), str(legacy), str(readme)])

    source = "corpus/数据标注扶持措施.txt"
    assert source in [d.source for d in qa.documents()]
    assert (tmp_path / "corpus" / notice.name).read_bytes() == notice.read_bytes()
    assert not (tmp_path / "corpus" / legacy.name).exists()
    assert "新增 1" in status
    assert "未加入 旧通知.doc：不支持的格式 .doc" in status
    assert "未加入 README.md：" in status and not (tmp_path / "corpus" / "README.md").exists()
    assert f"`{source}`" in documents and "已收录 2 篇文档" in documents
    assert qa.retrieve("数据标注企业落户奖励最高多少？", k=1)[0].source == source
    *_, (_, chat, _, _) = handlers.respond("新落户的数据标注企业最高奖励多少？", [], [])
    assert "200万元" in chat[-1]["content"]
    assert f"`{source}`" in chat[-1]["content"]


def test_upload_without_files_changes_nothing(seed_qa):
    status, documents = ChatHandlers(seed_qa).upload(None)
    assert status == "没有选择文件。"
    lines = documents.splitlines()
    assert lines[0] == "**已收录 1 篇文档**"
    assert lines[1].startswith(f"- `{SEED_SOURCE}`")
    assert len(lines) == 2


def test_location_shows_page_heading_and_one_based_offsets():
    cite = Citation("corpus/规划.pdf", "引文", 119, 180, page=3, heading="一、总体要求")
    assert location(cite) == "`corpus/规划.pdf` 第 3 页 〔一、总体要求〕 第 120–180 字"


def test_refusal_renders_without_sources():
    answer = Answer(text="资料中没有相关信息。", refused=True, mode="offline", seconds=0.5)
    assert reply_markdown(answer) == "资料中没有相关信息。\n\n<sub>离线抽取 · 0.50 秒</sub>"
    assert quotes_markdown(answer) == "本次回答没有引用原文。"


def test_quotes_escape_markdown_and_shorten():
    quote = "第*1*条 " + "甲" * 200
    answer = Answer(
        text="x", refused=False, citations=[Citation("corpus/a.md", quote, 0, len(quote))]
    )
    panel = quotes_markdown(answer)
    assert "第\\*1\\*条" in panel
    assert panel.endswith("…」")


def test_build_app_wires_chat_upload_and_feedback(seed_qa):
    app = build_app(seed_qa)
    assert isinstance(app, gr.Blocks)
    assert app.title == "PolicyQA 政策文件问答"
    names = {fn.name for fn in app.fns.values()}
    assert {"respond", "upload", "on_like"} <= names


def test_main_reports_bad_settings_in_chinese(monkeypatch, capsys):
    monkeypatch.setenv("QA_PORT", "abc")
    assert main([]) == 2
    assert "启动失败：环境变量 QA_PORT='abc' 不是数字" in capsys.readouterr().err


def test_main_refuses_empty_corpus(monkeypatch, capsys, tmp_path):
    for name in ("QA_PORT", "QA_EMBEDDINGS", "QA_CHROMA_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QA_PROGRESS", "0")
    (tmp_path / "corpus").mkdir()
    argv = ["--corpus", str(tmp_path / "corpus"), "--index", str(tmp_path / ".index")]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"语料目录 {tmp_path / 'corpus'} 中没有可索引的文档" in err
