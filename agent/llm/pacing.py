"""Waiting for a model that reads before it writes: the reply streams in a worker thread, and the
caller gets a `Waiting` tick every second while nothing arrives, so it can tell the user.

A connected model may take long before its first token (a local CPU model reads a 3,000-token
prompt for ~15 s); after that, chunks come quickly. ``first_budget`` bounds the first wait of each
model call, ``gap_budget`` the wait between chunks once it writes; past either, `Stalled`.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

from agent.llm.agent_loop import READING, Step

TICK = 1.0  # seconds between `Waiting` ticks


@dataclass(frozen=True)
class Waiting:
    """Nothing has arrived for ``seconds``; ``phase`` is what the model is doing (`Step.phase`)."""

    seconds: float
    phase: str
    step: int


class Stalled(Exception):
    """The model sent nothing within its budget."""

    def __init__(self, seconds: float, phase: str, budget: float) -> None:
        super().__init__(f"no reply for {seconds:.0f} s while {phase} (budget {budget:g} s)")
        self.seconds, self.phase, self.budget = seconds, phase, budget


def paced(
    steps: Iterator[Step], first_budget: float, gap_budget: float, tick: float = TICK
) -> Iterator[Step | Waiting]:
    """Yield ``steps`` as they arrive and a `Waiting` every ``tick`` seconds in between; raise what
    the stream raises, or `Stalled`. Closing this generator tells the worker to stop."""
    inbox: queue.Queue = queue.Queue()
    stop = threading.Event()

    def produce() -> None:
        try:
            for item in steps:
                inbox.put(("step", item))
                if stop.is_set():
                    break
        except BaseException as exc:  # noqa: BLE001 -- handed to the caller's thread, re-raised
            inbox.put(("error", exc))
        else:
            inbox.put(("done", None))
        finally:
            steps.close()

    threading.Thread(target=produce, name="llm-stream", daemon=True).start()
    last, phase, step = time.monotonic(), READING, 0
    try:
        while True:
            try:
                kind, value = inbox.get(timeout=tick)
            except queue.Empty:
                waited = time.monotonic() - last
                budget = first_budget if phase == READING else gap_budget
                if waited >= budget:
                    raise Stalled(waited, phase, budget) from None
                yield Waiting(round(waited, 1), phase, step)
                continue
            if kind == "done":
                return
            if kind == "error":
                raise value
            last, phase, step = time.monotonic(), value.phase, value.step
            yield value
    finally:
        stop.set()
