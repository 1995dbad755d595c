"""Why the LLM endpoint could not answer, said in one line of Chinese for the user."""

from __future__ import annotations

import importlib
import json
import re

import httpx
import openai
from langchain_core.exceptions import (
    ModelAuthenticationError,
    ModelConnectionError,
    ModelError,
    ModelNotFoundError,
    ModelRateLimitError,
    ModelTimeoutError,
)

from agent.config import LLMConfig
from agent.errors import LLMUnavailableError
from agent.llm.pacing import Stalled
from agent.redact import redact


class EmptyReply(Exception):
    """The model finished without writing anything (or only a reasoning block)."""


class Unverified(Exception):
    """Every sentence the model wrote failed the claim check."""

    def __init__(self, removed: int) -> None:
        super().__init__(f"{removed} sentence(s) removed")
        self.removed = removed




def _http_errors(name: str) -> tuple[type[BaseException], ...]:
    """The exception class ``name`` of httpx and of httpx2, which openai 3.61+ runs on
    (its transport errors surface unwrapped mid-stream, from whichever client openai uses)."""
    found = [httpx]
    try:
        found.append(importlib.import_module("httpx2"))
    except ImportError:
        pass
    return tuple(getattr(module, name) for module in found)


HTTP_ERRORS = _http_errors("HTTPError")
TIMEOUTS = _http_errors("TimeoutException")
TRANSPORT_ERRORS = _http_errors("TransportError")

# errors that mean "the endpoint did not answer": the caller falls back to the offline answer.
# HTTP errors surface unwrapped when a server dies mid-stream; a garbled stream raises JSON errors
MODEL_ERRORS = (openai.APIError, ModelError, *HTTP_ERRORS, json.JSONDecodeError, Stalled,
                EmptyReply, Unverified)

FALLBACK = "已改用离线答案"


def unavailable(
    exc: BaseException, config: LLMConfig, model: str = "", midstream: bool = False
) -> LLMUnavailableError:
    """An `LLMUnavailableError` whose ``cause`` names what went wrong and how to fix it.
    ``midstream``: the model had started writing (a lost connection is then a drop, not a
    refusal to connect)."""
    url = config.base_url or _request_url(exc)
    model = config.model or model
    if isinstance(exc, Stalled) and exc.phase == "reading":
        cause = (f"大模型 {exc.budget:g} 秒内没有开始回答（{url}），{FALLBACK}；"
                 "本地模型读资料较慢时可调大 QA_LLM_FIRST_TOKEN_BUDGET")
    elif isinstance(exc, Stalled):
        cause = f"大模型回答停顿超过 {exc.budget:g} 秒（{url}），{FALLBACK}；可调大 QA_LLM_TIMEOUT"
    elif isinstance(exc, EmptyReply):
        cause = f"大模型{f' {model} ' if model else ''}返回了空回答，{FALLBACK}"
    elif isinstance(exc, Unverified):
        cause = f"大模型的回答无法在资料中核实（已删除 {exc.removed} 句），{FALLBACK}"
    elif isinstance(exc, (openai.APITimeoutError, ModelTimeoutError, *TIMEOUTS)):
        cause = (f"大模型响应超时（{url}），{FALLBACK}；连接须在 {config.connect_budget:g} 秒内建立"
                 "（QA_LLM_CONNECT_BUDGET）")
    elif isinstance(exc, TRANSPORT_ERRORS) or (
        midstream and isinstance(exc, (openai.APIConnectionError, ModelConnectionError))
    ):
        cause = f"大模型服务连接中断（{url}），{FALLBACK}；请检查服务是否仍在运行"
    elif isinstance(exc, json.JSONDecodeError):
        cause = f"大模型服务返回了无法解析的数据（{url}），{FALLBACK}"
    elif isinstance(exc, (openai.APIConnectionError, ModelConnectionError)):
        cause = f"大模型服务连接失败（{url}），{FALLBACK}；请检查 QA_LLM_BASE_URL 与服务是否启动"
    elif isinstance(exc, (openai.AuthenticationError, ModelAuthenticationError)):
        cause = f"大模型 API 密钥无效（{url}），{FALLBACK}；请检查 QA_LLM_API_KEY"
    elif isinstance(exc, (openai.NotFoundError, ModelNotFoundError)):
        cause = f"模型 {model} 不存在（{url}），{FALLBACK}；请检查 QA_LLM_MODEL"
    elif isinstance(exc, (openai.RateLimitError, ModelRateLimitError)):
        cause = f"大模型服务限流或额度不足（{url}），{FALLBACK}"
    else:
        status = getattr(exc, "status_code", None)
        detail = " ".join(str(getattr(exc, "message", "") or exc).split())
        detail = re.sub(r"^Error code: \d+ - ", "", detail)[:120]
        code = f"HTTP {status}：" if status else ""
        cause = f"大模型服务出错（{code}{detail}），{FALLBACK}"
    return LLMUnavailableError(redact(cause, config.api_key))  # servers echo keys


def _request_url(exc: BaseException) -> str:
    request = getattr(exc, "request", None)
    try:
        return str(request.url) if request is not None else "未配置地址"
    except RuntimeError:  # httpx raises when a response has no request attached
        return "未配置地址"
