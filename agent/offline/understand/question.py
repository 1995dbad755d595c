"""Understanding a question: its script, its type and its focus terms. Plain Python."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from agent.lexicon import entities
from agent.lexicon.thesaurus import categories, is_personal
from agent.lexicon.wordlists import table, words
from agent.offline.extract.figures import DURATION, FRACTION, GROUPED, sum_of_money
from agent.offline.understand.answer_type import asked_slot, question_words_only
from ingest.normalize import is_traditional, normalize_query
from ingest.segment import Segmenter, general_frequency, in_dictionary

# order matters: the first matching type wins
_TYPES: list[tuple[str, re.Pattern]] = [
    ("calc", re.compile(
        r"相差|差多少|差距|差值|多出|(?<![同环])比(?!上年|去年|上一年|前一年|上月|上季度|上年同期|去年同期).{0,16}(?:多|少|高|低|增加|增长|提升)[\u4e00-\u9fff]{0,3}?(?:了)?(?:多少|几)|多了多少|高出|少了多少|"
        r"几倍|多少倍|倍数|比例|占比|平均每|平均到|每家约|每个约|每月平均|月均|日均|年均|合计|总共|加起来|总和|一共|"
        r"百分之多少|百分之几|几成|(?<=[\u4e00-\u9fff])的多少(?=[?？]?$)|相当于.{1,20}的?(?:多少|几)|占(?![道地用])[^，,；;。]{1,16}(?:比例|比重|多少|几)|增长率是多少|扩大到.{1,12}(?:多少|几)|"
        r"how many times|difference|ratio|average per|combined|sum of|add up"
    )),
    ("why", re.compile(r"为什么|为何|原因|why", re.I)),
    ("yesno", re.compile(r"是否|是不是|有没有|能否|可否|会不会|(?P<ab>[\u4e00-\u9fff])不(?P=ab)|吗[?？]?$|(?<=[\u4e00-\u9fff])(?:不|没有?)[?？]$|^(is|are|does|do|did|has|have|can|will) ", re.I)),
    ("list", re.compile(
        r"哪些|哪几(?!个?[天日号月年周])|有哪|包括什么|包含什么|包括哪|涵盖|列举|分别是|分别有|哪几个(?![天日号月年周])|几大|三大|"
        r"which (?:\w+ )?(?:areas|fields|companies|projects|items|ones)|list|what are the", re.I
    )),
    # a day of the week (「礼拜几回收」), not a count per week (「一周几次」)
    ("when", re.compile(r"(?<![一两二三四五六七八九十\d每个])(?:周|星期|礼拜)几(?![次个天遍趟])")),
    ("number", re.compile(
        r"多少|(?:电话|号码)(?:是|为|要?[打拨])?几号|(?<!哪)几家|(?<!哪)几个|(?<!哪)几年|多大|多高|多长|多快|多远|多宽|多深|多重(?=以内|以下|之内|的|[？?]|$|呢)|规模|数量|营收|产值|增速|增长率|增幅|(?<!哪)几(?![月点时号天日])[A-Za-z\u4e00-\u9fff]|"
        r"how much|how many|what percentage|what is the (?:revenue|output|capacity|growth)|\b(?:charge|charges|cost|costs|price|fee)\b", re.I
    )),
    # 时间/日期 ask for a time next to a question word (「什么时间」「时间是哪天」) or alone (「开放时间？」,
    # below), not as a topic (「…的休息时间」「收缩的时间会因其什么特征…」: DRCD dev); 「打几号」 asks the
    # number to dial, as 「電話是幾號」 does; 「每個月幾號會匯進來」 a day of the month a sum is paid on
    ("when", re.compile(
        r"什么时候|何时|哪[一几]?年|哪[一几]?天|哪几[日号]|最[晚迟早]几[号日]|(?<![打拨话码])(?<!话是)(?<!码是)几号(?=之?前|以前|截止|为止|开始|起|[到至]几号|[?？]?$|[会能就才]?[发到汇转拨打放][^号码]?)|几月|哪[个几]个?月|几点|几时|(?:什么|哪[个一段]?|何)(?:日期|时间段?|时段)|"
        r"(?:日期|时间)(?:是|为)?(?:什么|何时|哪|几|多少)|when|what date|what year|what time", re.I)),
    ("where", re.compile(r"哪里|哪儿|何处|何地|在哪|什么地方|(?:哪个|什么)(?:地址|地点)|位于|坐落|where|located", re.I)),
    ("who", re.compile(r"谁|哪位|什么人|姓名|名字|who", re.I)),
    ("which", re.compile(r"哪个|哪家|哪一|什么|何种|哪种|which|what", re.I)),
]

# the units a 「多少名/几台」 question counts in, and the units of figures that answer it
# (agent/lexicon/asked_units.tsv; file order is the order of the alternatives)
_UNIT_KIN = {unit: kin for unit, kin in table("asked_units").items() if kin}
# (「十几亩」「二十几岁」 state a rough count, 「那几个月」「这几天」 point at some: that 几 asks nothing)
_ASKING_JI = r"(?:多少|(?<![十百千万两一二三四五六七八九\d那这])几)"
# (not an ordinal, 「第几次会议」「第几名」: a rank is asked, not a count in the unit; nor 「几分钟」
# 「几分之几」, a time and a share, by the score 分)
_ASKED_UNIT = re.compile(r"(?<!第)" + _ASKING_JI + r"(?P<unit>" + "|".join(map(re.escape, table("asked_units"))) + r")(?![钟之])")
# 「多久」「多长时间」「多快给派律师」「几个工作日」「多少天」「管几年」: a length of time is asked (its unit:
# DURATION_ASKED); not a year of an era (「西元几年」「民国几年」「哪几年」), a grade (「几年级」) or
# 年轻人 (「多少年轻人」)
DURATION_ASKED = "时长"
_HOW_FAR = re.compile(r"多远|多少距离|多长距离|多大距离")
# 「行李多重以内不收费」: a weight (not 「多重保障」, several)
_HOW_HEAVY = re.compile(r"多重(?=以内|以下|之内|的|[？?]|$|呢)|多少重量")
# 「多大岁数」「年纪多大」: an age (the names of agent/lexicon/quantity_units.tsv's 年龄 row)
_HOW_OLD = re.compile(r"多大(?:的)?(?:岁数|年纪|年龄|年岁)|(?:岁数|年纪|年龄|年岁)(?:是|有)?多大")
_ASKS_DURATION = re.compile(r"多久|多长时间|多少时间|多长的时间|多快(?=[\u4e00-\u9fff])(?!的)|(?<![月哪元国])" + _ASKING_JI + r"个?(?:工作日|工作天|自然日|星期|个月|小时|"
                            r"(?:天|日|周)(?![\u4e00-\u9fff])|天(?![然气空文堂下津地])|(?:日|周)(?=[内后才能就可的之以去来到完办做拿领交])|"
                            r"年(?![级度份底初末前轻纪代]))")  # not 「多少日圆」「多少天然气」「多少周岁」


def _asked_unit(text: str) -> str:
    if _SPOKEN_YUAN.search(text):
        return "钱"  # 「吃一顿能便宜几块」: 块 as people say 元 (not 「几块地」)
    found = _ASKED_UNIT.search(text)
    if found:
        return found.group("unit")
    if _HOW_FAR.search(text):
        return "米"  # 「多远以内不能放炮」: a distance (100米, 2公里, 50公尺)
    if _HOW_HEAVY.search(text):
        return "公斤"  # 「行李多重以内」: a weight (20公斤, 5千克)
    if _HOW_OLD.search(text):
        return "年龄"  # 「老人多大岁数进去不要钱」: an age (70周岁, 65歲, 8个月)
    if _ASKS_DURATION.search(text):
        return DURATION_ASKED
    if _PAYS.search(text) or _money_asked(text) or _MONEY_NAMED_AFTER.search(text):
        return "钱"  # 「自己还得掏多少」「补多少养老保险钱」: a sum of money
    # 「最多可以补助多少」: money or a share, not a time; 「刚满92岁，一个月能领多少」: what is taken
    # each month or year, a payment
    return GRANT_ASKED if (_GIVES.search(text) or _grant_asked(text) or _TAKEN_PER_PERIOD.search(text)
                           or _REDUCED.search(text)) else ""


# a share of a hundred per cent or more, a multiple written as one (300% is 3倍)
_PERCENT_FIGURE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]$")
# 「几块」「多少块钱」: 块 as the spoken 元 (《现代汉语词典》 块: 〈口〉用于货币), when no noun follows it
_SPOKEN_YUAN = re.compile(_ASKING_JI + r"块(?:钱|(?![\u4e00-\u9fff]))")
# a verb of giving a grant right before the question word at the question's end (agent/lexicon/giving_verbs.txt)
GRANT_ASKED = "补助额"
# (「补助多少钱」 is asked in 钱 before this: 多少钱 names its unit)
_GIVES = re.compile(r"(?:" + "|".join(map(re.escape, words("giving_verbs"))) + r")(?:多少|几)[?？]?$")


# 多少 asked of how much less is paid (「中低收入户可以少缴多少」「能便宜多少」; agent/lexicon/clause_cues.tsv
# reduced-asked): a sum or a share of a charge (「減收二分之一」), as a grant is
_REDUCED = re.compile(r"(?:" + "|".join(map(re.escape, table("clause_cues")["reduced-asked"])) + r")了?(?:多少|几)[?？]?$")


# 多少 before what the money is for and 钱 at the question's end (「给他补多少养老保险钱」「交多少学费钱」)
_MONEY_NAMED_AFTER = re.compile(r"多少[\u4e00-\u9fff]{1,6}钱[?？]?$")
# 多少 taken by the month or year at the question's end (「一个月能领多少」「每年可以拿多少」), no noun after it
_TAKEN_PER_PERIOD = re.compile(r"(?:[一每]个?月|[一每]年|每季度?)(?:最多|最高|总共|一共)?(?:能|可以|可)?(?:领|拿)多少[?？]?$")


def _money_asked(text: str) -> bool:
    """「高温补贴一个月有多少」「当天高温津贴有多少」: 多少 asked of a sum of money the question names
    right before it (with a period and a verb between), which is answered in money, not by the
    sentence's other figures (「共4个月」)."""
    found = _HOW_MUCH_OF.search(text)
    noun = found.group("noun") if found else ""
    return any(c.startswith(_PAYMENTS) for i in range(len(noun) - 1) for c in categories(noun[i:]))


def _grant_asked(text: str) -> bool:
    """「丧葬补助能拿多少」「每个月能领多少困难补助」: 多少 asked of a grant the question names right
    before or after it, in a giving verb used as its noun (agent/lexicon/giving_verbs.txt: 补助 资助
    奖励 救助, which the thesaurus files as verbs only), is answered in money or a share of a cost,
    not by the sentence's other figures (「在死亡之日起30日内」)."""
    found = _HOW_MUCH_OF.search(text)
    if found and found.group("noun").endswith(_GRANT_NOUNS):
        return True
    after = _HOW_MUCH_BEFORE.search(text)
    # (or a few words before it in the same clause: 「一次性补助当一年兵给多少」)
    return (after is not None and after.group("noun").endswith(_GRANT_NOUNS)) or _GRANT_THEN_ASKED.search(text) is not None


# the two-character giving verbs, which notices use as the nouns of what is given (「丧葬补助」)
_GRANT_NOUNS = tuple(w for w in words("giving_verbs") if len(w) >= 2)
_GRANT_THEN_ASKED = re.compile(r"(?:" + "|".join(map(re.escape, _GRANT_NOUNS)) + r")[^，,。；;？?！!\d]{0,8}?(?<![多再另])(?:给|发|拿|领)多少[?？]?$")  # (not an extra, 「能多发多少」)
# 多少 right before the name of what is asked, ending the question (「能领多少困难补助」; not a count,
# 「领几回培训补贴」)
_HOW_MUCH_BEFORE = re.compile(r"(?:拿|领|给|发|有)多少(?:钱的?)?(?P<noun>[\u4e00-\u9fff]{2,6})[?？]?$")


# 同义词词林's sums paid to or by a person: Dj07 工资/津贴 (「补贴」「津贴」), Dj08B3 奖金/救助金, Dj08C
# 费用 (「学费」「保费」); not Dj04 资金, whose 「注册资本」 may be stated in any currency (「30亿越南盾」),
# Dj06 租税, which a rate may answer (「契税按多少算」: 2%), nor Dj08B04 收入, a statistic that shares
# its table with others in 元 (「人均可支配收入」 beside 「地区生产总值（亿元）」)
_PAYMENTS = ("Dj07", "Dj08B3", "Dj08C")


# a noun, a period (「一个月」「每天」) and a verb of having or giving, then 多少 ending the question
# (not 「企业补贴多少」, whose 补贴 is the verb: 「按购置价的15%给予补贴」 answers it)
_HOW_MUCH_OF = re.compile(r"(?P<noun>[\u4e00-\u9fff]{2,4}?)(?:[一每]个?[\u4e00-\u9fff]{1,2}?|当天|当月)?"
                          r"(?:最多|最高|总共|一共)?(?:能|可以|可)?(?:有|是|为|拿|领|给|发)多少[?？]?$")


# a verb of paying right before the question word, no measure word after it (agent/lexicon/paying_verbs.txt)
# (not a difference: 「能少交多少」 may be answered by a share, 「应缴费额的50%」)
_PAYS = re.compile(r"(?<![少多减免])(?:" + "|".join(map(re.escape, words("paying_verbs"))) + r")了?(?:多少|几)(?![\u4e00-\u9fffA-Za-z%％])")


_PER = re.compile(r"\s*/\s*[\u4e00-\u9fff]{1,3}$")
_COUNTING = re.compile(r"多少|几|多[大高长快久远重宽深厚]|how much|how many|percentage|cost|price|fee", re.I)
# a sum word before the asker's own figure in its clause (「一共献了1000毫升」「总共交了三年」)
_STATED_SUM = re.compile(r"(?:一共|总共|合计|加起来)(?=[^,，。;；?？多几]{0,6}(?:\d|[两三四五六七八九十百千万]))")
_ARITHMETIC = re.compile(r"相差|差多少|几倍|多少倍|平均|合计|总共|加起来|一共|多出|高出")
_ENGLISH = re.compile(r"[A-Za-z]{3,}")


@dataclass(frozen=True)
class Question:
    raw: str
    text: str  # normalised Simplified form
    traditional: bool
    english: bool
    qtype: str
    terms: tuple[str, ...]  # content terms, in question order
    asked: tuple[str, ...] = ()  # nouns next to the question word: what is asked about
    focus: tuple[str, ...] = ()  # any content word next to the question word (「增长了多少」: 增长)
    focus_verbs: tuple[str, ...] = ()  # the question's event verbs (「什么时候召开」: 召开)
    kind: str = ""  # the noun right after 什么/哪个 (「在什么活动上」: 活动)
    names: tuple[str, ...] = ()  # places, people and organisations the question names
    unit: str = ""  # the unit a 「多少名/几台」 question counts in
    exists: tuple[str, ...] = ()  # the things a 「有没有X」 clause asks the existence of

    def unit_fits(self, figure: str) -> bool:
        """A figure in the asked unit (「多少人」: 4.3万人, 120名) or the question asks none; a bare
        count in groups of three digits fits any unit (「人口达2,790,060」); a length of time
        answers 「多久」 (「15日」「6个月」「半年」)."""
        if not self.unit or GROUPED.fullmatch(figure.strip()):
            return True
        if self.unit == DURATION_ASKED:
            return DURATION.fullmatch(figure.strip()) is not None
        # (a rate per something is in its unit: 「1600元/月」 is in 元)
        figure = _PER.sub("", figure.rstrip())
        if self.unit == "倍" and (share := _PERCENT_FIGURE.search(figure)):
            return float(share.group(1)) >= 100  # 「按日工资收入的300%支付」 answers 「几倍」
        kin = _UNIT_KIN.get(self.unit, (self.unit,))
        if "%" in kin and FRACTION.fullmatch(figure):
            return True  # 「补贴二分之一」 is a share, as 「50%」 is
        return any(figure.endswith(u) for u in kin)

    @property
    def wants_number(self) -> bool:
        return self.qtype in ("number", "calc")


def analyze(raw: str, segmenter: Segmenter) -> Question:
    # 「每个人可以领多少」 as a notice writes it: 「每人」 (and 每月, 每户 …)
    text = _EACH.sub("每", normalize_query(raw))
    # 「啥时候」「啥材料」「为啥」: the spoken 啥 is 什么
    text = text.replace("啥", "什么")
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    english = cjk < 2 and bool(_ENGLISH.search(text))
    qtype = "fact"
    # (「我一共献了1000毫升血，…能免多少」: a sum the asker states, not one asked)
    typed = _STATED_SUM.sub(lambda m: "_" * len(m.group()), question_words_only(text))
    for name, pattern in _TYPES:
        if pattern.search(typed):
            qtype = name
            break
    if qtype == "yesno":
        # 「有没有路费补助？给多少？」「新婚夫妻有没有额外加钱，加多少？」: the last part asks the
        # figure (or time, place) that answers the yes as well
        last = [p for p in re.split(r"[,，;；?？]", typed) if p.strip()][-1:]
        later = next((n for n, p in _TYPES if last and p.search(last[0])), "")
        if later in ("number", "when") and not _TYPES[2][1].search(last[0]):
            qtype = later
    if qtype == "why" and not re.search(r"为何|原因|why", typed, re.I) and asked_slot(text).kind != "reason":
        # 「…被誉为什么？」: 为+什么 asks what the thing is called or made (answer_type._copula_what)
        qtype = next((n for n, p in _TYPES if n != "why" and p.search(typed)), "fact")
    if qtype == "number" and re.search(r"(?:多少|几)[^怎如]*(?:怎么|如何|怎样)(?:办|处理|执行|计算|认定|申请|申报|操作)?[?？]?$", typed):
        qtype = "fact"  # 「同时满足几项政策时，怎么处理？」: the figure is a condition, the manner is asked
    if qtype == "fact" and re.search(r"时间|日期", typed):
        qtype = "when"  # 「申报时间？」: no question word, the time is what is asked
    if re.search(r"(?:西元|公元)(?:几|多少)年", text):
        qtype = "when"  # 「于西元几年」 asks for a year, not a count of years
    if qtype in ("number", "calc") and not _COUNTING.search(typed) and asked_slot(text).kind in ("entity", "place", "person", "time"):
        # 「…影响什么物种的数量？」「规模最大的航空公司属于哪一国家？」: a quantity word names the
        # topic, the question word asks for a thing (DRCD dev: refused as "no figure"); so does a
        # ratio word (「黏性与其哪一种淀粉的比例有关？」)
        qtype = next((n for n, p in _TYPES if n not in ("calc", "number") and p.search(typed)), "fact")
    if qtype == "calc" and re.search(r"哪些|哪几", text) and not _ARITHMETIC.search(text):
        qtype = "list"  # 「哪些行业…占比至少达到八成」 asks for a list; the share is a condition
    unit = _asked_unit(text)
    if qtype == "number" and _asks_time_after_figure(typed):
        qtype, unit = "when", ""
    tagged = segmenter.tagged(text)
    pronouns = {w for w, flag in tagged if flag[:1] == "r"}
    # an interrogative pronoun jieba knows as one word (何处/何年/何种/何人) asks, it names nothing
    # to look up: 「元皇后祖籍何处」 matched 「如何处置」
    # (a word cut across the end of an asked length of time loses the locative it took: 「多少天内审完」
    # is 审, not 内审)
    terms = tuple(dict.fromkeys(unglued(t[1:] if len(t) >= 2 and _ends_duration(t, text) else t) for t in segmenter.terms(text)
                                if not _is_question_word(t) and not (t in pronouns and _INTERROGATIVE.search(t))))
    names = _names(tagged, text)
    return Question(
        asked=tuple(a for a in _asked_words(tagged, text, segmenter) if not _cut_across_own_word(a, terms, text)),
        exists=_existence_asked(tagged, text),
        kind=_kind_noun(tagged, text),
        names=names,
        unit=unit,
        focus=_focus_words(tagged),
        focus_verbs=tuple(
            dict.fromkeys(w for w, flag in tagged if flag in ("v", "vn") and w not in GENERIC_VERBS)
        ),
        raw=raw,
        text=text,
        traditional=is_traditional(raw),
        english=english,
        qtype=qtype,
        terms=_with_names(terms, names, text),
    )


def _asks_time_after_figure(typed: str) -> bool:
    """「年初几个月按老标准少发的钱，什么时候补给我们」: the figure words are in the asker's account
    of the case, the last clause asks when (and asks no figure itself)."""
    parts = [p for p in re.split(r"[,，;；?？]", typed) if p.strip()]
    return len(parts) >= 2 and bool(_ASKS_WHEN.search(parts[-1])) and not _ASKS_NUMBER.search(parts[-1])


# the question words of a date (「什么时候」「哪天」) and of a figure, as `_TYPES` reads them
_ASKS_WHEN = next(p for n, p in _TYPES if n == "when" and "什么时候" in p.pattern)
_ASKS_NUMBER = next(p for n, p in _TYPES if n == "number")


# the modal verbs jieba's HMM glues to the verb after them or to the word before (「会罚」「能领」
# 「最多能」), making a word no document writes
_MODALS = "会能要得可该需"
# a whole this many times rarer than its part before the modal is that part with the modal glued
# (not 「联合会」「运动会」: a noun in 会 is left alone)
_RARE_WHOLE = 10


def unglued(term: str, verb: bool = False) -> str:
    """``term`` without a modal verb the segmenter glued to it (「最多能」: 最多; with ``verb``, also
    one before a verb: 「会罚」: 罚), when the whole is not a word of jieba's dictionary (「可能」
    「要求」 are). (A question's terms keep 「能领」: 领 alone credits 「自领证之月起」.)"""
    if len(term) >= 3 and term[-1] in _MODALS and term[-1] != "会" and term[-2] not in _MODALS and (
            general_frequency(term) * _RARE_WHOLE <= general_frequency(term[:-1])):
        return term[:-1]  # 「顶多能」, a word of jieba's dictionary counted 3 times beside 顶多's 262
    if len(term) < 2 or in_dictionary(term) or not re.fullmatch(r"[\u4e00-\u9fff]+", term):
        return term
    if verb and term[0] in _MODALS and term[1] not in _MODALS:
        return term[1:]
    if len(term) >= 3 and term[-1] in _MODALS and in_dictionary(term[:-1]):
        return term[:-1]
    return term


def _with_names(terms: tuple[str, ...], names: tuple[str, ...], text: str) -> tuple[str, ...]:
    """The terms with each name in place of the pieces jieba cut it into (「到霈|州」: 霈州), which
    match nothing the documents write."""
    spans = [(at, at + len(n), n) for n in names
             if not any(n in t for t in terms) and (at := text.find(n)) >= 0]
    if not spans:
        return terms
    out: list[str] = []
    at = 0
    for term in terms:
        i = text.find(term, at)
        if i < 0:
            out.append(term)
            continue
        at = i + len(term)
        name = next((n for start, end, n in spans if i < end and start < at), "")
        out.append(name or term)
    return tuple(dict.fromkeys(out))


_ASKING = re.compile(r"^(什么|什麼|多少|几.?|幾.?|谁|誰|哪.*|何.*|怎样|如何|多大|多高|多长|多久|是否)$")
# nouns that name the kind of answer wanted, not a fact that must be in the documents
# (agent/lexicon/frame_nouns.txt)
FRAME_NOUNS = frozenset(words("frame_nouns"))
# a benefit asked for names the kind of answer too (「有啥优惠」), though one asked whether there is
# one is the thing asked (「有没有优惠」; agent/lexicon/benefit_nouns.txt)
BENEFIT_NOUNS = frozenset(words("benefit_nouns"))
# the nouns that name the kind of answer asked for, not a thing the documents must name
ANSWER_KINDS = FRAME_NOUNS | BENEFIT_NOUNS

# verbs too general to name an event (agent/lexicon/generic_verbs.txt)
GENERIC_VERBS = frozenset(words("generic_verbs"))


def _focus_words(tagged: list[tuple[str, str]]) -> tuple[str, ...]:
    words = [w for w, _ in tagged]
    focus: list[str] = []
    for i, word in enumerate(words):
        if not _ASKING.match(word):
            continue
        for j in range(max(0, i - 2), min(len(words), i + 3)):
            w, flag = tagged[j]
            if j != i and flag[:1] in ("n", "v", "a") and not _is_question_word(w) and len(w) >= 2:
                if w not in ("是", "有", "能", "会", "达到", "为"):
                    focus.append(w)
    # a limit word the segmenter cut (「最多补助」: 最/多) asks for the cap all the same
    text = "".join(words)
    focus.extend(w for w in words if w in LIMIT_WORDS)
    focus.extend(w for w in sorted(LIMIT_WORDS) if w in text)
    return tuple(dict.fromkeys(focus))


_WHICH = re.compile(r"^(?:什么|哪个|哪场|哪次|哪项|哪一|哪一个|哪一场|哪一次|哪|何|哪些|哪几|哪几个|哪几类|哪几种|哪几项)$")


def _names(tagged: list[tuple[str, str]], text: str) -> tuple[str, ...]:
    """Proper names by jieba's tags (ns place, nr person, nt organisation) and place suffixes,
    kept when they start and end on the word boundaries of a named-entity tagger
    (agent/lexicon/entities, Baidu LAC): jieba glues function characters onto names
    (「了佩琴加」「史称二」「之前新北市」); a bare generic head (行政区, 公司) is no name, nor a word
    the tagger reads as a common noun (jieba tags 「英文名」「冰淇淋」 nr) or as opening with a verb
    (「拿来盖房子」: 盖 v)."""
    out = []
    for w, flag in tagged:
        if len(w) < 2 or _is_question_word(w):
            continue
        if not (flag in ("ns", "nr", "nt") or (flag in ("n", "x") and _PLACE.match(w))):
            continue
        if not entities.aligned(text, w):
            w = _GLUED.sub("", w)  # 「哪一行政区」: the tagger's boundary may be off by that character
            if not entities.aligned(text, w):
                continue
        if (len(w) >= 2 and not _generic_head(w) and not entities.common_word(text, w) and not is_personal(w)
                and not (flag == "nr" and entities.common_words(text, w)) and not entities.verb_opening(text, w)
                and not (flag == "nt" and entities.common_phrase(w))):  # 「赓溆市外贸公司」: a kind of company
            out.append(w)
    # a place the tagger reads whole where jieba cut a rare name or character off its suffix
    # (「梓陵|市」: nrt, 「峣|山县」: zg): LAC's LOC, in place of the part jieba kept; not where jieba
    # read a common word (「路口|镇」: s, 「牛车|水区」), which the documents may well name alone
    cut = _cut_names(tagged, text)
    places = [n for n in entities.names(text) if (_PLACE.match(n) or len(n) == 2) and n not in out and not _generic_head(n)
              and n in cut and any(t.text == n and t.tag == "LOC" for t in entities.tokens(text))]
    out = [w for w in out if not any(w in p for p in places)] + places
    # 「鲑湔县村集体」: LAC reads 「鲑湔县村」 as one place; no village is named by a whole county
    # or city and 村: it is the county, and 村 opens the next word (村集体, 村里, 镇上)
    return tuple(dict.fromkeys(_FUSED_LEVEL.sub(r"\1", w) for w in out))


_FUSED_LEVEL = re.compile(r"^([\u4e00-\u9fff]{2,6}[省市县区])[镇乡村]$")


_PLACE = re.compile(r"^(?:[\u4e00-\u9fff]{2,6}[省市县区镇乡村州]|[\u4e00-\u9fff]州)$")  # 「霈州」 too


def _cut_names(tagged: list[tuple[str, str]], text: str) -> set[str]:
    """The spans of ``text`` that open with a jieba token tagged as a transliterated name, an
    unknown character or a bound morpheme (nrt zg x g: 「霈|州」) and close with the token after it: a name jieba cut in two. Not a
    person's name (nr): 「东引|区」 is a 区 of the document's 东引 (DRCD dev), which LAC's 东引区 would
    take for another place."""
    spans, at = set(), 0
    starts = []
    for word, flag in tagged:
        at = text.find(word, at)
        starts.append((at, word, flag))
        at += len(word)
    for (i, word, flag), (j, after, _) in pairwise(starts):
        if flag in ("nrt", "zg", "x", "g", "yg") and i >= 0 and j >= 0:
            spans.add(text[i : j + len(after)])
    return spans
_EACH = re.compile(r"每个(?=[人月年天日户家])")
_GLUED = re.compile(r"^[一这那该此前后和与及在从于把被]")
# heads that alone name no place or organisation (agent/lexicon/generic_heads.txt)
_GENERIC_HEADS = frozenset(words("generic_heads"))


def _generic_head(word: str) -> bool:
    """「市」「地区」「公司」, and a one-character head after 行政 (「行政村」)."""
    return word in _GENERIC_HEADS or (len(word) == 3 and word.startswith("行政") and word[2] in _GENERIC_HEADS)


def _cut_across_own_word(noun: str, terms: tuple[str, ...], text: str) -> bool:
    """Every place ``text`` writes ``noun``, the segmenter cut it out of a word the question uses
    elsewhere (「车商把…卖给我，车商会被罚多少」: 车|商会 across the asker's 车商): a cut that takes
    a character of the asker's word, no thing asked about."""
    words = [t for t in terms if len(t) >= 2 and t != noun and noun not in t]
    starts = [m.start() for m in re.finditer(re.escape(noun), text)]
    return bool(starts and words) and all(
        any(text[at - k:at - k + len(w)] == w for w in words for k in range(1, min(len(w), at + 1)))
        for at in starts)


def _kind_noun(tagged: list[tuple[str, str]], text: str) -> str:
    """The head of the noun phrase after 什么/哪些 (「哪些文旅新举措」: 新举措); not a verb LAC
    reads after it (「找哪个科室咨询」: 咨询 vn to jieba, the phrase's verb)."""
    tokens = entities.tokens(text)
    verbs = {t.text for t in tokens if t.tag == "v"}
    places = {t.text for t in tokens if t.tag == "s"}
    for i, (word, _) in enumerate(tagged):
        if not _WHICH.match(word):
            continue
        run = []
        for j, (nxt, flag) in enumerate(tagged[i + 1 :], i + 1):
            if run and ((len(nxt) == 1 and len(run[-1]) >= 2) or nxt in verbs):
                break  # 「打哪个电话问」: jieba's one-character 问 n after the phrase is its verb
            if nxt[:1] in _NEGATORS and flag[:1] != "n" and not (j + 1 < len(tagged) and tagged[j + 1][1][:1] == "n"):
                break  # 「有什么不懂的」: any thing one does not know, a negated verb, no kind (「不良记录」 is one)
            if flag[:1] == "n" or flag in ("vn", "i", "l", "s") or (flag == "a" and not run):  # s: 「窗口」
                run.append(nxt)
            else:
                break
        if run:
            head = run[-1]
            # 「打到什么卡里」: a noun and a locative (《现代汉语八百词》 里/上 方位词), one place word
            # to LAC (s) and a name to jieba (卡里 nrt): the noun is the kind
            return head[0] if len(head) == 2 and head[1] in _LOCATIVES and head in places else head
    return ""


_LOCATIVES = "里上中内"

# the negators a negated verb or adjective opens with (不懂, 没用); not a noun's 无/未 (无障碍, 未成年人)
_NEGATORS = "不没"

# words that ask for a limit (agent/lexicon/limit_words.txt)
LIMIT_WORDS = frozenset(words("limit_words"))

# times relative to now and times of day, tagged t like a date (agent/lexicon/time_words.txt)
_TIME_WORDS = frozenset(words("time_words"))
_MEASURE_PHRASE = re.compile(r"^[每一单首][\u4e00-\u9fff]{1,3}$")  # 「每节课」「一节课」 are units, not facts
_HOW = ("大", "高", "长", "久", "远", "重", "快")  # 「多大年纪」: jieba cuts 多/大


# an administrative level with a locative after it (《现代汉语八百词》 里/上 方位词): 县里 市里 村里 镇上,
# or its government (市政府 县政府: 「市政府补助多少钱」), the asker's own place whatever is asked
LEVEL_HERE = re.compile(r"[省市县区镇乡村](?:[里上]|政?府)")  # (市府 县府: Taiwan's short forms)


# the words that make a clause ask (interrogative pronouns and adverbs, 吗, and the A-not-A forms);
# a clause without them tells the asker's situation
ASKS = re.compile(r"多少|几|什么|啥|哪|吗|怎么|怎样|如何|多久|多长|多大|多高|多远|是否|能否|可否|有没有|有无|能不能|可不可以|行不行|谁|\?$")


def told_years(question: str) -> list[str]:
    """The years of the asker's own situation (「我们小区2008年盖的，能报吗」「孩子2019年10月生的」):
    in a clause that asks nothing and tells what was done then (it ends in 的 or 了, not a time
    frame alone: 「1998年6月至2000年4月，…担任什么职务」)."""
    return [y for c in re.split(r"[，,；;。！!?？]", question) if not ASKS.search(c) and re.search(r"[的了]\s*$", c)
            for y in re.findall(r"(?:19|20)\d\d(?=年)", c)]


# 「有没有X」 asks whether X exists, 「能不能X」 whether one may X
_EXISTS = frozenset({"有没有", "有无", "有沒有", "有無", "能不能", "可不可以", "能否", "可否"})


# a charge named by what it is for and 费 (《现代汉语词典》 费: 费用; 「考试费」「工本费」「评估费」)
_FEE = re.compile(r"[\u4e00-\u9fff]{2,4}费")


def _asked_nouns(tagged: list[tuple[str, str]], text: str) -> tuple[str, ...]:
    """Common nouns within two words of a question word (「员工有多少人」 -> 员工)."""
    words = [w for w, _ in tagged]
    clause_of = _clauses(tagged, text)
    asked: list[str] = []
    for i, word in enumerate(words):
        # 「门诊量比上年增长了多少」: the quantity compared is asked, however far from 多少
        if (word == "比" and 0 < i and tagged[i - 1][1] in ("n", "vn", "nz") and len(words[i - 1]) >= 2
                and words[i - 1] not in FRAME_NOUNS and any(_ASKING.match(w) for w in words[i + 1 :])):
            asked.append(words[i - 1])
        if _exists_at(words, i) or (word in ("能", "可") and i + 1 < len(words) and words[i + 1] in ("不能", "不可")):
            # 「有没有一次性的生育奖励金」: the thing whose existence is asked, to its clause's end, by
            # LAC's reading (jieba tags 「孔明灯」 nr)
            marker = word if _exists_at(words, i) else word + words[i + 1]  # 「能不能」 is 能 + 不能 to jieba
            asked += _nouns_after(marker, text)
            continue
        if not (_ASKING.match(word) or (word == "多" and i + 1 < len(words) and words[i + 1] in _HOW)):
            continue
        for j in _clause_window(tagged, clause_of, i):
            w, flag = tagged[j]
            if (
                j != i
                and (flag in ("n", "vn", "nz", "eng") or (flag == "t" and w not in _TIME_WORDS)
                     or _FEE.fullmatch(w))  # 「考试费是多少」: a fee, whatever tag jieba gives it (v)
                and w not in ANSWER_KINDS
                and not _MEASURE_PHRASE.match(w)
                and len(w) >= 2
                and not _is_question_word(w)
                and not _agent(tagged, j, text)
                and not (j > i and _consequence_subject(tagged, j))
                and not LEVEL_HERE.fullmatch(w)  # 「县里一次性奖多少」: 县里 gives, it is not counted
                and not _ends_duration(w, text)
            ):
                asked.append(w)
    for m in _A_NOT_A.finditer(text):
        asked += _nouns_after(m.group(0), text)  # 「上面给不给买意外保险」: 意外保险, whether it is given
    return tuple(dict.fromkeys(asked))


# a verb, 不 and the verb again (「给不给」「交不交」「发不发」): a yes or no asked of what follows it, as
# 「有没有」 asks (《现代汉语八百词》 正反问句); 能不能 and 有没有 are read above, 是不是 asks no thing
_A_NOT_A = re.compile(r"((?![是有能可])[\u4e00-\u9fff])不\1")


def _ends_duration(word: str, text: str) -> bool:
    """``word`` begins with the locative that closes an asked length of time (「多久内能去申请」:
    jieba's 内能 takes the 内 of 多久内): a cutting accident, no thing asked about."""
    return word[0] in "内前后" and any(
        (m := _ASKS_DURATION.search(text[:at])) is not None and m.end() == at
        for at in (f.start() for f in re.finditer(re.escape(word), text)))


def _consequence_subject(tagged: list[tuple[str, str]], j: int) -> bool:
    """The noun at ``j``, after the question word, begins the clause of what follows (「逾期过几次
    公积金中心就不受理了」: 公积金中心 does 不受理), nouns then 就/才/便: it is not what is counted."""
    k = j
    while k + 1 < len(tagged) and tagged[k + 1][1] in ("n", "vn", "nz", "nt", "j"):
        k += 1
    return k + 1 < len(tagged) and tagged[k + 1][0] in _THEN


def _exists_at(words: list[str], i: int) -> bool:
    """``words[i]`` asks whether a thing exists: 「有没有」「有无」, or 「没有」 after a word that ends in
    有 (「还有没有一次性创业奖金」: jieba's 还有|没有)."""
    return words[i] in _EXISTS or (words[i] == "没有" and i > 0 and words[i - 1].endswith("有"))


def _nouns_after(marker: str, text: str) -> list[str]:
    """LAC's nouns from ``marker`` to the end of its clause, and an adjective that ends it, which is
    the thing asked (「坐公交有没有优惠」: 优惠, LAC's a)."""
    at = text.find(marker) + len(marker)
    rest = re.split(r"[,，;；:：。?？!！]", text[at:])[0]

    def nouns(tokens: list) -> list[str]:
        tokens = [t for t in tokens if t.tag not in ("w", "xc", "u")]
        return [t.text for i, t in enumerate(tokens) if (t.tag in _NOUN_FLAGS or (t.tag in ("a", "an") and i == len(tokens) - 1))
                and len(t.text) >= 2 and t.text not in FRAME_NOUNS]

    # (or as tagged in the whole question, when the clause alone has none: LAC reads 「一次性抚慰金」
    # alone as an adverb, nz in its sentence)
    return nouns(entities.tokens(rest)) or nouns([t for t in entities.tokens(text) if at <= t.start and t.end <= at + len(rest)])


def _existence_asked(tagged: list[tuple[str, str]], text: str) -> tuple[str, ...]:
    """The things a 「有没有X」 clause asks the existence of (「有没有每个月发的育儿津贴」: 育儿津贴)."""
    words = [w for w, _ in tagged]
    return tuple(dict.fromkeys(n for i, w in enumerate(words) if _exists_at(words, i) for n in _nouns_after(w, text)))


def _agent(tagged: list[tuple[str, str]], j: int, text: str) -> bool:
    """The word at ``j`` does the asked thing, it is not what is counted: the agent of a passive
    (「被城管查到要罚多少钱」) or of a preposition of giving (「政府给补多少钱」), the source of what
    is got (「从政府那拿多少」)."""
    before = tagged[j - 1][0] if j > 0 else ""
    after = tagged[j + 1] if j + 1 < len(tagged) else ("", "")
    if before in _PASSIVE or before in _SOURCE:
        return True
    if after[1] == "p" and after[0] in _GIVING:
        # (not a sum of money before 给, which is what is given: 「丧葬费给多少」)
        return not sum_of_money(tagged[j][0])
    # an institution or a person doing the verb after it, a modal between (「政府补助多少钱」「国家
    # 能补贴多少钱」), not one that has the counted thing (「员工有多少人」)
    k = j + 1
    while k < len(tagged) and (tagged[k][0] in _MODALS or _EVERY.fullmatch(tagged[k][0])):
        k += 1  # (or how often: 「政府每年帮出多少钱」)
    verb = tagged[k] if k < len(tagged) else ("", "")
    acting = verb[1].startswith("v") or any(  # 「能补贴」: 补贴 n to jieba, v to LAC
        t.text == verb[0] and t.tag == "v" for t in entities.tokens(text))
    return (acting and verb[0] not in GENERIC_VERBS
            and (any(c.startswith(_DOERS) for c in categories(tagged[j][0])) or tagged[j][0].endswith(_UNIT_ENDS)))


_PASSIVE = frozenset({"被", "由", "让", "叫", "遭"})  # the markers of a passive's agent
_GIVING = frozenset({"给", "帮", "替", "为"})  # prepositions whose subject gives to the asker
_MODALS = frozenset({"能", "会", "要", "可以", "能够", "应该", "需要", "将", "可"})
_EVERY = re.compile(r"每[年月天日周季次]")  # a period the giving recurs in, between the giver and the verb
_THEN = frozenset({"就", "才", "便"})  # the adverbs that begin what follows a condition
_SOURCE = frozenset({"从", "向"})  # 「从政府那拿多少」「向银行贷多少」: whom it comes from
# 同义词词林's institutions (Dm: 政府, 企业, 银行), states and their divisions (Di02: 国家, 乡镇) and people
_DOERS = ("Dm", "Di02", "A")
# the endings of a service unit's name (agent/lexicon/organisation_heads.tsv: office-end) of two
# characters or more: 「处理中心」「服务窗口」 do what follows them, as 政府 does
_UNIT_ENDS = tuple(h for h in table("organisation_heads")["office-end"] if len(h) >= 2)


def _had(text: str) -> list[str]:
    """「有停车场吗」「淹死了有补偿吗」: the thing whose existence a 有…吗 clause asks, by LAC's
    nouns between 有 and 吗 (jieba glues 「了有」); 「能放孔明灯吗」: the thing a 能/可以…吗 clause
    asks whether one may act on, LAC's nouns after the modal."""
    out: list[str] = []
    for clause in re.split(r"[,，;；:：。?？!！]", text):
        toks = entities.tokens(clause)
        if len(toks) < 3 or toks[-1].text not in ("吗", "么", "嗎", "麼"):
            continue
        at = next((k for k, t in enumerate(toks) if t.text == "有" and t.tag == "v"), -1)
        if at < 0:  # 「能放孔明灯吗」: what a modal's verb acts on is asked whether one may
            at = next((k for k, t in enumerate(toks[:-2]) if t.text in _MAY and toks[k + 1].tag in ("v", "p")), -1)
        if at >= 0:
            # (a facility LAC reads as a place: 「有攀岩馆吗」)
            out += [t.text for t in toks[at + 1 : -1]
                    if t.tag in (*_NOUN_FLAGS, "LOC") and len(t.text) >= 2 and t.text not in FRAME_NOUNS]
    return out


_NOUN_FLAGS = ("n", "vn", "nz")
_MAY = frozenset({"能", "可以", "可", "能够", "还能", "還能", "允许", "允許"})


def _asked_words(tagged: list[tuple[str, str]], text: str, segmenter: Segmenter) -> tuple[str, ...]:
    """The asked nouns that are words (`_asked_word`), each else by its head noun (`_noun_head`)."""
    out = []
    for word in _asked_nouns(tagged, text):
        kept = next((w for w in (word, _noun_head(word)) if w and _asked_word(w, text, segmenter)), "")
        if kept:
            out.append(kept)
    # the thing a 「有…吗」 clause asks about is LAC's word, dictionary or not (「攀岩馆」)
    return tuple(dict.fromkeys([*out, *_had(text)]))


def _asked_word(word: str, text: str, segmenter: Segmenter) -> bool:
    """「车能」 (车+能) is a cutting accident, not a thing asked about: dictionary words on the NER
    tagger's word boundaries (not 「剧里」, 剧+里); Latin acronyms (GDP, PUE) are asked facts too,
    though no dictionary lists them."""
    if re.fullmatch(r"[a-z]{2,8}", word):
        return True
    return ((in_dictionary(word) or word in segmenter.words) and entities.aligned(text, word)
            and not entities.verb_ending(text, word))


def _noun_head(word: str) -> str:
    """The dictionary noun a compound ends with (「月工资」: 工资, where the NER tagger reads
    「…录用后月|工资」), or ""."""
    return next((word[i:] for i in range(1, len(word) - 1) if in_dictionary(word[i:])), "")


def _clauses(tagged: list[tuple[str, str]], text: str) -> list[int]:
    """The clause each tagged word is in (the segmenter drops punctuation: found again in ``text``)."""
    at, clause, out = 0, 0, []
    for word, _ in tagged:
        found = text.find(word, at)
        if found < 0:
            out.append(clause)
            continue
        if re.search(r"[,，;；:：。?？!！]", text[at:found]):
            clause += 1
        out.append(clause)
        at = found + len(word)
    return out


def _clause_window(tagged: list[tuple[str, str]], clause_of: list[int], i: int) -> list[int]:
    """Two words either side of the question word, within its clause (「…高校毕业生，可以领多少」:
    not 毕业生 across the comma), and on to the end of the noun phrase it opens (「多少一次性创业
    补贴」: 补贴, its head)."""
    end = min(len(tagged), i + 3)
    while end < len(tagged) and tagged[end][1] in _NOUN_FLAGS and tagged[end - 1][1] in _NOUN_FLAGS:
        end += 1
    return [j for j in range(max(0, i - 3), end) if clause_of[j] == clause_of[i]]


_QUESTION_WORDS = re.compile(
    r"^(沿着|沿著|接下来会|形象|比作|称作|称为|叫做|被称为|誉为|那座|那批|这篇|这些|那些|那个|这个|正在|还会|会先|可以|能够|能|会|将|要|已经|主要|平均|每月|"
    r"每天|每家|至少|多出|比|按|下限|上限|计算|约|大约|如果|保留|两位|小数|一共|共|百分之|几倍|多少倍|"
    r"第几个|哪几个|哪几|哪天|多长时间|段时间|时候|哪[\u4e00-\u9fff]{0,3}|谁|除了|现任|打算|叫|叫做|名字|还|"
    r"给|得|想|来|去|搞|弄|了|的|吃|一下子|那篇|那份|那项|那个|这篇|这份|具体|到底|究竟|大概|大约|左右|"
    r"什么|怎么|怎样|如何|多少|几|何|是否|有没有|为什么|为何|吗|呢|请问|分别|主要|具体|"
    r"情况|介绍|说说|说明|一下|哪些|哪个|哪家|哪里|多大|多高|多久|多长|多远|多重|多宽|多深|起码|最起码|方面|内容|问题|"
    r"根据|资料|文中|报告|文章|提到|提及|说|讲|what|which|who|when|where|why|how|much|many|"
    r"the|does|did|is|are|was|were|do|of|in|for|to|and|its|it|that|this)$",
    re.I,
)


_INTERROGATIVE = re.compile(r"[何哪谁啥]")


def _is_question_word(term: str) -> bool:
    return bool(_QUESTION_WORDS.match(term))
