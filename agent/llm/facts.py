"""What a sentence states that can be checked: figures (numbers with scale and unit) and names.

Plain Python over normalised text: NFKC, Traditional→Simplified, no whitespace beside CJK.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from agent.llm.numbers import chinese_numbers, english_numbers
from ingest.normalize import normalize_query

_SCALES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2,
           "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_DIM_ALIASES = {"YUAN": "元", "RMB": "元", "CNY": "元", "PERCENT": "%", "PFLOPS": "P"}
_LATIN_DIMS = r"(?i:pflops|tflops|eflops|pb|tb|gb|mw|kw|gw|p|yuan|rmb|cny|usd|percent)(?![A-Za-z])"
_DIMS = (
    r"个百分点|%|‰|美元|元|吨|平方公里|平方米|公里|千米|米|亩|公顷|瓦|小时|天|年|月|日|号|岁|倍|"
    + _LATIN_DIMS
)
NUMBER = re.compile(
    r"(?<![A-Za-z\d.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*"
    r"(万亿|千万|百万|亿|万|千|百|(?i:thousand|million|billion|trillion)(?![A-Za-z]))?\s*"
    rf"({_DIMS})?"
)
_DIM_AFTER = re.compile(rf"\s*({_DIMS})?")
_LEXICAL = ("十分",)  # numeral characters that are words here (「十分重要」), not figures
QUOTED = re.compile(
    r"「([^」]{2,40})」|『([^』]{2,40})』|“([^”]{2,40})”|《([^》]{2,40})》|\"([^\"]{2,40})\""
)
LATIN = re.compile(r"[A-Za-z][A-Za-z0-9\-]+")
_SUFFIXES = ("有限公司", "公司", "集团", "研究院", "学院", "大学", "实验室", "中心", "平台", "基地",
             "委员会", "银行", "医院", "新区", "区", "市", "省", "县")
_NAME = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:" + "|".join(_SUFFIXES) + ")")
_NOT_SUFFIX_AFTER = {"区": "域块间", "市": "场民级值", "中心": "城", "平台": ""}
_GENERIC = {"地区", "园区", "社区", "城区", "市区", "辖区", "片区", "景区", "城市", "都市", "超市",
            "上市", "全市", "全区", "全省", "全县", "本市", "本区", "该市", "该区", "省市", "县区"}
_BOUNDARY_WORDS = ("建设", "打造", "建成", "构建", "成立", "设立", "共建", "依托", "位于", "落户",
                   "坐落", "签约", "引进", "联合", "携手", "包括", "形成", "成为", "作为", "属于",
                   "通过", "围绕", "推动", "加快", "推进", "聚焦")
_TITLED = re.compile(
    r"(?:区长|市长|省长|县长|书记|主任|局长|厅长|部长|董事长|总经理|副总裁|总裁|院长|校长|主席|负责人)"
    r"([\u4e00-\u9fff]{2})"
)
_NOT_PERSON = set(
    "表示 介绍 指出 强调 认为 提出 说道 透露 一行 带队 出席 参加 讲话 致辞 主持 等人 率队 调研 "
    "会见 分别 共同 也是 就是 兼任 同志 助理 办公 职务 签约 签署 一职".split()
)
_BOUNDARY_CHARS = set("的了在由与及是将对从把被给让于等其这那该此各每已并且而也又就还拟跟按")


@dataclass(frozen=True)
class Figure:
    text: str  # as written, normalised
    mantissa: float  # the number before any 万/亿 scale
    value: float  # absolute value
    dim: str  # unit such as "P", "元", "%"; "" when none
    decimals: int


def figures_in(text: str) -> list[Figure]:
    """Numbers with their scale and unit, in normalised (NFKC, Simplified) text: digits, Chinese
    numerals (「七千三百P」「百分之三十九点三」) and English number words ("three billion")."""
    out = []
    for m in NUMBER.finditer(text):
        raw, scale, dim = m.group(1).replace(",", ""), m.group(2) or "", m.group(3) or ""
        mantissa = float(raw)
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        dim = _DIM_ALIASES.get(dim.upper(), dim.upper())
        value = mantissa * _SCALES.get(scale.lower(), 1.0)
        out.append(Figure(m.group(0).strip(), mantissa, value, dim, decimals))
    for start, end, value, percent in [*chinese_numbers(text), *english_numbers(text)]:
        if text.startswith(_LEXICAL, start) or (value < 2 and not percent):
            continue  # 「一个」「一年」 "one of" are articles more often than figures
        dim = "%" if percent else _DIM_AFTER.match(text, end).group(1) or ""
        dim = _DIM_ALIASES.get(dim.upper(), dim.upper())
        written = text[start:end]
        decimals = len(str(value).split(".")[1].rstrip("0")) if value != int(value) else 0
        out.append(Figure(written, value, value, dim, decimals))
    return out


def names_in(text: str) -> list[str]:
    """Proper-noun-like terms: quoted terms, latin words, stems of 「…公司/中心/区」 names, and
    people named after a title (「区长陈伟」)."""
    names = [next(g for g in m.groups() if g) for m in QUOTED.finditer(text)]
    if len(re.findall(r"[A-Za-z]", text)) <= len(re.findall(r"[\u4e00-\u9fff]", text)):
        units = {m.group(3) for m in NUMBER.finditer(text) if m.group(3)}
        names += [w for w in LATIN.findall(text) if w not in units]
    else:  # an English sentence: only Chinese names can be checked against Chinese passages
        names = [n for n in names if re.search(r"[\u4e00-\u9fff]", n)]
    for m in _NAME.finditer(text):
        stem = _stem(text, m)
        if stem:
            names.append(stem)
    for m in _TITLED.finditer(text):  # 「区长陈伟」: a person named after a title
        person = m.group(1)
        if person not in _NOT_PERSON and person[0] not in _BOUNDARY_CHARS:
            names.append(person)
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def _stem(text: str, m: re.Match) -> str:
    suffix = next(s for s in _SUFFIXES if m.group(0).endswith(s))
    after = text[m.end() : m.end() + 1]
    if after and after in _NOT_SUFFIX_AFTER.get(suffix, ""):
        return ""
    if text[m.end() - len(suffix) - 1 : m.end()] in _GENERIC:
        return ""
    stem = text[max(0, m.end() - len(suffix) - 4) : m.end() - len(suffix)]
    stem = re.findall(r"[\u4e00-\u9fff]*$", stem)[0]
    for word in _BOUNDARY_WORDS:
        if word in stem:
            stem = stem[stem.rindex(word) + len(word) :]
    while stem and any(c in _BOUNDARY_CHARS for c in stem):
        stem = stem[max(i for i, c in enumerate(stem) if c in _BOUNDARY_CHARS) + 1 :]
    return stem if len(stem) >= 2 else ""


def figure_supported(fig: Figure, pool: list[Figure], computed: Sequence[float]) -> bool:
    for fact in pool:
        if _close(fig.value, fact.value) and (not fig.dim or not fact.dim or fig.dim == fact.dim):
            return True
    for value in computed:
        targets = [fig.mantissa, fig.value] + ([fig.mantissa / 100] if fig.dim == "%" else [])
        if any(_close(round(value, fig.decimals), t) or _close(value, t) for t in targets):
            return True
    return False


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def normal(text: str) -> str:
    """NFKC, Simplified, no whitespace beside CJK (chunks break lines mid-sentence)."""
    return flat(normalize_query(text))


def flat(text: str) -> str:
    """Drop whitespace next to non-ASCII characters; keep it between latin words and numbers."""
    return re.sub(r"\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+", "", text)
