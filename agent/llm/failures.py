"""Why the LLM endpoint could not answer, said in one line of Chinese for the user."""

from __future__ import annotations

import re

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

# errors that mean "the endpoint did not answer": the caller falls back to the offline answer
MODEL_ERRORS = (openai.APIError, ModelError)

FALLBACK = "已改用离线答案"


def unavailable(exc: BaseException, config: LLMConfig, model: str = "") -> LLMUnavailableError:
    """An `LLMUnavailableError` whose ``cause`` names what went wrong and how to fix it."""
    url = config.base_url or _request_url(exc)
    model = config.model or model
    if isinstance(exc, (openai.APITimeoutError, ModelTimeoutError)):
        budget = min(config.timeout, config.connect_budget)
        cause = f"大模型响应超时（{url}），{FALLBACK}；首次响应须在 {budget:g} 秒内开始"
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
    return LLMUnavailableError(cause)


def _request_url(exc: BaseException) -> str:
    request = getattr(exc, "request", None)
    try:
        return str(request.url) if request is not None else "未配置地址"
    except RuntimeError:  # httpx raises when a response has no request attached
        return "未配置地址"
