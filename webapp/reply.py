"""One chat reply: the short answer with [1] [2] markers, the sources once, and a badge.

Plain functions from an `Answer` to the Markdown (with a little inline HTML) the chat shows.
A marker and its source line link to ``document?source=…&start=…&end=…``: the app's own page
that shows the passage in its document; the page's script opens the side view instead.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from agent import Answer, Citation

THINKING = "正在检索资料…"
MODES = {"offline": "离线抽取", "llm": "大模型生成"}
QUOTE_PREVIEW = 80  # characters of a quote under its source line
_BASIS = re.compile(r"\n\s*依[据據]：[\s\S]*$")  # the answer's own quote list, shown as sources
_MARKER = re.compile(r"\[(\d{1,2})\]")


def citation_href(cite: Citation) -> str:
    query = urlencode({"source": cite.source, "start": cite.start, "end": cite.end})
    return f"document?{query}#passage"


def location(cite: Citation, title: str = "") -> str:
    """``《标题》 › 一、总体要求 · 第 3 页 · 第 121–180 字`` (offsets 1-based, inclusive)."""
    parts = [f"《{title}》" if title else cite.source]
    if cite.heading:
        parts.append(" › ".join(_last_headings(cite.heading, title)))
    if cite.page is not None:
        parts.append(f"第 {cite.page} 页")
    parts.append(f"第 {cite.start + 1}–{cite.end} 字")
    return " · ".join(p for p in parts if p)


def answer_body(answer: Answer) -> str:
    """The answer without its appended quote list (which the sources replace)."""
    return _BASIS.sub("", answer.text or "").strip()


def reply_markdown(
    answer: Answer,
    final: bool = True,
    titles: Mapping[str, str] | None = None,
    model: str = "",
) -> str:
    """The chat message of ``answer``; ``final=False`` while it streams (no sources yet)."""
    titles = titles or {}
    lines: list[str] = []
    status = getattr(answer, "status", "")  # set while an LLM answer streams
    if status and not final:
        lines += [f'<span class="qa-status">⏳ {_esc(status)}</span>', ""]
    body = answer_body(answer) or ("" if final else THINKING)
    lines.append(_body_with_markers(body, answer.citations, final))
    if final and answer.citations:
        lines += ["", "**来源**", ""]
        for n, cite in enumerate(answer.citations, start=1):
            quote = " ".join(cite.quote.split())
            if len(quote) > QUOTE_PREVIEW:
                quote = quote[:QUOTE_PREVIEW] + "…"
            link = _link(cite, f"[{n}] {location(cite, titles.get(cite.source, ''))}", "qa-source")
            lines.append(f"{link}<br>「{_esc(quote)}」" + ("  " if n < len(answer.citations) else ""))
    if final:
        lines += ["", badge(answer, model, copy_text=plain_reply(answer, titles))]
    return "\n".join(lines)


def badge(answer: Answer, model: str = "", copy_text: str = "") -> str:
    """``离线抽取 · 0.42 秒`` or ``大模型 deepseek-chat · 3.10 秒``, the notice, and a
    「复制回答」 link whose ``#qa-copy:`` fragment carries the text the page's script copies."""
    mode = MODES.get(answer.mode, answer.mode)
    if answer.mode == "llm" and model:
        mode = f"大模型 {model}"
    # rounded up to the hundredth: an answer in 4 ms (every tagging and span remembered, the
    # question vector too in lexical-first mode) reads 0.01 秒, not 0.00
    shown = math.ceil(round(answer.seconds * 100, 6)) / 100
    parts = [f'<span class="qa-badge qa-{_esc(answer.mode)}">{_esc(mode)} · {shown:.2f} 秒</span>']
    if answer.notice:
        parts.append(f'<span class="qa-notice">⚠️ {_esc(answer.notice)}</span>')
    if copy_text:
        href = "#qa-copy:" + quote(copy_text, safe="")
        parts.append(f'<a class="qa-copy" href="{href}">复制回答</a>')
    return " ".join(parts)


def plain_reply(answer: Answer, titles: Mapping[str, str] | None = None) -> str:
    """What 「复制回答」 puts on the clipboard: the answer, then one line per source."""
    titles = titles or {}
    lines = [_body_with_markers(answer_body(answer), answer.citations, True, links=False)]
    if answer.citations:
        lines += ["", "来源："]
        for n, cite in enumerate(answer.citations, start=1):
            lines.append(f"[{n}] {location(cite, titles.get(cite.source, ''))}")
    return "\n".join(lines)


def _body_with_markers(body: str, cites: list[Citation], final: bool, links: bool = True) -> str:
    """Markers in the text become links; an answer without markers gets them after its first line."""
    if not final or not cites:
        return _esc(body) if links else body
    if not _MARKER.search(body):
        first, _, rest = body.partition("\n")
        body = first + "".join(f"[{n}]" for n in range(1, len(cites) + 1)) + ("\n" + rest if rest else "")
    if not links:
        return body
    out, last = [], 0
    for match in _MARKER.finditer(body):
        out.append(_esc(body[last : match.start()]))
        n = int(match.group(1))
        out.append(_link(cites[n - 1], f"[{n}]", "qa-marker") if 1 <= n <= len(cites) else match.group(0))
        last = match.end()
    out.append(_esc(body[last:]))
    return "".join(out)


def _link(cite: Citation, text: str, kind: str) -> str:
    return f'<a class="qa-cite {kind}" href="{html.escape(citation_href(cite))}">{_esc(text)}</a>'


def _last_headings(path: str, title: str) -> list[str]:
    """The heading path without the document title it usually starts with."""
    parts = [p.strip() for p in path.split(">") if p.strip()]
    return parts[1:] if parts and title and parts[0] == title else parts


def _esc(text: str) -> str:
    """Text that Markdown and HTML both show literally, line breaks kept."""
    text = html.escape(text, quote=False)
    for char in "\\`*_[]#|~":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "  \n")
