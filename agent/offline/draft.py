"""What the offline answerer knows about one question so far: each stage takes a `Draft` and
returns a new one, so a test can feed a stage a literal draft and assert what it adds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from agent.offline.extract.roles import Conflict
from agent.offline.gather.evidence import Candidate
from agent.offline.understand.question import Question
from agent.types import Refusal, Turn

if TYPE_CHECKING:
    from agent.offline.documents import Documents


@dataclass(frozen=True)
class Draft:
    question: str  # as asked
    turns: tuple[Turn, ...] = ()
    traditional: bool = False  # answer in Traditional characters
    # understand: the question with follow-ups resolved (then a role corrected, a two-hop
    # description replaced by its entity, English glossed in Chinese), and its analysis
    resolved: str = ""
    conflict: Conflict | None = None  # the question pairs a person with a title they do not hold
    q: Question | None = None
    bridge: tuple[Candidate, ...] = ()  # the sentence that resolved a two-hop description
    # gather: the question's e5 vector, the previous turn's terms, the ranked sentences
    qvec: Any = None
    context: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()
    # extract: the short answer and the sentences quoted for it; check: notes and refusal
    short: str = ""
    evidence: tuple[Candidate, ...] = ()
    notes: tuple[str, ...] = ()
    refusal: Refusal | None = None
    settled: bool = False  # the short answer and evidence are final: only composing is left
    decided_by: str = ""  # the stage that settled or refused

    @property
    def done(self) -> bool:
        return self.settled or self.refusal is not None

    def refuse(self, refusal: Refusal, stage: str) -> Draft:
        return replace(self, refusal=refusal, decided_by=stage)

    def settle(self, short: str, evidence, stage: str, notes=()) -> Draft:
        return replace(self, short=short, evidence=tuple(evidence), notes=tuple(notes),
                       settled=True, decided_by=stage)




class Stage:
    """One step of the offline pipeline: reads the documents, takes a draft, returns a draft."""

    name = ""

    def __init__(self, docs: Documents) -> None:
        self.docs = docs

    def __call__(self, draft: Draft) -> Draft:
        raise NotImplementedError


__all__ = ["Draft", "Stage"]
