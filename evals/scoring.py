"""Score one answer against one case by key-fact matching on normalised text. No LangChain.

Matching is containment after `normalize_for_match`, with one guard for numbers: a key fact that
starts (ends) with a digit must not continue a longer number in the answer, so "7300P" is not
found in "17300P", "8家" not in "18家" and "2.6" not in "12.6". Whitespace or punctuation between
the two (a list marker "1. 7300P") still counts as a boundary.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

from evals.cases import Case, load_cases

__all__ = ["CaseResult", "contains_fact", "load_cases", "normalize_for_match", "score_case"]

# an ASCII comma between a digit and exactly three digits groups thousands: "1,000" -> "1000"
_THOUSANDS = re.compile(r"(?<=[0-9]),(?=[0-9]{3}(?![0-9]))")
# the Chinese prose comma: NFKC turns it into ",", but it never groups digits
_FULLWIDTH_COMMA = "\uff0c"
_ASCII_PUNCTUATION = frozenset(string.punctuation)


@dataclass(frozen=True)
class CaseResult:
    id: str
    category: str
    passed: bool
    missing_facts: tuple[tuple[str, ...], ...]  # the key-fact groups with no alternative found
    refused: bool
    answerable: bool


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _is_digit(ch: str) -> bool:
    return "0" <= ch <= "9"


def _is_dropped(ch: str) -> bool:
    return ch.isspace() or ch in _ASCII_PUNCTUATION or unicodedata.category(ch).startswith("P")


def _compact(text: str) -> tuple[str, frozenset[int]]:
    """Normalised text, plus the positions in it where whitespace or punctuation was removed."""
    text = unicodedata.normalize("NFKC", text.replace(_FULLWIDTH_COMMA, "、"))
    text = _t2s().convert(text).lower()
    text = _THOUSANDS.sub("", text)
    kept: list[str] = []
    gaps: set[int] = set()
    for i, ch in enumerate(text):
        between_digits = 0 < i < len(text) - 1 and _is_digit(text[i - 1]) and _is_digit(text[i + 1])
        if ch == "." and between_digits:
            kept.append(ch)
        elif _is_dropped(ch):
            gaps.add(len(kept))
        else:
            kept.append(ch)
    return "".join(kept), frozenset(gaps)


def normalize_for_match(text: str) -> str:
    """NFKC, Traditional→Simplified, lower case; drop whitespace, punctuation and thousands
    separators, keeping a decimal point between digits ("２．６亿元" -> "2.6亿元")."""
    return _compact(text)[0]


def _continues_number(compact: str, gaps: frozenset[int], cut: int) -> bool:
    """True when position ``cut`` splits one number (digits or a decimal point on both sides)."""
    if cut in gaps or cut <= 0 or cut >= len(compact):
        return False
    left, right = compact[cut - 1], compact[cut]
    return (_is_digit(left) or left == ".") and (_is_digit(right) or right == ".")


def _found(compact: str, gaps: frozenset[int], fact: str) -> bool:
    if not fact:
        return False
    start = compact.find(fact)
    while start != -1:
        end = start + len(fact)
        if not _continues_number(compact, gaps, start) and not _continues_number(
            compact, gaps, end
        ):
            return True
        start = compact.find(fact, start + 1)
    return False


def contains_fact(answer_text: str, alternatives: tuple[str, ...] | list[str]) -> bool:
    """True when the answer contains any one alternative of a key-fact group."""
    compact, gaps = _compact(answer_text)
    return any(_found(compact, gaps, normalize_for_match(alt)) for alt in alternatives)


def score_case(case: Case, answer_text: str, refused: bool) -> CaseResult:
    """Answerable: passes when not refused and every key-fact group is found.
    Unanswerable: passes when refused."""
    compact, gaps = _compact(answer_text)
    missing = tuple(
        group
        for group in case.key_facts
        if not any(_found(compact, gaps, normalize_for_match(alt)) for alt in group)
    )
    passed = (not refused and not missing) if case.answerable else refused
    return CaseResult(
        id=case.id,
        category=case.category,
        passed=passed,
        missing_facts=missing,
        refused=refused,
        answerable=case.answerable,
    )
