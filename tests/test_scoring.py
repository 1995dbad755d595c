"""Key-fact scoring on hand-written answers."""

import dataclasses

import pytest

from evals.cases import Case
from evals.scoring import CaseResult, contains_fact, normalize_for_match, score_case

REVENUE = Case(
    id="t-001",
    question="并济科技的算力和前五个月收入是多少？",
    key_facts=(("7300P",), ("2.6亿元", "2.6亿")),
    answerable=True,
    category="number",
    evidence=("已穩定運營算力7300P", "2025年1-5月營收達2.6億元"),
)
NO_ANSWER = Case(
    id="t-002",
    question="紫东太初大模型有多少参数？",
    key_facts=(),
    answerable=False,
    category="unanswerable",
    evidence=(),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("內江市東興區，營收２．６億元！", "内江市东兴区营收2.6亿元"),
        ("1,000亿元", "1000亿元"),
        ("12,345,678 元", "12345678元"),
        ("AI 产业\n增长 39.3% 。", "ai产业增长39.3"),
        ("“芯片-算力-应用”全链条", "芯片算力应用全链条"),
        ("≥17300P", "≥17300p"),
        ("营收2.6亿元。下一句", "营收2.6亿元下一句"),
        ("第1. 第2", "第1第2"),
        ("100，200", "100200"),
    ],
)
def test_normalize_for_match(text, expected):
    assert normalize_for_match(text) == expected


def test_answer_with_every_key_fact_passes():
    result = score_case(REVENUE, "已稳定运营算力7300P，2025年1-5月营收达2.6亿元。", refused=False)
    assert result == CaseResult(
        id="t-001",
        category="number",
        passed=True,
        missing_facts=(),
        refused=False,
        answerable=True,
    )


def test_answer_missing_a_fact_fails_and_names_the_group():
    result = score_case(REVENUE, "该中心稳定运营7300P算力。", refused=False)
    assert result.passed is False
    assert result.missing_facts == (("2.6亿元", "2.6亿"),)


def test_refusing_an_answerable_question_fails_even_with_the_facts():
    result = score_case(REVENUE, "文档中没有找到答案。7300P 2.6亿元", refused=True)
    assert result.passed is False
    assert result.refused is True
    assert result.missing_facts == ()


def test_unanswerable_passes_only_when_refused():
    refused = score_case(NO_ANSWER, "文档中没有提到紫东太初大模型的参数量。", refused=True)
    answered = score_case(NO_ANSWER, "紫东太初大模型有1000亿参数。", refused=False)
    assert (refused.passed, refused.answerable, refused.missing_facts) == (True, False, ())
    assert (answered.passed, answered.refused) == (False, False)


def test_traditional_answer_matches_simplified_key_facts():
    result = score_case(REVENUE, "已穩定運營算力7300P，2025年1-5月營收達2.6億元。", refused=False)
    assert result.passed is True


def test_thousands_separators_are_ignored_both_ways():
    assert contains_fact("年产值达1,000亿元", ["1000亿元"]) is True
    assert contains_fact("年产值达1000亿元", ["1,000亿元"]) is True
    assert contains_fact("算力达到17,300 P", ["17300P"]) is True


def test_full_width_digits_match_ascii_key_facts():
    assert contains_fact("营收２．６亿元", ["2.6亿元"]) is True
    assert contains_fact("ＳＡＩＬ奖得主", ["SAIL奖"]) is True


def test_decimal_point_is_kept():
    assert contains_fact("营收2.6亿元", ["26亿元"]) is False
    assert contains_fact("营收26亿元", ["2.6亿元"]) is False
    assert contains_fact("增长39.3%", ["39.3%"]) is True


def test_key_fact_number_must_not_be_part_of_a_longer_number():
    assert contains_fact("建成后将形成≥17300P的算力集群", ["7300P"]) is False
    assert contains_fact("共引育18家企业", ["8家"]) is False
    assert contains_fact("营收12.6亿元", ["2.6亿元"]) is False
    assert contains_fact("营收2.6亿元", ["6亿元"]) is False
    assert contains_fact("约2.375倍", ["2.37"]) is False


def test_separators_still_delimit_numbers():
    assert contains_fact("1. 7300P\n2. 17300P", ["7300P"]) is True
    assert contains_fact("企业数：8家", ["8家"]) is True
    assert contains_fact("约2.37倍", ["2.37"]) is True


def test_any_alternative_of_a_group_is_enough_and_case_is_ignored():
    assert contains_fact("The district head is Chen Wei.", ["陈伟", "Chen Wei"]) is True
    assert contains_fact("相差1万P", ["10000P", "1万P"]) is True
    assert contains_fact("相差一万", ["10000P", "1万P"]) is False


def test_case_result_is_frozen():
    result = score_case(NO_ANSWER, "", refused=True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.passed = False  # type: ignore[misc]
