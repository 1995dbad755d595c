"""What the chat tab does, as plain methods that tests call directly."""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import gradio as gr

from agent import PolicyQA, Turn
from agent.errors import PolicyQAError
from ingest.errors import IngestError
from webapp.docview import PLACEHOLDER, parse_span, passage_html
from webapp.examples import example_questions
from webapp.gate import AnswerGate
from webapp.reply import reply_markdown


class ChatHandlers:
    """``records`` is the per-session list of answered turns:
    ``{question, answer, short, citations, mode, message_index}``: the answer as the
    library returned it (not the rendered message), keyed by its message in the chat.
    """

    def __init__(self, qa: PolicyQA, feedback_path: Path | None = None) -> None:
        self.qa = qa
        self.feedback_path = Path(feedback_path or qa.settings.feedback_path)
        self.corpus_lock = threading.Lock()  # uploads, deletions and rebuilds, one at a time
        self.gate = AnswerGate()  # answers run beside uploads, never during a rebuild

    # answering ---------------------------------------------------------------------------------
    def respond(
        self, message: str, chat: list | None, records: list | None = None
    ) -> Iterator[tuple[str, list, list]]:
        """Stream an answer: yields ``(textbox, chat, records)``."""
        with self.gate.answering():
            yield from self._respond(message, chat, records)

    def _respond(self, message: str, chat: list | None, records: list | None) -> Iterator[tuple[str, list, list]]:
        chat = list(chat or [])
        records = list(records or [])
        history = self._history(chat, records)
        try:
            stream = self.qa.stream(message, history)
            first = next(stream)  # raises on bad input before the chat changes
        except (PolicyQAError, IngestError) as exc:
            raise gr.Error(str(exc), title="无法回答") from exc
        chat += [
            {"role": "user", "content": message.strip()},
            {"role": "assistant", "content": self._render(first, final=False)},
        ]
        yield "", list(chat), list(records)
        answer = first
        try:
            for answer in stream:
                chat[-1] = {"role": "assistant", "content": self._render(answer, final=False)}
                yield "", list(chat), list(records)
        except (PolicyQAError, IngestError) as exc:
            raise gr.Error(str(exc), title="回答中断") from exc
        if answer.notice:
            gr.Warning(answer.notice, title="提示")
        chat[-1] = {"role": "assistant", "content": self._render(answer)}
        records.append(
            {
                "question": message.strip(),
                "answer": answer.text,
                "short": answer.short,
                "citations": [asdict(c) for c in answer.citations],
                "mode": answer.mode,
                "message_index": len(chat) - 1,
            }
        )
        yield "", chat, records

    def open_citation(self, link: str) -> str:
        """The document view for a citation link's query (``source=…&start=…&end=…``)."""
        span = parse_span(link or "")
        if span is None:
            return placeholder_html()
        doc = self.qa.index.documents.get(span.source)
        if doc is None:
            return (
                "<div class='qa-docview' id='qa-docview'><p class='qa-gone'>"
                f"文档 {html.escape(span.source)} 已从知识库删除，无法显示原文。</p></div>"
            )
        return passage_html(doc, span.start, span.end)

    def examples(self) -> list[str]:
        """Example questions from the indexed documents, newest first."""
        added = {d.source: d.added for d in self.qa.catalog()}
        docs = sorted(self.qa.documents(), key=lambda d: (added.get(d.source, ""), d.source), reverse=True)
        return example_questions(docs)

    def titles(self) -> dict[str, str]:
        return {d.source: d.meta.title for d in self.qa.documents()}

    def _render(self, answer, final: bool = True) -> str:
        return reply_markdown(answer, final=final, titles=self.titles(), model=self.qa.settings.llm.model)

    # feedback ----------------------------------------------------------------------------------
    def feedback(
        self, records: list | None, message_index: int, liked, comment: str = ""
    ) -> dict | None:
        """Append a thumbs-down to the feedback JSONL; returns the record written (or None)."""
        if liked is not False:
            return None
        record = next((r for r in records or [] if r.get("message_index") == message_index), None)
        if record is None:
            return None
        entry = {
            "question": record["question"],
            "answer": record["answer"],
            "citations": record["citations"],
            "comment": (comment or "").strip(),
            "time": datetime.now(UTC).isoformat(timespec="seconds"),
            "liked": False,
            "mode": record.get("mode", ""),
        }
        self.feedback_path.parent.mkdir(parents=True, exist_ok=True)
        with self.feedback_path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return entry

    @staticmethod
    def _history(chat: list, records: list) -> list[Turn]:
        if records:
            return [Turn(r["question"], r["answer"]) for r in records]
        turns: list[Turn] = []  # no records (e.g. an API client): read the visible chat
        for item in chat:
            text = message_text(item.get("content", ""))
            if item.get("role") == "user":
                turns.append(Turn(text))
            elif item.get("role") == "assistant" and turns:
                turns[-1] = Turn(turns[-1].question, text)
        return turns


def placeholder_html() -> str:
    return f"<div class='qa-docview' id='qa-docview'><p class='qa-placeholder'>{PLACEHOLDER}</p></div>"


def message_text(content) -> str:
    """Text of a chat message whose content is a string or Gradio 6's list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text", ""))
    if isinstance(content, (list, tuple)):
        return "".join(message_text(part) for part in content)
    return ""
