"""Typed errors. Messages say what was wrong, show the value and give the fix, in Chinese."""

from ingest.errors import (
    DiskFullError,
    EmptyCorpusError,
    IndexDamagedError,
    IndexMismatchError,
    IndexUnavailableError,
    IngestConfigError,
    IngestError,
)

__all__ = [
    "BadHistoryError",
    "ConfigError",
    "DiskFullError",
    "EmptyCorpusError",
    "EmptyQuestionError",
    "IndexDamagedError",
    "IndexMismatchError",
    "IndexUnavailableError",
    "IngestConfigError",
    "IngestError",
    "LLMUnavailableError",
    "PolicyQAError",
    "UnknownDocumentError",
]


class PolicyQAError(Exception):
    """Base class of errors the agent raises on purpose."""


class EmptyQuestionError(PolicyQAError, ValueError):
    """The question is empty or only whitespace."""


class BadHistoryError(PolicyQAError, ValueError):
    """The conversation history passed to ``ask``/``stream`` is not of a shape it accepts."""


class UnknownDocumentError(PolicyQAError, LookupError):
    """A document name that the index does not hold."""


class ConfigError(PolicyQAError, ValueError):
    """A setting has a value that cannot be used."""


class LLMUnavailableError(PolicyQAError):
    """The configured LLM endpoint could not answer (down, timeout, bad key, unknown model)."""

    def __init__(self, cause: str) -> None:
        super().__init__(cause)
        self.cause = cause
