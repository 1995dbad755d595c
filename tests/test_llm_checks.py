"""The claim check's parts on literal strings: numbers in words, content words and language, the
audit of what the user was shown, and the sample of eval cases."""

import pytest

from agent.llm import LLMAnswer
from agent.llm.content import content_terms, is_foreign
from agent.llm.numbers import chinese_numbers, cn_value, english_numbers
from agent.types import Citation
from evals.audit import audit
from evals.cases import Case
from evals.sampling import spread


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("七千三百", 7300.0), ("两亿六千万", 2.6e8), ("二〇二五", 2025.0), ("三十九点三", 39.3),
     ("十", 10.0), ("一百零五", 105.0)],
)
def test_chinese_numerals_are_read(numeral, value):
    assert cn_value(numeral) == value


def test_chinese_numeral_runs_skip_words_that_are_not_figures():
    text = "百分之三十九点三，千万不要，万物，两家"
    assert [(text[a:b], v, pct) for a, b, v, pct in chinese_numbers(text)] == [
        ("百分之三十九点三", 39.3, True), ("两", 2.0, False),
    ]


def test_english_number_words_are_read():
    text = "three billion jobs, seventy-three hundred P, one hundred and five, twenty percent"
    assert [(text[a:b], v, pct) for a, b, v, pct in english_numbers(text)] == [
        ("three billion", 3e9, False), ("seventy-three hundred", 7300.0, False),
        ("one hundred and five", 105.0, False), ("twenty", 20.0, True),
    ]


def test_content_terms_keep_negations_and_drop_function_words():
    assert content_terms("该中心不是全国最大的数据中心") == ["中心", "不是", "全国", "最大", "数据中心"]
    assert content_terms("此外，还引进了多家企业") == ["引进", "企业"]


def test_a_sentence_is_foreign_when_letters_outnumber_chinese_characters():
    assert is_foreign("This is part of the China Jobs Initiative.")
    assert not is_foreign("并济科技已稳定运营算力7300P，用于AI场景")


def test_audit_flags_shown_sentences_their_quotes_do_not_state():
    quote = "并济科技已稳定运营算力7300P，2025年1-5月营收达2.6亿元。"
    cite = Citation("corpus/a.txt", quote, 0, len(quote))
    good = LLMAnswer(text="并济科技已稳定运营算力7300P[1]。\n\n依据：\n[1] …", refused=False,
                     citations=[cite], mode="llm")
    bad = LLMAnswer(text="并济科技营收达3亿元[1]。算力全国第一。\n\n依据：\n[1] …", refused=False,
                    citations=[cite], mode="llm")
    both = "已稳定运营算力7300P，建成后将形成17300P的算力集群。"
    calc = LLMAnswer(text="两者相差10000P[1]。", refused=False, mode="llm",
                     citations=[Citation("corpus/a.txt", both, 0, len(both))])
    assert audit(good) == [] and audit(calc) == []  # 17300 − 7300: one step of arithmetic
    assert [(u.sentence, u.missing) for u in audit(bad)] == [
        ("并济科技营收达3亿元[1]。", ("3亿元",)), ("算力全国第一。", ("无引用",)),
    ]


def test_sample_spreads_over_categories_in_dataset_order():
    cases = [Case(id=f"{c}{i}", question="q", key_facts=(("x",),), answerable=True, category=c,
                  evidence=()) for c in ("fact", "calc") for i in range(3)]
    assert [c.id for c in spread(cases, 3)] == ["fact0", "fact1", "calc0"]
    assert len(spread(cases, 50)) == 6


def test_fragments_that_state_nothing_are_removed_even_when_found_in_a_passage():
    from agent.llm.claims import check

    passages = {1: "并济科技已稳定运营算力7300P，带动培养高端人才。"}
    claims = check("1. 高[1]。可以在中。算力7300P[1]。", passages)
    assert [(c.kind, c.missing) for c in claims] == [
        ("removed", ("内容过少",)), ("removed", ("内容过少",)), ("removed", ("内容过少",)),
        ("kept", ()),
    ]
