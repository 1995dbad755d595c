"""Numbers written in words: Chinese numerals (「七千三百」「两亿六千万」「百分之三十九点三」, read
with `cn2an`) and English number words ("three billion", "seventy-three hundred").

Plain Python. Each finder yields ``(start, end, value, percent)`` over the text it is given; the
caller reads the unit that follows. Digits are not handled here (see `agent.llm.facts`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import cn2an

_CN_DIGIT = "零〇一二两三四五六七八九"
_CN_ALL = _CN_DIGIT + "十百千万亿"
# a run starts with a digit or 十 (「千万」「万物」「百姓」 are words, not figures)
CN_RUN = re.compile(
    rf"(?<![\d.{_CN_ALL}点])(百分之)?([{_CN_DIGIT}十][{_CN_ALL}]*(?:点[{_CN_DIGIT}]+)?)"
)
_CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}

_EN_SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
_EN_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_WORD = re.compile(r"[A-Za-z]+")
_EN_GLUE = re.compile(r"^[\s-]*(?:and[\s-]+)?$", re.IGNORECASE)
_EN_PERCENT = re.compile(r"^\s*(?:percent|per cent)\b", re.IGNORECASE)


def chinese_numbers(text: str) -> Iterator[tuple[int, int, float, bool]]:
    """Chinese numeral runs with their value; 「百分之…」 is a percentage."""
    for m in CN_RUN.finditer(text):
        value = cn_value(m.group(2))
        if value is not None:
            yield m.start(), m.end(), value, bool(m.group(1))


def cn_value(numeral: str) -> float | None:
    """「两亿六千万」 → 260000000; 「二〇二五」 → 2025; 「三十九点三」 → 39.3; None if unreadable."""
    if not any(c in "十百千万亿" for c in numeral.split("点")[0]):  # digit by digit: 二〇二五
        whole, _, frac = numeral.partition("点")
        try:
            digits = "".join(str(_CN_DIGITS[c]) for c in whole)
            return float(digits + ("." + "".join(str(_CN_DIGITS[c]) for c in frac) if frac else ""))
        except KeyError:
            return None
    try:
        return float(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError, IndexError):
        return None


def english_numbers(text: str) -> Iterator[tuple[int, int, float, bool]]:
    """Runs of English number words (joined by spaces, hyphens or "and") with their value."""
    words = [(m.start(), m.end(), m.group(0).lower()) for m in _EN_WORD.finditer(text)]
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and _is_number_word(words[j][2]):
            if j > i and not _EN_GLUE.match(text[words[j - 1][1] : words[j][0]]):
                break
            j += 1
        if j == i or words[i][2] == "and":
            i += 1
            continue
        while j > i and words[j - 1][2] == "and":
            j -= 1
        value = _english_value([w for _, _, w in words[i:j]])
        start, end = words[i][0], words[j - 1][1]
        if value is not None:
            yield start, end, value, bool(_EN_PERCENT.match(text[end:]))
        i = max(j, i + 1)


def _is_number_word(word: str) -> bool:
    return word in _EN_SMALL or word in _EN_SCALES or word == "and"


def _english_value(words: list[str]) -> float | None:
    if not words or words[0] == "and" or all(w in _EN_SCALES for w in words):
        return None  # "hundreds", "thousand" alone: not a stated figure
    total, current = 0.0, 0.0
    for word in words:
        if word in _EN_SMALL:
            current += _EN_SMALL[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _EN_SCALES:
            total += (current or 1) * _EN_SCALES[word]
            current = 0.0
    return total + current
