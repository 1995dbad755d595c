"""Extracting the short answer: arithmetic over cited figures for a calculation, else the span,
clause or sentence that answers, with the sentences to quote for it."""

from __future__ import annotations

import re
from dataclasses import replace

from agent.lexicon.wordlists import words
from agent.offline.check.rules import first_refusal
from agent.offline.draft import Draft, Stage
from agent.offline.extract.answer_clause import (
    DOES_WHAT,
    FALL,
    RISE,
    TYPED_SPANS,
    asked_period,
    asks_share,
    best_clause,
    clause_around,
    figure_clause,
    half_fit,
    kind_clause,
    reported_speech,
    span,
    stated_periods,
    states_asked_bound,
    states_share,
    unnumbered,
    whole,
)
from agent.offline.extract.arithmetic import (
    asked_multiple,
    compares,
    only_rates,
    shares_stated,
    solve,
)
from agent.offline.extract.coordination import left_out_items
from agent.offline.extract.coreference import mentions_kind, referent
from agent.offline.extract.dates import resolve_relative_dates
from agent.offline.extract.fields import labelled_field
from agent.offline.extract.figures import clauses, durations, figures, numerals
from agent.offline.extract.lists import list_answer
from agent.offline.extract.tables import (
    as_counted,
    heading_of_row,
    range_fit,
    row_named,
    table_answer,
)
from agent.offline.gather.credit import term_credit
from agent.offline.gather.evidence import REASON, Candidate
from agent.offline.gather.neighbours import list_lead, next_sentence, sentences_before
from agent.offline.gather.rank import (
    ASKS_CLOCK,
    CLOCK,
    CLOSING_DATE,
    DEADLINE_WORDS,
    EXTRA_STATED,
    asks_extra,
    lead_gives,
    stated_frequency,
    states_total,
    typed_first,
)
from agent.offline.understand.answer_type import asked_slot
from agent.offline.understand.question import DURATION_ASKED, Question
from agent.types import Refusal
from ingest.normalize import normalize_query

_TIME_PHRASE = re.compile(
    r"(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|初|底)?|\d{4}年(?:\d{1,2}月)?|今年|去年|明年|当天|"
    r"\d{1,2}[:：]\d{2}|\d{1,2}时(?:\d{1,2}分)?|\d{1,2}点(?:半|\d{1,2}分)?"
)


# a total asked of a table's named row: its cell states it, nothing is added up
_TOTAL = re.compile(r"总共|一共|合计|总计")
_SHARE = re.compile(r"\d\s*[%％]|百分之|成$")
# a sentence opening with one states a result (agent/lexicon/result_connectives.txt)
_RESULT = words("result_connectives")
_CHARS = re.compile(r"[\W\d_a-z]+")


# an increase over a base stated as such: 「在上述标准基础上每人每月另加20元」「在此基础上再增加2000元」
_INCREASE = re.compile(r"基础上[^，,。；;\d]{0,10}?(?:另加|再加|加发|增发|多发|上浮|提高|增加|额外增加)[^，,。；;\d]{0,3}\d")

_MORE_ASKED = re.compile(r"比.{0,16}?多|多出|高出|多给|多拿|多发|多补|多领")


class Calculate(Stage):
    """A calculation (「比…多多少」) answered with the work shown over cited figures; with nothing
    to compute, the question is asked as a plain figure question, checked again."""

    name = "calculate"

    def __call__(self, draft: Draft) -> Draft:
        q = draft.q
        if q.qtype != "calc":
            return draft
        # (「几倍」 with no ratio to compute is answered by a stated multiple: 「1倍以上3倍以下」)
        plain = replace(q, qtype="number", unit=q.unit or asked_multiple(q))
        cell = self.docs.named_cell(plain, draft.candidates)
        # 「安家费总共给多少」: the row's 25万元; 「油菜的政府补贴占保费多少」: the row's share under
        # 「财政补贴比例」 (70%), not one computed from its other cells
        stated = cell is not None and (_TOTAL.search(q.text) or _SHARE.search(cell.value))
        # 「加起来顶多能拿到多少」 of 「…每多吸纳1人再增加1000元，补贴总额最高不超过15000元」: the cap
        # the notice states is the total asked, not a sum of the sentence's figures
        # (not 「封顶额相当于整车项目封顶额的几成」: two stated caps compared)
        stated = stated or (states_asked_bound(q.text, draft.candidates[0].norm) and not compares(q))
        # 「停水一共要停多长时间」 of 「…停水时间共计36小时」: the total the notice states
        stated = stated or states_total(q, draft.candidates[0].norm)
        # 「一级残疾低保户，生活补贴比标准还能多给多少」 of 「…在上述标准基础上每人每月另加20元」: the
        # increase the notice states is the difference asked, not one computed from two figures
        top = draft.candidates[0]
        increase = _INCREASE.search(top.norm)
        if increase is not None and _MORE_ASKED.search(q.text):
            return draft.settle(clause_around(top.norm, increase.start(), increase.end()), [top], self.name)
        calc = None if stated else solve(q, list(draft.candidates), self.docs.sentences)
        if calc is not None:
            return draft.settle(calc.short, calc.evidence, self.name)
        if _TOTAL.search(q.text) and only_rates(q, list(draft.candidates[:3])):
            # 「总共编列多少经费」 of a notice that gives only 「每台1,000元」: the total is never stated
            return draft.refuse(Refusal("calc/per-unit", "the best sentences give a rate per unit, not the total asked"), self.name)
        if (asks_share(q.text) and not any(states_share(c.norm) for c in draft.candidates[:2])
                and not (cell is not None and states_share(normalize_query(cell.value)))):
            # 「医药费能报销百分之多少」 of sentences that state no share (「…由救助供养经费予以支持」)
            return draft.refuse(Refusal("calc/share", "the best sentences state no share"), self.name)
        # (answered and checked as the figure question it is, its sentences in that question's order:
        # 「总共查几项」 of 「检查项目：包括…等19项」, the third line, not 「每孩次享受1次免费检查」)
        draft = replace(draft, q=plain, candidates=typed_first(plain, list(draft.candidates)))
        why_not = first_refusal(draft, self.docs)
        if why_not is not None and why_not.rule == "quantity" and shares_stated(q, list(draft.candidates)):
            why_not = None  # 「占全球的多少比例」 over 「…占2.1%」: the stated share answers
        if why_not is not None:
            return draft.refuse(replace(why_not, rule=f"calc/{why_not.rule}"), self.name)
        return draft


# a digit of any figure, a date's day among them (「未来9日」), a half (「一半以上病人」) or an ordinal
# (「第几个」: 「首个」「第一个」)
_FIGURE_MARK = re.compile(r"\d|半|首|第[一二三四五六七八九十百]")


class Extract(Stage):
    """The short answer and the sentences it quotes (best first, a two-hop bridge second)."""

    name = "extract"

    def __call__(self, draft: Draft) -> Draft:
        docs, q = self.docs, draft.q
        candidates = list(draft.candidates)
        top = candidates[0]
        tagged, aligned = docs.index.segmenter.tagged, docs.tuning.min_aligned
        evidence = [top] + complements(q, top, candidates)
        runner_up = next(
            (c for c in candidates[1:3] if c not in evidence and c.source == top.source), None
        )
        if runner_up is not None and (q.english or runner_up.score >= docs.tuning.second_sentence * top.score):
            evidence.append(runner_up)
        field = labelled_field(q, docs.index, candidates)
        tabled = table_answer(q, docs.index, candidates)
        if tabled is not None and _outranks_row(q, top, *tabled):
            tabled = None  # 「两口人，算低收入家庭，每月能拿多少」: 「2口人的低收入家庭，每月补贴为…648元」, not the row's 0.8
        often = stated_frequency(q.text, top.norm) if q.qtype != "yesno" else ""
        if often:
            short = often  # 「扶助金多长时间发一次」: 「特别扶助金按季度发放」, no table row's length
        elif tabled is not None:
            # 「哪个区县…增速最快」: the table row with the highest value in the asked column;
            # 「石濑县的总分是多少」: the named row's cell under the asked column
            short, row = tabled
            evidence = [row] + [c for c in evidence if (c.source, c.start) != (row.source, row.start)]
        elif field is not None:
            # 「牵头单位：市发展和改革委员会」 in the paragraph of the item the question describes
            short = field.value
            evidence = [field.sentence] + [c for c in evidence if (c.source, c.start) != (field.sentence.source, field.sentence.start)]
        elif q.qtype == "list":
            short, evidence = list_answer(docs.index, q, candidates, evidence)
        elif q.wants_number or (q.unit == DURATION_ASKED and durations(top.norm)):  # 「住多久」: 「居住半年以上」
            # the clause around the best sentence's figure first (CMRC 2018 trial, figure questions:
            # span in the first line 40% → 73%); the clause weighing years, units and the asked
            # quantity's words over all the evidence when no figure lines up there
            title = docs.title_line(top.source)
            per = _per_asked_period(q, top, evidence)
            if per is not None:
                # 「失业金一个月给多少」: 「…现行标准为每人每月1836元」, not the best sentence's 「最长不超过24个月」
                top, evidence = per, [per] + [c for c in evidence if c is not per]
            lead = list_lead(docs.index, top)
            if lead_gives(q, lead) and not any(q.unit_fits(f.text) for f in (*figures(top.norm), *numerals(top.norm))):
                # 「中低收入户可以少缴多少」 of 「（一）領有本縣中低收入戶證明者；」: its list's lead gives the figure
                # (「二、下列縣民得申請減收二分之一：」)
                short = f"{unnumbered(lead).rstrip(':：')}：{unnumbered(top.text.strip())}"
            else:
                short = (figure_clause(q, [top], title) or span(q, top, tagged, aligned, ("number",), whole_clause=True)
                         or figure_clause(q, evidence, title) or best_clause(q, top))
            if not any(numerals(text) or _FIGURE_MARK.search(text) for text in (normalize_query(short), top.norm)) \
                    and not heading_of_row(docs.index, top):
                # 「新申请门诊慢病认定，几个工作日出结果」 of 「…不需重新申请，由县医保服务中心统一按新标准调整
                # 待遇」: a figure asked, and neither the best sentence nor its clause gives one
                return draft.refuse(Refusal("no-figure", "the best sentence gives no figure"), self.name)
        else:
            # a person, place, date or figure is answered by the clause that holds its span (the
            # bare span cut names and dates short: CMRC 2018 trial, span in the first line 51% →
            # 68% with the clause); anything longer (what, why, how, a definition) by the whole
            # sentence, which holds the answer more often than any clause of it
            short = left_out_items(q, top, tagged) or reported_speech(q, top.norm) or span(
                q, top, tagged, aligned, TYPED_SPANS, whole_clause=True) or (
                best_clause(q, top) if DOES_WHAT.search(q.text) else "") or (
                kind_clause(q, top, tagged, aligned) if len(top.text) >= docs.tuning.long_sentence else "") or whole(top)
            if q.qtype == "why":
                cause = self._cause(q, top)
                if cause is not None:
                    short = f"{cause.text.strip()}{short}"
                    evidence = [cause] + evidence
            named = self._referent(q, top)
            if named is not None:
                short, antecedent = named
                evidence = [antecedent] + [c for c in evidence if c != antecedent]
            if q.qtype == "when":
                later = self._clock_after(q, top)
                if later is not None:
                    # 「…服务中心：朝阳北路27号…。受理时间：工作日8:30—12:00，14:30—17:30。」
                    short, evidence = clocked(q, "", later.norm), [later] + evidence
                else:
                    short = in_asked_half(q, short, top.norm)
                    short = clocked(q, short, top.norm) or closing(q, short, top.norm) or dated(short, top.norm)
        bridge = list(draft.bridge)
        evidence = list({(c.source, c.start): c for c in [*evidence[:2], *bridge, *evidence[2:]]}.values())
        short = resolve_relative_dates(unnumbered(short), docs.index.documents[top.source], q.qtype == "when")
        return replace(draft, short=short, evidence=tuple(evidence))

    def _clock_after(self, q: Question, top: Candidate) -> Candidate | None:
        """A clock question whose best sentence tells no time of day: the next sentence of its line,
        when it tells one (an office's address line, then its hours), else None."""
        if not ASKS_CLOCK.search(q.text) or CLOCK.search(top.norm):
            return None
        later = next_sentence(self.docs.index, top)
        return later if later is not None and CLOCK.search(later.norm) else None

    def _cause(self, q: Question, top: Candidate) -> Candidate | None:
        """A why-answer whose sentence only states the result (it opens with 「因此」「所以」, or
        says little beyond the question) gives no reason: the cause is told just before it, in
        the same paragraph (CMRC 2018 trial, why-questions: span in the first line 70% → 80%)."""
        if asked_slot(q.text).kind != "reason" or REASON.search(top.norm):
            return None
        body = _CHARS.sub("", top.norm)
        beyond = sum(ch not in q.text for ch in body)
        if not (top.norm.lstrip().startswith(_RESULT) or beyond <= self.docs.tuning.restated_share * len(body)):
            return None
        earlier = sentences_before(self.docs.index, top, 1)
        text = self.docs.index.documents[top.source].text
        if not earlier or "\n" in text[earlier[0].end : top.start]:
            return None
        return earlier[0]

    def _referent(self, q: Question, top: Candidate) -> tuple[str, Candidate] | None:
        """「在什么活动上」 answered by 「在这场…活动中」: the name it refers to, and its sentence."""
        if not q.kind or q.kind in q.text.replace(q.kind, "", 1) or not mentions_kind(top.norm, q.kind):
            return None
        earlier = sentences_before(self.docs.index, top, 3)
        found = referent(q.kind, [c.norm for c in earlier], frozenset(self.docs.index.segmenter.words))
        if found is None:
            return None
        name, at = found
        return name, earlier[at]


def _per_asked_period(q: Question, top: Candidate, evidence: list[Candidate]) -> Candidate | None:
    """The quoted sentence after the best one that states a figure per the period the question
    asks (「每天要多加多少滞纳金」: 「每逾一日加收1%滞纳金」) when the best one states none per it; not
    when the best one is a table's row (its header may give the period: 「补贴标准（元/月）」) or
    holds the asker's own figure in its range (「今年68岁…一年最多能报多少」: 「其中60周岁及以上…为800元」)."""
    period = asked_period(q)
    if not period or period in stated_periods(top.norm) or _CELLS.search(top.text) or range_fit(top.norm, q.text) == 1:
        return None
    return next((c for c in evidence[1:3] if c.source == top.source and period in stated_periods(c.norm)
                 and any(q.unit_fits(f.text) for f in numerals(c.norm))), None)


def _outranks_row(q: Question, top: Candidate, short: str, row: Candidate) -> bool:
    """The table answer is a bare number (a coefficient: 「低收入家庭补贴系数：0.8」) and the best
    sentence, no table row, ranks above its row, covers more of the question and gives a figure
    with a unit in the asked one: the sentence answers (a worked example of the table's rule,
    「2口人的低收入家庭，每月补贴为45×18×0.8=648元」)."""
    head, _, value = short.rpartition("：")
    if _prose_answers(q, top, row) or _names_the_asked_thing(q, top, short, row) or _extra_answers(q, top, row):
        return True
    # (a header that gives the unit, 「紧缺职业（元/人）｜2400」, makes no bare number)
    return (q.wants_number and _BARE.fullmatch(value.strip()) is not None and not _UNIT_IN_BRACKETS.search(head)
            and (top.source, top.start) != (row.source, row.start) and not _CELLS.search(top.text)
            and top.score > row.score and top.coverage > row.coverage
            and any(q.unit_fits(f.text) and not _BARE.fullmatch(f.text) for f in figures(top.norm)))


def _extra_answers(q: Question, top: Candidate, row: Candidate) -> bool:
    """An extra sum asked (「一类救助户冬天取暖另外补多少钱」) and the best sentence, no table row and
    ranked above the row, states one with a figure in the asked unit (「对一类对象，另按每户400元标准
    一次性发放取暖补助」): it answers, not the row's standard sum (「一类｜…｜每人每月280元」)."""
    return (asks_extra(q) and (top.source, top.start) != (row.source, row.start) and not _CELLS.search(top.text)
            and top.score > row.score and EXTRA_STATED.search(top.norm) is not None
            and any(q.unit_fits(f.text) for f in figures(top.norm)))


def _names_the_asked_thing(q: Question, top: Candidate, short: str, row: Candidate) -> bool:
    """A which-question's thing (「体检要去哪家医院做」: 医院) that the best sentence, no table row
    and ranked above the row, names (「…统一在某区人民医院体检中心进行」) and the table's answer does
    not (「幼儿园教师资格认定机构：某区教育局」): the sentence answers."""
    return (q.qtype in ("which", "where", "who") and (top.source, top.start) != (row.source, row.start)
            and not _CELLS.search(top.text) and top.score > row.score
            and any(a in top.norm for a in q.asked) and not any(a in normalize_query(short) for a in q.asked))


def _prose_answers(q: Question, top: Candidate, row: Candidate) -> bool:
    """The best sentence, no table row, ranks above a row further down and covers clearly more of
    the question, and gives a figure in the asked unit: it answers (「…按月支付伤残津贴，标准为：
    一级为本人工资的90%，二级为85%」 for 「二级伤残津贴按工资的百分之几发」, not the row 「二级｜25个月」
    of another table; 「持有本市有效居住证满6个月」 for 「居住证要拿多久」, not a row's 「3个工作日」)."""
    return ((q.wants_number or q.unit == DURATION_ASKED) and (top.source, top.start) != (row.source, row.start)
            and not _CELLS.search(top.text) and top.score > row.score and top.coverage >= row.coverage + _CLEARLY_MORE
            # (not a row the question names, by its range or its first cell: 「今年72岁」 → 「70—79周岁｜…」)
            # (「低保户」 names 「城镇最低生活保障家庭」 by its short form, when the sentence does not name
            # the row's group itself: 「低保对象每人每年最高500元」 answers for the row 「低保对象…」)
            and range_fit(row.norm, q.text) != 1 and not any(_row_name(row.norm) in t for t in (q.text, as_counted(q.text)))
            and not (row_named(_row_name(row.norm), q.text) and not row_named(_row_name(row.norm), top.norm))
            and any(q.unit_fits(f.text) and not _BARE.fullmatch(f.text) for f in figures(_RATE_CHANGE.sub("", top.norm)
                                                                                       if not _CHANGE_ASKED.search(q.text) else top.norm)))


# a rate raised or lowered by points (「住院救助比例降低10个百分点」) is no rate: it answers a question
# that asks the change (「提高几个点」「多报多少」), not 「能救助百分之几」
_RATE_CHANGE = re.compile(f"(?:{'|'.join((*RISE, *FALL))})" + r"\d+(?:\.\d+)?个?百分点")
_CHANGE_ASKED = re.compile("|".join((*RISE, *FALL)) + r"|[加减多少]报|多给|少给|几个点|多少个点|百分点")


def _row_name(row: str) -> str:
    return re.split(r"\s*[|｜\t]\s*", row.strip(), maxsplit=1)[0]


_CLEARLY_MORE = 0.1  # of the question's words, a share the best sentence covers beyond the row's
_BARE = re.compile(r"\d+(?:\.\d+)?")
_UNIT_IN_BRACKETS = re.compile(r"[(（][^()（）]+[)）]")


_CELLS = re.compile(r"\S\s*[｜|\t]\s*\S")


_YEAR_TERM = re.compile(r"(?:19|20)\d\d")


def complements(q: Question, top: Candidate, candidates: list[Candidate]) -> list[Candidate]:
    """A second sentence when it covers question terms the first one misses (multi-hop)."""
    missing = [t for t in q.terms if term_credit(t, top.norm) == 0]
    if not missing:
        return []
    best, gain = None, 0.0
    for cand in candidates[1:8]:
        # (a year counts where it is written as one, 「到2025年底」, not as the start of a span,
        # 「工作方案（2025—2027年）」)
        g = sum(term_credit(t, cand.norm) for t in missing if not _YEAR_TERM.fullmatch(t) or f"{t}年" in cand.norm)
        if g > gain and cand.score >= 0.4 * top.score:
            best, gain = cand, g
    return [best] if best else []


def clocked(q: Question, short: str, sentence: str) -> str:
    """「几点到几点能办」 answered by a clause with no time of day: the sentence's clause that holds
    one instead (「办理时间为每日8:00—17:00」), or "" when it already has one or the sentence none."""
    if not ASKS_CLOCK.search(q.text):
        return ""
    timed = [part for part in clauses(sentence) if CLOCK.search(part.text)]
    if CLOCK.search(short):
        # 「最晚几点前要入馆」 answered by 「每周五、周六开放至20:30」: the times of day side by side
        # with it too (「，19:30停止入馆」), one clause after another
        at = [i for i, part in enumerate(clauses(sentence)) if CLOCK.search(part.text)]
        together = at[-1] - at[0] == len(at) - 1 and any(short in part.text for part in timed)
        joined = sentence[timed[0].start : timed[-1].end]
        return joined if together and len(joined) > len(short) else ""
    if not timed:
        return ""
    # 「工作日8:30—12:00，14:30—17:30」: a morning and an afternoon, from the first to the last
    return sentence[timed[0].start : timed[-1].end] if len(timed) > 1 else timed[0].text


def closing(q: Question, short: str, sentence: str) -> str:
    """「最晚哪天前要交」 answered by a clause with no closing date (「逾期视为自动放弃」): the
    sentence's clause that gives one instead (「购机者须于2026年11月30日前提交补贴申请」), or "" when
    the answer has one, the question asks no deadline or the sentence gives none."""
    # (a whole sentence is no clause with one: 「购车发票开具日期在…至…期间的车辆，消费者应于2026年1月20日
    # 前提交申请」 is answered by its clause that gives it)
    if not any(w in q.text for w in DEADLINE_WORDS) or (CLOSING_DATE.search(short) and (
            ASKS_CLOCK.search(q.text) or len(normalize_query(short)) < len(sentence) - 1)):
        return ""
    closing = [part.text for part in clauses(sentence) if CLOSING_DATE.search(part.text) or _DUE_BY.search(part.text)]
    # (the one things are due by, 「过渡期至2025年12月31日截止」, before one that qualifies by its date,
    # 「2019年4月15日前购买、不符合新国标的超标电动自行车」)
    return next((c for c in closing if _DUE_BY.search(c)), closing[0] if closing else "")


_DAY = r"\s*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}[日号]"
_DUE_BY = re.compile(rf"[于在]{_DAY}(?:之|以)?前|[至到]{_DAY}\s*(?:截止|止)")


def in_asked_half(q: Question, short: str, sentence: str) -> str:
    """A when-answer dated in the other half of the year than the one asked (「下半年那一批几号开始
    报」: 「第一批为3月1日至3月31日」) gives way to the sentence's clause dated in the asked half
    (「第二批为9月1日至9月30日」)."""
    if half_fit(q.text, short) != -1:
        return short
    return next((c.strip() for c in re.split(r"[，,；;。]", sentence) if half_fit(q.text, c) == 1), short)


def dated(short: str, sentence: str) -> str:
    """A when-answer that names no day, month or hour gets the sentence's time in front:
    「初中…结束时间为18:00」 already says when; 「内江市2025年…推进会…」 does not."""
    moment = _TIME_PHRASE.search(sentence)
    specific = [m.group(0) for m in _TIME_PHRASE.finditer(short) if re.search(r"[月日时点:：]", m.group(0))]
    if moment and moment.group(0) not in short and not specific:
        return f"{moment.group(0)}：{short}"
    return short


__all__ = ["Calculate", "Extract", "clocked", "closing", "complements", "dated", "in_asked_half"]
