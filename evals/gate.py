"""The CI gate: every metric named in ``thresholds.toml`` must reach its minimum.

The gate reads PolicyQA's offline answers at the run's first (smallest) distractor level.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

THRESHOLDS_PATH = Path(__file__).with_name("thresholds.toml")
SYSTEM = "policyqa"
OVERALL_METRICS = ("key_fact_accuracy", "refusal_precision", "refusal_recall", "citation_support")


class ThresholdsError(ValueError):
    """The thresholds file is malformed; the message names the key and the fix."""


def load_thresholds(path: Path = THRESHOLDS_PATH) -> dict[str, dict[str, float]]:
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ThresholdsError(f"{path}: not valid TOML ({exc})") from exc
    result: dict[str, dict[str, float]] = {"overall": {}, "key_fact_accuracy": {}}
    for table, values in raw.items():
        if table not in result or not isinstance(values, dict):
            raise ThresholdsError(
                f"{path}: unknown table [{table}]; use [overall] and [key_fact_accuracy]"
            )
        for key, value in values.items():
            if table == "overall" and key not in OVERALL_METRICS:
                raise ThresholdsError(
                    f"{path}: unknown metric overall.{key}; use one of {', '.join(OVERALL_METRICS)}"
                )
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ThresholdsError(f"{path}: {table}.{key} = {value!r}; use a share from 0 to 1")
            result[table][key] = float(value)
    return result


def check(report: dict, thresholds: dict[str, dict[str, float]], system: str = SYSTEM) -> list[str]:
    """One line per metric below its threshold (empty list: the gate passes)."""
    if not report.get("levels"):
        return ["report has no levels: run the suite first"]
    level = report["levels"][0]
    metrics = level["systems"].get(system, {}).get("metrics")
    if metrics is None:
        return [f"report has no system {system!r}"]
    failures = []
    for name, minimum in thresholds.get("overall", {}).items():
        failures += _below(f"overall {name}", metrics["overall"].get(name), minimum)
    for category, minimum in thresholds.get("key_fact_accuracy", {}).items():
        value = metrics.get(category, {}).get("key_fact_accuracy")
        failures += _below(f"{category} key_fact_accuracy", value, minimum)
    return failures


def _below(what: str, value: float | None, minimum: float) -> list[str]:
    if value is None:
        return [f"{what}: not measured (threshold {minimum:.2f})"]
    if value + 1e-9 < minimum:
        return [f"{what}: {value:.3f} < threshold {minimum:.2f}"]
    return []
