"""Tables as text: one line per row, every cell next to its column header."""

from __future__ import annotations

import re

_SPACE = re.compile(r"\s+")


def table_lines(rows: list[list[str]]) -> list[str]:
    """The first row is the header; each later row becomes ``头1：值1；头2：值2``.

    Empty cells are left out; a cell under an empty (or repeated) header is kept alone.
    A table of one row becomes a single line of its cells joined with ``；``.
    """
    rows = [[_SPACE.sub(" ", cell).strip() for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    header, body = rows[0], rows[1:]
    if not body:
        return ["；".join(cell for cell in header if cell)]
    lines = []
    for row in body:
        pairs = []
        for i, cell in enumerate(row):
            if not cell:
                continue
            name = header[i] if i < len(header) else ""
            pairs.append(f"{name}：{cell}" if name and name != cell else cell)
        if pairs:
            lines.append("；".join(pairs))
    return lines
