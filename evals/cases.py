"""Eval cases: the `Case` type and `load_cases`, which validates a JSONL dataset line by line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evals.errors import CaseFormatError

DATASET_PATH = Path(__file__).with_name("dataset.jsonl")

CATEGORIES = (
    "fact",
    "list",
    "number",
    "calc",
    "multi-hop",
    "traditional",
    "english",
    "unanswerable",
    "false-premise",
    "follow-up",
)

_REQUIRED = ("id", "question", "key_facts", "answerable", "category", "evidence")
_OPTIONAL = ("history",)


@dataclass(frozen=True)
class Turn:
    """One earlier exchange that a follow-up question refers to."""

    question: str
    answer: str


@dataclass(frozen=True)
class Case:
    """One eval question.

    ``key_facts`` is a tuple of groups; a group is satisfied when the answer contains any one of
    its alternatives. ``evidence`` holds exact substrings of the original document.
    """

    id: str
    question: str
    key_facts: tuple[tuple[str, ...], ...]
    answerable: bool
    category: str
    evidence: tuple[str, ...]
    history: tuple[Turn, ...] = ()


def load_cases(path: str | Path) -> list[Case]:
    """Read a JSONL dataset; raise `CaseFormatError` naming ``path:line`` for any malformed line."""
    path = Path(path)
    cases: list[Case] = []
    first_line_of: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        case = _parse_line(line, where)
        if case.id in first_line_of:
            raise CaseFormatError(
                f"{where}: duplicate id {case.id!r}, first used on line {first_line_of[case.id]};"
                " give every case its own id"
            )
        first_line_of[case.id] = number
        cases.append(case)
    if not cases:
        raise CaseFormatError(f"{path}: no cases found; write one JSON object per line")
    return cases


def _parse_line(line: str, where: str) -> Case:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise CaseFormatError(
            f"{where}: not valid JSON ({exc.msg} at column {exc.colno});"
            " each line must be one complete JSON object"
        ) from exc
    if not isinstance(raw, dict):
        raise CaseFormatError(f"{where}: expected a JSON object, got {type(raw).__name__}")
    missing = [key for key in _REQUIRED if key not in raw]
    if missing:
        raise CaseFormatError(f"{where}: missing field(s) {', '.join(missing)}")
    unknown = sorted(set(raw) - set(_REQUIRED) - set(_OPTIONAL))
    if unknown:
        allowed = ", ".join(_REQUIRED + _OPTIONAL)
        raise CaseFormatError(f"{where}: unknown field(s) {', '.join(unknown)}; allowed: {allowed}")

    case = Case(
        id=_text(raw["id"], "id", where),
        question=_text(raw["question"], "question", where),
        key_facts=_key_facts(raw["key_facts"], where),
        answerable=_flag(raw["answerable"], where),
        category=_category(raw["category"], where),
        evidence=_texts(raw["evidence"], "evidence", where),
        history=_history(raw.get("history", []), where),
    )
    _check_consistency(case, where)
    return case


def _text(value: Any, name: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CaseFormatError(f"{where}: {name} must be a non-empty string, got {value!r}")
    return value


def _texts(value: Any, name: str, where: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise CaseFormatError(f"{where}: {name} must be a list of strings, got {value!r}")
    return tuple(_text(item, f"{name}[{i}]", where) for i, item in enumerate(value))


def _key_facts(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(value, list):
        raise CaseFormatError(
            f'{where}: key_facts must be a list of groups like [["7300P"], ["2.6亿元", "2.6亿"]],'
            f" got {value!r}"
        )
    groups = []
    for i, group in enumerate(value):
        if not isinstance(group, list) or not group:
            raise CaseFormatError(
                f"{where}: key_facts[{i}] must be a non-empty list of alternatives, got {group!r};"
                ' wrap a single fact as ["fact"]'
            )
        groups.append(_texts(group, f"key_facts[{i}]", where))
    return tuple(groups)


def _flag(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise CaseFormatError(f"{where}: answerable must be true or false, got {value!r}")
    return value


def _category(value: Any, where: str) -> str:
    if value not in CATEGORIES:
        raise CaseFormatError(
            f"{where}: unknown category {value!r}; use one of {', '.join(CATEGORIES)}"
        )
    return value


def _history(value: Any, where: str) -> tuple[Turn, ...]:
    if not isinstance(value, list):
        raise CaseFormatError(f"{where}: history must be a list of turns, got {value!r}")
    turns = []
    for i, turn in enumerate(value):
        if not isinstance(turn, dict) or set(turn) != {"question", "answer"}:
            raise CaseFormatError(
                f'{where}: history[{i}] must be {{"question": ..., "answer": ...}}, got {turn!r}'
            )
        turns.append(
            Turn(
                question=_text(turn["question"], f"history[{i}].question", where),
                answer=_text(turn["answer"], f"history[{i}].answer", where),
            )
        )
    return tuple(turns)


def _check_consistency(case: Case, where: str) -> None:
    if (case.category == "unanswerable") == case.answerable:
        raise CaseFormatError(
            f"{where}: category {case.category!r} with answerable={case.answerable};"
            " exactly the 'unanswerable' cases have answerable false"
        )
    if case.answerable and not case.key_facts:
        raise CaseFormatError(f"{where}: answerable case {case.id!r} needs at least one key fact")
    if case.answerable and not case.evidence:
        raise CaseFormatError(f"{where}: answerable case {case.id!r} needs at least one evidence")
    if not case.answerable and case.key_facts:
        raise CaseFormatError(
            f"{where}: unanswerable case {case.id!r} must have key_facts [], got {case.key_facts!r}"
        )
    if (case.category == "follow-up") != bool(case.history):
        raise CaseFormatError(
            f"{where}: category {case.category!r} with {len(case.history)} history turn(s);"
            " follow-up cases need a history, other cases must not have one"
        )
