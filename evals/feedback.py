"""Turn the chat UI's thumbs-down records into draft eval cases for a person to review.

Drafts go to their own file (never into dataset.jsonl): a reviewer fills in ``key_facts``,
decides ``answerable`` and the category, removes ``needs_review``/``draft`` fields, and moves
the case into the dataset by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

DEFAULT_INPUT = Path("evals/feedback/feedback.jsonl")
DEFAULT_OUTPUT = Path("evals/feedback/draft_cases.jsonl")


class FeedbackFormatError(ValueError):
    """A feedback line is malformed; the message names the file and line."""


def read_feedback(path: Path) -> list[dict]:
    records = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise FeedbackFormatError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(record, dict) or not str(record.get("question", "")).strip():
            raise FeedbackFormatError(f"{path}:{number}: expected an object with a question")
        records.append(record)
    return records


def _quotes(citations) -> list[str]:
    quotes = []
    for cite in citations or []:
        quote = cite.get("quote", "") if isinstance(cite, dict) else str(cite)
        if quote.strip() and quote not in quotes:
            quotes.append(quote)
    return quotes


def draft_cases(records: list[dict]) -> list[dict]:
    """One draft per thumbs-down record (``liked`` false or missing), repeated questions once."""
    drafts: list[dict] = []
    seen: set[str] = set()
    for record in records:
        question = str(record["question"]).strip()
        if record.get("liked") is True or question in seen:
            continue
        seen.add(question)
        drafts.append({
            "id": f"draft-{len(drafts) + 1:03d}",
            "question": question,
            "key_facts": [],
            "answerable": True,
            "needs_review": True,
            "category": "fact",
            "evidence": _quotes(record.get("citations")),
            "draft": {
                "comment": str(record.get("comment", "")),
                "answer": str(record.get("answer", "")),
                "time": str(record.get("time", "")),
                "mode": str(record.get("mode", "")),
            },
        })
    return drafts


def import_feedback(input_path: Path = DEFAULT_INPUT, output_path: Path = DEFAULT_OUTPUT) -> list[dict]:
    """Read thumbs-down JSONL, write draft cases to ``output_path`` (overwritten); return them."""
    if not Path(input_path).is_file():
        raise FileNotFoundError(
            f"no feedback file at {input_path}; thumbs-down in the chat UI writes it "
            "(or pass --input PATH)"
        )
    drafts = draft_cases(read_feedback(input_path))
    output_path = Path(output_path)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    output_path.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in drafts), encoding="utf-8"
    )
    return drafts
