"""PolicyQA: grounded question answering over Chinese policy documents."""

from agent.config import LLMConfig, Settings
from agent.errors import (
    ConfigError,
    EmptyCorpusError,
    EmptyQuestionError,
    IndexMismatchError,
    LLMUnavailableError,
    PolicyQAError,
)
from agent.policyqa import PolicyQA
from agent.types import Answer, Citation, Passage, Turn

__all__ = [
    "Answer",
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
    "Settings",
    "Turn",
]
