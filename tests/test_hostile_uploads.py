"""Hostile files in uploads and in the corpus folder: names that try to leave the folder or that
Windows cannot open, a symlink to a file outside the corpus, a docx zip bomb, a PDF with a broken
xref, files whose suffix lies about their type. Each is skipped with a Chinese reason or stored
under a safe name; nothing is written outside the corpus folder (and the index folder), and the
documents already indexed answer exactly as before."""

import io
import os
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document
from fpdf import FPDF

from agent import PolicyQA, Settings
from app import ChatHandlers, LibraryHandlers
from ingest.errors import SkipDocument
from ingest.loaders.docx import MAX_UNPACKED_BYTES, load_docx
from webapp.upload_names import upload_name
from webapp.uploads import index_uploads

BASE = "内江市东兴区位于四川省东南部，是成渝地区双城经济圈的重要节点。\n东兴区2025年地区生产总值增长6.1%。\n"
NOTICE = (
    "关于促进数据标注产业发展的若干措施\n"
    "一、对新落户的数据标注企业，按实际到位投资额的5%给予一次性奖励，最高不超过200万元。\n"
)
QUESTIONS = ["新落户的数据标注企业最高奖励多少？", "东兴区2025年地区生产总值增长多少？"]
SECRET = "机密：服务器口令是 hunter2-口令。"


def answers(qa):
    return [(a.text, a.citations) for a in (qa.ask(q) for q in QUESTIONS)]


def tree(folder: Path, skip: tuple[str, ...] = ()) -> set[str]:
    """Every path under ``folder`` (relative), folders named in ``skip`` left out."""
    out = set()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if d not in skip]
        rel = Path(dirpath).relative_to(folder)
        out.update(str(rel / n) for n in dirnames + filenames)
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory, embedder):
    """``<root>/site/corpus`` (two documents) and ``<root>/site/.index``; ``<root>/outside`` holds
    a secret file. Yields (qa, site folder, outside folder, answers before any attack)."""
    root = tmp_path_factory.mktemp("hostile")
    site, outside = root / "site", root / "outside"
    (site / "corpus").mkdir(parents=True)
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (site / "corpus" / "base.txt").write_text(BASE, encoding="utf-8")
    (site / "corpus" / "notice.txt").write_text(NOTICE, encoding="utf-8")
    settings = Settings.from_env(env={}, feedback_path=site / "feedback.jsonl")
    qa = PolicyQA.open(site / "corpus", site / ".index", settings=settings, embedder=embedder)
    return qa, site, outside, answers(qa)


def upload(qa, tmp_path, files: dict[str, bytes], names: list[str] | None = None):
    """Write ``files`` into a fresh upload folder and index them; outcomes as (name, status, detail)."""
    folder = tmp_path / f"up{time.monotonic_ns()}"
    folder.mkdir()
    paths = []
    for name, data in files.items():
        (folder / name).write_bytes(data)
        paths.append(folder / name)
    return [(o.name, o.status, o.detail) for o in index_uploads(qa, paths, names=names)]


def test_upload_names_are_reduced_to_a_safe_name_or_refused():
    assert upload_name("../../etc/逃逸.txt") == "逃逸.txt"
    assert upload_name("/etc/cron.d/绝对路径.md") == "绝对路径.md"
    assert upload_name("..\\..\\Windows\\win.ini.txt") == "win.ini.txt"
    assert upload_name("政策 通知 2026.txt") == "政策 通知 2026.txt"
    refused = {
        "a\x00b.txt": "文件名含空字符（NUL）；请把文件改名后重新上传",
        "CON": "文件名 CON 是 Windows 的保留设备名或以点、空格结尾，复制到 Windows 后无法打开；请改名后重新上传",
        "nul.txt": "文件名 nul.txt 是 Windows 的保留设备名或以点、空格结尾，复制到 Windows 后无法打开；请改名后重新上传",
        "COM1.md": "文件名 COM1.md 是 Windows 的保留设备名或以点、空格结尾，复制到 Windows 后无法打开；请改名后重新上传",
        "../..": "文件名 ../.. 不是有效的文件名；请把文件改名后重新上传",
        "dir/": "文件名 dir/ 不是有效的文件名；请把文件改名后重新上传",
        "a\nb.txt": "文件名含控制字符（如换行、制表符）；请把文件改名后重新上传",
        "<img src=x onerror=alert(1)>.txt": "文件名含 Windows 不允许的字符 < >；请把文件改名后重新上传",
        "x" * 300 + ".txt": "文件名过长（304 字节，上限 255）；请缩短后重新上传",
    }
    for name, reason in refused.items():
        with pytest.raises(SkipDocument) as caught:
            upload_name(name)
        assert caught.value.reason == reason, name


def test_hostile_names_never_write_outside_the_corpus(site, tmp_path):
    qa, folder, outside, before = site
    parents = {p: tree(p, skip=("corpus", ".index")) for p in (folder, folder.parent)}
    names = ["../../逃逸.txt", "/etc/绝对路径.txt", "..\\..\\windows.txt", "a\x00b.txt", "CON",
             "NUL.txt", "com1.md", "政策 通知 2026.txt", ".."]
    files = {f"f{i}.txt": f"第{i}号测试文件：编号{i * 7919}的说明。\n".encode() for i in range(len(names))}

    outcomes = upload(qa, tmp_path, files, names)

    assert [(n, s) for n, s, _ in outcomes] == [
        ("逃逸.txt", "added"), ("绝对路径.txt", "added"), ("windows.txt", "added"),
        ("a�b.txt", "skipped"), ("CON", "skipped"), ("NUL.txt", "skipped"), ("com1.md", "skipped"),
        ("政策 通知 2026.txt", "added"), ("..", "skipped"),
    ]
    assert outcomes[0][2].startswith("corpus/逃逸.txt，1 块")
    assert outcomes[3][2] == "文件名含空字符（NUL）；请把文件改名后重新上传"
    assert outcomes[7][2].startswith("corpus/政策 通知 2026.txt，")
    assert qa.ask("第7号测试文件的编号是多少？").citations[0].source == "corpus/政策 通知 2026.txt"
    # nothing new next to the corpus or above it; the corpus holds exactly the safe names
    assert {p: tree(p, skip=("corpus", ".index")) for p in parents} == parents
    assert sorted(os.listdir(folder / "corpus")) == sorted(
        ["base.txt", "notice.txt", "逃逸.txt", "绝对路径.txt", "windows.txt", "政策 通知 2026.txt"])
    assert not Path("/etc/绝对路径.txt").exists() and tree(outside) == {"secret.txt"}
    for name in ("逃逸.txt", "绝对路径.txt", "windows.txt", "政策 通知 2026.txt"):
        (folder / "corpus" / name).unlink()
    qa.refresh()
    assert answers(qa) == before


def test_web_upload_of_real_files_with_hostile_names(site, tmp_path):
    """The knowledge-base handler with files whose own names are hostile (as Gradio passes them)."""
    qa, folder, _, before = site
    kb = LibraryHandlers(ChatHandlers(qa))
    up = tmp_path / "web"
    up.mkdir()
    for name, text in {"..\\逃逸.txt": "反斜杠文件。", "CON": "设备名。", "aux.md": "设备名二。",
                       "<b>粗体<i>.txt": "尖括号文件。"}.items():
        (up / name).write_text(text, encoding="utf-8")
    message, *_ = kb.upload([str(up / n) for n in sorted(os.listdir(up))])

    assert message.splitlines()[0] == "**上传 4 个文件，入库 1 个**"
    assert "- 已新增 逃逸.txt：corpus/逃逸.txt，1 块" in message
    assert "- 未加入 CON：文件名 CON 是 Windows 的保留设备名" in message
    assert "- 未加入 aux.md：文件名 aux.md 是 Windows 的保留设备名" in message
    # the name is shown as text, never as markup
    assert "- 未加入 &lt;b&gt;粗体&lt;i&gt;.txt：文件名含 Windows 不允许的字符 &lt; &gt;；" in message
    qa.remove_document("corpus/逃逸.txt")
    assert sorted(os.listdir(folder / "corpus")) == ["base.txt", "notice.txt"]
    assert answers(qa) == before


def test_symlink_to_a_file_outside_the_corpus_is_not_indexed(site, tmp_path):
    qa, folder, outside, before = site
    link = folder / "corpus" / "link.txt"
    link.symlink_to(outside / "secret.txt")
    (folder / "corpus" / "linked-dir").symlink_to(outside, target_is_directory=True)
    try:
        report = qa.refresh()
        [skipped] = report.skipped
        assert skipped.source == "corpus/link.txt"
        assert skipped.reason == (
            f"指向语料目录之外的符号链接（目标 {(outside / 'secret.txt').resolve()}），为安全起见不索引；"
            "请把文件本身复制进语料目录")
        assert sorted(qa.index.documents) == ["corpus/base.txt", "corpus/notice.txt"]
        assert "hunter2" not in qa.ask("服务器口令是什么？").text
        # an upload named like the link is refused: nothing is written through it
        outcomes = upload(qa, tmp_path, {"link.txt": "覆盖链接的内容。".encode()})
        assert outcomes == [("link.txt", "skipped",
                             "语料目录中的 link.txt 是符号链接，不会被覆盖；请换一个文件名")]
        assert (outside / "secret.txt").read_text(encoding="utf-8") == SECRET
    finally:
        link.unlink()
        (folder / "corpus" / "linked-dir").unlink()
    qa.refresh()
    assert answers(qa) == before


def docx_bomb(unpacked: int) -> bytes:
    """A real .docx whose word/document.xml inflates to ``unpacked`` bytes (spaces inside
    <w:body>): a few MB on disk."""
    plain = io.BytesIO()
    Document().save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                dst.writestr(info, src.read(info))
                continue
            head, tail = src.read(info).split(b"<w:body>")
            with dst.open("word/document.xml", "w", force_zip64=True) as member:
                member.write(head + b"<w:body>")
                block, written = b" " * (1 << 20), 0
                while written < unpacked:
                    member.write(block)
                    written += len(block)
                member.write(tail)
    return out.getvalue()


def test_docx_zip_bomb_is_refused_before_it_is_inflated(site, tmp_path):
    qa, folder, _, before = site
    bomb = docx_bomb(1100 * 2**20)
    assert len(bomb) < 10 * 2**20 and MAX_UNPACKED_BYTES == 256 * 2**20
    started = time.perf_counter()
    with pytest.raises(SkipDocument) as caught:
        load_docx(bomb)
    assert time.perf_counter() - started < 1.0  # the central directory only, nothing inflated
    with zipfile.ZipFile(io.BytesIO(bomb)) as archive:
        declared = sum(i.file_size for i in archive.infolist())
    assert declared > 1100 * 2**20
    assert caught.value.reason == (
        f"DOCX 解压后有 {declared / 2**20:.0f} MB，超过上限 256 MB（可能是压缩炸弹）；请确认文件来源，或另存为较小的 .docx / .pdf")

    outcomes = upload(qa, tmp_path, {"炸弹.docx": bomb})
    assert outcomes == [("炸弹.docx", "skipped", caught.value.reason)]
    assert not (folder / "corpus" / "炸弹.docx").exists()
    assert answers(qa) == before


def broken_xref_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=14)
    pdf.add_page()
    pdf.multi_cell(0, 10, "Pilot zone subsidy: up to 300 thousand yuan per enterprise.")
    data = bytes(pdf.output())
    at = data.rindex(b"startxref")
    data = data[:at] + b"startxref\n999999\n%%EOF\n"  # points past the end of the file
    xref = data.index(b"xref\n")
    return data[:xref] + data[xref:].replace(b" 00000 n", b" 99999 n")  # and every entry is wrong


def test_broken_pdf_and_files_whose_suffix_lies(site, tmp_path):
    qa, folder, _, before = site
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("a.txt", "压缩包里的文字")
    files = {
        "坏交叉引用.pdf": broken_xref_pdf(),
        "其实是文本.pdf": "这其实是一段纯文本，不是 PDF。".encode(),
        "其实是压缩包.pdf": zipped.getvalue(),
        "其实是文本.docx": "这也是纯文本。".encode(),
        "其实是压缩包.txt": zipped.getvalue(),
        "其实是图片.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    }
    outcomes = {name: (status, detail) for name, status, detail in upload(qa, tmp_path, files)}

    # pypdf rebuilds a broken cross-reference table: the text is read and stored
    assert outcomes["坏交叉引用.pdf"][0] == "added"
    assert qa.document_text("corpus/坏交叉引用.pdf").startswith("Pilot zone subsidy: up to 300")
    assert outcomes["其实是文本.pdf"] == (
        "skipped", "无法读取 PDF（PdfStreamError: Stream has ended unexpectedly）；请用 PDF 阅读器打开确认后重新导出")
    assert outcomes["其实是压缩包.pdf"][0] == "skipped"
    assert outcomes["其实是压缩包.pdf"][1].startswith("无法读取 PDF（")
    assert outcomes["其实是文本.docx"] == (
        "skipped", "无法读取 DOCX（文件损坏或不是 Word 文档：BadZipFile）；请用 Word/WPS 打开后另存为 .docx")
    assert outcomes["其实是压缩包.txt"][0] == "skipped"
    assert outcomes["其实是图片.md"] == (
        "skipped", "文件含 NUL 字节，看起来是二进制文件而不是文本；" + outcomes["其实是图片.md"][1].split("；", 1)[1])
    assert sorted(os.listdir(folder / "corpus")) == ["base.txt", "notice.txt", "坏交叉引用.pdf"]
    qa.remove_document("corpus/坏交叉引用.pdf")
    assert answers(qa) == before
