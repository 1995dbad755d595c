"""Format loaders on files made in tmp_path: exact text, encodings, offsets and skip reasons."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import pytest
from docx import Document
from fpdf import FPDF

from ingest.errors import SkipDocument
from ingest.loaders import SUPPORTED_SUFFIXES, load_document
from ingest.types import Heading

MB = 1024 * 1024
TRAD = "內江市東興區人工智能產業營收增長39.3%\n2025年1-5月營收達2.6億元。\n"
SIMP = "内江市东兴区人工智能产业营收增长39.3%\n2025年1-5月营收达2.6亿元。\n"
# TrueType-outline CJK fonts: pypdf reads fpdf2's output of these exactly (not so for the CFF
# outlines of Noto CJK, whose codes above 255 it splits). Debian: fonts-wqy-microhei.
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def load(path: Path, max_bytes: int = MB):
    return load_document(path, f"corpus/{path.name}", max_bytes)


def skip_reason(path: Path, max_bytes: int = MB) -> str:
    with pytest.raises(SkipDocument) as info:
        load(path, max_bytes)
    return info.value.reason


# --- text and encodings ---------------------------------------------------------------------


def test_txt_text_is_the_decoded_file_unchanged(tmp_path):
    raw = "  標題\r\n\r\n正文第一段。\r\n\t縮進行  \n".encode()
    doc = load(write(tmp_path, "a.txt", raw))
    assert doc.text == "  標題\r\n\r\n正文第一段。\r\n\t縮進行  \n"
    assert (doc.format, doc.encoding, doc.source) == ("txt", "utf-8", "corpus/a.txt")
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.page_starts == ()


def test_big5_traditional_decodes_exactly(tmp_path):
    doc = load(write(tmp_path, "big5.txt", TRAD.encode("big5")))
    assert (doc.text, doc.encoding) == (TRAD, "big5")


def test_gbk_simplified_decodes_exactly(tmp_path):
    doc = load(write(tmp_path, "gbk.txt", SIMP.encode("gbk")))
    assert (doc.text, doc.encoding) == (SIMP, "gb18030")


def test_gbk_bytes_of_traditional_text_are_not_taken_for_big5(tmp_path):
    doc = load(write(tmp_path, "gbk-trad.txt", TRAD.encode("gbk")))
    assert (doc.text, doc.encoding) == (TRAD, "gb18030")


def test_short_gbk_text_that_is_also_valid_utf8_is_read_as_gbk(tmp_path):
    doc = load(write(tmp_path, "short.txt", "同时".encode("gbk")))  # b"\xcd\xac\xca\xb1"
    assert (doc.text, doc.encoding) == ("同时", "gb18030")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_drops_the_bom(tmp_path, codec):
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    doc = load(write(tmp_path, "u16.txt", bom + TRAD.encode(codec)))
    assert (doc.text, doc.encoding) == (TRAD, "utf-16")


def test_utf16_bom_with_broken_body_is_skipped(tmp_path):
    odd = b"\xff\xfe" + "內江".encode("utf-16-le") + b"\x00"  # a dangling half character
    reason = skip_reason(write(tmp_path, "odd.txt", odd))
    assert reason == "带 BOM 的 UTF-16 文件在第 6 字节处无法解码；请用编辑器重新另存为 UTF-8"


def test_utf8_with_bom_drops_the_bom(tmp_path):
    doc = load(write(tmp_path, "bom.md", b"\xef\xbb\xbf" + SIMP.encode()))
    assert (doc.text, doc.encoding, doc.format) == (SIMP, "utf-8-sig", "md")


def test_markdown_headings_skip_fenced_code(tmp_path):
    text = "# 东兴区产业报告\n\n## 一、总体情况\n正文。\n```\n# 不是标题\n```\n### 细节\n"
    doc = load(write(tmp_path, "r.markdown", text.encode()))
    assert [(h.level, h.title) for h in doc.headings] == [
        (1, "东兴区产业报告"), (2, "一、总体情况"), (3, "细节")]
    assert doc.meta.title == "东兴区产业报告"


@pytest.mark.parametrize("content", [b"", b"  \r\n\t\n", "\ufeff \n".encode("utf-8")])
def test_empty_files_are_skipped(tmp_path, content):
    assert skip_reason(write(tmp_path, "empty.txt", content)).startswith("文件为空")


def test_oversized_file_names_size_limit_and_fix(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:
        f.truncate(int(61.2 * MB))  # sparse: never read, the size check comes first
    assert skip_reason(path, 50 * MB) == (
        "文件大小 61.2 MB 超过上限 50 MB；请拆分文件或调高 QA_MAX_FILE_MB")
    small = write(tmp_path, "small.txt", "正文".encode() * 400)
    assert skip_reason(small, 10) == (
        "文件大小 2.3 KB 超过上限 10 字节；请拆分文件或调高 QA_MAX_FILE_MB")


def test_binary_garbage_is_skipped_not_decoded(tmp_path):
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(4096))
    assert "二进制" in skip_reason(write(tmp_path, "noise.txt", noise))
    controls = bytes(rng.randrange(1, 32) for _ in range(200)) + "正文".encode()
    assert "控制字符" in skip_reason(write(tmp_path, "ctl.txt", controls))


def test_undecodable_bytes_are_skipped(tmp_path):
    reason = skip_reason(write(tmp_path, "bad.txt", b"report \x80\xff\x80 end"))
    assert reason == "无法识别文本编码（已尝试 UTF-8、GB18030、Big5）；请另存为 UTF-8 编码"


def test_random_high_bytes_that_decode_are_still_skipped(tmp_path):
    rng = random.Random(3)
    data = bytes(rng.randrange(0xA1, 0xFE) for _ in range(400))  # decodes as GB18030 and Big5
    assert "无法可靠识别文本编码" in skip_reason(write(tmp_path, "junk.txt", data))


@pytest.mark.parametrize(("name", "reason"), [
    ("报告.doc", "不支持的格式 .doc；请另存为 .docx 或 .pdf"),
    ("data.xlsx", "不支持的格式 .xlsx；请另存为 .pdf，或把表格粘贴进 .docx"),
    ("notes.rst", "不支持的格式 .rst；请转换为 .txt、.md、.html、.docx 或 .pdf"),
    ("README", "不支持的格式 （无扩展名）；请转换为 .txt、.md、.html、.docx 或 .pdf"),
])
def test_unsupported_suffix(tmp_path, name, reason):
    assert skip_reason(write(tmp_path, name, b"text")) == reason


def test_supported_suffixes():
    expected = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"}
    assert expected == SUPPORTED_SUFFIXES


# --- html -------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html><html><head><meta charset="gbk">
<title>东兴区人工智能_内江市人民政府</title>
<style>p {color: red}</style><script>var x = "脚本内容";</script></head>
<body><header>网站首页 | 政务公开</header><nav><a href="/">导航首页</a></nav>
<div class="main"><h1>东兴区：人工智能产业加速崛起</h1>
<p>发布时间：2025-07-28</p>
<p>东兴区全力构建<b>产业生态</b>体系，
推动人工智能赋能千行百业。<br>2025年1-5月营收达2.6亿元。</p>
<h2>链主引领 <span>筑牢算力根基</span></h2>
<table><tr><th>指标</th><th>数值</th></tr><tr><td>营收</td><td>2.6亿元</td></tr></table>
<!-- 注释 --><noscript>请启用脚本</noscript><aside>相关链接</aside></div>
<footer>版权所有 内江市人民政府</footer></body></html>"""


def test_html_keeps_visible_text_blocks_and_headings(tmp_path):
    doc = load(write(tmp_path, "news.htm", HTML.encode("gbk")))
    assert doc.text == (
        "东兴区：人工智能产业加速崛起\n"
        "发布时间：2025-07-28\n"
        "东兴区全力构建产业生态体系，推动人工智能赋能千行百业。\n"
        "2025年1-5月营收达2.6亿元。\n"
        "链主引领 筑牢算力根基\n"
        "指标：营收；数值：2.6亿元"
    )
    assert (doc.format, doc.encoding) == ("html", "gb18030")
    assert doc.headings == (
        Heading(1, "东兴区：人工智能产业加速崛起", 0, 14),
        Heading(2, "链主引领 筑牢算力根基", 78, 89),
    )
    assert doc.text[78:89] == "链主引领 筑牢算力根基"
    assert (doc.meta.title, doc.meta.date, doc.meta.date_source) == (
        "东兴区：人工智能产业加速崛起", "2025-07-28", "text")


def test_html_wrong_charset_declaration_does_not_make_mojibake(tmp_path):
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    html += "</head><body><p>内江市东兴区人工智能产业营收增长39.3%。</p></body></html>"
    doc = load(write(tmp_path, "utf8.html", html.encode("utf-8")))
    assert (doc.text, doc.encoding) == ("内江市东兴区人工智能产业营收增长39.3%。", "utf-8")
    big5 = html.replace("gb2312", "big5")
    big5 = big5.replace("内江市东兴区人工智能产业营收增长", "內江市東興區")
    doc = load(write(tmp_path, "big5.html", big5.encode("big5")))
    assert (doc.text, doc.encoding) == ("內江市東興區39.3%。", "big5")


def test_html_title_tag_is_the_title_when_the_body_has_none(tmp_path):
    html = ("<html><head><title>东兴区简报</title></head><body><p>东兴区全力构建全链条、多维度的"
            "产业生态体系，推动人工智能赋能千行百业，产业步入高速发展轨道，展现出蓬勃向上的态势。</p>"
            "</body></html>")
    doc = load(write(tmp_path, "brief.html", html.encode()))
    assert doc.meta.title == "东兴区简报"
    assert doc.headings == ()


# --- docx -------------------------------------------------------------------------------------


def test_docx_paragraphs_headings_and_table_rows(tmp_path):
    document = Document()
    document.add_heading("内江市东兴区人工智能产业发展报告", level=1)
    document.add_paragraph("东兴区全力构建全链条、多维度的产业生态体系。")
    document.add_paragraph().add_run("重点项目进展").bold = True
    document.add_paragraph("成渝枢纽智算中心正加快推进，建成后将形成多元异构智能算力集群。")
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([("指标", "数值", "同比"), ("营收", "2.6亿元", "增长39.3%")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("表后段落。")
    path = tmp_path / "report.docx"
    document.save(path)

    doc = load(path)
    assert doc.text == (
        "内江市东兴区人工智能产业发展报告\n"
        "东兴区全力构建全链条、多维度的产业生态体系。\n"
        "重点项目进展\n"
        "成渝枢纽智算中心正加快推进，建成后将形成多元异构智能算力集群。\n"
        "指标：营收；数值：2.6亿元；同比：增长39.3%\n"
        "表后段落。"
    )
    assert doc.headings == (
        Heading(1, "内江市东兴区人工智能产业发展报告", 0, 16),
        Heading(2, "重点项目进展", 40, 46),
    )
    assert (doc.format, doc.encoding) == ("docx", "")
    assert doc.meta.title == "内江市东兴区人工智能产业发展报告"


def test_docx_core_title_and_title_style(tmp_path):
    document = Document()
    document.core_properties.title = "东兴区年度报告"
    document.add_heading("东兴区人工智能产业", level=0)  # the Title style
    document.add_paragraph("正文" * 40 + "。")
    path = tmp_path / "t.docx"
    document.save(path)
    doc = load(path)
    assert doc.headings == (Heading(0, "东兴区人工智能产业", 0, 9),)
    assert doc.meta.title == "东兴区人工智能产业"


def test_unreadable_docx_is_skipped(tmp_path):
    reason = skip_reason(write(tmp_path, "bad.docx", b"this is not a zip file at all" * 10))
    assert reason.startswith("无法读取 DOCX（文件损坏或不是 Word 文档")
    assert reason.endswith("请用 Word/WPS 打开后另存为 .docx")
    legacy = write(tmp_path, "old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert skip_reason(legacy) == (
        "这是旧版 Word（.doc）文件，只是扩展名为 .docx；请另存为 .docx 或 .pdf")


# --- pdf --------------------------------------------------------------------------------------


def _cjk_font() -> str:
    for candidate in CJK_FONTS:
        if Path(candidate).exists():
            return candidate
    pytest.skip("no TrueType CJK font; install the Debian package fonts-wqy-microhei")


def test_pdf_pages_and_page_starts(tmp_path):
    pdf = FPDF()
    pdf.add_font("cjk", fname=_cjk_font())
    pdf.set_font("cjk", size=14)
    pdf.add_page()
    pdf.multi_cell(0, 10, "內江市東興區人工智能產業\n第一頁正文。")
    pdf.add_page()
    pdf.multi_cell(0, 10, "2025年1-5月，全區人工智能產業營收增長39.3%。")
    path = tmp_path / "two.pdf"
    pdf.output(str(path))

    doc = load(path)
    assert doc.text == (
        "內江市東興區人工智能產業\n第一頁正文。\n2025年1-5月，全區人工智能產業營收增長39.3%。")
    assert doc.page_starts == (0, 20)
    offset = doc.text.index("營收增長39.3%")
    assert doc.page_at(offset) == 2
    assert doc.page_at(doc.text.index("第一頁")) == 1
    assert (doc.format, doc.encoding) == ("pdf", "")


def test_pdf_core_font_pages(tmp_path):
    pdf = FPDF()
    pdf.set_font("Helvetica", size=12)
    for line in ("Page one text.", "Revenue grew 39.3% in 2025."):
        pdf.add_page()
        pdf.cell(0, 10, line)
    path = tmp_path / "ascii.pdf"
    pdf.output(str(path))
    doc = load(path)
    assert doc.text == "Page one text.\nRevenue grew 39.3% in 2025."
    assert doc.page_starts == (0, 15)
    assert doc.text[doc.page_starts[1]:] == "Revenue grew 39.3% in 2025."


def test_image_only_pdf_needs_ocr(tmp_path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    pdf.rect(20, 20, 120, 60, style="F")
    pdf.line(20, 100, 180, 100)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    assert skip_reason(path) == "PDF 没有文本层（可能是扫描件）；请先做 OCR"


def test_damaged_pdf_is_skipped(tmp_path):
    reason = skip_reason(write(tmp_path, "bad.pdf", b"%PDF-1.7\nnot really a pdf"))
    assert reason.startswith("无法读取 PDF（")
    assert reason.endswith("请用 PDF 阅读器打开确认后重新导出")
