"""Residents' questions about totals, counts and opposite classes in notices (probe39, session 28):
a count asked in 台 and answered in 件, a sum of money asked as 经费, a total the notice never
states (only rates per unit), a table's rows as alternatives, 非耕地 that is not 耕地, and a table row's figure of the quantity its header names. Literal
strings: no index, no model. And a numeral before a conjunction (「国三及以下」) counts nothing."""

from __future__ import annotations

import pytest
from offline_support import LiteralDocuments, calculate, draft, sentence

from agent.offline.check import rules
from agent.offline.extract.answer_clause import figure_clause
from agent.offline.extract.figures import numerals
from agent.offline.gather.credit import only_opposite
from agent.offline.understand.question import analyze
from ingest.segment import Segmenter


@pytest.fixture(scope="module")
def segmenter():
    return Segmenter()


# understand --------------------------------------------------------------------------------------
def test_a_count_in_tai_is_answered_in_the_general_classifier_jian(segmenter):
    q = analyze("换新空调，一个人最多能补几台？", segmenter)
    assert q.unit == "台"
    assert q.unit_fits("3件") and q.unit_fits("2台")
    assert not q.unit_fits("3人") and not q.unit_fits("100元")


def test_a_sum_of_money_asked_as_jingfei_is_counted_in_yuan(segmenter):
    q = analyze("这次节能家电补助计划总共编列多少经费？", segmenter)
    assert q.unit == "经费" and q.qtype == "calc"
    assert q.unit_fits("500万元") and q.unit_fits("1,000元")
    assert not q.unit_fits("3台") and not q.unit_fits("1台")
    assert analyze("区里一共投入多少资金？", segmenter).unit == "资金"


# extract: totals ---------------------------------------------------------------------------------
def test_no_total_is_summed_from_counts_of_another_unit(segmenter):
    d = calculate(segmenter, "这次节能家电补助计划总共编列多少经费？",
                   "每一用电户冷气机最多补助3台，电冰箱及除湿机各限补助1台。")
    assert "4台" not in d.short and not d.settled


def test_a_total_of_which_the_notice_gives_only_rates_per_unit_is_refused(segmenter):
    d = calculate(segmenter, "这次节能家电补助计划总共编列多少经费？",
                   "除湿机｜能源效率1级｜每台1,000元", "冷气机｜能源效率1级｜每台3,000元")
    assert d.refusal is not None and d.refusal.rule == "calc/per-unit"
    # a stated total among them answers
    d = calculate(segmenter, "这次节能家电补助计划总共编列多少经费？",
                   "本次节能家电补助计划共编列经费500万元。", "除湿机｜能源效率1级｜每台1,000元")
    assert d.refusal is None
    # and a question that asks per unit adds rates per unit (「每人一共」)
    d = calculate(segmenter, "每人一共能领多少钱？", "每人发放生活补贴500元。", "每人另发交通补贴200元。")
    assert d.settled and "500元 + 200元 = 700元" in d.short


def test_the_rows_of_a_table_are_alternatives_not_parts(segmenter):
    rows = ("2级能效（水效）｜成交价的15%｜1500元", "1级能效（水效）｜成交价的20%｜2000元")
    d = calculate(segmenter, "这次家电以旧换新活动，区里一共拿出来多少钱？", *rows)
    assert "3500" not in d.short and not d.settled
    # rows the question names are added
    d = calculate(segmenter, "市级资金和县级资金一共多少钱？", "市级资金｜300万元", "县级资金｜200万元")
    assert d.settled and "300万元 + 200万元 = 500万元" in d.short


def test_a_rate_per_unit_is_no_part_of_a_total(segmenter):
    d = calculate(segmenter, "区里一共拿出来多少钱？",
                   "交售旧家电的，由回收企业再给予每件100元的回收奖励，单件最高1500元。")
    assert "1600" not in d.short and "100元 + 1500元" not in d.short


# gather: the opposite class ----------------------------------------------------------------------
def test_a_term_said_only_with_fei_is_its_opposite():
    assert only_opposite("耕地", "山区、丘陵地区使用非耕地的｜不超过180平方米")
    assert not only_opposite("耕地", "使用耕地的｜不超过120平方米")
    assert not only_opposite("耕地", "使用耕地或非耕地的均需审批")  # it also says 耕地 itself
    assert not only_opposite("耕地", "宅基地面积上限")  # it does not say it at all
    assert only_opposite("普惠性", "在非普惠性民办幼儿园就读的幼儿，不纳入本资助范围")


# extract: figures --------------------------------------------------------------------------------
def test_a_numeral_before_a_conjunction_counts_nothing(segmenter):
    assert [s.text for s in numerals("报废国三及以下排放标准燃油乘用车")] == []  # 国三: an emission standard
    assert [s.text for s in numerals("并购买2.0升及以下排量燃油乘用车｜15000元")] == ["2.0升", "15000元"]
    assert [s.text for s in numerals("每户3至5人")] == ["5人"]
    row = "报废国三及以下排放标准燃油乘用车，并购买2.0升及以下排量燃油乘用车｜15000元"
    q = analyze("我把国三的老油车报废了，换了辆车，能补多少？", segmenter)
    assert figure_clause(q, [sentence(row)]) == "并购买2.0升及以下排量燃油乘用车|15000元"  # (normalised)


# check: a table's header names its figures --------------------------------------------------------
def _rent(header: str) -> str:
    return (f"关于规范住宅小区车位租金的通知\n三、车位租金上限\n{header}\n一类区域（城关镇中心城区）｜地面车位｜150元/月\n"
            "二类区域（其他乡镇）｜地面车位｜80元/月\n二类区域（其他乡镇）｜地下车位｜120元/月\n")


def test_a_rows_figure_is_of_the_quantity_its_header_names(segmenter):
    question = "下面乡镇的小区，地面车位月租最高能收多少？"
    row = "二类区域（其他乡镇）｜地面车位｜80元/月"
    for header, refused in (("区域｜车位类型｜月租金上限", False), ("区域｜车位类型｜临时停车费上限", True)):
        text = _rent(header)
        docs = LiteralDocuments({"a.txt": text}, segmenter=segmenter)
        d = draft(segmenter, question, sentence(row, start=text.index(row)))
        assert d.q.asked == ("月租",)
        assert (rules.quantity(d, docs) is not None) is refused
