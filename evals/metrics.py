"""Metrics over `CaseRecord`s: plain Python, per category and overall. No LangChain, no model.

Definitions (a metric is None when its denominator is empty):
- key_fact_accuracy: share of cases passed (answerable: not refused and every key-fact group
  found; unanswerable: refused).
- refusal_precision / refusal_recall: positive = refused, gold positive = unanswerable.
- citation_support: share of passing answerable cases whose citations support the answer.
- hit@k, mrr: over cases with gold evidence; a passage hits when it contains an evidence string.
- answer_chars_median, latency_p50 / latency_p95 (nearest rank), claim_removed_share (LLM mode).
- LLM mode only: unsupported_answer_share (LLM-mode answers with any sentence failing
  `evals.audit`; target 0) and fallback_share (cases where the offline answer was shown).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from statistics import median

from evals.cases import CATEGORIES, Case
from evals.records import CaseRecord
from evals.scoring import contains_fact, normalize_for_match

HIT_AT = (1, 3, 5)


def first_hit_rank(passages: Sequence[str], evidence: Iterable[str]) -> int | None:
    """1-based rank of the first passage containing any evidence string (exact, original text)."""
    evidence = [e for e in evidence if e]
    for rank, text in enumerate(passages, start=1):
        if any(e in text for e in evidence):
            return rank
    return None


def citation_supported(case: Case, quotes: Sequence[str]) -> bool:
    """Every key-fact group appears inside one cited quote. A calculation's result is not in the
    document, so for ``calc`` cases every evidence string must be covered by the quotes instead."""
    if not quotes:
        return False
    if case.category == "calc":
        joined = normalize_for_match("".join(quotes))
        return all(normalize_for_match(e) in joined for e in case.evidence)
    return all(any(contains_fact(q, group) for q in quotes) for group in case.key_facts)


def percentile(values: Sequence[float], share: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least ``share`` of values ≤ it."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def _share(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def summarize(records: Sequence[CaseRecord]) -> dict[str, float | int | None]:
    records = list(records)
    refused = [r for r in records if r.refused]
    unanswerable = [r for r in records if not r.answerable]
    # systems without citations (a bare top-1 chunk) have cited None: the metric stays None
    passing_answerable = [r for r in records if r.answerable and r.passed and r.cited is not None]
    retrieval = [r for r in records if r.has_evidence]
    claims = [r for r in records if r.claim_sentences]
    summary: dict[str, float | int | None] = {
        "count": len(records),
        "key_fact_accuracy": _share(sum(r.passed for r in records), len(records)),
        "refusal_precision": _share(sum(not r.answerable for r in refused), len(refused)),
        "refusal_recall": _share(sum(r.refused for r in unanswerable), len(unanswerable)),
        "citation_support": _share(sum(bool(r.cited) for r in passing_answerable),
                                   len(passing_answerable)),
    }
    for k in HIT_AT:
        hits = sum(r.rank is not None and r.rank <= k for r in retrieval)
        summary[f"hit@{k}"] = _share(hits, len(retrieval))
    summary["mrr"] = (
        sum(1.0 / r.rank for r in retrieval if r.rank) / len(retrieval) if retrieval else None
    )
    summary["answer_chars_median"] = median(r.chars for r in records) if records else None
    seconds = [r.seconds for r in records]
    summary["latency_p50"] = percentile(seconds, 0.50)
    summary["latency_p95"] = percentile(seconds, 0.95)
    summary["claim_removed_share"] = (
        sum(r.claim_removed or 0 for r in claims) / sum(r.claim_sentences for r in claims)
        if claims else None
    )
    audited = [r for r in records if r.unsupported_sentences is not None]
    summary["unsupported_answer_share"] = _share(
        sum(r.unsupported_sentences > 0 for r in audited), len(audited))
    configured = [r for r in records if r.fallback is not None]
    summary["fallback_share"] = _share(sum(r.fallback for r in configured), len(configured))
    return summary


def by_category(records: Sequence[CaseRecord]) -> dict[str, dict]:
    """``{"overall": summary, category: summary, ...}``, categories in the dataset's order."""
    groups: dict[str, list[CaseRecord]] = {}
    for record in records:
        groups.setdefault(record.category, []).append(record)
    order = {name: i for i, name in enumerate(CATEGORIES)}
    result = {"overall": summarize(records)}
    for name in sorted(groups, key=lambda n: (order.get(n, len(order)), n)):
        result[name] = summarize(groups[name])
    return result
