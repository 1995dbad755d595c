"""A multiple the notice states answers 「几倍」 (probe40, session 29): 「1倍以上3倍以下的罚款」 is
not divided into 「3倍 ÷ 1倍」, and a 「几倍」 question whose best sentences state no multiple is
refused, while a ratio of two amounts is still computed. So a share: 「报销百分之多少」 of sentences
that state none is refused. Literal strings: no index, no model."""

from __future__ import annotations

import pytest
from offline_support import calculate

from agent.offline.extract.arithmetic import asked_multiple
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


def test_a_multiple_is_asked_by_jibei_and_duoshaobei(segmenter):
    assert asked_multiple(analyze("骗取救助金最多能罚几倍？", segmenter)) == "倍"
    assert asked_multiple(analyze("商家要按价款的多少倍赔偿？", segmenter)) == "倍"
    assert asked_multiple(analyze("最多能罚多少钱？", segmenter)) == ""


def test_a_stated_range_of_multiples_is_not_divided(segmenter):
    d = calculate(segmenter, "有人假报材料骗特困救助金，最多能罚几倍？",
                   "采取虚报、隐瞒、伪造等手段骗取救助供养金的，可以处非法获取的救助资金1倍以上3倍以下的罚款。")
    assert not d.settled and d.refusal is None
    assert "÷" not in d.short
    assert d.q.unit == "倍" and d.q.qtype == "number"  # asked on as a plain figure in 倍


def test_two_rows_of_multiples_are_not_divided(segmenter):
    d = calculate(segmenter, "租金补贴家里有小孩的可以加码几倍？",
                   "育有未成年子女1名｜基本额度加码1.4倍", "新婚2年内｜基本额度加码1.3倍")
    assert not d.settled and "÷" not in d.short


def test_the_counts_beside_a_stated_multiple_are_not_divided(segmenter):
    # (session 30, probe38: 「計算：2名 ÷ 1名 ≈ 2倍」)
    d = calculate(segmenter, "家里有两个未成年小孩，租金补贴可以多领几倍？",
                   "育有未成年子女1名｜基本额度加码1.4倍", "育有未成年子女2名｜基本额度加码1.6倍")
    assert not d.settled and "÷" not in d.short
    # two amounts with no multiple stated are still divided
    d = calculate(segmenter, "城市低保标准是农村的几倍？", "城市低保标准为每人每月900元。", "农村低保标准为每人每月600元。")
    assert d.settled and d.short == "计算：900元 ÷ 600元 ≈ 1.5倍"


def test_a_multiple_asked_of_sentences_that_state_none_is_refused(segmenter):
    d = calculate(segmenter, "投诉成功后，商家得按商品价款几倍赔给我？",
                   "咨询电话：消费者投诉举报中心0710-3861235（工作日上午8:30—12:00）。",
                   "经营者应当自收到退回商品之日起七日内返还消费者支付的商品价款。")
    assert d.refusal is not None and d.refusal.rule == "calc/unit"


def test_a_ratio_of_two_amounts_is_still_computed(segmenter):
    d = calculate(segmenter, "今年的投资额是去年的几倍？",
                   "今年全区完成投资300亿元。", "去年全区完成投资100亿元。")
    assert d.settled and d.short == "计算：300亿元 ÷ 100亿元 ≈ 3倍"


def test_a_share_asked_of_sentences_that_state_none_is_refused(segmenter):
    d = calculate(segmenter, "特困人员住院，自己负担的医药费能报销百分之多少？",
                   "集中供养由市社会福利中心或者乡镇敬老院承担。",
                   "经基本医疗保险、大病保险和医疗救助后仍需个人负担的合规医疗费用，由救助供养经费予以支持。")
    assert d.refusal is not None and d.refusal.rule == "calc/share"
    # a stated share, in figures or in words, answers
    for stated in ("住院费用按70%报销。", "住院费用按七成报销。", "住院费用报销百分之七十。"):
        d = calculate(segmenter, "住院的医药费能报销百分之多少？", stated, "集中供养由乡镇敬老院承担。")
        assert d.refusal is None, stated


def test_a_row_is_named_by_the_number_of_people_it_counts(segmenter):
    from offline_support import sentence

    from agent.offline.gather.rank import row_named_first

    one = sentence("育有未成年子女1名｜基本额度加码1.4倍")
    two = sentence("育有未成年子女2名｜基本额度加码1.6倍", start=40, score=0.97)
    q = analyze("家里有两个未成年小孩，租金补贴可以多领几倍？", segmenter)
    assert row_named_first(q, [one, two]) == [two, one]
    q = analyze("家里有1个未成年小孩，租金补贴可以多领几倍？", segmenter)
    assert row_named_first(q, [one, two]) == [one, two]
    # a length of time counts no people
    q = analyze("申请后2个工作日内审核，补贴加码几倍？", segmenter)
    assert row_named_first(q, [one, two]) == [one, two]


def test_the_article_is_no_count_to_divide(segmenter):
    from agent.offline.extract.arithmetic import solve

    # DRCD dev 3206-9-4: 「一個重要糧倉」 is the article, 53个 a count of something else
    q = analyze("东北地区粮食作物播种面积约占全省总播种面积的多少比例？", segmenter)
    lines = ["东北地区是中国一个重要粮仓，粮食作物播种面积约占总播种面积的四分之三。", "全区共有53个县级行政区。"]
    from offline_support import sentence

    assert solve(q, [sentence(line, start=100 * i) for i, line in enumerate(lines)]) is None
    # two counts written with digits still divide
    counted = ["全省共有53个县，其中东北地区有12个县。"]
    found = solve(analyze("东北地区的县约占全省的多少比例？", segmenter), [sentence(line) for line in counted])
    assert found is not None and found.short == "计算：12个 ÷ 53个 ≈ 22.64%"
