"""Heading detection for Chinese policy texts, and the heading path in force at an offset.

Levels: 0 the document's title line, 1 ``一、``/``第X章``/``#``, 2 ``（一）``/``第X节``/``##`` and
short standalone section lines, 3 ``1.``/``第X条``/``###``, 4 ``（1）``; Markdown ``#``×n is n.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from ingest.types import Heading

_NUM = "一二三四五六七八九十百千零〇两"
_MARKDOWN = re.compile(r"(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"(```|~~~)")
_CHAPTER = re.compile(
    rf"第[{_NUM}\d]+(章|节|節|部分|编|編)(?=[\s\u3000]|$|[^\s\u3000，。；、,.]{{1,30}}$)"
)
_ARTICLE = re.compile(rf"第[{_NUM}\d]+[条條](?=[\s\u3000]|$)")
_NUMBERED = (  # (pattern, level, may the title be followed by body text on the same line?)
    (re.compile(rf"[{_NUM}]+、"), 1, True),
    (re.compile(rf"[（(][{_NUM}]+[）)]"), 2, True),
    (re.compile(r"\d{1,2}[.．、](?!\d)"), 3, False),
    (re.compile(r"[（(]\d{1,2}[）)]"), 4, False),
)
_CHAPTER_LEVELS = {"章": 1, "部分": 1, "编": 1, "編": 1, "节": 2, "節": 2}
_SENTENCE_END = "。！？!?；;"
_NOT_A_TITLE_END = "，,、：:；;"
_PARAGRAPH_END = "。！？!?”」』）)…："
_META_LABEL = re.compile(
    r"^(来源|來源|作者|记者|記者|编辑|編輯|责任编辑|責任編輯|发布时间|發佈時間|日期|时间|字号)[:：]"
)
# datelines (2025年7月28日, 2025-07-28) and document numbers (内府发〔2025〕12号)
_DATE_OR_NUMBER = re.compile(r"\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d|\d{4}\s*[〕\]】]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SHORT = 40
_TITLE_MAX = 60


def detect_headings(text: str, hints: Iterable[Heading] = ()) -> tuple[Heading, ...]:
    """Headings of ``text`` sorted by offset. ``hints`` (from docx styles, html h tags…) are kept
    as given and win over any text guess that overlaps them."""
    lines = [(start, line) for start, line in _lines(text) if line.strip()]
    found: list[Heading] = []
    for i, (start, line) in enumerate(lines):
        heading = _numbered(start, line)
        if heading is None:
            prev_start, prev = lines[i - 1] if i else (0, None)
            paragraph_before = prev is None or (
                prev.rstrip()[-1:] in _PARAGRAPH_END  # previous paragraph finished
                or prev_start + len(prev) + 1 < start  # a blank line in between
                or bool(found and found[-1].start >= prev_start)  # right after a heading
            )
            following = lines[i + 1][1] if i + 1 < len(lines) else None
            if paragraph_before:
                heading = _standalone(start, line, following, first=i == 0)
        if heading is not None:
            found.append(heading)
    hints = tuple(sorted(hints, key=lambda h: (h.start, h.end)))
    starts = [h.start for h in hints]
    guesses = [h for h in found if not _overlaps(h, hints, starts)]
    return tuple(sorted((*hints, *guesses), key=lambda h: (h.start, h.end)))


def _overlaps(heading: Heading, hints: tuple[Heading, ...], starts: list[int]) -> bool:
    """Whether a hint overlaps ``heading`` (hints are sorted and do not overlap each other)."""
    i = bisect_left(starts, heading.end)  # hints[:i] start before the heading ends
    return i > 0 and hints[i - 1].end > heading.start


def heading_path(headings: Iterable[Heading], offset: int) -> str:
    """Titles of the headings in force at ``offset``, joined with " > ". A heading is in force
    from its start until the next heading of the same or a higher (smaller) level."""
    stack: list[Heading] = []
    for heading in sorted(headings, key=lambda h: h.start):
        if heading.start > offset:
            break
        while stack and stack[-1].level >= heading.level:
            stack.pop()
        stack.append(heading)
    return " > ".join(h.title for h in stack)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line split on "\\n" (a trailing "\\r" stays in the line), skipping
    fenced Markdown code blocks."""
    pos, fenced = 0, False
    for raw in text.split("\n"):
        if _FENCE.match(raw.strip()):
            fenced = not fenced
        elif not fenced:
            yield pos, raw
        pos += len(raw) + 1


def _stripped_start(start: int, line: str) -> int:
    return start + len(line) - len(line.lstrip())


def _numbered(start: int, line: str) -> Heading | None:
    body = line.strip()
    first = _stripped_start(start, line)
    if match := _MARKDOWN.match(body):
        title = match.group(2).strip()
        return Heading(len(match.group(1)), title, first, first + len(body))
    if match := _ARTICLE.match(body):
        rest = body[match.end():].strip()
        whole = rest and len(body) <= _SHORT and not _has_sentence_punct(rest)
        title = body if whole else body[:match.end()]
        return Heading(3, title, first, first + len(title))
    if (match := _CHAPTER.match(body)) and len(body) <= _TITLE_MAX:
        return Heading(_CHAPTER_LEVELS[match.group(1)], body, first, first + len(body))
    for pattern, level, inline in _NUMBERED:
        if not (match := pattern.match(body)) or len(body) == match.end():
            continue
        title = body
        cut = _first_sentence_end(body, match.end())
        if cut is not None and cut < len(body) - 1:  # "（一）加强组织领导。各地要……"
            if not inline:
                return None
            title = body[:cut]
        elif len(body) > (_TITLE_MAX if inline else _SHORT) or body[-1] in _NOT_A_TITLE_END:
            return None
        title = title.rstrip("。")
        if len(title) > _TITLE_MAX:
            return None
        return Heading(level, title, first, first + len(title))
    return None


def _standalone(start: int, line: str, following: str | None, *, first: bool) -> Heading | None:
    """A short line without sentence punctuation (the caller checked that it does not continue
    a paragraph), followed by a longer paragraph: the document's title (level 0) if it is the
    first line, else a section heading (level 2)."""
    body = line.strip()
    if following is None or not (2 <= len(body) <= (_TITLE_MAX if first else _SHORT)):
        return None
    if _has_sentence_punct(body) or body[-1] in _NOT_A_TITLE_END or _META_LABEL.match(body):
        return None
    if not first and _DATE_OR_NUMBER.search(body):
        return None
    if not first and ("，" in body or "," in body):
        return None
    if len(_CJK.findall(body)) < 2 or sum(ch.isdigit() for ch in body) * 2 >= len(body):
        return None
    nxt = following.strip()
    if len(nxt) <= len(body) or not (len(nxt) >= 2 * len(body) or _has_sentence_punct(nxt)):
        return None
    first_char = _stripped_start(start, line)
    return Heading(0 if first else 2, body, first_char, first_char + len(body))


def _has_sentence_punct(text: str) -> bool:
    return any(ch in _SENTENCE_END for ch in text)


def _first_sentence_end(text: str, after: int) -> int | None:
    for i in range(after, len(text)):
        if text[i] in _SENTENCE_END:
            return i
    return None
