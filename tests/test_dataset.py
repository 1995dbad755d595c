"""The eval dataset: size, categories, exact evidence and key facts against the source document,
plus the line-by-line validation of `load_cases`."""

import json
import re
from collections import Counter
from pathlib import Path

import opencc
import pytest

from evals.cases import DATASET_PATH, Case, load_cases
from evals.errors import CaseFormatError
from evals.scoring import contains_fact, score_case

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "corpus" / "dongxing-ai-industry.txt"

MINIMUM_PER_CATEGORY = {
    "fact": 15,
    "list": 8,
    "number": 12,
    "calc": 6,
    "multi-hop": 6,
    "traditional": 8,
    "english": 6,
    "unanswerable": 12,
    "false-premise": 5,
    "follow-up": 6,
}

# Answerable Chinese questions that avoid the document's wording: (word in the question, word the
# evidence uses instead). Checked below: the first is in the question and not in the evidence,
# the second is in the evidence and not in the question.
REWORDINGS = {
    "fact-001": ("建设", "打造"),
    "fact-003": ("定位成", "作为"),
    "fact-004": ("靠", "通过"),
    "fact-006": ("搭建", "构建"),
    "fact-007": ("依托", "基础上"),
    "fact-010": ("签的", "签署"),
    "fact-011": ("讲话", "表示"),
    "fact-012": ("主要", "专注于"),
    "fact-013": ("秉持", "坚持"),
    "fact-014": ("高校", "大学"),
    "fact-017": ("签下", "签约"),
    "fact-018": ("一起", "携手"),
    "list-001": ("提供", "注入"),
    "list-002": ("行业", "领域"),
    "list-004": ("覆盖", "涵盖"),
    "list-005": ("洽谈", "在谈"),
    "list-006": ("推进", "跟进"),
    "list-007": ("引进培育", "引育"),
    "list-008": ("加强", "深化"),
    "list-009": ("建了", "打造"),
    "list-010": ("哪几个方面", "多维度"),
    "number-001": ("运行", "运营"),
    "number-002": ("前五个月", "1-5月"),
    "number-003": ("增幅", "增长"),
    "number-004": ("达到", "形成"),
    "number-005": ("引进培育", "引育"),
    "number-006": ("一年", "年产值"),
    "number-008": ("完成", "计算能力"),
    "number-010": ("召开", "举行"),
    "number-011": ("围绕", "聚焦"),
    "number-013": ("花了", "仅用"),
    "number-014": ("第几个", "首个"),
    "multihop-001": ("位于", "坐落于"),
    "multihop-003": ("收入", "营收"),
    "multihop-005": ("发言", "表示"),
    "multihop-007": ("提供", "依托"),
    "trad-006": ("获得", "得主"),
    "trad-007": ("缩短到", "缩短至"),
    "trad-008": ("接下来", "下一步"),
    "premise-003": ("花了", "仅用"),
    "followup-001": ("前五个月", "1-5月"),
    "followup-005": ("主打", "聚焦"),
    "followup-007": ("达到", "形成"),
}


@pytest.fixture(scope="module")
def t2s():
    return opencc.OpenCC("t2s")


@pytest.fixture(scope="module")
def document():
    if not DOCUMENT.is_file():
        pytest.fail(
            f"{DOCUMENT} is missing; copy /work/shared/seed/dongxing-ai-industry.txt there byte for byte"
        )
    return DOCUMENT.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cases():
    return load_cases(DATASET_PATH)


def answerable(cases):
    return [case for case in cases if case.answerable]


def test_dataset_size_and_category_minimums(cases):
    counts = Counter(case.category for case in cases)
    assert len(cases) >= 90
    assert set(counts) == set(MINIMUM_PER_CATEGORY)
    short = {cat: counts[cat] for cat, least in MINIMUM_PER_CATEGORY.items() if counts[cat] < least}
    assert short == {}


def test_ids_are_prefixed_by_category_and_numbered(cases):
    prefixes = {
        "fact": "fact", "list": "list", "number": "number", "calc": "calc",
        "multi-hop": "multihop", "traditional": "trad", "english": "en",
        "unanswerable": "unans", "false-premise": "premise", "follow-up": "followup",
    }  # fmt: skip
    bad = [c.id for c in cases if not re.fullmatch(rf"{prefixes[c.category]}-\d{{3}}", c.id)]
    assert bad == []
    assert cases[0].id == "fact-001"


def test_every_evidence_is_an_exact_substring_of_the_original_document(cases, document):
    missing = [(c.id, e) for c in cases for e in c.evidence if e not in document]
    assert missing == []
    assert "已穩定運營算力7300P" in [e for c in cases for e in c.evidence]


def test_key_facts_appear_in_the_simplified_document(cases, document, t2s):
    simplified = t2s.convert(document)
    checked = [c for c in cases if c.category != "calc"]
    raw_missing = [
        (c.id, group) for c in checked for group in c.key_facts
        if not any(alt in simplified for alt in group)
    ]  # fmt: skip
    matcher_missing = [
        (c.id, group) for c in checked for group in c.key_facts
        if not contains_fact(document, group)
    ]  # fmt: skip
    assert raw_missing == []
    assert matcher_missing == []


def test_key_facts_are_short_and_simplified(cases, t2s):
    facts = [alt for c in cases for group in c.key_facts for alt in group]
    assert [f for f in facts if len(f) > 20] == []
    assert [f for f in facts if t2s.convert(f) != f] == []


def test_calc_results_are_not_copied_from_the_document(cases, document, t2s):
    calc = [c for c in cases if c.category == "calc"]
    assert {c.key_facts[0][0] for c in calc} >= {"10000P", "2.37", "0.52亿"}
    copied = [c.id for c in calc if contains_fact(document, c.key_facts[0])]
    assert copied == []


def test_the_evidence_of_each_case_contains_its_key_facts(cases):
    failing = [
        (c.id, score_case(c, " ".join(c.evidence), refused=False).missing_facts)
        for c in answerable(cases)
        if c.category != "calc" and not score_case(c, " ".join(c.evidence), refused=False).passed
    ]
    assert failing == []


def test_unanswerable_cases_have_no_facts_and_share_words_with_the_document(cases, document, t2s):
    simplified = t2s.convert(document)
    unanswerable = [c for c in cases if c.category == "unanswerable"]
    assert all(c.key_facts == () and c.evidence == () and not c.answerable for c in unanswerable)
    unrelated = [
        c.id for c in unanswerable
        if not any(c.question[i : i + 3] in simplified for i in range(len(c.question) - 2))
    ]  # fmt: skip
    assert unrelated == []


def test_language_of_traditional_and_english_questions(cases, t2s):
    traditional = [c for c in cases if c.category == "traditional"]
    english = [c for c in cases if c.category == "english"]
    assert [c.id for c in traditional if t2s.convert(c.question) == c.question] == []
    assert [c.id for c in english if not c.question.isascii()] == []
    assert [c.id for c in cases if c.category not in ("traditional", "english")
            and t2s.convert(c.question) != c.question] == []  # fmt: skip


def test_follow_ups_have_one_turn_of_history_and_refer_back(cases):
    follow_ups = [c for c in cases if c.category == "follow-up"]
    assert all(len(c.history) == 1 for c in follow_ups)
    pronouns = ("它", "该", "那", "这", "他")
    assert [c.id for c in follow_ups if not any(p in c.question for p in pronouns)] == []
    assert [c.id for c in cases if c.category != "follow-up" and c.history] == []


def test_false_premise_cases_are_answerable_with_the_documented_fact(cases):
    premise = {c.id: c for c in cases if c.category == "false-premise"}
    assert premise["premise-001"].answerable is True
    assert premise["premise-001"].key_facts == (("增长39.3%", "39.3%"),)


def test_at_least_40_percent_of_answerable_questions_are_reworded(cases, t2s):
    by_id = {c.id: c for c in cases}
    wrong = []
    for case_id, (asked, written) in REWORDINGS.items():
        case = by_id[case_id]
        question = t2s.convert(case.question)
        evidence = t2s.convert(" ".join(case.evidence))
        if not (asked in question and asked not in evidence):
            wrong.append((case_id, asked))
        if not (written in evidence and written not in question):
            wrong.append((case_id, written))
    assert wrong == []
    chinese = [c for c in answerable(cases) if c.category != "english"]
    english = [c for c in answerable(cases) if c.category == "english"]
    assert len(REWORDINGS) / len(chinese) >= 0.4
    assert (len(REWORDINGS) + len(english)) / len(answerable(cases)) >= 0.4


# ---- load_cases validation -------------------------------------------------------------------

GOOD = {
    "id": "fact-001",
    "question": "成渝中心算力枢纽智能运算中心是哪家企业建设的？",
    "key_facts": [["并济科技"]],
    "answerable": True,
    "category": "fact",
    "evidence": ["由四川并濟科技打造"],
}


def write_lines(tmp_path, *lines):
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def line(**changes):
    row = {**GOOD, **changes}
    return json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False)


def test_load_cases_builds_frozen_cases_with_tuples(tmp_path):
    follow_up = line(
        id="followup-001",
        category="follow-up",
        history=[{"question": "是哪家企业打造的？", "answer": "四川并济科技。"}],
    )
    cases = load_cases(write_lines(tmp_path, line(), "", follow_up))
    assert [c.id for c in cases] == ["fact-001", "followup-001"]
    assert cases[0].key_facts == (("并济科技",),)
    assert cases[0].history == ()
    assert cases[1].history[0].answer == "四川并济科技。"
    assert isinstance(cases[0], Case)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ('{"id": "fact-001", ', r"cases\.jsonl:2: not valid JSON"),
        ("[1, 2]", r":2: expected a JSON object, got list"),
        (line(question=None), r":2: missing field\(s\) question"),
        (line(key_fact=[["x"]]), r":2: unknown field\(s\) key_fact"),
        (line(id="fact-002", key_facts=["7300P"]), r":2: key_facts\[0\] must be a non-empty list"),
        (line(id="fact-002", answerable="yes"), r":2: answerable must be true or false, got 'yes'"),
        (line(id="fact-002", category="facts"), r":2: unknown category 'facts'"),
        (line(id="fact-002", question=" "), r":2: question must be a non-empty string"),
        (
            line(id="unans-001", category="unanswerable", answerable=False),
            r":2: unanswerable case 'unans-001' must have key_facts \[\]",
        ),
        (
            line(id="fact-002", answerable=False, key_facts=[]),
            r":2: category 'fact' with answerable=False",
        ),
        (
            line(id="fact-002", key_facts=[]),
            r":2: answerable case 'fact-002' needs at least one key fact",
        ),
        (
            line(id="unans-001", category="unanswerable", key_facts=[], evidence=[]),
            r":2: category 'unanswerable' with answerable=True",
        ),
        (line(id="followup-001", category="follow-up"), r":2: category 'follow-up' with 0 history"),
        (line(id="fact-002", history=[{"question": "q"}]), r":2: history\[0\] must be"),
        (line(), r":2: duplicate id 'fact-001', first used on line 1"),
    ],
)
def test_load_cases_names_the_line_and_the_problem(tmp_path, bad_line, message):
    with pytest.raises(CaseFormatError, match=message):
        load_cases(write_lines(tmp_path, line(), bad_line))


def test_load_cases_rejects_an_empty_file(tmp_path):
    with pytest.raises(CaseFormatError, match="no cases found"):
        load_cases(write_lines(tmp_path, "", "   "))


SUITES = ROOT / "evals" / "suites"
SUITE_CORPUS = {"report-paraphrases": ROOT / "corpus"}


@pytest.mark.parametrize(
    "suite", sorted(p.name for p in SUITES.iterdir() if (p / "dataset.jsonl").is_file())
)  # the reading-comprehension samples (sample.json) are tested in test_reading.py
def test_each_suite_loads_and_quotes_its_own_corpus(suite):
    from evals.gate import load_thresholds

    folder = SUITES / suite
    cases = load_cases(folder / "dataset.jsonl")
    corpus = SUITE_CORPUS.get(suite, folder / "corpus")
    texts = "\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.iterdir()) if p.suffix in (".txt", ".md"))
    assert len(cases) >= 50
    assert len({c.id for c in cases}) == len(cases)
    assert {c.category for c in cases} >= set(MINIMUM_PER_CATEGORY) - {"follow-up"}
    assert [(c.id, e) for c in cases for e in c.evidence if e not in texts] == []
    assert sum(not c.answerable for c in cases) >= 8
    assert load_thresholds(folder / "thresholds.toml")["overall"]["citation_support"] == 0.95
