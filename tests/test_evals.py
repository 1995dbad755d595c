"""The eval machinery on small real data: metrics on hand-made records, distractor generation,
feedback import, the thresholds gate, the report and the baselines. The full eval run is not
part of pytest (`make test` runs `python -m evals --gate` separately)."""

import json
import re
from pathlib import Path

import numpy as np
import pytest

from evals.baselines import BM25Jieba, LangChainDense
from evals.cases import DATASET_PATH, Case, load_cases
from evals.chart import write_chart
from evals.cli import main
from evals.compare import compare
from evals.distractors import FORBIDDEN, forbidden_in, generate, write_corpus
from evals.embedding_cache import CachedEmbedder
from evals.feedback import import_feedback
from evals.gate import ThresholdsError, check, load_thresholds
from evals.metrics import by_category, citation_supported, first_hit_rank, percentile, summarize
from evals.records import CaseRecord
from evals.report import render_markdown
from evals.runner import claim_check_counts, run_retriever
from ingest.normalize import to_simplified
from ingest.segment import Segmenter
from ingest.types import Chunk, LoadedDocument

ROOT = Path(__file__).resolve().parents[1]
DOCUMENT = ROOT / "corpus" / "dongxing-ai-industry.txt"
CASES = {c.id: c for c in load_cases(DATASET_PATH)}


def record(id, category="fact", passed=True, refused=False, answerable=True, rank=None,
           cited=None, seconds=0.1, chars=10, **extra):
    return CaseRecord(id=id, category=category, question=f"q {id}", answerable=answerable,
                      passed=passed, refused=refused, rank=rank, has_evidence=answerable,
                      cited=cited, seconds=seconds, chars=chars, **extra)


# metrics --------------------------------------------------------------------------------------
def test_first_hit_rank_compares_original_text():
    passages = ["无关的段落", "由四川并濟科技打造的成渝中心算力樞紐智能運算中心,坐落于內江市東興區", "又一段"]
    assert first_hit_rank(passages, ["四川并濟科技打造"]) == 2
    assert first_hit_rank(passages, ["四川并济科技打造"]) is None  # Simplified ≠ original text
    assert first_hit_rank(passages, ["nothing", "又一段"]) == 3
    assert first_hit_rank([], ["x"]) is None


def test_hit_at_k_and_mrr_exact_values():
    records = [record("a", rank=1), record("b", rank=3), record("c", rank=None), record("d", rank=2),
               record("u", category="unanswerable", answerable=False, refused=True)]
    m = summarize(records)
    assert (m["hit@1"], m["hit@3"], m["hit@5"]) == (0.25, 0.75, 0.75)
    assert m["mrr"] == pytest.approx((1 + 1 / 3 + 0 + 1 / 2) / 4)


def test_refusal_precision_and_recall_exact_values():
    records = [
        record("u1", "unanswerable", passed=True, refused=True, answerable=False),
        record("u2", "unanswerable", passed=True, refused=True, answerable=False),
        record("u3", "unanswerable", passed=False, refused=False, answerable=False),
        record("a1", passed=False, refused=True),
        record("a2"), record("a3"), record("a4", passed=False),
    ]
    m = summarize(records)
    assert m["refusal_precision"] == pytest.approx(2 / 3)
    assert m["refusal_recall"] == pytest.approx(2 / 3)
    assert m["key_fact_accuracy"] == pytest.approx(4 / 7)
    assert summarize([record("a")])["refusal_precision"] is None  # nothing refused


def test_citation_support_needs_every_key_fact_inside_one_quote():
    case = Case(
        id="t", question="算力和营收？", key_facts=(("7300P",), ("2.6亿元", "2.6亿")), answerable=True,
        category="number", evidence=("已穩定運營算力7300P,2025年1-5月營收達2.6億元",))
    assert citation_supported(case, ["已穩定運營算力7300P,2025年1-5月營收達2.6億元"]) is True
    assert citation_supported(case, ["已穩定運營算力7300P", "營收達2.6億元"]) is True
    assert citation_supported(case, ["已穩定運營算力7300P", "形成≥17300P的集群"]) is False
    assert citation_supported(case, []) is False


def test_citation_support_of_a_calculation_needs_its_evidence_quoted():
    case = CASES["calc-001"]  # 17300P − 7300P: the result is not in the document
    text = DOCUMENT.read_text(encoding="utf-8")
    sentences = [s + "。" for s in text.split("。") if any(e in s + "。" for e in case.evidence)]
    assert len(sentences) == len(case.evidence) == 2
    assert citation_supported(case, sentences) is True
    assert citation_supported(case, sentences[:1]) is False


def test_citation_support_metric_counts_passing_answerable_cases_only():
    records = [record("a", cited=True), record("b", cited=False), record("c", passed=False),
               record("u", "unanswerable", answerable=False, refused=True)]
    assert summarize(records)["citation_support"] == 0.5
    assert summarize([record("top1", cited=None)])["citation_support"] is None


def test_latency_percentiles_answer_length_and_categories():
    records = [record(f"r{i}", category="list" if i % 2 else "fact", seconds=i / 10, chars=i)
               for i in range(1, 11)]
    m = by_category(records)
    assert list(m) == ["overall", "fact", "list"]
    assert (m["overall"]["latency_p50"], m["overall"]["latency_p95"]) == (0.5, 1.0)
    assert m["overall"]["answer_chars_median"] == 5.5
    assert (m["fact"]["count"], m["list"]["count"]) == (5, 5)
    assert percentile([], 0.5) is None


def test_claim_check_hook_reports_only_when_counts_exist():
    from agent.llm import ClaimReport, LLMAnswer
    from agent.types import Answer

    checked = LLMAnswer(text="x", refused=False, claims=ClaimReport(kept=3, removed=1))
    assert claim_check_counts(checked) == (4, 1)
    assert claim_check_counts(LLMAnswer(text="x", refused=False)) is None  # nothing checked
    assert claim_check_counts(Answer(text="x", refused=False)) is None  # offline answer
    records = [record("a", claim_sentences=4, claim_removed=1), record("b", claim_sentences=6,
                                                                       claim_removed=0), record("c")]
    assert summarize(records)["claim_removed_share"] == pytest.approx(0.1)


def test_run_retriever_scores_the_top_chunk_as_a_naive_answer():
    class Fixed:
        name = "fixed"

        def search(self, question, k):
            return ["已穩定運營算力7300P,2025年1-5月營收達2.6億元",
                    "由四川并濟科技打造的成渝中心算力樞紐智能運算中心,坐落于內江市東興區"][:k]

    cases = [CASES["en-001"], CASES["unans-001"], CASES["fact-001"]]
    records = run_retriever(Fixed(), cases)
    assert [(r.id, r.passed, r.refused, r.rank) for r in records] == [
        ("en-001", True, False, 1), ("unans-001", False, False, None),
        ("fact-001", False, False, 2)]


# distractors ----------------------------------------------------------------------------------
def test_distractors_are_deterministic_and_prefix_stable():
    first, again = generate(12, seed=3), generate(12, seed=3)
    assert first == again
    assert generate(5, seed=3) == first[:5]
    assert [d.text for d in generate(5, seed=4)] != [d.text for d in first[:5]]
    assert first[0].name.startswith("distractor-0000.")


def test_distractors_never_mention_the_real_subjects():
    real = to_simplified(DOCUMENT.read_text(encoding="utf-8"))
    assert [name for name in FORBIDDEN if name not in real] == []  # the list names real subjects
    docs = generate(300, seed=0)
    assert [d.name for d in docs if forbidden_in(d.text)] == []
    assert {d.name.rsplit(".", 1)[1] for d in docs} == {"txt", "md", "html"}
    assert 0 < sum(d.traditional for d in docs) < len(docs)
    assert all(re.search(r"\d+P算力", to_simplified(d.text)) for d in docs)
    assert all("营收" in to_simplified(d.text) and "区长" in to_simplified(d.text) for d in docs)


def test_write_corpus_copies_and_never_touches_the_source(tmp_path):
    source = tmp_path / "corpus"
    source.mkdir()
    (source / "real.txt").write_text("原文", encoding="utf-8")
    target = tmp_path / "copy" / "corpus"
    assert len(write_corpus(source, target, 4, seed=1)) == 4
    assert sorted(p.name for p in source.iterdir()) == ["real.txt"]
    write_corpus(source, target, 2, seed=1)
    assert len(list(target.glob("distractor-*"))) == 2
    assert (target / "real.txt").read_text(encoding="utf-8") == "原文"
    with pytest.raises(ValueError, match="real corpus"):
        write_corpus(source, source, 1)


# feedback -------------------------------------------------------------------------------------
def test_import_feedback_writes_draft_cases(tmp_path):
    feedback = tmp_path / "feedback.jsonl"
    lines = [
        {"question": "并济科技的董事长是谁？", "answer": "资料中没有相关信息。", "citations": [],
         "comment": "应该拒答", "time": "2025-08-01T10:00:00+00:00", "liked": False},
        {"question": "算力有多少？", "answer": "7300P", "comment": "缺少新中心的17300P",
         "citations": [{"source": "corpus/x.txt", "quote": "已穩定運營算力7300P", "start": 1, "end": 12}],
         "time": "2025-08-01T10:05:00+00:00", "liked": False},
    ]
    feedback.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    output = tmp_path / "drafts.jsonl"
    assert main(["import-feedback", "--input", str(feedback), "--output", str(output)]) == 0
    drafts = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert [d["id"] for d in drafts] == ["draft-001", "draft-002"]
    assert drafts[1]["evidence"] == ["已穩定運營算力7300P"]
    assert drafts[1]["draft"]["comment"] == "缺少新中心的17300P"
    assert (drafts[0]["key_facts"], drafts[0]["answerable"], drafts[0]["needs_review"]) == ([], True, True)
    assert drafts[0]["category"] == "fact"
    assert import_feedback(feedback, output) == drafts


# gate, comparison, report ---------------------------------------------------------------------
def fabricated_report(passed_fact=True) -> dict:
    answers = [record("fact-001", passed=passed_fact, cited=passed_fact or None, rank=1),
               record("fact-002", passed=False, rank=None, answer="资料中没有相关信息。",
                      missing_facts=(("城市大脑",),)),
               record("unans-001", "unanswerable", answerable=False, refused=True)]
    top1 = [record(r.id, r.category, passed=False, answerable=r.answerable, rank=r.rank)
            for r in answers]
    systems = {"policyqa": answers, "policyqa-retrieval": top1}
    return {
        "created": "2025-08-01T00:00:00+00:00", "dataset": "evals/dataset.jsonl", "cases": 3,
        "corpus": "corpus", "wall_seconds": 1.0, "llm": {"enabled": False, "model": ""},
        "machine": {"cpus": 2, "load_average": [0.1, 0.1, 0.1]},
        "judge": {"skipped": "no LLM endpoint configured"},
        "levels": [{
            "distractors": 0, "seed": 0, "documents": 1, "chunks": 16, "index_seconds": 1.0,
            "systems": {name: {"label": name, "kind": "answerer" if name == "policyqa" else "top-1 chunk",
                               "chunks": 16, "evidence_unreachable": [],
                               "metrics": by_category(recs)} for name, recs in systems.items()},
            "cases": {name: [r.to_dict() for r in recs] for name, recs in systems.items()},
        }],
    }


def test_gate_lists_each_metric_below_its_threshold(tmp_path):
    thresholds = tmp_path / "thresholds.toml"
    thresholds.write_text("[overall]\nkey_fact_accuracy = 0.7\nrefusal_recall = 1.0\n"
                          "[key_fact_accuracy]\nfact = 0.5\nunanswerable = 1.0\n", "utf-8")
    report = tmp_path / "latest.json"
    report.write_text(json.dumps(fabricated_report()), "utf-8")
    assert check(fabricated_report(), load_thresholds(thresholds)) == [
        "overall key_fact_accuracy: 0.667 < threshold 0.70"]
    assert main(["gate", "--report", str(report), "--thresholds", str(thresholds)]) == 1
    thresholds.write_text("[overall]\nkey_fact_accuracy = 0.6\n", "utf-8")
    assert main(["gate", "--report", str(report), "--thresholds", str(thresholds)]) == 0
    thresholds.write_text("[overall]\nspeed = 0.6\n", "utf-8")
    with pytest.raises(ThresholdsError, match="overall.speed"):
        load_thresholds(thresholds)
    assert main(["gate", "--report", str(report), "--thresholds", str(thresholds)]) == 2


def test_shipped_thresholds_file_is_valid():
    thresholds = load_thresholds()
    assert set(thresholds["overall"]) == {"key_fact_accuracy", "refusal_precision",
                                          "refusal_recall", "citation_support"}
    assert set(thresholds["key_fact_accuracy"]) == {c.category for c in CASES.values()}


def test_comparison_names_regressions_and_fixes():
    before, after = fabricated_report(passed_fact=True), fabricated_report(passed_fact=False)
    result = compare(before, after, "git HEAD:evals/reports/latest.json")
    assert result["levels"] == [{"distractors": 0, "regressions": ["fact-001"], "fixes": [],
                                 "new_cases": []}]
    assert compare(after, before, "x")["levels"][0]["fixes"] == ["fact-001"]
    assert compare(None, after)["against"] is None


def test_markdown_lists_failing_cases_with_missing_facts():
    report = fabricated_report()
    report["comparison"] = compare(fabricated_report(passed_fact=False), report, "old.json")
    text = render_markdown(report)
    failing = text.split("## Failing cases")[1]
    assert "| fact-002 | fact | q fact-002 | 资料中没有相关信息。 | refused" not in failing
    assert "| fact-002 | fact | q fact-002 | 资料中没有相关信息。 | 城市大脑 |" in failing
    assert "fact-001" not in failing and "unans-001" not in failing
    assert "fixes: fact-001" in text
    assert "| **overall** | **3** | **66.7%** | **0.0%** |" in text


def test_chart_is_a_png_with_cjk_or_english_labels(tmp_path):
    language = write_chart(fabricated_report(), tmp_path / "a.png")
    assert (tmp_path / "a.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert language == ("zh" if Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").is_file()
                        else "en")
    assert write_chart(fabricated_report(), tmp_path / "b.png", font=tmp_path / "none.ttc") == "en"


# baselines and the embedding cache --------------------------------------------------------------
def test_bm25_baseline_ranks_the_chunk_with_the_question_words_first():
    texts = ["東興區人工智能產業營收增長39.3%", "并济科技已稳定运营算力7300P", "昊瑞云标注基地聚焦高质量数据服务"]
    chunks = [Chunk(id=str(i), source="corpus/x.txt", text=t, search_text=to_simplified(t), start=0,
                    end=len(t), sentences=()) for i, t in enumerate(texts)]
    bm25 = BM25Jieba(chunks, Segmenter())
    assert bm25.search("东兴区人工智能产业营收增长了多少？", 2)[0] == texts[0]
    assert bm25.search("昊瑞云的标注基地", 1) == [texts[2]]
    assert bm25.search("完全无关", 3) == []


def test_langchain_baseline_splits_500_50_and_retrieves_densely(embedder):
    from agent.langchain_adapter import EmbedderEmbeddings

    long_text = "。".join(f"第{i}段讲的是无关的农业新闻，内容是水稻种植和灌溉" for i in range(40))
    docs = [LoadedDocument("corpus/a.txt", "并济科技已稳定运营算力7300P，营收达2.6亿元。", "txt"),
            LoadedDocument("corpus/b.txt", long_text, "txt")]
    dense = LangChainDense(docs, EmbedderEmbeddings(embedder))
    try:
        assert [len(t) for t in dense.texts] == [len(docs[0].text), 500, 500, 129]
        assert dense.texts[2].startswith(dense.texts[1][-50:])  # 50 characters of overlap
        assert dense.search("并济科技的算力是多少？", 1) == [docs[0].text]
    finally:
        dense.close()


def test_cached_embedder_reuses_passage_vectors_but_not_queries(tmp_path):
    class WordLengths:
        spec, dim = "fake", 2
        calls = 0

        def passages(self, texts):
            WordLengths.calls += 1
            return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

        def query(self, text):
            return np.array([len(text), 0.0], dtype=np.float32)

    cache = CachedEmbedder(WordLengths(), tmp_path / "cache.sqlite")
    first = cache.passages(["ab", "abc"])
    again = CachedEmbedder(WordLengths(), tmp_path / "cache.sqlite").passages(["abc", "ab"])
    assert first.tolist() == [[2.0, 1.0], [3.0, 1.0]] and again.tolist() == [[3.0, 1.0], [2.0, 1.0]]
    assert WordLengths.calls == 1
    assert cache.query("abcd").tolist() == [4.0, 0.0]
    assert (cache.spec, cache.dim, cache.passages([]).shape) == ("fake", 2, (0, 2))


def test_case_record_round_trips_through_json():
    original = record("x", missing_facts=(("a", "b"),), quotes=("q",), cited=True, rank=2)
    assert CaseRecord.from_dict(json.loads(json.dumps(original.to_dict()))) == original
    compact = original.to_dict(compact=True)
    assert "answer" not in compact and "error" not in compact
    assert CaseRecord.from_dict(compact) == CaseRecord(**{
        **compact, "question": "", "missing_facts": (("a", "b"),)})



# LLM mode: judge and offline twin ---------------------------------------------------------------
def test_llm_judge_is_skipped_with_a_reason_without_an_endpoint():
    from agent.config import LLMConfig
    from evals.judge import judge_faithfulness

    assert judge_faithfulness(LLMConfig(), []) == {
        "skipped": "no LLM endpoint configured (set QA_LLM_BASE_URL and QA_LLM_MODEL)"
    }


def test_llm_judge_scores_statements_with_a_scripted_model():
    from langchain_core.language_models import FakeListChatModel

    from agent.config import LLMConfig
    from evals.judge import judge_faithfulness, statements

    answer = "并济科技已稳定运营算力7300P。营收达3亿元。\n\n依据：\n[1] 已穩定運營算力7300P"
    assert statements(answer) == ["并济科技已稳定运营算力7300P。", "营收达3亿元。"]
    records = [record("a", answer=answer, quotes=("已穩定運營算力7300P",)),
               record("r", refused=True, answer="资料中没有相关信息。")]
    model = FakeListChatModel(responses=['["supported", "unsupported"]'])
    assert judge_faithfulness(LLMConfig(), records, chat_model=model) == {
        "faithfulness": 0.5, "statements": 2, "answers": 1}


def test_offline_twin_shares_the_index_and_turns_the_llm_off(seed_qa):
    from agent import PolicyQA
    from agent.config import LLMConfig
    from evals.suite import offline_twin

    llm = LLMConfig(base_url="http://127.0.0.1:9/v1", model="m")
    qa = PolicyQA(seed_qa.settings.with_(llm=llm), seed_qa.index, seed_qa.embedder)
    twin = offline_twin(qa)
    assert (qa.settings.llm.enabled, twin.settings.llm.enabled) == (True, False)
    assert twin.index is seed_qa.index and twin.embedder is seed_qa.embedder
    assert twin.ask("并济科技2025年1-5月营收多少？").mode == "offline"


def test_failure_list_shows_the_rule_that_refused_a_failed_case():
    report = fabricated_report()
    refused = record("fact-002", passed=False, refused=True, answer="资料中没有相关信息。",
                     missing_facts=(("城市大脑",),),
                     refusal="coverage: best sentence covers 0.31 of the question < 0.5")
    report["levels"][0]["cases"]["policyqa"][1] = refused.to_dict()
    failing = render_markdown(report).split("## Failing cases")[1].splitlines()
    assert ("| fact-002 | fact | q fact-002 | 资料中没有相关信息。 | refused (coverage: best sentence "
            "covers 0.31 of the question < 0.5); expected 城市大脑 |") in failing


def test_markdown_and_chart_of_a_sweep_show_the_drop_per_level(tmp_path):
    report = fabricated_report(passed_fact=True)
    level = fabricated_report(passed_fact=False)["levels"][0]
    report["levels"].append({**level, "distractors": 200, "documents": 201, "chunks": 1016})
    text = render_markdown(report)
    assert "| 200 | 201 | 1016 | 1.0 | 33.3% | -33.3 pts |" in text
    assert "- N = 200: lost to distractors: fact-001; newly passing: none" in text
    assert write_chart(report, tmp_path / "sweep.png") in ("zh", "en")
    assert (tmp_path / "sweep.png").stat().st_size > 10_000


def test_cli_refuses_to_put_distractors_into_a_user_index(tmp_path, capsys):
    assert main(["--sweep", "0,5", "--index-dir", str(tmp_path / "index")]) == 2
    assert "temporary index" in capsys.readouterr().err
    assert not (tmp_path / "index").exists()
    assert main(["--distractors", "-1"]) == 2
