"""Which contact channel a question asks for (「咨询电话是多少」: 电话, 热线, 专线), and whether a
sentence gives a number for it. Read by the ranking (`gather/rank.typed_first`), the field reader
(`extract/fields`) and the checks (`check/rules`). Plain Python."""

from __future__ import annotations

import re

from agent.lexicon.wordlists import groups, table, words
from agent.offline.understand.question import Question

# the heads of contact fields (agent/lexicon/contact_heads.txt): 电话, 地址, 邮箱…; one channel a line
CONTACT_HEADS = words("contact_heads")
_CHANNELS = groups("contact_heads")
NUMBERED_HEAD = re.compile("电话|热线|专线|传真|号码")  # contacts that are numbers
NUMBER = re.compile(r"\d{5,}|\d{3,4}-\d{5,}")


# the endings of an office's name (agent/lexicon/organisation_heads.tsv: office-end): 科 股 室 中心 窗口…
OFFICE_HEADS = tuple(table("organisation_heads")["office-end"])


def offices_named(q: Question) -> tuple[str, ...]:
    """The offices the question names by a word and an office head after it (「想打电话问住宅科」:
    住宅科, which jieba cuts 住宅|科), or as one word (「待遇保障股」)."""
    glued = [a + b for a, b in zip(q.terms, q.terms[1:]) if b in OFFICE_HEADS and len(a) >= 2 and a + b in q.text]
    whole = [t for t in q.terms if len(t) >= 3 and t.endswith(OFFICE_HEADS) and t not in q.names]
    return tuple(dict.fromkeys(glued + whole))


def contact_heads_like(head: str) -> tuple[str, ...]:
    """The heads that name the same contact channel as ``head`` (「电话」: 热线, 专线), or ()."""
    return next((channel for channel in _CHANNELS if head in channel), ())


def asked_contact(q: Question) -> tuple[str, ...]:
    """The heads of the contact channel the question asks for (「哪个电话」: 电话, 热线, 专线), or ()."""
    asked = [h for h in CONTACT_HEADS if h in q.kind or any(n.endswith(h) for n in q.asked)]
    return tuple(dict.fromkeys(like for h in asked for like in contact_heads_like(h)))


def gives_number(heads: tuple[str, ...], norm: str) -> bool:
    """``norm`` names one of the numbered ``heads`` with a line's number (「洽询专线:(03)5278811」),
    not a phone it only mentions (「以电话、书面方式查核」) nor a city-wide service number
    (「也可拨打12345政务服务便民热线」)."""
    return any(h in norm for h in heads if NUMBERED_HEAD.search(h)) and _LINE_NUMBER.search(norm) is not None


# a telephone line's number: seven digits or more, after an area code or not (「0761-3312870」
# 「(03)5278811」); the five-digit service numbers (12345, 12319) are no office's line
_LINE_NUMBER = re.compile(r"(?<!\d)\d{7,}|\d{3,4}-\d{7,8}|[(（]\d{2,4}[)）]\s*\d{6,8}")


__all__ = ["CONTACT_HEADS", "NUMBER", "NUMBERED_HEAD", "asked_contact", "contact_heads_like", "gives_number"]


# a line's number with its area code (「0742-5316999」「(03)5278811」): a document that gives one
# gives a phone, labelled or not (「漳岵市殡仪馆（24小时服务）：0742-…」)
_AREA_NUMBER = re.compile(r"(?<![\d-])\d{3,4}-\d{7,8}(?![\d-])|[(（]\d{2,4}[)）]\s*\d{6,8}")


def gives_phone(heads, text: str) -> bool:
    """``heads`` name the phone channel (电话, 热线, 专线, 号码) and ``text`` gives a line's number with
    its area code, whatever it calls it."""
    return any(h in contact_heads_like("电话") for h in heads) and _AREA_NUMBER.search(text) is not None

