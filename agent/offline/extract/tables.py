"""Questions a table answers, not a sentence: 「哪个区县的地区生产总值增速最快？」 (the row with the
highest value in the asked column) and 「石濑县的总分是多少？」 (the cell of the named row under the
asked column). A bulletin's table (lines of cells split by 「｜」) states each row's figures; no
sentence says which is highest, nor puts a row's figure beside its column's name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agent.offline.gather.credit import term_credit
from agent.offline.gather.evidence import Candidate
from agent.offline.understand.question import Question
from ingest.normalize import normalize
from ingest.reader import LoadedIndex

# the superlative the question asks (「最高」「排第一」), and whether it asks for the highest value
_SUPERLATIVE = re.compile(r"最(高|快|多|大|长|低|慢|少|小|短)|排(?:名)?(第一)|(第一)名|(倒数第一)")
_HIGHEST = frozenset(["高", "快", "多", "大", "长", "第一"])
_CELL_SEPARATOR = re.compile(r"\s*[｜|\t]\s*")
_VALUE = re.compile(r"-?\d+(?:\.\d+)?")
_WHICH = re.compile(r"哪|什么|谁")  # 「最多收多少」 asks a cap, not which row is highest


@dataclass(frozen=True)
class Table:
    caption: str  # the line above it, normalised (「二、市直部门考核结果」)
    header: list[str]  # its first line's cells, normalised
    rows: list[tuple[list[str], Candidate]]  # each other line's cells (as written) and the line

    @property
    def name_column(self) -> int:
        """The first column whose cells are mostly words, not figures: what each row is about
        (「单位」 after 「名次」)."""
        for j in range(len(self.header)):
            worded = sum(1 for cells, _ in self.rows if j < len(cells) and not re.search(r"\d", cells[j]))
            if worded * 2 > len(self.rows):
                return j
        return 0

    def fit(self, terms: tuple[str, ...]) -> float:
        """How much of the question its caption and header say."""
        said = self.caption + " " + " ".join(self.header)
        return sum(term_credit(t, said) for t in terms if len(t) >= 2)


@dataclass(frozen=True)
class Cell:
    name: str  # the row's name cell, as written
    label: str  # the column's header, normalised
    value: str  # the cell, as written
    sentence: Candidate  # the row's line, to quote


def extreme_row(q: Question, index: LoadedIndex, candidates: list[Candidate], depth: int = 5) -> Cell | None:
    """The row with the highest (「最高」「排第一」) or lowest (「最低」) value in the column the
    question names just before its superlative, in the table of the best sentences' documents
    whose caption and header say most of the question; None when the question asks no
    「哪…最…」 or no table has such a column with two valued rows."""
    found = _SUPERLATIVE.search(q.text)
    if found is None or not _WHICH.search(q.text):
        return None
    before = q.text[: found.start()]
    highest = any(g in _HIGHEST for g in found.groups() if g)
    best = None
    for table in _tables_of(index, candidates, depth):
        column = _asked_column(table, before, q.terms)
        if column is None:
            continue
        name = table.name_column
        valued = [(float(v.group(0)), cells, line) for cells, line in table.rows
                  if column < len(cells) and name < len(cells) and (v := _VALUE.search(cells[column].replace(",", "")))]
        if len(valued) >= 2 and (best is None or table.fit(q.terms) > best[0]):
            value, cells, line = (max if highest else min)(valued, key=lambda r: r[0])
            best = (table.fit(q.terms), Cell(cells[name], table.header[column], cells[column], line))
    return best[1] if best else None


def named_cell(q: Question, index: LoadedIndex, candidates: list[Candidate], depth: int = 5) -> Cell | None:
    """「石濑县的总分是多少？」: the cell of the row the question names (its name cell is in the
    question) under the column whose header says the question's words, in the table whose
    caption and header say most of the question; None when no row is named or no header fits."""
    if not q.wants_number and q.qtype not in ("fact", "which"):
        return None
    best = None
    for table in _tables_of(index, candidates, depth):
        name = table.name_column
        for cells, line in table.rows:
            said = _named(normalize(cells[name]).text, q.text) if name < len(cells) else ""
            if not said:
                continue
            rest = q.text.replace(said, " ")
            # the words beside the question word count three times (「地区生产总值比上年增长了多少」:
            # the column 「增速」, not 「地区生产总值」)
            weights = {t: 3.0 if t in q.focus else 1.0 for t in q.terms if len(t) >= 2 and t in rest}
            credits = [(sum(w * _says(table.header[j], t) for t, w in weights.items()), j)
                       for j in range(len(table.header)) if j != name and j < len(cells)]
            credit, column = max(credits, default=(0.0, None))
            if column is not None and credit > 0 and (best is None or credit + table.fit(q.terms) > best[0]):
                best = (credit + table.fit(q.terms), Cell(cells[name], table.header[column], cells[column], line))
    return best[1] if best else None


def table_answer(q: Question, index: LoadedIndex, candidates: list[Candidate]) -> tuple[str, Candidate] | None:
    """The short answer a table gives and the row to quote: the extreme row's name (「松溪县」),
    else the named row's cell under its column's name (「松溪县总分：87.73」); None without one."""
    extreme = extreme_row(q, index, candidates)
    if extreme is not None:
        return extreme.name, extreme.sentence
    cell = named_cell(q, index, candidates)
    if cell is not None:
        return f"{cell.name}{cell.label}：{cell.value}", cell.sentence
    return None


def _asked_column(table: Table, before: str, terms: tuple[str, ...]) -> int | None:
    """The column (not the rows' names) whose heading says the question term right before the
    superlative (「…地区生产总值增速最快」: 增速, as 「比上年增长」 says it; not 地区生产总值), or
    None when no heading says it."""
    placed = [(before.rfind(t), t) for t in terms if len(t) >= 2 and t in before]
    if not placed:
        return None
    asked = max(placed)[1]
    name = table.name_column
    credits = [(_says(cell, asked), j) for j, cell in enumerate(table.header) if j != name]
    credit, column = max(credits, default=(0.0, None))
    return column if credit > 0 else None


def _named(name: str, question: str) -> str:
    """The words by which the question names a row: its name, or most of it (「公共充电桩」 for
    「新建公共充电桩」: at least 4 characters and 60% of the name); "" when it does not."""
    if len(name) >= 2 and name in question:
        return name
    need = max(4, -(-len(name) * 3 // 5))
    for size in range(len(name) - 1, need - 1, -1):
        for i in range(len(name) - size + 1):
            if name[i : i + size] in question:
                return name[i : i + size]
    return ""


def _says(heading: str, term: str) -> float:
    """How far a column's heading says a question term: the term in it (「总分」), or the heading
    (without its unit in brackets) one of the term's words (「增速」 for 「增长」)."""
    bare = re.sub(r"[(（][^)）]*[)）]", "", heading)
    return max(term_credit(term, heading), term_credit(bare, term) if len(bare) >= 2 else 0.0)


def _tables_of(index: LoadedIndex, candidates: list[Candidate], depth: int) -> list[Table]:
    return [t for source in dict.fromkeys(c.source for c in candidates[:depth]) for t in _tables(index, source)]


def _tables(index: LoadedIndex, source: str) -> tuple[Table, ...]:
    doc = index.documents.get(source)
    return () if doc is None else _parse(source, doc.text)


@lru_cache(maxsize=256)
def _parse(source: str, text: str) -> tuple[Table, ...]:
    """Each run of ≥ 3 lines cut into the same number (≥ 2) of cells: the first is its header.
    Parsed once per document text (every value question looks at its best documents' tables)."""
    tables: list[Table] = []
    run: list = []
    caption = previous = ""
    at = 0

    def close() -> None:
        if len(run) >= 3:
            tables.append(Table(caption, [normalize(c).text for c in run[0][0]], run[1:]))

    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        cells = _CELL_SEPARATOR.split(stripped) if stripped else []
        if len(cells) < 2 or (run and len(cells) != len(run[0][0])):
            close()  # the table ends here (a line of another width may start the next)
            run = []
        if len(cells) >= 2:
            if not run:
                caption = normalize(previous).text
            begin = at + len(line) - len(line.lstrip())
            run.append((cells, Candidate(source, begin, begin + len(stripped), stripped,
                                         normalize(stripped).text, 0, 0.0, 0.0, 0.0, ())))
        if stripped:
            previous = stripped
        at += len(line)
    close()
    return tuple(tables)


__all__ = ["Cell", "Table", "extreme_row", "named_cell", "table_answer"]
