"""A small sample of eval cases that still covers every category (for slow runs: LLM mode)."""

from __future__ import annotations

from collections.abc import Sequence

from evals.cases import Case


def spread(cases: Sequence[Case], n: int) -> list[Case]:
    """``n`` cases taken round-robin over the categories (each in dataset order), returned in
    dataset order; deterministic, so reruns ask the same questions."""
    if n <= 0:
        raise ValueError(f"--sample {n}: use a count ≥ 1")
    groups: dict[str, list[Case]] = {}
    for case in cases:
        groups.setdefault(case.category, []).append(case)
    chosen: set[str] = set()
    depth = 0
    while len(chosen) < min(n, len(cases)):
        for group in groups.values():
            if depth < len(group) and len(chosen) < n:
                chosen.add(group[depth].id)
        depth += 1
    return [c for c in cases if c.id in chosen]
