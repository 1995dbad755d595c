"""`CaseRecord`: what one system did on one eval case, as stored in the JSON report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any


@dataclass(frozen=True)
class CaseRecord:
    """One case run through one system.

    ``rank`` is the 1-based position of the first retrieved passage that contains one of the
    case's evidence strings (None: no hit in the top 5, or the case has no evidence).
    ``cited`` is the citation support of a passing answerable answer (None when not applicable).
    ``claim_sentences``/``claim_removed`` come from the LLM claim check when it reports them;
    ``unsupported_sentences`` from `evals.audit` on LLM-mode answers.
    """

    id: str
    category: str
    question: str
    answerable: bool
    passed: bool
    refused: bool
    missing_facts: tuple[tuple[str, ...], ...] = ()
    answer: str = ""
    quotes: tuple[str, ...] = ()
    cited: bool | None = None
    rank: int | None = None
    has_evidence: bool = False
    seconds: float = 0.0
    chars: int = 0
    mode: str = ""
    notice: str = ""
    refusal: str = ""  # the check that refused (rule: detail), for tracing a false refusal
    error: str = ""
    claim_sentences: int | None = None
    claim_removed: int | None = None
    unsupported_sentences: int | None = None  # LLM-mode answers: shown sentences failing the audit
    fallback: bool | None = None  # LLM configured: the offline answer was shown instead
    raw: str = ""  # LLM configured: the model's own final text, before the claim check

    def to_dict(self, compact: bool = False) -> dict[str, Any]:
        """JSON-ready; ``compact`` keeps only what the metrics and the comparison need."""
        data = asdict(self)
        data["missing_facts"] = [list(group) for group in self.missing_facts]
        data["quotes"] = list(self.quotes)
        if compact:  # empty fields are the defaults `from_dict` restores
            for key in ("question", "answer", "quotes", "notice", "mode", "refusal", "raw"):
                data.pop(key)
            data = {k: v for k, v in data.items() if v not in (None, "", [])}
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CaseRecord:
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values.setdefault("question", "")  # compact records leave it out
        values["missing_facts"] = tuple(tuple(g) for g in values.get("missing_facts", ()))
        values["quotes"] = tuple(values.get("quotes", ()))
        return cls(**values)
