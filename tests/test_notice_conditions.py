"""Shapes of probes 59 and 60 (read in session 38, issue 9): the asker's own condition and the
notice's. A year a date bound holds (「2014年1月1日以前出生的」 for 「2010年出生的孩子」); a benefit
asked as 「优惠」; a service unit that gives (「交给处理中心能补多少」); the row of the asker's own
group for an extra sum; no difference computed when none is asked; days in a range of 日 and in
hours; a fee named between 交 and 费; 「哪几个月」 (a time) and 「几项」 (a count); grouped digits
in a range; the column of the asker's own figure is no answer; a raise for a bound the asker
reaches; a word over a character in a clause; a level named once for the clauses after it, and
城市/农村 as two levels; 「3展次」 counted in 次; a thing whose existence is asked, as tagged in the
whole question; 「多交」 asks a payment on top, 「赔」 a compensation; 「多久能办完」 the length a thing is done within. The strings are written here for their shape, not copied from a probe."""

from __future__ import annotations

from dataclasses import replace

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.offline.check.polarity import denied
from agent.offline.check.rules import (
    existence,
    fine_only,
    level_clash,
    no_extra,
    unit,
    unknown_kind,
    year,
)
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.arithmetic import solve
from agent.offline.extract.figures import numerals
from agent.offline.extract.tables import named_cell, range_fit
from agent.offline.gather.rank import bound_fit, raised_first, typed_first
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_year_held_by_a_date_bound_is_said(segmenter):
    text = "翀阳区出生医学证明补发指南\n（三）2014年1月1日以前在本区出生的，补发时须提供出生时的住院病历复印件。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    line = sentence("（三）2014年1月1日以前在本区出生的，补发时须提供出生时的住院病历复印件。", start=text.index("（三）"))
    held = draft(segmenter, "翀阳区2010年在本区出生的孩子补出生证，还得多带什么？", line)
    assert year(held, docs) is None
    missed = draft(segmenter, "翀阳区2020年在本区出生的孩子补出生证，还得多带什么？", line)
    assert year(missed, docs).rule == "year"  # 2020 is after the bound: another case


def test_a_benefit_asked_is_a_kind_and_a_service_unit_gives(segmenter):
    assert analyze("翀阳市特扶老人60岁以后住公办养老院有啥优惠？", segmenter).asked == ()
    assert analyze("翀阳县猪场死了一头猪，交给处理中心能补多少？", segmenter).asked == ()
    assert analyze("翀阳县职工的医疗费用能补多少？", segmenter).asked == ("费用",)  # a sum, not a giver


def test_an_extra_sum_of_the_askers_own_group(segmenter):
    text = "翀阳县低收入户生活补助\n儿童生活补助（户内未满18岁者）｜第一类至第三类｜每人每月2,650元\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = sentence("儿童生活补助（户内未满18岁者）｜第一类至第三类｜每人每月2,650元", start=text.index("儿童"))
    child = draft(segmenter, "翀阳县低收入户家里小孩还没满18岁，每个月可以多领多少补助？", row)
    assert no_extra(child, docs) is None
    plain = sentence("翀阳县低保标准为每人每月860元。", start=0)
    old = draft(segmenter, "翀阳县低保户家里有80多岁的老人，每月能多给多少钱？", plain)
    assert no_extra(old, LiteralDocuments({"a.txt": "翀阳县低保标准为每人每月860元。\n"}, segmenter=segmenter)).rule == "no-extra"


def test_no_difference_is_computed_when_none_is_asked(segmenter):
    rise = sentence("自2026年1月1日起，全市农村低保标准由每人每年6960元提高到每人每年7560元。")
    cap = sentence("（三）家庭成员名下存款人均不超过22680元；", start=80)
    per_head = analyze("翀阳市申请农村低保，家里的存款平均到每个人不能超过多少？", segmenter)
    assert per_head.qtype == "calc" and solve(per_head, [rise, cap]) is None
    more = analyze("翀阳市农村低保标准比去年多了多少？", segmenter)
    assert solve(more, [rise]).short == "计算：7560元 − 6960元 = 600元"
    # 占道 occupies a road, it asks no share
    assert analyze("翀阳区占道施工20天，每平米每天收多少钱？", segmenter).qtype == "number"
    assert analyze("翀阳区补贴占总投资的多少？", segmenter).qtype == "calc"


def test_days_in_a_range_of_days_and_in_hours(segmenter):
    asked = "翀阳区占道施工20天，每平米每天收多少钱？"
    assert range_fit("8—30日｜每平方米每日5元", asked) == 1
    assert range_fit("31—60日｜每平方米每日8元", asked) == -1
    q = analyze("翀阳区抢修地下管道占了两天路，要交占道费吗？", segmenter)
    assert bound_fit(q, "因抢修地下管线临时占用道路不超过72小时的，免收占道费。") == 1
    longer = analyze("翀阳区抢修地下管道占了五天路，要交占道费吗？", segmenter)
    assert bound_fit(longer, "因抢修地下管线临时占用道路不超过72小时的，免收占道费。") == -1


def test_a_fee_named_between_pay_and_fee_asks_a_cost(segmenter):
    free = "因抢修地下管线临时占用道路不超过72小时的，免收占道费。"
    assert denied(analyze("翀阳区抢修管道占了路，要交占道费吗？", segmenter), free) == "免收"
    assert denied(analyze("翀阳区抢修管道占了路，需要备案吗？", segmenter), free) == ""


def test_which_months_is_a_time_and_items_are_counted(segmenter):
    months = analyze("翀阳市特扶的钱一年里哪几个月发？", segmenter)
    assert months.qtype == "when"
    assert analyze("翀阳市特扶的钱一年发几个月？", segmenter).qtype == "number"
    items = analyze("翀阳县的免费孕前检查总共查几项？", segmenter)
    assert items.unit == "项"
    once = sentence("（一）检查对象：计划在6个月内怀孕的城乡夫妇，每孩次享受1次免费检查。", score=3.5)
    listed = sentence("（二）检查项目：包括健康教育、病史询问、体格检查、风险评估等19项。", score=3.4, start=60)
    assert typed_first(replace(items, qtype="number"), [once, listed])[0] is listed


def test_a_time_limit_of_the_act_not_of_a_noun_it_makes(segmenter):
    q = analyze("翀阳市那边出院以后多少天内得去报销？", segmenter)
    limit = sentence("1.请在用血者出院之日起180天内申请，超过期限的，血站不再受理。", score=3.8)
    paid = sentence("市外用血10个工作日内办结，报销款在办结后5个工作日内转账。", score=2.9, start=70)
    assert typed_first(q, [limit, paid])[0] is limit


def test_rows_by_the_askers_figure(segmenter):
    text = ("翀阳县养猪场补助\n补助项目｜饲养规模｜补助额度\n沼气设施｜1,000头以下｜每场最高15万元\n"
            "沼气设施｜1,001至5,000头｜每场最高30万元\n沼气设施｜5,001头以上｜每场最高50万元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    rows = [sentence(line, start=text.index(line)) for line in text.split("\n")[2:5]]
    cell = named_cell(analyze("我在翀阳县养了3,000头猪，想做沼气设施，最高能补多少？", segmenter), docs.index, rows)
    assert cell is not None and cell.value == "每场最高30万元"
    table = ("翀阳区计划生育特别扶助\n扶助类型｜女方年龄段｜扶助金额\n独生子女伤残家庭｜49—59周岁｜每人每月640元\n"
             "独生子女伤残家庭｜60周岁及以上｜每人每月780元\n")
    docs = LiteralDocuments({"a.txt": table}, segmenter=segmenter)
    rows = [sentence(line, start=table.index(line)) for line in table.split("\n")[2:4]]
    cell = named_cell(analyze("翀阳区独生子女伤残家庭，女方已经63岁了，每人每月给多少？", segmenter), docs.index, rows)
    assert cell is None  # not the age range that named the row (「女方年龄段：60周岁及以上」): the row answers whole
    ages = ("翀阳市人才落户\n人才类别｜年龄条件｜其他条件\n硕士研究生｜50周岁以下｜无\n全日制本科｜45周岁以下｜无\n")
    docs = LiteralDocuments({"a.txt": ages}, segmenter=segmenter)
    rows = [sentence(line, start=ages.index(line)) for line in ages.split("\n")[2:4]]
    cell = named_cell(analyze("我全日制本科毕业，今年43岁，想在翀阳落户，年龄卡在多少？", segmenter), docs.index, rows)
    assert cell is not None and cell.value == "45周岁以下"  # the age is what is asked


def test_a_raise_for_a_bound_the_asker_reaches(segmenter):
    row = sentence("独生子女死亡家庭｜60周岁及以上｜每人每月1030元", score=3.24)
    raised = sentence("独生子女死亡家庭的扶助对象年满70周岁的，另发放护理补贴每人每月200元。", score=3.2, start=40)
    over = analyze("翀阳区失独家庭的老人过了70岁，还额外有多少钱？", segmenter)
    assert raised_first(over, [row, raised])[0] is raised
    under = analyze("翀阳区失独家庭的老人65岁了，还额外有多少钱？", segmenter)
    assert raised_first(under, [row, raised])[0] is row  # 65 is short of 年满70周岁


def test_a_row_whose_range_holds_the_askers_age_before_one_named_in_part(segmenter):
    hiring = ("翀阳市僱用獎勵辦法\n僱用對象｜每人每月獎勵金額｜最長請領期間\n中高齡者（45歲至64歲）｜新臺幣13,000元｜12個月\n"
              "高齡者（65歲以上）｜新臺幣15,000元｜12個月\n其他失業者｜新臺幣9,000元｜6個月\n")
    docs = LiteralDocuments({"a.txt": hiring}, segmenter=segmenter)
    rows = [sentence(line, start=hiring.index(line)) for line in hiring.split("\n")[2:5]]
    cell = named_cell(analyze("翀阳市的公司僱用一位66歲的失業者，每個月可以領多少僱用獎勵？", segmenter), docs.index, rows)
    assert cell is not None and cell.value == "新臺幣15,000元"  # not 其他失業者's 9,000元, named by 失業者 in part
    cell = named_cell(analyze("翀阳市的公司僱用一位失業者，每個月可以領多少僱用獎勵？", segmenter), docs.index, rows)
    assert cell is not None and cell.value == "新臺幣9,000元"


def test_a_word_tells_clauses_apart_better_than_a_character(segmenter):
    line = sentence("第六条　城市道路新建、改建、扩建竣工后5年内，大修后2年内，不予批准挖掘。")
    assert figure_clause(analyze("翀阳区刚大修过的路，几年内不给挖？", segmenter), [line]) == "大修后2年内"
    assert figure_clause(analyze("翀阳区新建的道路，几年内不给挖？", segmenter), [line]) == "第六条 城市道路新建、改建、扩建竣工后5年内"


def test_a_level_named_once_holds_for_the_clauses_after_it(segmenter):
    raised = sentence("自2026年1月1日起，全市农村低保标准由每人每年6960元提高到每人每年7560元，即每人每月630元。")
    asked = analyze("翀阳市农村低保标准涨了以后，一个人一个月是多少钱？", segmenter)
    assert figure_clause(asked, [raised]) == "即每人每月630元"
    graded = sentence("一级医疗机构报销比例为85%，二级医疗机构为75%，三级医疗机构为60%。")
    assert figure_clause(analyze("翀阳市在二级医院住院能报多少？", segmenter), [graded]) == "二级医疗机构为75%"
    # the urban and rural standards of one system are two (《城市居民最低生活保障条例》)
    assert level_clash("翀阳市城市低保标准现在每人每月是多少？", "全市农村低保标准为每人每月630元。") != ""


def test_times_in_a_compound_measure_word(segmenter):
    assert [f.text for f in numerals("每家企业每年度最多补助3展次，同一展会限补助1次。")] == ["3展次", "1次"]
    line = sentence("（四）每家企业每年度最多补助3展次，全年补助总额不超过40万元。")
    asked = draft(segmenter, "翀阳县参加海外展览补助，一家公司一年最多可以补几次展？", line)
    assert asked.q.unit == "次" and unit(asked, None) is None
    fees = draft(segmenter, "翀阳县参加海外展览补助，一家公司一年最多可以补几次展？", sentence("全年补助总额不超过40万元。"))
    assert unit(fees, LiteralDocuments({"a.txt": "全年补助总额不超过40万元。\n"}, segmenter=segmenter)).rule == "unit"


def test_a_thing_asked_whether_there_is_one_as_tagged_in_the_question(segmenter):
    text = "翀阳市计划生育特别扶助\n独生子女死亡家庭夫妻每人每月发放900元。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    asked = draft(segmenter, "翀阳市失独家庭有没有一次性抚慰金，给多少？", sentence("独生子女死亡家庭夫妻每人每月发放900元。", start=11))
    assert asked.q.exists == ("一次性抚慰金",)
    assert existence(asked, docs).rule == "existence"
    # a benefit asked for is a kind of answer, which the documents need not name
    free = sentence("年满60周岁的扶助对象，可以优先入住公办养老机构，床位费减半收取。", start=11)
    kind = draft(segmenter, "翀阳市特扶老人住公办养老院有啥优惠？", free)
    assert kind.q.kind == "优惠" and unknown_kind(kind, LiteralDocuments({"a.txt": text + free.text}, segmenter=segmenter)) is None
    assert analyze("翀阳县的高龄老人坐公交有没有优惠？多少钱一趟？", segmenter).exists == ("优惠",)  # whether there is one


def test_a_payment_on_top_and_a_compensation_must_be_told(segmenter):
    text = "翀阳市居民身份证办理指南\n首次申领、换领、补领居民身份证，每证收取工本费20元；\n超出部分加收50%。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    fee = sentence("首次申领、换领、补领居民身份证，每证收取工本费20元；", start=text.index("首次"))
    urgent = draft(segmenter, "翀阳市身份证加急办理要多交多少钱？", fee)
    assert no_extra(urgent, docs).rule == "no-extra"
    surcharge = sentence("超出部分加收50%。", start=text.index("超出"))
    assert no_extra(draft(segmenter, "翀阳市身份证超出部分要多交多少？", surcharge, fee), docs) is None
    law = "翀阳区消费者投诉处理办法\n经营者有前款行为的，可以根据情节处违法所得1倍以上3倍以下罚款。\n"
    fined = sentence("经营者有前款行为的，可以根据情节处违法所得1倍以上3倍以下罚款。", start=law.index("经营者"))
    owed = draft(segmenter, "翀阳区投诉成功后，商家得按商品价款几倍赔给我？", fined)
    assert fine_only(owed, LiteralDocuments({"a.txt": law}, segmenter=segmenter)).rule == "fine"
    paid = sentence("经营者应当按商品价款的3倍给予消费者赔偿。", start=law.index("经营者"))
    assert fine_only(draft(segmenter, "翀阳区投诉成功后，商家得按商品价款几倍赔给我？", paid), LiteralDocuments(
        {"a.txt": "翀阳区消费者投诉处理办法\n经营者应当按商品价款的3倍给予消费者赔偿。\n"}, segmenter=segmenter)) is None


def test_how_long_until_done_is_the_length_it_is_done_within(segmenter):
    line = sentence("市外用血10个工作日内办结，报销款在办结后5个工作日内转账。")
    done = analyze("翀阳市的献血者在外地医院用的血，报销要多久能办完？", segmenter)
    assert figure_clause(done, [line]) == "市外用血10个工作日内办结"


def test_values_side_by_side_are_told_apart_by_the_askers_own_word_for_the_case(segmenter):
    # 「剖腹产」 is the question's word for the notice's 剖宫产: 剖…产 is written in that clause only;
    # the label before the colon is of both values
    fixed = sentence("答：住院分娩的，实行定额结算：顺产2200元，剖宫产3600元；")
    assert figure_clause(analyze("翀阳区剖腹产住院能定额报多少？", segmenter), [fixed]) == "剖宫产3600元"
    assert figure_clause(analyze("翀阳区顺产住院能定额报多少？", segmenter), [fixed]) == "顺产2200元"
    # the lead clause before values side by side is of each of them (「低保户」: 低保对象)
    caps = sentence("（一）门诊救助。特困人员、低保对象按年度累计自付费用给予救助，特困人员每人每年最高900元，低保对象每人每年最高600元。")
    assert figure_clause(analyze("翀阳区低保户看门诊一年最多救助多少？", segmenter), [caps]) == "低保对象每人每年最高600元"


def test_a_sum_evened_up_is_the_floor_asked(segmenter):
    # 「不足1500元的按1500元计发」 puts a minimum without a bound word
    moving = sentence("（三）搬迁费：按被征收房屋建筑面积每平方米15元计算，不足1500元的按1500元计发。")
    assert figure_clause(analyze("翀阳区搬家费最少能拿多少？", segmenter), [moving]) == "不足1500元的按1500元计发"
    assert figure_clause(analyze("翀阳区搬家费每平方米按多少算？", segmenter), [moving]) == "按被征收房屋建筑面积每平方米15元计算"


def test_a_fine_asked_is_answered_by_the_clause_that_fines(segmenter):
    rows = sentence("面向成年人的培训｜不超过6个月｜每个学员不超过10000元")
    fine = sentence("逾期不改的，列入“黑名单”，依法给予警告、没收违法所得，并可处5万元以下罚款；", start=100)
    assert figure_clause(analyze("翀阳区培训机构超前收费又不整改，罚多少钱？", segmenter), [rows, fine]) == "并可处5万元以下罚款"
