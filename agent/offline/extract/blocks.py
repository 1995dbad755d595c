"""Numbered blocks: 「（一）启动阶段…（二）全面推进阶段…」 and annex lists 「1. 某公司（临港区）」.

A list question whose evidence is one line of such a block is answered by the whole block (or by
the lines that carry the question's distinguishing words, 「临港区有哪些企业」). Plain Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKERS = (
    ("digit", re.compile(r"^\s*\d{1,2}\s*[.．、]\s*")),
    ("paren", re.compile(r"^\s*[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]\s*")),
    ("hanzi", re.compile(r"^\s*[一二三四五六七八九十]{1,3}、\s*")),
    ("circled", re.compile(r"^\s*[①②③④⑤⑥⑦⑧⑨⑩]\s*")),
)
_HEAD_END = re.compile(r"[。；;：:（(，,]")
MAX_LINES = 12


@dataclass(frozen=True)
class BlockLine:
    start: int  # offsets of the line in the document text (without its line break)
    end: int
    item: str  # the line's head phrase, marker removed


def _marker(line: str) -> tuple[str, int] | None:
    for kind, pattern in _MARKERS:
        m = pattern.match(line)
        if m:
            return kind, m.end()
    return None


def _lines(text: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for part in text.split("\n"):
        out.append((at, at + len(part)))
        at += len(part) + 1
    return out


def block_at(text: str, offset: int) -> list[BlockLine]:
    """The numbered block the line at ``offset`` belongs to, or that it heads; [] if none."""
    lines = _lines(text)
    here = next((i for i, (s, e) in enumerate(lines) if s <= offset <= e), None)
    if here is None:
        return []
    own = _marker(text[slice(*lines[here])])
    if own is None:  # a heading: the block may follow it, after a short note such as 「（共10家）」
        following = [i for i in range(here + 1, len(lines)) if text[slice(*lines[i])].strip()][:3]
        nxt = next((i for i in following if _marker(text[slice(*lines[i])])), None)
        if nxt is None or any(len(text[slice(*lines[i])]) > 30 for i in following if i < nxt):
            return []
        here, own = nxt, _marker(text[slice(*lines[nxt])])
    kind = own[0]

    def same(i: int) -> bool:
        found = _marker(text[slice(*lines[i])])
        return found is not None and found[0] == kind

    def blank(i: int) -> bool:
        return not text[slice(*lines[i])].strip()

    first = here
    i = here - 1
    while i >= 0 and (same(i) or blank(i)):
        if same(i):
            first = i
        i -= 1
    last = here
    i = here + 1
    while i < len(lines) and (same(i) or blank(i)):
        if same(i):
            last = i
        i += 1
    out = []
    for i in range(first, last + 1):
        if not same(i):
            continue
        start, end = lines[i]
        line = text[start:end]
        body = line[_marker(line)[1] :]
        head = _HEAD_END.split(body, maxsplit=1)[0].strip()
        if head:
            out.append(BlockLine(start, end, head if len(head) <= 40 else head[:40]))
    return out if 2 <= len(out) <= MAX_LINES else []
