"""The reading-comprehension suites: SQuAD-style loading, sampling and scoring."""

from pathlib import Path

import pytest

from agent.types import Answer, Citation, Refusal
from evals.reading import ReadingCase, char_f1, exact_match, load_squad, metrics, score_answer

SUITES = Path(__file__).resolve().parents[1] / "evals" / "suites"


@pytest.mark.parametrize(("name", "paragraphs", "questions"), [("cmrc-sample", 80, 300), ("drcd-sample", 80, 283)])
def test_samples_load_with_licence_beside_them(name, paragraphs, questions):
    documents, cases = load_squad(SUITES / name / "sample.json")
    assert (len(documents), len(cases)) == (paragraphs, questions)
    assert all(c.source in documents for c in cases)
    assert "Licence" in (SUITES / name / "README.md").read_text(encoding="utf-8")


def test_character_f1_and_exact_match_strip_punctuation():
    assert char_f1("踢爆。", "踢爆") == 1.0
    assert char_f1("2009年12月3日", "2009年") == pytest.approx(2 * (5 / 10) * 1.0 / (5 / 10 + 1.0))
    assert exact_match("《战国无双3》", "战国无双3") == 1.0
    assert char_f1("", "欧洲") == 0.0


def test_score_answer_reads_the_first_line_and_the_first_citation():
    case = ReadingCase("q1", "梵語研究由誰開創？", ("陸特和漢斯雷頓",), "p1.txt")
    answer = Answer(text="陆特和汉斯雷顿\n\n依据：\n[1] …", refused=False,
                    citations=[Citation("corpus/p1.txt", "…", 0, 1)])
    record = score_answer(case, answer, "corpus")
    assert (record.span_first_line, record.gold_cited_first, record.exact, record.f1) == (True, True, 1.0, 1.0)
    refused = Answer(text="资料中没有相关信息。", refused=True, refusal=Refusal("coverage", "0.12"))
    record = score_answer(case, refused, "corpus")
    assert (record.span_first_line, record.refused, record.refusal) == (False, True, "coverage: 0.12")
    summary = metrics([score_answer(case, answer, "corpus"), record])
    assert (summary["span_first_line"], summary["false_refusals"]) == (0.5, 0.5)
