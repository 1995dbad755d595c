"""PolicyQA: grounded question answering over Chinese policy documents."""

from agent.config import LLMConfig, Settings
from agent.errors import (
    BadHistoryError,
    ConfigError,
    EmptyCorpusError,
    EmptyQuestionError,
    IndexMismatchError,
    LLMUnavailableError,
    PolicyQAError,
)
from agent.policyqa import PolicyQA
from agent.types import Answer, Citation, Passage, Refusal, Turn

__all__ = [
    "Answer",
    "BadHistoryError",
    "Citation",
    "ConfigError",
    "EmptyCorpusError",
    "EmptyQuestionError",
    "IndexMismatchError",
    "LLMConfig",
    "LLMUnavailableError",
    "Passage",
    "PolicyQA",
    "PolicyQAError",
    "Refusal",
    "Settings",
    "Turn",
]
