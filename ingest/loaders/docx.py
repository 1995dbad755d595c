"""DOCX: paragraphs and tables in body order; headings from styles or bold-only short lines."""

from __future__ import annotations

import re
from io import BytesIO
from zipfile import BadZipFile, ZipFile

from docx import Document
from docx.opc.exceptions import OpcError
from docx.styles.style import ParagraphStyle
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml.etree import XMLSyntaxError

from ingest.errors import SkipDocument
from ingest.loaders.extracted import Extracted
from ingest.loaders.tables import table_lines
from ingest.structure import detect_headings
from ingest.types import Heading

_HEADING_STYLE = re.compile(r"(?:heading|标题|標題)\s*([1-9])", re.IGNORECASE)
_TITLE_STYLES = {"title", "标题", "標題"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc (and .wps) container
# a .docx whose parts unpack to more than this is refused before any part is read (a zip bomb:
# a few KB that inflate to gigabytes). A text document's XML of several hundred pages unpacks to
# a few MB; embedded images count too, so the limit is generous (5× the default 50 MB file limit).
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
_BOLD_MAX = 40
_SENTENCE_PUNCT = set("。！？!?；;")


def load_docx(data: bytes) -> Extracted:
    if data.startswith(_OLE_MAGIC):
        raise SkipDocument("这是旧版 Word（.doc）文件，只是扩展名为 .docx；请另存为 .docx 或 .pdf")
    _check_unpacked_size(data)
    try:
        document = Document(BytesIO(data))
        blocks = list(document.iter_inner_content())
        title = document.core_properties.title or ""
    except (BadZipFile, OpcError, KeyError, ValueError, XMLSyntaxError) as err:
        raise SkipDocument(
            f"无法读取 DOCX（文件损坏或不是 Word 文档：{type(err).__name__}）；"
            "请用 Word/WPS 打开后另存为 .docx"
        ) from None
    lines: list[str] = []
    hints: list[Heading] = []
    offset = 0
    styles: dict[str | None, ParagraphStyle | None] = {}
    for block in blocks:
        if isinstance(block, Table):
            new = table_lines(_rows(block))
        else:
            text = block.text.strip()
            new = [text] if text else []
            level = _heading_level(block, _style(block, styles), text) if text else None
            if level is not None:
                hints.append(Heading(level, text, offset, offset + len(text)))
        for line in new:
            lines.append(line)
            offset += len(line) + 1
    return Extracted(text="\n".join(lines), hints=tuple(hints), title=title.strip())


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a zip whose members declare more than `MAX_UNPACKED_BYTES` in all. Only the central
    directory is read; ``zipfile`` never inflates a member past its declared size."""
    try:
        with ZipFile(BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except BadZipFile:
        return  # not a zip at all: Document() says so with the usual reason
    if unpacked > MAX_UNPACKED_BYTES:
        raise SkipDocument(
            f"DOCX 解压后有 {unpacked / 2**20:.0f} MB，超过上限 {MAX_UNPACKED_BYTES // 2**20} MB"
            "（可能是压缩炸弹）；请确认文件来源，或另存为较小的 .docx / .pdf"
        )


def _style(paragraph: Paragraph, cache: dict[str | None, ParagraphStyle | None]):
    """The paragraph's style, looked up once per style id: python-docx resolves
    ``paragraph.style`` by scanning every style of the document on each access."""
    style_id = paragraph._p.style
    if style_id not in cache:
        cache[style_id] = paragraph.style
    return cache[style_id]


def _heading_level(paragraph: Paragraph, style: ParagraphStyle | None, text: str) -> int | None:
    """Heading N style → N, Title style → 0; a short bold-only paragraph without sentence
    punctuation → the level its numbering implies (一、 → 1 …), else 2."""
    name = (style.name if style is not None else "") or ""
    if match := _HEADING_STYLE.fullmatch(name.strip()):
        return int(match.group(1))
    if name.strip().lower() in _TITLE_STYLES:
        return 0
    if len(text) <= _BOLD_MAX and not _SENTENCE_PUNCT & set(text) and _bold_only(paragraph, style):
        guessed = detect_headings(text)
        return guessed[0].level if guessed and guessed[0].start == 0 else 2
    return None


def _bold_only(paragraph: Paragraph, style: ParagraphStyle | None) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(style is not None and style.font.bold)
    return bool(runs) and all(run.bold or (run.bold is None and style_bold) for run in runs)


def _rows(table: Table) -> list[list[str]]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:  # a merged cell repeats: keep it once
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(cell.text)
        rows.append(cells)
    return rows
