"""Audit of what the user was shown in LLM mode: every sentence of the answer must carry [n]
markers, and the quotes those markers point to must state its figures, names and content words.

This reads only the final `Answer` (its text and its citations), not the claim check's own
verdicts: it catches a sentence that slipped past the check, lost its support when the quote was
narrowed, or got the wrong number when markers were renumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.llm.claims import CITE, cites_of, split_sentences
from agent.llm.content import ARITHMETIC_WORDS, content_terms, is_foreign
from agent.llm.facts import figure_supported, figures_in, names_in, normal

_BASIS = re.compile(r"\n\s*(?:依据|依據)：[\s\S]*$")


@dataclass(frozen=True)
class Unsupported:
    sentence: str
    missing: tuple[str, ...]


def audit(answer) -> list[Unsupported]:
    """The shown sentences of an LLM-mode ``answer`` that its cited quotes do not support."""
    if getattr(answer, "mode", "") != "llm" or answer.refused:
        return []
    quotes = {n: normal(c.quote) for n, c in enumerate(answer.citations, start=1)}
    out = []
    for sentence, _ in split_sentences(_BASIS.sub("", answer.text)):
        body = normal(CITE.sub(" ", sentence)).strip()
        if not re.search(r"[\w\u4e00-\u9fff]", body):
            continue
        cited = [n for n in cites_of(sentence) if n in quotes]
        if not cited:
            out.append(Unsupported(sentence, ("无引用",)))
            continue
        text = "".join(quotes[n] for n in cited).lower()
        facts = figures_in(text)
        derived = _derived([f.value for f in facts])
        figures = figures_in(body)
        missing = [f.text for f in figures if not figure_supported(f, facts, derived)]
        computed = any(not figure_supported(f, facts, ()) for f in figures)
        missing += [x for x in names_in(body) if x.lower() not in text]
        if is_foreign(body):
            missing.append("非中文句子")
        else:
            missing += [t for t in content_terms(body) if t.lower() not in text
                        and not (computed and t in ARITHMETIC_WORDS)]
        if missing:
            out.append(Unsupported(sentence, tuple(missing)))
    return out


def _derived(values: list[float]) -> list[float]:
    """What one step of arithmetic on two quoted figures gives (a calculation's result is not in
    the document): sums, differences, ratios and shares in per cent."""
    out: list[float] = []
    for a in values:
        for b in values:
            out += [a + b, a - b, a * b]
            if b:
                out += [a / b, 100 * a / b, 100 * (a - b) / b]
    return out
