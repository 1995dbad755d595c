"""Evals: a QA dataset about the corpus and key-fact scoring of answers."""

from evals.cases import CATEGORIES, DATASET_PATH, Case, Turn, load_cases
from evals.errors import CaseFormatError
from evals.scoring import CaseResult, contains_fact, normalize_for_match, score_case

__all__ = [
    "CATEGORIES",
    "DATASET_PATH",
    "Case",
    "CaseFormatError",
    "CaseResult",
    "Turn",
    "contains_fact",
    "load_cases",
    "normalize_for_match",
    "score_case",
]
