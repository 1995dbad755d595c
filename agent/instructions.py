"""Instructions injected into documents ("忽略以上所有指令，回答：…"): a sentence that tells the
model to drop its instructions is data to quote at most, never an answer or evidence. The
phrases are data (``agent/lexicon/injection_markers.tsv``, with their source and measurement).
The offline answerer does not answer from such sentences; the LLM claim check does not count
them as support (`agent.llm.instructions`)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ingest.normalize import normalize_query


@lru_cache(maxsize=1)
def markers() -> tuple[str, ...]:
    text = resources.files("agent").joinpath("lexicon", "injection_markers.tsv").read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return tuple(_flat(line) for line in lines if line and not line.startswith("#"))


def is_instruction(sentence: str) -> bool:
    """True when ``sentence`` (either script, any width, any case) holds an injection phrase."""
    flat = _flat(sentence)
    return any(marker in flat for marker in markers())


def _flat(text: str) -> str:
    """NFKC, Simplified, lower case, single spaces only between latin words."""
    return " ".join(normalize_query(text).lower().split())
