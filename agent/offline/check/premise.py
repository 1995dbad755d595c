"""Claims a question may presuppose (「营收为什么下降了」), and the documented facts that
contradict them: looked for as extra terms, and noted when the evidence states the opposite."""

from __future__ import annotations

from agent.lexicon.wordlists import table

# claims a question may presuppose, and the documented facts that contradict them
# (agent/lexicon/premise_opposites.tsv)
OPPOSITES = table("premise_opposites")


def claimed_opposites(question: str) -> list[str]:
    """The facts that would contradict what the question presupposes, in table order."""
    return [o for claim, opposites in OPPOSITES.items() if claim in question for o in opposites]


def false_premise(question: str, evidence_norms: list[str]) -> str:
    """A note when the question presupposes a claim the evidence contradicts, "" otherwise."""
    joined = "".join(evidence_norms)
    for claim, opposites in OPPOSITES.items():
        if claim in question and claim not in joined and any(o in joined for o in opposites):
            return f"注意：资料并未提到“{claim}”，与问题的前提不符；以上为资料记载的情况。"
    return ""


__all__ = ["OPPOSITES", "claimed_opposites", "false_premise"]
