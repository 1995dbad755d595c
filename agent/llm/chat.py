"""The OpenAI-compatible chat model (DeepSeek, Qwen/DashScope, GLM, Moonshot, Ollama, vLLM,
llama.cpp)."""

from __future__ import annotations

import openai
from langchain_core.language_models import BaseChatModel
from langchain_openai import ChatOpenAI

from agent.config import LLMConfig


def build_chat_model(config: LLMConfig, first_call: bool = False) -> BaseChatModel:
    """A streaming `ChatOpenAI` for ``config``.

    Connecting is bounded by ``connect_budget``: a refused or unreachable endpoint fails fast.
    Once connected, a local CPU model may read the prompt for a long time before its first byte,
    so the HTTP client waits up to ``first_token_budget`` between bytes; the answerer enforces the finer
    budgets (first token, then ``timeout`` between chunks) and shows the wait to the user.
    ``first_call``: the first request of a question never retries, so a failing endpoint costs
    one attempt.
    """
    read = max(config.first_token_budget, config.timeout)
    return ChatOpenAI(
        base_url=config.base_url,
        model=config.model,
        api_key=config.api_key or "EMPTY",  # local servers (Ollama, vLLM, llama.cpp) accept any key
        # openai's own Timeout: openai 3.61+ runs on httpx2, whose clients reject an httpx.Timeout
        timeout=openai.Timeout(read, connect=config.connect_budget),
        max_retries=0 if first_call else config.max_retries,
        # LangChain sends its max_tokens as OpenAI's newer max_completion_tokens, which llama.cpp
        # ignores (measured: a reply ran past 200 tokens with max_tokens=64 and hung at the end);
        # every OpenAI-compatible server listed above reads the classic max_tokens
        extra_body={"max_tokens": config.max_tokens},
        streaming=True,
    )
