"""Pieces of an answer found inside evidence sentences: clauses, figures, list items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.lexicon.thesaurus import categories
from agent.lexicon.wordlists import table, words

CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
# the units a figure ends in, in the order they are tried (agent/lexicon/figure_units.txt)
_UNIT = "(?:" + "|".join(map(re.escape, words("figure_units"))) + ")"
_QUALIFIER = r"(?:≥|≤|>|<|超过|超|约|达到|达|近|逾|突破|不低于|不少于|以上|增长|下降)?"
FIGURE = re.compile(
    rf"{_QUALIFIER}\s*(?:\d+(?:[.,]\d+)*|[一二三四五六七八九十两]+|[百千万亿]+)\s*(?:[百千万亿]*){_UNIT}"
)
PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
RANGE_MONTHS = re.compile(r"(\d{1,2})\s*[-—–~至到]\s*(\d{1,2})\s*月")


@dataclass(frozen=True)
class Span:
    start: int  # offsets within the sentence
    end: int
    text: str


def clauses(sentence: str) -> list[Span]:
    out: list[Span] = []
    begin = 0
    depth = 0
    for i, ch in enumerate(sentence):
        if ch in "“「『(（":
            depth += 1
        elif ch in "”」』)）":
            depth = max(0, depth - 1)
        elif depth == 0 and CLAUSE_BREAK.match(ch) and not _inside_number(sentence, i):
            _add(sentence, begin, i, out)
            begin = i + 1
    _add(sentence, begin, len(sentence), out)
    return out


def _inside_number(text: str, i: int) -> bool:
    return (
        text[i] in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()
    )


def _add(sentence: str, begin: int, end: int, out: list[Span]) -> None:
    while begin < end and sentence[begin] in " \t“”「」":
        begin += 1
    while end > begin and sentence[end - 1] in " \t":
        end -= 1
    if end > begin:
        out.append(Span(begin, end, sentence[begin:end]))


def figures(text: str) -> list[Span]:
    """Numbers with their unit and qualifier: 「≥17300P」「超10亿元」「39.3%」「8家」."""
    out = []
    for m in FIGURE.finditer(text):
        found = m.group(0).strip()
        if _DATE_LIKE.fullmatch(found) or (found.endswith("月") and not found.endswith("个月")):
            continue  # 「2025年」「7月」 are dates, not quantities
        if _article(text, m.start(), found):
            continue
        if m.start() > 0 and text[m.start() - 1] == "第" and found[-1] in "点條条款项章节段":
            continue  # 「要点第5点」: the number of a provision counts nothing (a rank 「第3位」 is asked)
        if found in _NO_COUNT and not text.startswith("之", m.end()):
            continue  # 「十分重要」「百分制」: an adverb and a scale, no count of points (「百分之一」 is a share)
        if found.endswith("年") and _YEAR_OF.match(text, m.end()):
            continue  # 「113年度」「113年3月25日」: a year (民国 years have three digits), not a count
        out.append(Span(m.start(), m.end(), found))
    for m in FRACTION.finditer(text):  # 「补贴二分之一」「四分之三的土地」: a share
        out = [s for s in out if not (s.start < m.end() and m.start() < s.end)] + [Span(m.start(), m.end(), m.group(0))]
    return sorted(out, key=lambda s: s.start)


# a share written as a fraction (「二分之一」「三分之二」「百分之八十」 is a percentage, FIGURE's)
FRACTION = re.compile(r"(?:\d+|[一二三四五六七八九十两]+)分之(?:\d+(?:\.\d+)?|[一二三四五六七八九十]+)")


def _article(text: str, start: int, found: str) -> bool:
    """「第四条」「第二款」: the number of a rule's article, chapter or clause, not a quantity."""
    return start > 0 and text[start - 1] == "第" and found[-1] in "条款章节"


_DATE_LIKE = re.compile(r"\d{4}年")
_YEAR_OF = re.compile(r"度|\d{1,2}月")
# single Chinese numerals as digits (「两房」 -> 「2房」, 「第三批」 -> 「第3批」), to compare names that number things
DIGITS = str.maketrans("一二两三四五六七八九", "1223456789")
_NUMBERED = re.compile(r"第(\d{1,2})(?!\d)")


def ordinals(text: str) -> set[str]:
    """The ordinals ``text`` gives, as digits: 「第二胎」「第2名子女」 → {"2"}; the first time said
    without a numeral (「首次违反」「头一回」) → {"1"}."""
    return set(_NUMBERED.findall(_FIRST_TIME.sub("第1次", text).translate(DIGITS)))


_FIRST_TIME = re.compile(r"首次|首回|头一[回次]")
_AMOUNT = r"(?:\d+(?:[.,]\d+)*|[零〇一二三四五六七八九十两百千万亿]+)\s*[多余]?[十百千万亿]*\s*"


def _quantity_units() -> dict[str, re.Pattern]:
    """Quantity name → a figure in one of its units (agent/lexicon/quantity_units.tsv); a share
    (units %) may also be written 「百分之九十五」."""
    out = {}
    for names, units in table("quantity_units").items():
        in_units = rf"{_AMOUNT}(?:{'|'.join(map(re.escape, sorted(units, key=len, reverse=True)))})"
        spelled = r"|[百千万]分之[零〇一二三四五六七八九十点.\d]+" if "%" in units else ""
        pattern = re.compile(in_units + spelled, re.I)
        for name in names.split():
            out[name] = pattern
    return out


_MEASURED_BY = _quantity_units()
_LONGEST_FIRST = tuple(sorted(_MEASURED_BY, key=len, reverse=True))  # the longest quantity name a word ends in wins (「募款金额」: 金额)


def in_unit_of(quantity: str, text: str) -> bool:
    """``text`` holds a figure in a unit of the quantity ``quantity`` names, or of the quantity
    it ends in: 「体重」 ← 「约只有8公斤重」, 「募款金额」 ← 「筹得29亿美元」, 「比例」 ← 「1:7」; a sum
    of money the thesaurus files as one (「优待金」 ← 「每人每年22000元」)."""
    name = _quantity_name(quantity)
    return bool(name) and any(not _DATE_LIKE.fullmatch(m.group(0).strip()) and not _CLOCK_AFTER.match(text, m.end())
                              for m in _MEASURED_BY[name].finditer(text))


# (「8:30—17:00」 is a time of day, not the ratio 8:3: a colon before two digits of minutes)
_CLOCK_AFTER = re.compile(r"(?<=[:：])[0-5]\d(?!\d)")


def states_quantity(word: str, text: str) -> bool:
    """``word`` is itself a quantity name of agent/lexicon/quantity_units.tsv (「年纪」「面积」, not
    「补贴金额」) and ``text`` holds a figure in one of its units: a notice that says 「年滿20歲至45歲」
    states the applicant's age without the word. Not a sum of money: a figure in 元 stands in
    every notice, and says nothing of which sum (「营收的具体金额」 of a notice with 2.6亿元 in it)."""
    return word in _MEASURED_BY and len(word) >= 2 and not in_unit_of(word, "1元") and in_unit_of(word, text)


def measured(quantity: str) -> bool:
    """``quantity`` names (or ends in) a quantity with known units (「补助比例」: 比例)."""
    return bool(_quantity_name(quantity))


def sum_of_money(quantity: str) -> bool:
    """``quantity`` names a sum of money (「经费」「优待金」)."""
    return _quantity_name(quantity) == "金额"


def _quantity_name(quantity: str) -> str:
    """The quantity name of agent/lexicon/quantity_units.tsv that ``quantity`` is or ends in, or
    「金额」 for a word 同义词词林 files under sums of money (Dj04 资金, Dj05 货币, Dj06 租税, Dj07
    工资/津贴, Dj08 款项/费用: 「优待金」「罚款」「补贴」; not Dj02 价值, whose 「增加值增长了多少」 asks
    a rate); "" for none."""
    for name in _LONGEST_FIRST:
        if quantity.endswith(name) and (len(name) >= 2 or quantity == name):
            return name
    if len(quantity) >= 2 and not quantity.endswith("率") and any(  # 「税率」 is a share
            c.startswith(_MONEY_CLASSES) for c in categories(quantity)):
        return "金额"
    return ""


_MONEY_CLASSES = ("Dj04", "Dj05", "Dj06", "Dj07", "Dj08")


def counted(noun: str, text: str) -> bool:
    """``text`` counts the things ``noun`` names with a numeral before the noun's first character,
    as Chinese abbreviates a counted noun: 「几个国家」 ← 「美英法三国」, 「几所学校」 ← 「两校」."""
    return len(noun) >= 2 and re.search(r"(?:\d+|[一二三四五六七八九十两百千万]+)" + re.escape(noun[0]), text) is not None


def counted_by(noun: str, unit: str, text: str) -> bool:
    """``text`` counts a thing of ``noun``'s first character in the measure word ``unit`` the
    question counts ``noun`` by, the thing written the notice's way: 「多少套房子」 ← 「房源420套」
    「共有12套房子」; one character of measure word (套, 台, 辆, 张), not money or time."""
    if len(noun) < 2 or len(unit) != 1 or not re.fullmatch(r"[\u4e00-\u9fff]", unit) or unit in "元块角分天日周月年岁时秒":
        return False
    numeral = r"(?:\d+|[一二三四五六七八九十两百千万]+)"
    first, unit = re.escape(noun[0]), re.escape(unit)
    return re.search(rf"{first}[\u4e00-\u9fff]{{0,3}}?{numeral}{unit}|{numeral}{unit}{first}", text) is not None


def how_much(question: str) -> tuple[str, ...]:
    """The quantities a 「多+adjective」 question asks for (「东关街有多长」: 长; 「多久」: 久), as
    one-character quantity names of agent/lexicon/quantity_units.tsv; 「多大」 names none (age or
    size)."""
    return tuple(dict.fromkeys(m.group(1) for m in _HOW_MUCH.finditer(question) if m.group(1) in _MEASURED_BY))


_HOW_MUCH = re.compile(r"(?<![许很好])多(.)")
# a numeral and whatever measure word follows it (「250米」「3颗」「两架次」), beyond the unit list
# (a magnitude and the unit after it are one measure: 「2.8万元」, not 「2.8万」)
# (a conjunction, preposition or 的 after a numeral is no measure word: 「国三及以下排放标准」「3至5」)
# (a compound measure word of times, 「3展次」「500人次」「12架次」: 《现代汉语八百词》 复合量词)
_NUMERAL_MEASURE = re.compile(r"(?:\d+(?:[.,]\d+)*\s*[万亿](?:[\u4e00-\u9fff%％A-Za-z](?<![的以至到和或及]))?|(?:\d+(?:[.,]\d+)*|[一二三四五六七八九十两百千万亿]+)\s*[\u4e00-\u9fff%％‰‱A-Za-z](?<![的以至到和或及与])次?)")


def numerals(text: str) -> list[Span]:
    """Every numeral with a measure word or unit after it, dates left out: a figure of any kind;
    a bare number in groups of three digits (「2,790,060」); and numbers that are codes (a telephone, postal or document number: five digits or more)."""
    out = []
    dates = [d.span() for d in _ISO_DATE.finditer(text)]
    for m in _NUMERAL_MEASURE.finditer(text):
        found = m.group(0)
        if any(a <= m.start() < b for a, b in dates):
            continue  # 「2024-01-05起」: the day of a date
        if _DATE_LIKE.fullmatch(found) or re.fullmatch(r"\d{1,2}[月日号]", found) or re.fullmatch(r"一\D", found):
            continue  # dates, and 「一个」「一种」 (an article, not a count)
        if _article(text, m.start(), found):
            continue
        if m.start() > 0 and text[m.start() - 1] == "第" and found[-1] in "点條条款项章节段":
            continue  # 「要点第5点」: the number of a provision counts nothing (a rank 「第3位」 is asked)
        if found in _NO_COUNT and not text.startswith("之", m.end()):
            continue
        if found.endswith("年") and _YEAR_OF.match(text, m.end()):
            continue  # 「113年度」「113年3月25日」: a year (民国 years have three digits), not a count
        out.append(Span(m.start(), m.end(), found))
    for m in FRACTION.finditer(text):  # 「二分之一」, not the 「二分」 of it
        out = [s for s in out if not (s.start < m.end() and m.start() < s.end)] + [Span(m.start(), m.end(), m.group(0))]
    for bare in bare_counts(text):  # 「人口达2,790,060」: a count written in groups of three
        if not any(s.start < bare.end and bare.start < s.end for s in out):
            out.append(bare)
    for span in durations(text):  # 「15日内」「6个月以上」「半年」: a length of time, not a day or a 「6个」
        out = [s for s in out if not (s.start < span.end and span.start < s.end)] + [span]
    for m in _CODE.finditer(text):
        digits = sum(ch.isdigit() for ch in m.group(0))
        if digits >= 5 and not _ISO_DATE.fullmatch(m.group(0)) and not any(
                s.start < m.end() and m.start() < s.end for s in out):
            out.append(Span(m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda s: s.start)


# 十分 the adverb (《现代汉语词典》 十分: 副词, 很), 百分 of 百分制, 千分 and 万分 alike (not before 之: 「百分之一」)
_NO_COUNT = frozenset(("十分", "百分", "千分", "万分"))


# a length of time: a count of days, working days, weeks, months (「个月」: 「3月」 is a month), hours,
# or years (up to three digits: 「2026年」 is a year; 「140年历史」「一万年前」), not the day of a
# date (「5月31日」); a parenthesis may follow (「遗体存放3天（冷藏）」)
# (not an ordinal: 「顺延至节假日后的第一个工作日」 is a day, not a length of time)
DURATION = re.compile(
    r"(?<![\d月年第])(?<!\d[.,])(?:\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十两百半]+)\s*(?:个)?(?:工作日|工作天|自然日|小时|分钟|星期|周(?!岁))"
    r"|(?<![\d月年第])(?<!\d[.,])(?:\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十两百]+)\s*(?:天(?![然气])|日(?=内|以内|之内|以上|后|起|[,，。;；(（]|$))"  # 「20天护理假」
    r"|(?<![\d月年第])(?<!\d[.,])(?:\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十两百半]+)\s*个(?:半)?月"
    r"|(?<![\d月年第])(?<!\d[.,])(?:\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十两半百千万]+)\s*多?年(?:半)?(?=内|以内|之内|以上|以下|后|前|以前|历史|之久|[,，。;；]|$)"
    r"|(?<![上下])半年|半个月|(?<![近这那前后])[数几]个?(?:月|年|周|天|日|小时)(?![份度])"
    r"|(?<=满)(?:\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十两]+)\s*年(?![度级份])"  # 「使用满15年方可」
    r"|\d[\d,.]*\s*(?:万|亿)年"  # 「生存了近2,400万年」
    r"|(?<=提前)(?:\d{1,3}(?:\.\d{1,2})?|[一二三四五六七八九十两]+)\s*(?:天|日)"  # 「应当提前20日向县公安局提出申请」
)


def in_asked_scale(question: str, length: str) -> bool:
    """A length of time in the scale the question asks it in (「多少天」: days, not 「满1年」;
    「能领几个月」: months, not 「满6年不足7年」); any length when it names none."""
    scale = _ASKED_SCALE.search(question)
    return not scale or _SCALE.get(length.rstrip()[-1]) == _SCALE[scale.group(1)[-1]]


# the unit a length of time is asked in, and the scale of each unit a length ends in
# (not the asker's own 「好几年」「十几天」, a rough length told, not asked)
_ASKED_SCALE = re.compile(r"(?:多少|(?<![好十\d])几)个?(工作日|工作天|自然日|天|日|周|星期|月|年)")
_SCALE = {"天": "日", "日": "日", "周": "周", "期": "周", "月": "月", "年": "年"}


def durations(text: str) -> list[Span]:
    """Every length of time (「15日」「6个月」「10个工作日」「半年」), as `DURATION` reads them."""
    return [Span(m.start(), m.end(), m.group(0)) for m in DURATION.finditer(text)]


def bare_counts(text: str) -> list[Span]:
    """Numbers in groups of three digits with no unit after them (「2,790,060」): counts of
    whatever the sentence counts, so they fit any asked unit."""
    return [Span(m.start(), m.end(), m.group(0)) for m in GROUPED.finditer(text)]


# a number in groups of three digits with no unit after it (「2,790,060」)
GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d|[.,]\d|\s*[\u4e00-\u9fff%％A-Za-z])")
# a run of digits joined by hyphens or spaces (「0832-2120000」「641100」), not part of a decimal
# digits (with dashes or spaces) not inside a decimal or a grouped count; a comma or full stop
# after them ends a clause (「联系电话:0835-6839469,地址:…」 in normalised text)
_CODE = re.compile(r"(?<!\d)(?<!\d[.,])\d(?:[\d\-－ ]*\d)?(?!\d)(?![.,]\d)")
_ISO_DATE = re.compile(r"\d{4}[\-－]\d{1,2}[\-－]\d{1,2}")


def to_number(figure: str) -> float | None:
    """The numeric value of a figure in its own unit's scale: "2.6亿元" -> 2.6, "超百亿元" -> 100."""
    match = PLAIN_NUMBER.search(figure.replace(",", ""))
    if match:
        return float(match.group(0))
    digits = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    value = 0.0
    for ch in figure:
        if ch in digits:
            value = value * 10 + digits[ch] if value else digits[ch]
        elif ch == "十":
            value = (value or 1) * 10
        elif ch == "百":
            value = (value or 1) * 100
        elif ch == "千":
            value = (value or 1) * 1000
    return value or None


def unit_of(figure: str) -> str:
    match = re.search(rf"{_UNIT}$", figure)
    return match.group(0) if match else ""


def months_in_range(text: str) -> int | None:
    """「1-5月」 -> 5 months."""
    match = RANGE_MONTHS.search(text)
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    return last - first + 1 if 1 <= first <= last <= 12 else None


def list_items(text: str, kind: str = "", credit=None) -> list[str]:
    """Items of an enumeration 「A、B、C等」 (the longest run of 、-separated items in a clause).

    With ``kind`` (「哪几个行业」: 行业) a run named as that kind (「林业、公安、交通等领域」,
    ``credit(kind, 「领域」) > 0``) wins over a longer run of something else.
    """
    best: list[str] = []
    best_key = (False, 0)
    marked = [m.group(1).strip() for m in _MARKED.finditer(text)]
    if marked:
        best, best_key = marked, (False, len(marked) - 0.5)  # 「（一）X；（二）Y」 numbered items
    counted = ordinal_items(text)
    if len(counted) >= 2:
        return counted  # 「一是…，二是…」 says where each item starts: a 、 run is inside one
    after_colon = _colon_clauses(text)
    if len(after_colon) >= 2:
        fits = bool(kind and credit and credit(kind, text.split("：")[0].split(":")[0][-12:]) > 0)
        if fits and (fits, len(after_colon) - 1) > best_key:  # only when named as the asked kind
            best, best_key = after_colon, (fits, len(after_colon) - 1)
    for clause in clauses(text):
        if "、" not in clause.text:
            continue
        parts = clause.text.split("、")
        named = _TAIL.search(parts[-1])
        fits = bool(kind and credit and named and credit(kind, named.group(0)[:6]) > 0)
        parts[0] = _tail_item(parts[0])
        parts[-1] = _head_item(parts[-1])
        parts = _split_last([p.strip() for p in parts if p.strip()])
        if (fits, len(parts)) > best_key:
            best, best_key = parts, (fits, len(parts))
    return best


_LEAD = re.compile(
    r"^.*(?:涵盖|包括|包含|聚焦|布局|分为|覆盖|涉及|引育|引进|培育|筑牢|强化|拓展|围绕|推动|发展|"
    r"打造|建设|深化与|例如|比如|诸如|用于)"
)
# what closes an enumeration after its last item: 「等」「为主导」, or a count of it 「三大产业」「4个领域」
_TAIL = re.compile(
    r"(?:等|等等|及其他|为主导|为主体|为重点|为核心|为主|为代表|"
    r"(?:[一二三四五六七八九十两]|\d{1,2})(?:大|个|项|类|种|条|家)[\u4e00-\u9fff]{0,6}$).*$"
)
_AS = re.compile(r"^.*以(?=[^以]{2,12}$)")  # 「已形成以集成电路」 -> 集成电路
_AND = re.compile(r"^(?P<a>[^和及与]{2,12})(?:和|及|与|以及)(?P<b>[^和及与]{2,12})$")


_MARKED = re.compile(r"(?:[（(][一二三四五六七八九十]{1,3}[）)]|\(\d{1,2}\)|[①②③④⑤⑥⑦⑧⑨⑩])\s*([^；;。（(①-⑩]{2,40})")
# 「一是…，二是…；三是…」「其一…其二…」: items counted in words, as Chinese writing enumerates
# measures, functions and ways in running text
_ORDINAL = re.compile(r"(?:^|(?<=[，,；;：:。]))\s*(?:([一二三四五六七八九十])是|其([一二三四五六七八九十])[，,、：:]?)")
_CONNECTIVE = re.compile(r"^(?:并|并且|同时|还|另外|此外|以及|和)")


def ordinal_items(text: str) -> list[str]:
    """「有两种方式：一是从竹根部地下茎繁发竹笋，二是开花结子后撒落地上繁殖成林」 -> the two
    ways: what follows 一是, 二是, … in order (from 一), each up to the next ordinal."""
    marks = list(_ORDINAL.finditer(text))
    numerals = "一二三四五六七八九十"
    if len(marks) < 2 or any((m.group(1) or m.group(2)) != numerals[i] for i, m in enumerate(marks[:10])):
        return []
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end() : end].strip().rstrip("，,；;。") for m, end in zip(marks, ends)]
    return [i for i in items if len(i) >= 2]


def _colon_clauses(text: str) -> list[str]:
    """「推出一系列新举措：A，B，并C。」 -> [A, B, C]: the clauses after a colon."""
    head, sep, rest = text.partition("：")
    if not sep:
        head, sep, rest = text.partition(":")
    if not sep or len(head) > 60:
        return []
    items = [_CONNECTIVE.sub("", p.text).strip() for p in clauses(rest)]
    return [i for i in items if len(i) >= 4]


def _tail_item(first: str) -> str:
    trimmed = _LEAD.sub("", first)
    trimmed = _AS.sub("", trimmed) if trimmed else _AS.sub("", first)
    return trimmed if trimmed else first


def _head_item(last: str) -> str:
    return _TAIL.sub("", last)


def _split_last(parts: list[str]) -> list[str]:
    """「人工智能和生物医药」 closing a list is two items."""
    if len(parts) >= 2:
        both = _AND.match(parts[-1])
        if both:
            return parts[:-1] + [both.group("a"), both.group("b")]
    return parts
