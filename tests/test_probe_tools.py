"""The developer tools for notice probes (benchmarks/notice_probes.py, benchmarks/trace_question.py)
on a probe of one notice written here: the scores and the refusal rules counted without printing
a question (for probes kept blind), and the stage trace. A real index (jieba, the bundled e5)."""

from __future__ import annotations

from collections import Counter

import pytest

from agent import PolicyQA, Settings
from benchmarks.notice_probes import score
from benchmarks.trace_question import trace

NOTICE = """翀阳县高龄津贴发放办法
翀阳县民政局　2025年3月1日
一、发放对象：具有本县户籍、年满80周岁的老年人。
二、发放标准：80—89周岁每人每月100元；90周岁及以上每人每月300元。
三、发放时间：每季度首月15日前打入老年人社会保障卡。
四、咨询电话：0591-6612345。
"""
QUESTIONS = (
    "翀阳县的老人90岁了，每个月能领多少高龄津贴？\t每人每月300元|300元\tn01.txt\n"
    "翀阳县高龄津贴打哪个电话问？\t0591-6612345\tn01.txt\n"
    "翀阳县的高龄老人坐公交有没有优惠？多少钱一趟？\tREFUSE\tREFUSE\n"
)


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    root = tmp_path_factory.mktemp("probe")
    (root / "corpus").mkdir()
    (root / "corpus" / "n01.txt").write_text(NOTICE, encoding="utf-8")
    (root / "qs.tsv").write_text(QUESTIONS, encoding="utf-8")
    return root


def test_probe_scores_and_refusal_rules_are_counted_without_the_questions(probe, tmp_path_factory, capsys):
    rules = {"false": Counter(), "caught": Counter()}
    counts = score(probe, tmp_path_factory.mktemp("index"), quiet=True, rules=rules)
    assert counts == {"answerable": 2, "span": 2, "cited": 2, "false_refusals": 0, "unanswerable": 1, "refused": 1}
    # 「有没有优惠」 of a notice that never says 优惠 nor lowers a charge: no concession is granted
    assert rules == {"false": Counter(), "caught": Counter({"existence": 1})}
    assert "坐公交" not in capsys.readouterr().out


def test_the_trace_shows_each_stage_and_the_short_answer(probe, tmp_path_factory, capsys):
    qa = PolicyQA.open(corpus_dir=probe / "corpus", index_dir=tmp_path_factory.mktemp("trace"), settings=Settings())
    draft = trace(qa, "翀阳县的老人90岁了，每个月能领多少高龄津贴？", top=2)
    assert draft.decided_by == "extract" and "300元" in draft.short
    out = capsys.readouterr().out
    assert "question: number" in out and "== after Gather" in out and "decided by extract" in out
