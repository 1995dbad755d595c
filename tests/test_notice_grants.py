"""Shapes of probe48 (read in session 34, issue 9): a grant named by a giving verb used as a noun
(「丧葬补助能拿多少」「能领多少困难补助」) asks a sum of money or a share, not the sentence's other
figures; a rate asked per a period (「一个学期能给多少」) is the clause that states it per that
period; a time of day asked (「几点上班」) is not answered by a date; the act a deadline is asked
of is said without its complement of direction (「报上去」: 申报). The strings are written here
for their shape, not copied from a probe."""

from __future__ import annotations

import pytest
from offline_support import draft, paragraph, sentence

from agent.offline.check.rules import no_time, period
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.stages import Extract
from agent.offline.gather.rank import asked_type
from agent.offline.understand.question import GRANT_ASKED, analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_giving_verb_named_as_the_grant_asks_money_or_a_share(segmenter):
    for asked in ("翀阳县我爸退休了，上个月病故，丧葬补助能拿多少？",
                  "翀阳县我是遗属，每个月能领多少困难补助？",
                  "翀阳县查实了给多少奖励？"):
        q = analyze(asked, segmenter)
        assert (q.qtype, q.unit) == ("number", GRANT_ASKED), asked
        assert q.unit_fits("6000元") and q.unit_fits("30%") and not q.unit_fits("30日")
    # a count of times is no sum (「几回」), and a noun the thesaurus files as money keeps 钱
    assert analyze("翀阳县一个人一年最多能领几回培训补贴？", segmenter).unit != GRANT_ASKED
    assert analyze("翀阳县安家补贴一共能拿多少？", segmenter).unit == "钱"


def test_a_period_asked_takes_the_clause_that_states_that_period(segmenter):
    line = sentence("（一）保育教育费资助：每生每年1200元，按学期发放，每学期600元。")
    assert figure_clause(analyze("翀阳县幼儿资助一个学期能给多少钱？", segmenter), [line]) == "每学期600元"
    assert figure_clause(analyze("翀阳县幼儿资助一年能给多少钱？", segmenter), [line]) == "每生每年1200元"
    # a condition counted in years is no period (「满一年」)
    assert figure_clause(analyze("翀阳县缴费满一年的能给多少钱？", segmenter), [line]) == "每生每年1200元"


def test_a_time_of_day_is_not_answered_by_a_date(segmenter):
    dated = sentence("县学生资助管理中心于2025年10月15日前完成审核。")
    asked = draft(segmenter, "翀阳县学生资助管理中心几点上班？", dated)
    refusal = no_time(asked, None)
    assert refusal is not None and refusal.rule == "no-time"
    hours = sentence("办公时间：工作日上午8:30—12:00，下午14:30—17:30。", start=60)
    assert no_time(draft(segmenter, "翀阳县学生资助管理中心几点上班？", dated, hours), None) is None
    # a date asked is still answered by one
    assert no_time(draft(segmenter, "翀阳县资助什么时候审核完？", dated), None) is None


def test_the_act_of_a_deadline_is_said_without_its_complement_of_direction(segmenter):
    q = analyze("翀阳县适老化改造补贴最晚哪天前要报上去？", segmenter)
    checked = sentence("所有改造项目须于2025年11月30日前完成验收。", score=3.6)
    filed = sentence("街道应于2025年9月30日前将申请材料报送区民政局。", score=3.3, start=80)
    typed, _ = asked_type(q, [checked, filed])
    assert typed(filed) and not typed(checked)


def test_a_rate_per_the_asked_period_is_quoted_before_the_best_sentence(segmenter):
    longest = "重新就业后再次失业的，领取期限可以合并计算，但最长不超过24个月。"
    monthly = "失业保险金由经办机构按月发放，现行标准为每人每月1836元。"
    docs = paragraph(segmenter, longest, monthly)
    d = Extract(docs)(draft(segmenter, "翀阳县失业金现在一个月给多少？",
                            sentence(longest, score=3.6), sentence(monthly, score=3.5, start=len(longest))))
    assert d.short == "现行标准为每人每月1836元"
    assert d.evidence[0].text == monthly
    # 「每逾一日」 states a rate per day as 「每日」 does
    late = "逾期未缴纳的，每逾一日加收1%滞纳金，最高加收至15%。"
    cut = "逾期超过二个月仍未缴纳的，停止供水，恢复供水时另缴复水费300元。"
    docs = paragraph(segmenter, cut, late)
    d = Extract(docs)(draft(segmenter, "翀阳县水费过期没交，每天要多加多少滞纳金？",
                            sentence(cut, score=3.6), sentence(late, score=3.5, start=len(cut))))
    assert d.short == "每逾一日加收1%滞纳金"
    # a best sentence that states the period keeps its place
    d = Extract(docs)(draft(segmenter, "翀阳县水费过期没交，恢复供水要另交多少？",
                            sentence(cut, score=3.6), sentence(late, score=3.5, start=len(cut))))
    assert d.evidence[0].text == cut
    # nor does a table's row, whose header may give the period, nor a range that holds the asker's figure
    row = "中专（技工院校）及以下｜1600元"
    docs = paragraph(segmenter, row, "见习补贴每人每月最高不超过20元。")
    d = Extract(docs)(draft(segmenter, "翀阳县中专毕业的孩子去见习，一个月补贴多少钱？",
                            sentence(row, score=3.6), sentence("见习补贴每人每月最高不超过20元。", score=3.5, start=len(row))))
    assert d.evidence[0].text == row




def test_a_length_the_askers_situation_counts_asks_no_period(segmenter):
    once = sentence("符合条件的，每套住房补贴最高不超过2万元，一次性发放。")
    asked = draft(segmenter, "翀阳县我社保交满一年了，买二手房补贴最多给多少钱？", once)
    assert period(asked, None) is None
    refusal = period(draft(segmenter, "翀阳县买二手房补贴一年给多少钱？", once), None)
    assert refusal is not None and refusal.rule == "period"



def test_an_adjective_that_ends_a_you_mei_you_clause_is_the_thing_asked(segmenter):
    assert analyze("翀阳县的高龄老人坐公交有没有优惠？多少钱一趟？", segmenter).exists == ("优惠",)
    assert analyze("翀阳县老人看病有没有优惠政策？", segmenter).exists == ("优惠政策",)


def test_a_day_of_the_week_in_every_month_is_a_time(segmenter):
    closed = sentence("七、闭馆日：国民运动中心每月最后一个星期一闭馆进行设备清洁保养。")
    asked = draft(segmenter, "翀阳市的国民运动中心每个月哪一天休馆？", closed)
    assert no_time(asked, None) is None
    typed, far = asked_type(asked.q, list(asked.candidates))
    assert typed(closed) and far is typed
    assert not typed(sentence("（二）2025年9月9日起，各项设施全日免费开放。"))


def test_the_subject_of_what_follows_is_not_the_counted_thing(segmenter):
    # 「逾期过几次公积金中心就不受理了」: 公积金中心 does what follows (就不受理), 逾期 is counted
    assert analyze("在翀阳市，以前还款逾期过几次公积金中心就不受理了？", segmenter).asked == ()
    # an object before 才能 is still asked (「交多少年公积金才能贷款」)
    assert analyze("翀阳市交多少年公积金才能贷款？", segmenter).asked == ("公积金",)
