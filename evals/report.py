"""Write the eval report: ``latest.json`` (for CI and comparisons) and ``latest.md`` (for people)."""

from __future__ import annotations

import json
from pathlib import Path

ANSWER_CHARS_SHOWN = 240


def write_json(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _seconds(value: float | None) -> str:
    return "–" if value is None else f"{1000 * value:.0f} ms"


def _cell(text: str, limit: int | None = None) -> str:
    text = " ".join(str(text).split())
    if limit and len(text) > limit:
        text = text[:limit] + "…"
    return text.replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def render_markdown(report: dict, chart_name: str | None = "latest.png") -> str:
    levels = report["levels"]
    first = levels[0]
    systems = first["systems"]
    out = [
        "# PolicyQA eval report",
        "",
        (f"- created {report['created']}; {report['cases']} cases from `{report['dataset']}`; "
        f"corpus `{report['corpus']}`"),
        (f"- wall time {report['wall_seconds']:.1f} s on {report['machine']['cpus']} CPUs "
        f"(load average at the end {report['machine']['load_average']})"),
        _cache_line(report.get("embedding_cache")),
        f"- LLM mode: {'on, model ' + report['llm']['model'] if report['llm']['enabled'] else 'off (no endpoint configured)'}",
        f"- LLM-judge faithfulness: {_judge_line(report.get('judge'))}",
        "",
        f"## Key-fact accuracy by category (N = {first['distractors']} distractors)",
        "",
        ("Answerers are scored on their answers; retrievers on a naive answer, the text of their "
        "top-1 chunk (never refusing), which shows what the answerer adds."),
        "",
    ]
    names = list(systems)
    categories = list(systems["policyqa"]["metrics"])
    rows = []
    for category in categories[1:] + ["overall"]:
        count = systems["policyqa"]["metrics"][category]["count"]
        cells = [_pct(systems[n]["metrics"][category]["key_fact_accuracy"]) for n in names]
        row = [category, str(count)] + cells
        rows.append([f"**{c}**" for c in row] if category == "overall" else row)
    out += _table(["category", "n"] + [systems[n]["label"] for n in names], rows)
    if chart_name:
        out += [f"![per-category accuracy]({chart_name})", ""]

    out += ["## Answer quality", ""]
    answerers = [n for n in names if systems[n]["kind"] == "answerer"]
    quality = [
        ("refusal precision", "refusal_precision", _pct), ("refusal recall", "refusal_recall", _pct),
        ("citation support", "citation_support", _pct),
        ("answer length, median chars", "answer_chars_median", lambda v: _num(v, 0)),
        ("latency p50 (ask)", "latency_p50", _seconds), ("latency p95 (ask)", "latency_p95", _seconds),
        ("claim check: share of sentences removed", "claim_removed_share", _pct),
        ("LLM answers with an unsupported sentence", "unsupported_answer_share", _pct),
        ("LLM configured: offline answer shown", "fallback_share", _pct),
    ]
    out += _table(
        ["metric"] + [systems[n]["label"] for n in answerers],
        [[label] + [fmt(systems[n]["metrics"]["overall"][key]) for n in answerers]
         for label, key, fmt in quality],
    )

    out += ["## Retrieval against gold evidence", "",
            ("A passage hits when it contains one of the case's evidence strings verbatim; "
            "over the answerable cases; top 5 passages."), ""]
    retrievers = [n for n in names if systems[n]["kind"] != "answerer"]
    rows = []
    for n in retrievers:
        m = systems[n]["metrics"]["overall"]
        rows.append([systems[n]["label"].removesuffix(", top-1 chunk"), str(systems[n]["chunks"]), _pct(m["hit@1"]),
                     _pct(m["hit@3"]), _pct(m["hit@5"]), _num(m["mrr"]),
                     _seconds(m["latency_p50"]), _seconds(m["latency_p95"]),
                     ", ".join(systems[n]["evidence_unreachable"]) or "none"])
    out += _table(["retriever", "chunks", "hit@1", "hit@3", "hit@5", "MRR", "p50", "p95",
                   "evidence in no single chunk"], rows)

    if len(levels) > 1 or first["distractors"] > 0:
        out += _distractor_section(levels)
    out += _comparison_section(report.get("comparison"))
    out += _failures_section(levels)
    return "\n".join(out).rstrip() + "\n"


def _cache_line(cache: dict | None) -> str:
    if not cache:
        return "- passage embeddings: computed afresh (no cache), so index times are cold"
    return (f"- passage embeddings: {cache['hits']} from the cache `{cache['path']}`, "
            f"{cache['misses']} computed (index times are warm when most come from the cache)")


def _judge_line(judge: dict | None) -> str:
    if not judge:
        return "not run"
    if "skipped" in judge:
        return f"skipped: {judge['skipped']}"
    return (f"{_pct(judge['faithfulness'])} of {judge['statements']} statements supported "
            f"by their cited quotes ({judge['answers']} answers judged)")


def _distractor_section(levels: list[dict]) -> list[str]:
    base = next((lv for lv in levels if lv["distractors"] == 0), None)
    base_acc = base["systems"]["policyqa"]["metrics"]["overall"]["key_fact_accuracy"] if base else None
    header = ["N", "docs", "chunks", "index s", "PolicyQA acc", "Δ vs N=0", "refusal P / R",
              "ask p50 / p95"]
    retrievers = [n for n in levels[0]["systems"] if levels[0]["systems"][n]["kind"] != "answerer"]
    header += [f"{n} hit@5 / MRR" for n in retrievers]
    rows = []
    for lv in levels:
        m = lv["systems"]["policyqa"]["metrics"]["overall"]
        acc = m["key_fact_accuracy"]
        drop = "–" if base_acc is None else f"{100 * (acc - base_acc):+.1f} pts"
        row = [str(lv["distractors"]), str(lv["documents"]), str(lv["chunks"]),
               f"{lv['index_seconds']:.1f}", _pct(acc), drop,
               f"{_pct(m['refusal_precision'])} / {_pct(m['refusal_recall'])}",
               f"{_seconds(m['latency_p50'])} / {_seconds(m['latency_p95'])}"]
        for n in retrievers:
            r = lv["systems"].get(n, {}).get("metrics", {}).get("overall")
            row.append(f"{_pct(r['hit@5'])} / {_num(r['mrr'])}" if r else "–")
        rows.append(row)
    intro = ("Generated look-alike reports about other districts and companies "
             "(evals/distractors.py), added to a temporary copy of the corpus.")
    lost = _lost_to_distractors(levels) if len(levels) > 1 else []
    return ["## Distractors", "", intro, ""] + _table(header, rows) + lost


def _comparison_section(comparison: dict | None) -> list[str]:
    out = ["## Changes since the last report", ""]
    if not comparison or not comparison.get("against"):
        return out + ["No earlier report to compare with.", ""]
    out += [f"Compared with `{comparison['against']}` ({comparison['system']}).", ""]
    if not comparison["levels"]:
        out += ["The earlier report ran no matching distractor level.", ""]
    for lv in comparison["levels"]:
        out.append(f"- N = {lv['distractors']}: regressions: {', '.join(lv['regressions']) or 'none'}; "
                   f"fixes: {', '.join(lv['fixes']) or 'none'}"
                   + (f"; new cases: {', '.join(lv['new_cases'])}" if lv["new_cases"] else ""))
    return out + [""]


def _failures_section(levels: list[dict]) -> list[str]:
    first = levels[0]
    out = []
    for name in [n for n in first["cases"] if first["systems"][n]["kind"] == "answerer"]:
        failing = [c for c in first["cases"][name] if not c["passed"]]
        out += [(f"## Failing cases: {first['systems'][name]['label']}, N = {first['distractors']} "
                f"({len(failing)})"), ""]
        out += _failure_table(failing)
    return out


def _failure_table(failing: list[dict]) -> list[str]:
    rows = []
    for c in failing:
        missing = "; ".join(" / ".join(group) for group in c.get("missing_facts", []))
        if not c["answerable"]:
            missing = "should refuse"
        elif c["refused"]:
            why = f" ({c['refusal']})" if c.get("refusal") else ""
            missing = f"refused{why}; expected {missing or 'an answer'}"
        answer = c.get("error") or c.get("answer", "")
        rows.append([c["id"], c["category"], _cell(c.get("question", "")),
                     _cell(answer, ANSWER_CHARS_SHOWN), _cell(missing)])
    return _table(["id", "category", "question", "answer", "missing facts"], rows) if rows else ["none", ""]


def _lost_to_distractors(levels: list[dict]) -> list[str]:
    """Per answerer and level: cases that pass at the first level and fail at this one."""
    first, out = levels[0], []
    for name in [n for n in first["cases"] if first["systems"][n]["kind"] == "answerer"]:
        passed0 = {c["id"]: c["passed"] for c in first["cases"][name]}
        out += [f"{first['systems'][name]['label']}, against N = {first['distractors']}:", ""]
        for lv in levels[1:]:
            now = {c["id"]: c["passed"] for c in lv["cases"].get(name, [])}
            lost = [i for i, ok in now.items() if not ok and passed0.get(i)]
            gained = [i for i, ok in now.items() if ok and passed0.get(i) is False]
            out += [(f"- N = {lv['distractors']}: lost to distractors: {', '.join(lost) or 'none'}; "
                    f"newly passing: {', '.join(gained) or 'none'}")]
        last = levels[-1]
        lost = [c for c in last["cases"].get(name, []) if not c["passed"] and passed0.get(c["id"])]
        out += ["", f"Cases lost at N = {last['distractors']}:", ""] + _failure_table(lost)
    return out
