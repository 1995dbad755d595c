"""Relative dates in an answer (「今年」「7月中旬」) resolved against the document's own year."""

from __future__ import annotations

import re
from functools import lru_cache

from agent.lexicon.wordlists import table
from ingest.metadata import infer_year
from ingest.types import LoadedDocument

# year words relative to the document's year (agent/lexicon/relative_years.tsv)
_RELATIVE = {word: int(delta) for word, (delta,) in table("relative_years").items()}
_BARE_MONTH = re.compile(r"(?<![\d年])(\d{1,2}月(?:\d{1,2}日|上旬|中旬|下旬|初|底)?)")


def document_year(doc: LoadedDocument) -> int | None:
    if doc.meta.date and doc.meta.date_source == "text":
        return int(doc.meta.date[:4])
    return _inferred(doc.sha256 or doc.source, doc.text)


@lru_cache(maxsize=256)
def _inferred(key: str, text: str) -> int | None:
    return infer_year(text)


def resolve_relative_dates(short: str, doc: LoadedDocument, when_question: bool) -> str:
    """「今年」 -> 「今年（2025年）」; for a when-question 「7月中旬」 -> 「2025年7月中旬」."""
    year = document_year(doc)
    if year is None:
        return short
    for word, delta in _RELATIVE.items():
        if word in short and f"{word}（" not in short:
            short = short.replace(word, f"{word}（{year + delta}年）", 1)
    if when_question and "年" not in short:
        short = _BARE_MONTH.sub(lambda m: f"{year}年{m.group(1)}", short, count=1)
    return short
