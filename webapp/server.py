"""The HTTP server: the Gradio app at ``/`` plus ``/document`` (a whole document, the cited
passage marked) and ``/document/file`` (the original file), both only for indexed documents."""

from __future__ import annotations

import html
import socket
from importlib import resources
from urllib.parse import urlencode

import gradio as gr
from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse

from agent import PolicyQA
from agent.catalog import source_path
from webapp.docview import full_document_html

FONTS = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"]


def static_text(name: str) -> str:
    return resources.files("webapp").joinpath("static", name).read_text(encoding="utf-8")


def create_server(qa: PolicyQA, blocks: gr.Blocks) -> FastAPI:
    api = FastAPI(title="PolicyQA")

    @api.get("/document", response_class=HTMLResponse)
    def document(source: str, start: int | None = None, end: int | None = None) -> HTMLResponse:
        doc = qa.index.documents.get(source)
        if doc is None:
            return HTMLResponse(
                f"<!doctype html><meta charset='utf-8'><p>知识库中没有文档 {html.escape(source)}"
                "（可能已被删除）；请回到问答页面重新提问。</p>",
                status_code=404,
            )
        page = full_document_html(doc, start, end)
        path = source_path(qa.settings.corpus_dir, source)
        if path is not None and path.is_file():
            link = html.escape("document/file?" + urlencode({"source": source}))
            page = page.replace("</main>", f"</main><p><a href='{link}'>下载原文件</a></p>", 1)
        return HTMLResponse(page)

    @api.get("/document/file")
    def document_file(source: str):
        path = source_path(qa.settings.corpus_dir, source)
        if source not in qa.index.documents or path is None or not path.is_file():
            return HTMLResponse("<!doctype html><meta charset='utf-8'><p>没有这个文件。</p>", status_code=404)
        return FileResponse(path, filename=path.name)

    theme = gr.themes.Soft(font=FONTS, font_mono=["Noto Sans Mono CJK SC", "monospace"])
    return gr.mount_gradio_app(
        api,
        blocks.queue(),
        path="/",
        theme=theme,  # local fonts only: no request to a font CDN
        css=static_text("app.css"),
        head=f"<script>{static_text('app.js')}</script>",
        max_file_size=qa.settings.ingest.max_file_bytes,
        footer_links=[],
    )


def port_in_use(host: str, port: int) -> str:
    """The OS's reason when ``host:port`` cannot be bound, or ""."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return ""
