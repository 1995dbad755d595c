"""Typed, frozen results returned by the public API."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Citation:
    """An exact passage of a source document: ``quote == document_text[start:end]``."""

    source: str
    quote: str
    start: int
    end: int
    page: int | None = None
    heading: str = ""


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, best first in a ranked list."""

    text: str
    source: str
    start: int
    end: int
    score: float
    page: int | None = None
    heading: str = ""
    chunk_id: str = ""


@dataclass(frozen=True)
class Turn:
    """One earlier exchange of a conversation, used to resolve follow-up questions."""

    question: str
    answer: str = ""


@dataclass(frozen=True)
class Refusal:
    """Why an answer was refused: the check that decided (``rule``) and what it found."""

    rule: str
    detail: str = ""


@dataclass(frozen=True)
class Answer:
    """What `PolicyQA.ask` returns.

    ``text`` starts with the short answer (``short``), then the supporting quotes marked [1], [2]
    that match ``citations``. ``refused`` is True when the documents hold no answer.
    ``status`` is set only on partial answers yielded by `PolicyQA.stream` while the model reads or
    writes; the final answer has ``status == ""``.
    """

    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    mode: str = "offline"
    question: str = ""
    short: str = ""
    notice: str = ""
    seconds: float = 0.0
    refusal: Refusal | None = None  # set when ``refused``: which check refused, and why
    status: str = ""  # a transient progress line while streaming (「模型正在阅读资料…」); "" when final
