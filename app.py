"""PolicyQA web app: chat with sources shown in their documents, a knowledge-base tab, status.

    python app.py [--host H] [--port P] [--corpus DIR] [--index DIR]

The handlers are plain methods (`webapp.chat.ChatHandlers`, `webapp.kb.LibraryHandlers`) that
tests call directly; `build_app` wires them to components; `main` opens the index (building it
when missing or stale) and serves the app with uvicorn. Only app.py and `webapp/` import gradio.
"""

import argparse
import os
import sys

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from agent import PolicyQA, Settings
from agent.errors import PolicyQAError
from ingest.errors import IngestError
from webapp.chat import ChatHandlers
from webapp.kb import LibraryHandlers
from webapp.layout import TITLE, build_app
from webapp.reply import location, plain_reply, reply_markdown

__all__ = [
    "TITLE",
    "ChatHandlers",
    "LibraryHandlers",
    "build_app",
    "location",
    "main",
    "plain_reply",
    "reply_markdown",
]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=f"{TITLE}（网页）")
    parser.add_argument(
        "--host", help="监听地址（默认 QA_HOST 或 127.0.0.1，只有本机可访问；0.0.0.0 对局域网开放）"
    )
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
    except (PolicyQAError, IngestError) as exc:
        print(f"启动失败：{exc}", file=sys.stderr)
        return 2
    from webapp.exposure import exposure_warning
    from webapp.server import create_server, port_in_use

    if warning := exposure_warning(settings.host, settings.port, settings.auth is not None):
        print(warning, file=sys.stderr, flush=True)

    if reason := port_in_use(settings.host, settings.port):
        print(
            f"无法在 {settings.host}:{settings.port} 启动网页（{reason}）；"
            "端口可能已被占用，请用 --port 或 QA_PORT 换一个端口",
            file=sys.stderr,
        )
        return 2
    try:
        qa = PolicyQA.open(settings=settings)
    except (PolicyQAError, IngestError) as exc:
        print(f"启动失败：{exc}", file=sys.stderr)
        return 2
    if qa.report is not None:
        print(qa.report.summary(), flush=True)
    import uvicorn

    server = create_server(qa, build_app(qa), auth=settings.auth)
    login = f"（需登录，用户 {settings.auth_user}）" if settings.auth else ""
    print(f"网页已启动：http://{settings.host}:{settings.port}/{login}", flush=True)
    uvicorn.run(server, host=settings.host, port=settings.port, log_level="warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
