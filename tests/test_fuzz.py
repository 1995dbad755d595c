"""`PolicyQA.ask` fuzzed with hypothesis over one small real index: arbitrary Unicode (control
characters, emoji, mixed scripts, HTML and SQL-looking text), questions up to 100,000
characters, and conversation histories of every shape the API accepts and many it does not.
The result is always an `Answer` whose citations quote the document exactly, or one of the
documented errors (`EmptyQuestionError`, `BadHistoryError`) with a Chinese message; never
anything else (no TypeError, KeyError, IndexError …)."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import open_small_corpus

from agent import Answer, BadHistoryError, EmptyQuestionError, Turn

pytestmark = pytest.mark.slow

POLICY = (
    "临江市促进低空经济发展若干措施\n"
    "一、对新落户的无人机整机企业，按实际到位投资额的5%给予奖励，最高不超过500万元。\n"
    "二、申报截止时间为2026年6月30日，申报材料报送市发展改革委。\n"
    "三、支持建设起降场12个，每个补助30万元。\n"
)
WORDS = ["奖励", "无人机", "500万元", "申报截止", "起降场", "那它呢？", "多少", "補助", "subsidy",
         "<script>alert(1)</script>", "'; DROP TABLE chunks;--", "🚁", "\u200b", "\x00", "\r\n",
         "ＡＢＣ", "한국어", "العربية", "й", "%s%n", "{{7*7}}", "../../etc/passwd"]
CHINESE = re.compile(r"[\u4e00-\u9fff]")
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
MIXED = st.lists(st.one_of(st.sampled_from(WORDS), ANY_TEXT), max_size=8).map("".join)
QUESTIONS = st.one_of(
    MIXED,
    ANY_TEXT,
    st.integers(1, 100_000).map(lambda n: ("无人机奖励多少？" * (n // 8 + 1))[:n]),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=490, max_size=520),
)
GOOD_TURN = st.one_of(
    st.builds(Turn, MIXED, MIXED),
    st.tuples(MIXED), st.tuples(MIXED, MIXED), st.lists(MIXED, min_size=1, max_size=2),
    st.fixed_dictionaries({"question": MIXED}, optional={"answer": MIXED}),
    st.fixed_dictionaries({"role": st.sampled_from(["user", "assistant", "system"]),
                           "content": st.one_of(MIXED, st.lists(st.fixed_dictionaries({"text": MIXED}),
                                                                max_size=2))}),
)
ODD = st.one_of(st.none(), st.integers(), st.floats(allow_nan=True), st.binary(max_size=5),
                st.just(object()), st.sets(st.integers(), max_size=2), ANY_TEXT,
                st.dictionaries(ANY_TEXT, st.integers(), max_size=2), st.tuples(),
                st.tuples(MIXED, MIXED, MIXED), st.fixed_dictionaries({"question": st.integers()}),
                st.fixed_dictionaries({"role": st.just("user"), "content": st.just(object())}))
HISTORY = st.one_of(
    st.none(),
    st.lists(GOOD_TURN, max_size=6),
    st.lists(GOOD_TURN, max_size=4).map(tuple),
    st.lists(st.one_of(GOOD_TURN, ODD), min_size=1, max_size=5),
    ODD,
)


@pytest.fixture(scope="module")
def qa(tmp_path_factory, embedder):
    return open_small_corpus(tmp_path_factory, embedder, "fuzz", {"policy.txt": POLICY})


def check(qa, question, history):
    try:
        answer = qa.ask(question, history)
    except (EmptyQuestionError, BadHistoryError) as exc:
        assert CHINESE.search(str(exc)), str(exc)
        return type(exc)
    assert isinstance(answer, Answer) and answer.status == ""
    assert isinstance(answer.text, str) and answer.text
    assert answer.refused or answer.citations
    text = qa.document_text("docs/policy.txt")
    for cite in answer.citations:
        assert cite.source == "docs/policy.txt" and text[cite.start : cite.end] == cite.quote
    return Answer


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(question=QUESTIONS, history=HISTORY)
def test_ask_returns_an_answer_or_a_documented_error(qa, question, history):
    check(qa, question, history)


def test_the_documented_outcomes_on_literal_inputs(qa):
    """Each kind of input lands where it should (the fuzz above only says it is one of them)."""
    assert check(qa, "无人机整机企业最高奖励多少？", None) is Answer
    answer = qa.ask("无人机整机企业最高奖励多少？", [{"role": "user", "content": [{"text": "起降场"}]}])
    assert "500万元" in answer.text
    assert check(qa, "\x00\x01\u200b \r\n", None) is Answer  # control characters: not empty
    assert check(qa, " \t\n", None) is EmptyQuestionError
    assert check(qa, "奖" * 100_000, None) is EmptyQuestionError
    assert check(qa, None, None) is EmptyQuestionError
    assert check(qa, "奖励多少？", "不是列表") is BadHistoryError
    assert check(qa, "奖励多少？", [("a", "b", "c")]) is BadHistoryError
    assert check(qa, "奖励多少？", [{"question": 5}]) is BadHistoryError
    assert check(qa, "奖励多少？", [42]) is BadHistoryError
    with pytest.raises(BadHistoryError) as caught:
        qa.ask("奖励多少？", [Turn("起降场"), 42])
    assert str(caught.value).startswith("对话历史第 2 项 42 的格式无法识别；对话历史应是列表")
    with pytest.raises(EmptyQuestionError) as caught:
        qa.ask(123)
    assert str(caught.value).startswith("问题必须是文字（str），收到的是 int")
