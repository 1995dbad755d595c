"""Rows named by the asker's category, ages said without 岁, contact lines and kinds of time
(probe43, read in session 31, issue 9): 「低保户」 is answered by the row of 「低保家庭」, not the
one of 「低保边缘家庭」; 「我爸今年78，…」 falls in the row 「75—84周岁」 however far down the
table stands; 「打哪个电话反映」 is answered by a notice's 「帮扶热线：…」 whatever its label's
length; a phone line answers no 「罚多少」; 「星期几开」 asks a kind of time, which a notice states
without the word 星期. The notices are written here for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import draft, sentence
from support import open_small_corpus

from agent.offline.check.rules import unknown_noun
from agent.offline.documents import written
from agent.offline.extract.tables import as_counted, range_fit
from agent.offline.gather.rank import ranged_first, row_item_first
from agent.offline.understand.question import GRANT_ASKED, analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


# literal strings ---------------------------------------------------------------------------------
def test_an_age_before_a_comma_is_counted_in_years():
    assert as_counted("我爸今年78，家里装扶手，最多能补多少？") == "我爸今年78岁,家里装扶手,最多能补多少?"
    assert range_fit("75—84周岁｜改造费用的70%｜3500元", "我爸今年78，最多能补多少？") == 1
    assert range_fit("65—74周岁｜改造费用的50%｜2000元", "我爸今年78，最多能补多少？") == -1
    # a month of this year is no age
    assert as_counted("今年3月份开始，能补多少？") == "今年3月份开始,能补多少?"


def test_a_sum_the_asker_states_is_no_sum_asked(segmenter):
    assert analyze("我一共献了1000毫升血，以后自己住院用血能免多少？", segmenter).qtype == "number"
    assert analyze("我一共交了三年社保，能领几个月？", segmenter).qtype == "number"
    assert analyze("两项补贴一共能拿多少？", segmenter).qtype == "calc"
    assert analyze("家里三个孩子，一共能领多少？", segmenter).qtype == "calc"


def test_the_row_whose_item_the_question_says_more_of_goes_first(segmenter):
    edge = sentence("二档｜低保边缘家庭、支出型困难家庭｜500元", score=1.0)
    poor = sentence("一档｜特困人员、低保家庭｜800元", score=0.99, start=50)
    q = analyze("我家是低保家庭，冬天取暖补贴最多能拿多少？", segmenter)
    assert row_item_first(q, [edge, poor]) == [poor, edge]
    q = analyze("我家是低保边缘家庭，冬天取暖补贴最多能拿多少？", segmenter)
    assert row_item_first(q, [edge, poor]) == [edge, poor]
    # a row far below in score, or a sentence that is no row, is not moved
    far = sentence("一档｜特困人员、低保家庭｜800元", score=0.8, start=50)
    q = analyze("我家是低保家庭，冬天取暖补贴最多能拿多少？", segmenter)
    assert row_item_first(q, [edge, far]) == [edge, far]
    prose = sentence("低保家庭的取暖补贴按户发放。", score=0.99, start=50)
    assert row_item_first(q, [edge, prose]) == [edge, prose]


def test_a_row_whose_range_holds_the_age_comes_from_far_down(segmenter):
    top = sentence("特困人员不受上述年龄段限制，单户最高不超过6000元。", score=3.0)
    filler = [sentence(f"第{i}条　改造项目按清单执行。", score=2.9, start=100 + 20 * i) for i in range(20)]
    row = sentence("75—84周岁｜改造费用的70%｜3500元", score=2.5, start=900)
    q = analyze("我爸今年78，家里装扶手，最多能补多少？", segmenter)
    assert ranged_first(q, [top, *filler, row])[0] is row


def test_a_kind_of_time_asked_is_no_unknown_noun(segmenter):
    row = sentence("海湾假日市集｜滨海广场｜周六、周日9时至18时｜60个摊位", source="market.txt")
    docs = _Docs("海湾假日市集｜滨海广场｜周六、周日9时至18时｜60个摊位")
    assert unknown_noun(draft(segmenter, "翀阳县的海湾假日市集是星期几开？", row), docs) is None
    # a time the question names, not one it asks the kind of, still has to be said: by its days at
    # least (周末 is 周六、周日; session 45)
    assert unknown_noun(draft(segmenter, "翀阳县的海湾假日市集周末几点开门？", row), docs) is None
    weekdays = sentence("海湾假日市集｜滨海广场｜周一至周五9时至18时｜60个摊位", source="market.txt")
    weekday_docs = _Docs("海湾假日市集｜滨海广场｜周一至周五9时至18时｜60个摊位")
    refused = unknown_noun(draft(segmenter, "翀阳县的海湾假日市集周末几点开门？", weekdays), weekday_docs)
    assert refused is not None and refused.rule == "unknown-noun" and "周末" in refused.detail


def test_a_cost_the_notice_writes_its_own_way_is_no_unknown_noun(segmenter):
    line = "1. 当年家庭成员自付医疗费用累计超过2万元的；"
    row = sentence(line, source="watch.txt")
    docs = _Docs(line)
    assert unknown_noun(draft(segmenter, "翀阳县家里有人生病，一年自己掏的医药费超过多少要纳入监测？", row), docs) is None
    # a cost whose first character and head the notice does not write together is still unknown
    refused = unknown_noun(draft(segmenter, "翀阳县家里有人生病，一年自己掏的住宿费超过多少要纳入监测？", row), docs)
    assert refused is not None and "住宿费" in refused.detail


class _Docs:
    """The parts of the documents the unknown-noun rule reads, for a corpus of one untitled line."""

    def __init__(self, text: str):
        self.text = text

    def unknown(self, word: str) -> bool:
        return not written(word, self.text)

    def shortened(self, word: str) -> bool:
        return False

    def title_line(self, source: str) -> str:
        return ""

    def document_norm(self, source: str) -> str:
        return self.text


# a real index ------------------------------------------------------------------------------------
HEATING = """翀阳县困难群众冬季取暖补贴发放通知

一、补贴对象和标准
档次｜对象类别｜每户补贴
一档｜特困供养人员、低保家庭｜800元
二档｜低保边缘家庭、支出型困难家庭｜500元
三档｜计划生育特殊家庭｜300元
二、申报方式
困难群众可通过“翀阳民生”微信小程序、拨打帮扶热线或者向村（社区）委员会申报。
三、咨询方式
翀阳县困难群众救助帮扶热线：0731-8862417
"""

STALLS = """璩川市流动摊贩疏导点管理办法

第一条　疏导点以外的道路、广场、桥梁等公共场所，未经批准不得摆摊设点。
第二条　违反前条规定的，由城市管理部门责令改正；拒不改正的，处50元以上200元以下罚款。
第三条　摊主每个摊位每月缴纳卫生保洁费50元。
第四条　摊位证由街道办事处免费发放。
城管服务热线：12319
"""


BIRTH = """翀阳县新生儿出生“一件事”联办服务指南

翀阳县卫生健康局　翀阳县公安局　翀阳县医疗保障局
2026年3月2日

一、联办事项
将出生医学证明、户口登记、医保参保登记、社会保障卡申领4个事项整合为“一件事”，一窗受理、一次办好。
二、服务对象
（一）2026年1月1日以后在本县助产机构出生的新生儿；
（二）新生儿父母至少一方为本县户籍，或者持有本县有效居住证满6个月；
（三）出生登记须在出生之日起一个月内申报；超过一个月的，不纳入联办，由监护人到户籍所在地派出所单独办理。
三、办理时限及结果领取
事项｜承办部门｜办理时限｜结果领取
出生医学证明｜助产机构｜当场办结｜服务专窗领取
户口登记｜户籍所在地派出所｜3个工作日｜免费邮寄户口簿
医保参保登记｜县医疗保障局｜1个工作日｜短信告知
社会保障卡｜县人力资源和社会保障局｜7个工作日｜免费邮寄
四、咨询电话
翀阳县政务服务中心：0731-8862001
"""


@pytest.fixture(scope="module")
def notices(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "rows",
                             {"heating.txt": HEATING, "stalls.txt": STALLS, "birth.txt": BIRTH}, folder="notices")


def test_the_row_of_the_askers_category_answers(notices):
    answer = notices.ask("翀阳县我家是低保家庭，冬天取暖补贴一户最多给多少钱？")
    assert "800元" in answer.short and answer.citations[0].quote.startswith("一档")


def test_a_long_contact_label_answers_which_phone(notices):
    answer = notices.ask("翀阳县家里冬天生活困难，打哪个电话反映？")
    assert not answer.refused and "0731-8862417" in answer.short


def test_a_phone_line_answers_no_fine(notices):
    answer = notices.ask("璩川市没批就在路边摆摊，城管说了还不改的话罚多少？")
    assert "50元以上200元以下" in answer.short and "12319" not in answer.short



def test_a_sentence_that_answers_outranks_a_row_further_down(notices):
    answer = notices.ask("我们两口子都不是翀阳县户口，居住证要拿多久才能办出生一件事？")
    assert "满6个月" in answer.short and "3个工作日" not in answer.short
    # a row the question names still answers from its table
    row = notices.ask("翀阳县出生一件事里户口登记要几个工作日办好？")
    assert "3个工作日" in row.short


def test_a_grant_is_asked_in_money_or_a_share(segmenter):
    granted = analyze("老人想换一张电动护理床，最多可以补助多少？", segmenter)
    assert granted.unit == GRANT_ASKED and granted.unit_fits("3500元") and granted.unit_fits("90%")
    assert not granted.unit_fits("1年") and not granted.unit_fits("65岁")
    assert analyze("最多可以补助多少钱？", segmenter).unit == "钱"
    assert analyze("补助申请多少天能批下来？", segmenter).unit != GRANT_ASKED


def test_a_thing_that_costs_nothing_answers_no_to_does_it_cost(segmenter):
    from agent.offline.check.polarity import denied

    licence = "新设立个体工商户可免费领取纸质营业执照正、副本各1份。"
    assert denied(analyze("翀阳县办个体户的营业执照要花钱吗？", segmenter), licence) == "免费"
    assert denied(analyze("申请消费争议调解要不要钱？", segmenter), "申请消费争议调解不收取任何费用。") == "不收取"
    # a question that says 免费 itself, or asks no cost, is not denied by it
    assert denied(analyze("有没有免费停车的时间？", segmenter), "白天免费停放时长延长至1小时。") == ""
    assert denied(analyze("翀阳县办个体户能领营业执照吗？", segmenter), licence) == ""


def test_does_it_cost_is_answered_no_when_the_notice_says_free(notices):
    answer = notices.ask("璩川市领摊位证要交钱吗？")
    assert answer.short.startswith("不是") and "免费" in answer.short


def test_kin_are_credited_by_the_category_a_rule_lists_them_under():
    from agent.offline.gather.credit import term_credit

    shared = "职工医保个人账户共济范围扩大至近亲属，包括配偶、父母、子女、兄弟姐妹。"
    assert term_credit("亲哥", shared) == 0.9 and term_credit("亲姐", shared) == 0.9
    assert term_credit("岳父", "本细则所称亲属，是指献血者的配偶、父母、子女以及配偶的父母。") == 0.9
    # a kin word is no credit for a sentence that lists no kin
    assert term_credit("亲哥", "个人账户不得用于美容美发等支出。") == 0.0
    assert term_credit("岳父", "献血者的配偶、父母、子女、兄弟姐妹。") == 0.0


def test_a_province_asked_in_other_words_is_the_row_of_its_side(segmenter):
    from agent.offline.gather.rank import level_first, other_level

    assert other_level("老人住到外省去了，补贴怎么发？", "区外、省内｜每人每天45元") == "省内"
    assert other_level("老人住到外省去了，补贴怎么发？", "跨省迁移的，10个工作日内办结。") == ""
    assert other_level("省内转诊怎么报？", "省内外均按此标准执行。") == ""
    inside = sentence("区外、省内｜每人每天30元", score=1.0)
    lead = sentence("住院期间按以下标准支付伙食补助费：", score=0.99, start=40)
    header = sentence("就医地点｜补助标准", score=0.97, start=80)
    outside = sentence("省外（经批准转诊）｜每人每天50元", score=0.95, start=120)
    q = analyze("批准转到外省住院，伙食补助一天给多少？", segmenter)
    # the row of the asked side goes first, though three lines rank between them
    assert level_first(q, [inside, lead, header, outside])[0] == outside
    # and a row of the other side is not put back over it for the characters it shares (区外)
    assert row_item_first(q, [outside, inside]) == [outside, inside]
    q = analyze("在省内住院，伙食补助一天给多少？", segmenter)
    assert level_first(q, [inside, lead, header, outside])[0] == inside


def test_a_deadline_asked_of_a_stage_is_the_date_of_that_stage(segmenter):
    from agent.offline.gather.rank import dated_stage_first

    paid = sentence("审核无异议的，区民政局于2025年12月15日前完成补贴发放。")
    window = sentence("2025年8月1日至9月30日，逾期未申领的，视为自动放弃。", score=0.9, start=60)
    q = analyze("这个补贴最晚哪天前要去申请？", segmenter)
    assert dated_stage_first(q, [paid, window]) == [window, paid]
    # the stage the best sentence dates is the asked one: it stays
    q = analyze("这个补贴最晚啥时候发下来？", segmenter)
    assert dated_stage_first(q, [paid, window]) == [paid, window]
    # no deadline asked
    q = analyze("这个补贴什么时候申请？", segmenter)
    assert dated_stage_first(q, [paid, window]) == [paid, window]


def test_how_a_tiered_charge_is_reckoned_is_the_row_of_the_askers_tier(segmenter):
    lower = sentence("居民住宅（建筑面积120平方米及以下部分）｜每平方米20元")
    upper = sentence("居民住宅（建筑面积超过120平方米部分）｜每平方米24元", score=0.99, start=40)
    assert range_fit(upper.norm, "房子150平米，超出120平的那部分怎么收？") == 1
    assert range_fit(lower.norm, "房子150平米，超出120平的那部分怎么收？") == -1
    q = analyze("房子150平米，超出120平的那部分取暖费怎么算？", segmenter)
    assert ranged_first(q, [lower, upper]) == [upper, lower]
    q = analyze("房子100平米，取暖费怎么算？", segmenter)
    assert ranged_first(q, [lower, upper]) == [lower, upper]


def test_a_row_named_by_the_askers_headcount_is_found_below_the_notices_basis(segmenter):
    from agent.offline.gather.rank import row_named_first

    lines = [sentence("家庭成员每人每月平均所得低于3万元。"), sentence("依据：《住宅租金补贴办法》第三条。", start=20),
             sentence("主旨：公告本年度租金补贴受理事宜。", start=40), sentence("每月补贴金额不得超过实际租金。", start=60)]
    row = sentence("育有未成年子女2名｜每月3,000元", score=0.97, start=80)
    q = analyze("租金补贴，我家有两个小孩，每个月可以补多少？", segmenter)
    assert row_named_first(q, [*lines, row])[0] == row
    q = analyze("租金补贴，我家有三个小孩，每个月可以补多少？", segmenter)
    assert row_named_first(q, [*lines, row])[0] == lines[0]
