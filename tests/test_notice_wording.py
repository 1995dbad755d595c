"""How residents word what a notice says (probe40, session 29): 「阿公」 is the asker's grandfather,
not a name the documents must know; 「乘车卡」 in the notice that names the 「敬老乘车卡」 is that
card; a time limit in 个工作日 answers 「要多久」; and a 的-phrase before the figure names whom it is
for. Literal strings: no index, no model."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.lexicon.thesaurus import is_personal
from agent.offline.check import rules
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.figures import how_much, in_unit_of
from agent.offline.gather.rank import time_limit_first
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


# understand --------------------------------------------------------------------------------------
def test_a_kin_word_with_the_prefix_a_is_the_askers_own_person(segmenter):
    assert is_personal("阿公") and is_personal("阿嬷") and is_personal("阿爸")
    assert not is_personal("阿强") and not is_personal("阿里") and not is_personal("阿富汗")
    q = analyze("我阿公今年78岁，敬老卡每个月有几点？", segmenter)
    assert "阿公" not in q.names


def test_the_askers_grandfather_is_no_unknown_name(segmenter):
    notice = LiteralDocuments({"a.txt": "羿峧市敬老爱心卡使用办法\n75—84岁｜600点\n"}, segmenter=segmenter)
    d = draft(segmenter, "我阿公今年78岁，每个月能领多少钱？", sentence("75—84岁｜600点"))
    assert rules.unknown_name(d, notice) is None
    stranger = draft(segmenter, "小明今年78岁，每个月能领多少钱？", sentence("75—84岁｜600点"))
    assert rules.unknown_name(stranger, notice) == rules.Refusal("unknown-name", "the documents never name 小明")


def test_a_sum_of_money_before_gei_is_what_is_given_not_who_gives(segmenter):
    assert "丧葬费" in analyze("特困人员去世了，丧葬费给多少？", segmenter).asked
    assert "政府" not in analyze("政府给补多少钱？", segmenter).asked
    # a period the giving recurs in stands between the giver and the verb
    assert "政府" not in analyze("低保户交城乡居民医保，政府每年帮出多少钱？", segmenter).asked


# check -------------------------------------------------------------------------------------------
_CARD = ("翮溍区老年人优待实施办法\n"
         "（一）敬老乘车卡限本人使用，乘车时须主动刷卡。\n"
         "（四）乘车卡遗失、损坏的，可到原办理地点申请补办，补办工本费20元；\n")


def test_the_head_of_a_name_the_notice_gives_refers_to_it(segmenter):
    docs = LiteralDocuments({"a.txt": _CARD}, names=("敬老乘车卡",), segmenter=Segmenter(["敬老乘车卡"]))
    lost = sentence("（四）乘车卡遗失、损坏的，可到原办理地点申请补办，补办工本费20元；", coverage=0.4)
    assert docs.mentions(lost, "敬老乘车卡")
    d = draft(segmenter, "敬老乘车卡弄丢了，补一张要花多少钱？", lost)
    assert rules.other_entity(d, docs) is None
    # a sentence that holds none of it is still about something else
    other = sentence("（二）公园门票遗失的，不予补办。", coverage=0.4)
    assert not docs.mentions(other, "敬老乘车卡")
    # and the head's characters inside another word are no mention (「运算中心」 for 城南智算中心)
    centre = LiteralDocuments({"b.txt": "算力发展报告\n城南智算中心预计明年建成。\n新建的运算中心已投用。\n"},
                              segmenter=segmenter)
    assert not centre.mentions(sentence("新建的运算中心已投用。", source="b.txt", coverage=0.4), "城南智算中心")


# extract -----------------------------------------------------------------------------------------
def test_a_limit_in_working_days_is_a_length_of_time(segmenter):
    assert how_much("调查核实要多久？") == ("久",)
    assert in_unit_of("久", "应当自受理申请之日起15个工作日内完成调查核实")
    assert in_unit_of("久", "審查期為10工作天") and in_unit_of("久", "公示7天")
    assert not in_unit_of("久", "提出初审意见")
    top = sentence("第十二条　乡镇（街道）应当自受理申请之日起15个工作日内完成调查核实，提出初审意见，"
                   "并在申请人所在村（社区）公示7天。")
    d = draft(segmenter, "交了申请后乡镇那边调查核实要多久？", top)
    assert figure_clause(d.q, [top]) == "第十二条 乡镇(街道)应当自受理申请之日起15个工作日内完成调查核实"


def test_the_de_phrase_before_a_figure_names_whom_it_is_for(segmenter):
    top = sentence("生育二孩、三孩的缴存职工家庭购买自住住房申请住房公积金贷款的，"
                   "在本通知第一条规定的最高额度基础上再上浮10万元。")
    d = draft(segmenter, "我家生了二胎，公积金贷款额度能多给多少？", top)
    assert figure_clause(d.q, [top]) == "在本通知第一条规定的最高额度基础上再上浮10万元"
    # a question that asks the unit of the 的-phrase's figure is answered there
    age = sentence("年满65周岁的，可以申领优待证。")
    d = draft(segmenter, "多少岁可以办优待证？", age)
    assert figure_clause(d.q, [age]) == "年满65周岁的"


# focus -------------------------------------------------------------------------------------------
def test_a_question_whose_last_part_asks_a_figure_is_a_figure_question(segmenter):
    q = analyze("有没有每个月发的育儿津贴？一个月多少钱？", segmenter)
    assert q.qtype == "number" and q.unit == "钱"
    assert analyze("新婚夫妻有没有额外加钱，加多少？", segmenter).qtype == "number"
    assert analyze("能不能报销？", segmenter).qtype == "yesno"
    assert analyze("报销多少，能不能报？", segmenter).qtype == "yesno"


_STEPS = ("申请→受理→审核（乡镇7个工作日）→审批（县民政局3个工作日）→公示（3天）→资金发放。",
          "承诺时限：10个工作日",
          "2. 调查核实：乡镇人民政府自受理之日起15个工作日内完成入户调查。")


def test_the_time_limit_answers_how_long_the_whole_service_takes(segmenter):
    steps, limit, survey = (sentence(t, score=s) for t, s in zip(_STEPS, (3.5, 3.1, 3.3)))
    d = draft(segmenter, "申请临时救助，正常要多少天能办下来？", steps, survey, limit)
    assert time_limit_first(d.q, list(d.candidates))[0] is limit
    # the limit a section's heading names, when no sentence states one itself
    d = draft(segmenter, "办低保从受理到批下来要多少个工作日？", steps, survey)
    heads = {steps.text: "五、办理流程", survey.text: "七、办理时限"}
    assert time_limit_first(d.q, list(d.candidates), lambda c: heads[c.text])[0] is survey
    # a question about one step keeps that step's sentence
    d = draft(segmenter, "乡镇调查核实要多久？", survey, limit)
    assert time_limit_first(d.q, list(d.candidates))[0] is survey
    # 「办结后」 dates another step; it states no limit
    after = sentence("抵押登记手续办结后5个工作日内发放贷款。", score=3.4)
    approve = sentence("（二）审批：材料齐全的，自受理之日起10个工作日内完成审批；", score=3.5)
    d = draft(segmenter, "公积金贷款交材料后多久能批下来？", approve, after)
    assert time_limit_first(d.q, list(d.candidates))[0] is approve


def test_the_promised_time_limit_is_how_long_it_usually_takes(segmenter):
    steps = sentence(_STEPS[0], score=3.5)
    statutory = sentence("法定时限：20个工作日", score=3.2)
    promised = sentence("承诺时限：10个工作日", score=3.1)
    d = draft(segmenter, "申请临时救助，正常要多少天能办下来？", steps, statutory, promised)
    assert time_limit_first(d.q, list(d.candidates))[0] is promised
    d = draft(segmenter, "申请临时救助，最长要多少天能办下来？", steps, statutory, promised)
    assert time_limit_first(d.q, list(d.candidates))[0] is statutory


def test_a_figure_answers_whether_there_is_a_thing_only_from_a_sentence_that_names_it(segmenter):
    q = analyze("还有没有一次性创业奖金？发多少？", segmenter)
    assert q.exists == ("创业", "奖金") and "奖金" in q.asked  # jieba: 还有|没有
    notice = LiteralDocuments({"a.txt": "嵘港市生育津贴发给办法\n第一胎｜2万元\n一次生育双胞胎以上者，每名新生儿另加发1万元。\n"},
                              segmenter=segmenter)
    twins = sentence("一次生育双胞胎以上者，每名新生儿另加发1万元。")
    d = draft(segmenter, "有没有每个月发的育儿津贴？一个月多少钱？", twins)
    assert d.q.exists == ("育儿津贴",)
    assert rules.existence(d, notice) == rules.Refusal(
        "existence", "asked whether there is 育儿津贴, which no best sentence names")
    # a synonym of the thing names it (补贴: 补助)
    upkeep = sentence("加装电梯投入运行满1年后，按每台每年2000元给予维护保养补助。")
    d = draft(segmenter, "电梯装好以后，日常维修保养有没有补贴？一年多少？", upkeep)
    assert d.q.exists == ("补贴",) and rules.existence(d, notice) is None
