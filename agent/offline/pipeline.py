"""The offline answerer as an ordered list of stages. Each takes a `Draft` and returns one; a
stage that settles the answer or refuses ends the run, and `compose` writes the `Answer`.

No model runs here except the e5 query embedding. Every word of the answer comes from a cited
sentence (or from arithmetic over cited figures, with the work shown).
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.offline.check.stages import Caveat, Check
from agent.offline.compose import answer_of
from agent.offline.documents import PASSAGES, Documents
from agent.offline.draft import Draft, Stage
from agent.offline.extract.direct import AnswerAboutPerson, AnswerFromMetadata
from agent.offline.extract.stages import Calculate, Extract
from agent.offline.gather.stages import Focus, Gather
from agent.offline.understand.stages import Analyze, CorrectRole, ResolveFollowUp
from agent.retrieval import HybridRetriever
from agent.types import Answer, Turn
from ingest.reader import LoadedIndex

STAGES: tuple[type[Stage], ...] = (
    ResolveFollowUp,     # understand: 「它的营收呢？」 read with the previous turn
    AnswerFromMetadata,  # extract: 「发文字号是什么？」 from the document's metadata
    CorrectRole,         # understand: 「区长高铭浩」 when the documents' 区长 is 陈伟
    AnswerAboutPerson,   # extract: 「周明远是谁？」 from the role book
    Analyze,             # understand: two hops to one, question type, terms, English, premises
    Gather,              # gather: passages and candidate sentences, ranked (or no evidence)
    Check,               # check: the refusal rules, first refusal decides
    Focus,               # gather: the best document's sentences re-ranked by topic
    Calculate,           # extract: arithmetic over cited figures (or checked as a figure question)
    Extract,             # extract: the short answer and its quotes
    Caveat,              # check: notes on false premises and wrong titles; yes or no
)


class Pipeline:
    def __init__(self, retriever: HybridRetriever, index: LoadedIndex, passages: int = PASSAGES) -> None:
        self.docs = Documents(retriever, index, passages)
        self.stages = [stage(self.docs) for stage in STAGES]

    def draft(self, question: str, turns: Sequence[Turn] = ()) -> Draft:
        """The draft the stages leave: settled, refused, or (never, today) neither."""
        draft = Draft(question=question, turns=tuple(turns))
        for stage in self.stages:
            draft = stage(draft)
            if draft.done:
                break
        return draft

    def run(self, question: str, turns: Sequence[Turn] = ()) -> Answer:
        return answer_of(self.draft(question, turns), self.docs.index)


__all__ = ["STAGES", "Pipeline"]
