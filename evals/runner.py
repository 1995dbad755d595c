"""Run eval cases through PolicyQA (answers) and through retrievers (top-1 chunk as "answer").

Every system yields one `CaseRecord` per case, so `evals.metrics` treats them alike.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence

from agent.types import Turn
from evals.audit import audit
from evals.cases import Case
from evals.metrics import citation_supported, first_hit_rank
from evals.records import CaseRecord
from evals.scoring import score_case

RETRIEVE_K = 5

Progress = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


def run_retriever(retriever, cases: Sequence[Case], progress: Progress = _quiet) -> list[CaseRecord]:
    """Retrieval ranks against the gold evidence, and the naive answer "return the best chunk"
    (never refuses), scored like any answer."""
    records = []
    for case in cases:
        started = time.perf_counter()
        texts = retriever.search(case.question, RETRIEVE_K)
        seconds = time.perf_counter() - started
        top = texts[0] if texts else ""
        result = score_case(case, top, refused=False)
        records.append(
            CaseRecord(
                **_case_fields(case),
                passed=result.passed,
                refused=False,
                missing_facts=result.missing_facts,
                answer=top,
                rank=first_hit_rank(texts, case.evidence),
                seconds=round(seconds, 5),
                chars=len(top),
                mode="top-1 chunk",
            )
        )
    progress(f"  {retriever.name}: {len(records)} questions")
    return records


def run_answerer(
    qa, cases: Sequence[Case], ranks: dict[str, int | None], progress: Progress = _quiet
) -> list[CaseRecord]:
    """``qa.ask`` on every case (with its history); ``ranks`` from PolicyQA's own retrieval."""
    records = []
    for case in cases:
        history = [Turn(t.question, t.answer) for t in case.history]
        started = time.perf_counter()
        try:
            answer = qa.ask(case.question, history=history)
        except Exception as exc:  # noqa: BLE001 -- one broken case must not lose a sweep: record it
            seconds = time.perf_counter() - started
            print(f"  {case.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            records.append(_error_record(case, ranks.get(case.id), seconds, exc))
            continue
        seconds = time.perf_counter() - started
        result = score_case(case, answer.text, answer.refused)
        quotes = tuple(c.quote for c in answer.citations)
        claims = claim_check_counts(answer)
        llm = bool(getattr(getattr(qa, "settings", None), "llm", None) and qa.settings.llm.enabled)
        records.append(
            CaseRecord(
                **_case_fields(case),
                passed=result.passed,
                refused=answer.refused,
                missing_facts=result.missing_facts,
                answer=answer.text,
                quotes=quotes,
                cited=citation_supported(case, quotes) if case.answerable and result.passed else None,
                rank=ranks.get(case.id),
                seconds=round(seconds, 5),
                chars=len(answer.text),
                mode=answer.mode,
                notice=answer.notice,
                refusal=refusal_reason(answer),
                claim_sentences=claims[0] if claims else None,
                claim_removed=claims[1] if claims else None,
                unsupported_sentences=len(audit(answer)) if answer.mode == "llm" else None,
                fallback=(answer.mode != "llm") if llm else None,
                raw=str(getattr(answer, "raw", "")),
            )
        )
    progress(f"  answers ({records[0].mode if records else '-'}): {len(records)} questions")
    return records


def refusal_reason(answer) -> str:
    """「rule: detail」 of a refused answer, "" otherwise."""
    why = getattr(answer, "refusal", None)
    return f"{why.rule}: {why.detail}" if why is not None else ""


def claim_check_counts(answer) -> tuple[int, int] | None:
    """HOOK(agent.llm claim check): ``(sentences checked, sentences removed)`` of an LLM answer.

    `agent.llm.LLMAnswer` carries ``claims: ClaimReport(kept, removed)``; offline answers carry
    nothing and report None, so ``claim_removed_share`` is measured in LLM mode only. If the
    claim check's interface changes, this is the one place to follow it.
    """
    claims = getattr(answer, "claims", None)
    kept, removed = getattr(claims, "kept", None), getattr(claims, "removed", None)
    if isinstance(kept, int) and isinstance(removed, int) and kept + removed > 0:
        return kept + removed, removed
    return None


def _case_fields(case: Case) -> dict:
    """The fields every record copies from its case."""
    return {
        "id": case.id,
        "category": case.category,
        "question": case.question,
        "answerable": case.answerable,
        "has_evidence": bool(case.evidence),
    }


def _error_record(case: Case, rank: int | None, seconds: float, exc: Exception) -> CaseRecord:
    return CaseRecord(
        **_case_fields(case),
        passed=False,
        refused=False,
        missing_facts=case.key_facts,
        rank=rank,
        seconds=round(seconds, 5),
        error=f"{type(exc).__name__}: {exc}",
    )
