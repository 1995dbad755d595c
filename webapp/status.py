"""The status view: what the app runs on. The API key is never shown, only whether it is set."""

from __future__ import annotations

from importlib import metadata
from urllib.parse import urlsplit, urlunsplit

from agent import Settings
from agent.catalog import IndexStats
from webapp.library import human_size


def version() -> str:
    try:
        return metadata.version("policyqa")
    except metadata.PackageNotFoundError:
        return "未安装（源码运行）"


def status_markdown(settings: Settings, stats: IndexStats) -> str:
    llm = settings.llm
    mode = f"大模型生成（{llm.model}），失败时自动改用离线抽取" if llm.enabled else "离线抽取（未配置大模型）"
    store = settings.ingest.chroma_url or f"本地 Chroma（{settings.index_dir}/chroma）"
    rows = [
        ("运行模式", mode),
        ("嵌入模型", settings.ingest.embeddings),
        ("向量库", store),
        ("大模型接口", _safe_url(llm.base_url) or "未设置"),
        ("大模型名称", llm.model or "未设置"),
        ("API Key", "已设置（不显示）" if llm.api_key else "未设置"),
        ("语料目录", str(settings.corpus_dir)),
        ("索引目录", str(settings.index_dir)),
        ("文档数", str(stats.documents)),
        ("文本块", str(stats.chunks)),
        ("向量数", str(stats.vectors)),
        ("索引占用空间", human_size(stats.disk_bytes)),
        ("上次更新索引", stats.last_ingest or "—"),
        ("版本", f"policyqa {version()}"),
    ]
    lines = ["| 项目 | 当前值 |", "|---|---|"]
    lines += [f"| {name} | {_cell(value)} |" for name, value in rows]
    return "\n".join(lines)


def _safe_url(url: str) -> str:
    """The endpoint without any user:password part (a key can hide there too)."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")
