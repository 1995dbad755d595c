"""Compare a run with the last committed report: which cases regressed and which were fixed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

SYSTEM = "policyqa"


def previous_report(path: Path) -> tuple[dict | None, str]:
    """The report committed at ``HEAD`` for ``path``, else the file as it is on disk (before it
    is overwritten), else None. Returns ``(report, where it came from)``."""
    path = Path(path).resolve()
    try:
        top = subprocess.run(
            ["git", "-C", str(path.parent), "rev-parse", "--show-toplevel"],
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout.strip()
        relative = path.relative_to(Path(top).resolve()).as_posix()
        shown = subprocess.run(
            ["git", "-C", top, "show", f"HEAD:{relative}"],
            capture_output=True, text=True, check=True, timeout=10,
        ).stdout
        return json.loads(shown), f"git HEAD:{relative}"
    except (OSError, ValueError, subprocess.SubprocessError):
        pass
    if path.is_file():
        try:
            cwd = Path.cwd().resolve()
            where = path.relative_to(cwd) if path.is_relative_to(cwd) else path
            return json.loads(path.read_text(encoding="utf-8")), str(where)
        except ValueError:
            return None, ""
    return None, ""


def _passed(report: dict, distractors: int, system: str) -> dict[str, bool] | None:
    for level in report.get("levels", []):
        if level.get("distractors") == distractors and system in level.get("cases", {}):
            return {c["id"]: bool(c["passed"]) for c in level["cases"][system]}
    return None


def compare(previous: dict | None, current: dict, where: str = "", system: str = SYSTEM) -> dict:
    """Regressions (passed before, fail now) and fixes (failed before, pass now), by case id,
    at every distractor level both reports ran."""
    result = {"against": where or None, "system": system, "levels": []}
    if previous is None:
        return result
    for level in current.get("levels", []):
        n = level["distractors"]
        before, now = _passed(previous, n, system), _passed(current, n, system)
        if before is None or now is None:
            continue
        result["levels"].append({
            "distractors": n,
            "regressions": sorted(i for i, ok in now.items() if not ok and before.get(i) is True),
            "fixes": sorted(i for i, ok in now.items() if ok and before.get(i) is False),
            "new_cases": sorted(i for i in now if i not in before),
        })
    return result
