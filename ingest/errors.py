"""Errors raised by ingestion. Messages are for users: what, the value, the fix."""


class IngestError(Exception):
    """Base class of ingestion errors."""


class IngestConfigError(IngestError, ValueError):
    """An ingest setting has an unusable value."""


class EmptyCorpusError(IngestError):
    """The corpus folder holds no document that could be indexed."""


class IndexMismatchError(IngestError):
    """The index was built with another embedding backend/model than the configured one."""


class SkipDocument(IngestError):
    """A file cannot be indexed; ``reason`` says why, in Chinese. Never fatal to a run."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
