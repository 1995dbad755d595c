"""The HTTP server: the Gradio app at ``/`` plus ``/document`` (a whole document, the cited
passage marked) and ``/document/file`` (the original file), both only for indexed documents.

With ``auth`` (QA_AUTH_USER / QA_AUTH_PASSWORD) Gradio asks for a login, and the two document
routes answer only requests that carry the session cookie Gradio set at login."""

from __future__ import annotations

import html
import socket
from importlib import resources
from urllib.parse import urlencode

import gradio as gr
from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse
from starlette.routing import Mount

from agent import PolicyQA
from agent.catalog import source_path
from webapp.docview import full_document_html

FONTS = ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "sans-serif"]


def static_text(name: str) -> str:
    return resources.files("webapp").joinpath("static", name).read_text(encoding="utf-8")


LOGIN_FIRST = (
    "<!doctype html><meta charset='utf-8'><p>请先登录：打开<a href='./'>问答首页</a>，"
    "用账号登录后再查看文档。</p>"
)


def create_server(qa: PolicyQA, blocks: gr.Blocks, auth: tuple[str, str] | None = None) -> FastAPI:
    api = FastAPI(title="PolicyQA")

    def signed_out(request: Request) -> bool:
        return auth is not None and _gradio_user(api, request) is None

    @api.get("/document", response_class=HTMLResponse)
    def document(
        request: Request, source: str, start: int | None = None, end: int | None = None
    ) -> HTMLResponse:
        if signed_out(request):
            return HTMLResponse(LOGIN_FIRST, status_code=401)
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
    def document_file(request: Request, source: str):
        if signed_out(request):
            return HTMLResponse(LOGIN_FIRST, status_code=401)
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
        auth=auth,
        auth_message="PolicyQA 需要登录：请输入管理员设置的用户名和密码（QA_AUTH_USER / QA_AUTH_PASSWORD）",
    )


def _gradio_user(api: FastAPI, request: Request) -> str | None:
    """The user Gradio's login cookie names, or None (the Gradio app mounted on ``api`` keeps
    the tokens it issued at login)."""
    for route in api.routes:
        app = getattr(route, "app", None) if isinstance(route, Mount) else None
        if app is not None and hasattr(app, "tokens") and hasattr(app, "cookie_id"):
            token = request.cookies.get(f"access-token-{app.cookie_id}") or request.cookies.get(
                f"access-token-unsecure-{app.cookie_id}"
            )
            return app.tokens.get(token)
    return None


def port_in_use(host: str, port: int) -> str:
    """The OS's reason when ``host:port`` cannot be bound, or ""."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return ""
