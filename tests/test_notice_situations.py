"""Shapes of probes 66, 67 and 68 (read in session 43, issue 9): a rule's condition the asker says of
themselves; a level's case of the rule before it, whose words it elides; a share of a named
whole (「总额的多少」); a total a sentence states beside a rate; the days of every year a thing is
done; a payment asked by any verb of paying; an increase 「增发」 on the standard; a sum of money
is no answer to an hours question; a rule's articles set off by spaces are no table; a modal
glued to a verb by the segmenter is no noun; 代 opening a verb is no era; the issuer's line with
its date is no answer to when; a name whose stem is the notice's topic; 市府 gives; hours asked
beside a yes or no; 「多长时间里」; 「超过60周岁仍…的」; 「报到哪天」; a share in words 「百分之九十」;
a share of the asked sum; two characters cut apart by the segmenter; 「电话打几号」; 「要交费吗」
over 「不收费」; a figure outside every range; a deadline's time limit; a labelled issuer; a head
count 「18个工人」; 「一万平米」; 5‰; 「按多少交」; 「几个」 counted by 个. The strings
are written here for their shape, not copied from a probe."""

from __future__ import annotations

from dataclasses import replace

import pytest
from offline_support import LiteralDocuments, calculate, draft, sentence

from agent.offline.check.rules import first_refusal, outside_ranges, quantity
from agent.offline.extract.answer_clause import asks_share, figure_clause
from agent.offline.extract.figures import figures, numerals
from agent.offline.extract.span import TIME_SPAN
from agent.offline.extract.tables import heading_of_row, named_cell, range_fit
from agent.offline.gather.evidence import title_block
from agent.offline.gather.rank import (
    bound_first,
    bound_fit,
    bounded_first,
    condition_said,
    free_first,
    named_first,
    ranged_first,
    typed_first,
    until_stem,
)
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


TITLE = "翀阳县失能老年人护理补贴发放细则"


def test_a_condition_the_asker_says_of_themselves_is_their_rule(segmenter):
    q = analyze("翀阳县我妈67岁，评了个轻度失能，护理补贴能领吗？", segmenter)
    rule = sentence("评估为轻度失能的，不发放护理补贴，可优先享受上门服务。", score=3.4)
    age = sentence("年满65周岁、具有本县户籍的老年人均可申请能力评估。", score=3.3, start=100)
    title = lambda source: TITLE
    assert bounded_first(q, [rule, age], title)[0] is rule
    assert bound_first(q, [rule], lambda s: [rule, age], lambda c: (0.5, ()), lambda s: "", title)[0] is rule
    # (a condition in the question's asking clause, or one it says a word or two of, is no such rule)
    assert condition_said(q, rule.norm, TITLE)
    asked = analyze("我今年62了，在翀阳县还能考网约车司机的资格证吗？", segmenter)
    assert not condition_said(asked, "未取得网约车驾驶员证从事网约车经营的,由交通运输部门处罚。", "翀阳县网约车驾驶员从业资格办理指南")
    loan = analyze("翀阳县我还有一笔10万的经营贷没还清，能申请创业担保贷款吗？", segmenter)
    assert not condition_said(loan, "个人贷款按期还款且创业项目正常经营的,可再次申请。", "翀阳县创业担保贷款工作通知")
    # (nor a condition of the notice's topic, its title's words)
    assert not condition_said(analyze("翀阳县我妈67岁，失能了，护理补贴能领吗？", segmenter),
                              "评估为失能的,发放护理补贴。", TITLE)


def test_a_levels_case_takes_the_words_of_the_rule_it_elides(segmenter):
    age = sentence("2.毕业时年龄不超过30周岁，硕士研究生放宽到35周岁；")
    assert figure_clause(analyze("翀阳县读硕士的，毕业时年龄最大不能超过几岁？", segmenter), [age]) == "硕士研究生放宽到35周岁"
    assert figure_clause(analyze("翀阳县本科生毕业时年龄最大不能超过几岁？", segmenter), [age]) == "2.毕业时年龄不超过30周岁"


def test_the_share_of_a_named_whole_is_a_share(segmenter):
    assert asks_share("干满第一年能先拿到总额的多少？")
    assert not asks_share("干满第一年能先拿到多少？")
    assert analyze("学费补偿干满第一年能先拿到总额的多少？", segmenter).qtype == "calc"
    paid = sentence("补偿资金分3年完成：服务满1年后发放总额的33%，满2年后发放33%，满3年后发放34%。")
    row = sentence("一类地区（乡镇及以下）｜每人每年最高10000元｜每人每年最高14000元", start=200)
    q = analyze("翀阳县学费补偿干满第一年能先拿到总额的多少？", segmenter)
    assert typed_first(q, [paid, row])[0] is paid


def test_a_stated_total_answers_a_sum_beside_its_rate(segmenter):
    fee = sentence("暑期托管每生每周收费150元（含午餐和午休看护），5周共计750元。")
    assert figure_clause(analyze("翀阳县暑假托管5周全报下来一共多少钱？", segmenter), [fee]) == "5周共计750元"
    assert figure_clause(analyze("翀阳县暑假托管每周多少钱？", segmenter), [fee]) == "暑期托管每生每周收费150元(含午餐和午休看护)"


def test_a_rate_per_another_period_than_a_clause_beside_it_is_no_answer(segmenter):
    days = sentence("修缮完成后应当向社会公众开放，每年开放时间不少于120天，其中每周至少开放1天；")
    assert figure_clause(analyze("翀阳县的文物建筑每年至少得开放几天？", segmenter), [days]) == "每年开放时间不少于120天"


def test_the_days_of_every_year_and_a_payment_by_any_verb(segmenter):
    q = analyze("翀阳县的学费补偿一年里什么时候去办？", segmenter)
    issuer = sentence("翀阳县人力资源和社会保障局  2025年3月10日发布", score=3.7)
    limit = sentence("承诺办结时限为20个工作日。", score=4.2, start=50)
    hours = sentence("受理时间：每年4月1日至5月31日（法定节假日除外），上午8:30—12:00。", score=3.6, start=100)
    ranked = typed_first(q, [limit, issuer, sentence("1.《翀阳县高校毕业生学费补偿代偿申请表》一式三份；", score=3.6, start=80), hours])
    assert ranked[0] is hours
    pay = analyze("翀阳县暑期托管的钱哪几天交？", segmenter)
    signup = sentence("1.报名时间：2025年6月25日至7月5日。", score=3.7)
    fees = sentence("4.缴费时间：7月8日至7月11日，通过学校统一收费平台缴纳。", score=3.6, start=100)
    assert typed_first(pay, [signup, fees])[0] is fees


def test_code_verbs_are_no_era():
    assert not TIME_SPAN.search("1.《高校毕业生基层就业学费补偿代偿申请表》一式三份；")
    assert not TIME_SPAN.search("由法定代表人代为申请")
    assert TIME_SPAN.search("始建于清代").group(0).endswith("清代")


def test_an_increase_on_the_standard_answers_how_much_more(segmenter):
    d = calculate(segmenter, "翀阳县我爷爷86了，完全失能，比别人还能多拿多少钱？",
                  "年满80周岁的完全失能老年人，在上述标准基础上每人每月增发50元。",
                  "完全失能｜0—29分｜每人每月500元", "轻度失能｜66—89分｜每人每月100元")
    assert d.short == "在上述标准基础上每人每月增发50元"


def test_hours_are_not_answered_by_a_sum_of_money(segmenter):
    text = ("翀阳县护理补贴细则\n评估等级｜补贴标准｜发放方式\n中度失能｜每人每月150元｜按月发放\n"
            "完全失能｜每人每月400元｜按月发放或折算为服务\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    row = sentence("完全失能｜每人每月400元｜按月发放或折算为服务", start=text.index("完全失能｜"))
    hours = analyze("翀阳县完全失能的补贴换成上门护理，一个月能上门几个小时？", segmenter)
    assert named_cell(hours, docs.index, [row]) is None
    money = analyze("翀阳县完全失能的补贴每月多少钱？", segmenter)
    assert named_cell(money, docs.index, [row]).value == "每人每月400元"


def test_articles_set_off_by_spaces_are_no_table(segmenter):
    text = ("翀阳县护理补贴细则\n\n第二章  评估\n第四条  年满65周岁的老年人均可申请能力评估。\n"
            "第五条  每次现场评估须由2名评估员共同完成。\n第六条  评估结论公示5日。\n")
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    article = sentence("第五条  每次现场评估须由2名评估员共同完成。", start=text.index("第五条"))
    assert heading_of_row(docs.index, article) == ""
    spaced = "项目  标准  备注\n芹塘镇  540  有\n石濑镇  320  无\n"
    aligned = LiteralDocuments({"b.txt": spaced}, segmenter=segmenter)
    row = sentence("芹塘镇  540  有", source="b.txt", start=spaced.index("芹塘镇"))
    assert heading_of_row(aligned.index, row).split() == ["项目", "标准", "备注"]


def test_a_modal_glued_to_a_verb_is_no_unknown_topic(segmenter):
    text = "翀阳县照顾补助问答\n问：补助怎么发？\n答：核定后每月25日拨入长辈账户。\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    paid = sentence("答：核定后每月25日拨入长辈账户。", start=text.index("答"))
    d = draft(segmenter, "翀阳县的照顾补助钱每个月几号会汇进来？", paid)
    assert d.q.qtype == "when"
    assert first_refusal(d, docs) is None


def test_a_name_whose_stem_is_the_notices_topic_is_no_place(segmenter):
    # (the segmenter of a corpus may read 限行区 as a place name, as it does 翀阳县)
    q = replace(analyze("翀阳县10月刚开始那阵子误闯限行区会罚款吗？", segmenter), names=("翀阳县", "限行区"))
    grace = sentence("2025年10月1日至10月31日为宣传过渡期，过渡期内违反限行规定的只警告、不罚款。")
    fine = sentence("（一）违反限行规定驶入限行区域的，依法处100元罚款、记3分；", start=100)
    title = lambda source: "翀阳县关于实施高排放车辆限行的通告"
    assert named_first(q, [grace, fine], title)[0] is grace


def test_the_city_government_gives_it_is_not_asked(segmenter):
    assert "市府" not in analyze("翀阳市把二行程机车换成电动机车，市府加码补助多少？", segmenter).asked


# probe 67 -----------------------------------------------------------------------------------------


def test_hours_asked_beside_a_yes_or_no_want_a_time_of_day(segmenter):
    phone = sentence("政策咨询：翀阳县民政局养老服务处，电话0897-6235410；")
    d = draft(segmenter, "翀阳县民政局养老服务处几点上班？周末能过去办吗？", phone)
    assert first_refusal(d, LiteralDocuments({"a.txt": "翀阳县通知\n" + phone.text}, segmenter=segmenter)).rule == "no-time"
    hours = sentence("办公时间：周一至周五8:30—17:30。", start=60)
    d = draft(segmenter, "翀阳县民政局养老服务处几点上班？周末能过去办吗？", phone, hours)
    assert first_refusal(d, LiteralDocuments({"a.txt": "翀阳县通知\n" + phone.text + hours.text}, segmenter=segmenter)) is None


def test_the_limit_of_the_act_asked_within_li(segmenter):
    q = analyze("我在翀阳县送外卖受伤了，得在多长时间里报案？", segmenter)
    apply = sentence("自受伤之日起60日内，向区社会保险服务中心职业伤害窗口提交申请。", score=3.35)
    report = sentence("发生伤害后48小时内，本人或家属通过平台APP报案。", score=3.32, start=100)
    assert typed_first(q, [apply, report])[0] is report


def test_a_bound_over_a_figure_goes_on_with_an_adverb():
    assert range_fit("超过60周岁仍接单的,由平台企业另行购买商业意外伤害保险,不纳入本保障。", "我爸62岁了，能进吗？") == 1
    assert range_fit("超过60周岁仍接单的,不纳入本保障。", "我爸58岁了，能进吗？") == -1


def test_a_verb_until_the_asked_day_is_the_act(segmenter):
    assert until_stem("报到", "从哪天开始报，报到哪天？") == "报"
    assert until_stem("报到", "新生几号去学校报到？") == "报到"
    q = analyze("翀阳县今年独生子女奖励从哪天开始报，报到哪天？", segmenter)
    rule = sentence("1. 本人及配偶均为本县农业户籍，或在2016年1月1日前曾为本县农业户籍；", score=3.2)
    filing = sentence("（一）个人申报：2026年3月1日至4月30日，本人持材料向村（居）委会提出申请。", score=3.1, start=100)
    assert typed_first(q, [sentence("三、申报时间和程序", score=3.7, start=90), rule, filing])[0] is filing


def test_a_stated_share_in_words_answers_how_many_tenths(segmenter):
    d = calculate(segmenter, "翀阳县低收入户装单户污水设备，可以补工程费的几成？",
                  "低收入户申请单户设备者，补助基准提高为核定工程费百分之九十，每案上限不变。",
                  "单户小型污水处理设备｜核定工程费百分之七十｜4万元",
                  "社区集中处理设施｜核定工程费百分之九十｜300万元")
    assert not d.short.startswith("计算")


def test_a_share_of_the_asked_sum_is_of_its_type(segmenter):
    q = analyze("翀阳县的驾训班，我上课还不到总时数四分之一就想退，能退多少学费？", segmenter)
    cap = sentence("机车驾驶班学费上限为5500元。", score=3.2)
    row = sentence("已上课时数未达总时数四分之一｜已缴学费之百分之七十", score=4.1, start=100)
    assert typed_first(q, [row, cap])[0] is row


def test_two_characters_the_segmenter_cut_apart_name_their_clause(segmenter):
    fees = sentence("（三）小型车普通驾驶班学费上限：自排车1万6,000元，手排车1万7,500元；")
    assert figure_clause(analyze("在翀阳县学手排汽车，驾训班学费最多能收多少？", segmenter), [fees]) == "手排车1万7,500元"


def test_the_number_to_dial_and_a_waived_fee(segmenter):
    assert analyze("想跟翀阳县交通处监理科申诉驾训班，电话打几号？", segmenter).qtype == "number"
    q = analyze("翀阳县办大型活动申请安全许可要交费吗？", segmenter)
    again = sentence("变更活动地点的，应当重新申请安全许可。", score=3.8)
    form = sentence("1. 大型群众性活动安全许可申请表；", score=3.7, start=50)
    free = sentence("不收费。", score=3.5, start=100)
    assert free_first(q, [again, form, free])[0] is free
    assert free_first(q, [again, form])[0] is again


def test_a_figure_outside_every_range_of_the_notice_is_refused(segmenter):
    assert range_fit("接入城镇污水管网|距现有管网2公里以内|每户2500元", "离管网3公里的农户接管，每户补多少？") == -1
    assert range_fit("接入城镇污水管网|距现有管网2公里以内|每户2500元", "离管网1公里的农户接管，每户补多少？") == 1
    # (not a time limit, nor the end of a range: 「逾20公里至40公里以内」 is 20—40)
    assert range_fit("开学后30日以内申请的", "开学20天了还能退吗？") == 0
    assert range_fit("逾40公里至60公里以内|3000元", "超速30公里被拍，罚多少钱？") == -1
    row = "接入城镇污水管网｜距现有管网2公里以内｜每户2500元"
    text = f"翀阳县农村生活污水治理补助通知\n补助方式｜适用条件｜补助标准\n{row}\n建设三格式化粪池｜管网覆盖不到的农户｜每户1800元\n"
    docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
    docs.index.chunks = []
    far = draft(segmenter, "翀阳县离城镇污水管网3公里的农户接管，每户补多少？", sentence(row, start=text.index(row)))
    sentences = [sentence(line, start=text.index(line)) for line in text.splitlines()[1:] if line]
    docs.sentences = lambda source: sentences
    assert outside_ranges(far, docs).rule == "outside-ranges"
    near = draft(segmenter, "翀阳县离城镇污水管网1公里的农户接管，每户补多少？", sentence(row, start=text.index(row)))
    assert outside_ranges(near, docs) is None
    told = draft(segmenter, "翀阳县离管网超过3公里的农户接管，每户补多少？", sentence(row, start=text.index(row)))
    assert outside_ranges(told, docs) is None  # a bound told, no figure


def test_a_deadline_asked_is_a_time_limit_set_not_a_length_in_a_condition(segmenter):
    q = analyze("翀阳县跟培训机构提了退费，他们最晚多久要把钱退给我？", segmenter)
    unused = sentence("（一）学员自缴费之日起7日内（含）未上课的，可申请全额退费。", score=3.56)
    limit = sentence("（四）机构应在收到退费申请之日起10个工作日内完成退费。", score=3.54, start=100)
    assert typed_first(q, [unused, limit])[0] is limit
    plain = analyze("翀阳县缴费以后多久内没上课能全额退？", segmenter)
    assert typed_first(plain, [unused, limit])[0] is unused


# probe 68 -----------------------------------------------------------------------------------------


def test_a_labelled_issuer_in_the_title_block_gives_the_titles_place():
    text = ("关于做好2025年度残疾人就业保障金征收工作的通知\n翀阳财综〔2025〕9号\n"
            "发布单位：翀阳市财政局　翀阳市残疾人联合会\n发布日期：2025年3月18日\n\n各用人单位：\n正文。\n")
    assert "翀阳市财政局" in title_block(text, "关于做好2025年度残疾人就业保障金征收工作的通知")


def test_people_counted_with_a_measure_word_are_a_head_count():
    assert range_fit("在职职工20人(含)以下|暂免征收", "我们厂就18个工人，残保金用交吗？") == 1
    assert range_fit("在职职工20人(含)以下|暂免征收", "我们公司一共28名员工，要交吗？") == -1


def test_a_count_in_wan_of_a_measure_is_written_out():
    assert range_fit("建筑面积5000—20000平方米|7个工作日", "一万平米的房子联合验收要多长时间？") == 1
    assert range_fit("建筑面积5000平方米以下|5个工作日", "一万平米的房子联合验收要多长时间？") == -1
    assert range_fit("300万元(含)—1亿元(含)", "投资5000万的项目") == 1  # a sum of money stays in 万


def test_a_rate_per_mille_is_a_figure():
    assert [f.text for f in numerals("按日加收5‰的滞纳金")] == ["5‰"]
    assert [f.text for f in figures("按日加收5‰的滞纳金")] == ["5‰"]


def test_the_basis_of_a_payment_answers_how_it_is_paid(segmenter):
    q = analyze("我们在翀阳市，残疾员工比例算下来是1.2%，保障金按多少交？", segmenter)
    formula = sentence("（一）保障金年缴纳额＝（上年在职职工人数×1.5%－上年实际安排的残疾人就业人数）×上年职工年平均工资。", score=3.45)
    row = sentence("1%（含）—1.5%｜按应缴费额的50%征收", score=3.0, start=200)
    assert ranged_first(q, [formula, row])[0] is row


def test_a_count_asked_by_the_general_measure_word(segmenter):
    top = sentence("同一主体本年度最多申报2个设施。")
    d = draft(segmenter, "翀阳县一个家庭农场今年最多能报几个冷库？", top)
    assert quantity(d, LiteralDocuments({"a.txt": "翀阳县通知\n" + top.text}, segmenter=segmenter)) is None
    months = draft(segmenter, "翀阳县冷库补助最多能报几个月的电费？", top)
    assert quantity(months, LiteralDocuments({"a.txt": "翀阳县通知\n" + top.text}, segmenter=segmenter)) is not None


def test_months_are_counted_against_a_bound_in_years(segmenter):
    q = analyze("翀阳市我们合作社才成立8个月，能报冷库补助吗？", segmenter)
    assert bound_fit(q, "第二条 补助对象为在本市注册登记满1年的家庭农场、农民合作社。") == -1
    assert bound_fit(analyze("翀阳市我们合作社成立18个月了，能报冷库补助吗？", segmenter),
                     "第二条 补助对象为在本市注册登记满1年的家庭农场、农民合作社。") == 1


def test_a_figure_per_the_asked_unit_over_a_cap_per_another(segmenter):
    row = sentence("社区公共充电桩（含电源管线）｜管理委员会｜每座4万元，每一社区最高20万元")
    assert figure_clause(analyze("翀阳市社区要装公共充电桩，一座最多补助多少？", segmenter), [row]).endswith("每座4万元")
    assert figure_clause(analyze("翀阳市一个社区装公共充电桩最多补助多少？", segmenter), [row]) == "每一社区最高20万元"


def test_a_time_of_day_in_a_rows_hours():
    assert range_fit("低谷|22:00—次日8:00|0.3083", "晚上11点充一度多少钱？") == 1
    assert range_fit("高峰|8:00—22:00|0.5883", "晚上11点充一度多少钱？") == -1
    assert range_fit("高峰|8:00—22:00|0.5883", "下午3点半充一度多少钱？") == 1
    # (an hour without the part of the day may be either: 「托管到六点半」 is 18:30)
    assert range_fit("延时托管（17:30—18:30）|看护服务|每生每月60元", "孩子要托管到六点半，延时那部分每月多少钱？") == 1
