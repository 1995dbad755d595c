"""Settings: one frozen object, read once from the environment at the program's edge."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from agent.errors import ConfigError
from ingest.config import IngestConfig


@dataclass(frozen=True)
class LLMConfig:
    """An OpenAI-compatible chat endpoint. Empty ``base_url`` and ``model``: offline mode."""

    base_url: str = ""
    model: str = ""
    api_key: str = field(default="", repr=False)  # never printed with the settings
    timeout: float = 20.0
    max_retries: int = 0
    connect_budget: float = 3.0  # seconds to connect; a refused or unreachable endpoint fails fast
    first_token_budget: float = 120.0  # seconds a connected model may read before it answers
    max_tokens: int = 512  # a rambling model is cut here
    passages: int = 5  # passages per search: each costs prompt-reading time on a local CPU model

    def __post_init__(self) -> None:
        for name, env in (("timeout", "QA_LLM_TIMEOUT"), ("connect_budget", "QA_LLM_CONNECT_BUDGET"),
                          ("first_token_budget", "QA_LLM_FIRST_TOKEN_BUDGET"),
                          ("max_tokens", "QA_LLM_MAX_TOKENS"), ("passages", "QA_LLM_PASSAGES")):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{env}={getattr(self, name)} 无效；请设为大于 0 的数")

    @property
    def enabled(self) -> bool:
        return bool(self.base_url and self.model)


@dataclass(frozen=True)
class Settings:
    corpus_dir: Path = Path("corpus")
    index_dir: Path = Path(".index")
    top_k: int = 6
    ingest: IngestConfig = field(default_factory=IngestConfig)
    llm: LLMConfig = field(default_factory=LLMConfig)
    host: str = "127.0.0.1"
    port: int = 7860
    feedback_path: Path = Path("evals/feedback/feedback.jsonl")
    # the web app's optional login (Gradio auth): both set, or neither
    auth_user: str = ""
    auth_password: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        if bool(self.auth_user) != bool(self.auth_password):
            given, missing = (
                ("QA_AUTH_USER", "QA_AUTH_PASSWORD") if self.auth_user else ("QA_AUTH_PASSWORD", "QA_AUTH_USER")
            )
            raise ConfigError(
                f"只设置了 {given}，没有设置 {missing}；网页登录需要两者都设置（或都不设置，不要求登录）"
            )
        if self.top_k <= 0:
            raise ConfigError(f"top_k 必须大于 0，当前为 {self.top_k}；请把 QA_TOP_K 设为正整数")
        if not 0 < self.port < 65536:
            raise ConfigError(f"端口 {self.port} 无效；请设置 1–65535 之间的 QA_PORT")

    @property
    def auth(self) -> tuple[str, str] | None:
        """(user, password) for the web app's login, or None: no login."""
        return (self.auth_user, self.auth_password) if self.auth_user else None

    def with_(self, **changes) -> Settings:
        return replace(self, **changes)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides) -> Settings:
        env = os.environ if env is None else env
        llm = LLMConfig(
            base_url=(env.get("QA_LLM_BASE_URL") or env.get("OPENAI_BASE_URL") or "").strip(),
            model=(env.get("QA_LLM_MODEL") or env.get("OPENAI_MODEL") or "").strip(),
            api_key=(env.get("QA_LLM_API_KEY") or env.get("OPENAI_API_KEY") or "").strip(),
            timeout=_number(env, "QA_LLM_TIMEOUT", 20.0),
            connect_budget=_number(env, "QA_LLM_CONNECT_BUDGET", 3.0),
            first_token_budget=_number(env, "QA_LLM_FIRST_TOKEN_BUDGET", 120.0),
            max_tokens=int(_number(env, "QA_LLM_MAX_TOKENS", 512)),
            passages=int(_number(env, "QA_LLM_PASSAGES", 5)),
        )
        values = dict(
            corpus_dir=Path(env.get("QA_CORPUS_DIR", "corpus")),
            index_dir=Path(env.get("QA_INDEX_DIR", ".index")),
            top_k=int(_number(env, "QA_TOP_K", 6)),
            ingest=IngestConfig.from_env(env),
            llm=llm,
            host=env.get("QA_HOST", "127.0.0.1"),
            port=int(_number(env, "QA_PORT", 7860)),
            feedback_path=Path(env.get("QA_FEEDBACK_PATH", "evals/feedback/feedback.jsonl")),
            auth_user=env.get("QA_AUTH_USER", "").strip(),
            auth_password=env.get("QA_AUTH_PASSWORD", ""),
        )
        values.update({k: v for k, v in overrides.items() if v is not None})
        for key in ("corpus_dir", "index_dir", "feedback_path"):
            values[key] = Path(values[key])
        return cls(**values)


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"环境变量 {name}={raw!r} 不是数字；请改为数字，例如 {default:g}") from None
