"""The offline answerer's word lists, read from the data files beside this module.

Each file (``agent/lexicon/<name>.txt`` or ``<name>.tsv``, UTF-8) opens with ``#`` lines saying
what the list is for, where its words came from and which module reads it. Three shapes:

- ``words(name)``: ``<name>.txt``, words separated by spaces or line breaks, in file order;
- ``groups(name)``: ``<name>.txt``, one group a line (words that exclude or replace each other);
- ``table(name)``: ``<name>.tsv``, ``key<TAB>values`` (values space-separated, may be empty).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FOLDER = Path(__file__).parent


@cache
def groups(name: str) -> tuple[tuple[str, ...], ...]:
    """The lines of ``<name>.txt`` as tuples of words."""
    return tuple(tuple(line.split()) for line in _lines(f"{name}.txt"))


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of ``<name>.txt`` in file order."""
    return tuple(w for group in groups(name) for w in group)


def table(name: str) -> dict[str, tuple[str, ...]]:
    """``<name>.tsv`` as key → values, in file order (a copy: callers may keep it as their own)."""
    return dict(_rows(name))


@cache
def _rows(name: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    rows = []
    for line in _lines(f"{name}.tsv"):
        key, _, values = line.partition("\t")
        rows.append((key.strip(), tuple(values.split())))
    return tuple(rows)


def mentioned(group: tuple[str, ...], text: str) -> list[str]:
    """The words of ``group`` that ``text`` says, less those it says only inside a longer one of
    them (「博士后」 says 博士后, not 博士); a coordinate compound says each word it joins
    (coordinate_compounds.tsv: 「中小学生」 says 小学, 初中 and 高中)."""
    found = [w for w in group if w in text]
    said = [w for w in found if text.count(w) > sum(text.count(longer) for longer in found
                                                    if longer != w and w in longer)]
    joined = {w for compound, parts in _rows("coordinate_compounds") if compound in text for w in parts}
    return [w for w in group if w in said or w in joined]


def header(filename: str) -> str:
    """The ``#`` lines that open ``filename`` (「units.tsv」), without the ``#``: what the list is
    for and where it came from."""
    lines = []
    for line in (FOLDER / filename).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("# ").rstrip())
    return "\n".join(lines)


def _lines(filename: str) -> list[str]:
    path = FOLDER / filename
    if not path.is_file():
        raise FileNotFoundError(f"word list {path} is missing; it ships with the package (agent/lexicon/)")
    return [line for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


__all__ = ["groups", "header", "table", "words"]
