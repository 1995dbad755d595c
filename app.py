"""PolicyQA web app: a Gradio chat over the corpus. The only module that imports gradio.

    python app.py [--host H] [--port P] [--corpus DIR] [--index DIR]

The handlers are plain methods of `ChatHandlers` (tests call them directly); `build_app` only
wires them to components; `main` opens the index (building it when missing or stale) and serves.
"""

import argparse
import json
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from agent import Answer, Citation, PolicyQA, Settings, Turn
from agent.errors import PolicyQAError
from ingest.errors import IngestError
from ingest.pipeline import NOT_DOCUMENTS, SUPPORTED

TITLE = "PolicyQA 政策文件问答"
EXAMPLES = [  # questions about the shipped seed document, in Simplified, Traditional and English
    "并济科技的算力接入了哪个经济圈？",
    "東興區人工智能產業營收增長了多少？",
    "How much computing power does the Chengyu center built by Bingji Technology run stably?",
]
THINKING = "正在检索资料…"
MODES = {"offline": "离线抽取", "llm": "大模型生成"}
QUOTE_PREVIEW = 160  # characters of a quote shown in the side panel


# formatting --------------------------------------------------------------------------------------
def location(cite: Citation) -> str:
    """``corpus/x.pdf 第 3 页 〔一、总体要求〕 第 121–180 字`` (1-based, inclusive)."""
    parts = [f"`{cite.source}`"]
    if cite.page is not None:
        parts.append(f"第 {cite.page} 页")
    if cite.heading:
        parts.append(f"〔{_plain(cite.heading)}〕")
    parts.append(f"第 {cite.start + 1}–{cite.end} 字")
    return " ".join(parts)


def reply_markdown(answer: Answer, final: bool = True) -> str:
    """The chat reply: the answer, then one source line per citation and a status line."""
    lines = [answer.text or THINKING]
    if answer.notice:
        lines += ["", f"> {answer.notice}"]
    if final and answer.citations:
        lines += ["", "**出处**"]
        lines += [f"[{n}] {location(c)}" for n, c in enumerate(answer.citations, start=1)]
    if final:
        lines += ["", f"<sub>{MODES.get(answer.mode, answer.mode)} · {answer.seconds:.2f} 秒</sub>"]
    return "\n".join(lines)


def quotes_markdown(answer: Answer) -> str:
    """The side panel: every cited passage as it stands in the original document."""
    if not answer.citations:
        return "本次回答没有引用原文。" if answer.refused else ""
    lines = ["### 引用原文"]
    for n, cite in enumerate(answer.citations, start=1):
        quote = _plain(cite.quote)
        if len(quote) > QUOTE_PREVIEW:
            quote = quote[:QUOTE_PREVIEW] + "…"
        lines.append(f"[{n}] {location(cite)}：「{quote}」")
        lines.append("")
    return "\n".join(lines).strip()


def _plain(text: str) -> str:
    """One line of text that Markdown shows literally."""
    text = " ".join(text.split())
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def _message_text(content) -> str:
    """Text of a chat message whose content is a string or Gradio 6's list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text", ""))
    if isinstance(content, (list, tuple)):
        return "".join(_message_text(part) for part in content)
    return ""


# handlers ----------------------------------------------------------------------------------------
class ChatHandlers:
    """What the UI does, as plain methods. ``records`` is the per-session list of answered turns.

    A record is ``{question, answer, short, citations, mode, message_index}``: the answer as the
    library returned it (not the rendered Markdown), keyed by its message in the chat.
    """

    def __init__(self, qa: PolicyQA, feedback_path: Path | None = None) -> None:
        self.qa = qa
        self.feedback_path = Path(feedback_path or qa.settings.feedback_path)
        self._corpus_lock = threading.Lock()

    def respond(
        self, message: str, chat: list | None, records: list | None = None
    ) -> Iterator[tuple[str, list, list, str]]:
        """Stream an answer: yields ``(textbox, chat, records, quotes panel)``."""
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
            {"role": "assistant", "content": reply_markdown(first, final=False)},
        ]
        yield "", list(chat), list(records), ""
        answer = first
        try:
            for answer in stream:
                chat[-1] = {"role": "assistant", "content": reply_markdown(answer, final=False)}
                yield "", list(chat), list(records), ""
        except (PolicyQAError, IngestError) as exc:
            raise gr.Error(str(exc), title="回答中断") from exc
        if answer.notice:
            gr.Warning(answer.notice, title="提示")
        chat[-1] = {"role": "assistant", "content": reply_markdown(answer)}
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
        yield "", chat, records, quotes_markdown(answer)

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

    def upload(self, files: list | None) -> tuple[str, str]:
        """Copy uploaded documents into the corpus folder and re-index: ``(status, documents)``."""
        paths = [Path(_file_path(f)) for f in files or []]
        if not paths:
            return "没有选择文件。", self.documents_markdown()
        corpus = Path(self.qa.settings.corpus_dir)
        accepted, refused = [], []
        for path in paths:
            if path.suffix.lower() not in SUPPORTED:
                refused.append(
                    f"{path.name}：不支持的格式 {path.suffix or '（无扩展名）'}；"
                    f"请上传 {'、'.join(sorted(SUPPORTED))} 文件"
                )
            elif path.name.startswith("."):
                refused.append(f"{path.name}：以“.”开头的文件不会被索引；请改名后重新上传")
            elif path.name.lower() in NOT_DOCUMENTS:
                refused.append(
                    f"{path.name}：这是语料目录自己的说明文件名，不会被索引；请改名后重新上传"
                )
            else:
                accepted.append(path)
        lines = [f"未加入 {line}" for line in refused]
        if accepted:
            try:
                with self._corpus_lock:
                    corpus.mkdir(parents=True, exist_ok=True)
                    replaced = [p.name for p in accepted if (corpus / p.name).exists()]
                    for path in accepted:
                        shutil.copyfile(path, corpus / path.name)
                    report = self.qa.refresh()
            except (PolicyQAError, IngestError, OSError) as exc:
                raise gr.Error(f"更新索引失败：{exc}", title="上传失败") from exc
            lines.insert(0, f"已加入 {corpus}：{'、'.join(p.name for p in accepted)}")
            if replaced:
                lines.insert(1, f"替换了同名文件：{'、'.join(replaced)}")
            lines.append(report.summary())
        return "\n".join(lines), self.documents_markdown()

    def documents_markdown(self) -> str:
        docs = sorted(self.qa.documents(), key=lambda d: d.source)
        lines = [f"**已收录 {len(docs)} 篇文档**"]
        lines += [
            f"- `{d.source}`" + (f" {_plain(d.meta.title)}" if d.meta.title else "") for d in docs
        ]
        return "\n".join(lines)

    @staticmethod
    def _history(chat: list, records: list) -> list[Turn]:
        if records:
            return [Turn(r["question"], r["answer"]) for r in records]
        turns: list[Turn] = []  # no records (e.g. an API client): read the visible chat
        for item in chat:
            text = _message_text(item.get("content", ""))
            if item.get("role") == "user":
                turns.append(Turn(text))
            elif item.get("role") == "assistant" and turns:
                turns[-1] = Turn(turns[-1].question, text)
        return turns


def _file_path(item) -> str:
    """Gradio passes uploads as paths (``type="filepath"``) or as objects with ``.name``."""
    return item if isinstance(item, (str, Path)) else getattr(item, "path", None) or item.name


# layout ------------------------------------------------------------------------------------------
def build_app(qa: PolicyQA, handlers: ChatHandlers | None = None) -> gr.Blocks:
    handlers = handlers or ChatHandlers(qa)
    types = sorted(SUPPORTED)
    with gr.Blocks(title=TITLE, fill_width=True) as app:
        gr.Markdown(
            f"# {TITLE}\n根据已收录的文件回答问题，每个回答都附带原文出处；资料中没有的内容会明确说明。"
        )
        records = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(
                    label="对话",
                    height=560,
                    placeholder="向已收录的政策文件提问，例如：并济科技的算力接入了哪个经济圈？",
                    feedback_options=("Like", "Dislike"),
                    buttons=["copy"],
                )
                question = gr.Textbox(
                    show_label=False,
                    placeholder="输入问题，按回车发送（支持简体、繁體和 English）",
                    lines=1,
                    max_lines=4,
                    submit_btn="发送",
                    autofocus=True,
                    elem_id="question",
                )
                gr.Examples(EXAMPLES, inputs=question, label="示例问题")
                with gr.Row():
                    comment = gr.Textbox(
                        label="点踩时附上说明（可选）",
                        placeholder="例如：答案不完整 / 引用的段落不对",
                        scale=4,
                        elem_id="feedback-comment",
                    )
                    clear = gr.ClearButton(value="清空对话", scale=1)
            with gr.Column(scale=2):
                quotes = gr.Markdown(label="引用原文")
                with gr.Accordion("文档库", open=False):
                    documents = gr.Markdown(handlers.documents_markdown())
                    upload = gr.File(
                        label=f"上传文档（{' '.join(types)}），上传后自动重建索引",
                        file_count="multiple",
                        file_types=types,
                        type="filepath",
                    )
                    status = gr.Textbox(label="索引更新", interactive=False, lines=4)

        question.submit(
            handlers.respond,
            inputs=[question, chat, records],
            outputs=[question, chat, records, quotes],
            concurrency_id="corpus",
        )
        chat.like(_like_handler(handlers), inputs=[records, comment], outputs=[comment])
        upload.upload(
            handlers.upload,
            inputs=[upload],
            outputs=[status, documents],
            concurrency_id="corpus",
        )
        clear.add([chat, records, quotes, question])
    return app


def _like_handler(handlers: ChatHandlers):
    def on_like(records: list, comment: str, data: gr.LikeData) -> str:
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        if handlers.feedback(records, index, data.liked, comment) is None:
            return comment
        gr.Info(f"已记录反馈到 {handlers.feedback_path}，谢谢！", title="反馈")
        return ""

    return on_like


# entry point -------------------------------------------------------------------------------------
def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=f"{TITLE}（Gradio 网页）")
    parser.add_argument("--host", help="监听地址（默认 QA_HOST 或 127.0.0.1）")
    parser.add_argument("--port", type=int, help="端口（默认 QA_PORT 或 7860）")
    parser.add_argument("--corpus", help="语料目录（默认 QA_CORPUS_DIR 或 corpus）")
    parser.add_argument("--index", help="索引目录（默认 QA_INDEX_DIR 或 .index）")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        settings = Settings.from_env(
            corpus_dir=args.corpus, index_dir=args.index, host=args.host, port=args.port
        )
        qa = PolicyQA.open(settings=settings)
    except (PolicyQAError, IngestError) as exc:
        print(f"启动失败：{exc}", file=sys.stderr)
        return 2
    if qa.report is not None:
        print(qa.report.summary(), flush=True)
    theme = gr.themes.Soft(
        font=["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"],
        font_mono=["Noto Sans Mono CJK SC", "monospace"],
    )  # local fonts only: no request to a font CDN
    try:
        build_app(qa).queue().launch(
            server_name=settings.host,
            server_port=settings.port,
            max_file_size=settings.ingest.max_file_bytes,
            theme=theme,
        )
    except OSError as exc:  # Gradio: "Cannot find empty port in range: 7860-7860"
        print(
            f"无法在 {settings.host}:{settings.port} 启动网页：{exc}；"
            "端口可能已被占用，请用 --port 或 QA_PORT 换一个端口",
            file=sys.stderr,
        )
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
