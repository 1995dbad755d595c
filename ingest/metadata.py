"""Document metadata from the text: title, date, author, issuer, document number."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from ingest.types import DocMeta, Heading

_CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_CN_NUM = "〇零○O一二三四五六七八九十"  # after NFKC (Ｏ → O)
_DATES = (  # on NFKC text: full-width digits and punctuation are ASCII here
    re.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    re.compile(r"(?<![\d.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])"),
    re.compile(r"(?<![\d.])(\d{4})[./](\d{1,2})[./](\d{1,2})(?![\d.])"),
    re.compile(rf"([{_CN_NUM}]{{4}})\s*年\s*([{_CN_NUM}]{{1,2}})\s*月\s*([{_CN_NUM}]{{1,3}})\s*日"),
)
_YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?=\s*年|[-./]\d{1,2}[-./]\d|\s*[〕\]】])")
_CN_YEAR = re.compile(rf"([{_CN_NUM[:-1]}]{{4}})\s*年")
_DOC_NUMBER = re.compile(
    r"(?:.{0,40}?(?:发文字号|發文字號|文号|文號)[:：]\s*)?"
    r"([\u4e00-\u9fff]{1,12}\s*[〔\[【［(（]\s*(?:19|20)\d\d\s*[〕\]】］)）]\s*\d{1,4}\s*[号號])"
)
_ISSUER_END = r"(?:人民政府|政府|办公室|辦公室|办公厅|辦公廳|委员会|委員會|局|厅|廳|部|署)"
_ISSUER = re.compile(rf"[\u4e00-\u9fff（）()]{{2,30}}{_ISSUER_END}")
_AUTHOR_LABEL = re.compile(
    r"(?:作者|撰稿)[:：]\s*([\u4e00-\u9fff·]{2,6}|[A-Za-z][A-Za-z .'-]{1,40}[A-Za-z])"
)
_REPORTER = re.compile(
    r"(?:记者|記者)(?:[:：]\s*|\s+)([\u4e00-\u9fff·]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff·]{2,4})*)"
    r"(?=$|[\s）)，,。])"
)
# 「…答卷。(田园)」: a byline after the last sentence (not 「…有限公司（高新区）」 in a list)
_TRAILING_NAME = re.compile(r"(?:^|[。！？!?”」])\s*[（(]\s*([\u4e00-\u9fff·]{2,4})\s*[)）]\s*$")
_NOT_NAMES = {
    "试行", "試行", "草案", "暂行", "暫行", "全文", "待续", "待續",
    "完结", "完結", "摘要", "节选", "節選",
}
_DOC_TYPE = re.compile(
    r"(通知|意见|意見|决定|決定|办法|辦法|规定|規定|规划|規劃|方案|批复|批覆|报告|報告|公告|通告|"
    r"细则|細則|纲要|綱要|条例|條例|措施|计划|計劃|函)$"
)
_NUMBERED_TITLE = re.compile(
    r"^(第.{1,6}[章节節条條]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])"
)
_PLACEHOLDER_TITLE = re.compile(  # what editors put into core/PDF titles by themselves
    r"^(microsoft word - |untitled|无标题|未命名|文档\d*$|document\d*$)|\.(docx?|pdf|wps)$",
    re.IGNORECASE,
)
_HEAD_LINES = 10
_OPENING_CHARS = 3000
_TAIL_LINES = 8


def extract_metadata(
    text: str, path: Path, fmt: str, *, title_hint: str = "", headings: Iterable[Heading] = ()
) -> DocMeta:
    """Metadata of a document. ``title_hint`` is a format-declared title (html ``<title>``,
    docx/pdf core title); ``headings`` are the document's detected headings."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    date, source = _text_date(lines)
    if not date:
        date, source = _file_date(path)
    return DocMeta(
        title=_title(lines, text, tuple(headings), title_hint, fmt),
        date=date,
        date_source=source,
        author=_author(lines),
        issuer=_issuer(lines),
        doc_number=_doc_number(lines),
    )


def infer_year(text: str) -> int | None:
    """The most frequent explicit 4-digit year (``2025年``, ``2025-07-28``, ``〔2025〕``,
    ``二〇二五年``); ties go to the later year."""
    norm = unicodedata.normalize("NFKC", text)
    years = Counter(int(y) for y in _YEAR.findall(norm))
    years.update(y for y in map(_number, _CN_YEAR.findall(norm)) if 1950 <= y <= 2099)
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def parse_date(text: str) -> str:
    """ISO date of the first full date in ``text`` ("" if none)."""
    found = _dates(unicodedata.normalize("NFKC", text))
    return found[0][1] if found else ""


def _dates(text: str) -> list[tuple[int, str]]:
    found = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            year, month, day = (_number(g) for g in match.groups())
            try:
                found.append((match.start(), dt.date(year, month, day).isoformat()))
            except ValueError:
                continue
    return sorted(found)


def _number(token: str) -> int:
    if token.isdigit():
        return int(token)
    if "十" not in token:  # a year written digit by digit: 二〇二五
        return int("".join(str(_CN_DIGITS[ch]) for ch in token))
    tens, _, units = token.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _text_date(lines: list[str]) -> tuple[str, str]:
    """A dateline (a line that is only a date, maybe after the issuer) near the end, the last
    one first, or near the top; then a date in the first lines (发布时间…); then the first date
    in the opening text."""
    for line in [*reversed(lines[-2 * _TAIL_LINES:]), *lines[:_HEAD_LINES]]:
        norm = unicodedata.normalize("NFKC", line)
        found = _dates(norm)
        if found and len(_strip_dates(norm).strip(" ()")) <= 30 and not _has_sentence(norm):
            return found[-1][1], "text"
    for line in lines[:_HEAD_LINES]:
        if date := parse_date(line):
            return date, "text"
    date = parse_date("\n".join(lines)[:_OPENING_CHARS])
    return (date, "text") if date else ("", "")


def _doc_number(lines: list[str]) -> str:
    """A document number opening one of the first lines (after a 发文字号： label, if any);
    numbers cited inside sentences belong to other documents."""
    for line in lines[:_HEAD_LINES]:
        if match := _DOC_NUMBER.match(line):
            return match.group(1)
    return ""


def _strip_dates(line: str) -> str:
    for pattern in _DATES:
        line = pattern.sub("", line)
    return line


def _has_sentence(line: str) -> bool:
    return any(ch in line for ch in "。，,；;！!？?")


def _file_date(path: Path) -> tuple[str, str]:
    try:
        mtime = path.stat().st_mtime
    except OSError:
        return "", ""
    return dt.datetime.fromtimestamp(mtime).date().isoformat(), "file"


def _title(lines: list[str], text: str, headings: tuple[Heading, ...], hint: str, fmt: str) -> str:
    head = lines[:_HEAD_LINES]
    if headings:
        first = min(headings, key=lambda h: h.start)
        before = text[: first.start]
        if (
            first.level <= 1
            and not _NUMBERED_TITLE.match(first.title)
            and not any(len(line) > 60 or "。" in line for line in before.splitlines())
        ):
            return first.title
    for line in head:
        if len(line) <= 80 and _DOC_TYPE.search(line.rstrip("　 ")) and not _has_sentence(line):
            return line
    hint = hint.strip()
    if hint and fmt in ("html", "docx", "pdf") and not _PLACEHOLDER_TITLE.search(hint):
        return hint
    for line in head:
        if len(line) <= 60:
            return line
    return lines[0][:60] if lines else ""


def _author(lines: list[str]) -> str:
    for line in lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]:
        if match := _AUTHOR_LABEL.search(line):
            return match.group(1).strip()
        if match := _REPORTER.search(line):
            names = re.split(r"[ \u3000、]+", match.group(1).strip())
            return "、".join(name for name in names if name)
    for line in reversed(lines[-3:]):
        match = _TRAILING_NAME.search(line)
        if match and match.group(1) not in _NOT_NAMES and not re.search(r"[省市县区镇乡村州]$", match.group(1)):
            return match.group(1)
    return ""


def _issuer(lines: list[str]) -> str:
    """The last run of issuing-body lines near the end (the signature before the dateline;
    joint issuers joined with 、), else one on a line of its own near the top (…办公室文件 too)."""
    runs: list[list[str]] = [[]]
    for line in lines[-_TAIL_LINES:]:
        name = _cjk_parens(_strip_dates(unicodedata.normalize("NFKC", line)).strip())
        if name and _ISSUER.fullmatch(name):
            runs[-1].append(name)
        elif runs[-1] and name:
            runs.append([])
    if issuers := next((run for run in reversed(runs) if run), None):
        return "、".join(issuers)
    for line in lines[:_HEAD_LINES]:
        name = line.removesuffix("文件").strip()
        if _ISSUER.fullmatch(name):
            return name
    return ""


def _cjk_parens(text: str) -> str:
    return text.replace("(", "（").replace(")", "）")
