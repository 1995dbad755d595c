"""Answers from an OpenAI-compatible chat model, grounded and claim-checked; offline on failure."""

from agent.llm.answer import LLMAnswer
from agent.llm.answerer import LLMAnswerer
from agent.llm.claims import ClaimReport

__all__ = ["ClaimReport", "LLMAnswer", "LLMAnswerer"]
