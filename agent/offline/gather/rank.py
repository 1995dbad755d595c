"""Re-ranking the candidate sentences: by the words beside the question word, by the asked
type (a date, a figure), and by the topic their paragraph's opening sentence sets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from itertools import pairwise

from agent.lexicon import entities
from agent.lexicon.thesaurus import (
    categories,
    is_personal,
    money_character,
    names_money,
    quality_word,
    suffix_stem,
)
from agent.lexicon.wordlists import groups, mentioned, table, words
from agent.offline.check.polarity import ASKS_COST, WAIVED
from agent.offline.extract.answer_clause import (
    CLAUSE_GROUPS,
    FINED,
    SUM_ASKED,
    TOTAL_STATED,
    asked_period,
    asks_share,
    evens,
    share_of_money,
    stated_periods,
    unnumbered,
)
from agent.offline.extract.figures import (
    clauses as figure_clauses,
)
from agent.offline.extract.figures import (
    durations,
    figures,
    in_asked_scale,
    in_unit_of,
    measured,
    numerals,
    ordinals,
    sum_of_money,
)
from agent.offline.extract.span import TIME_SPAN
from agent.offline.extract.tables import (
    BOUNDS,
    PAID_ASKED,
    as_counted,
    range_fit,
    without_ranges,
    year_in_range,
)
from agent.offline.gather.credit import term_credit
from agent.offline.gather.evidence import Candidate
from agent.offline.tuning import Tuning
from agent.offline.understand.answer_type import asked_slot
from agent.offline.understand.contact import (
    NUMBERED_HEAD,
    OFFICE_HEADS,
    asked_contact,
    gives_number,
    gives_phone,
    offices_named,
)
from agent.offline.understand.question import (
    DURATION_ASKED,
    LIMIT_WORDS,
    Question,
    told_years,
    unglued,
)
from ingest.normalize import normalize, normalize_query

_PUNCT = re.compile(r"[?？。!！,，\s]")
# mutually exclusive qualifiers (agent/lexicon/exclusive_qualifiers.txt)
EXCLUSIVE = groups("exclusive_qualifiers")
TIME = re.compile(
    r"\d+月|\d{4}年|\d+日|今年|去年|明年|当天|近年|上半年|下半年|年底|年初|"
    r"\d{1,2}[:：]\d{2}|\d{1,2}时|\d{1,2}点"
)


def by_anchors(q: Question, candidates: list[Candidate], weight: float, width: int = 3) -> list[Candidate]:
    """Re-rank the best sentences by the words right beside the question word (「…分布在哪些地区」:
    分布在): the sentence that answers says them, a sentence that only names the subject does not.
    Chosen on the CMRC 2018 trial sample (+1.7 points of gold spans in the chosen sentence)."""
    if q.english or len(candidates) < 2:
        return candidates
    slot = asked_slot(q.text)
    if slot.kind in ("reason", "yesno", "manner", "other"):
        return candidates  # no slot for an answer to fill beside the question word
    edges = (_PUNCT.sub("", slot.left(q.text))[-width:], _PUNCT.sub("", slot.right(q.text))[:width])
    grams = {t[i : i + 2] for t in edges for i in range(len(t) - 1)}
    if not grams:
        return candidates
    head = sorted(candidates[:8], key=lambda c: -(c.score + weight * sum(g in c.norm for g in grams) / len(grams)))
    return head + candidates[8:]


def by_topic(
    q: Question,
    candidates: list[Candidate],
    term_weight: Callable[[str], float],
    opening: Callable[[Candidate], str],
    tuning: Tuning,
    head: int = 8,
) -> list[Candidate]:
    """Re-rank the best document's sentences by the question terms they hold, counting the
    terms of their paragraph's opening sentence (what the later sentences are about, often
    by 「本鱼」「其」 or by nothing) as held by each of them: the sentence that names the
    subject no longer wins only for naming it (CMRC 2018 trial: gold sentence first 74.5% →
    77.5%)."""
    if q.english or len(candidates) < 2 or not q.terms:
        return candidates
    source = candidates[0].source
    group = [c for c in candidates[:head] if c.source == source]
    if len(group) < 2:
        return candidates
    weights = {t: term_weight(t) for t in q.terms}
    total = sum(weights.values()) or 1.0
    place = {id(c): i for i, c in enumerate(candidates)}

    def key(c: Candidate) -> float:
        first = opening(c)
        if first == c.norm:
            return c.score - tuning.topic_step * place[id(c)]  # it opens its paragraph: nothing to add
        held = sum(w * max(term_credit(t, c.norm), term_credit(t, first)) for t, w in weights.items())
        # only what the opening adds to the sentence's own coverage counts, on top of its score
        gained = max(0.0, held / total - c.coverage)
        return c.score + tuning.topic_weight * gained - tuning.topic_step * place[id(c)]

    ranked = sorted(group, key=key, reverse=True)
    return ranked + [c for c in candidates if c not in ranked]


def level_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """A question about one of a set of exclusive qualifiers (「5A级」 of 1A–5A级,
    agent/lexicon/exclusive_qualifiers.txt) whose best sentence states another: a close runner-up
    of the same document that states the asked one goes first (「…4A级…50万元。」 before 「…5A级…
    200万元；」); with none, the level refusal rule answers. So for the party a penalty is set for
    (「个人要罚多少钱」: 「对个人处…罚款；」 before 「对单位处…罚款。」, agent/lexicon/penalised_parties.txt)."""
    if len(candidates) < 2 or (q.qtype == "calc" and SUM_ASKED.search(q.text)):
        return candidates  # (「公司和个人加起来」: a sum over the parties, not one of them)
    top = candidates[0]
    # (a level named only in brackets is an exception to a rule for all: 「年龄在35周岁以下（博士不超过
    # 40周岁）」 answers a 硕士's question)
    general = without_brackets(top.norm)
    for group in CLAUSE_GROUPS:
        asked = mentioned(group, q.text)
        if (len(asked) != 1 or asked[0] in top.norm or asked[0] in mentioned(group, top.norm)
                or not (any(w in general for w in group) or mentioned(group, general))):
            continue
        for cand in candidates[1:_LEVEL_REACH]:
            # (said in its own words: 「跨省迁移…」 says 省外)
            if cand.source == top.source and (asked[0] in cand.norm or asked[0] in mentioned(group, cand.norm)) \
                    and cand.score >= 0.9 * top.score:
                return [cand] + [c for c in candidates if c is not cand]
    return candidates


def other_level(question: str, text: str) -> str:
    """The qualifier of an exclusive group ``text`` says when the question asks another of it (「省内」
    for 「外省」), else ""."""
    for group in CLAUSE_GROUPS:
        asked = mentioned(group, question)
        said = mentioned(group, text)
        if len(asked) == 1 and said and asked[0] not in said:
            return said[0]
    return ""


def free_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「临时停一下，多久以内不收钱」 asks the figure (in its unit) that bounds what is free: whose best sentence
    states no charge waived (「超过30分钟的，每小时收费不超过2元」), a close runner-up of the same
    document that waives one and gives a figure (「临时停放不超过30分钟的，免费」) goes first
    (agent/lexicon/free_of_charge.txt; the question's words: clause_cues.tsv, free-asked).
    「哪几类学生可以不用交课后服务费」, which asks who, takes the waiving line with no figure
    (「下列学生免收课后服务费：」)."""
    who = q.qtype in ("list", "which", "who")
    top = candidates[0] if candidates else None
    if (q.qtype == "yesno" and top is not None and ASKS_COST.search(q.text) and not WAIVED.search(q.text)
            and not WAIVED.search(top.norm) and not _FEE.search(top.norm)):
        # 「申请安全许可要交费吗」 whose best sentence says nothing of a fee: a close line of the same notice
        # that waives one (「十、收费标准 / 不收费。」) answers no
        for cand in candidates[1:_COST_REACH]:
            if cand.source == top.source and cand.score >= _CLOSE_STAGE * top.score and WAIVED.search(cand.norm):
                return [cand] + [c for c in candidates if c is not cand]
        return candidates
    if not (q.unit or who) or not _FREE_ASKED.search(q.text) or len(candidates) < 2:
        return candidates
    if WAIVED.search(top.norm):
        return candidates
    for cand in candidates[1:_FREE_REACH]:
        # (a figure in the asked unit: not another group's free ride, 「身高1.2米以下儿童…免费乘车」, for
        # 「老人多大岁数…就不要钱了」)
        # (nor a row whose range misses the asker's figure: 「40—64歲｜每3年1次｜免費」 for 「我今年68歲」)
        if cand.source == top.source and cand.score >= _CLOSE_STAGE * top.score and WAIVED.search(cand.norm) \
                and range_fit(cand.norm, q.text) >= 0 \
                and (who or stated_frequency(q.text, cand.norm)
                     or any(q.unit_fits(f.text) for f in (*figures(cand.norm), *durations(cand.norm)))):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_FREE_REACH = 4
_COST_REACH = 8  # a waiving line is short, under its heading (「十、收费标准」), below the lines of the service
_FEE = re.compile(r"费|元")  # a sentence that says what is charged
# (not 「收不收钱」: 不收钱 after its own verb asks a yes or no)
_FREE_ASKED = re.compile("|".join(rf"(?<!{re.escape(w[1])}){re.escape(w)}" if w.startswith("不") else re.escape(w)
                                  for w in table("clause_cues")["free-asked"]))


def dated_stage_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「补贴最晚哪天前要去申请」 whose best sentence dates another stage of the procedure (「区残联于
    11月30日前完成补贴发放」, 拨付; 「所有改造项目须于11月30日前完成验收」, none): a close runner-up of
    the same document whose dated sentence names the asked stage (「申请受理时间为4月1日至9月30日」)
    goes first. The stages are agent/lexicon/procedure_stages.tsv's; the asked one is said after the
    deadline word (「最晚啥时候发下来」: 拨付)."""
    deadline = next((q.text.find(w) for w in DEADLINE_WORDS if w in q.text), -1)
    if q.qtype != "when" or deadline < 0 or len(candidates) < 2:
        return candidates
    asked = stages_said(q.text[deadline:])
    if len(asked) != 1:
        return candidates
    top = candidates[0]
    if asked & _dated_stages(top.norm):
        return candidates
    for cand in candidates[1:_STAGE_REACH]:
        if cand.source == top.source and cand.score >= _CLOSE_STAGE * top.score and asked & _dated_stages(cand.norm):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def undated_deadline_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「见习计划最晚什么时候要把申请送出去」 whose best sentence tells no time at all (「申请方式：…亲送
    或邮寄至本局」): a runner-up further down of the same document that gives a closing date and
    names the asked stage (「申请期间：自115年2月1日起至115年4月30日止受理申请」, the ninth, at 0.68 of
    the best score) goes first, before the checks refuse for want of a time."""
    deadline = next((q.text.find(w) for w in DEADLINE_WORDS if w in q.text), -1)
    if q.qtype != "when" or deadline < 0 or len(candidates) < 2 or TIME.search(candidates[0].norm):
        return candidates
    asked = stages_said(q.text[deadline:]) or stages_said(q.text)
    if len(asked) != 1:
        return candidates
    top = candidates[0]
    for cand in candidates[1:_UNDATED_REACH]:
        if (cand.source == top.source and cand.score >= _UNDATED_CLOSE * top.score and CLOSING_DATE.search(cand.norm)
                and asked & stages_said(cand.norm)):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_UNDATED_REACH, _UNDATED_CLOSE = 12, 0.6
_STAGE_WORDS = table("procedure_stages")
_STAGE_REACH, _CLOSE_STAGE = 6, 0.8
_DATE = re.compile(r"\d{1,2}月\d{1,2}日|\d{1,2}日(?:之|以)?前")


def stages_said(text: str) -> set[str]:
    """The stages of an administrative procedure ``text`` names (agent/lexicon/procedure_stages.tsv);
    not the correction by a word 同义词词林 files as a payment (He: 「补交公积金」) unless material
    follows it (「补交材料」): money paid late is no correction of an application."""
    return {stage for stage, said in _STAGE_WORDS.items() if any(
        _as_stage(w, text) and not (stage == _CORRECTION and _paid_late(w, text)) for w in said)}


# where a length of time is counted from, not the stage it lasts: 「自受理申请之日起」 in a notice,
# 「审核通过以后，多久能到账」 before the question word in a question
_COUNTED_FROM = re.compile(r"自[^，,。；;]{0,16}?起")
_HOW_LONG = re.compile(r"多久|多快|多长时间|多少天|几天|几个?工作日|多少个?工作日|几日|多少日|几个月|多少个月|几年|多少年")


def asked_stages(question: str) -> set[str]:
    """The stages the question asks the length of: those said after its question word
    (「多少天之内要去申请」), else those before it but after the event it counts from
    (「审核通过以后要公示几天」: 公示, not 审核); the application only when it is said so: it is what
    every other stage follows (「补贴申请要审核多少天」 asks the review)."""
    asked = _HOW_LONG.search(question)
    if asked is None:
        return stages_said(question) - {"申请"}
    after = stages_said(re.split(r"[，,。；;？?]", question[asked.end() :])[0])
    start = question.rfind("后", 0, asked.start()) + 1
    # (nothing after the event counted from: what lasts is no stage, 「认定批下来以后管几年」)
    stages = after or stages_said(question[start : asked.start()]) or (set() if start else stages_said(question) - {"申请"})
    return stages - {"申请"} if len(stages) > 1 else stages


def _stages_asked_after(question: str) -> set[str]:
    """`asked_stages`, where an event done (「宅基地批下来了，拖多久不动工…」) counts a length of time
    from as one after 后 does: the stages said between it and the question's word, if any."""
    asked = _HOW_LONG.search(question)
    done = question.rfind("了", 0, asked.start()) if asked else -1
    if done < 0 or stages_said(re.split(r"[，,。；;？?]", question[asked.end() :])[0]):
        return asked_stages(question)
    return stages_said(question[max(done, question.rfind("后", 0, asked.start())) + 1 : asked.start()])


def stated_stages(sentence: str) -> set[str]:
    """The stages a sentence gives a length of time for, not the one it counts from (「自受理之日起」)."""
    return stages_said(_COUNTED_FROM.sub("", sentence))


def _as_stage(word: str, text: str) -> bool:
    """``text`` says ``word`` as the act, not as the head of a noun for its party or form
    (「將補助款撥入申請人帳戶」: 申请人, no application; 「申请表」「申请书」)."""
    return any(not text.startswith(tuple(_PARTY_OR_FORM), m.end()) for m in re.finditer(re.escape(word), text))


_PARTY_OR_FORM = "人书表"


def _paid_late(word: str, text: str) -> bool:
    return any(c.startswith("He") for c in categories(word)) and not any(
        _MATERIAL_AFTER.match(text, m.end()) for m in re.finditer(re.escape(word), text))


_CORRECTION = "补正"  # the stage of correcting an application (procedure_stages.tsv)
# the correction's own object (the 补正 row's 「补充材料」) a few characters after the verb
_MATERIAL_AFTER = re.compile(r"[^，,。；;？?]{0,4}?(?:材料|资料)")


def _dated_stages(sentence: str) -> set[str]:
    """The stages a sentence that holds a date names (「9月1日至10月31日，逾期未申领的，视为…」:
    申请, in the clause after its dates)."""
    return stages_said(sentence) if _DATE.search(sentence) else set()


# runners-up looked at: a table's rows (「区外、省内｜…」「省外（经批准转诊）｜…」) may sit below its
# lead-in and header lines
_LEVEL_REACH = 6
_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")


def without_brackets(text: str) -> str:
    """``text`` without its bracketed asides (「年龄在35周岁以下（博士不超过40周岁）」 → 「年龄在35周岁以下」)."""
    return _BRACKETED.sub("", text)


def named_first(q: Question, candidates: list[Candidate], title_line: Callable[[str], str],
                typed: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """「临渡区2025年GDP增长了多少」 of a city's bulletin whose best sentence is the city's own
    figure: a close runner-up of the same document that names the asked place (the table row
    「临渡区｜573.08｜5.2%」) goes first. Only in a document with a title line (a notice, a
    bulletin), and not for a name that line gives, which its every sentence is about; a text
    without one (an encyclopedia paragraph) names its subject once, in its opening (CMRC 2018
    trial: moving such a name's sentence first lost 78 of 1,000 first lines). A best sentence that
    holds what the question's type asks (``typed``, from `asked_type`) keeps its place before
    one that does not: 「沩屺市…最晚哪天之前去办」 is 「集中受理时间为…至2025年9月30日」, not the
    issuer's line 「沩屺市就业服务中心」 under the notice."""
    if len(candidates) < 2 or not q.names:
        return candidates
    top = candidates[0]
    title = title_line(top.source)
    # (nor for a name whose stem the title says, the notice's topic: 「误闯限行区」 of 「…实施高排放车辆限行的通告」)
    missing = [n for n in q.names if len(n) >= 2 and n not in top.norm and n not in title and not (len(n) >= 3 and n[:-1] in title)]
    if not title or not missing:  # a text without a title line is about the one its opening names
        return candidates
    kept = typed is not None and typed(top)
    for cand in candidates[1:4]:
        if cand.source == top.source and cand.score >= 0.7 * top.score and all(n in cand.norm for n in missing) and (
                not kept or typed(cand)):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def ordinal_first(q: Question, candidates: list[Candidate], title_line: Callable[[str], str],
                  depth: int = 8) -> list[Candidate]:
    """「第二胎的育兒津貼每個月可以領多少」 whose best sentence gives no ordinal: a runner-up of the same
    document that gives the one asked (「2.第2名子女：每月新臺幣6,000元。」), whatever measure word
    follows it, goes first. Only in a notice (a document with a title line), whose items are
    numbered so; an encyclopedia paragraph names 「巴黎第四区」 once, in its opening (CMRC 2018
    trial and DRCD dev 1,000: −4 first lines when it ran there too)."""
    asked = ordinals(q.text)
    if not asked or len(candidates) < 2 or not title_line(candidates[0].source):
        return candidates
    top = candidates[0]
    if ordinals(top.norm) & asked:
        return candidates
    # (「第一次买房」 counts times: an item 「第一批」 is not the first time, 「第2次」 is)
    times = _OCCASION.search(q.text) is not None and not _ORDINAL.search(_OCCASION.sub("", q.text))
    # (and the other way: 「第一笔钱」 is no 「第一次给予警告」, an ordinal of times where the question's counts none)
    given = [cand for cand in candidates[1:depth] if cand.source == top.source and cand.score >= 0.7 * top.score and (
             ordinals(cand.norm if times else _OCCASION.sub("", cand.norm)) & asked) and (not times or _OCCASION.search(cand.norm))]
    if not given:
        return candidates
    # (of the rows that give it, the one whose range holds the asker's figure: 「第二套…120平」 is
    # 「家庭第二套住房｜90平方米以上｜2%」, not the row above it)
    said = _PERIOD.sub("", q.text)
    chosen = next((c for c in given if range_fit(c.norm, said) == 1), given[0])
    return [chosen] + [c for c in candidates if c is not chosen]


# an ordinal, and one that counts times (「第一次」「第2回」)
_ORDINAL = re.compile(r"第[一二三四五六七八九十百\d]+")
_OCCASION = re.compile(r"第[一二三四五六七八九十百\d]+[次回]")


# a sentence's opening clause that sets a condition: 「脱贫户…安装的，」「留用率达到50%以上的见习单位，」
# 「对缴费困难群体，」「属于首贷户的，」 (the 「…的，」 construction of rules, with a head noun at most)
# (not an apposition: 「作为产业发展的“定盘星”，」)
_CONDITION = re.compile(r"^(?!作为)(?:对|属于)?[^，,：:；;。]{2,40}?的[\u4e00-\u9fff]{0,4}[，,]|^(?:对|属于)[^，,：:；;。]{2,20}[，,]")


_LATEST = ("最晚", "最迟")


def _in_condition(text: str, at: int) -> bool:
    """Offset ``at`` of ``text`` is inside the condition the sentence opens with."""
    said = condition(text)
    begin = text.find(said) if said else -1
    return begin >= 0 and begin <= at < begin + len(said)


def condition(text: str) -> str:
    """The condition ``text`` opens with (「违反规定饲养禁养犬只的，」), or ""."""
    m = _CONDITION.match(unnumbered(text.strip()))
    return m.group(0) if m else ""


def condition_said(q: Question, text: str, title: str) -> bool:
    """``text`` sets a condition (「评估为轻度失能的，不发放护理补贴」) in a word the question says of
    the asker's situation (「我爸66岁，评了个轻度失能，护理补贴能领吗」: 轻度), not in its asking
    clause nor of the notice's topic (its ``title``'s words: 失能): its rule answers for the asker,
    whatever bound elsewhere holds the figure the question gives beside it (「年满65周岁…均可申请
    能力评估」)."""
    said = condition(text)
    if not said or range_fit(said, q.text) != 0:
        return False
    # (and the question says most of it, not a word or two: 「个人贷款按期还款且创业项目正常经营的，可再次
    # 申请」 is no rule for 「我还有一笔10万的经营贷没还清」)
    chars = re.findall(r"[\u4e00-\u9fff]", unnumbered(said).rstrip("，,的"))
    if 2 * sum(c in q.text for c in chars) <= len(chars):
        return False
    asking = _asking_clause(q.text)
    return any(len(t) >= 2 and not any(len(set(t) & set(n)) >= 2 for n in q.names)  # (nor 「在雯峤」: a place)
               and t not in asking and t not in title and term_credit(t, said) for t in q.terms)


def unconditioned_first(q: Question, candidates: list[Candidate], title_line: Callable[[str], str]) -> list[Candidate]:
    """「农民在自家屋顶装光伏，每千瓦补多少钱」 whose best sentence sets a condition the question
    does not say (「脱贫户…安装的，每千瓦补贴提高至450元」): a close runner-up of the same notice
    that sets none, or one the question says (「按并网装机容量…每千瓦补贴300元」), goes first. A
    notice's general rule and its exceptions share every word but their condition."""
    # (and a length of time asked, 「转移结束后最晚几天内要去村里报」: not 「逾期未申报的，…但…经村委会证明的，
    # 可延长至…30日内申报」 over 「（一）申报：避险转移结束后7日内…申报」)
    if not (q.wants_number or q.unit == DURATION_ASKED) or len(candidates) < 2 or not title_line(candidates[0].source):
        return candidates
    top = candidates[0]
    title = title_line(top.source)
    if not q.wants_number and durations(condition(top.norm)):
        return candidates  # (a length of time in the condition is the threshold asked: 「住多久才能…」 is
        # 「流动儿童在本区居住满3个月的，」, 「欠多久会被收房」 is 「拖欠租金累计3个月以上…的」)
    if not _unasked(q, condition(top.norm)):
        return candidates
    # (a best sentence with the cap the question asks keeps its place: 「一年最多能奖多少」 is
    # 「对超比例安排的，…每年最高奖励10万元」, not the rule's 「比例不低于…1.5%」 beside it; a table's
    # row may have it under its header's 「年度支付限额」)
    caps = [w for w in LIMIT_WORDS if w in q.text]
    capped = lambda c: any(term_credit(w, c.norm) for w in caps)
    for cand in candidates[1:4]:
        if (cand.source == top.source and cand.score >= _CLOSE * top.score and (capped(cand) or not capped(top) or _CELLS.search(cand.text))
                # (a figure outside a condition's 的-phrase: not 「…或数量超过10株的，由市园林绿化局审批」,
                # whose 10株 says which trees, for 「砍一棵树得补种几棵」)
                and (any(q.unit_fits(f.text) for c in figure_clauses(cand.norm) if not c.text.rstrip("，,；;。").endswith("的")
                         for f in (*figures(c.text), *durations(c.text)))
                     or _LAST_CELL.search(cand.text))
                and not _unasked(q, condition(cand.norm), title)
                # 「个人一般罚多少」: not the runner-up about another party (「对单位处…罚款」), nor one
                # without the act the question asks the figure of (「会罚多少钱」: 「…罚款」, not
                # 「户内安装费每户2280元」)
                and not any(term_credit(n, top.norm) and not term_credit(n, cand.norm) for n in (*q.asked, *_asked_act(q)))):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_CLOSE = 0.95  # a runner-up this close to the best sentence's score
_HOW_MUCH = re.compile(r"多少|几")


# the words of a table's header over a cap (agent/lexicon/clause_cues.tsv: upper-bound, lower-bound)
_CAP_HEADINGS = (*BOUNDS[0], *BOUNDS[1])
_WHEN_WORD = re.compile(r"什么时候|何时|哪天|哪一天|哪几天|哪几日|几号|几月")
# a verb and the complement of where it goes (「打到」「打入」「交至」「转进」): one act, whichever
_DIRECTED = "到入进至往"


def until_stem(verb: str, question: str) -> str:
    """``verb`` without the 到/至 that ends it at the asked time (「报到哪天」 is 报 until a day, which a
    notice says 「申报：…至4月30日」; jieba reads 报到, to register), else ``verb``."""
    if len(verb) >= 2 and verb[-1] in "到至" and re.search(re.escape(verb) + r"(?:哪|几|什么)", question):
        return verb[:-1]
    return verb


def resultative(verb: str, text: str) -> bool:
    """``text`` says ``verb`` with another complement of direction (「打到」: 「打入」)."""
    return len(verb) == 2 and verb[1] in _DIRECTED and re.search(re.escape(verb[0]) + f"[{_DIRECTED}]", text) is not None


def _asked_act(q: Question) -> list[str]:
    """The question's terms in the four characters before its 多少/几, without a modal verb glued
    to them (「会罚多少钱」: 罚)."""
    at = _HOW_MUCH.search(q.text)
    before = q.text[max(0, at.start() - 4) : at.start()] if at else ""
    return [unglued(t, verb=True) for t in q.terms if t in before and t not in q.names]


_LAST_CELL = re.compile(r"\s\d{1,6}(?:\.\d+)?\s*$")  # a table row's figure under its header's unit (「…车行道  486」)


def _unasked(q: Question, clause: str, title: str = "") -> bool:
    """A condition none of whose words the question says; for the runner-up, none but the
    notice's own topic (its title's words: 「…装修垃圾的，」 in the 垃圾分类 rules states no
    condition a 垃圾 question does)."""
    return bool(clause) and not any(len(t) >= 2 and t not in q.names and t not in title and term_credit(t, clause)
                                    for t in q.terms)


# 「多久能办好」「几天能办完」「多少天能批下来」「多久出结果」「多少天能知道批不批」: a verb with a
# complement of result (好 完 下来 出来), 出结果, or whether it is approved asks when the whole service is done (《现代汉语八百词》: 结果补语,
# 趋向补语 下来), which a notice states as its time limit (「承诺时限：10个工作日」「5个工作日内办结」)
_DONE_ASKED = re.compile(r"(?:办|批|审|做|弄|搞)(?:好|完|下来|出来)|出[\u4e00-\u9fff]{0,4}结果|拿到结果|知道结果|批不批|批没批|能不能批")
# (and the decision an office must make within its time limit, 「…7个工作日内进行审查，作出是否给予…
# 的决定」, as 《行政许可法》 第四十二条 words it: 「…之日起二十日内作出行政许可决定」)
_TIME_LIMIT = re.compile(r"时限|办结(?![后之以])")  # (not 「抵押登记手续办结后…」: a time after it)
_DECISION = re.compile(r"作出[^，,。；;]{0,16}(?:决定|结论)")  # (「…60个工作日内作出认定结论」)


def time_limit_first(q: Question, candidates: list[Candidate],
                     heading: Callable[[Candidate], str] = lambda c: "") -> list[Candidate]:
    """「申请临时救助，正常要多少天能办下来」 whose best sentence is one step of the service
    (「审核（乡镇7个工作日）→审批…」): a close runner-up of the same document that states the
    service's time limit (「承诺时限：10个工作日」「…10个工作日内办结」, or a length of time under a
    「办理时限」 heading) goes first. Not for a question about one step (「调查核实要多久」)."""
    if q.unit != DURATION_ASKED or not _DONE_ASKED.search(_asking_clause(q.text)) or len(candidates) < 2:
        return candidates
    top = candidates[0]

    def limit(c: Candidate, said: bool, marker: re.Pattern) -> bool:
        # said: the sentence itself states the limit; else its section's heading may (「七、办理流程
        # 及时限」 over each step's own days: a step is no limit of the whole)
        where = c.norm if said else heading(c)
        return bool(durations(c.norm)) and bool(marker.search(where))

    # a stated time limit first; only without one, the decision's (「…7个工作日内…作出…的决定」)
    for marker, said in ((_TIME_LIMIT, True), (_TIME_LIMIT, False), (_DECISION, True)):
        if limit(top, said, marker):
            return candidates
        limits = [c for c in candidates[1:12] if c.source == top.source and limit(c, said, marker) and c.score >= 0.8 * top.score]
        if limits:
            # a service guide states two (「法定时限：20个工作日」「承诺时限：10个工作日」): the promised
            # one is how long it usually takes, the statutory one the longest it may
            promised = [c for c in limits if "承诺" in c.norm] if not _LONGEST.search(q.text) else []
            chosen = (promised or limits)[0]
            return [chosen] + [c for c in candidates if c is not chosen]
    return candidates


def actor_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「材料交到乡镇以后，乡镇那边多少天内审完」: a length of time asked of what the party named before
    那边/这边 does; a best sentence about another party's step (「县（区）民政部门自收到初审材料之日起
    10个工作日内完成审定」) gives way to a close runner-up of the same notice that opens with that
    party and gives a length of time (「乡镇（街道）自受理之日起7个工作日内完成初审」)."""
    said = _ACTOR_ASKED.search(_asking_clause(q.text))
    if q.unit != DURATION_ASKED or said is None or len(candidates) < 2:
        return candidates
    actor = said.group(1)
    opens = lambda c: _ENUMERATOR.sub("", c.norm).startswith(actor) and bool(durations(c.norm))
    return candidates if opens(candidates[0]) else runner_up_first(candidates, opens)


# the party a question's step is asked of: a noun right before 那边/这边 (「乡镇那边」「医院这边」)
_ACTOR_ASKED = re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:那边|这边|那儿|这儿)")
_ENUMERATOR = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）、.．]\s*|第[一二三四五六七八九十\d]+[条项款]\s*)")


_LONGEST = re.compile(r"最多|最长|最晚|最迟|法定|顶多")


def _asking_clause(question: str) -> str:
    """The clause of ``question`` that asks (the last one with a question word): 「在皑湋市做完驾驶人
    体检，这张证明多久内有用」 asks how long the paper is valid, not how long the check takes; 做完 is
    the asker's situation."""
    parts = [p for p in re.split(r"[，,；;。！!]", question) if _QUESTION_WORD.search(p)]
    return parts[-1] if parts else question


_QUESTION_WORD = re.compile(r"多久|多长|多少|几|什么|哪|吗|么|呢")


def ranged_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「交了7年失业保险，失业金最多能领几个月」 whose best sentence gives no range holding the
    question's figure: a close runner-up of the same document whose range holds it (「满5年不足10年
    的，最长领取18个月」) and that gives a figure in the asked unit goes first."""
    # (「一年最多能报几个」: a period, not the asker's figure)
    said = _PERIOD.sub("", q.text)
    # (a length of time is asked as a figure too: 「工作了12年，一年能休几天年假」; and a yes or no
    # of a table's row: 「合同额250万的小工程，要交保证金吗」 → 「300万元以下｜免于存储」)
    # (and who or where, by a table's row: 「要砍3公頃的林子，要送哪個單位審」 → 「1—5公頃｜本府農業處｜30日」)
    # (and a thing of the asked kind: 「怀孕17周，这时候该做哪项筛查」 → 「孕15—20周+6天｜孕中期血清学筛查」)
    by_row = q.qtype in ("which", "where", "who") or (q.qtype == "fact" and bool(q.kind))  # (by a row alone: not 「2002年3月至2002年4月任…」 for 「1998年…担任什么职务」)
    # (and how a charge is reckoned, 「超出144平的那部分暖气费怎么算」, when the best row's range misses
    # the asker's figure: 「…（建筑面积144平方米及以下部分）｜…」)
    asked = (q.wants_number or q.unit == DURATION_ASKED or by_row
             or (q.qtype == "yesno" and bool(candidates) and _CELLS.search(candidates[0].text))
             or (q.qtype == "fact" and bool(candidates) and _CELLS.search(candidates[0].text) is not None
                 and range_fit(candidates[0].norm, said) == -1))
    if not asked or len(candidates) < 2 or (range_fit(candidates[0].norm, said) == 1 and (
            q.qtype == "yesno" or _gives_asked(q, without_ranges(candidates[0].norm)))):
        return candidates  # (a range that holds the figure and gives nothing asked beside it, 「人均月收入
        # 低于3600元」 for 「人均月收入1200块，每平米能补多少」, is who may apply, not what they get)
    top = candidates[0]
    # (a row in place of a best row whose range holds the figure too is no better: 「卖烟给17岁的学生」
    # keeps 「供应烟品予未满20岁者｜贩卖者｜…罚锾」 before 「未满20岁者吸烟｜吸烟者本人｜…」)
    held = range_fit(top.norm, said) == 1
    # (a table's row further down: 「今年92岁了，每个月能拿多少」 → 「90—99周岁｜300元」, the 15th, below
    # the lines on who may apply that say 高龄津贴 again; a row has few words to rank by)
    for i, cand in enumerate(candidates[1:30], 1):
        if (cand.source == top.source and cand.score >= 0.8 * top.score and range_fit(cand.norm, said) == 1
                and (i < 6 or _CELLS.search(cand.text))
                # (a row in place of a row: the same columns, whatever unit they give 「契税按多少算」 in)
                and ((_gives_asked(q, without_ranges(cand.norm)) and not by_row)
                     or ((by_row or _CELLS.search(top.text)) and _CELLS.search(cand.text) and not held))):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def bounded_first(q: Question, candidates: list[Candidate], title_line: Callable[[str], str] = lambda source: "") -> list[Candidate]:
    """「我今年61岁了，还能申请不」 whose best sentence bounds no measure the asker gives a figure
    in: a close runner-up of the same document that does, held or missed (「年龄在60周岁以下」),
    goes first: whether the figure is in the bound is the answer."""
    if (q.qtype != "yesno" or len(candidates) < 2 or range_fit(candidates[0].norm, q.text) != 0
            or condition_said(q, candidates[0].norm, title_line(candidates[0].source))):
        return candidates
    top = candidates[0]
    for cand in candidates[1:6]:
        if cand.source == top.source and cand.score >= 0.8 * top.score and range_fit(cand.norm, q.text) != 0:
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def untitled_first(q: Question, candidates: list[Candidate], title: Callable[[str], str]) -> list[Candidate]:
    """「換瓦斯管時順便把熱水器搬到外面，還有多補嗎」 whose best sentence is the notice's title
    (``title``: a document's first line): a title says what the notice is about, not yes or no;
    the close runner-up of the same notice goes first."""
    if q.qtype != "yesno" or len(candidates) < 2:
        return candidates
    top, runner = candidates[0], candidates[1]
    if top.norm.strip("。 ") == title(top.source) and runner.source == top.source and runner.score >= 0.8 * top.score:
        return [runner, top, *candidates[2:]]
    return candidates


# a street address (「滨河大道9号」「地址：」「3号楼」)
ADDRESS = re.compile(r"[路街巷道里弄]\s*\d+\s*号|地址\s*[:：]|\d+\s*号(?:楼|院|大厦)")
_ADDRESS_REACH = 6  # (any close line scored nearly as well: 「经办地点：…（…人民南路155号）」 fourth)
_ADDRESS_TIE = 0.9  # of the best sentence's score, at least


def addressed_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「技能补贴想去窗口当面办，在什么地方」 whose best sentence names no address (「请向参保所在地
    就业服务机构申请」): a runner-up of the same notice scored nearly as well that gives a street
    address (「窗口办理：…政务服务中心二楼…（…滨河大道9号）」) goes first."""
    if q.qtype != "where" or len(candidates) < 2 or ADDRESS.search(candidates[0].norm):
        return candidates
    top = candidates[0]
    for cand in candidates[1:_ADDRESS_REACH]:
        if cand.source == top.source and cand.score >= _ADDRESS_TIE * top.score and ADDRESS.search(cand.norm):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


# an extra sum asked (「低保户能多拿多少」「额外还给钱不」), not 「最多补多少」「顶多给多少」 (a cap), and
# a raise stated (「在上述标准基础上每户再增加300元」「每户另行补助400元」)
# (and a payment on top: 「加急办理要多交多少钱」, stated as a surcharge, 「超出部分加收50%」; or a deposit
# or payment added, 增 with its verb: 「每设立一个分社…应增存质量保证金5万元」「增缴」)
_EXTRA_ASKED = re.compile(r"(?<![最顶至])多[给发补领拿交缴付掏]|加发|额外|另外|加钱|加多少|提高多少|上浮多少|往上加|能多|多一些|多一点|多点")
EXTRA_STATED = re.compile(r"另|再[加给补增提发上]|加发|加收|多发|上浮|提高|增加|额外|加码|增发|增[存缴交拨补]|翻倍|上调|叠加|加计|倍")
_CAP_ASKED = re.compile(r"最多|最高|顶多|至多|上限|封顶")
_NO_EXTRA = re.compile(r"(?:不用|不必|无需|无须|不需要?|免)$")
FINE_ASKED = re.compile(r"罚|违约金|滞纳金|赔")  # a fine or a sum owed asked
_OWED = re.compile(r"违约金|滞纳金")  # a sum owed for a breach or for lateness


def asks_extra(q: Question) -> bool:
    """「低保户改厕所的补贴能多拿多少」: a sum on top of the standard one; not a cap (「额外那个更新
    补贴最多能拿多少」) nor a fine's surcharge (「罚款拖着没交，每天要加多少」, which a fine's rules
    state their way)."""
    # (nor what costs nothing extra, 「行李多重以内不用另外交钱」: the extra is negated, not asked)
    return (any(not _NO_EXTRA.search(q.text[max(0, m.start() - 3) : m.start()]) for m in _EXTRA_ASKED.finditer(q.text))
            and (q.wants_number or q.qtype in ("yesno", "calc"))
            and not FINE_ASKED.search(q.text) and not _CAP_ASKED.search(q.text))


def raised_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「我家是低保户，改厕所的补贴能多拿多少」 whose best sentence names the asker's group but no
    raise (「…清掏费用，脱贫户、低保户免费」): a close runner-up of the same notice that states a
    raise with a figure (「脱贫户、低保户…在上述标准基础上每户再增加300元」) goes first."""
    if len(candidates) < 2 or not asks_extra(q) or EXTRA_STATED.search(candidates[0].norm):
        return candidates
    top = candidates[0]
    if range_fit(top.norm, q.text) == 1:
        # 「低保户家里有位75岁的老人，每个月能多领多少」: the row whose range holds her age, unless a close
        # line raises the sum for a bound her age reaches too (「过了70岁，还额外有多少」: 「…年满70周岁的，
        # 另发放护理补贴每人每月200元」, not the row 「60周岁及以上｜每人每月1030元」)
        return runner_up_first(candidates, lambda c: bool(
            EXTRA_STATED.search(c.norm) and numerals(c.norm) and range_fit(c.norm, q.text, bounds=True) == 1
            and not _CELLS.search(c.text)))
    return runner_up_first(candidates, lambda c: bool(EXTRA_STATED.search(c.norm) and numerals(c.norm)))


_RAISE_REACH, _RAISE_TIE = 6, 0.9


def runner_up_first(candidates: list[Candidate], fits: Callable[[Candidate], bool],
                    reach: int = _RAISE_REACH, tie: float = _RAISE_TIE) -> list[Candidate]:
    """The first close runner-up (among the ``reach`` best, scoring ``tie`` of the best one or
    more) of the best sentence's document that ``fits`` goes first; else the order stands."""
    top = candidates[0]
    for cand in candidates[1:reach]:
        if cand.source == top.source and cand.score >= tie * top.score and fits(cand):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def base_case_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「把老年卡借给邻居用被查到了，会有什么后果」 whose best sentence is the graver case (「情节严重的，
    注销优惠卡且2年内不得重新办理」, agent/lexicon/graver_cases.txt): a close runner-up of the same
    notice that sets the plain case (「发现转借、冒用的，…暂停该卡优惠功能6个月」) goes first, unless
    the question says the graver case itself."""
    if len(candidates) < 2 or any(w in q.text for w in _GRAVER):
        return candidates
    top = candidates[0]
    graver = lambda c: any(w in condition(c.norm) for w in _GRAVER)
    if not graver(top):
        return candidates
    for cand in candidates[1:4]:
        if cand.source == top.source and cand.score >= _CLOSE * top.score and not graver(cand) and condition(cand.norm):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_GRAVER = words("graver_cases")


def per_asked_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「化粪池满了叫乡里的队来抽，抽一次多少钱」 whose best sentence states a sum per another thing
    (「三格式化粪池｜每户1500元」): a close runner-up of the same notice that states a figure per the
    asked one (「…按每次50元的标准收取清掏费用」) goes first. The measure word after 一 or 每 before
    the question word of its clause (次, 趟, 户, 人, 台…) is what the sum is counted per."""
    asked = _PER_ASKED.search(q.text)
    if not q.wants_number or asked is None or len(candidates) < 2:
        return candidates
    per = re.compile("每" + re.escape(asked.group(1)) + r"[^，,。；;]{0,8}?\d")
    top = candidates[0]
    if "每" + asked.group(1) in top.norm:
        return candidates  # (「每件应缴纳审查费新台币500元」 states it, however far its figure)
    return runner_up_first(candidates, lambda c: per.search(c.norm) is not None)


def granted_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「退役军人第一次出来创业，一次性补贴能给多少钱」 whose best sentence gives a sum of another grant
    (「…再给予5000元奖励」, agent/lexicon/giving_verbs.txt: 补贴 补助 奖励 资助…) and none of the
    asked one: a close runner-up of the same notice that gives a sum of the asked grant (「一次性创业
    补贴：…每人给予8000元」) goes first."""
    asked = [g for g in _GRANTS if g in q.text]
    if not q.wants_number or len(asked) != 1 or len(candidates) < 2:
        return candidates
    top = candidates[0]
    if asked[0] in top.norm or not any(g in top.norm for g in _GRANTS):
        return candidates
    return runner_up_first(candidates, lambda c: asked[0] in c.norm and any(q.unit_fits(f.text) for f in figures(c.norm)))


_GRANTS = tuple(w for w in words("giving_verbs") if len(w) >= 2)  # 补助 补贴 资助 奖励…


# 「抽一次多少钱」「每户能补多少」: a sum asked per one of a measure word (the one-character units of
# agent/lexicon/asked_units.tsv, 次 among them; not money), in the clause of the question word
_MEASURE_WORDS = "".join(sorted({u for k, v in table("asked_units").items() for u in (k, *v)
                                 if len(u) == 1 and "\u4e00" <= u <= "\u9fff" and u not in "元钱"}))
_PER_ASKED = re.compile(r"(?<![\d一二两三四五六七八九十几])[一每]个?([" + _MEASURE_WORDS + r"])[^，,。；;？?]{0,6}?(?:多少|几)")


def periodic_first(q: Question, candidates: list[Candidate], heading: Callable[[Candidate], str]) -> list[Candidate]:
    """「本科生去当兵，学费每年最多能补多少」 whose best sentence gives a sum paid once (「给予一次性
    奖励：本科…每人8000元」): a close runner-up of the same notice that states a figure by the asked
    period, in its own words or its table's header (「本科｜20000元」 under 「学历层次｜每生每年最高金额」),
    goes first. ``heading`` gives a table row's header line."""
    period = asked_period(q)
    if (not q.wants_number or period not in RATE_PERIODS or ONE_OFF in q.text or len(candidates) < 2
            or ONE_OFF not in candidates[0].norm or stated_periods(candidates[0].norm)):
        return candidates
    top = candidates[0]
    # (that names the sum the question asks of, when the best sentence does: not 「特别扶助…｜每人每月
    # 720元」 for 「每个月有多少奖励金」 over 「…一次性发放奖励金3000元」, another sum by the month)
    named = [a for a in q.asked if a in top.norm]
    for cand in candidates[1:_RAISE_REACH]:
        said = f"{normalize_query(heading(cand))} {cand.norm}"
        if (cand.source == top.source and ONE_OFF not in cand.norm and re.search(r"\d", cand.norm)
                and period in stated_periods(said) and all(a in said for a in named)):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


RATE_PERIODS = frozenset({"月", "年", "季度"})  # a sum asked by these is no sum paid once (the period refusal too)
ONE_OFF = "一次性"


def told_year_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「我们小区2008年盖的，一般能报吗」 whose best sentence says how to apply: a close runner-up of
    the same document whose range of years holds the asker's year (「2006年1月1日以后建成的小区原则上
    不纳入本轮补助范围」) goes first."""
    years = [int(y) for y in told_years(q.text)]
    if not years or len(candidates) < 2 or any(year_in_range(y, candidates[0].norm) for y in years):
        return candidates
    top = candidates[0]
    for cand in candidates[1:6]:
        if cand.source == top.source and cand.score >= 0.8 * top.score and any(year_in_range(y, cand.norm) for y in years):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def deadline_act_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「公司最晚多少天内要去报工伤认定」: a length of time within which something must be done is
    asked of that act, the words after 多少天内; of the close candidates of the best one's document,
    the one whose words after its length of time (「…之日起30日内提出工伤认定申请」) say most of
    the act goes first, phrases of two of the question's words in a row counting again (not
    「自作出决定之日起20日内，将《认定工伤决定书》…送达」, which says 认定 and 工伤 apart)."""
    asked = _WITHIN_ASKED.search(q.text)
    if q.unit != DURATION_ASKED or asked is None or len(candidates) < 2:
        return candidates
    act = q.text[asked.end():]
    words = [t for t in q.terms if len(t) >= 2 and t in act and t not in q.names]
    if not words:
        return candidates
    phrases = [a + b for a, b in pairwise(words) if a + b in act]
    # the event the question counts from (「出生後幾天內去申請」: 出生), which a sentence counting from
    # the same one names right before its length of time (「應於新生兒出生之日起60日內…申請」), not
    # another's (「本府應於受理之日起30日內核定，並將獎勵金撥入…」, however much of the act it says)
    before = q.text[:asked.start()]
    event = _AFTER_EVENT.search(before)
    events = [t for t in q.terms if len(t) >= 2 and event is not None and before[:event.start()].endswith(t)]

    def said(c: Candidate) -> int:
        found = durations(c.norm)
        after = c.norm[found[0].end:] if found else ""
        if _BANNED_FOR.match(after):
            return 0  # 「5年内不得再申领技能提升补贴」: how long one may not, no time to act within
        if found and not (_LIMIT_AFTER.match(after) or _counted_from(c.norm)):
            return 0  # 「50年以上｜工程總經費…」: a bound of a row's range, no time to act within
        # (not a word that is the first part of an agent noun: 「申请人银行账户」 says no 申请)
        counted_from = c.norm[max(0, found[0].start - _EVENT_REACH):found[0].start] if found else ""
        return (sum(len(w) for w in (*words, *phrases) if re.search(re.escape(w) + "(?!人)", after))
                + _EVENT_WEIGHT * any(e in counted_from for e in events))

    top = candidates[0]
    close = [c for c in candidates[:5] if c.source == top.source and c.score >= 0.8 * top.score]
    if _AFTER_EVENT.search(q.text[:asked.start()]) and not _counted_from(top.norm):
        # 「出事以后多久之内申请」: a length of time counted from an event (「应于事实发生之日起三个月内
        # 为之」), not a period with no start (「同一户一年内申请…合计不得超过六万元」, a cap's window)
        counted = next((c for c in close if _counted_from(c.norm)), None)
        if counted is not None:
            return [counted] + [c for c in candidates if c is not counted]
    best = max(close, key=said, default=top)
    return candidates if said(best) <= said(top) else [best] + [c for c in candidates if c is not best]


_EVENT_REACH, _EVENT_WEIGHT = 8, 10

# the question counts its time from an event (「出院以后」「拿到证之后」「出生后」), right before the
# question word; a sentence counts its length of time from one (「自…之日起」「出生后28日内」)
_AFTER_EVENT = re.compile(r"(?:以后|之后|以後|之後|后)\s*(?:最晚|最迟|最多|最长|大概|大约|要|得|需要|必须|应该|应当)?\s*$")
_FROM_EVENT = re.compile(r"(?:之日起|日起|起|以后|之后|后)\s*$")


def _counted_from(norm: str) -> bool:
    """The sentence's first length of time counts from an event: 「…之日起30日内」「出生后28日内」."""
    found = durations(norm)
    return bool(found) and _FROM_EVENT.search(norm[max(0, found[0].start - 4):found[0].start]) is not None



def bound_first(q: Question, candidates: list[Candidate], sentences: Callable[[str], list[Candidate]],
                coverage: Callable[[Candidate], tuple[float, tuple[str, ...]]],
                text: Callable[[str], str], title: Callable[[str], str] = lambda source: "") -> list[Candidate]:
    """「我今年62了，还能考网约车资格证吗」「驾照刚拿两年，能报吗」 whose best sentence states no bound
    of a measure the asker gives a figure in: the sentence of its document that states one
    (「年龄不超过60周岁」「具有3年以上驾驶经历」), the one that covers most of the question, goes first,
    whether the figure is inside the bound (yes) or not (no); a best sentence whose bound misses the
    figure gives way to the other case of its rule on its line that holds it. Not a date's year
    (「2019年10月生的」). ``coverage`` gives a sentence's share of the question and the words it
    says; ``text`` a document's text."""
    fit = bound_fit(q, candidates[0].norm) if candidates else 1
    if fit == 1 or (fit == 0 and (q.qtype != "yesno" or condition_said(q, candidates[0].norm, title(candidates[0].source)))):
        return candidates  # (a question of another type: only a best sentence whose bound misses the figure)
    top = candidates[0]
    if fit == -1:
        # the bound misses the figure (「开学后1个月内申请停乘的，退还…50%」 for 「开学两个月了」): the
        # other case of its rule, on the same line, that holds it answers (「超过1个月申请的，不予退费」),
        # when it says all the question's words the best sentence says outside the clause of its bound
        # (not 「申请人年满18周岁」 for 「单身人员申请的，须年满30周岁」 and 「我单身，今年27岁」)
        bound_clause = next((part for part in re.split(r"[，,；;。]", top.norm) if bound_fit(q, part)), "")
        # (not a preposition or other function word, LAC's: 「由哪个单位批」's 由)
        function = {t.text for t in entities.tokens(q.text) if t.tag in entities.FUNCTION_TAGS}
        # (the words of the clauses before it, the case's other conditions; not those of the rule's
        # consequence after it, 「10万元以上的，可由1名…退役军人创业者提供保证」)
        before = top.norm[: top.norm.find(bound_clause)] if bound_clause else top.norm
        kept = [t for t in coverage(top)[1] if t in before and t not in bound_clause and t not in function]
        cases = [c for c in _same_line(sentences(top.source), top, text(top.source)) if bound_fit(q, c.norm) == 1]
        bounded = [(share, c) for c in cases for share, says in [coverage(c)] if all(t in says for t in kept)]
        # a table row's other cases are the rows of its table (「未满6年｜免予上线检测」 for 「上牌8年了」:
        # 「6年以上不满10年｜…」), whatever words each row says
        bounded = bounded or [(coverage(c)[0], c) for c in _same_table(sentences(top.source), top, text(top.source))
                              if bound_fit(q, c.norm) == 1]
    else:
        bounded = [(coverage(c)[0], c) for c in sentences(top.source) if bound_fit(q, c.norm) != 0]
    if not bounded:
        return candidates
    covered, best = max(bounded, key=lambda pair: pair[0])
    best = replace(best, rank=top.rank, dense=top.dense, coverage=covered, score=top.score, covered=top.covered)
    return [best] + [c for c in candidates if (c.source, c.start) != (best.source, best.start)]


def _same_table(sentences: list[Candidate], top: Candidate, text: str) -> list[Candidate]:
    """The other rows of the table (lines with 「｜」 side by side) whose row ``top`` is."""
    start, end = _line_of(text, top.start, top.end)
    if "｜" not in text[start:end]:
        return []
    while start > 0 and "｜" in text[slice(*_line_of(text, start - 1, start - 1))]:
        start = _line_of(text, start - 1, start - 1)[0]  # (the line above is a row too)
    while end < len(text) and "｜" in text[slice(*_line_of(text, end + 1, end + 1))]:
        end = _line_of(text, end + 1, end + 1)[1]  # (and the line below)
    return [c for c in sentences if start <= c.start and c.end <= end and c.start != top.start and "|" in c.norm]


def _same_line(sentences: list[Candidate], top: Candidate, text: str) -> list[Candidate]:
    """The other sentences of ``top``'s line of ``text``."""
    start, end = _line_of(text, top.start, top.end)
    return [c for c in sentences if start <= c.start and c.end <= end and c.start != top.start]


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the line of ``text`` that holds ``start``…``end`` begins and ends (before its newline)."""
    stop = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if stop < 0 else stop


def bound_fit(q: Question, sentence: str) -> int:
    """1 when a bound of the sentence (「年龄不超过60周岁」「满1年」「3年以上」) holds a figure the
    question gives in its measure (not a date's year), −1 when its bounds all miss them, 0 when it
    states none."""
    asked = as_counted(_DATE.sub(" ", _PERIOD.sub("", q.text)))
    # (days in hours as well: 「占了两天路」 is within 「不超过72小时的，免收」)
    hours = "".join(f" {float(n) * 24:g}小时" for n in _DAYS.findall(asked))
    # (and months in years: 「才成立8个月」 misses 「注册登记满1年」)
    years = "".join(f" {float(n) / 12:g}年" for n in _MONTHS.findall(asked))
    return range_fit(sentence, asked + hours + years, bounds=True)


_DAYS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*天")
_MONTHS = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*个月")


# a date's year, month and day, which are no measure (「2019年10月生的」)
_DATE = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]")


def weekday_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「二手车市场那个服务站，礼拜一去能办过户吗」 whose best sentence names no day of the week: the
    close sentence of its notice that names the asked day, by any of its names (「周一全天停止对外
    办理」), or a run of days that holds it (「周二至周日9:00—17:00」), goes first."""
    asked = days_named(q.text)
    if not asked or len(candidates) < 2 or days_named(candidates[0].norm):
        return candidates
    top = candidates[0]
    said = [c for c in candidates[1:_WEEKDAY_REACH] if c.source == top.source and asked & days_named(c.norm)]
    # (one that names the day itself before one whose run holds it)
    said.sort(key=lambda c: not asked & days_named(c.norm, runs=False))
    return candidates if not said else [said[0]] + [c for c in candidates if c is not said[0]]


_WEEKDAY_REACH = 8
# the days of the week by their names (星期一 礼拜一 周一 週一, 周日 星期天, 周末), 1–7
_DAY = r"(?:星期|礼拜|周|週)([一二三四五六日天末])(?![次个])"  # (not 「每周一次」)
_DAY_NUMBER = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_DAY_RUN = re.compile(_DAY + r"\s*(?:至|到|—|－|-|~|～)\s*" + _DAY.replace("(?:星期|礼拜|周|週)", "(?:星期|礼拜|周|週)?"))


def days_named(text: str, runs: bool = True) -> set[int]:
    """The days of the week ``text`` names (「周末」: 6 and 7), with those of its runs (「周二至周日」)
    unless ``runs`` is false."""
    days: set[int] = set()
    if runs:
        for first, last in _DAY_RUN.findall(text):
            if first in _DAY_NUMBER and last in _DAY_NUMBER and _DAY_NUMBER[first] <= _DAY_NUMBER[last]:
                days.update(range(_DAY_NUMBER[first], _DAY_NUMBER[last] + 1))
        text = _DAY_RUN.sub(" ", text)
    for day in re.findall(_DAY, text):
        days.update((6, 7) if day == "末" else (_DAY_NUMBER[day],))
    return days


def applied_at_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「生育獎勵金要到哪個單位去申請」「申报电商补助，材料先交给谁」 whose best sentence says no
    office the act is done at (「四、申請人名下金融機構存摺封面影本」): the close sentence of its
    notice that says to whom or where one does it (「應於…60日內，向戶政事務所提出申請」「申报主体…向
    所在乡镇人民政府提交申报材料」) goes first."""
    if q.qtype not in ("where", "which", "who") or not _ACT_ASKED.search(q.text) or len(candidates) < 2:
        return candidates
    top = candidates[0]
    # (nor when it gives where already: an address or a labelled place, 「受理地点：…」「受理窗口：…」)
    if _APPLIED_AT.search(top.norm) or ADDRESS.search(top.norm) or _PLACE_LABEL.search(top.norm):
        return candidates
    said = next((c for c in candidates[1:_APPLIED_REACH] if c.source == top.source and _APPLIED_AT.search(c.norm)), None)
    return candidates if said is None else [said] + [c for c in candidates if c is not said]


_APPLIED_REACH = 10
_PLACE_LABEL = re.compile(r"(?:地点|窗口|地址|大厅)[:：]|\d+号?窗口|\d+室")
# the act asked (「去申請」「交给谁」「到哪报名」), and a sentence that names where or to whom it is
# done: 向/到 an office (agent/lexicon/organisation_heads.tsv: office-end, or a government) and the act
_ACT_ASKED = re.compile(r"申请|申报|报名|交给|递交|提交|交到|办理")
_APPLIED_AT = re.compile(r"(?:向|到|至)[^，,。；;:：]{1,20}?(?:" + "|".join((*OFFICE_HEADS, "政府", "委员会"))
                         + r")[^，,。；;]{0,4}?(?:提出|申请|申报|办理|提交|递交|报名|报送)")


def office_phone_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「租金补贴想打电话问住宅科，要打几号」 whose best sentence is another line's number (「或拨打租金
    补贴专线：0800-211-338」): the close line of the same notice that names the office the question
    names and gives a number (「住宅科：(03)5512306」) goes first."""
    offices = offices_named(q)
    if not offices or not (asked_contact(q) or _DIAL_ASKED.search(q.text)) or len(candidates) < 2:
        return candidates
    top = candidates[0]
    names = lambda c: any(o in c.norm for o in offices)
    if names(top):
        return candidates
    line = next((c for c in candidates[1:10] if c.source == top.source and names(c) and _DIALLED.search(c.norm)), None)
    return candidates if line is None else [line] + [c for c in candidates if c is not line]


# a question that asks a number to dial (「要打几号」「拨哪个号码」), and a line's number
_DIAL_ASKED = re.compile(r"(?:打|拨|撥)(?:几号|哪个号|哪支|什么号|多少)|电话|号码")
_DIALLED = re.compile(r"\d{3,4}-\d{7,8}|[(（]\d{2,4}[)）]\s*\d{6,8}|(?<!\d)\d{7,8}(?!\d)")


def row_named_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「计生奖励扶助…满了60岁一年能领多少」 whose best sentence is a table row another name heads
    (「特别扶助｜…60周岁及以上｜每人每月800元」): a close runner-up of the same table whose first
    cell the question says (「奖励扶助｜60周岁及以上｜每人每年1080元」) goes first."""
    if len(candidates) < 2:
        return candidates
    top = candidates[0]
    counted = set(_HEADCOUNT.findall(as_counted(q.text)))

    def named(c: Candidate) -> bool:
        # (or by the number of people it counts: 「两个未成年小孩」 names 「育有未成年子女2名」)
        head = _first_cell(c.norm)
        return len(head) >= 2 and (head in q.text or bool(counted & set(_HEADCOUNT.findall(head))))

    spoken = as_counted(q.text)
    figured = next((c for c in candidates[1:_ROWS_DEEP] if c.source == top.source and c.score >= _FIGURE_NAMED * top.score
                    and _CELLS.search(c.text) and _FIGURE_HEAD.fullmatch(head := _first_cell(c.norm))
                    and head in spoken and head not in top.norm), None)
    if figured is not None:
        # 「創業貸款到第三年，利息還補多少」: the row 「第3年｜補貼二分之一」 however far down (a row has
        # few words to rank by), when its first cell is a figure the question says (in digits)
        return [figured] + [c for c in candidates if c is not figured]
    if not _CELLS.search(top.text):
        # (nor a sentence that does not say the row the question names: 「住进三级医院看病，能报百分之
        # 多少」 → 「三级医院｜1000元｜60%」, not the clinic's 「…门诊费用报销比例为55%」)
        # (nor, for a when-question, a row without a time over a sentence that tells one: 「家庭农场奖补
        # 最晚哪天之前要报上去」 is 「申报时间：…至2026年5月20日」, not 「家庭农场｜…｜每家5万元」)
        dated = q.qtype == "when" and TIME.search(top.norm) is not None
        # (a row may sit below the lines that say the notice's words again: its basis, its subject)
        row = next((c for c in candidates[1:_ROW_REACH] if c.source == top.source and c.score >= _CLOSE * top.score
                    and _CELLS.search(c.text) and named(c) and _first_cell(c.norm) not in top.norm
                    and not (dated and not TIME.search(c.norm))), None)
        return candidates if row is None else [row] + [c for c in candidates if c is not row]
    if named(top):
        return candidates
    for cand in candidates[1:4]:
        if cand.source == top.source and cand.score >= 0.95 * top.score and _CELLS.search(cand.text) and named(cand):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def row_item_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「低保户老人…最多给补多少钱」 whose best sentence is a table row that names a category the
    question's words are only part of (「二档｜低保边缘家庭失能、半失能老年人｜4500元」): a close
    runner-up of the same table with an item the question says more of (「一档｜特困供养老年人、
    低保家庭老年人｜6000元」) goes first. An item is a cell's part between 、 or ，, read for the share
    of its characters the question has."""
    if len(candidates) < 2 or not _CELLS.search(candidates[0].text):
        return candidates
    top, said = candidates[0], set(q.text)
    mine = _item_share(top.norm, said)
    # (not a row of another of the asked level's group: 「区外、省内｜45元」 for 「转到外省住院」)
    best = max((c for c in candidates[1:6] if c.source == top.source and c.score >= _CLOSE * top.score
                and _CELLS.search(c.text) and not other_level(q.text, c.norm)), key=lambda c: _item_share(c.norm, said), default=top)
    share = _item_share(best.norm, said)
    # (rows that tie, 「中低收入戶長者｜60元」 and 「低收入戶長者｜80元」 for 「低收入戶的阿公」: the item with
    # fewer characters the question does not say)
    margin = _ITEM_TIE_MARGIN if best.score >= _ITEM_TIE * top.score else _ITEM_MARGIN
    return [best] + [c for c in candidates if c is not best] if share >= 0.5 and share >= mine + margin else candidates


_ITEM_MARGIN, _ITEM_TIE, _ITEM_TIE_MARGIN = 0.2, 0.99, 0.05


def _item_share(row: str, said: set[str]) -> float:
    """The largest share of an item's characters that ``said`` holds, over the row's cells that
    name (no figure in them), items of two characters or more."""
    # (a bracket's qualifier is an item of its own: 「中蜂存栏补助（规模场）」 names 中蜂存栏补助 as fully
    # as 「中蜂存栏补助」 does)
    items = [i for cell in re.split(r"\s*[|｜\t]\s*", unnumbered(row).strip()) if not re.search(r"\d", cell)
             for i in re.split(r"[、，,；;（）()]", cell) if len(i) >= 2]
    return max((sum(ch in said for ch in i) / len(i) for i in items), default=0.0)


# a number of people, by any of the measure words that count them (「2名」「2个」「2人」「2位」)
# (not a length of time: 「2个工作日」「3个月」)
# a first cell that is a figure with its measure word (「第3年」「60周岁」), not a row's serial number
_FIGURE_HEAD = re.compile(r"第?\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{1,3}")
_ROW_REACH = 6  # candidates searched for a row the question names, under a best sentence that is none
_ROWS_DEEP = 16  # candidates searched for a row the question names by a figure
_FIGURE_NAMED = 0.85  # of the best sentence's score, at least
_HEADCOUNT = re.compile(r"(\d+)\s*(?=[名人位]|个(?!工作日|月|小时|星期|季度|百分点))")


def _first_cell(row: str) -> str:
    return re.split(r"\s*[|｜\t]\s*", unnumbered(row).strip(), maxsplit=1)[0]


def _gives_asked(q: Question, text: str) -> bool:
    """A figure in the asked unit, and in the units of the asked quantity when the question names
    one (「能拿多少高龄津贴」: a sum of money, not the 「满3年」 of 「年满80周岁及以上」)."""
    quantities = _quantities(q)
    if _CELLS.search(text) and _BARE_CELL.search(text):
        return True  # a table's row holds a bare figure in its header's unit (「第二阶梯｜180—260立方米｜4.80」)
    if _RATE_ASKED.search(q.text) and _RATE_GIVEN.search(text):
        return True  # 「保障金按多少交」: the basis it is paid on, 「按应缴费额的50%征收」
    return any(q.unit_fits(f.text) for f in numerals(text)) and (
        not quantities or any(in_unit_of(n, text) for n in quantities))


# 「一年」「一个月」「每年」 of a question: the period something is counted over
_PERIOD = re.compile(r"(?<![\d一二三四五六七八九十百两])(?:一个?|每)(?=[年月天日周])")


def situation_first(q: Question, candidates: list[Candidate], lead: Callable[[Candidate], str],
                    title_line: Callable[[str], str], term_weight: Callable[[str], float]) -> list[Candidate]:
    """「我在事业单位有编制，能领这个补贴吗」 whose best sentence is an item of a list (「有下列情形
    之一的，不予发放补贴：」): of its close siblings, the item that holds most of the asker's
    situation (the question's words but the names, the asker's own people (「孩子」, which a
    sibling's 「子女」 would match) and what the lead or the title says:
    「（三）机关事业单位在编人员」) goes first, not one that only says the asked 补贴 again."""
    if q.qtype != "yesno" or len(candidates) < 2:
        return candidates
    top = candidates[0]
    top_lead = lead(top)
    if not top_lead or range_fit(top.norm, q.text) != 0:
        return candidates  # (「我今年62岁，还能报名吗」 of 「2. 年龄在18—60周岁之间…」: the bound answers)
    said = f"{normalize(top_lead).text} {title_line(top.source)}"
    situation = [t for t in q.terms if len(t) >= 2 and t not in q.names and not is_personal(t) and not term_credit(t, said)]
    held = lambda c: sum(term_weight(t) * term_credit(t, c.norm) for t in situation)
    siblings = [c for c in candidates[1:6] if c.source == top.source and c.score >= 0.8 * top.score and lead(c) == top_lead]
    best = max(siblings, key=held, default=None)
    if best is None or held(best) <= held(top):
        return candidates
    return [best] + [c for c in candidates if c is not best]


def counted_by_stem(noun: str, sentence: str) -> bool:
    """The sentence counts by the stem of the asked thing's name (`suffix_stem`: 「箱子」, 「每箱40元」)."""
    stem = suffix_stem(noun)
    return bool(stem) and re.search(rf"(?:每|[\d一二两三四五六七八九十]){stem}", sentence) is not None


def states_total(q: Question, text: str) -> bool:
    """The question asks a sum and ``text`` states a total in the asked unit: the notice's own
    sum answers, no sum of its parts is computed."""
    if not SUM_ASKED.search(q.text):
        return False
    return any(not q.unit or q.unit_fits(f.text) for m in TOTAL_STATED.finditer(text)
               for f in numerals(text[m.end() - 1 : m.end() + 16])[:1])


def stated_total_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """「这回停水一共要停多长时间」 whose best sentence gives another length of time (「计划停水超过
    24小时的，免收…水费」): a close runner-up of the same document that states the total asked
    (「…停水时间共计36小时」) goes first."""
    if q.qtype != "calc" or len(candidates) < 2 or states_total(q, candidates[0].norm):
        return candidates
    top = candidates[0]
    for cand in candidates[1:4]:
        # (a total the notice states is the sum asked, 「公司和个人加起来」 of 「单位和职工月缴存额合计…」,
        # even a little below a sentence of one part)
        if cand.source == top.source and cand.score >= _TOTAL_TIE * top.score and states_total(q, cand.norm):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_TOTAL_TIE = 0.85


def stated_cap_first(q: Question, candidates: list[Candidate], sentences: Callable[[str], list[Candidate]],
                     coverage: Callable[[Candidate], float]) -> list[Candidate]:
    """「外贸公司一年参展补贴封顶多少」 whose best sentences state no cap (「…上年度进出口额在4500万美元
    以下」): the sentence of the best document that puts the asked bound (agent/lexicon/clause_cues.tsv:
    upper-bound or lower-bound, asked by a limit word) right before a figure in the asked unit and
    names what is asked (「（四）单个企业年度补贴总额不超过30万元。」), the one that covers most of
    the question, goes first. Not when one of the three best states such a bound: `capped_first`
    weighs those."""
    if q.qtype != "number" or len(candidates) < 2:
        return candidates
    asked = [bound for bound in BOUNDS if any(w in q.text for w in bound if w in LIMIT_WORDS)]
    # (in the asked unit, or in 元 for a sum of money asked by its name: 「补贴封顶多少」)
    fits = q.unit_fits if q.unit else (lambda f: f.endswith("元")) if any(sum_of_money(n) for n in q.asked) else None
    if len(asked) != 1 or fits is None:
        return candidates
    words_of = asked[0]

    def states(c: Candidate) -> bool:
        # (「不得超过」 is 「不超过」 in a rule's voice; 「可处5万元以下罚款」 puts it after the figure)
        return any(fits(f.text) and any(w in c.norm[max(0, f.start - _BOUND_GAP - 1):f.start].replace("不得", "不") for w in words_of)
                   for f in (*figures(c.norm), *numerals(c.norm))) or evens(words_of, c.norm)  # (「不得超过新台币六万元」)

    if any(states(c) for c in candidates[:3]):
        return candidates
    top = candidates[0]
    found = [(coverage(c), c) for c in sentences(top.source)
             if states(c) and all(term_credit(n, c.norm) for n in q.asked)]
    if not found:
        return candidates
    covered, best = max(found, key=lambda pair: pair[0])
    best = replace(best, rank=top.rank, dense=top.dense, coverage=covered, score=top.score, covered=top.covered)
    return [best] + [c for c in candidates if (c.source, c.start) != (best.source, best.start)]


# how far before its figure a bound word (`tables.BOUNDS`) is said (「最高不超过30万元」「总额不超过30万元」)
_BOUND_GAP = 6


def capped_first(q: Question, candidates: list[Candidate],
                 table_heading: Callable[[Candidate], str] = lambda c: "") -> list[Candidate]:
    """「建设补贴最多能拿多少」 whose best sentence states only rates (「每千瓦200元」): a close
    runner-up of the same document that states the cap (「单个站点建设补贴最高不超过150万元」)
    goes first (agent/lexicon/limit_words.txt; 最多 is also written 最高, 不超过). A table's row
    whose header names the cap (「年度支付限额」) states it."""
    asked = [w for w in LIMIT_WORDS if w in q.text]
    # (a bound asked by one word is stated by any of its group: 「封顶多少」 by 「不超过30万元」)
    said = [*asked, *(b for bound in BOUNDS if any(w in bound for w in asked) for b in bound)]
    if not asked or len(candidates) < 2 or any(term_credit(w, candidates[0].norm) for w in said):
        return candidates
    if any(w in table_heading(candidates[0]) for w in _CAP_HEADINGS):
        return candidates
    top = candidates[0]
    for cand in candidates[1:4]:
        if cand.source == top.source and cand.score >= 0.9 * top.score and any(term_credit(w, cand.norm) for w in said):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


def kind_first(q: Question, candidates: list[Candidate]) -> list[Candidate]:
    """Of sentences scored alike, the one that names the kind the question asks for goes first:
    「材料送到哪个窗口」 → 「申请人持下列材料到…12号窗口提出申请：」, not its item 「（一）身份证…」,
    which its lead credits; 「是哪个国家运动员」 → 「…是意大利足球运动员」. Not for a list question
    (「担任了哪些职务」) unless the best sentence is an item: a list's items seldom name their kind."""
    if (not q.kind or len(candidates) < 2 or term_credit(q.kind, candidates[0].norm)
            or (q.qtype == "list" and unnumbered(candidates[0].text) == candidates[0].text)):
        return candidates
    top = candidates[0]
    for cand in candidates[1:4]:
        if cand.source == top.source and cand.score >= 0.98 * top.score and term_credit(q.kind, cand.norm):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


# how often something is paid, asked (「是每个月发一次吗」「一年打一次钱吗」) and stated (「按季度发放」「每半年
#拨付一次」「按月计发」)
_FREQUENCY_ASKED = re.compile(r"(?:每个?|一个?)(月|季度?|年|周|半年)[^,，。?？]{0,6}?一次")
_FREQUENCY = re.compile(r"按(月|季度?|年|半年|周)[^,，。；;]{0,4}?(?:发放|拨付|支付|计发|发|打|领取|缴纳|拨)"
                        r"|每个?(月|季度?|年|半年)[^,，。；;\d]{0,4}?(?:发放|拨付|支付|发)一次"
                        r"|每个?(月|季度?|年|半年|周)\s*[1一]次")  # (「65岁以上｜每年1次｜免费」)


# how often, asked by a length of time: 「多长时间发一次」「多久打一次钱」「几个月发一回」
# (or which of two, 「是每个月发还是隔一阵发一次」: how often, asked as a choice, 《现代汉语八百词》 还是: 选择问句)
_HOW_OFTEN = re.compile(r"(?:多久|多长时间|多少天|几个月|多少个月|隔一阵子?)[^,，。?？]{0,8}?一[次回]"
                        r"|每个?(?:月|季度?|年|周)[^,，。?？]{0,4}?还是")


def stated_frequency(question: str, sentence: str) -> str:
    """The clause of ``sentence`` that says how often something is paid (「按季度发放」), when the
    question asks how often (「多长时间发一次」「是每个月发一次吗」); "" otherwise."""
    if not (_HOW_OFTEN.search(question) or _FREQUENCY_ASKED.search(question)):
        return ""
    stated = _FREQUENCY.search(sentence)
    return next((p for p in re.split(r"[,，;；。]", sentence) if stated and stated.group(0) in p), "")


def frequency_fit(question: str, sentence: str) -> int:
    """1 when the sentence states the period the yes-or-no question asks something is paid in
    (「每个月发一次吗」 over 「按月发放」), −1 when it states another (「按季度发放」), 0 when either says none."""
    asked, stated = _FREQUENCY_ASKED.search(question), _FREQUENCY.search(sentence)
    if asked is None or stated is None:
        return 0
    period = lambda word: "季度" if word == "季" else word
    return 1 if period(asked.group(1)) == period(stated.group(1) or stated.group(2) or stated.group(3)) else -1
# a day asked of every month, quarter or year (「每个月几号」「每年哪天」), and a sentence that gives one
# (「一年里什么时候去办」: the days of every year it is done, 「受理时间：每年4月1日至5月31日」)
_PERIODIC_ASKED = re.compile(r"(?:每个?(?:月|季度?|年)|一年(?:里|中|当中|内)|一个月(?:里|中|当中|内))[^,，。?？]{0,12}?"
                             r"(?:几号|几日|哪天|哪一天|哪一日|什么时候|何时|几月|哪个月)")
# (or a day of the week in it: 「每月最后一个星期一休馆」)
PERIODIC_DAY = re.compile(r"每个?(?:月|季度?|年)[^,，。；;]{0,10}?(?:\d{1,2}\s*[日号]|(?:周|星期|礼拜)[一二三四五六日天])")


def _period_of(said: str) -> str:
    """The period a phrase counts by (「每个月几号」, 「一个月里」, 「每月10日」: 月; 「每季度」: 季; 「每年」: 年)."""
    found = re.search(r"月|季|年", said)
    return found.group(0) if found else ""


def asked_type(q: Question, candidates: list[Candidate], heading: Callable[[Candidate], str] = lambda c: "",
               lead: Callable[[Candidate], str] = lambda c: ""
               ) -> tuple[Callable[[Candidate], bool], Callable[[Candidate], bool] | None] | None:
    """What a sentence must hold to answer the question's type (``typed``), and what one further
    down must hold to be looked for there (``far``), or None for a question of no such type; see
    `typed_first`. An item's ``lead`` (「下列縣民得申請減收二分之一：」) may give the figure its
    items get."""
    far = None  # what is looked for further down than the close runners-up
    if _HOW_OFTEN.search(q.text):
        # 「扶助金多长时间发一次」: how often it is paid (「按季度发放」), no length of time
        typed = far = lambda c: bool(_FREQUENCY.search(c.norm))
    elif q.unit == DURATION_ASKED:
        # 「多少天能做好证」: a length in days (「制证周期为45个工作日」), not the year a condition
        # counts (「持有居住证满1年」); 「多久」 asks no scale
        scaled = lambda d: in_asked_scale(q.text, d.text)
        # 「多长时间之内要去申请」: a time limit (「自取得证书之日起12个月内提出申请」「承诺办结时限12个
        # 工作日」), not the least length a condition counts (「累计缴纳失业保险费1年以上」)
        # (「最晚多久之内要去申请」: 「自分娩之日起18个月内申请」, not 「享受20天护理假」)
        within = _WITHIN_ASKED.search(q.text)

        def fits(c: Candidate, d) -> bool:
            return not within or bool(_LIMIT_AFTER.match(c.norm, d.end)
                                      or _LIMIT_BEFORE.search(c.norm[max(0, d.start - 6) : d.start]))

        # (a deadline asked, 「他们最晚多久要把钱退给我」: a time limit set, 「应在收到退费申请之日起10个工作日内
        # 完成退费」, not a length inside the condition a rule opens with, 「学员自缴费之日起7日内未上课的，」)
        deadline = any(w in q.text for w in _LATEST)
        typed = lambda c: any(scaled(d) and fits(c, d) and not (deadline and _in_condition(c.norm, d.start))
                              for d in durations(c.norm))
        # a limit on the act the question names after it (「出生後要在多久內申請」: 「…6個月內提出申請」,
        # not 「出生後1年內將戶籍遷出」), when a close sentence has one
        # (or a word after it the tagger does not read as a verb: 「多长时间内去领」 → 「六个月内申领」)
        acts = [v for v in dict.fromkeys((*q.focus_verbs, *q.terms))
                if within and v in q.text[within.end() :] and v not in _EMPTY_ACTS]
        acted = lambda c: any(scaled(d) and fits(c, d) and _does(acts, c.norm, d.end) for d in durations(c.norm))
        if acts and any(acted(c) for c in candidates[:6] if c.source == candidates[0].source):
            typed = acted
        # the length of time of the one stage the question asks (「审核通过了，钱多久能打到账上」: 拨付,
        # 「…资金在受理之日起20个工作日内拨付至用人单位基本账户」), not one of no stage (「补贴期限一般不超过3年」)
        # (not the event it counts from, 「宅基地批下来了，拖多久不动工…」: the review; nor the application,
        # which a condition's length of time comes before: 「要缴费多久才能申请」)
        stage = _stages_asked_after(q.text) - {"申请"}
        staged = lambda c: len(stage) == 1 and any(scaled(d) for d in durations(c.norm)) and bool(stage & stated_stages(c.norm))
        if _instead(staged, candidates):
            typed = staged
        ahead_of = _AHEAD_ASKED.search(q.text)
        if ahead_of:
            # 「最晚要提前几天申请展延」: a length before a date (「应于期满30日前申请展延」「提前3日告知」),
            # not a time limit after one (「通知申请人于15日内补正」), of the act the question names after 提前
            done = [v for v in q.focus_verbs if len(v) >= 2 and v in q.text[ahead_of.end() :]
                    and v not in _EMPTY_ACTS and v not in _GENERIC_ACTS]
            ahead = lambda c: _AHEAD_GIVEN.search(c.norm) is not None and any(v in c.norm for v in done)
            if done and any(ahead(c) for c in candidates[:6] if c.source == candidates[0].source):
                typed = ahead
    elif q.qtype == "when" and ASKS_CLOCK.search(q.text):
        typed = lambda c: bool(CLOCK.search(c.norm))  # 「下午几点放学」: 「结束时间为17:30」
    elif q.qtype == "when" and ASKS_WEEKDAY.search(q.text):
        typed = lambda c: bool(WEEKDAY.search(c.norm))  # 「礼拜几回收」: 「週二、週五｜塑膠類、鐵鋁罐」
    elif q.qtype == "when" and any(w in q.text for w in DEADLINE_WORDS):
        typed = lambda c: bool(CLOSING_DATE.search(c.norm))  # 「到哪天结束」: 「9月1日至12月31日」
        # the closing date of the act the question names, when a close sentence has one (「最晚几号之前
        # 去申请停供」: 「申请停供，应于2025年10月10日前…办理」, not the heating season 「11月1日至3月31日」)
        # (or a date the act is due before: 「最晚哪天前要去申请」: 「…于10月31日前提出申请」, not 「…于11月30日前
        # 完成补贴发放」; the verb without its complement of direction: 「报上去」 is said 「申报」「报送」)
        said = min(q.text.find(w) for w in DEADLINE_WORDS if w in q.text)
        # (not a verb that qualifies a noun, 「把改造的申报材料报到区里」: 改造 is no act asked)
        verbs = [_act_stem(v) for v in q.focus_verbs if v not in _EMPTY_ACTS and not _DUE.search(v)
                 and not re.search(re.escape(v) + "的", q.text)]
        acts = [v for v in verbs if v and v in q.text[said:]] or [v for v in verbs if v]
        acted_by = lambda c: bool(CLOSING_DATE.search(c.norm) or BY_DATE.search(c.norm)) and any(
            v in c.norm or resultative(v, c.norm) for v in acts)
        if acts and not acted_by(candidates[0]) and any(
                acted_by(c) for c in candidates[1:8] if c.source == candidates[0].source):
            typed = acted_by
    elif q.qtype == "yesno" and _FREQUENCY_ASKED.search(q.text):
        # 「补贴是每个月发一次吗」: the sentence that says how often it is paid (「两项补贴按季度发放」),
        # said once below the lines that name the subsidy, looked for further down
        typed = far = lambda c: bool(_FREQUENCY.search(c.norm))
    elif q.qtype == "when" and _PERIODIC_ASKED.search(q.text):
        # 「补贴每个月几号之前能打到卡上」: a day of every month (「每月20日前发放到位」), said once
        # below the lines that name the subsidy, looked for further down; not a date of one year
        # (of the period asked: 「每个月几号之前能到卡上」 is 「每月10日前打入…」, not 「认证时间为每年4月1日
        # 至6月30日」)
        period = _period_of(_PERIODIC_ASKED.search(q.text).group(0))
        typed = far = lambda c: any(_period_of(m.group(0)) == period for m in PERIODIC_DAY.finditer(c.norm))
    elif q.qtype == "when":
        # (not the notice's own date under its issuer, which the metadata stage answers when the
        # notice's date is asked: 「每个月几号之前要交」 is not 「2025年4月8日」)
        dated = lambda c: bool(TIME.search(c.norm) or TIME_SPAN.search(c.norm)) and not _DATE_LINE.fullmatch(c.norm)
        typed = dated
        # the date of the act the question names, when a sentence of the same notice has one (「补贴
        # 啥时候打到卡上」: 「…于每季度首月15日前打入申请人社会保障卡金融账户」, not 「…应于每年5月前
        # 申报家庭人口…」), looked for a little further down
        asked_at = _WHEN_WORD.search(q.text)
        acts = [until_stem(v, q.text) for v in q.focus_verbs if v not in _EMPTY_ACTS and asked_at and v in q.text[asked_at.end() :]]
        # (a payment by any verb of paying: 「钱哪几天交」 → 「缴费时间：7月8日至7月11日」)
        acted = lambda c: dated(c) and any(v in c.norm or resultative(v, c.norm) or (
            v in _PAYING and any(p in c.norm for p in _PAYING)) for v in acts)
        if acts and not acted(candidates[0]) and any(
                acted(c) for c in candidates[1:8] if c.source == candidates[0].source):
            typed = far = acted
        # (or a time labelled by a short form of the question's words: 「秋天集中打防疫针是哪段时间」 →
        # 「…秋防时间为9月10日至10月20日」, not 「补助资金每半年集中兑付一次…」)
        labelled = lambda c: dated(c) and time_labelled(c.norm, q.text)
        if _instead(labelled, candidates):
            typed = labelled
    elif q.qtype in ("number", "which", "fact") and _numbered(heads := asked_contact(q)):
        # 「补助的咨询电话是多少」: the line that gives the number (「九、洽詢專線：(03)5278811」), which
        # a notice says once, at its end, below the lines that name what it is about: looked for
        # further down; a best sentence that names the channel (「请以书面或电话方式反映」) is
        # answered by the field after it (extract/fields)
        # (a line for complaints, 「监督电话」「投诉电话」, answers only a question about complaining)
        complaint = COMPLAINT.search(q.text) is not None
        # (or a line that gives a number with its area code under no label of it: 「郗渫市就业服务
        # 中心：0593-5216688」 under 「九、咨询方式」)
        typed = far = lambda c: (complaint or not COMPLAINT.search(c.norm)) and (
            gives_number(heads, c.norm) or gives_number(heads, f"{heading(c)} {c.norm}") or gives_phone(heads, c.norm)
            or (c is candidates[0] and any(h in c.norm for h in heads) and not _REFERRED.search(c.norm)))
    elif q.qtype == "where":
        # 「交到什么地方」: 「受理地址：…」; 「要去哪里申请」: 「向户籍所在地区公所社会课提出申请」, which a
        # notice says once, in its procedure, below the lines that name the thing applied for:
        # looked for further down
        # (the verb after the question word: 「去哪里申请」, not 「栖息在哪儿」)
        where = _WHERE.search(q.text)
        # (or a one-character verb right after it: 「在哪儿办」「去哪里领」 → 「到…办理」「到…领取」)
        after = q.text[where.end() :] if where else ""
        done = [v for v in q.focus_verbs if v in after and (
            (len(v) >= 2 and (v in q.focus or v in after[:4])) or (len(v) == 1 and after.startswith(v) and v not in "去是有在"))]
        # (and a verb of sending right before it: 「要寄到哪个地址」 → 「郵寄至本局就業服務科（…路100號5樓）」)
        sent = _SENT_BEFORE.search(q.text[: where.start()]) if where else None
        if sent:
            done.append(sent.group(1))
        far = (lambda c: any(_gone_to(v).search(c.norm) or _sent_to(v).search(c.norm) or _labelled_for(v).search(c.norm)
                             for v in done)) if done else None
        # (「…在哪儿」 at the question's end asks where a thing is: a sentence that says where it is set
        # answers; 「…以及哪里等客运港口为…」 asks which of a list)
        located = _WHERE_IS.search(q.text) is not None
        typed = lambda c: bool(_PLACE_LABEL.search(c.norm) or (far and far(c)) or (located and _LOCATED.search(c.norm)) or (
            _PLACE_HEADING.search(heading(c)) and not _PLACE_HEADING.search(c.norm) and not _LABELLED.match(c.norm)))
    elif q.wants_number and "罚" in q.text and not asks_share(q.text):
        # 「骑电动车没挂牌子被查到，罚多少」: a fine (「…处50元罚款」), which a notice sets out once,
        # in its penalty article, below the lines that name the act: looked for further down
        # (or a sum owed for a breach, 「房租晚繳了會被罰多少」: 「每逾1日加收…百分之一之違約金」)
        typed = far = lambda c: (bool(FINED.search(c.norm)) and bool(figures(c.norm))) or (
            bool(_OWED.search(c.norm)) and bool(numerals(c.norm)))
    elif q.wants_number and _RATE_ASKED.search(q.text):
        # 「房租按多少交」: the basis a payment is made on (「低保家庭按市场租金的10%缴纳」), not a
        # sum of money beside it (「并处1000元以上1万元以下罚款」)
        # (「按多少比例补」: a share answers too, 「二档｜女性40—49周岁｜60%｜500元」)
        share = "比例" in q.text
        typed = lambda c: _RATE_GIVEN.search(c.norm) is not None or (share and in_unit_of("比例", c.norm))
    elif q.wants_number and _SHARE_ASKED.search(q.text):
        # 「自筹款占总经费多少」: 「不得低于…10%」
        typed = lambda c: in_unit_of("比例", c.norm)
    elif q.wants_number and asks_share(q.text):
        # 「利息政府能帮着出几成」: a share of what the question asks about (「按…利息的50%给予贴息」),
        # not another share further down (「基本費減收幾成」: not 「減收當期水費30%」)
        about = _shared_of(q)
        typed = lambda c: in_unit_of("比例", c.norm) and any(w in c.norm for w in about)
    elif (q.wants_number or q.qtype in ("which", "fact")) and _quantities(q) and not _unmeasured_asked(q) and (
            not _ENTITY_ASKED.search(q.text)):  # 「贷款是哪家公司担保的」 asks a company, not a sum
        # 「补助比例是多少」「按什么比例」: a figure in the asked quantity's units (20%), not any
        # figure (2026年度)
        quantities = _quantities(q)
        # (or a share of it: 「能退多少学费」 is 「已缴学费之百分之七十」)
        typed = lambda c: any(in_unit_of(n, c.norm) or re.search(re.escape(n) + r"[之的]?(?:百分之|\d+(?:\.\d+)?\s*[%％])", c.norm)
                              for n in quantities)
    elif q.qtype == "number":
        # 「公示几个工作日」: a figure of the asked noun (「5个工作日」) when a close sentence counts it,
        # not any figure (「拟对以下5家企业」)
        nouns = [n for n in q.asked if len(n) >= 2 and any(_counts(n, c.norm) for c in candidates[1:4])]
        # 「每辆补助多少钱」: a figure in the asked unit (5,000元), not the dates of the line before it
        # (a table's row holds its figures in the units its header gives: 「3｜收割机｜1.8」)
        # 「一户最多能装几个」: a count (「每户以2颗为限」), not a price or a date (「每颗约800元」)
        fits = (lambda f: not _NO_COUNT.search(f)) if not q.unit and COUNT_ASKED.search(q.text) else q.unit_fits
        # (a payment asked of a sum the question does not name, 「我们要出多少钱」: a share of another
        # sum answers, 「按应出资额的50%出资」; not 「复检费要交多少」, a sum of its own)
        paid = PAID_ASKED.search(q.text)
        # (or a concession asked of it, 「补偿费有没有优惠？交多少」: a quality, 同义词词林 E, that a
        # share of the sum grants, 「按应缴费额的50%缴纳」)
        paid_share = q.unit == "钱" and paid is not None and (not any(
            names_money(t.text) or money_character(t.text) for t in entities.tokens(q.text[: paid.start()]) if t.tag in ("n", "nz"))
            or any(quality_word(n) for n in q.asked))
        # (the asker's own figure is no answer: 「满60岁了，一次能领多少」 is not 「年满60周岁时申领」)
        own = set(re.findall(r"\d+(?:\.\d+)?", as_counted(q.text)))
        # (a figure grouped in thousands is read whole: 「新臺幣1,200元」 is no 「一劑」's 1)
        _askers = lambda f: (m := re.match(r"\d[\d,]*(?:\.\d+)?", f)) is not None and m.group(0).replace(",", "") in own
        # (a table's row holds a bare figure under its header's unit, or one in the asked unit: not
        # 「满5年不足8年｜15个月」 for 「一个月发多少钱」)
        typed = lambda c: (_CELLS.search(c.text) is not None and (_BARE_CELL.search(c.norm) is not None or any(
            q.unit_fits(f.text) for f in numerals(c.norm)))) or (
            any(fits(f.text) and not _phone(c.norm, f) and not _house_number(c.norm, f) and not _askers(f.text)
                for f in (*(figures(c.norm) if q.unit else ()), *numerals(c.norm))) and (all(
                _counts(n, c.norm) for n in nouns) or _written_in_unit(q.unit, c.norm))) or (
            paid_share and share_of_money(c.norm)) or (  # 「要出多少钱」: 「…按应出资额的50%出资」
            bool(q.unit) and lead_gives(q, lead(c)))  # 「中低收入户可以少缴多少」: 「（一）領有…中低收入戶證明者；」
        # a count by the measure word asked (「准备几张合照」: 「另需3张2寸…合影照片」, not 「每届限额30对」),
        # when a close sentence of the same notice counts by it
        measure = asked_measure(q.text)
        counted = lambda c: re.search(rf"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百]+)\s*[十百千万]?\s*{re.escape(measure)}", c.norm) is not None
        if measure and _instead(counted, candidates):
            typed = counted
        # (a price asked of a thing by its everyday name, 「换新驾照，本子钱要交多少」: the line that
        # counts by its stem, 「工本费：每本10元」, not the fine above it)
        stemmed = lambda c: any(counted_by_stem(t, c.norm) for t in q.terms)
        if q.unit == "钱" and _instead(stemmed, candidates, reach=4):
            typed = stemmed
    elif q.qtype == "which" and len(q.kind) >= 2:
        # 「想去现场问，去哪个窗口」: a sentence that names a numbered thing of the asked kind (「…一楼大厅
        # 5号窗口」), not the notice's title, which names the topic. (Any sentence that names the kind,
        # 「住的地方要拿什么证明」: 「…借住证明」, lost answers of blind probes 52 and 57 in session 46,
        # as did one that names it by a longer word.)
        numbered = re.compile(r"[\d一二三四五六七八九十]\s*[号楼层]?" + re.escape(q.kind))
        typed = lambda c: numbered.search(c.norm) is not None
    else:
        return None
    return typed, far


def _instead(test: Callable[[Candidate], bool], candidates: list[Candidate], reach: int = 6) -> bool:
    """The best sentence fails ``test`` and a runner-up of its document within ``reach`` passes it."""
    return not test(candidates[0]) and any(test(c) for c in candidates[1:reach] if c.source == candidates[0].source)


# a time stated under a short label (「春防时间为…」「秋防时间：…」)
_TIME_LABELLED = re.compile(r"(?:^|[,，;；。])([\u4e00-\u9fff]{2,3})(?:时间|日期|期间)[为是:：]")


def time_labelled(sentence: str, question: str) -> bool:
    """``sentence`` states a time under a label whose characters the question says in their order,
    not side by side: a short form of its words (「秋防时间为…」 of 「秋天集中打防疫针」)."""
    return any(_says_in_order(m.group(1), question) for m in _TIME_LABELLED.finditer(sentence))


def _says_in_order(label: str, question: str) -> bool:
    at = 0
    for ch in label:
        at = question.find(ch, at)
        if at < 0:
            return False
        at += 1
    return label not in question


def asked_measure(question: str) -> str:
    """The measure word the question counts by (「几张」「几份」「多少张」: LAC's numeral 几张, or 多少 and its
    measure word), not one of time, age, money or the general 个; "" when none."""
    tokens = entities.tokens(question)
    for i, token in enumerate(tokens):
        if token.tag == "m" and len(token.text) == 2 and token.text[0] == "几":
            measure = token.text[1]
        elif token.text == "多少" and i + 1 < len(tokens) and tokens[i + 1].tag == "q" and len(tokens[i + 1].text) == 1:
            measure = tokens[i + 1].text
        else:
            continue
        if measure not in _UNMEASURED:
            return measure
    return ""


_UNMEASURED = "个年月日天周岁时点号元分秒成倍"  # (time, age, money, shares and the general 个)


def _written_in_unit(unit: str, text: str) -> bool:
    """The text writes a figure in the asked unit itself (「总共查几项」: 「…等19项」), which counts what is
    asked whatever noun the question counts (检查)."""
    return bool(unit) and re.search(rf"\d\s*{re.escape(unit)}", text) is not None


_AHEAD_ASKED = re.compile(r"提前")  # a length of time before a date is asked
_GENERIC_ACTS = frozenset(words("generic_verbs"))
_AHEAD_GIVEN = re.compile(r"\d+\s*(?:个工作日|个自然日|工作日|自然日|日|天|个月|周)前|提前\s*\d+\s*(?:个工作日|工作日|日|天|个月|周)")


def lead_gives(q: Question, lead: str) -> bool:
    """A list's ``lead`` gives a figure in the asked unit, which each of its items gets (「二、下列縣民
    得申請減收二分之一：」 over 「（一）領有本縣中低收入戶證明者；」)."""
    said = normalize(lead).text if lead else ""
    return bool(said) and any(q.unit_fits(f.text) for f in (*figures(said), *numerals(said)))


def typed_first(q: Question, candidates: list[Candidate],
                heading: Callable[[Candidate], str] = lambda c: "", lead: Callable[[Candidate], str] = lambda c: "") -> list[Candidate]:
    """When the best sentence does not hold what the question's type asks, a close runner-up of
    the same document that does goes first: a length of time for 「多久」, a time of day for
    「几点」, a closing date for 「到哪天截止」, a date for other when-questions, the line giving
    the asked phone number (looked for further down), a place (a 「地址：」 label, or 「向…申请」
    for 「去哪里申请」, looked for further down), a share for 「占多少」, a figure in the asked
    quantity's units, and for other figure questions a figure in the asked unit, a count for
    「几个」, or a table row's bare cell. A line's section ``heading`` may give what it holds
    (「九、办理地点」 over the place, 「八、咨询电话」 over 「市民政局养老服务处：0793-6215780」)."""
    asked = asked_type(q, candidates, heading, lead)
    if asked is None:
        return candidates
    typed, far = asked
    top = candidates[0]
    if typed(top):
        return candidates
    # a time of day is said once in a notice (「…下午13:30至17:00」), often under a heading the
    # question does not use (「办理时间」 for 「几点下班」): looked for further down
    # and a figure further down than a date or a kind (「一年能领多少优待金」: the fifth runner-up),
    # one in an asked unit further still (「要多少岁才能申请」: 「年满65岁」, the seventh, below the
    # lines 「申请」 put first; a length of time at that depth answered an unanswerable 「有效期是几年」)
    # and a closing date below the table rows that name the thing applied for (「最迟哪天之前要递
    # 申请」: 「…受理截止日期为2025年11月28日」, the fifth)
    depth = 10 if q.qtype == "when" and ASKS_CLOCK.search(q.text) else 16 if far else (
        8 if q.unit and q.unit != DURATION_ASKED else 6) if q.wants_number or q.unit else (
        8 if q.qtype == "when" and any(w in q.text for w in DEADLINE_WORDS) else 4)
    # (a worked example after its rule, 「例如服役2年的义务兵，可领取13000元」, only after the rules:
    # 「每服役满1年发放6500元」 answers 「当一年兵给多少」)
    reached = sorted(enumerate(candidates[1:depth], 1), key=lambda ic: bool(_EXAMPLE.match(ic[1].norm)))
    for i, cand in reached:
        if (cand.source == top.source and typed(cand) and cand.score >= 0.7 * top.score
                and (far is None or i < 4 or far(cand))):
            return [cand] + [c for c in candidates if c is not cand]
    return candidates


_EXAMPLE = re.compile(r"^\s*(?:例如|比如|譬如|举例来说|舉例來說)")


def _numbered(heads: tuple[str, ...]) -> bool:
    return any(NUMBERED_HEAD.search(h) for h in heads)


# a length of time asked as a limit (「多长时间之内」「几个工作日内」), and one given as a limit
# 「多少天内」「几个工作日内」「多久内」「多长时间内」: a time within which an act is asked (then the act)
# (one pattern: a second one above it was shadowed by this one at every call)
_WITHIN_ASKED = re.compile(r"(?:多久|多长时间|多少|几)[^，,。？?]{0,4}?(?:之内|以内|内|里)")  # (「多长时间里报案」)
# 「12个月内」, not a ban for a time (「5年内不得再申领」: how long one may not apply, no time to apply within)
_BANNED_FOR = re.compile(r"\s*(?:之|以)?内\s*(?:不得|不予|不能|不再|禁止|暂停)")
_LIMIT_AFTER = re.compile(r"\s*(?:之|以)?内(?!\s*(?:不得|不予|不能|不再|禁止|暂停))")
_LIMIT_BEFORE = re.compile(r"时限|期限|周期|之日起|日起")  # 「承诺办结时限12个工作日」


# a place's section heading (「九、办理地点」), and a contact given elsewhere (「联系方式详见附件」)
_PLACE_HEADING = re.compile("|".join(map(re.escape, table("clause_cues")["heading-where"])))
_LABELLED = re.compile(r"[\u4e00-\u9fff]{2,8}\s*[:：]")  # a line of its own label (「办公时间：…」)
_REFERRED = re.compile(r"详见|见附件|另行公布|另行通知")
# the notice's own date, under its issuer or after it on its line (「缃塍县人力资源和社会保障局  2025年3月10日发布」)
_PAYING = frozenset(words("paying_verbs"))  # verbs of paying (agent/lexicon/paying_verbs.txt)
_DATE_LINE = re.compile(r"\s*(?:[\u4e00-\u9fff（）()、]{2,60}\s+)?(?:\d{3,4}年)?\d{1,2}月\d{1,2}日\s*(?:发布|印发|公布|制发)?\s*")


def _does(acts: list[str], text: str, at: int) -> bool:
    """One of the ``acts`` is done in the clause after ``at`` (「12个月内，通过…小程序提交申请」), as a
    verb, not a noun it makes (「拨付至申请人」「报销款…转账」)."""
    rest = re.split(r"[；;。]", text[at:], maxsplit=1)[0]
    return any(m.start() < 30 for v in acts for m in re.finditer(re.escape(v) + r"(?![人者书表款])", rest))


# a telephone or document number, which counts nothing (「(03)5461207」 for 「可以领多少」)
# (an area code in brackets or before a hyphen, or a leading 0: not a bare count 「2790060」)
_CODE_ONLY = re.compile(r"[(（]\d{2,4}[)）]\s*\d{5,}(?:-\d+)?|0\d{2,3}-?\d{7,8}|\d{3,4}-\d{7,8}")
def _phone(text: str, figure) -> bool:
    """The figure is a telephone number (「0756-3318624」, 「(03)5461207」 read after its area code)."""
    return bool(_CODE_ONLY.fullmatch(figure.text)) or (
        figure.text.isdigit() and len(figure.text) >= 7 and text[max(0, figure.start - 1) : figure.start] in (")", "）", "-"))


def _house_number(text: str, figure) -> bool:
    """The figure numbers a house on its street (「人民路156号」「和平路19号」), which counts nothing."""
    return figure.text.endswith("号") and text[max(0, figure.start - 1) : figure.start] in _STREETS


_STREETS = tuple("路街道巷弄里")  # the last character of a street's name, before its house number
# the words of being due, not the act due (「能拖到哪天」「截止到几号」)
_DUE = re.compile(r"^(?:拖|截止|截至|到|至|结束|为止)")
# a complement of direction after a verb (「报上去」「发下来」「交过来」)
_DIRECTION_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(?:[上下进出回过起]?[来去])$")


def _act_stem(verb: str) -> str:
    return _DIRECTION_AFTER.sub("", verb)


_EMPTY_ACTS = frozenset({"去", "是", "有", "要", "得", "能", "会", "可以", "需要"})
COMPLAINT = re.compile(r"监督|投诉|举报|检举")
_WHERE = re.compile(r"哪里|哪儿|何处|什么地方|哪个地方|什么部门|哪个部门|(?:哪个|什么)(?:地址|地点)")
# a verb that sends a thing to the place asked, right before the question word (「寄到」「送到」「交到」)
_SENT_BEFORE = re.compile(r"((?![去来回走跑是有在])[\u4e00-\u9fff])[到至往]$")


@lru_cache(maxsize=256)
def _sent_to(verb: str) -> re.Pattern:
    """A place the sentence says a thing is sent to with ``verb``: 「郵寄至本局就業服務科（…）」."""
    return re.compile(re.escape(verb) + r"(?:到|至|往)[^，。；;,]{2,40}")


@lru_cache(maxsize=256)
def _gone_to(verb: str) -> re.Pattern:
    """A place the sentence says ``verb`` is done at: 「向…社会课提出申请」「到…服务大厅办理」; for a
    verb of handing in, a place things are handed in at (「…文件，向户籍所在地区公所社会课提出：」)."""
    handed = "|提出|提交|递交|送交|报送" if verb in _HANDING_IN or verb in _ERRAND else ""
    handed += "|申请|申报|领取" if verb in _ERRAND else ""  # 「去哪儿办」: 「到…医保窗口申请」
    return re.compile(r"(?:向|到|至|赴|前往)[^，。；;,]{2,40}?(?:(?:提出|提交|进行)?" + re.escape(verb) + handed + ")")


@lru_cache(maxsize=256)
def _labelled_for(verb: str) -> re.Pattern:
    """A place label of the act, a character of ``verb`` in it: 「（二）申报地点：…渔业服务站」 for
    「去哪里报名」, 「办理地址：…」 for 「在哪儿办」."""
    chars = "".join(re.escape(ch) for ch in dict.fromkeys(verb))
    labels = "|".join(map(re.escape, table("clause_cues")["heading-where"]))
    return re.compile(r"[\u4e00-\u9fff]{0,3}[" + chars + r"][\u4e00-\u9fff]{0,3}(?:" + labels + r")\s*[:：]\s*[^\s。；;]")


_HANDING_IN = frozenset({"申请", "申报", "送", "交", "递", "报", "提交", "递交"})
# the light verbs of an errand (「去哪儿办」「在哪弄」), done by applying, handing in or collecting
_ERRAND = frozenset({"办", "弄", "搞"})


# a table cell that is a bare figure (「3｜收割机｜1.8」)
_BARE_CELL = re.compile(r"(?:^|[|｜\t]|\s{2})\s*\d+(?:[.,]\d+)*\s*(?:$|[|｜\t]|\s{2})")
# 「几个」「多少个」: things counted with the general measure word, which stands for any other (颗, 台)
# a count asked by the general measure word 个, not a length of time (「几个月」「几个小时」「几个工作日」)
COUNT_ASKED = re.compile(r"(?:几|多少)个(?![月年小]|工作)")
# the figures that count no things: sums of money, dates, shares
_NO_COUNT = re.compile(r"(?:元|年|月|日|号|%|％)\s*$")

# 「按多少交」「按几成算」: the basis of a payment is asked, which a rule gives after 按 (「按市场租金的
# 10%缴纳」「按每人每月200元的标准」)
_RATE_ASKED = re.compile(r"按(?:多少|几|百分之几|什么标准|啥标准)")
_RATE_GIVEN = re.compile(r"按[^，。；;,]{0,12}?(?:\d|[一二三四五六七八九十百]+(?:成|倍|%))")
_WHERE_IS = re.compile(r"(?:哪里|哪儿|何处|什么地方|哪个地方)[呢啊]?[?？]?$")
# a sentence that says where a thing is (agent/lexicon/clause_cues.tsv: where): 「…受理点设在…中心」,
# not a clause that picks out the things somewhere (「位于地震高烈度设防地区的改造房屋…」)
_LOCATED = re.compile("(?:" + "|".join(map(re.escape, table("clause_cues")["where"])) + r")[^，。；;的]{2,}(?:[，。；;]|$)")
# 「占总经费多少」「占比多少」: a share of the thing after 占 is asked
_SHARE_ASKED = re.compile(r"[占佔][^，。？?,]{0,8}?(?:多少|百分之几|几成)")


def _shared_of(q: Question) -> list[str]:
    """What a share question asks a share of: its asked nouns, else the words of two characters or
    more in the question word's clause (「利息政府能帮着出几成」: 利息, 政府), not its names."""
    asked = [n for n in q.asked if n not in ("比例", "百分比")]
    if asked:
        return asked
    clause = next((part for part in re.split(r"[，,。；;？?]", q.text) if asks_share(part)), "")
    return [t for t in q.terms if len(t) >= 2 and t in clause and t not in q.names]


def _quantities(q: Question) -> list[str]:
    """The asked nouns that name a quantity with known units; not a sum of money when another
    unit is asked (「水费能免掉几方」: 立方米)."""
    other_unit = (bool(q.unit) and q.unit not in _MONEY_ASKED) or bool(_MEASURE_ASKED.search(q.text))
    return [n for n in (*q.asked, q.kind) if measured(n) and not (other_unit and sum_of_money(n))]


# 「哪家公司」「哪个单位」「什么人」「哪个办公室」: an organisation, person, place or office is asked,
# whatever quantity the question names (agent/lexicon/organisation_heads.tsv: relative-org,
# relative-person, relative-place, office-general)
_ENTITY_ASKED = re.compile(r"(?:哪|什么)[家个位所座]?(?:" + "|".join(
    map(re.escape, sorted({h for k in ("relative-org", "relative-person", "relative-place", "office-general")
                           for h in table("organisation_heads")[k]}, key=len, reverse=True))) + ")")
_MONEY_ASKED = frozenset({"钱", "元", "万元", "亿元", "美元"})
# 「几方」「几成」: 几 and a measure word, which asks in that measure (not 「几块钱」)
_MEASURE_ASKED = re.compile(r"(?<![十百千万两一二三四五六七八九\d])几(?!乎|块|元|钱|万|千|百|十)[\u4e00-\u9fff]")


def _unmeasured_asked(q: Question) -> bool:
    """The noun the question word follows is asked and has no known units (「税率多少以上就不能领
    育儿津贴」: 税率, though 津贴 is a sum of money)."""
    return any(re.search(re.escape(n) + r"(?:是|为|到|达到)?(?:多少|几)", q.text) and not measured(n) for n in q.asked)


# a time of day, and the questions that ask for one (「几点」「几时」)
CLOCK = re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2}[时点](?:\d{1,2}分|半)?|[一二三四五六七八九十]{1,3}点(?:半)?")
ASKS_CLOCK = re.compile(r"几点|几时(?!候)")
# a day of the week, and a question that asks one (「礼拜几回收」「周几上门」)
WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")
ASKS_WEEKDAY = re.compile(r"(?<![一两二三四五六七八九十\d每个])(?:周|星期|礼拜)几(?![次个天遍趟])")
# the words a question asks a deadline or a period's end with (agent/lexicon/clause_cues.tsv), and
# the dates that give one: a date with 「前」 (「请于5月15日前报送」), a date a deadline word names
# (「申请截止时间为2025年4月30日」), or the last of a range
# (「9月1日至12月31日」「自115年2月1日起至115年10月31日止」: a 民国 year has three digits);
# check/rules.py reads the first and the words too
DEADLINE_WORDS = frozenset(table("clause_cues")["deadline"])
BY_DATE = re.compile(r"\d{1,2}日(?:\s*\d{1,2}[:：]\d{2}|\s*\d{1,2}[时点](?:\d{1,2}分)?)?(?:之|以)?前")
CLOSING_DATE = re.compile(r"\d{1,2}日(?:\s*\d{1,2}(?:[:：]\d{2}|[时点](?:\d{1,2}分)?))?\s*起?(?:至|到|—|－|-|~)\s*(?:\d{3,4}年)?(?:\d{1,2}月)?\d{1,2}日(?!\s*(?:(?:之间|期间|以前|以后)?出生|(?:之间|期间)的))"  # (not who was born then,
                           # nor what qualifies by its date: 「发票开具日期在3月1日至12月31日期间的车辆」)
                           r"|(?:截止|截至)(?:时间|日期|日)?\s*(?:为|是|到|至)?\s*[:：]?\s*(?:\d{3,4}年)?(?:\d{1,2}月)?\d{1,2}日"
                           r"|" + BY_DATE.pattern)
# a place given by its label (agent/lexicon/clause_cues.tsv: heading-where): 「受理地址：」「办理地点:」
# with the place after it: 「市区车管服务站地址：」 over a list of addresses gives none
_PLACE_LABEL = re.compile(r"(?:" + "|".join(map(re.escape, table("clause_cues")["heading-where"])) + r")\s*[:：]\s*[^\s。；;]")


_CELLS = re.compile(r"\S\s*[｜|\t]\s*\S")  # cells of a table's row


def _counts(noun: str, text: str) -> bool:
    """``text`` puts a numeral before ``noun`` (「5个工作日」「三十日」 for 工作日/日), or names the noun
    and counts it by its last character right after (「病种共43种」 for 病种)."""
    numeral = r"(?:\d+|[一二三四五六七八九十两百千万]+)"
    return re.search(numeral + "个?" + re.escape(noun), text) is not None or (
        len(noun) >= 2 and re.search(re.escape(noun) + r"[共计为达约有]{0,2}" + numeral + re.escape(noun[-1]), text) is not None)


__all__ = ["BY_DATE", "CLOCK", "CLOSING_DATE", "DEADLINE_WORDS", "EXCLUSIVE", "PERIODIC_DAY", "TIME", "actor_first", "by_anchors", "by_topic", "capped_first", "granted_first", "kind_first", "level_first", "named_first", "ordinal_first", "row_item_first", "row_named_first", "situation_first", "typed_first", "unconditioned_first"]
