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


REBUILD = "python -m ingest rebuild"


class IndexDamagedError(IngestError):
    """A file of the index is truncated, overwritten or missing; ``path`` names it.

    The index is derived from the corpus: `PolicyQA.open` and ``python -m ingest`` rebuild the
    damaged part by themselves when the corpus folder is at hand (see ``ingest.repair``)."""

    def __init__(self, path, reason: str) -> None:
        super().__init__(
            f"索引文件 {path} 已损坏（{reason}）；请运行 `{REBUILD}` 重建索引"
            "（语料目录中的文档不受影响）"
        )
        self.path = path
        self.reason = reason


class IndexUnavailableError(IngestError):
    """The Chroma server that holds the vectors (QA_CHROMA_URL) does not answer."""


class DiskFullError(IngestError):
    """Writing the index failed for lack of disk space; the committed index is untouched."""
