"""The OpenAI-compatible chat model (DeepSeek, Qwen/DashScope, GLM, Moonshot, Ollama, vLLM)."""

from __future__ import annotations

import httpx
from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI

from agent.config import LLMConfig


def build_chat_model(config: LLMConfig, first_call: bool = False) -> BaseChatModel:
    """A `ChatOpenAI` for ``config``; the first call never retries, so a failing endpoint costs
    one attempt.

    ``first_call``: the model for the first request of a question. It must connect *and* start
    answering within ``connect_budget`` seconds (answers are streamed, so httpx's read timeout is
    the gap between chunks), so a dead or hung endpoint falls back to offline within that budget.
    Later requests may take up to ``timeout`` per chunk; connecting is always bounded by the budget.
    """
    budget = min(config.timeout, config.connect_budget)
    timeout = httpx.Timeout(budget) if first_call else httpx.Timeout(config.timeout, connect=budget)
    return ChatOpenAI(
        base_url=config.base_url,
        model=config.model,
        api_key=config.api_key or "EMPTY",  # local servers (Ollama, vLLM) accept any key
        timeout=timeout,
        max_retries=0 if first_call else config.max_retries,
    )
