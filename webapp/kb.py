"""What the knowledge-base and status tabs do: table, upload, delete, rebuild, LLM settings."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlsplit

import gradio as gr
import pandas as pd

from agent import LLMConfig, PolicyQA
from agent.errors import PolicyQAError
from ingest.errors import IngestError
from webapp.chat import ChatHandlers
from webapp.library import COLUMNS, DEFAULT_SORT, summary_line, table_rows
from webapp.status import status_markdown
from webapp.uploads import UploadProgress, index_uploads


class LibraryHandlers:
    """Shares the chat's `PolicyQA` and its lock: changes to the corpus run one at a time."""

    def __init__(self, chat: ChatHandlers) -> None:
        self.chat = chat

    @property
    def qa(self) -> PolicyQA:
        return self.chat.qa

    # table -------------------------------------------------------------------------------------
    def table(self, query: str = "", sort: str = DEFAULT_SORT) -> tuple[pd.DataFrame, str]:
        docs = self.qa.catalog()
        rows = table_rows(docs, query, sort)
        return pd.DataFrame(rows, columns=COLUMNS), summary_line(docs, len(rows))

    def choices(self) -> list[tuple[str, str]]:
        """(label, source) of every document, for the delete picker."""
        return [
            (f"{d.title}（{d.source}）" if d.title else d.source, d.source) for d in self.qa.catalog()
        ]

    def views(self, query: str = "", sort: str = DEFAULT_SORT) -> tuple:
        """Everything that shows the corpus: table, its summary, the delete picker, the
        example questions and the status view."""
        frame, summary = self.table(query, sort)
        sources = [s for _, s in self.choices()]
        return (
            frame,
            summary,
            gr.update(choices=self.choices(), value=None if not sources else sources[0]),
            gr.update(samples=[[q] for q in self.chat.examples()]),
            self.status(),
        )

    def status(self) -> str:
        return status_markdown(self.qa.settings, self.qa.stats())

    # changes -----------------------------------------------------------------------------------
    def upload(self, files: list | None, query: str = "", sort: str = DEFAULT_SORT, progress=None):
        """Index uploaded files: ``(per-file outcomes, *views)``; progress goes to ``progress``."""
        paths = [Path(file_path(f)) for f in files or []]
        if not paths:
            return ("没有选择文件。", *self.views(query, sort))

        def report(p: UploadProgress) -> None:
            if progress is not None:
                progress(p.fraction, desc=p.label())

        try:
            with self.chat.corpus_lock:
                outcomes = index_uploads(self.qa, paths, report)
        except (PolicyQAError, IngestError, OSError) as exc:
            raise gr.Error(f"更新索引失败：{exc}；已收录的文档保持不变", title="上传失败") from exc
        added = sum(o.status in ("added", "updated") for o in outcomes)
        lines = [f"**上传 {len(outcomes)} 个文件，入库 {added} 个**", ""]
        lines += [f"- {html.escape(o.line(), quote=False)}" for o in outcomes]  # names are text
        return ("\n".join(lines), *self.views(query, sort))

    def confirm_delete(self, source: str | None):
        """Step 1 of deleting: show the confirmation with what will happen."""
        if not source:
            return gr.update(visible=False), "请先在表格中点选或在下拉框中选择要删除的文档。"
        return gr.update(visible=True), (
            f"确定删除 **{source}** 吗？文件会从语料目录移除，索引随即更新，回答不再引用它。"
        )

    def delete(self, source: str | None, query: str = "", sort: str = DEFAULT_SORT):
        """Step 2: ``(hide confirmation, result message, *views)``."""
        if not source:
            return (gr.update(visible=False), "没有选择文档。", *self.views(query, sort))
        try:
            with self.chat.corpus_lock:
                report = self.qa.remove_document(source)
        except (PolicyQAError, IngestError, OSError) as exc:
            raise gr.Error(f"删除失败：{exc}", title="删除失败") from exc
        message = f"已删除 {source}；索引现有 {len(self.qa.documents())} 篇文档、{report.chunks} 块。"
        return (gr.update(visible=False), message, *self.views(query, sort))

    def rebuild(self, query: str = "", sort: str = DEFAULT_SORT, progress=None):
        """Rebuild the index from the corpus folder: ``(hide confirmation, message, *views)``."""
        if progress is not None:
            progress(None, desc="正在重建索引（重新读取并嵌入全部文档）…")
        try:
            with self.chat.corpus_lock, self.chat.gate.rebuilding():
                report = self.qa.rebuild()
        except (PolicyQAError, IngestError, OSError) as exc:
            raise gr.Error(f"重建索引失败：{exc}", title="重建失败") from exc
        message = (
            f"索引已重建：{len(self.qa.documents())} 篇文档、{report.chunks} 块，"
            f"嵌入 {report.embedded} 条，用时 {report.seconds:.1f} 秒。"
        )
        return (gr.update(visible=False), message, *self.views(query, sort))

    def save_llm(self, base_url: str, model: str, api_key: str) -> tuple[str, str, str]:
        """Use another LLM endpoint from now on (this process only): ``(status, key box, message)``.

        An empty key keeps the key already set, but only for the same endpoint (scheme, host and
        port): a page visitor who points the app at another server must not receive the key in
        its Authorization header. The key box is always emptied."""
        base_url, model = (base_url or "").strip(), (model or "").strip()
        if bool(base_url) != bool(model):
            raise gr.Error("大模型接口地址和模型名称要同时填写（或同时留空改用离线抽取）", title="设置无效")
        if base_url and not base_url.startswith(("http://", "https://")):
            raise gr.Error(f"接口地址 {base_url!r} 无效；请写成 http(s)://…/v1", title="设置无效")
        old = self.qa.settings.llm
        same = base_url and _origin(base_url) == _origin(old.base_url)
        key = (api_key or "").strip() or (old.api_key if same else "")
        self.qa.use_llm(LLMConfig(base_url, model, key, old.timeout, old.max_retries, old.connect_budget))
        message = f"已改用大模型 {model}" if base_url else "已改为离线抽取"
        return self.status(), "", message + "（仅本次运行有效；长期设置请用 QA_LLM_* 环境变量）"


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return parts.scheme.lower(), (parts.hostname or "").lower(), port


def file_path(item) -> str:
    """Gradio passes uploads as paths (``type="filepath"``) or as objects with ``.path``/``.name``."""
    return item if isinstance(item, (str, Path)) else getattr(item, "path", None) or item.name
