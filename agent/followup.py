"""Resolving follow-up questions: 「它」「该平台」「那家公司」 → the entity of the previous turn."""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.types import Turn
from ingest.normalize import normalize_query

# a demonstrative + a classifier/noun, or a bare pronoun at a clause start
_ANAPHOR = re.compile(
    r"(?:该|这|那|此)(?:家|个|座|所|项|位|些)?(?:公司|企业|集团|平台|中心|项目|机构|实验室|基地|地区|城市|区|市|模型|大模型|人)"
    r"|(?:这家|那家|该家|这个|那个)|(?<![\u4e00-\u9fff])它们?|^它们?|^其|他们|她们|^他|^她"
)
_ENTITY_SUFFIX = re.compile(
    r"[\u4e00-\u9fffA-Za-z0-9]{2,20}?(?:股份有限公司|有限公司|集团|公司|企业|中心|平台|实验室|大学|基地|项目|区|市|大模型)"
)


def needs_context(question: str) -> bool:
    return bool(_ANAPHOR.search(normalize_query(question)))


def resolve(question: str, turns: Sequence[Turn], vocabulary: Sequence[str] = ()) -> str:
    """Rewrite ``question`` with the entity it refers to, or return it unchanged."""
    if not turns or not needs_context(question):
        return question
    text = normalize_query(question)
    anaphor = _ANAPHOR.search(text).group(0)
    kind = next((k for k, nouns in _KINDS.items() if any(n in anaphor for n in nouns)), "")
    entity = _entity(turns[-1], vocabulary, kind)
    if not entity:
        return question
    return _ANAPHOR.sub(entity, text, count=1)


_KINDS = {
    "org": ("公司", "企业", "集团", "家", "机构"),
    "platform": ("平台", "中心", "实验室", "基地"),
    "project": ("项目",),
    "place": ("地区", "城市", "区", "市"),
    "model": ("模型",),
}
_SUFFIXES = {
    "org": ("公司", "企业", "集团", "科技"),
    "platform": ("平台", "中心", "实验室", "基地"),
    "project": ("项目", "基地", "中心"),
    "place": ("区", "市", "县", "省"),
    "model": ("模型",),
}


def _entity(turn: Turn, vocabulary: Sequence[str], kind: str) -> str:
    """The named thing of the last turn the anaphor points to.

    A typed anaphor (「该平台」) takes the most specific name of that kind, from the last answer
    first; a bare 「它」 takes the subject of the last question.
    """
    first_line = normalize_query(turn.answer.strip().splitlines()[0]) if turn.answer.strip() else ""
    question = normalize_query(turn.question)
    texts = (first_line, question) if kind else (question, first_line)
    for text in texts:
        if not text:
            continue
        names = [w for w in vocabulary if len(w) >= 3 and w in text] + _ENTITY_SUFFIX.findall(text)
        if kind:
            names = [n for n in names if n.endswith(_SUFFIXES[kind])]
        if names:
            return max(names, key=lambda w: (len(w), -text.index(w)))
    return ""
