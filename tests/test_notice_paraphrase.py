"""Shapes of probes 53 and 54 (read in session 37, issue 9): a resident's own words for what a
notice says its way. A phone asked of a notice that gives the number without the word 电话; a
year the asker tells of their own case; 「好几千万」 (several, not a question); 「按什么标准」 (the
kind of rule asked); 「多少套房子」 counted as the notice counts 房源; 「几趟」 in 次; 「三百来万」
(a round number); 「几个点」「几折」 (a share); a level named only in brackets, or joined in
「中小学」; 「未满七日」 in Chinese numerals; a stage said after another's length of time; 「几份」;
「奖金」 of a notice that writes 奖励; 「哪个办公室」 of an office named by its head. The strings are
written here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.lexicon.wordlists import mentioned
from agent.offline.check.rules import (
    fine_only,
    level_clash,
    other_stage,
    per_unit,
    quantity,
    unknown_noun,
    year,
)
from agent.offline.extract.answer_clause import asked_period, asks_share, states_share
from agent.offline.extract.figures import counted_by, in_unit_of
from agent.offline.extract.tables import as_counted, named_cell, range_fit
from agent.offline.gather.rank import (
    EXCLUSIVE,
    base_case_first,
    level_first,
    per_asked_first,
    raised_first,
    typed_first,
)
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_phone_asked_in_everyday_words_is_no_unknown_topic():
    segmenter = Segmenter(["翀阳市"])  # (the place as a corpus word: the notice the question names)
    text = ("翀阳市企业研发费用后补助申报指南\n一、补助对象\n在本市注册的企业。\n"
            "六、其他\n市科技局产业科技处：0816-6623077（工作日上午9:00—12:00）\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    line = "市科技局产业科技处：0816-6623077（工作日上午9:00—12:00）"
    asked = draft(segmenter, "翀阳市研发补助的事儿想打电话问问科技局，号码多少？", sentence(line, start=text.index(line)))
    assert unknown_noun(asked, docs) is None
    # a notice that gives no number at all still leaves the phone unsaid
    bare = ("翀阳市企业研发费用后补助申报指南\n一、补助对象\n在本市注册的企业。\n六、申报方式\n企业在网上申报。\n")
    none = LiteralDocuments({"a.txt": bare}, segmenter=segmenter)
    asked = draft(segmenter, "翀阳市研发补助的事儿想打电话问问科技局，号码多少？", sentence("企业在网上申报。", start=bare.index("企业在网上")))
    assert unknown_noun(asked, none).rule == "unknown-noun"


def test_a_year_the_asker_tells_asks_no_year_of_the_notice(segmenter):
    text = "翀阳县农村户厕改造补助办法\n已享受过户厕改造补助的农户，不予补助。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    rule = sentence("已享受过户厕改造补助的农户，不予补助。", start=text.index("已享受"))
    told = draft(segmenter, "在翀阳县，我家2020年改厕已经领过一回补贴了，这回还能再申请吗？", rule)
    assert year(told, docs) is None
    asked = draft(segmenter, "翀阳县2020年的改厕补助标准是多少？", rule)
    assert year(asked, docs).rule == "year"  # a year asked of the notice must be in the evidence


def test_several_thousand_asks_no_period(segmenter):
    q = analyze("翀阳市研发费用补助，一年研发投入好几千万的大企业，顶多能拿多少？", segmenter)
    assert asked_period(q) == ""
    assert asked_period(analyze("翀阳市研发补助一年能拿多少？", segmenter)) == "年"


def test_the_standard_asked_is_a_kind_not_a_quantity(segmenter):
    line = sentence("租金按同地段市场租金的50%收取，首次租期2年。")
    asked = draft(segmenter, "翀阳市人才公寓的房租比外面便宜多少，按什么标准收？", line)
    assert "标准" not in asked.q.asked
    assert quantity(asked, None) is None


def test_things_counted_by_the_asked_measure_word():
    assert counted_by("房子", "套", "本批次共提供市级人才公寓房源420套，位于青年大街")
    assert counted_by("设备", "台", "共采购设备30台")
    assert not counted_by("电脑", "台", "共采购车辆30台")  # another thing counted in 台
    assert not counted_by("房子", "元", "房源每套补助420元")  # money is no measure word of a thing


def test_trips_are_answered_in_times(segmenter):
    q = analyze("翀阳市我爷爷75岁了，用爱心卡一天能免费坐几趟？", segmenter)
    assert q.unit == "趟"
    assert q.unit_fits("6次") and not q.unit_fits("6元")
    copies = analyze("翀阳区报研发投入后补助，纸质材料要交几份？", segmenter)
    assert copies.unit == "份" and not copies.unit_fits("3年")


def test_a_round_number_is_counted_by_its_round_part():
    assert as_counted("我们公司去年研发花了三百来万") == "我们公司去年研发花了300万"
    assert as_counted("老人七十多岁了") == "老人70岁了"
    assert range_fit("50万元—500万元（含）｜8%｜30万元", "去年研发花了三百来万，按几个点给补？") == 1
    assert range_fit("500万元—2000万元（含）｜6%｜100万元", "去年研发花了三百来万，按几个点给补？") == -1


def test_points_and_discounts_are_shares(segmenter):
    assert asks_share("按几个点给补？") and asks_share("坐公交打几折？")
    assert not asks_share("下午几点下班？")
    assert states_share("乘坐市区公交刷卡享受3折优惠") and states_share("报销比例提高5个百分点")
    assert not states_share("每1点折抵新台币1元")
    assert states_share("逾期按日加收0.5‰的违约金") and states_share("按日加收千分之五的滞纳金")
    assert in_unit_of("比例", "刷卡享受3折优惠")
    assert not in_unit_of("比例", "办理时间为每天8:30—17:00")  # a time of day, no ratio
    assert in_unit_of("比例", "男女生比例为1:7")


def test_the_share_column_answers_how_many_points(segmenter):
    text = ("翀阳市研发后补助细则\n研发费用区间｜补助比例｜单个企业补助上限\n"
            "50万元—500万元（含）｜8%｜30万元\n500万元—2000万元（含）｜6%｜100万元\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = "50万元—500万元（含）｜8%｜30万元"
    q = analyze("翀阳市研发后补助，我们公司去年研发花了三百来万，按几个点给补？", segmenter)
    cell = named_cell(q, docs.index, [sentence(row, start=text.index(row))])
    assert cell is not None and cell.value == "8%"


def test_a_level_in_brackets_or_joined_in_one_word_is_no_other_level(segmenter):
    money = sentence("博士研究生每人每月1500元，硕士研究生每人每月1000元。", score=3.4)
    age = sentence("申领时年龄在35周岁以下（博士不超过40周岁）；", score=3.1, start=40)
    q = analyze("翀阳市租房补贴对年龄有啥要求？我是硕士", segmenter)
    assert level_first(q, [age, money])[0] is age
    assert level_clash("租房补贴对年龄有啥要求？我是硕士", "申领时年龄在35周岁以下（博士不超过40周岁）；") == ""
    assert level_clash("租房补贴对年龄有啥要求？我是硕士", "博士研究生每人每月1500元") != ""
    schooling = next(g for g in EXCLUSIVE if "初中" in g)
    assert set(mentioned(schooling, "本市全日制在校中小学生可办理学生卡")) == {"小学", "初中", "高中"}
    assert level_clash("孩子在读初中，学生卡打几折？", "本市全日制在校中小学生可办理学生卡，享受3折优惠") == ""
    assert level_clash("孩子在读初中，学生卡打几折？", "本市在校小学生可办理学生卡，享受3折优惠") != ""


def test_a_bound_not_yet_reached_in_chinese_numerals_is_read():
    asked = "我救人受了轻伤，住院才住3日，慰问金有多少？"
    assert range_fit("住院未满七日者：新台币一万元", asked) == 1
    assert range_fit("住院未满两日者：新台币五千元", asked) == -1


def test_a_stage_said_after_another_stages_length_is_not_timed(segmenter):
    shown = sentence("（三）市科技局复核后，在门户网站公示7个工作日，公示无异议后拨付资金。")
    refusal = other_stage(draft(segmenter, "翀阳市的研发后补助，公示完了多少天内把钱打到企业账上？", shown), None)
    assert refusal is not None and refusal.rule == "other-stage" and "拨付" in refusal.detail
    # the stage the length of time is of is answered
    assert other_stage(draft(segmenter, "翀阳市的研发后补助，要在网站公示几个工作日？", shown), None) is None
    paid = sentence("公示无异议后，10个工作日内拨付资金。")
    assert other_stage(draft(segmenter, "翀阳市的研发后补助，公示完了多少天内把钱打到企业账上？", shown, paid), None) is None


def test_an_extra_sum_asked_puts_the_raise_first(segmenter):
    free = sentence("乡镇清掏服务队按每次50元收取清掏费用，脱贫户、低保户免费。", score=3.54)
    raised = sentence("第七条　脱贫户、低保户在上述标准基础上每户再增加300元。", score=3.47, start=60)
    q = analyze("翀阳县的，我家是低保户，改厕所的补贴能多拿多少？", segmenter)
    assert raised_first(q, [free, raised])[0] is raised
    capped = analyze("翀阳县低保户改厕所的补贴最多能拿多少？", segmenter)  # a cap, no extra
    assert raised_first(capped, [free, raised])[0] is free
    row = sentence("老年人｜70—79周岁｜150元", score=3.5)
    aged = analyze("翀阳县低保户家里有位75岁的老人，每个月能多领多少？", segmenter)
    assert raised_first(aged, [row, raised])[0] is row  # the row whose range holds her age


def test_a_reward_asked_as_bonus_and_an_office_asked_as_such(segmenter):
    text = ("翀阳区食品安全举报奖励办法\n单笔奖励最高不超过50万元。\n"
            "答：举报人收到领奖通知后，应当在60日内到区市场监督管理局财务科（区行政服务中心三楼312室）领取；\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    line = "答：举报人收到领奖通知后，应当在60日内到区市场监督管理局财务科（区行政服务中心三楼312室）领取；"
    asked = draft(segmenter, "翀阳区举报食品违法的奖金要去哪个办公室领？", sentence(line, start=text.index(line)))
    assert unknown_noun(asked, docs) is None
    # (the office is asked, not a sum: the line of the office stays first)
    row = sentence("二级｜提供部分证据｜罚没款的4%，最低1000元", score=3.5)
    assert typed_first(asked.q, [sentence(line, score=3.4), row])[0].text == line
    # a sum of money whose first character the notice never writes before a sum is still unsaid
    trips = draft(segmenter, "翀阳区举报食品违法，路费能报多少？", sentence(line, start=text.index(line)))
    assert unknown_noun(trips, docs) is not None


def test_a_rate_asked_per_one_unit_needs_that_unit(segmenter):
    docs = LiteralDocuments({"a.txt": "翀阳市体育中心收费标准\n综合球场｜设籍本市市民｜90元\n"}, segmenter=segmenter)
    row = sentence("综合球场｜设籍本市市民｜90元")
    refusal = per_unit(draft(segmenter, "翀阳市体育中心的综合球场租一小时要多少钱？", row), docs)
    assert refusal is not None and refusal.rule == "per-unit"
    hourly = sentence("综合球场每小时收费90元")
    assert per_unit(draft(segmenter, "翀阳市体育中心的综合球场租一小时要多少钱？", hourly), docs) is None
    assert per_unit(draft(segmenter, "翀阳市我种了一亩地，能领多少补贴？", row), docs) is None  # the asker's own acre
    boats = sentence("休渔期燃油补贴按主机功率每千瓦补贴85元")
    assert per_unit(draft(segmenter, "翀阳市大渔船的休渔燃油补贴每艘多少钱？", boats), docs).rule == "per-unit"


def test_a_sum_asked_per_time_takes_the_sentence_per_time(segmenter):
    row = sentence("三格式化粪池｜每户1500元｜全县各村", score=3.37)
    per_time = sentence("乡镇清掏服务队按每次50元的标准收取清掏费用。", score=3.19, start=40)
    q = analyze("翀阳县化粪池满了叫乡里的队来抽，抽一次多少钱？", segmenter)
    assert per_asked_first(q, [row, per_time])[0] is per_time
    per_home = analyze("翀阳县三格式化粪池每户补多少钱？", segmenter)
    assert per_asked_first(per_home, [row, per_time])[0] is row


def test_a_consequence_asked_is_the_plain_case_first(segmenter):
    graver = sentence("情节严重的，注销优惠卡且2年内不得重新办理。", score=3.40)
    plain = sentence("发现转借、冒用的，稽查人员有权暂扣卡片，并暂停该卡优惠功能6个月；", score=3.39, start=30)
    q = analyze("翀阳市把老年卡借给邻居用被查到了，会有什么后果？", segmenter)
    assert base_case_first(q, [graver, plain])[0] is plain
    again = analyze("翀阳市老年卡借给别人用，情节严重的会怎么处理？", segmenter)
    assert base_case_first(again, [graver, plain])[0] is graver


def test_how_many_days_ahead_is_a_length_before_a_date(segmenter):
    within = sentence("须补正者，通知申请人于15日内补正，届期未补正者，驳回其申请。", score=3.3)
    ahead = sentence("期满仍须继续设置者，应于期满30日前申请展延，每次展延期间为5年。", score=3.6, start=40)
    q = analyze("翀阳县招牌许可快到期了，最晚要提前几天申请展延？", segmenter)
    assert typed_first(q, [within, ahead])[0] is ahead


def test_a_penalty_for_breach_asked_must_be_told(segmenter):
    docs = LiteralDocuments({"a.txt": "翀阳市住房公积金贷款办法\n最高贷款额度为50万元。\n"}, segmenter=segmenter)
    cap = sentence("最高贷款额度为50万元。")
    refusal = fine_only(draft(segmenter, "翀阳市公积金贷款提前还清要交违约金吗？交多少？", cap), docs)
    assert refusal is not None and "违约金" in refusal.detail
    told = sentence("借款人可申请提前还款，不收取违约金。")
    assert fine_only(draft(segmenter, "翀阳市公积金贷款提前还清要交违约金吗？交多少？", told), docs) is None


def test_a_deadline_asked_keeps_the_dated_line_before_a_named_row(segmenter):
    from agent.offline.gather.rank import row_named_first

    dated = sentence("申报时间：2026年4月1日至2026年5月20日，逾期不予受理。", score=3.58)
    row = sentence("家庭农场｜市级示范家庭农场｜每家5万元", score=3.47, start=40)
    q = analyze("翀阳县家庭农场奖补最晚哪天之前要报上去？", segmenter)
    assert row_named_first(q, [dated, row])[0] is dated
    how_much = analyze("翀阳县家庭农场奖补一家能拿多少？", segmenter)
    assert row_named_first(how_much, [dated, row])[0] is row

