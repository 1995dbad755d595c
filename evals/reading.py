"""Reading-comprehension suites from SQuAD-style data written by others (CMRC 2018, DRCD).

Every paragraph becomes one corpus document and every question is asked against the whole
corpus, so retrieval has to find the paragraph before the answerer can read it. Scores follow the
SQuAD convention for Chinese: characters, punctuation and spaces stripped, the best gold answer.

    python -m evals reading --data ../shared/data/cmrc2018_trial.json            # the full set
    python -m evals reading --data evals/suites/cmrc-sample/sample.json --gate   # what CI runs
"""

from __future__ import annotations

import json
import random
import re
import statistics
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from evals.runner import refusal_reason
from ingest.normalize import normalize_query

_PUNCT = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass(frozen=True)
class ReadingCase:
    id: str
    question: str
    answers: tuple[str, ...]
    source: str  # the corpus file holding the gold paragraph


@dataclass(frozen=True)
class ReadingRecord:
    id: str
    question: str
    answers: tuple[str, ...]
    first_line: str
    span_first_line: bool
    span_anywhere: bool
    gold_cited_first: bool
    refused: bool
    exact: float
    f1: float
    seconds: float
    first_source: str
    refusal: str = ""


def load_squad(path: Path) -> tuple[dict[str, str], list[ReadingCase]]:
    """Paragraphs as ``{file name: text}`` and the questions, from a SQuAD-style JSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    documents: dict[str, str] = {}
    cases: list[ReadingCase] = []
    for article in data["data"]:
        for n, paragraph in enumerate(article["paragraphs"]):
            name = _file_name(paragraph.get("id") or f"{article.get('id', 'p')}-{n}")
            documents[name] = paragraph["context"].strip()
            for qa in paragraph["qas"]:
                answers = tuple(dict.fromkeys(a["text"].strip() for a in qa["answers"] if a["text"].strip()))
                if answers and qa["question"].strip():  # the CMRC trial holds one empty question
                    cases.append(ReadingCase(str(qa["id"]), qa["question"].strip(), answers, name))
    return documents, cases


def sample_squad(path: Path, paragraphs: int, questions: int, seed: int = 0) -> dict:
    """A SQuAD-style subset: ``paragraphs`` random paragraphs, at most ``questions`` questions."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    rng = random.Random(seed)
    pool = [(a, p) for a in data["data"] for p in a["paragraphs"]]
    chosen = rng.sample(pool, min(paragraphs, len(pool)))
    qas = [(id(p), q) for _, p in chosen for q in p["qas"]]
    keep = {q["id"] for _, q in rng.sample(qas, min(questions, len(qas)))}
    articles: dict[str, dict] = {}
    for article, paragraph in chosen:
        entry = articles.setdefault(str(article.get("id", len(articles))),
                                    {"id": article.get("id"), "title": article.get("title", ""),
                                     "paragraphs": []})
        entry["paragraphs"].append({**paragraph, "qas": [q for q in paragraph["qas"] if q["id"] in keep]})
    return {"version": data.get("version", ""), "data": list(articles.values())}


def write_corpus(documents: dict[str, str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")


def score_answer(case: ReadingCase, answer, corpus_name: str) -> ReadingRecord:
    """One answer against the gold spans. Both sides are normalised (NFKC, Traditional →
    Simplified, lower case) and compared without punctuation and spaces, as SQuAD scoring does:
    a gold span's closing 「。」 is not part of the answer."""
    first = answer.text.split("\n", 1)[0].strip() if not answer.refused else ""
    golds = [_chars(normalize_query(a)) for a in case.answers]
    first_n, text_n = _chars(normalize_query(first)), _chars(normalize_query(answer.text))
    cited = answer.citations[0].source if answer.citations else ""
    return ReadingRecord(
        id=case.id,
        question=case.question,
        answers=case.answers,
        first_line=first,
        span_first_line=not answer.refused and any(g in first_n for g in golds),
        span_anywhere=not answer.refused and any(g in text_n for g in golds),
        gold_cited_first=cited == f"{corpus_name}/{case.source}",
        refused=answer.refused,
        exact=max(exact_match(first_n, g) for g in golds),
        f1=max(char_f1(first_n, g) for g in golds),
        seconds=answer.seconds,
        first_source=cited,
        refusal=refusal_reason(answer),
    )


def exact_match(prediction: str, gold: str) -> float:
    return float(_chars(prediction) == _chars(gold))


def char_f1(prediction: str, gold: str) -> float:
    """SQuAD-style F1 over characters (the CMRC 2018 convention), punctuation stripped."""
    pred, ref = _chars(prediction), _chars(gold)
    common = sum((Counter(pred) & Counter(ref)).values())
    if not pred or not ref or not common:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def metrics(records: list[ReadingRecord]) -> dict:
    n = len(records) or 1
    times = sorted(r.seconds for r in records) or [0.0]
    return {
        "questions": len(records),
        "span_first_line": sum(r.span_first_line for r in records) / n,
        "span_anywhere": sum(r.span_anywhere for r in records) / n,
        "gold_cited_first": sum(r.gold_cited_first for r in records) / n,
        "false_refusals": sum(r.refused for r in records) / n,
        "exact": sum(r.exact for r in records) / n,
        "f1": sum(r.f1 for r in records) / n,
        "latency_p50": statistics.median(times),
        "latency_p95": times[min(len(times) - 1, int(0.95 * len(times)))],
    }


def run_reading(
    data: Path,
    settings,
    embedder=None,
    limit: int | None = None,
    progress: Callable[[str], None] = print,
    index_dir: Path | None = None,
) -> dict:
    """Index every paragraph of ``data`` as a document, ask every question, score."""
    from agent import PolicyQA

    documents, cases = load_squad(data)
    if limit is not None:
        cases = cases[:limit]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="policyqa-reading-") as tmp:
        corpus = Path(tmp) / "corpus"
        write_corpus(documents, corpus)
        t0 = time.perf_counter()
        qa = PolicyQA.open(corpus_dir=corpus, index_dir=index_dir or Path(tmp) / "index",
                           settings=settings, embedder=embedder)
        index_seconds = time.perf_counter() - t0
        progress(f"{len(documents)} paragraphs indexed in {index_seconds:.1f} s; "
                 f"asking {len(cases)} questions …")
        records = []
        for i, case in enumerate(cases, 1):
            records.append(score_answer(case, qa.ask(case.question), corpus.name))
            if i % 100 == 0:
                progress(f"  {i}/{len(cases)}")
    return {
        "data": str(data),
        "paragraphs": len(documents),
        "index_seconds": round(index_seconds, 1),
        "wall_seconds": round(time.perf_counter() - started, 1),
        "metrics": metrics(records),
        "records": [asdict(r) for r in records],
    }


def render(report: dict, failures: int = 25) -> str:
    m = report["metrics"]
    lines = [
        f"# Reading comprehension: {report['data']}",
        "",
        f"{report['paragraphs']} paragraphs as documents, {m['questions']} questions against the "
        f"whole corpus; indexed in {report['index_seconds']} s.",
        "",
        "| metric | value |",
        "|---|---|",
        f"| answer span inside the first line | {m['span_first_line']:.1%} |",
        f"| answer span anywhere in the answer | {m['span_anywhere']:.1%} |",
        f"| first citation from the gold paragraph | {m['gold_cited_first']:.1%} |",
        f"| false refusals | {m['false_refusals']:.1%} |",
        f"| first-line exact match (characters) | {m['exact']:.1%} |",
        f"| first-line character F1 | {m['f1']:.3f} |",
        f"| ask p50 / p95 | {1000 * m['latency_p50']:.0f} / {1000 * m['latency_p95']:.0f} ms |",
        "",
        f"## First {failures} questions whose first line misses the span",
        "",
        "| id | question | gold | first line | refusal |",
        "|---|---|---|---|---|",
    ]
    misses = [r for r in report["records"] if not r["span_first_line"]][:failures]
    for r in misses:
        cells = (r["id"], r["question"], " / ".join(r["answers"]), r["first_line"][:80], r["refusal"])
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return str(text).replace("|", "｜").replace("\n", " ")


def _chars(text: str) -> str:
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text)).lower()


def _file_name(paragraph_id: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]+", "_", paragraph_id) + ".txt"
