"""HTML: visible text only; block elements become lines, h1–h6 become heading hints."""

from __future__ import annotations

import re

from bs4 import (
    BeautifulSoup,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)

from ingest.encoding import decode_bytes
from ingest.errors import SkipDocument
from ingest.loaders.extracted import Extracted
from ingest.loaders.tables import table_lines
from ingest.types import Heading

_DROP = {
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg",
    "iframe", "head", "object", "canvas", "select", "button",
}
_BLOCK = {
    "address", "article", "blockquote", "caption", "center", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "form", "hr", "li", "main", "ol", "p", "pre", "section", "ul", "body",
    "tr", "td", "th",
}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_INVISIBLE = (Comment, Declaration, Doctype, ProcessingInstruction)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_-]+)", re.IGNORECASE)
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f\v]*\n\s*(?=[{_CJK}])")
_SPACE = re.compile(r"\s+")
_BR = "\x0b"  # stands for <br> until lines are split


def load_html(data: bytes) -> Extracted:
    declared = _META_CHARSET.search(data[:4096])
    decoded = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    soup = BeautifulSoup(decoded.text, "html.parser")
    title = _clean(soup.title.get_text()) if soup.title else ""
    collector = _Collector()
    try:
        collector.walk(soup)
    except RecursionError:
        raise SkipDocument("HTML 标签嵌套过深，无法提取文字；请另存为 .txt 或 .pdf") from None
    collector.flush()
    lines, hints, offset = [], [], 0
    for line, level in collector.blocks:
        if level:
            hints.append(Heading(level, line, offset, offset + len(line)))
        lines.append(line)
        offset += len(line) + 1
    return Extracted(
        text="\n".join(lines), encoding=decoded.encoding, hints=tuple(hints), title=title
    )


class _Collector:
    """Walks the tree; inline content accumulates until a block boundary flushes it as lines."""

    def __init__(self) -> None:
        self.blocks: list[tuple[str, int]] = []  # (line, heading level or 0)
        self._inline: list[str] = []

    def flush(self) -> None:
        for piece in "".join(self._inline).split(_BR):
            if piece := _clean(piece):
                self.blocks.append((piece, 0))
        self._inline.clear()

    def walk(self, node: Tag) -> None:
        for child in node.children:
            if isinstance(child, _INVISIBLE):
                continue
            if isinstance(child, NavigableString):
                self._inline.append(str(child).replace(_BR, " "))
            elif not isinstance(child, Tag) or child.name in _DROP:
                continue
            elif child.name == "br":
                self._inline.append(_BR)
            elif child.name in _HEADINGS:
                self.flush()
                if title := _inline_text(child):
                    self.blocks.append((title, _HEADINGS[child.name]))
            elif child.name == "table":
                self.flush()
                self.blocks.extend((line, 0) for line in table_lines(_rows(child)))
            elif child.name in _BLOCK:
                self.flush()
                self.walk(child)
                self.flush()
            else:
                self.walk(child)


def _inline_text(tag: Tag) -> str:
    collector = _Collector()
    collector.walk(tag)
    collector.flush()
    return _clean(" ".join(text for text, _ in collector.blocks))


def _rows(table: Tag) -> list[list[str]]:
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is not table:
            continue  # a nested table's row
        cells = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            span = int(cell.get("colspan", 1)) if str(cell.get("colspan", 1)).isdigit() else 1
            cells.extend([_inline_text(cell)] * max(1, min(span, 50)))
        rows.append(cells)
    return rows


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _CJK_BREAK.sub("", text)).strip()
