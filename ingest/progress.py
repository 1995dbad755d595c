"""Per-stage progress bars (tqdm, on stderr) and timings for one ingest run."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from tqdm import tqdm


class Stages:
    """``with stages.stage("嵌入", total=n, unit="条") as bar: ... bar.update(k)``.

    Collects wall-clock seconds per stage, characters processed per stage (``count_chars``),
    and finer steps inside a stage (``with stages.step("分词")``).
    """

    def __init__(self, progress: bool = True) -> None:
        self.progress = progress
        self.seconds: dict[str, float] = {}
        self.chars: dict[str, int] = {}
        self.steps: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str, total: int, unit: str) -> Iterator[tqdm]:
        started = time.perf_counter()
        bar = tqdm(total=total, desc=name, unit=unit, disable=not self.progress, leave=True)
        try:
            yield bar
        finally:
            bar.close()
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.steps[name] = self.steps.get(name, 0.0) + time.perf_counter() - started

    def count_chars(self, stage: str, chars: int) -> None:
        self.chars[stage] = self.chars.get(stage, 0) + chars
