"""The document view and the example questions, on literal documents (no index needed)."""

from pathlib import Path

from ingest.loaders import load_document
from ingest.types import DocMeta, Heading, LoadedDocument
from webapp.docview import full_document_html, heading_path, parse_span, passage_html
from webapp.examples import example_questions

POLICY = """临府发〔2025〕8号
临江市人民政府关于加快推动新能源汽车产业高质量发展的若干措施
一、总体目标
力争到2027年，全市新能源汽车整车产量突破30万辆，全产业链产值达到1200亿元。
二、支持项目落地
对新落户的整车项目，按设备投资额的10%给予补助，最高5000万元。
临江市人民政府
2025年3月18日
"""


def doc_of(text: str, **kw) -> LoadedDocument:
    return LoadedDocument(source="corpus/a.txt", text=text, format=kw.pop("format", "txt"), **kw)


def test_passage_is_marked_between_the_paragraphs_around_it():
    text = "第一段。\n\n第二段。\n第三段有要找的句子在这里。\n第四段。\n第五段。"
    start = text.index("要找的句子")
    view = passage_html(doc_of(text, meta=DocMeta(title="标题")), start, start + 5)
    assert "<p>第三段有<mark id='passage'>要找的句子</mark>在这里。</p>" in view
    assert "<p>第二段。</p>" in view and "<p>第四段。</p>" in view
    assert "<h3 class='qa-doctitle'>标题</h3>" in view


def test_context_stops_after_enough_text():
    paragraphs = [f"第{i}段" + "字" * 250 for i in range(6)]
    text = "\n".join(paragraphs)
    start = text.index("第3段")
    view = passage_html(doc_of(text), start, start + 3)
    assert "第2段" in view and "第4段" in view  # one long paragraph on each side is enough
    assert "第1段" not in view and "第5段" not in view
    assert view.count("<p class='qa-more'>…</p>") == 2


def test_passage_across_a_line_break_is_marked_in_each_piece():
    text = "甲乙。\n丙丁。\n戊己。"
    view = passage_html(doc_of(text), 1, 5)
    assert "<p>甲<mark id='passage'>乙。</mark></p><p><mark>丙</mark>丁。</p>" in view


def test_pdf_page_heading_path_date_and_number_are_shown():
    text = "总则\n第一章 目标\n一、产值\n到2027年产值达到1200亿元。\n"
    headings = (
        Heading(1, "第一章 目标", text.index("第一章"), text.index("第一章") + 6),
        Heading(2, "一、产值", text.index("一、"), text.index("一、") + 4),
    )
    doc = doc_of(
        text,
        format="pdf",
        page_starts=(0, text.index("一、")),
        headings=headings,
        meta=DocMeta(title="规划", date="2025-03-18", date_source="text", doc_number="临府发〔2025〕8号"),
    )
    start = text.index("到2027年")
    assert heading_path(doc, start) == ["第一章 目标", "一、产值"]
    view = passage_html(doc, start, start + 8)
    assert "<p class='qa-headings'>第一章 目标 › 一、产值</p>" in view
    assert "<span>日期 2025-03-18</span>" in view and "<span>第 2 页</span>" in view
    assert "<span>临府发〔2025〕8号</span>" in view


def test_whole_document_page_escapes_text_and_marks_passage():
    text = "<script>alert(1)</script>\n正文一句。"
    page = full_document_html(doc_of(text), text.index("正文"), len(text))
    assert "&lt;script&gt;" in page and "<script>" not in page
    assert "<mark id='passage'>正文一句。</mark>" in page


def test_span_parsing():
    span = parse_span("source=corpus%2F%E8%A7%84.txt&start=3&end=9&t=5")
    assert (span.source, span.start, span.end) == ("corpus/规.txt", 3, 9)
    assert parse_span("start=3&end=9") is None


def test_examples_come_from_another_corpus_words(tmp_path: Path):
    path = tmp_path / "policy.txt"
    path.write_text(POLICY, encoding="utf-8")
    doc = load_document(path, "corpus/policy.txt", 10**7)
    assert example_questions([doc]) == [
        "全市新能源汽车整车产量突破多少？",
        "临府发〔2025〕8号是哪个部门印发的？",  # the title found at ingest is the number
    ]
    titled = load_document(_write(tmp_path, "t.txt", POLICY.split("\n", 1)[1]), "corpus/t.txt", 10**7)
    assert example_questions([titled])[1:] == [
        "《临江市人民政府关于加快推动新能源汽车产业高质量发展的若干措施》是哪个部门印发的？",
    ]
    assert example_questions([]) == []


def _write(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name
