"""Look-alike documents: an answer about another company or place than the one asked is refused."""

import pytest

from agent.types import Refusal
from tests.support import open_small_corpus

FILES = {
    "tianji.txt": (
        "天济科技年度发展报告\n\n"
        "天济科技有限公司成立于2016年，主营工业软件。\n"
        "公司董事长王建国表示，2025年将继续扩大研发投入。\n"
    ),
    "mingda.txt": (
        "明达科技年度发展报告\n\n"
        "明达科技有限公司成立于2019年，专注智能传感器研发，员工320人。\n"
    ),
    "huaxing-city.txt": (
        "华兴市2024年国民经济和社会发展统计公报\n\n"
        "2024年，华兴市实现地区生产总值812.6亿元，同比增长5.8%。\n"
    ),
    "huaxing-district.txt": (
        "华兴区招商引资工作情况\n\n"
        "华兴区今年新签约项目12个，协议总投资45亿元。\n"
    ),
}


@pytest.fixture(scope="module")
def qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "lookalikes", FILES)


def test_title_of_another_company_is_not_the_answer(qa):
    # the corpus's only 董事长 is 天济科技's: 明达科技's is not in the documents
    answer = qa.ask("明达科技的董事长是谁？")
    assert answer.refused, answer.text


def test_title_of_the_named_company_is_answered(qa):
    answer = qa.ask("天济科技的董事长是谁？")
    assert not answer.refused and answer.short.startswith("王建国")


def test_figure_of_a_namesake_place_is_not_the_answer(qa):
    # 华兴市 ≠ 华兴区: the district's GDP is not given
    answer = qa.ask("华兴区2024年的地区生产总值是多少？")
    assert answer.refused, answer.text
    # the question's 华兴区 routes to the notice titled with it, which gives no 生产总值
    assert answer.refusal == Refusal("unknown-noun", "asked about 生产总值, which the notice about 华兴区 never mentions")


def test_figure_of_the_named_place_is_answered(qa):
    answer = qa.ask("华兴市2024年的地区生产总值是多少？")
    assert not answer.refused and "812.6亿元" in answer.short
