"""The cited passage where it stands in its document: `<mark>` inside the paragraphs around it,
under the document's title, heading path, date and page, with a link to the whole document.

Plain HTML strings (no gradio): the side view of the chat and the ``/document`` page use them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode

from ingest.types import LoadedDocument

CONTEXT_CHARS = 200  # at least this much text (whole paragraphs) on each side of the passage
MAX_CONTEXT_PARAGRAPHS = 3  # and at most this many paragraphs
PLACEHOLDER = "点击回答里的 [1] [2] 或「来源」，在这里查看原文所在的位置。"


@dataclass(frozen=True)
class Span:
    source: str
    start: int
    end: int


def parse_span(query: str) -> Span | None:
    """``source=corpus/x.txt&start=1&end=9`` (the query of a citation link) → `Span`."""
    values = parse_qs(query.lstrip("?").split("#", 1)[0])
    try:
        return Span(values["source"][0], int(values["start"][0]), int(values["end"][0]))
    except (KeyError, IndexError, ValueError):
        return None


def document_url(source: str, start: int | None = None, end: int | None = None) -> str:
    params: dict[str, object] = {"source": source}
    if start is not None and end is not None:
        params.update(start=start, end=end)
    return f"document?{urlencode(params)}" + ("#passage" if start is not None else "")


def heading_path(doc: LoadedDocument, offset: int) -> list[str]:
    """The headings above ``offset``, outermost first (the title heading left out)."""
    path: list[tuple[int, str]] = []
    for heading in sorted(doc.headings, key=lambda h: h.start):
        if heading.start > offset:
            break
        while path and path[-1][0] >= heading.level:
            path.pop()
        path.append((heading.level, heading.title))
    titles = [t for _, t in path]
    return titles[1:] if titles and titles[0] == doc.meta.title else titles


def passage_html(doc: LoadedDocument, start: int, end: int) -> str:
    """The side view: header, then the passage marked inside its surrounding paragraphs."""
    start, end = _clamp(doc, start, end)
    lo, hi = _context(doc.text, start, end)
    before = doc.text[lo:start]
    after = doc.text[end:hi]
    body = (
        ("<p class='qa-more'>…</p>" if lo > 0 else "")
        + _paragraphs(before, doc.text[start:end], after)
        + ("<p class='qa-more'>…</p>" if hi < len(doc.text) else "")
    )
    link = html.escape(document_url(doc.source, start, end))
    return (
        "<div class='qa-docview' id='qa-docview'>"
        + _header(doc, start)
        + f"<div class='qa-doctext'>{body}</div>"
        + f"<p class='qa-doclink'><a href='{link}' target='_blank' rel='noopener'>查看全文 ↗</a></p>"
        + "</div>"
    )


def full_document_html(doc: LoadedDocument, start: int | None = None, end: int | None = None) -> str:
    """A whole page: the document's full text, the passage (when given) marked with id=passage."""
    if start is not None and end is not None:
        start, end = _clamp(doc, start, end)
        body = _paragraphs(doc.text[:start], doc.text[start:end], doc.text[end:])
    else:
        body = _paragraphs(doc.text, "", "")
    title = html.escape(doc.meta.title or doc.source)
    return (
        "<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{title}</title><style>{PAGE_CSS}</style></head><body>"
        + _header(doc, start if start is not None else None)
        + f"<main class='qa-doctext'>{body}</main></body></html>"
    )


def _header(doc: LoadedDocument, offset: int | None) -> str:
    facts = [f"<span>文件 <code>{html.escape(doc.source)}</code></span>"]
    if doc.meta.date:
        label = "文件日期" if doc.meta.date_source == "file" else "日期"
        facts.append(f"<span>{label} {html.escape(doc.meta.date)}</span>")
    if offset is not None and (page := doc.page_at(offset)) is not None:
        facts.append(f"<span>第 {page} 页</span>")
    if doc.meta.doc_number:
        facts.append(f"<span>{html.escape(doc.meta.doc_number)}</span>")
    if doc.meta.issuer:
        facts.append(f"<span>{html.escape(doc.meta.issuer)}</span>")
    crumbs = heading_path(doc, offset) if offset is not None else []
    path = (
        "<p class='qa-headings'>" + " › ".join(html.escape(h) for h in crumbs) + "</p>"
        if crumbs
        else ""
    )
    return (
        f"<h3 class='qa-doctitle'>{html.escape(doc.meta.title or doc.source)}</h3>"
        + path
        + "<p class='qa-docfacts'>"
        + " · ".join(facts)
        + "</p>"
    )


def _clamp(doc: LoadedDocument, start: int, end: int) -> tuple[int, int]:
    start = max(0, min(start, len(doc.text)))
    return start, max(start, min(end, len(doc.text)))


def _context(text: str, start: int, end: int) -> tuple[int, int]:
    """Whole paragraphs (non-empty lines) around [start, end): at least one on each side, more
    until `CONTEXT_CHARS` characters or `MAX_CONTEXT_PARAGRAPHS` paragraphs."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not spans:
        return start, end
    first = next((i for i, (_, b) in enumerate(spans) if b > start), len(spans) - 1)
    last = next((i for i, (_, b) in enumerate(spans) if b >= end), len(spans) - 1)
    lo, hi = first, last
    while lo > 0 and first - lo < MAX_CONTEXT_PARAGRAPHS and (
        lo == first or start - spans[lo][0] < CONTEXT_CHARS
    ):
        lo -= 1
    while hi < len(spans) - 1 and hi - last < MAX_CONTEXT_PARAGRAPHS and (
        hi == last or spans[hi][1] - end < CONTEXT_CHARS
    ):
        hi += 1
    return min(spans[lo][0], start), max(spans[hi][1], end)


def _paragraphs(before: str, passage: str, after: str) -> str:
    """Paragraph elements for the text, ``passage`` wrapped in <mark id=passage> (which may
    cross paragraph breaks: then each piece is marked, the first one carrying the id)."""
    out, current, marked_once = [], [], False
    pieces = [(before, False), (passage, True), (after, False)]
    for text, marked in pieces:
        for i, line in enumerate(text.split("\n")):
            if i > 0:
                out.append(current)
                current = []
            if not line:
                continue
            escaped = html.escape(line)
            if marked:
                ident = "" if marked_once else " id='passage'"
                marked_once = True
                current.append(f"<mark{ident}>{escaped}</mark>")
            else:
                current.append(escaped)
    out.append(current)
    return "".join(f"<p>{''.join(p)}</p>" for p in out if p)


PAGE_CSS = """
body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;max-width:48rem;
margin:0 auto;padding:1rem;line-height:1.8;color:#1f2937}
mark{background:#fde68a;padding:0 .1em}.qa-docfacts{color:#6b7280;font-size:.9em}
.qa-headings{color:#374151;font-size:.95em;margin:.2em 0}
"""
