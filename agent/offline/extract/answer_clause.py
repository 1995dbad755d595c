"""The words of a sentence that answer: the span that fills the question's slot, the clause
that holds it, the clause with the asked figure, what someone said, a sentence's list."""

from __future__ import annotations

import re
from itertools import pairwise

from agent.lexicon.thesaurus import names_money
from agent.lexicon.wordlists import groups, mentioned, table, words
from agent.offline.extract.figures import (
    clauses,
    durations,
    figures,
    how_much,
    in_asked_scale,
    in_unit_of,
    list_items,
    numerals,
)
from agent.offline.extract.span import extract_span
from agent.offline.extract.tables import BOUNDS, PAID_ASKED, as_counted, own_measure, range_fit
from agent.offline.gather.credit import head_word, term_credit
from agent.offline.gather.evidence import REASON, Candidate
from agent.offline.understand.answer_type import asked_slot
from agent.offline.understand.question import DURATION_ASKED, LIMIT_WORDS, Question
from ingest.normalize import normalize
from ingest.segment import in_dictionary

# a person, place, date or figure: a span of these kinds is the short answer when enough of the
# question lines up beside it
TYPED_SPANS = ("person", "place", "time", "number")
DOES_WHAT = re.compile(r"(?:是)?(?:做|干|搞)什么|主要业务|从事什么|做哪些")
# a numbered line's own number (「二、」「（三）」「3.」「第一，」), or a Q&A page's 「答：」, is not part
# of what it says (an area code is: 「(03)556-2107」)
_ITEM_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)](?![\d\-])|\d{1,2}[.、．](?!\d)"
                        r"|第[一二三四五六七八九十]+[，,、]|第[一二三四五六七八九十百零〇\d]{1,5}[条條](?=\s)|答\s*[:：])\s*")
# the short heading of an enumeration: 「箭竹的繁殖有两种方式：」 (and the ordinal of the first item)
_HEADING = re.compile(r"([^，,；;。：:]{2,20})[：:]\s*(?:[一二三四五六七八九十]是|其一[，,、：:]?)?\s*$")
# verbs that report speech (agent/lexicon/speech_verbs.txt)
_SPEECH_VERBS = words("speech_verbs")
# mutually exclusive levels (agent/lexicon/exclusive_qualifiers.txt), and the parties a penalty is set
# for apart, which tell clauses apart only (agent/lexicon/penalised_parties.txt)
EXCLUSIVE = groups("exclusive_qualifiers")
CLAUSE_GROUPS = (*EXCLUSIVE, *groups("penalised_parties"))


def _cues(qtype: str, gapped: str = "") -> re.Pattern:
    """A clause of the asked type: its cue words (agent/lexicon/clause_cues.tsv), or a pattern
    with a gap that stays grammar (「在…区」)."""
    return re.compile("|".join([*([gapped] if gapped else []), *map(re.escape, table("clause_cues")[qtype])]))


_WHEN = _cues("when", r"\d+月|\d{4}年")
_WHERE = _cues("where", r"在.{2,12}(?:区|市|园|县)")
_WHO = _cues("who")
_WHY = _cues("why", r"为.{1,12}注入")
_BUSINESS = _cues("does-what")


def span(q: Question, cand: Candidate, tagged, min_aligned: float, kinds: tuple[str, ...] = (),
         whole_clause: bool = False) -> str:
    """The words of ``cand`` that fill the question's slot, as written in the document."""
    if q.english:
        return ""
    found = extract_span(q.text, cand.norm, tagged)
    if found is None or (kinds and found.kind not in kinds) or found.aligned < min_aligned:
        return ""
    if found.kind in ("person", "place") and (found.typed < 1.5 or len(found.text) < 2):
        return ""  # only a name the tagger knows as a person or place; else the sentence
    start, end = normalize(cand.text).original_span(found.start, found.end)
    if not whole_clause:
        return cand.text[start:end]
    return clause_around(cand.text, start, end)


def kind_clause(q: Question, cand: Candidate, tagged, min_aligned: float) -> str:
    """The clause around the span that names a thing of the asked kind (「哪个经济圈」: a noun
    phrase ending in 圈, longer than the kind noun itself), as written; "" when there is none."""
    noun = q.kind or asked_slot(q.text).noun
    found = None if q.english or not noun else extract_span(q.text, cand.norm, tagged)
    if (found is None or found.kind != "entity" or found.aligned < min_aligned
            or not found.text.endswith(noun[-1]) or len(found.text) <= len(noun)):
        return ""
    start, end = normalize(cand.text).original_span(found.start, found.end)
    return clause_around(cand.text, start, end)


def items_clause(cand: Candidate) -> str:
    """The clauses of the sentence that hold its enumeration, as written (「主要用于设备更新、
    软件购置和人才培训」, not what follows it)."""
    items = list_items(cand.norm)
    if len(items) < 2:
        return ""
    first, last = cand.norm.find(items[0]), cand.norm.rfind(items[-1])
    if first < 0 or last < 0:
        return ""
    heading = _HEADING.search(cand.norm[:first])
    if heading:
        # 「主要支流有：麦曲、桑曲…」「其职能有四个方面：一是…；二是…」: the short heading
        # that announces the items stays with them
        first = heading.start(1)
    start, end = normalize(cand.text).original_span(first, last + len(items[-1]))
    return clause_around(cand.text, start, end)


def best_clause(q: Question, cand: Candidate) -> str:
    """The clause of the sentence that says most of what the question asks."""
    parts = clauses(cand.norm)
    if not parts:
        return cand.norm
    if q.qtype == "why" and any(REASON.search(p.text) for p in parts):
        parts = [p for p in parts if REASON.search(p.text)]  # the reason, not the restated subject
    scored = [(clause_score(q, p.text) + type_fit(q, p.text), -i, p) for i, p in enumerate(parts)]
    best = max(scored)[2]
    if len(best.text) < 8 and len(parts) > 1:
        return cand.norm.rstrip("。")
    return best.text


# the act whose length of time is asked, right before the question word (「要公示多长时间」: 公示)
# how long until a thing is done (「多久能办完」「多长时间能办好」), and a length of time within which the
# notice has it done (「10个工作日内办结」「15日内办理完毕」)
_DONE = re.compile(r"(?:多久|多长时间|多少天|几天|多少个?工作日|几个工作日)[^，,。？?]{0,3}?(?:办|做|弄)(?:完|好)")
_DONE_WITHIN = re.compile(r"\d+\s*个?(?:工作日|自然日|日|天|个月)(?:之|以)?内(?:办结|办理完毕|完成|办完)")
_LASTING_ASKED = re.compile(r"([\u4e00-\u9fff]{2})(?:多长时间|多久|多少天|几天|多少个?工作日|几个工作日|多少个月|几个月)")
# a question that asks a share, and a figure that is one
# the period a rate is asked per (「一个学期能给多少」「每个月能领多少」) and the period a clause states one
# per (「每学期600元」, not 「每生每年1200元」); not a condition (「满一年」「近一年」)
_PERIOD_ASKED = re.compile(r"(?<![满近超过足上下前后头第])(?:一|每)个?(学期|学年|季度?|月|年|星期|周|天|日)(?![级度初底末内以后前来])")
_PERIOD_STATED = re.compile(r"每(?:逾|超过?|延迟?)?一?个?(学期|学年|季度?|月|年|星期|周|天|日)")  # (「每逾一日加收1%」)
# (a school year is a year: 「每学年300元」 answers 「一年能补多少」, not 「每学期」)
_SAME_PERIOD = {"星期": "周", "天": "日", "季": "季度", "学年": "年"}


def asked_period(q: Question) -> str:
    """The period the question asks a rate per (「一个学期」: 学期; 「每天」: 日), or "". Not a
    period of a figure the asker states (「公司一年营业额3个亿，…给多少奖励」: the asker's revenue
    per year, before any question word of its clause)."""
    for found in _PERIOD_ASKED.finditer(q.text):
        clause = re.split(r"[，,。；;？?！!]", q.text[found.end():], maxsplit=1)[0]
        stated, asking = _STATED_FIGURE.search(clause), _QUESTION_WORD.search(clause)
        if stated and (asking is None or stated.start() < asking.start()):
            continue
        return _SAME_PERIOD.get(found.group(1), found.group(1))
    return ""


# a figure the asker states (「3个亿」「1500万」「5万元」), and a question word after a period
_STATED_FIGURE = re.compile(r"\d|[两三四五六七八九十百千万]+[个]?[亿万千百元块岁]")
_QUESTION_WORD = re.compile(r"多少|(?<!好)几|多大|多高|多长|多久")  # (「好几千万」 says several, asks nothing)


def stated_periods(text: str) -> set[str]:
    """The periods ``text`` states a rate per (「每生每年1200元…每学期600元」: 年, 学期)."""
    return {_SAME_PERIOD.get(p, p) for p in _PERIOD_STATED.findall(text)}
# (「能先拿到总额的多少」「补到购价的多少」: a share of a whole the question names)
_ASKS_SHARE = re.compile(r"百分之(?:几|多少)|(?<=[\u4e00-\u9fff])的多少(?=[?？]?$)|百分比|几成|几分之几|(?:几|多少)折|(?:几|多少)个点|(?:多少|什么|哪个)比例|比例(?:是|为)?(?:多少|几)|percent", re.IGNORECASE)
_PERCENT = re.compile(r"\d\s*[%％‰‱]|[千万]分之[\d一二三四五六七八九十零点.]|\d\s*个?百分点|百分之[\d一二三四五六七八九十]|[\d一二三四五六七八九]\s*成(?![本员为果绩立])|[\d一二三四五六七八九]\s*折(?![抵算旧合扣价])|\d\s*/\s*\d|[一二三四五六七八九十]分之[一二三四五六七八九十]")


def asks_share(question: str) -> bool:
    """「报销百分之多少」「补几成」: the question asks a share."""
    return _ASKS_SHARE.search(question) is not None


def states_share(text: str) -> bool:
    """``text`` holds a share (「65%」「百分之八十」「七成」「1/3」)."""
    return _PERCENT.search(text) is not None


def _bare_said(figure: str, question: str) -> bool:
    """The question says the figure's number bare, its unit left to the context (「孩子满18了还在念
    大学，能领到几岁」: 18 of 「年满18周岁…的」), the asker's own figure."""
    number = re.match(r"\d+(?:\.\d+)?", figure)
    # (a number among letters or slashes is a code's, 「7/34P号决议」, no figure of the asker's)
    return number is not None and re.search(r"(?<![\d./A-Za-z])" + re.escape(number.group()) + r"(?![\d./A-Za-z]|\s*[\u4e00-\u9fff%])|"
                                             r"(?<![\d./A-Za-z])" + re.escape(number.group()) + r"(?=了)", question) is not None


# (「工程造價之百分之三十」: 之 as 的, in written and Taiwan usage)
_SHARE_OF = re.compile(r"([\u4e00-\u9fff]{2,8})[的之](?:\d+(?:\.\d+)?\s*[%％]|百分之[\d一二三四五六七八九十]+)")


def share_of_money(text: str) -> bool:
    """``text`` states a sum as a share of another (「成交总价款的30%」「按工资总额的2%」): an
    amount of money for 「要交多少」, though no figure of it is in 元."""
    return any(names_money(m.group(1)) for m in _SHARE_OF.finditer(text))


# what is paid and what is given (agent/lexicon/paying_verbs.txt; giving_verbs.txt, its words of two
# characters: 补助 补贴 奖励…), which tell the clause of a payment asked from a grant beside it
_PAYING_VERBS = tuple(w for w in words("paying_verbs") if len(w) >= 2)
_GRANT_WORDS = tuple(w for w in words("giving_verbs") if len(w) >= 2)


def _paid(text: str) -> bool:
    return any(p in text for p in _PAYING_VERBS)


def _granted(text: str) -> bool:
    """A clause that gives a grant (「…给予运营补贴」) and says no payment."""
    return any(g in text for g in _GRANT_WORDS) and not _paid(text)


def figure_clause(q: Question, evidence: list[Candidate], title: str = "") -> str:
    """The clause with a figure of the asked unit that best fits the question, weighing years.
    The words of the notice's ``title`` tell its clauses apart only half as well: every one is
    about them (「小微企业创业担保贷款最长能贷几年」 of the 创业担保贷款 rules: 「小微企业贷款期限最长不超过
    2年」, not 「个人创业担保贷款期限最长不超过3年」); a title may name two things, though (「…生活补贴和
    护理补贴…」), so they still count."""
    best, best_score = "", -1e9
    asked_years = set(re.findall(r"((?:19|20)\d\d)年", q.text))
    adjectives = how_much(q.text)
    noun = asked_slot(q.text).noun
    counted = re.compile(r"(?:\d|[一二三四五六七八九十两百千万亿])" + re.escape(noun[:1])) if noun else None
    share = _ASKS_SHARE.search(q.text) is not None
    own = as_counted(q.text)
    lasting = _LASTING_ASKED.search(q.text) if q.unit == DURATION_ASKED else None
    done = q.unit == DURATION_ASKED and _DONE.search(q.text) is not None
    period = asked_period(q)
    fined = "罚" in q.text
    paying = PAID_ASKED.search(q.text) is not None
    totalled = SUM_ASKED.search(q.text) is not None
    per_unit = set(_PER_ONE.findall(q.text))
    for cand in evidence:
        parts = clauses(cand.norm)
        own_chars = _own_characters(q, parts)
        # a sum asked that the sentence states only as a share of another sum (「交多少」: 「按应缴费额的
        # 50%缴纳」), no figure of it in 元: the share answers
        shared = q.unit == "钱" and not any(q.unit_fits(f.text) for f in (*figures(cand.norm), *numerals(cand.norm)))
        for at, part in enumerate(parts):
            # a figure with a known unit, or any numeral with the measure word after it
            # (「长1,980米」「12岁」「7处」: 量词 and units are an open class)
            found = [f for f in figures(part.text) if not _ARTICLE.fullmatch(f.text)] + numerals(part.text)
            fits = (lambda f, part=part: q.unit_fits(f.text) or (
                _PERCENT.search(f.text) is not None and share_of_money(part.text))) if shared else (lambda f: q.unit_fits(f.text))
            if not any(fits(f) for f in found):
                continue  # (「一次性」「一个」 count nothing, as `numerals` reads them)
            if paying and _granted(part.text) and any(_paid(p.text) and numerals(p.text) for p in parts):
                continue  # 「老人自己要掏多少」: 「老人自付100元」, not the grant beside it 「区财政按…每月200元给予运营补贴」
            if q.unit == DURATION_ASKED and not any(in_asked_scale(q.text, d.text) for d in durations(part.text)):
                continue  # 「能领几个月」: 「可领7个月」, not the years it counts 「满6年不足7年的」
            if share and not _PERCENT.search(part.text):
                continue  # 「按百分之几交」: a share, not 「第二套住房」
            if all(f.text in q.text or f.text in own or _bare_said(f.text, own) for f in found if fits(f)):
                continue  # 「原来3%的征收率现在按多少」: the question's own figure is not its answer
                # (nor 「户籍人口5人及以上的」 of 「5口人以上每多一个人…加多少」)
            if (q.unit and _condition(part.text) and at + 1 < len(parts)
                    and any(q.unit_fits(f.text) and f.text not in own for f in figures(parts[at + 1].text))):
                continue  # 「主机功率不足20千瓦的，按20千瓦计算」 for 「按多少千瓦算」: the case the 的-phrase names
                # is ruled on by the figure after it, in the same unit
            if not q.unit and _in_condition(parts, at):
                continue  # 「生育二孩、三孩的…申请…贷款的，…再上浮10万元」: a 的-phrase names whom the
                # figure after it is for (「…多给多少」 asks no unit of its own)
            score = clause_score(q, _labelled(cand.norm, parts, at)) + own_chars[at]
            before = _run_start(cand.norm, parts, at) - 1  # (what is before a run of values is before each of them)
            if before >= 0 and not numerals(parts[before].text):
                # the condition before it, which states no figure of its own, is what the figure is
                # of (「主体工程开工并经乡镇核实后，拨付补助资金的50%」 for 「开工以后先给多少」)
                score += 0.5 * clause_score(q, parts[before].text)
                if _condition(parts[before].text) and _case_of_asker(q, parts, before, title):
                    # a 的-phrase naming the asker's case, which no other clause names (「普通话水平达到
                    # 二级乙等及以上，申请语文学科教师资格的，须达到二级甲等及以上」 for 「想当语文老师」)
                    score += 3.0
            score -= 0.5 * sum(term_credit(t, part.text) for t in q.terms if len(t) >= 2 and t in title)
            # (a word says more than a character: 「刚大修过的路」 takes 「大修后2年内」, not 「城市道路新建…5年内」
            # by its 路)
            score += 0.25 * sum(term_credit(t, part.text) for t in q.terms if len(t) >= 2 and t not in title)
            # the figure of the range the question's own figure is in: 「92岁」 takes 「90至99周岁每人每月300元」,
            # not 「80至89周岁…100元」; 「面积150平米」 the rate after 「面积为140平方米以上的」
            fit = range_fit(part.text, q.text) or (
                range_fit(parts[at - 1].text, q.text) if at and not own_measure(part.text, q.text) else 0)
            # (a range that misses the asker's own figure is another case, however well it puts the
            # asked cap: 「家里3口人…最多盖多大」 → 「3人户控制在60平方米以内」, not 「4人及以上户…不超过18平方米」)
            score += 3.0 * fit if fit >= 0 else -8.0
            if any(in_unit_of(noun, part.text) for noun in q.asked):
                score += 3.0  # 「体重」: the clause with 8公斤, not the one with 三个亚种
            stated_per = set(_PER_STATED.findall(part.text))
            if per_unit and stated_per and not stated_per & per_unit and any(
                    set(_PER_STATED.findall(p.text)) & per_unit for p in parts):
                continue  # 「一座最多补助多少」: 「每座新台币4万元」, not the cap per community beside it,
                # 「每一社区最高新台币20万元」, however well its bound word fits
            if totalled and TOTAL_STATED.search(part.text):
                score += 3.0  # 「5周全报下来一共多少钱」: 「5周共计750元」, not the rate 「每生每周收费150元」
            if fined and FINED.search(part.text):
                score += 3.0  # 「最多罚多少钱」: 「并可处5万元以下罚款」, not a fee's cap 「每个学员不超过10000元」
            if any(in_unit_of(adjective, part.text) for adjective in adjectives):
                score += 10.0  # 「多长」 is answered in metres only: 「全长1122米」, not 「一条…街道」
            if counted is not None and counted.search(part.text):
                score += 3.0  # the asked measure word after a numeral: 「分为几类」 ← 「两类」, 「多少席位」 ← 「500席」
            if lasting is not None and re.search(re.escape(lasting.group(1)) + r"(?:期|期限|时间)?(?:为|是)?\d", part.text):
                score += 2.0  # 「要公示多长时间」: 「…公示30日」, not 「自公示期满之日起10个工作日内…」
            if done and _DONE_WITHIN.search(part.text):
                score += 2.0  # 「报销要多久能办完」: 「市外用血10个工作日内办结」, not 「…在办结后5个工作日内转账」
            level = _level_fit(q.text, part.text, cand.norm[: part.start + len(part.text)])
            score += level
            if level > 0 and at and _figured(parts[at - 1].text) and not _level_fit(q.text, parts[at - 1].text, ""):
                # the asked level's case of the rule just before it, whose words it elides: 「毕业时年龄
                # 不超过30周岁，硕士研究生放宽到35周岁」 for 「读硕士的，毕业时年龄最大不能超过几岁」
                score += clause_score(q, parts[at - 1].text)
            stated = stated_periods(part.text)
            if period and stated:
                if period not in stated and any(period in stated_periods(p.text) for p in parts):
                    continue  # a rate per another period than the one a clause beside it states: 「一年至少得开放
                    # 几天」 is 「每年开放时间不少于120天」, not 「其中每周至少开放1天」, however many words it says
                score += 2.0 if period in stated else -2.0  # 「一个学期能给多少」: 「每学期600元」, not 「每生每年1200元」
            if asked_years:  # 「2024年…产量」: not the 2027 target in the next clause
                years = re.findall(r"((?:19|20)\d\d)年", cand.norm[: part.start + len(part.text)])
                if years:
                    score += 3.0 if years[-1] in asked_years else -3.0
            if score > best_score:
                best, best_score = part.text, score
    return best


def _own_characters(q: Question, parts: list) -> list[float]:
    """Per clause with a figure, 1 when it alone of the sentence's clauses with a figure writes all
    but one character of a question word the sentence does not write whole (「剖腹产…报多少」 over 「顺产2600元，剖宫产
    4000元」: 剖…产, in the second clause only): the case the question names in its own word."""
    sentence = "".join(part.text for part in parts)
    unwritten = [t for t in q.terms if len(t) >= 3 and t not in q.names and t not in sentence]
    figured = [_figured(part.text) for part in parts]
    out = [0.0] * len(parts)
    for term in unwritten:
        partly = [at for at, part in enumerate(parts) if figured[at] and _partly_written(term, part.text)]
        if len(partly) == 1 and sum(figured) >= 2:
            out[partly[0]] = 1.0
    # (and two characters side by side in the question that one clause alone writes, whatever words
    # the segmenter cut them into: 「學手排汽車」 学手|排, 「手排車新臺幣1萬7,500元」 over 「自排車…」)
    # (only where the cut is an accident, a side of one character or no word: not 「这种|袋鼠」)
    said = {a[-1] + b[0] for a, b in pairwise(q.terms) if a + b in q.text and a not in q.names and b not in q.names
            and not all(len(w) >= 2 and in_dictionary(w) for w in (a, b))}
    for pair in said:
        if not re.fullmatch(r"[\u4e00-\u9fff]{2}", pair):
            continue
        writing = [at for at, part in enumerate(parts) if figured[at] and pair in part.text]
        if len(writing) == 1 and sum(figured) >= 2:
            out[writing[0]] = 1.0
    return out


def _partly_written(term: str, text: str) -> bool:
    """All but one character of ``term``, in order, within a stretch one character longer than it
    (「剖宫产」 for 「剖腹产」)."""
    need = len(term) - 1
    for i in range(len(text) - need + 1):
        window, got = text[i : i + len(term) + 1], 0
        for ch in term:
            at = window.find(ch)
            if at >= 0:
                got, window = got + 1, window[at + 1 :]
        if got >= need and text[i] in term:
            return True
    return False


def _case_of_asker(q: Question, parts: list, at: int, title: str) -> bool:
    """The clause at ``at`` says a word of the question that no other clause of the sentence, nor
    the notice's title, says."""
    return any(t in parts[at].text and t not in title and not any(t in p.text for j, p in enumerate(parts) if j != at)
               for t in q.terms if len(t) >= 2 and t not in q.names)


def _condition(clause: str) -> bool:
    """A 的-phrase clause (「生育二孩、三孩的缴存职工家庭…申请住房公积金贷款的」): the case the
    clauses after it rule on, not a statement of its own (《现代汉语八百词》 的: 「的」字结构 as 主语)."""
    return clause.rstrip().endswith("的")


def _in_condition(parts: list, at: int) -> bool:
    """The clause at ``at`` is part of a 的-phrase that a later clause with a figure rules on: it
    ends the phrase itself, or the phrase goes on in the next clause or two, which state no figure
    (「报废本人名下注册登记满3年的燃油乘用车，并购买新能源乘用车的，在上述标准基础上再增加2000元」:
    the 3年 is of the case, the 2000元 is what it gets)."""
    for j in range(at, min(at + _PHRASE_CLAUSES, len(parts))):
        if j > at and figures(parts[j].text):
            return False
        if _condition(parts[j].text):
            return any(figures(p.text) for p in parts[j + 1 :])
    return False


_PHRASE_CLAUSES = 3  # clauses a 的-phrase runs over, at most


def _level_fit(question: str, clause: str, said: str) -> float:
    """+3 for a clause of the one level the question asks of an exclusive group (「二级医院…报销
    多少」: 「二级医疗机构为75%」); −10 for one of another level of it, however many of the
    question's words it repeats (「一级医疗机构报销比例为85%」, whose words the next clauses elide).
    A clause is of the level it names, else of the last one named before it in its sentence (``said``:
    the sentence up to the clause's end): 「全市农村低保标准由…提高到每人每年7560元，即每人每月630元」."""
    fit = 0.0
    for group in CLAUSE_GROUPS:
        asked = mentioned(group, question)
        if len(asked) != 1:
            continue
        named = [w for w in group if w in clause] or [w for _, w in sorted((said.rfind(w), w) for w in group if w in said)[-1:]]
        fit += 3.0 if asked[0] in named else -10.0 if named else 0.0
    return fit


def _labelled(sentence: str, parts: list, at: int) -> str:
    """A short value with the label before its colon (「联系电话:0816-2345678」): what the value is
    of; a longer clause after a colon describes its item (「2.一次性创业补贴:对首次创办…的毕业生」)."""
    lead = _label_of(sentence, parts, at)
    return parts[at].text if lead is None else f"{parts[lead].text}:{parts[at].text}"


def _label_of(sentence: str, parts: list, at: int) -> int | None:
    """The clause before the colon that opens the run of short values ``parts[at]`` is one of
    (「实行定额结算：顺产2600元，剖宫产4000元」: 实行定额结算 labels both figures), or None."""
    first = _run_start(sentence, parts, at)
    if first and len(parts[at].text) <= _FIELD_VALUE and _after_colon(sentence, parts[first]):
        return first - 1
    return None


def _run_start(sentence: str, parts: list, at: int) -> int:
    """The first of the run of short clauses with a figure that ``parts[at]`` ends (「特困人员每人每年最高
    800元，低保对象每人每年最高500元」: values side by side, of the clause before them); a run opens
    after a colon (「…殡仪馆（24小时服务）：0742-5316999」: the label is no value of the run)."""
    j = at
    while j and len(parts[j].text) <= _FIELD_VALUE and len(parts[j - 1].text) <= _FIELD_VALUE and _figured(
            parts[j - 1].text) and not _after_colon(sentence, parts[j]):
        j -= 1
    return j


def _after_colon(sentence: str, part) -> bool:
    return sentence[part.start - 1 : part.start] in (":", "：")


def _figured(text: str) -> bool:
    """A figure with a unit, or a numeral with its measure word."""
    return bool(figures(text) or numerals(text))


# a measure word the question asks a figure per (「一座」「每台」「一户」), not a period (「一年」: asked_period)
_PER_ONE = re.compile(r"(?<![第\d])[一每](座|台|户|辆|间|套|亩|吨|件|株|头|只|宗|栋|处)")
_PER_STATED = re.compile(r"每一?([\u4e00-\u9fff])")  # the measure word a clause states a figure per
# a sum the question asks (「一共」「总共」), and a total a sentence states before its figure
# (「停水时间共计36小时」「合计发放1200万元」; a bare 共 only right before the figure: 「共3批」)
SUM_ASKED = re.compile(r"总共|一共|合计|总计|加起来")
# (a bound of the total too: 「月缴存额合计上限为6,876元，下限为210元」)
TOTAL_STATED = re.compile(r"(?:共计|合计|总计|总共|一共|累计|共)(?:[上下]限|最[高低多少]|不超过|不低于)?为?\s*(?:\d|[一二两三四五六七八九十百千万])")
_ARTICLE = re.compile(r"一\D")  # 「一次性」「一种」: the article or a word, not a count of one
_FIELD_VALUE = 16  # characters: a field's value (a number, a name), not a description


def unnumbered(text: str) -> str:
    """``text`` without the item or article number it opens with (「第三条 」「（二）」「3.」)."""
    return _ITEM_MARK.sub("", text) or text


def clause_around(text: str, start: int, end: int) -> str:
    """The clauses of ``text`` (split at commas and semicolons) that hold ``text[start:end]``."""
    parts = clauses(text)
    inside = [p for p in parts if p.start < end and start < p.end]
    if not inside:
        return text[start:end]
    return _ITEM_MARK.sub("", text[inside[0].start : inside[-1].end].strip()).rstrip("。.")


def whole(cand: Candidate) -> str:
    """A sentence as the short answer, as written, without its closing full stop."""
    return cand.text.strip().rstrip("。.")


def reported_speech(q: Question, norm: str) -> str:
    """What someone said, for 「…介绍了什么」: the words after the speech verb in the sentence."""
    for verb in q.focus_verbs:
        if verb not in _SPEECH_VERBS or not re.search(rf"{verb}了?(?:些|一些)?(?:什么|哪些)", q.text):
            continue
        said = re.search(rf"{verb}(?:道|说)?[，,:：]\s*(.{{6,}})$", norm)
        if said:
            return said.group(1).strip("“”\"。 ")
    return ""


# (the words that state a cap or a floor are `tables.BOUNDS`; those of them that ask for one are
# limit words, agent/lexicon/limit_words.txt: 最多, 上限, 封顶)


def states_asked_bound(question: str, text: str) -> bool:
    """The question asks for a cap or a floor (「顶多能拿多少」) and ``text`` puts one before a
    figure (「补贴总额最高不超过15000元」)."""
    return any(any(w in question for w in bound if w in LIMIT_WORDS) and (
        re.search(f"(?:{'|'.join(bound)})\\D{{0,3}}?\\d", text) or evens(bound, text))
        for bound in BOUNDS)


def evens(bound: tuple[str, ...], text: str) -> bool:
    """``text`` puts the bound (`tables.BOUNDS`: upper or lower) without a bound word before its
    figure: 「不足1500元的按1500元计发」 (`_EVENED`)."""
    return re.search(_EVENED[BOUNDS.index(bound)], text) is not None


# a fine (《中华人民共和国行政处罚法》 第九条 罚款; 罚锾 of Taiwan's 行政罰法; 罚金 of the criminal law)
FINED = re.compile(r"罚款|罚锾|罚鍰|罚金")
# the verbs a rate is raised or lowered with (agent/lexicon/clause_cues.tsv: rise, fall)
RISE, FALL = (tuple(table("clause_cues")[row]) for row in ("rise", "fall"))


# a sum evened up or down to the same figure (「不足1500元的按1500元计发」: a floor; 「超过3万元的按3万元
# 计算」: a cap), as subsidy rules put a minimum or a maximum without a bound word (not a sum with
# 以下 or 以上 after it, 「可处5万元以下罚款」: two blind probe answers were lost to it, fines or not)
_EVENED = (r"(?:超过|高于|多于)(\d[\d.,]*[万千百]?元?)的?[，,]?按\1",
           r"(?:不足|低于|少于|不满)(\d[\d.,]*[万千百]?元?)的?[，,]?按\1")


# the half of the year a question asks (「下半年那一批」), by the months it holds
_HALVES = {"上半年": range(1, 7), "下半年": range(7, 13)}


def half_fit(question: str, text: str) -> int:
    """1 when ``text`` dates a month in the half of the year the question asks, −1 when all its
    months are in the other half, 0 when it names no month or the question no half."""
    months = [int(m) for m in re.findall(r"(?<!\d)(\d{1,2})月", text) if 1 <= int(m) <= 12]
    half = next((r for word, r in _HALVES.items() if word in question), None)
    if half is None or not months:
        return 0
    return 1 if any(m in half for m in months) else -1


def clause_score(q: Question, text: str) -> float:
    """Question terms in a clause; the words next to the question word count three times, and
    more when a figure follows one of them directly (「增长12.4%」 for 「增长了多少」)."""
    score = sum(term_credit(t, text) for t in q.terms) + 2 * sum(term_credit(f, text) for f in q.focus)
    score += 3 * half_fit(q.text, text)  # 「下半年那批几号开始」: 「第二批为9月1日至9月30日」
    if states_asked_bound(q.text, text):  # 「最多能拿多少」: the clause that puts a cap before its figure
        score += 5
    for word in q.focus:
        if word in LIMIT_WORDS:  # 「最多」「至少」 pick the clause with the cap, not the rate,
            # however the cap is put (「最多补助多少」: 「单个企业最高不超过50万元」)
            score += 2 * max(term_credit(word, text), 0.5 * any(w in text for w in LIMIT_WORDS))
        if any(re.search(re.escape(w) + r"\D{0,3}?(?:\d(?!\d{3}年)|[一二三四五六七八九十百千万亿]+[家个项名人倍])", text)
               for w in (word, head_word(word))):
            score += 5  # a figure right after the asked word or its head (「咨询电话」: 「联系电话：0816…」),
            # not a year (「本办法自2025年…」 for 「有效期多久」)
    return score


def type_fit(q: Question, text: str) -> float:
    """A bonus for a clause of the asked type: a date, a place, a person, a reason, a business."""
    if q.qtype == "when" and _WHEN.search(text):
        return 1.0
    if q.qtype == "where" and _WHERE.search(text):
        return 1.0
    if q.qtype == "who" and _WHO.search(text):
        return 1.0
    if q.qtype == "why" and _WHY.search(text):
        return 3.0  # the clause that gives a reason
    if DOES_WHAT.search(q.text) and _BUSINESS.search(text):
        return 3.0  # 「智核芯链是做什么的？」: the clause with what it does, not its name
    return 0.0


__all__ = [
    "CLAUSE_GROUPS", "DOES_WHAT", "TYPED_SPANS", "best_clause", "clause_around", "clause_score", "figure_clause",
    "items_clause", "reported_speech", "span", "type_fit", "whole",
]
