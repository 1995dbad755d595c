"""Passages as the claim check reads them: without the sentences that are injected instructions
(`agent.instructions`), so a sentence that obeys one is unsupported even when it repeats the
injected text word for word."""

from __future__ import annotations

from agent.instructions import is_instruction
from agent.llm.claims import split_sentences


def without_instructions(text: str) -> str:
    """``text`` with its injected-instruction sentences left out (their whitespace kept)."""
    parts = split_sentences(text)
    if not any(is_instruction(sentence) for sentence, _ in parts):
        return text
    return "".join(space if is_instruction(sentence) else sentence + space for sentence, space in parts)
