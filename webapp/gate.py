"""Answers run side by side and beside uploads; a rebuild waits for them and holds them off.

An upload or a deletion changes the index in steps that leave the one in use readable (a new
generation, then the manifest; the answer in flight keeps the `LoadedIndex` it started with).
A rebuild drops the Chroma collection first, so no answer may be running while it does.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class AnswerGate:
    """Many answers (``answering``) or one rebuild (``rebuilding``), never both."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._answers = 0
        self._rebuilding = False

    @contextmanager
    def answering(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._rebuilding)
            self._answers += 1
        try:
            yield
        finally:
            with self._cond:
                self._answers -= 1
                self._cond.notify_all()

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._rebuilding)
            self._rebuilding = True  # new answers wait from now on
            self._cond.wait_for(lambda: self._answers == 0)
        try:
            yield
        finally:
            with self._cond:
                self._rebuilding = False
                self._cond.notify_all()
