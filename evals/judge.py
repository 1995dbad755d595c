"""Optional LLM-judge faithfulness (ragas-style): the configured LLM marks each statement of an
answer supported or unsupported by the answer's cited quotes. Runs only with an endpoint."""

from __future__ import annotations

import json
import re
from pathlib import Path

from agent.redact import redact

PROMPT_PATH = Path(__file__).with_name("prompts") / "judge_faithfulness.txt"
MAX_ANSWERS = 40
_STATEMENTS = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def statements(answer: str) -> list[str]:
    """The answer's own statements: its text before the quoted evidence, split at sentence ends."""
    head = re.split(r"\n\s*(?:依据|依據|Sources?)[:：]", answer, maxsplit=1)[0]
    return [s.strip() for s in _STATEMENTS.findall(head) if len(s.strip()) > 1]


def skip_reason(llm_config) -> str | None:
    if not llm_config.enabled:
        return "no LLM endpoint configured (set QA_LLM_BASE_URL and QA_LLM_MODEL)"
    return None


def judge_faithfulness(llm_config, records, chat_model=None) -> dict:
    """``{"faithfulness", "statements", "answers"}`` over non-refused answers with quotes."""
    reason = skip_reason(llm_config) if chat_model is None else None
    if reason:
        return {"skipped": reason}
    if chat_model is None:
        from agent.llm.chat import build_chat_model

        chat_model = build_chat_model(llm_config)
    template = PROMPT_PATH.read_text(encoding="utf-8")
    supported = total = judged = 0
    for record in [r for r in records if not r.refused and r.quotes][:MAX_ANSWERS]:
        claims = statements(record.answer)
        if not claims:
            continue
        prompt = template.format(
            quotes="\n".join(f"[{i}] {q}" for i, q in enumerate(record.quotes, start=1)),
            statements="\n".join(f"{i}. {s}" for i, s in enumerate(claims, start=1)),
        )
        try:
            verdicts = _verdicts(chat_model.invoke(prompt).content, len(claims))
        except Exception as exc:  # noqa: BLE001 -- provider errors vary; report, do not crash the run
            detail = redact(str(exc), llm_config.api_key)  # an endpoint may echo the key
            return {"skipped": f"LLM judge failed: {type(exc).__name__}: {detail}"}
        supported += sum(verdicts)
        total += len(claims)
        judged += 1
    if not total:
        return {"skipped": "no answered cases with quotes to judge"}
    return {"faithfulness": supported / total, "statements": total, "answers": judged}


def _verdicts(reply: str, count: int) -> list[bool]:
    """Parse a JSON list like ``["supported", "unsupported"]``; missing verdicts count as
    unsupported."""
    match = re.search(r"\[.*\]", reply, re.DOTALL)
    try:
        items = json.loads(match.group(0)) if match else []
    except ValueError:
        items = []
    verdicts = [str(v).strip().lower() == "supported" for v in items][:count]
    return verdicts + [False] * (count - len(verdicts))
