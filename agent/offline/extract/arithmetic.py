"""Calculation questions: pick operands from the evidence, compute with the calculator, show work."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from agent.calculator import calculate, format_number
from agent.lexicon.wordlists import table
from agent.offline.extract.answer_clause import states_share
from agent.offline.extract.figures import clauses, figures, months_in_range, to_number, unit_of
from agent.offline.extract.tables import BOUNDS, CELL_SEPARATOR
from agent.offline.gather.evidence import Candidate, term_credit
from agent.offline.understand.question import LIMIT_WORDS, Question

_RATIO = re.compile(r"倍|times|ratio", re.IGNORECASE)
_MULTIPLE = re.compile(r"(?:几|多少)倍")
# a share asked of a whole (「女性占多少」「占总数的比例」「是全年的百分之几」「所占比重」) or of a
# plan (「投资完成了百分之多少」)
_PART_OF = re.compile(r"占|比重|的(?:比例|百分之|几成)|完成|达到|实现|share|proportion|percentage", re.IGNORECASE)
_SHARE = re.compile(r"占比|比例|比重|(?<=[\u4e00-\u9fff])的多少(?=[?？]?$)|占(?![道地用])[^，,；;。]{0,12}?(?:多少|几)|几成|百分之几|百分之多少|share|proportion", re.IGNORECASE)
# 「一共扩大了多少亩」 is the change between two values, not their sum
_CHANGE = re.compile(r"(?:扩大|增加|增长|提高|提升|减少|下降|缩小|多出|多了|少了|相差|差)了?(?:多少|几)(?![%％倍])")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
_AVERAGE = re.compile(r"平均每|每月平均|月均|日均|年均|每个月|average", re.IGNORECASE)
# a difference asked (「相差多少」「比去年多了多少」「高出多少」「增加了多少」)
_DIFFERENCE = re.compile(r"相差|差多少|差距|差值|多出|高出|多了|少了|差了|比.{0,16}?(?:多|少|高|低|增|减|提|降)|"
                         r"扩大|增加|增长|提高|提升|减少|下降|缩小|降低|上涨|上升|difference|more than|less than", re.IGNORECASE)
_SUM = re.compile(r"合计|总共|加起来|总和|一共|combined|sum|add up", re.IGNORECASE)
# a change asked in percent (「增长了百分之多少」); 「完成了百分之多少」 asks a share, stated or computed
_GROWTH = re.compile(r"(?:增长|增加|提高|提升|上涨|上升|下降|减少|降低|多了|多出|高出|少了|扩大|缩小)了?百分之多少"
                     r"|增长率|增幅|增长了?多少%|percent", re.IGNORECASE)
_ANNUAL = re.compile(r"全年|一年|annual", re.IGNORECASE)
_PER_COUNT = re.compile(r"平均(?:分)?(?:到|给).{0,12}?(\d+)\s*(家|个|名|项)|每(家|个|名|项)")
# 「平均每位游客花了多少钱」: an amount divided by a count, both from the documents
_PER_HEAD = re.compile(r"平均每(?:一)?(位|个|名|人|户|家|辆|台|亩)|平均一(位|名|个|户|家)")
# the units of the count an amount is divided by, per asked head (agent/lexicon/per_head_units.tsv)
_HEADS = table("per_head_units")
# a share of one named thing in another (「占全市的多少」「相当于整车项目封顶额的几成」): computed
_COMPARED = re.compile(r"占|相当于")
_WHOLE_ASKED = re.compile(r"占(.{1,12}?)的?(?:比例|比重|百分之|几成|多少)")
_TOTALLED = re.compile(r"总|共|合计|累计")  # before a figure that is a whole, not a part or a rate
_MAGNITUDE = {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}
# what stands right before a figure that is a rate per unit or a cap, not a part of a total
_PER_UNIT = re.compile(r"(?:每[\u4e00-\u9fff]{0,2}|最高|最多|不超过|上限为?|限)$")
_PER_DAYS = re.compile(r"共\s*(\d+)\s*天")
_TARGET = re.compile(r"多少(亿元|万元|元)")
_SCALE = {"亿元": 1e8, "亿": 1e8, "万元": 1e4, "万": 1e4, "元": 1.0}


@dataclass(frozen=True)
class Operand:
    figure: str
    value: float
    unit: str
    candidate: Candidate
    relevance: float
    year: str = ""  # the year written just before the figure in its clause
    before: str = ""  # the words just before the figure: what it counts (「共接待游客」)


@dataclass(frozen=True)
class Calculation:
    short: str
    evidence: list[Candidate]


def solve(question: Question, candidates: list[Candidate],
          sentences_of: Callable[[str], list[Candidate]] | None = None) -> Calculation | None:
    """The calculation the question asks over the figures of ``candidates`` (ranked evidence);
    ``sentences_of`` gives a document's sentences, where a share's stated whole is looked for."""
    operands = _operands(question, candidates[:6])
    if not operands:
        return None
    if (_SHARE.search(question.text) and not _RATIO.search(question.text) and not _GROWTH.search(question.text)
            and not compares(question) and (stated_share(*(o for o in operands if o.candidate is candidates[0]))
                                            or states_share(candidates[0].norm))):
        # 「报销百分之多少」 of a best sentence that states 「…报销65%」 (or 「…提高为核定工程费百分之九十」):
        # that share answers, whichever two other figures are near (a growth, or a part 「占」 of a
        # whole, is still computed)
        return None
    per_days = _PER_DAYS.search(question.text)
    if per_days:
        return _divide(operands, int(per_days.group(1)), "天", question.text)
    per_head = _PER_HEAD.search(question.text)
    if per_head:
        # (the count divided by is in no unit the question asks: 「花了多少钱」 over 「486.3万人次」)
        found = _per_head(_operands(question, candidates[:6], any_unit=True), per_head.group(1) or per_head.group(2),
                          question.text)
        if found is not None:
            return found
    per_count = _PER_COUNT.search(question.text)
    if per_count:
        count = _count(operands, per_count)
        if count is not None:
            return _divide([o for o in operands if o is not count], count.value, count.unit,
                           question.text, count)
    if _AVERAGE.search(question.text) or _ANNUAL.search(question.text):
        return _average(operands, annual=bool(_ANNUAL.search(question.text)))
    if _SUM.search(question.text) and "每" not in question.text:
        # 「区里一共拿出来多少钱」: a rate per unit (「每件100元的回收奖励」) or a cap (「最高1500元」) is
        # no part of a total; a question that asks per unit (「每人一共能领多少」) adds them
        operands = [o for o in operands if not _PER_UNIT.search(o.before)]
    pair = _pair(operands)
    if pair is None:
        return None
    a, b = pair
    unit = a.unit
    if _GROWTH.search(question.text):
        old, new = _in_time_order(a, b)
        value = calculate(f"({new.value} - {old.value}) / {old.value} * 100")
        short = f"({_bare(new)} − {_bare(old)}) ÷ {_bare(old)} ≈ {format_number(value)}%"
    elif _SHARE.search(question.text) and not _RATIO.search(question.text):
        if stated_share(a, b) or not _PART_OF.search(question.text) or a.unit == "倍":
            # 「拨付多少比例」 over 「立项后拨付70%…剩余30%」: the share is stated, not computed; so is
            # one the question asks of no whole nor progress (「稳岗返还按多少比例返」「利息财政帮着出
            # 几成」: 「第2年｜80%」, not 10万元 ÷ 30万元); and no share of two multiples
            return None
        big, small = (a, b) if a.value >= b.value else (b, a)
        # 「古镇接待的游客占全市游客总量的百分之几」: the part over the whole the document states
        # (「我市共接待游客486.3万人次」), not over another part ranked next (「公园接待游客31.2万人次」)
        # nor over another pair of figures (the two parks' 80元 and 40元 tickets); 「关键零部件项目的
        # 补助封顶额相当于整车项目补助封顶额的几成」: the figure of the thing named first over that of
        # the thing named second, each from a sentence naming only its own
        named = _part_of_stated_whole(question, operands, sentences_of) or _compared(question, operands)
        if named is not None:
            small, big = a, b = named
        value = calculate(f"{small.value} / {big.value} * 100")
        short = f"{_bare(small)} ÷ {_bare(big)} ≈ {format_number(value)}%"
        if "几成" in question.text:
            short += f"（约{format_number(value / 10)}成）"
    elif _RATIO.search(question.text):
        if a.unit == "倍" or any(o.unit == "倍" for o in operands):
            # 「最多能罚几倍」 over 「处…1倍以上3倍以下的罚款」: the multiple is stated; a ratio of two
            # multiples is no answer, nor one of two other figures beside a stated multiple
            # (「育有未成年子女2名｜基本額度加碼1.6倍」: not 2名 ÷ 1名)
            return None
        big, small = (a, b) if a.value >= b.value else (b, a)
        value = calculate(f"{big.value} / {small.value}")
        short = f"{big.figure} ÷ {small.figure} ≈ {format_number(value)}倍"
    elif _SUM.search(question.text) and not _CHANGE.search(question.text):
        if not all(_row_named(question, o.candidate) for o in (a, b) if CELL_SEPARATOR.search(o.candidate.norm)):
            return None  # 「2级能效｜…｜1500元」「1级能效｜…｜2000元」: a table's rows are alternatives, not parts
        value = calculate(f"{a.value} + {b.value}")
        short = f"{a.figure} + {b.figure} = {format_number(value)}{unit}"
    elif _DIFFERENCE.search(question.text):
        big, small = (a, b) if a.value >= b.value else (b, a)
        value = calculate(f"{big.value} - {small.value}")
        short = f"{_bare(big)} − {_bare(small)} = {format_number(value)}{unit}"
    else:
        return None  # 「存款平均到每个人不能超过多少」: no operation asked that two figures answer
    evidence = _unique([a.candidate, b.candidate])
    return Calculation(short=f"计算：{short}", evidence=evidence)


def asked_multiple(question: Question) -> str:
    """「最多能罚几倍」「按价款几倍赔」: a multiple is asked, which a figure in 倍 answers when there
    is no ratio to compute ("倍"); "" for any other question."""
    return "倍" if _MULTIPLE.search(question.text) else ""


def compares(question: Question) -> bool:
    """A share of one named thing in another (「占全市的多少」「相当于整车项目的几成」): computed from
    the two figures, not a share or a bound the notice states."""
    return bool(_SHARE.search(question.text) and _COMPARED.search(question.text))


def only_rates(question: Question, candidates: list[Candidate]) -> bool:
    """Every figure of the asked unit in ``candidates`` is a rate per unit or a cap (「每台1,000元」
    「每件100元」), and the question asks none per unit: no total is stated there."""
    if "每" in question.text:
        return False
    operands = _operands(question, candidates)
    return bool(operands) and all(_PER_UNIT.search(o.before) for o in operands)


def stated_share(*operands: Operand) -> bool:
    """A share asked over figures that are shares already (「70%」「2.1%」): one of them answers."""
    return any(o.unit.startswith(("%", "％")) for o in operands)


def shares_stated(question: Question, candidates: list[Candidate]) -> bool:
    """A share question (「占…多少比例」) whose evidence gives shares: answered by the one that fits,
    as a figure question, not computed from two of them."""
    if not _SHARE.search(question.text) or _RATIO.search(question.text):
        return False
    operands = _operands(question, candidates[:6])
    return bool(operands) and stated_share(*operands)


def _compared(question: Question, operands: list[Operand]) -> tuple[Operand, Operand] | None:
    """(part, whole) for 「A相当于B的几成」「A占B的多少」: the best figure of a sentence that names A's
    own words and none of B's, and one of B's in the same unit; a figure stated as the asked
    bound (「最高不超过2000万元」 for 「封顶额」) before any other."""
    split = _COMPARED.search(question.text)
    if split is None or split.start() == 0:
        return None
    first, second = question.text[: split.start()], question.text[split.end() :]
    own = [t for t in question.terms if len(t) >= 2 and t in first and t not in second]
    other = [t for t in question.terms if len(t) >= 2 and t in second and t not in first]
    if not own or not other:
        return None
    bounds = [w for bound in BOUNDS if any(w in question.text for w in bound if w in LIMIT_WORDS) for w in bound]
    ranked = sorted(operands, key=lambda o: not any(w in o.before for w in bounds))  # stable: relevance next

    def naming(mine: list[str], theirs: list[str]) -> list[Operand]:
        return [o for o in ranked if any(t in o.candidate.norm for t in mine)
                and not any(t in o.candidate.norm for t in theirs)]

    parts, wholes = naming(own, other), naming(other, own)
    for part in parts:
        for whole in wholes:
            if whole.unit == part.unit and whole.candidate.source == part.candidate.source and whole.candidate is not part.candidate:
                return part, whole
    return None


def _part_of_stated_whole(question: Question, operands: list[Operand],
                          sentences_of: Callable[[str], list[Candidate]] | None) -> tuple[Operand, Operand] | None:
    """(part, whole) for a share asked of a whole (the words after 占: 「全市游客总量」): the whole as the
    document states it, a total (共 总 合计 累计 before it) counting a noun of the asked whole, the
    one that counts most of them, first in the text on a tie; the part, the most relevant figure
    of the evidence in the whole's unit that is smaller and no total."""
    asked = _WHOLE_ASKED.search(question.text)
    if asked is None or not operands or sentences_of is None:
        return None
    nouns = [t for t in question.terms if len(t) >= 2 and t in asked.group(1) and not _TOTALLED.search(t)]
    source = operands[0].candidate.source
    wholes = [(sum(n in op.before for n in nouns), op) for op in _operands(question, sentences_of(source))
              if _TOTALLED.search(op.before)]
    for count, whole in sorted((w for w in wholes if w[0]), key=lambda w: (-w[0], w[1].candidate.start)):
        part = next((o for o in operands if o.unit == whole.unit and o.value < whole.value and o.candidate.source == source
                     and not _TOTALLED.search(o.before)), None)
        if part is not None:
            return part, whole
    return None


def _in_time_order(a: Operand, b: Operand) -> tuple[Operand, Operand]:
    """(earlier, later) by the years next to the figures, else (smaller, larger)."""
    if a.year and b.year and a.year != b.year:
        return (a, b) if a.year < b.year else (b, a)
    return (a, b) if a.value <= b.value else (b, a)


def _magnitude(unit: str) -> float:
    scale = 1.0
    for ch in unit:
        if ch not in _MAGNITUDE:
            break
        scale *= _MAGNITUDE[ch]
    return scale


def _per_head(operands: list[Operand], head: str, text: str) -> Calculation | None:
    counts = [o for o in operands if o.unit.lstrip("万亿千百").endswith(_HEADS.get(head, (head,)))]
    amounts = [o for o in operands if o.unit.endswith("元") and "每" not in o.before[-4:]]  # not a rate
    totals = [o for o in amounts if _TOTALLED.search(o.before)]
    if totals:  # 「实现旅游总收入38.7亿元」 over 「补助标准为每人次30元」
        amounts = sorted(totals, key=lambda o: -o.value * _magnitude(o.unit))
    counted = [o for o in counts if _TOTALLED.search(o.before)]
    if totals and counted:  # the whole's count with the whole's sum: 「共接待游客486.3万人次」, not one site's
        counts = sorted(counted, key=lambda o: -o.value * _magnitude(o.unit))
    if not counts or not amounts:
        return None
    count, amount = counts[0], amounts[0]
    if count.candidate.source != amount.candidate.source:
        return None
    value = calculate(f"{amount.value} * {_magnitude(amount.unit)} / ({count.value} * {_magnitude(count.unit)})")
    target = _TARGET.search(text)
    unit = target.group(1) if target and target.group(1) != "元" else "元"
    value = calculate(f"{value} / {_SCALE[unit]}")
    per = count.unit.lstrip("万亿千百")
    short = f"计算：{_bare(amount)} ÷ {_bare(count)} ≈ {format_number(value)}{unit}/{per}"
    if unit == "元" and value >= 10 and round(value) != value:
        short += f"（约{round(value)}元）"  # the sum as one says it: 「约796元」
    return Calculation(short=short, evidence=_unique([amount.candidate, count.candidate]))


def _average(operands: list[Operand], annual: bool = False) -> Calculation | None:
    for op in operands:
        months = months_in_range(op.candidate.norm)
        if months and op.unit not in ("%", "％"):
            value = calculate(f"{op.value} / {months}")
            short = f"计算：{_bare(op)} ÷ {months}个月 ≈ {format_number(value)}{op.unit}/月"
            if annual:
                total = calculate(f"{op.value} / {months} * 12")
                short += f"；× 12个月 ≈ {format_number(total)}{op.unit}"
            return Calculation(short=short, evidence=[op.candidate])
    return None


def _count(operands: list[Operand], match: re.Match) -> Operand | None:
    unit = match.group(2) or match.group(3)
    for op in operands:
        if op.unit == unit:
            return op
    return None


def _divide(operands, divisor: float, unit: str, text: str, divisor_op=None) -> Calculation | None:
    amounts = [o for o in operands if o.unit in _SCALE]
    if not amounts or not divisor:
        return None
    op = amounts[0]
    value = calculate(f"{op.value} / {divisor}")
    result_unit = op.unit
    target = _TARGET.search(text)
    if target and target.group(1) != op.unit and op.unit in _SCALE:
        value = calculate(f"{value} * {_SCALE[op.unit]} / {_SCALE[target.group(1)]}")
        result_unit = target.group(1)
    short = (
        f"计算：{_bare(op)} ÷ {format_number(divisor)}{unit} ≈ {format_number(value)}{result_unit}"
    )
    evidence = _unique([op.candidate] + ([divisor_op.candidate] if divisor_op else []))
    return Calculation(short=short, evidence=evidence)


def _row_named(question: Question, row: Candidate) -> bool:
    """The question names the table row (a word of its first cell): 「两档加起来」 names none."""
    label = CELL_SEPARATOR.split(row.norm, 1)[0]
    return any(len(t) >= 2 and t in label for t in question.terms)


def _bare(op: Operand) -> str:
    """The figure without a leading qualifier word: 「达2.6亿元」 -> 「2.6亿元」, 「≥17300P」 kept."""
    return re.sub(r"^(?:超过|超|约|达到|达|近|逾|突破|增长|下降)", "", op.figure)


def _operands(question: Question, candidates: list[Candidate], any_unit: bool = False) -> list[Operand]:
    asked_years = set(_YEAR.findall(question.text))
    out: list[Operand] = []
    for cand in candidates:
        for clause in clauses(cand.norm):
            rel = sum(term_credit(t, clause.text) for t in question.terms) + cand.score
            previous_end = 0
            for fig in figures(clause.text):
                before = clause.text[max(previous_end, fig.start - 12) : fig.start]  # what it counts
                previous_end = fig.end
                value = to_number(fig.text)
                unit = unit_of(fig.text)
                if value is None or not unit or unit in ("年", "月", "天") or not (any_unit or question.unit_fits(fig.text)):
                    continue  # 「一共有几家」 sums no 万元
                if _ARTICLE.fullmatch(fig.text):
                    continue  # 「一個重要糧倉」: the article, no count to divide (DRCD dev: 一個 ÷ 53個)
                own = rel + 2.0 * max((term_credit(t, before) for t in question.terms if len(t) >= 2), default=0.0)
                years = _YEAR.findall(cand.norm[: clause.start + fig.start])
                year = years[-1] if years else ""
                if asked_years and year:
                    own += 3.0 if year in asked_years else -3.0
                out.append(Operand(fig.text, value, _scaled_unit(fig.text, unit), cand, own, year, before))
    out.sort(key=lambda o: -o.relevance)
    return out


_ARTICLE = re.compile(r"[一壹][个個种種]")  # 「一个」 written without a digit: the indefinite article


def _scaled_unit(figure: str, unit: str) -> str:
    """「18.6万亩」 -> 「万亩」: the magnitude word belongs to the unit the result is shown in."""
    match = re.search(rf"([百千万亿]*){re.escape(unit)}$", figure)
    scale = match.group(1) if match else ""
    if scale and re.search(r"[\d.]" + re.escape(scale), figure):
        return scale + unit
    return unit


def _pair(operands: list[Operand]) -> tuple[Operand, Operand] | None:
    """Two figures of one unit from sentences that are about the question (not just nearby)."""
    if not operands:
        return None
    floor = 0.35 * max(o.candidate.coverage for o in operands)
    relevant = [o for o in operands if o.candidate.coverage >= floor]
    dated = [(a, b) for i, a in enumerate(relevant) for b in relevant[i + 1 :]
             if a.year and b.year and a.year != b.year and a.unit == b.unit
             and a.candidate.source == b.candidate.source and a.relevance > 0 and b.relevance > 0]
    if dated and any(o.relevance >= 3 for o in relevant):
        return max(dated, key=lambda p: p[0].relevance + p[1].relevance)  # 「2022年至2024年间…」: one figure of each asked year
    for i, first in enumerate(relevant):
        for second in relevant[i + 1 :]:
            same_document = second.candidate.source == first.candidate.source
            if same_document and second.unit == first.unit and second.value != first.value:
                return first, second  # never do arithmetic across two documents' figures
    return None


def _unique(cands: list[Candidate]) -> list[Candidate]:
    seen = set()
    out = []
    for c in cands:
        if (c.source, c.start) not in seen:
            seen.add((c.source, c.start))
            out.append(c)
    return out
