"""Shapes of probes 75 and 76 (read in session 47, issue 9): an institution asked by its everyday
name (「医院」) that a notice names by its kind (「医疗机构」); a place word said the other way round
(「外省」, 「省外」); a concession asked by a quality word (「优惠」) that a lower share grants; a
building's size asked by 「多大」; a table row whose range holds the asker's own figure; a share of a
sum for 「交多少」; money taken each month or named after 多少; a day of the period asked; a price
asked by a thing's everyday name (「本子钱」, 「每本」); 车祸, 交通事故; a row told by its ordinal; a
worked example after its rule; an extra stated in prose beside a table; how often, asked as a
choice; a range whose two ends a pause divides; a complaint line the named notice never gives; a
list's heading above a blank line. The strings are written here for their shape, not copied from a
probe."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, draft, sentence

from agent.lexicon.thesaurus import names_money, quality_word, synonyms
from agent.offline.check.rules import first_refusal
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.stages import _outranks_row
from agent.offline.extract.tables import named_cell, range_fit
from agent.offline.gather.neighbours import list_lead
from agent.offline.gather.rank import stated_frequency, typed_first
from agent.offline.understand.question import GRANT_ASKED, analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def places():
    return Segmenter(["翀阳县", "翀阳市"])


def _notice(places, text: str) -> LiteralDocuments:
    return LiteralDocuments({"a.txt": text}, segmenter=places)


def _line(text: str, line: str, score: float = 3.0) -> object:
    return sentence(line, score=score, start=text.index(line))


def test_an_institution_asked_by_its_everyday_name_is_the_kind_the_notice_names(places):
    text = ("翀阳县道路交通事故救助基金垫付办法\n第五条 医疗机构应在抢救结束之日起7个工作日内提出垫付申请。\n"
            "第六条 救助基金管理中心自收到申请之日起3个工作日内作出决定。\n")
    docs = _notice(places, text)
    line = _line(text, "第五条 医疗机构应在抢救结束之日起7个工作日内提出垫付申请。")
    assert first_refusal(draft(places, "翀阳县医院抢救完伤员，医院得在几天内去申请垫付？", line), docs) is None
    # (a kind of institution the notice names by no general word is still unknown to it)
    refused = first_refusal(draft(places, "翀阳县银行几天内要去申请垫付？", line), docs)
    assert refused is not None and refused.rule == "unknown-noun" and "银行" in refused.detail


def test_a_place_word_said_the_other_way_round_is_the_notices(places):
    text = "翀阳县新生入学路费资助通知\n录取院校｜路费资助｜生活费\n省内院校｜每人400元｜每人500元\n省外院校｜每人900元｜每人500元\n"
    docs = _notice(places, text)
    row = _line(text, "省外院校｜每人900元｜每人500元")
    assert first_refusal(draft(places, "翀阳县孩子考上外省的大学，路费能补多少？", row), docs) is None


def test_a_concession_asked_by_a_quality_word_is_granted_by_a_lower_share(places):
    assert quality_word("优惠") and not quality_word("补贴") and not quality_word("企业")
    assert names_money("应缴费额") and not names_money("面额")
    text = "翀阳县污水处理费征收细则\n第七条 符合条件的小型微利企业，在2026年6月30日前按应缴费额的60%缴纳污水处理费。\n"
    docs = _notice(places, text)
    line = _line(text, "第七条 符合条件的小型微利企业，在2026年6月30日前按应缴费额的60%缴纳污水处理费。")
    question = "翀阳县的小微企业交污水处理费有没有优惠？交多少？"
    assert first_refusal(draft(places, question, line), docs) is None
    assert "60%" in figure_clause(analyze(question, places), [line])
    # (no lower share, no concession: 「有没有优惠」 of a notice that only sets the charge)
    plain = "翀阳县污水处理费征收细则\n第三条 污水处理费按每吨0.95元征收。\n"
    charged = _line(plain, "第三条 污水处理费按每吨0.95元征收。")
    refused = first_refusal(draft(places, question, charged), _notice(places, plain))
    assert refused is not None


def test_a_buildings_size_asked_by_多大_is_its_area(places):
    text = "翀阳县小餐饮登记管理公告\n（二）小餐饮，是指有固定经营场所，经营面积不超过50平方米，从业人员不超过5人的经营者。\n"
    line = _line(text, "（二）小餐饮，是指有固定经营场所，经营面积不超过50平方米，从业人员不超过5人的经营者。")
    assert first_refusal(draft(places, "在翀阳县开个小吃店，店面多大以内算小餐饮？", line), _notice(places, text)) is None


def test_a_row_whose_range_holds_the_askers_figure_answers_their_situation(places):
    text = ("翀阳县困难家庭大学新生路费资助公告\n铁路里程｜路费资助｜生活费\n600公里以内｜每人500元｜每人800元\n"
            "601—1600公里｜每人800元｜每人800元\n")
    row = _line(text, "601—1600公里｜每人800元｜每人800元")
    question = "翀阳县孩子考到坐火车离家1000公里的大学，路费补多少？"
    assert first_refusal(draft(places, question, row), _notice(places, text)) is None


def test_money_asked_by_the_month_or_named_after_多少(places):
    assert analyze("我家老人今年刚满92岁，一个月能领多少？", places).unit == GRANT_ASKED
    assert analyze("翀阳县退伍的，一次性补助当两年兵给多少？", places).unit == GRANT_ASKED
    assert analyze("翀阳县立过三等功的，补助能多发多少？", places).unit != GRANT_ASKED
    assert analyze("征地那年我爸41岁，政府给他补多少养老保险钱？", places).unit == "钱"


def test_a_day_of_every_month_is_of_the_period_asked(places):
    q = analyze("翀阳县的高龄津贴每个月几号之前能到卡上？", places)
    checked = sentence("享受津贴的老年人每年须进行一次生存认证，认证时间为每年3月1日至5月31日。", score=3.3)
    paid = sentence("审批通过的，自次月起发放，每月15日前打入本人社会保障卡。", score=3.0)
    assert typed_first(q, [checked, paid])[0] is paid


def test_a_price_asked_by_a_things_everyday_name_is_the_line_counting_by_its_stem(places):
    q = analyze("在翀阳县换新驾照，本子钱要交多少？", places)
    fine = sentence("驾驶证被扣留期间仍驾驶机动车的，处200元以上2000元以下罚款。", score=3.2)
    cost = sentence("（三）工本费：每本10元。", score=3.1)
    assert typed_first(q, [fine, cost])[0] is cost


def test_a_road_accident_is_the_law_and_the_notices_交通事故():
    assert "交通事故" in synonyms("车祸")


def test_a_row_named_as_much_as_another_is_told_by_its_ordinal(places):
    text = ("翀阳市满分学习\n满分情形｜学习天数｜考试内容\n一个记分周期内首次满分｜7天｜科目一\n"
            "一个记分周期内第二次满分｜14天｜科目一、科目三\n一个记分周期内第三次及以上满分｜21天｜科目一、科目三\n")
    docs = _notice(places, text)
    q = analyze("翀阳市一个记分周期里第二次扣满12分，要学习几天？", places)
    rows = [_line(text, line) for line in text.splitlines()[2:]]
    cell = named_cell(q, docs.index, rows)
    assert cell is not None and cell.value == "14天"


def test_a_worked_example_comes_after_its_rule(places):
    q = analyze("翀阳县退伍自主就业的，一次性补助当一年兵给多少？", places)
    who = sentence("答：由我县接收安置、选择自主就业的退役士兵，包括退役义务兵和服现役满12年以下的退役士官。", score=4.1)
    example = sentence("例如服役3年的义务兵，可领取18000元。", score=3.75)
    rule = sentence("答：按服役年限计发，每服役满1年发放6000元；", score=3.73)
    assert typed_first(q, [who, example, rule])[0] is rule


def test_an_extra_said_in_prose_outranks_the_tables_standard_sum(places):
    q = analyze("翀阳县一类救助户冬天取暖另外补多少钱？", places)
    extra = sentence("对一类对象，另按每户300元标准一次性发放取暖补助。", score=3.6)
    row = sentence("一类｜重灾户、无劳动能力｜每人每月260元", score=3.5, start=40)
    assert _outranks_row(q, extra, "一类救助标准：每人每月260元", row)
    q = analyze("翀阳县一类救助户每个月补多少钱？", places)
    assert not _outranks_row(q, extra, "一类救助标准：每人每月260元", row)


def test_how_often_asked_as_a_choice(places):
    assert stated_frequency("翀阳县的高龄补贴是每个月发还是隔一阵发一次？", "高龄津贴按季度发放")
    assert not stated_frequency("翀阳县的高龄补贴每个月发多少？", "高龄津贴按季度发放")


def test_a_range_whose_ends_a_pause_divides_is_one_range():
    rule = "女性征地时年满55周岁、未满60周岁的，按第三档标准补贴后，另给予一次性补助2000元。"
    assert range_fit(rule, "征地那年我妈52岁") == -1
    assert range_fit(rule, "征地那年我妈57岁") == 1


def test_a_complaint_line_asked_of_a_notice_that_gives_none_is_refused(places):
    text = "翀阳县高校新生入学资助通知\n五、咨询电话：0898-6271234\n"
    docs = _notice(places, text)
    line = _line(text, "五、咨询电话：0898-6271234")
    refused = first_refusal(draft(places, "翀阳县新生资助要是发现有人造假，举报电话是多少？", line), docs)
    assert refused is not None and refused.rule == "unknown-noun" and "complaint" in refused.detail
    assert first_refusal(draft(places, "翀阳县新生资助的咨询电话是多少？", line), docs) is None
    # (a notice that takes complaints on its line answers)
    open_line = "翀阳县高校新生入学资助通知\n五、咨询及举报电话：0898-6271234\n"
    line = _line(open_line, "五、咨询及举报电话：0898-6271234")
    assert first_refusal(draft(places, "翀阳县新生资助要是发现有人造假，举报电话是多少？", line), _notice(places, open_line)) is None



def test_a_share_written_with_之_is_a_share_of_the_sum(places):
    text = "翀阳县保证金问答\n答：计划核定后、开工前，应依设施工程造价之百分之二十缴交保证金。\n"
    line = _line(text, "答：计划核定后、开工前，应依设施工程造价之百分之二十缴交保证金。")
    question = "翀阳县计划核定后，保证金要照工程造价缴多少？"
    assert first_refusal(draft(places, question, line), _notice(places, text)) is None


def test_a_grant_asked_by_its_kind_is_the_one_the_notice_writes_its_way(places):
    text = "翀阳县孤儿基本生活保障\n在校就读的孤儿，每年9月一次性发放助学补助，其中高中阶段每人1200元。\n"
    line = _line(text, "在校就读的孤儿，每年9月一次性发放助学补助，其中高中阶段每人1200元。")
    assert first_refusal(draft(places, "翀阳县的孤儿在读高中，每年9月发的上学补助有多少？", line), _notice(places, text)) is None
    # (a grant of a kind it does not write stays unknown: 「交通补助」)
    refused = first_refusal(draft(places, "翀阳县的孤儿在读高中，每年的交通补助有多少？", line), _notice(places, text))
    assert refused is not None


def test_an_items_lead_is_the_heading_above_a_blank_line(places):
    text = ("翀阳县救助基金垫付办法\n八、不予垫付的情形\n\n（一）受害人故意造成交通事故的；\n"
            "（二）事故发生在住宅小区等单位管辖范围内非公共通行道路上的；\n")
    docs = _notice(places, text)
    item = _line(text, "（二）事故发生在住宅小区等单位管辖范围内非公共通行道路上的；")
    assert list_lead(docs.index, item) == "八、不予垫付的情形"
