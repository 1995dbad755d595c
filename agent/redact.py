"""Secrets out of text that a user, a log or a report will see: the configured API key, any
``Bearer`` token or ``sk-…`` key an endpoint echoed back, and a URL's ``user:password@``."""

from __future__ import annotations

import re

MASK = "***"
MIN_KEY_CHARS = 4  # shorter "keys" (placeholders such as "x") would mask ordinary text
_BEARER = re.compile(r"(Bearer\s+)\S+", re.IGNORECASE)
_SK_KEY = re.compile(r"\bsk-[A-Za-z0-9_\-]{8,}")  # the OpenAI/DeepSeek/Moonshot key format
_USERINFO = re.compile(r"(://)[^/@\s]+@")


def redact(text: str, *secrets: str) -> str:
    """``text`` with each of ``secrets``, bearer tokens, ``sk-`` keys and URL credentials
    replaced by ***."""
    for secret in secrets:
        if secret and len(secret) >= MIN_KEY_CHARS:
            text = text.replace(secret, MASK)
    text = _BEARER.sub(lambda m: m.group(1) + MASK, text)
    text = _SK_KEY.sub(MASK, text)
    return _USERINFO.sub(lambda m: m.group(1) + MASK + "@", text)
